#!/bin/sh
# The console's adversarial suite over the real server: SQL injection,
# script, over-long values, control characters and NUL, invalid UTF-8 and
# CRLF in every field of every console form (found by reading the pages,
# hidden ids included), of the public questionnaire, the kiosk POST and the
# API, and in every query parameter and path segment of the console's
# routes; another subtree's ids; path traversal on the downloads; hostile
# uploads (too large, wrong types by content, XLSX bombs, malformed
# multipart, no CSRF); requests without a session; the security headers of
# every console page. Then every page and document that could show what
# was stored is read: no 5xx, nothing raw, the database intact with exactly
# the rows the accepted requests added. The driver is console_adversarial.py
# (about 10,000 requests: some seconds, a minute or two under valgrind).
. "$IKM_TOP/tests/e2e/lib.sh"
need_curl "the console's adversarial suite"
export IKM_PASSWORD_COST=min
DB="$T/ikm.db"
PW=kata-sandi-uji-panjang
ikm() { "$IKM" "$@" --db "$DB" >/dev/null; }
ikm init --name 'Pemerintah Kota "Uji" <script>alert(1)</script> & Co'
ikm unit add kota --name "Kota Uji"
ikm unit add dispenduk --parent kota --name 'Dinas <img src=x onerror=alert(1)> Kependudukan'
ikm unit add lain --name "Dinas Lain </script><script>alert(2)</script>"
ikm unit add lab --name "Unit Laboratorium"
ikm service add akta --unit dispenduk --name "Akta '; DROP TABLE service; --"
ikm service add uji --unit lab --name "Layanan Uji"
ikm service add satu --unit lain --name "Layanan Satu"
ikm period add kini --from 2020-01-01 --to 2099-12-31 --name 'Periode <svg onload=alert(3)>'
ikm period add lalu --from 2010-01-01 --to 2019-12-31 --name "Periode Lalu"
ikm period close lalu
# Responses to review and report on: some straight-lined (flagged), with
# suggestions that try script and SQL.
python3 - "$T/seed.csv" <<'PY'
import csv, sys
w = csv.writer(open(sys.argv[1], "w", newline=""))
w.writerow([f"U{j}" for j in range(1, 10)] + ["Saran"])
for i in range(40):
    a = [4] * 9 if i % 4 == 0 else [3 + (i + j) % 2 for j in range(9)]
    hostile = ["<script>alert(1)</script>", "'; DROP TABLE response; --"][i // 4 % 2]
    w.writerow(a + [[hostile, "'; DROP TABLE response; --", "baik", ""][i % 4]])
PY
ikm import "$T/seed.csv" --unit dispenduk --period kini
ikm import "$T/seed.csv" --unit lain --period kini
for u in "admin admin-kota" "ua admin-unit lain" "op operator dispenduk" "pim pimpinan lain"; do
	set -- $u
	echo "$PW" | "$IKM" user add "$1" --role "$2" ${3:+--unit "$3"} --db "$DB" >/dev/null
done
KEY=$("$IKM" apikey add adv --db "$DB" 2>/dev/null | grep -E '^[0-9a-f]{64}$')

mkdir -p "$T/tmp"
TMPDIR="$T/tmp" start_server adv --db "$DB" --rate-limit 0 --trusted-proxy 127.0.0.1
python3 -B "$IKM_TOP/tests/e2e/console_adversarial.py" "$url" "$DB" "$KEY" >"$T/results" 2>"$T/py.err"
tab=$(printf '\t')
while IFS="$tab" read -r status what why; do
	case "$status" in
	ok) ok "$what" ;;
	"not ok") not_ok "$what" "$why" ;;
	stats) echo "# $what" ;;
	esac
done <"$T/results"
if [ -s "$T/py.err" ]; then not_ok "the driver ran to its end" "$(tail -n 20 "$T/py.err")"; fi
if [ -n "$(ls -A "$T/tmp" 2>/dev/null | grep -v '^vgdb')" ]; then
	not_ok "nothing left in the server's temporary folder" "$(ls -A "$T/tmp")"
else
	ok "nothing left in the server's temporary folder"
fi
kill "$pid" 2>/dev/null
wait "$pid"
rc=$?
if [ "$rc" -eq 0 ]; then ok "the server stops cleanly"; else not_ok "the server stops cleanly" "exit $rc: $(tail -n 30 "$T/adv.err")"; fi
done_testing
