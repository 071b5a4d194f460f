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
chromium=${IKM_CHROMIUM:-/usr/bin/chromium}
what="browser: phone form, kiosk offline then online exactly once, inactivity reset"
why=""
if [ ! -x "$chromium" ]; then
	why="$chromium tidak ada / missing (apt-get install chromium; .ci/run does)"
elif ! command -v node >/dev/null 2>&1; then
	why="node tidak ada / missing"
elif [ ! -f "$IKM_TOP/tests/browser/node_modules/playwright-core/package.json" ]; then
	why="tests/browser/node_modules tidak ada / missing (cd tests/browser && npm ci; .ci/run does)"
elif ! command -v python3 >/dev/null 2>&1; then
	why="python3 tidak ada / missing"
fi
if [ -n "$why" ] && [ -n "${IKM_REQUIRE_BROWSER:-}" ]; then
	not_ok "$what" "IKM_REQUIRE_BROWSER is set (CI), but: $why"
	done_testing
	exit 1
fi
if [ -n "$why" ]; then
	skip "$what" "$why"
	done_testing
	exit 0
fi

DB="$T/ikm.db"
"$IKM" init --db "$DB" --name "Pemerintah Kota Mojokerto" >/dev/null
"$IKM" unit add dispenduk --db "$DB" --name "Dinas Kependudukan & Pencatatan Sipil" >/dev/null
"$IKM" service add akta --unit dispenduk --db "$DB" --name "Akta Kelahiran" >/dev/null
"$IKM" period add kini --db "$DB" --from 2020-01-01 --to 2099-12-31 --name "Periode uji" >/dev/null

start_server serve --db "$DB"
ok "server started at $url"

artifacts=${IKM_ARTIFACTS:-$(dirname "$IKM")/artifacts/browser}
mkdir -p "$artifacts"
IKM_URL="$url" IKM_DB="$DB" IKM_SERVE_PID="$pid" IKM_CHROMIUM="$chromium" \
	IKM_ARTIFACTS="$artifacts" IKM_SERVE_LOG="$T/serve2.err" TAP_START="$tap_n" \
	TAP_RESULT="$T/tap" node "$IKM_TOP/tests/browser/run.mjs"
node_rc=$?
if [ -f "$T/tap" ]; then
	read -r tap_n node_failed <"$T/tap"
	tap_failed=$((tap_failed + node_failed))
	[ "$node_rc" -eq 0 ] || [ "$node_failed" -gt 0 ] || not_ok "run.mjs exit status" "exit $node_rc"
else
	not_ok "run.mjs finished" "exit $node_rc"
fi
echo "# screenshots: $artifacts"

# The first server was stopped by run.mjs (SIGTERM) for the offline part.
kill -TERM "$pid" 2>/dev/null
wait "$pid"
rc=$?
if [ "$rc" = 0 ]; then ok "first server: clean exit on SIGTERM"; else not_ok "first server: clean exit on SIGTERM" "exit $rc $(cat "$T/serve.err")"; fi
done_testing
