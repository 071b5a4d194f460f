#!/bin/sh
# End-to-end tests of the console's results (/admin/hasil) and downloads
# (/admin/unduh) over the real server: the demo imported with `ikm import`
# shows IKM 96,89 and the same element NRRs and interval as `ikm compute
# --unit --period --json`; a second period shows the trend and the change
# test; small profile groups are suppressed; every download has its type,
# magic bytes and file name; the letter names IKM 96,89; every role sees
# its subtree only; script in suggestions and unit names comes out escaped
# in the page and in the HTML documents; path traversal is refused and
# nothing is left in the server's temporary folder.
. "$IKM_TOP/tests/e2e/lib.sh"
need_curl "console results over HTTP"
export IKM_PASSWORD_COST=min
DEMO="$IKM_TOP/../shared/data/mojokerto-2022-s1-demo.csv"
[ -f "$DEMO" ] || DEMO="$IKM_TOP/examples/mojokerto-2022-s1-demo.csv"
DB="$T/ikm.db"
XSS_UNIT='Dinas Kependudukan <script>alert("unit")</script>'
ikm() { "$IKM" "$@" --db "$DB" >/dev/null; }
ikm init --name "Pemerintah Kota Mojokerto"
ikm unit add kota --name "Kota Mojokerto"
ikm unit add dispenduk --name "$XSS_UNIT" --parent kota
ikm unit add dinkes --name "Dinas Kesehatan"
ikm service add akta --unit dispenduk --name "Akta Kelahiran"
ikm period add 2022-s1 --from 2022-01-01 --to 2022-06-30 --name "Semester I 2022"
ikm period add 2022-s2 --from 2022-07-01 --to 2022-12-31 --name "Semester II 2022"
ikm import "$DEMO" --unit dispenduk --period 2022-s1
# The second period: the demo six months later with Perilaku Pelaksana
# (U7) a grade lower in 150 rows, and suggestions that try script, SQL and
# a spreadsheet formula.
python3 - "$DEMO" "$T/s2.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
head, body = rows[0], rows[1:]
u7, saran = head.index("U7"), head.index("Saran")
for i, r in enumerate(body):
    r[1] = "2022-07" + r[1][7:]
    if i < 150 and r[u7] == "4":
        r[u7] = "3"
body[0][saran] = '<script>alert("saran")</script>'
body[1][saran] = "'; DROP TABLE response; --"
body[2][saran] = '=HYPERLINK("http://contoh.invalid","klik")'
w = csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""))
w.writerow(head)
w.writerows(body)
PY
ikm import "$T/s2.csv" --unit dispenduk --period 2022-s2 --service akta
# Ten respondents of another unit: an interval wide enough to cross a grade.
{
	echo "U1,U2,U3,U4,U5,U6,U7,U8,U9"
	for i in 1 2 3 4 5; do echo "4,4,4,4,4,4,4,4,4"; echo "3,3,3,3,3,3,3,3,4"; done
} >"$T/dinkes.csv"
ikm import "$T/dinkes.csv" --unit dinkes --period 2022-s2
for u in "admin admin-kota" "pusat pimpinan" "kepala pimpinan dispenduk" "opd operator dispenduk" \
	"lain admin-unit dinkes"; do
	set -- $u
	echo "kata-sandi-$1-panjang" | "$IKM" user add "$1" --role "$2" ${3:+--unit "$3"} --db "$DB" >/dev/null
done

