#!/bin/sh
# End-to-end tests of the console's monitoring and review pages over the
# real server: the overview of a period (default: the one holding today)
# against the Krejcie-Morgan minimum of `ikm sample`, one unit's counts by
# channel and by day (checked against the imported file), quality flags,
# the list of flagged responses with paging and escaped text, decisions
# (a reason required; excluding changes `ikm compute --unit` and accepting
# restores it, each once), roles (operator reads only, pimpinan refused),
# subtree isolation (also through a tampered hidden field), CSRF, the
# audit log, adversarial parameters, export, and a closed period.
. "$IKM_TOP/tests/e2e/lib.sh"
need_curl "console monitoring over HTTP"
export IKM_PASSWORD_COST=min
DB="$T/ikm.db"
DEMO="$IKM_TOP/examples/mojokerto-2022-s1-demo.csv"
"$IKM" init --db "$DB" --name "Pemerintah Kota Mojokerto" >/dev/null
"$IKM" unit add dispenduk --db "$DB" --name "Dinas Kependudukan & Catatan Sipil" >/dev/null
"$IKM" unit add loket --parent dispenduk --db "$DB" --name "Loket Kecamatan" >/dev/null
"$IKM" unit add puskesmas --db "$DB" --name "Puskesmas Kota" >/dev/null
"$IKM" service add akta --unit dispenduk --db "$DB" --name "Akta Kelahiran" >/dev/null
"$IKM" period add 2022-s1 --db "$DB" --from 2022-01-01 --to 2022-06-30 --name "Semester I 2022" >/dev/null
"$IKM" period add kini --db "$DB" --from 2020-01-01 --to 2099-12-31 --name "Periode berjalan" >/dev/null
"$IKM" import "$DEMO" --db "$DB" --unit dispenduk --period 2022-s1 >/dev/null
# Three more for the service: a straight-lined one with a script in its
# suggestion, one with SQL, one ordinary; all on the period's last day.
cat >"$T/akta.csv" <<'EOF'
No,Tanggal,Jenis Kelamin,Usia,Pendidikan,Pekerjaan,Jenis Layanan,U1,U2,U3,U4,U5,U6,U7,U8,U9,Saran
1,2022-06-30,L,40,SMA,Swasta,Akta,1,1,1,1,1,1,1,1,1,"<script>alert(""x"")</script>"
2,2022-06-30,P,30,S1,PNS,Akta,2,2,2,2,2,2,2,2,2,"'; DROP TABLE response; --"
3,2022-06-30,P,35,S1,PNS,Akta,4,3,4,3,4,3,4,3,4,
EOF
"$IKM" import "$T/akta.csv" --db "$DB" --unit dispenduk --period 2022-s1 --service akta >/dev/null
"$IKM" population set 1000 --db "$DB" --unit dispenduk --period 2022-s1 >/dev/null
"$IKM" population set 10 --db "$DB" --unit dispenduk --service akta --period 2022-s1 >/dev/null
echo "kata-sandi-admin-1" | "$IKM" user add admin --role admin-kota --name "Ani Admin" --db "$DB" >/dev/null
echo "kata-sandi-kepala-1" | "$IKM" user add kepala --role admin-unit --unit dispenduk --db "$DB" >/dev/null
echo "kata-sandi-operator" | "$IKM" user add op --role operator --unit dispenduk --db "$DB" >/dev/null
echo "kata-sandi-puskesmas" | "$IKM" user add pus --role admin-unit --unit puskesmas --db "$DB" >/dev/null
echo "kata-sandi-pimpinan" | "$IKM" user add pim --role pimpinan --db "$DB" >/dev/null

