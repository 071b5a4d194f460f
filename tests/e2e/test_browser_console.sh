#!/bin/sh
# Browser test of the office console: Debian's chromium driven by
# playwright-core (tests/browser/console.mjs) against the real `ikm serve`
# on a loopback port over a temporary database, on a desktop viewport —
# signing in through /login (a wrong password first), adding a period that
# holds today, typing three paper sheets by keyboard, the IKM on the results
# page equal to `ikm compute --unit` and changing after a fourth sheet, the
# recommendation letter downloaded by a click, and signing out.
# Screenshots (console-*.png) and the letter go to $IKM_ARTIFACTS (default
# BUILD/artifacts/browser). Without chromium, node or
# tests/browser/node_modules the suite reports one SKIP with the reason.
. "$IKM_TOP/tests/e2e/lib.sh"
need_browser "browser: console sign-in, period, paper entry, results, letter, sign-out"

DB="$T/ikm.db"
ikm() { "$IKM" "$@" --db "$DB" >/dev/null; }
ikm init --name "Pemerintah Kota Mojokerto"
ikm unit add dispenduk --name "Dinas Kependudukan & Pencatatan Sipil"
ikm service add akta --unit dispenduk --name "Akta Kelahiran"
# An earlier period with results, so the results page has a trend.
ikm period add 2022-s1 --from 2022-01-01 --to 2022-06-30 --name "Semester I 2022"
ikm import "$IKM_TOP/examples/mojokerto-2022-s1-demo.csv" --unit dispenduk --period 2022-s1
echo "sandi-konsol-uji-1" | ikm user add ani --role admin-kota --name "Ani Admin"

start_server console --db "$DB"
ok "server started at $url"

artifacts=${IKM_ARTIFACTS:-$(dirname "$IKM")/artifacts/browser}
mkdir -p "$artifacts"
export IKM_URL="$url" IKM_DB="$DB" IKM_CHROMIUM="$chromium" IKM_ARTIFACTS="$artifacts" \
	IKM_USER=ani IKM_USER_PASSWORD="sandi-konsol-uji-1"
run_node console.mjs
echo "# screenshots: $artifacts/console-*.png"

kill -TERM "$pid" 2>/dev/null
wait "$pid"
rc=$?
if [ "$rc" = 0 ]; then ok "server: clean exit on SIGTERM"; else not_ok "server: clean exit on SIGTERM" "exit $rc $(cat "$T/console.err")"; fi
done_testing