mkdir -p "$T/tmp"
TMPDIR="$T/tmp" start_server results --db "$DB"
base=${url%/}
expect_code() { if [ "$code" = "$2" ]; then ok "$1"; else not_ok "$1" "HTTP $code, expected $2: $(head -c 300 "$T/body")"; fi; }
expect_body() { if grep -qF -- "$2" "$T/body"; then ok "$1"; else not_ok "$1" "body lacks: $2"; fi; }
expect_no_body() { if grep -qF -- "$2" "$T/body"; then not_ok "$1" "body has: $2"; else ok "$1"; fi; }
expect_head() { if tr -d '\r' <"$T/head" | grep -qiE -- "$2"; then ok "$1"; else not_ok "$1" "headers lack: $2
$(cat "$T/head")"; fi; }
req() { # JAR METHOD PATH [DATA]
	jar=$1 method=$2 path=$3
	shift 3
	if [ "$method" = POST ]; then
		code=$(curl -s --path-as-is -D "$T/head" -o "$T/body" -w '%{http_code}' -b "$T/$jar" \
			-c "$T/$jar" --data "${1:-}" "$base$path")
	else
		code=$(curl -s --path-as-is -D "$T/head" -o "$T/body" -w '%{http_code}' -b "$T/$jar" \
			-c "$T/$jar" "$base$path")
	fi
}
csrf() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$T/body" | head -n 1; }
login() { # JAR USER
	: >"$T/$1"
	req "$1" GET /login
	req "$1" POST /login "csrf=$(csrf)&username=$2&password=kata-sandi-$2-panjang"
}
magic() { # DESC BYTES-AS-PRINTF
	if [ "$(head -c "${#2}" "$T/body")" = "$2" ]; then ok "$1"; else not_ok "$1" "starts with $(head -c 8 "$T/body" | od -c | head -n 1)"; fi
}
audit_has() { # DESC ACTION USER
	if python3 - "$DB" "$2" "$3" <<'PY'; then ok "$1"; else not_ok "$1" "no audit entry $2 by $3"; fi
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n = db.execute("SELECT COUNT(*) FROM audit WHERE action = ? AND username = ?", (sys.argv[2], sys.argv[3])).fetchone()[0]
sys.exit(0 if n > 0 else 1)
PY
}
S1="unit=dispenduk&periode=2022-s1"
S2="unit=dispenduk&periode=2022-s2"

login a admin
req a GET "/admin/hasil?$S1"
expect_code "the results page" 200
expect_body "IKM 96,89" '<dd class="ikm">96,89</dd>'
expect_body "NI with 4 decimals" '<dd>3,8756</dd>'
expect_body "mutu and kinerja" 'Sangat Baik'
expect_body "n" '<dt>Responden (n)</dt><dd>250</dd>'
# The same numbers as `ikm compute --unit --period --json`.
"$IKM" compute --unit dispenduk --period 2022-s1 --db "$DB" --json >"$T/compute.json"
python3 - "$T/compute.json" "$T/body" <<'PY' >"$T/cmp" 2>&1
import json, sys
d = json.load(open(sys.argv[1]))
page = open(sys.argv[2], encoding="utf-8").read()
comma = lambda v, n: f"{v:.{n}f}".replace(".", ",")
want = [f'<td class="num">{comma(e["nrr"], 4)}</td><td class="num">{comma(e["ikm"], 2)}</td>' for e in d["elements"]]
want.append(f'{comma(d["ci95"]["low"], 2)} &#8211; {comma(d["ci95"]["high"], 2)}')
want.append(f'<dd class="ikm">{comma(d["ikm"], 2)}</dd>')
missing = [w for w in want if w not in page]
print("\n".join(missing))
sys.exit(1 if missing else 0)
PY
if [ $? = 0 ]; then ok "every element NRR, the IKM and the interval as ikm compute prints them"; else not_ok "every element NRR, the IKM and the interval as ikm compute prints them" "$(cat "$T/cmp")"; fi
expect_body "below-average elements marked" '<tr class="below"><td>U7</td>'
expect_body "the chart is inline SVG" '<svg class="chart"'
expect_no_body "no inline script anywhere" '<script'
expect_body "the population is not set: said so" 'belum dapat dinilai'
expect_body "a small profile group is suppressed" 'tidak ditampilkan: kurang dari 30 responden'
expect_body "a large one is shown with its index" '<td>Laki-laki</td>'
expect_body "the trend lists every period with results" '<td>Semester II 2022</td>'
expect_body "the unit name escaped" 'Dinas Kependudukan &lt;script&gt;alert(&quot;unit&quot;)&lt;/script&gt;'
expect_body "a link to the downloads" "/admin/unduh?unit=dispenduk&amp;periode=2022-s1"

"$IKM" population set 300 --unit dispenduk --period 2022-s1 --db "$DB" >/dev/null
req a GET "/admin/hasil?$S1"
expect_body "with a population: Krejcie-Morgan minimum 169 and enough" 'minimum (Krejcie&#8211;Morgan) 169 responden; diperoleh 250 responden:'

req a GET "/admin/hasil?$S2"
expect_code "the second period" 200
expect_body "the trend lists the first period" '<td>Semester I 2022</td>'
expect_body "the change from the previous period" '<td class="num">-'
expect_body "and whether it is real" 'nyata (z = -'
expect_body "by service: akta" '<td>Akta Kelahiran</td>'
expect_body "a script suggestion is escaped" '&lt;script&gt;alert(&quot;saran&quot;)&lt;/script&gt;'
expect_no_body "and not live" '<script>alert("saran")'
expect_body "an SQL string is shown literally" '&#39;; DROP TABLE response; --'
req a GET "/admin/hasil?$S2&layanan=akta"
expect_code "one service" 200
expect_no_body "no breakdown by service inside one" 'Menurut layanan'
expect_body "one period so far for that service" 'Baru ada satu periode'
req a GET "/admin/hasil?$S1&halaman=2"
expect_code "the second page of suggestions" 200
req a GET "/admin/hasil?$S1&halaman=abc"
expect_code "a bad page number: 400" 400
req a GET "/admin/hasil?unit=tidakada&periode=2022-s1"
expect_code "an unknown unit: 404" 404
req a GET "/admin/hasil?unit=dispenduk&periode=2030-s1"
expect_code "an unknown period: 404" 404
req a GET "/admin/hasil?$S1&layanan=tidakada"
expect_code "an unknown service: 404" 404
req a GET "/admin/hasil?unit=dinkes&periode=2022-s1"
expect_code "a unit without responses" 200
expect_body "says there are none yet" 'Belum ada hasil'
req a GET "/admin/hasil?unit=dinkes&periode=2022-s2"
expect_code "ten respondents" 200
expect_body "an interval across a grade boundary is said" 'melewati batas mutu'
req a GET "/admin/hasil"
expect_code "no unit chosen: the chooser" 200
expect_body "the chooser lists the units" '<option value="dinkes"'
req a GET /admin/hasil
t=$(csrf)
req a POST /admin/hasil "csrf=$t"
expect_code "results are read-only: a POST is refused" 405
req a POST /admin/unduh/laporan.pdf "csrf=$t&$S1"
expect_code "so are downloads" 405
req a POST /admin/hasil "unit=dispenduk"
expect_code "a POST without the CSRF token: 403" 403

# ---- downloads ----
req a GET "/admin/unduh?$S1"
expect_code "the downloads page" 200
expect_body "links every document" "/admin/unduh/laporan.pdf?unit=dispenduk&amp;periode=2022-s1"
dl() { # NAME TYPE MAGIC [SCOPE]
	req a GET "/admin/unduh/$1?${4:-$S1}"
	if [ "$code" = 200 ]; then ok "$1: 200"; else not_ok "$1: 200" "HTTP $code: $(head -c 300 "$T/body")"; fi
	expect_head "$1: Content-Type $2" "^Content-Type: $2"
	expect_head "$1: an attachment with a safe name" "^Content-Disposition: attachment; filename=\"skm-dispenduk-2022-s[12](-akta)?-$1\"$"
	[ -n "$3" ] && magic "$1: the right bytes" "$3"
}
dl rekomendasi.pdf application/pdf "%PDF"
if command -v pdftotext >/dev/null 2>&1; then
	if pdftotext "$T/body" - 2>/dev/null | grep -q "96,89"; then ok "the letter names IKM 96,89"; else not_ok "the letter names IKM 96,89" "$(pdftotext "$T/body" - 2>&1 | head -n 20)"; fi
else
	skip "the letter names IKM 96,89" "pdftotext (poppler-utils) not installed"
fi
dl rekomendasi.docx "application/vnd.openxmlformats-officedocument.wordprocessingml.document" "PK"
dl rekomendasi.html "text/html" "<!DOCTYPE"
expect_body "the HTML letter names IKM 96,89" "96,89"
expect_body "the HTML letter escapes the unit name" 'Dinas Kependudukan &lt;script&gt;'
expect_no_body "no live script in the HTML letter" '<script'
dl laporan.pdf application/pdf "%PDF"
dl laporan.docx "application/vnd.openxmlformats-officedocument.wordprocessingml.document" "PK"
dl laporan.html "text/html" "<!DOCTYPE" "$S2"
expect_body "the HTML report escapes a script suggestion" '&lt;script&gt;alert(&quot;saran&quot;)'
expect_no_body "no live script in the HTML report" '<script'
dl olahdata.xlsx "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "PK"
dl infografis.pdf application/pdf "%PDF"
dl infografis.png image/png "$(printf '\211PNG')"
dl infografis.svg "image/svg\+xml" ""
if grep -q "<svg" "$T/body"; then ok "infografis.svg: an SVG document"; else not_ok "infografis.svg: an SVG document"; fi
dl tanggapan.csv "text/csv" "No,Tanggal" "$S2&layanan=akta"
if [ "$(grep -c . "$T/body")" = 251 ]; then ok "the CSV has every response"; else not_ok "the CSV has every response" "$(grep -c . "$T/body") lines"; fi
expect_body "a formula in the CSV is neutralised" "\"'=HYPERLINK("
audit_has "downloads are in the audit log" results.download admin
req a GET "/admin/unduh/laporan.pdf?unit=dinkes&periode=2022-s1"
expect_code "a document of a unit without responses: 404" 404
req a GET "/admin/unduh/laporan.pdf"
expect_code "a document without a scope: 400" 400

# ---- traversal and malformed parameters ----
for p in "/admin/unduh/../../../etc/passwd?$S1" "/admin/unduh/%2e%2e/%2e%2e/etc/passwd?$S1" \
	"/admin/unduh/..%2f..%2fetc%2fpasswd?$S1" "/admin/unduh//etc/passwd?$S1" \
	"/admin/unduh/laporan.pdf%00.html?$S1" "/admin/unduh/LAPORAN.PDF?$S1"; do
	req a GET "$p"
	case $code in 400 | 404) ok "refused: $p" ;; *) not_ok "refused: $p" "HTTP $code" ;; esac
	expect_no_body "nothing of the file system: $p" "root:"
done
for q in "unit=../../etc&periode=2022-s1" "unit=%2e%2e%2fetc&periode=2022-s1" \
	"unit=/etc/passwd&periode=2022-s1" "unit=dispenduk&periode=2022%00s1" \
	"unit=dispenduk&periode=2022-s1&layanan=..%2f..%2f" "unit=dispenduk%27%20OR%201%3D1--&periode=2022-s1"; do
	req a GET "/admin/unduh/laporan.pdf?$q"
	expect_code "a bad parameter refused with 400: $q" 400
	req a GET "/admin/hasil?$q"
	expect_code "the same on the results page: $q" 400
done
# (valgrind keeps files of its own there.)
if [ -z "$(ls -A "$T/tmp" | grep -v '^vgdb-')" ]; then ok "the private folders are removed"; else not_ok "the private folders are removed" "$(ls -la "$T/tmp")"; fi

# ---- roles and subtrees ----
login p pusat
req p GET "/admin/hasil?$S1"
expect_code "a pimpinan of everything reads the results" 200
login k kepala
req k GET "/admin/hasil?$S1"
expect_code "a pimpinan of the unit reads the results" 200
expect_no_body "its chooser lists no unit outside its subtree" 'value="dinkes"'
req k GET "/admin/unduh/rekomendasi.pdf?$S1"
expect_code "and downloads" 200
req k GET "/admin/hasil"
expect_code "its own unit by default" 200
expect_body "its own unit by default: the results" '<dd class="ikm">'
req k GET "/admin/hasil?unit=dinkes&periode=2022-s1"
expect_code "a pimpinan of the unit: another unit is refused" 403
req k GET "/admin/hasil?unit=dinkes"
expect_code "also without a period (no services of it listed)" 403
login o opd
req o GET "/admin/hasil?$S1"
expect_code "an operator reads its unit's results" 200
login l lain
req l GET "/admin/hasil?$S1"
expect_code "an admin of another unit: the results are refused" 403
expect_no_body "and show no number" '96,89'
req l GET "/admin/unduh?$S1"
expect_code "and the downloads page" 403
for f in laporan.pdf tanggapan.csv rekomendasi.html olahdata.xlsx; do
	req l GET "/admin/unduh/$f?$S1"
	expect_code "and $f" 403
done
req l GET "/admin/unduh/tanggapan.csv?$S2&layanan=akta"
expect_code "and a service of it" 403
audit_has "refusals are in the audit log" access.refused lain
req l GET "/admin/hasil"
expect_code "its own unit by default" 200
expect_no_body "with nothing of the other unit" 'Kependudukan'

# ---- ikm report --unit: the same documents from the command line ----
run report --unit dispenduk --period 2022-s1 --db "$DB" -o "$T/surat.pdf"
expect_rc "ikm report --unit --period writes the letter" 0
magic_file() { if [ "$(head -c "${#2}" "$1")" = "$2" ]; then ok "$3"; else not_ok "$3"; fi; }
magic_file "$T/surat.pdf" "%PDF" "a PDF"
if command -v pdftotext >/dev/null 2>&1; then
	if pdftotext "$T/surat.pdf" - 2>/dev/null | grep -q "96,89"; then ok "ikm report --unit: IKM 96,89"; else not_ok "ikm report --unit: IKM 96,89"; fi
else
	skip "ikm report --unit: IKM 96,89" "pdftotext (poppler-utils) not installed"
fi
run report --unit dispenduk --period 2022-s2 --service akta --kind olahdata --db "$DB" -o "$T/olah.xlsx"
expect_rc "a service's workbook" 0
magic_file "$T/olah.xlsx" "PK" "an XLSX (zip)"
run report --unit dispenduk --period 2022-s2 --kind laporan --db "$DB" -o "$T/lap.html"
expect_rc "the laporan of the second period" 0
if grep -q "Semester I 2022" "$T/lap.html"; then ok "it compares with the period before"; else not_ok "it compares with the period before"; fi
run report --unit tidakada --period 2022-s1 --db "$DB" -o "$T/x.pdf"
expect_rc "an unknown unit: data error" 1
expect_err "named" "tidakada"
run report "$DEMO" --unit dispenduk --period 2022-s1 --db "$DB" -o "$T/y.pdf"
expect_rc "files and --unit together: usage error" 2
run report --unit dinkes --period 2022-s1 --db "$DB" -o "$T/z.pdf"
expect_rc "a unit without responses: data error" 1
if [ ! -e "$T/z.pdf" ] && [ ! -e "$T/z.pdf.tmp" ]; then ok "and no file"; else not_ok "and no file"; fi

kill $pid 2>/dev/null
wait $pid 2>/dev/null
done_testing