start_server console --db "$DB" --trusted-proxy 127.0.0.1
base=${url%/}
expect_code() { if [ "$code" = "$2" ]; then ok "$1"; else not_ok "$1" "HTTP $code, expected $2: $(head -c 300 "$T/body")"; fi; }
expect_body() { if grep -qF -- "$2" "$T/body"; then ok "$1"; else not_ok "$1" "body lacks: $2"; fi; }
expect_no_body() { if grep -qF -- "$2" "$T/body"; then not_ok "$1" "body has: $2"; else ok "$1"; fi; }
expect_head() { if tr -d '\r' <"$T/head" | grep -qiE -- "$2"; then ok "$1"; else not_ok "$1" "headers lack: $2
$(cat "$T/head")"; fi; }
# req JAR METHOD PATH [DATA]: a request with a cookie jar (each jar its own address).
req() {
	jar=$1 method=$2 path=$3
	shift 3
	if [ "$method" = POST ]; then
		code=$(curl -s -D "$T/head" -o "$T/body" -w '%{http_code}' -b "$T/$jar" -c "$T/$jar" \
			-H "X-Forwarded-For: 10.9.0.$(printf '%s' "$jar" | cksum | cut -c1-2)" \
			--data "${1:-}" "$base$path")
	else
		code=$(curl -s -D "$T/head" -o "$T/body" -w '%{http_code}' -b "$T/$jar" -c "$T/$jar" \
			-H "X-Forwarded-For: 10.9.0.$(printf '%s' "$jar" | cksum | cut -c1-2)" "$base$path")
	fi
}
csrf() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$T/body" | head -n 1; }
login() { # JAR USER PASSWORD
	: >"$T/$1"
	req "$1" GET /login
	t=$(csrf)
	req "$1" POST /login "csrf=$t&username=$2&password=$3"
}
audit_has() { # DESC ACTION USER [DETAIL-SUBSTRING]
	if python3 - "$DB" "$2" "$3" "${4:-}" <<'PY'; then ok "$1"; else not_ok "$1" "no audit entry $2 by $3 with ${4:-}"; fi
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n = db.execute("SELECT COUNT(*) FROM audit WHERE action = ? AND username = ? AND instr(detail, ?) > 0",
               (sys.argv[2], sys.argv[3], sys.argv[4])).fetchone()[0]
sys.exit(0 if n > 0 else 1)
PY
}
# compute: respondents and IKM of dispenduk 2022-s1 from the store.
compute() {
	run compute --db "$DB" --unit dispenduk --period 2022-s1 --json
	resp=$(printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['respondents'], d['ikm'])")
}

# Two questionnaires today (period "kini"), one of them straight-lined,
# and one for another unit.
form() { # UNIT ANSWER
	a=$2
	curl -s -o /dev/null -H "X-Forwarded-For: 10.8.0.$3" --data \
		"u1=$a&u2=$a&u3=$a&u4=$a&u5=$a&u6=$a&u7=$a&u8=$a&u9=$(( a == 4 ? 3 : a ))" "$base/u/$1"
}
form dispenduk 4 1
form dispenduk 3 2
curl -s -o /dev/null -H "X-Forwarded-For: 10.8.0.3" --data "u1=3&u2=3&u3=3&u4=3&u5=3&u6=3&u7=3&u8=3&u9=3" "$base/u/puskesmas"

# ---- the overview --------------------------------------------------------------
login a admin kata-sandi-admin-1
req a GET /admin/pantau
expect_code "the overview" 200
expect_body "the period holding today is chosen" '<option value="kini" selected>Periode berjalan</option>'
expect_body "every period to pick" '<option value="2022-s1">Semester I 2022</option>'
expect_body "the unit's name, escaped" "Dinas Kependudukan &amp; Catatan Sipil"
expect_body "a unit of another subtree for admin-kota" "Puskesmas Kota"
if python3 - "$T/body" <<'PY'; then ok "today's responses: dispenduk 2, puskesmas 1"; else not_ok "today's responses: dispenduk 2, puskesmas 1"; fi
import re, sys
b = open(sys.argv[1]).read()
rows = dict(re.findall(r'<a href="/admin/pantau/([a-z-]+)\?periode=kini">.*?</a></th>\s*<td class="num">([0-9.]+)</td>', b, re.S))
sys.exit(0 if rows.get("dispenduk") == "2" and rows.get("puskesmas") == "1" and rows.get("loket") == "0" else 1)
PY
expect_body "no population: said" "populasi belum diisi"

req a GET "/admin/pantau?periode=2022-s1"
expect_code "the overview of a chosen period" 200
run sample 1000 --json
required=$(printf '%s' "$out" | python3 -c "import json,sys; print(json.load(sys.stdin)['required'])")
expect_body "the minimum is ikm sample's ($required)" "<td class=\"num\">$required</td>"
expect_body "responses so far: 253" '<td class="num">253</td>'
expect_body "the population" '<td class="num">1.000</td>'
expect_body "still needed" "<td class=\"num\">$((required - 253))</td>"
expect_body "a progress bar with its numbers" "<progress max=\"$required\" value=\"253\""
expect_body "the progress in text too" "$((253 * 100 / required))%"
expect_body "the service row links to the service" 'href="/admin/pantau/dispenduk?periode=2022-s1&amp;layanan=akta"'
expect_body "the service: 3 of a minimum of 10 (N=10)" '<progress max="10" value="3"'

# ---- one unit ----------------------------------------------------------------
req a GET "/admin/pantau/dispenduk?periode=2022-s1"
expect_code "a unit's page" 200
expect_body "the day chart is inline SVG with a name" 'aria-labelledby="grafik-hari-t"'
expect_no_body "no style attribute (CSP)" 'style="'
expect_no_body "no script" '<script'
if python3 - "$T/body" "$DEMO" "$T/akta.csv" <<'PY'; then ok "counts by day match the files"; else not_ok "counts by day match the files"; fi
import csv, re, sys, collections
months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
want = collections.Counter()
for path in sys.argv[2:]:
    for row in csv.DictReader(open(path, encoding="utf-8")):
        y, m, d = row["Tanggal"].split("-")
        want["%d %s %s" % (int(d), months[int(m) - 1], y)] += 1
b = open(sys.argv[1]).read()
got = {k: int(v.replace(".", "")) for k, v in
       re.findall(r'<tr><th scope="row">(\d+ [A-Za-z]+ \d{4})</th><td class="num">([0-9.]+)</td></tr>', b)}
bars = len(re.findall(r'<rect class="bar"', b))
sys.exit(0 if got == dict(want) and bars == 181 + 5 else 1)
PY
expect_body "by channel: import 253" '<th scope="row">Impor</th><td class="num">253</td><td class="num">100,0</td>'
expect_body "by channel: web 0 in this period" '<th scope="row">Web</th><td class="num">0</td>'
flagged=$(python3 - "$DEMO" "$T/akta.csv" <<'PY'
import csv, sys
n = 0
for path in sys.argv[1:]:
    for row in csv.DictReader(open(path, encoding="utf-8")):
        v = [row["U%d" % i] for i in range(1, 10)]
        n += len(set(v)) == 1
print(n)
PY
)
expect_body "straight-lined responses counted ($flagged)" "(straight-lining)</th><td class=\"num\">$flagged</td>"
expect_body "a link to the review" 'href="/admin/pantau/dispenduk/tinjau?periode=2022-s1"'
req a GET "/admin/pantau/dispenduk?periode=2022-s1&layanan=akta"
expect_code "a service's page" 200
expect_body "the service's counts" '<th scope="row">Impor</th><td class="num">3</td>'
expect_body "the last day of the period" '<tr><th scope="row">30 Juni 2022</th><td class="num">3</td></tr>'
req a GET "/admin/pantau/dispenduk"
expect_body "today's responses on the unit page: web" '<th scope="row">Web</th><td class="num">2</td>'

# ---- the review list --------------------------------------------------------------
req a GET "/admin/pantau/dispenduk/tinjau?periode=2022-s1"
expect_code "the review list" 200
n=$(grep -c '<tr id="t' "$T/body")
if [ "$n" = 20 ]; then ok "20 a page"; else not_ok "20 a page" "$n"; fi
pages=$(( (flagged + 19) / 20 ))
expect_body "the pages ($pages)" "halaman 1 dari $pages"
expect_body "flags in Indonesian" "menjawab sama untuk semua unsur (straight-lining)"
expect_body "a required reason field" 'name="alasan" rows="2" maxlength="500" required'
req a GET "/admin/pantau/dispenduk/tinjau?periode=2022-s1&hal=$pages"
expect_body "the last page" "halaman $pages dari $pages"
n=$(grep -c '<tr id="t' "$T/body")
if [ "$n" = $((flagged - 20 * (pages - 1))) ]; then ok "the rest on the last page"; else not_ok "the rest on the last page" "$n"; fi
for h in abc -1 0 99999999999999999999 "%27%20OR%201%3D1"; do
	req a GET "/admin/pantau/dispenduk/tinjau?periode=2022-s1&hal=$h"
	expect_code "a bad page number ($h): the first page" 200
done
req a GET "/admin/pantau/dispenduk/tinjau?periode=2022-s1&layanan=akta"
expect_body "a script in a suggestion is escaped" '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
expect_no_body "no live script" '<script>alert'
expect_body "SQL in a suggestion: shown literally" '&#39;; DROP TABLE response; --'
id=$(sed -n 's/.*<tr id="t\([0-9]*\)".*/\1/p' "$T/body" | head -n 1)
t=$(csrf)

compute
before=$resp
expect_rc "compute before" 0
python3 - "$DEMO" "$T/akta.csv" "$T/kept.csv" <<'PY'
import sys
rows = open(sys.argv[1], encoding="utf-8").read().splitlines()
extra = open(sys.argv[2], encoding="utf-8").read().splitlines()[2:]
open(sys.argv[3], "w", encoding="utf-8").write("\n".join(rows + extra) + "\n")
PY
run compute "$T/kept.csv" --json
expected=$(printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['respondents'], d['ikm'])")

# Validation: a reason is required, a decision must be one of two.
req a POST /admin/pantau/dispenduk/tinjau "csrf=$t&tanggapan=$id&periode=2022-s1&layanan=akta&keputusan=kecualikan&alasan=+++"
expect_code "no reason: 422" 422
expect_body "no reason: said next to the field" "id=\"galat-$id\">Alasan wajib diisi"
long=$(python3 -c "print('x' * 501)")
req a POST /admin/pantau/dispenduk/tinjau "csrf=$t&tanggapan=$id&periode=2022-s1&layanan=akta&keputusan=kecualikan&alasan=$long"
expect_code "a reason too long: 422" 422
expect_body "what was typed is kept" ">$long</textarea>"
req a POST /admin/pantau/dispenduk/tinjau "csrf=$t&tanggapan=$id&periode=2022-s1&layanan=akta&keputusan=hapus&alasan=x"
expect_code "an unknown decision: 422" 422
compute
if [ "$resp" = "$before" ]; then ok "refused decisions change nothing"; else not_ok "refused decisions change nothing" "$resp vs $before"; fi

# CSRF.
req a POST /admin/pantau/dispenduk/tinjau "tanggapan=$id&periode=2022-s1&keputusan=kecualikan&alasan=tanpa+token"
expect_code "no CSRF token: 403" 403
audit_has "the refused POST is audited" csrf.refused admin
compute
if [ "$resp" = "$before" ]; then ok "nothing changed without the token"; else not_ok "nothing changed without the token" "$resp"; fi

# Exclude: the IKM without it; twice changes it once.
reason='Jawaban+seragam+%3Cscript%3Ealert(1)%3C%2Fscript%3E%27%3B+DROP+TABLE+review%3B+--'
req a POST /admin/pantau/dispenduk/tinjau "csrf=$t&tanggapan=$id&periode=2022-s1&layanan=akta&keputusan=kecualikan&alasan=$reason"
expect_code "exclude: redirect" 303
expect_head "back to the list with ?ok=tinjau" "^Location: /admin/pantau/dispenduk/tinjau\?periode=2022-s1&layanan=akta&ok=tinjau#t$id\$"
compute
if [ "$resp" = "$expected" ]; then ok "excluded: compute gives the IKM without it ($resp)"; else not_ok "excluded: compute gives the IKM without it" "$resp, expected $expected (before $before)"; fi
audit_has "the exclusion is audited with its reason" review.exclude admin "DROP TABLE review"
req a POST /admin/pantau/dispenduk/tinjau "csrf=$t&tanggapan=$id&periode=2022-s1&layanan=akta&keputusan=kecualikan&alasan=lagi"
expect_code "exclude again: redirect" 303
compute
if [ "$resp" = "$expected" ]; then ok "excluding twice subtracts once"; else not_ok "excluding twice subtracts once" "$resp"; fi
req a GET "/admin/pantau/dispenduk/tinjau?periode=2022-s1&layanan=akta&ok=tinjau"
expect_body "the flash message" "Keputusan tinjauan sudah disimpan."
expect_body "the decision and its reason are shown" "<strong>Dikecualikan</strong>: lagi"
req a GET "/admin/pantau/dispenduk?periode=2022-s1"
expect_body "the unit page counts it as excluded" '<dt>Dikecualikan hasil tinjauan</dt><dd>1</dd>'
expect_body "and no longer as counted" '<dt>Tanggapan yang dihitung</dt><dd>252</dd>'
run export --db "$DB" --unit dispenduk --period 2022-s1 -o "$T/export.csv"
rows=$(($(wc -l <"$T/export.csv") - 1))
if [ "$rows" = 252 ]; then ok "export leaves the excluded response out"; else not_ok "export leaves the excluded response out" "$rows rows"; fi
expect_err "export says so" "dikecualikan hasil tinjauan tidak ditulis"

# A reason with markup and SQL: stored literally, shown escaped.
req a POST /admin/pantau/dispenduk/tinjau "csrf=$t&tanggapan=$id&periode=2022-s1&layanan=akta&keputusan=kecualikan&alasan=$reason"
req a GET "/admin/pantau/dispenduk/tinjau?periode=2022-s1&layanan=akta"
expect_body "a reason with markup: escaped" 'Jawaban seragam &lt;script&gt;alert(1)&lt;/script&gt;&#39;; DROP TABLE review; --'
expect_no_body "a reason with markup: no live script" '<script>alert(1)'

# Accept: back in, once.
req a POST /admin/pantau/dispenduk/tinjau "csrf=$t&tanggapan=$id&periode=2022-s1&layanan=akta&keputusan=terima&alasan=Sudah+dicek%2C+asli"
expect_code "accept: redirect" 303
compute
if [ "$resp" = "$before" ]; then ok "accepted: the IKM is restored ($resp)"; else not_ok "accepted: the IKM is restored" "$resp, expected $before"; fi
req a POST /admin/pantau/dispenduk/tinjau "csrf=$t&tanggapan=$id&periode=2022-s1&layanan=akta&keputusan=terima&alasan=lagi"
compute
if [ "$resp" = "$before" ]; then ok "accepting twice adds once"; else not_ok "accepting twice adds once" "$resp"; fi
audit_has "the acceptance is audited" review.accept admin "Sudah dicek, asli"

# A hidden field pointing elsewhere: another unit's response, or one
# outside the chosen service.
pid_resp=$(python3 - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT r.id FROM response r JOIN unit u ON u.id = r.unit_id WHERE u.slug = 'puskesmas'").fetchone()[0])
PY
)
req a POST /admin/pantau/dispenduk/tinjau "csrf=$t&tanggapan=$pid_resp&periode=kini&keputusan=kecualikan&alasan=salah+unit"
expect_code "another unit's response through this unit's list: 404" 404
for bad in abc -5 0 99999999999999999999999; do
	req a POST /admin/pantau/dispenduk/tinjau "csrf=$t&tanggapan=$bad&periode=2022-s1&keputusan=kecualikan&alasan=x"
	expect_code "a bad response id ($bad): 404" 404
done

# ---- adversarial parameters --------------------------------------------------
for p in "%27%20OR%201%3D1%20--" "%3Cscript%3Ealert(1)%3C%2Fscript%3E" "tidak-ada"; do
	req a GET "/admin/pantau?periode=$p"
	expect_code "an unknown period ($p): 404" 404
	expect_no_body "an unknown period: not echoed raw" "<script>alert"
	req a GET "/admin/pantau/dispenduk?periode=2022-s1&layanan=$p"
	expect_code "an unknown service ($p): 404" 404
done
req a POST /admin/pantau "csrf=$t"
expect_code "the overview takes no POST (405)" 405
req a GET "/admin/pantau/%3Cscript%3E"
expect_code "an unknown unit: 404" 404
req a GET "/admin/pantau/dispenduk/lain"
expect_code "an unknown page under a unit: 404" 404

# ---- roles and subtrees ------------------------------------------------------
login k kepala kata-sandi-kepala-1
req k GET "/admin/pantau?periode=2022-s1"
expect_code "admin-unit: the overview" 200
expect_body "admin-unit: its unit" "Dinas Kependudukan &amp; Catatan Sipil"
expect_body "admin-unit: the unit under it" "Loket Kecamatan"
expect_no_body "admin-unit: not another subtree" "Puskesmas"
req k GET "/admin/pantau/puskesmas?periode=kini"
expect_code "admin-unit: another subtree's page: 403" 403
audit_has "the refusal is audited" access.refused kepala "puskesmas"
req k GET "/admin/pantau/puskesmas/tinjau?periode=kini"
expect_code "admin-unit: another subtree's review list: 403" 403
req k GET "/admin/pantau/loket?periode=2022-s1"
expect_code "admin-unit: a unit under its own" 200
req k GET "/admin/pantau/dispenduk/tinjau?periode=2022-s1&layanan=akta"
tk=$(csrf)
req k POST /admin/pantau/puskesmas/tinjau "csrf=$tk&tanggapan=$pid_resp&periode=kini&keputusan=kecualikan&alasan=bukan+wewenang"
expect_code "admin-unit: deciding in another subtree: 403" 403
req k POST /admin/pantau/dispenduk/tinjau "csrf=$tk&tanggapan=$id&periode=2022-s1&layanan=akta&keputusan=kecualikan&alasan=kepala+unit"
expect_code "admin-unit: deciding in its unit" 303
compute
if [ "$resp" = "$expected" ]; then ok "admin-unit's exclusion counts"; else not_ok "admin-unit's exclusion counts" "$resp"; fi
audit_has "admin-unit's decision is audited" review.exclude kepala "kepala unit"

login o op kata-sandi-operator
req o GET "/admin/pantau?periode=2022-s1"
expect_code "operator: the overview" 200
expect_no_body "operator: not another subtree" "Puskesmas"
req o GET "/admin/pantau/dispenduk/tinjau?periode=2022-s1&layanan=akta"
expect_code "operator: the review list, to read" 200
expect_no_body "operator: no decision form" 'name="alasan"'
expect_body "operator: told who decides" "keputusan diambil oleh admin kota atau admin unit"
to=$(csrf)
req o POST /admin/pantau/dispenduk/tinjau "csrf=$to&tanggapan=$id&periode=2022-s1&layanan=akta&keputusan=terima&alasan=operator"
expect_code "operator: deciding refused (403)" 403
audit_has "the operator's refusal is audited" access.refused op "may not review"
compute
if [ "$resp" = "$expected" ]; then ok "operator: nothing changed"; else not_ok "operator: nothing changed" "$resp"; fi

login p pus kata-sandi-puskesmas
req p GET "/admin/pantau/dispenduk?periode=2022-s1"
expect_code "another unit's admin: 403" 403
req p GET "/admin/pantau?periode=kini"
expect_body "another unit's admin: its own unit" "Puskesmas Kota"
expect_no_body "another unit's admin: not dispenduk" "Dinas Kependudukan"

login m pim kata-sandi-pimpinan
req m GET /admin/pantau
expect_code "pimpinan: monitoring is not for this role (403)" 403

# ---- a closed period ---------------------------------------------------------
python3 - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE period SET closed = 1 WHERE slug = '2022-s1'")
db.commit()
PY
req a GET "/admin/pantau/dispenduk/tinjau?periode=2022-s1&layanan=akta"
expect_body "a closed period: said" "Periode ini sudah ditutup"
expect_no_body "a closed period: no decision form" 'name="alasan"'
t=$(csrf) # the layout's (sign-out form); login() above reused $t
req a POST /admin/pantau/dispenduk/tinjau "csrf=$t&tanggapan=$id&periode=2022-s1&layanan=akta&keputusan=terima&alasan=terlambat"
expect_code "a closed period: a decision is refused (409)" 409
expect_body "a closed period: said why" "sudah ditutup"
compute
if [ "$resp" = "$expected" ]; then ok "a closed period keeps its results"; else not_ok "a closed period keeps its results" "$resp"; fi

for p in $server_pids; do kill "$p" 2>/dev/null; done
done_testing
