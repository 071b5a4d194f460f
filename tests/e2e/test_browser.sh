#!/bin/sh
# Browser tests: Debian's chromium driven by playwright-core
# (tests/browser/run.mjs) against the real `ikm serve` on a loopback port
# over a temporary database — the questionnaire filled and sent on a phone
# viewport, a missing answer shown next to its question, the kiosk online,
# offline (the server stopped for real) and online again with every
# response stored exactly once, and the kiosk's inactivity reset.
# Screenshots go to $IKM_ARTIFACTS (default BUILD/artifacts/browser).
# Without /usr/bin/chromium, node or tests/browser/node_modules (`.ci/run`
# installs them) the suite reports one SKIP with the reason.
. "$IKM_TOP/tests/e2e/lib.sh"
need_browser "browser: phone form, kiosk offline then online exactly once, inactivity reset"

DB="$T/ikm.db"
"$IKM" init --db "$DB" --name "Pemerintah Kota Mojokerto" >/dev/null
"$IKM" unit add dispenduk --db "$DB" --name "Dinas Kependudukan & Pencatatan Sipil" >/dev/null
"$IKM" service add akta --unit dispenduk --db "$DB" --name "Akta Kelahiran" >/dev/null
"$IKM" period add kini --db "$DB" --from 2020-01-01 --to 2099-12-31 --name "Periode uji" >/dev/null

start_server serve --db "$DB"
ok "server started at $url"

artifacts=${IKM_ARTIFACTS:-$(dirname "$IKM")/artifacts/browser}
mkdir -p "$artifacts"
export IKM_URL="$url" IKM_DB="$DB" IKM_SERVE_PID="$pid" IKM_CHROMIUM="$chromium" \
	IKM_ARTIFACTS="$artifacts" IKM_SERVE_LOG="$T/serve2.err"
run_node run.mjs
echo "# screenshots: $artifacts"

# The first server was stopped by run.mjs (SIGTERM) for the offline part.
kill -TERM "$pid" 2>/dev/null
wait "$pid"
rc=$?
if [ "$rc" = 0 ]; then ok "first server: clean exit on SIGTERM"; else not_ok "first server: clean exit on SIGTERM" "exit $rc $(cat "$T/serve.err")"; fi
done_testing
