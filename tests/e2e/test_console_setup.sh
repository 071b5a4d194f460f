#!/bin/sh
# End-to-end tests of the console's setup pages (/admin/atur) over the real
# server: the unit tree, services, periods (add, close, reopen, today's),
# populations with the Krejcie-Morgan minimum, instrument versions (words
# edited and an element added as new versions; responses before and after
# keep their versions, the aggregate still computes, the public form shows
# the new question), the office profile and its logo (PNG only, sizes).
# For each: validation with 422 and the typed values kept, the role rules
# (admin-kota everywhere, admin-unit only in its subtree and reading
# periods, operator and pimpinan refused), CSRF, audit entries, and SQL or
# markup in every text field stored literally and shown escaped.
. "$IKM_TOP/tests/e2e/lib.sh"
need_curl "console setup pages over HTTP"
export IKM_PASSWORD_COST=min
DB="$T/ikm.db"
"$IKM" init --db "$DB" --name "Pemerintah Kota Mojokerto" >/dev/null
"$IKM" unit add dinkes --db "$DB" --name "Dinas Kesehatan" >/dev/null
"$IKM" unit add pkm-a --db "$DB" --name "Puskesmas A" --parent dinkes >/dev/null
"$IKM" unit add bapenda --db "$DB" --name "Badan Pendapatan Daerah" >/dev/null
"$IKM" service add pajak --unit bapenda --db "$DB" --name "Pajak Daerah" >/dev/null
for u in "admin admin-kota" "dk admin-unit dinkes" "bp admin-unit bapenda" "op operator dinkes" "pim pimpinan"; do
	set -- $u
	echo "kata-sandi-$1-123" | "$IKM" user add "$1" --role "$2" ${3:+--unit "$3"} --db "$DB" >/dev/null
done

start_server console --db "$DB"
base=${url%/}
expect_code() { if [ "$code" = "$2" ]; then ok "$1"; else not_ok "$1" "HTTP $code, expected $2: $(sed -n '/<main/,/<\/main>/p' "$T/body" | head -c 600)"; fi; }
expect_body() { if grep -qF -- "$2" "$T/body"; then ok "$1"; else not_ok "$1" "body lacks: $2"; fi; }
expect_no_body() { if grep -qF -- "$2" "$T/body"; then not_ok "$1" "body has: $2"; else ok "$1"; fi; }
expect_head() { if tr -d '\r' <"$T/head" | grep -qiE -- "$2"; then ok "$1"; else not_ok "$1" "headers lack: $2
$(cat "$T/head")"; fi; }
# req JAR METHOD PATH [DATA]: a request with the cookie jar of a user.
req() {
	jar=$1 method=$2 path=$3
	if [ "$method" = POST ]; then
		code=$(curl -s -D "$T/head" -o "$T/body" -w '%{http_code}' -b "$T/$jar" -c "$T/$jar" \
			--data "${4:-}" "$base$path")
	else
		code=$(curl -s -D "$T/head" -o "$T/body" -w '%{http_code}' -b "$T/$jar" -c "$T/$jar" \
			"$base$path")
	fi
}
csrf() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$T/body" | head -n 1; }
login() { # USER: signs in with the jar of the same name, sets $tok (its CSRF token)
	: >"$T/$1"
	req "$1" GET /login
	t=$(csrf)
	req "$1" POST /login "csrf=$t&username=$1&password=kata-sandi-$1-123"
	req "$1" GET /admin
	tok=$(csrf)
}
sql() { # QUERY: the first column of the first row
	python3 - "$DB" "$1" <<'PY'
import sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()
print("" if row is None else row[0])
PY
}
audit_has() { # DESC ACTION USER [DETAIL-PART]
	n=$(python3 - "$DB" "$2" "$3" "${4:-}" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT COUNT(*) FROM audit WHERE action = ? AND username = ? AND instr(object || ' ' || detail, ?) > 0",
                 (sys.argv[2], sys.argv[3], sys.argv[4])).fetchone()[0])
PY
)
	if [ "$n" -gt 0 ]; then ok "$1"; else not_ok "$1" "no audit entry $2 by $3 ($4)"; fi
}
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
XSS='<script>alert(1)</script>'
XSS_ESC='&lt;script&gt;alert(1)&lt;/script&gt;'
SQLI="x'); DROP TABLE unit;--"
SQLI_ESC="x&#39;); DROP TABLE unit;--"

login admin
A=$tok
login dk
D=$tok
login bp
B=$tok
login op
O=$tok
login pim

# ---- who may open the setup pages ------------------------------------------
req admin GET /admin/atur
expect_code "admin-kota: the overview" 200
expect_body "the overview links the units" 'href="/admin/atur/unit"'
expect_body "the overview links the profile for admin-kota" 'href="/admin/atur/profil"'
req dk GET /admin/atur
expect_code "admin-unit: the overview" 200
expect_no_body "no profile link for admin-unit" 'href="/admin/atur/profil"'
for p in /admin/atur /admin/atur/unit /admin/atur/periode "/admin/atur/instrumen?unit=dinkes"; do
	req op GET "$p"
	expect_code "operator refused: $p" 403
	req pim GET "$p"
	expect_code "pimpinan refused: $p" 403
done
audit_has "a refusal is audited" access.refused op
req dk GET /admin/atur/profil
expect_code "admin-unit: no office profile" 403
req dk GET /admin/atur/profil/logo.png
expect_code "admin-unit: no logo either" 403
req admin GET /admin/atur/tidak-ada
expect_code "an unknown setup page: 404" 404
req admin GET /admin/atur/unit/tambah
expect_code "a GET on a form's address: 405" 405
req admin POST /admin/atur/unit "csrf=$A"
expect_code "a POST on a page: 405" 405

# ---- units -------------------------------------------------------------------
req admin GET /admin/atur/unit
expect_code "units" 200
expect_body "the tree: a child indented" '<td class="tree-1">Puskesmas A</td>'
expect_body "the tree: top level" '<td class="tree-0">Dinas Kesehatan</td>'
expect_body "admin-kota may add at the top level" '(tingkat teratas)'
req dk GET /admin/atur/unit
expect_body "admin-unit sees its subtree" 'Puskesmas A'
expect_no_body "admin-unit does not see other units" 'Badan Pendapatan'
expect_no_body "admin-unit has no top-level choice" '(tingkat teratas)'

req admin POST /admin/atur/unit/tambah "slug=dishub&nama=Dinas+Perhubungan"
expect_code "no CSRF token: refused" 403
audit_has "the refused POST is audited" csrf.refused admin
req admin POST /admin/atur/unit/tambah "csrf=$A&slug=dishub&nama=Dinas+Perhubungan&induk="
expect_code "admin-kota adds a top-level unit" 303
expect_head "back to the units with a message" '^Location: /admin/atur/unit\?ok=tambah$'
audit_has "the new unit is audited" unit.add admin "unit dishub \"Dinas Perhubungan\" under the top level"
req admin GET "/admin/atur/unit?ok=tambah"
expect_body "the flash message" "Data sudah ditambahkan."
expect_body "the new unit is listed" "Dinas Perhubungan"

req admin POST /admin/atur/unit/tambah "csrf=$A&slug=Bad+Slug&nama=Tetap+Diketik&induk=dinkes"
expect_code "a bad slug: 422" 422
expect_body "a bad slug: said next to the field" "Pakai huruf kecil a-z"
expect_body "a bad slug: the name typed is kept" 'value="Tetap Diketik"'
expect_body "a bad slug: the parent chosen is kept" '<option value="dinkes" selected>'
req admin POST /admin/atur/unit/tambah "csrf=$A&slug=dinkes&nama=Lagi&induk="
expect_code "a slug taken: 422" 422
expect_body "a slug taken: said" 'Slug &quot;dinkes&quot; sudah dipakai'
req admin POST /admin/atur/unit/tambah "csrf=$A&slug=kosong&nama=+++&induk="
expect_code "an empty name: 422" 422
expect_body "an empty name: said" "Wajib diisi."
long=$(python3 -c 'print("n" * 256)')
req admin POST /admin/atur/unit/tambah "csrf=$A&slug=panjang&nama=$long&induk="
expect_code "a name of 256 bytes: 422" 422
expect_body "a long name: the limit said" "paling banyak 255 bait"
req admin POST /admin/atur/unit/tambah "csrf=$A&slug=yatim&nama=Yatim&induk=tidak-ada"
expect_code "an unknown parent: 404" 404
req admin POST /admin/atur/unit/tambah "csrf=$A&slug=sqli&nama=$(enc "$SQLI")&induk="
expect_code "SQL in a name: stored" 303
req admin POST /admin/atur/unit/tambah "csrf=$A&slug=xss&nama=$(enc "$XSS")&induk=dishub"
expect_code "markup in a name: stored" 303
if [ "$(sql "SELECT name FROM unit WHERE slug = 'sqli'")" = "$SQLI" ]; then ok "SQL stored literally"; else not_ok "SQL stored literally"; fi
req admin GET /admin/atur/unit
expect_body "SQL shown literally, escaped" "$SQLI_ESC"
expect_body "markup shown escaped" "$XSS_ESC"
expect_no_body "no live script" "$XSS"

req dk POST /admin/atur/unit/tambah "csrf=$D&slug=pkm-b&nama=Puskesmas+B&induk=pkm-a"
expect_code "admin-unit adds under its subtree" 303
if [ "$(sql "SELECT p.slug FROM unit u JOIN unit p ON p.id = u.parent_id WHERE u.slug = 'pkm-b'")" = pkm-a ]; then ok "under the parent chosen"; else not_ok "under the parent chosen"; fi
req dk POST /admin/atur/unit/tambah "csrf=$D&slug=asing&nama=Asing&induk=bapenda"
expect_code "admin-unit under another subtree: 403" 403
req dk POST /admin/atur/unit/tambah "csrf=$D&slug=atas&nama=Atas&induk="
expect_code "admin-unit at the top level: 403" 403
audit_has "the refusal is audited" access.refused dk
if [ -z "$(sql "SELECT id FROM unit WHERE slug IN ('asing', 'atas')")" ]; then ok "nothing added by refused requests"; else not_ok "nothing added by refused requests"; fi

req admin POST /admin/atur/unit/ubah "csrf=$A&unit=bapenda&nama=Badan+Pendapatan+Daerah+Kota"
expect_code "admin-kota renames" 303
audit_has "the rename is audited" unit.rename admin 'Badan Pendapatan Daerah" -> "Badan Pendapatan Daerah Kota'
req dk POST /admin/atur/unit/ubah "csrf=$D&unit=pkm-a&nama=UPT+Puskesmas+A"
expect_code "admin-unit renames within its subtree" 303
req dk POST /admin/atur/unit/ubah "csrf=$D&unit=dinkes&nama=Dinas+Kesehatan+Kota"
expect_code "admin-unit renames its own unit" 303
req dk POST /admin/atur/unit/ubah "csrf=$D&unit=bapenda&nama=Direbut"
expect_code "admin-unit renames another subtree: 403" 403
if [ "$(sql "SELECT name FROM unit WHERE slug = 'bapenda'")" = "Badan Pendapatan Daerah Kota" ]; then ok "the other unit's name stays"; else not_ok "the other unit's name stays"; fi
req admin POST /admin/atur/unit/ubah "csrf=$A&unit=pkm-a&nama="
expect_code "an empty new name: 422" 422
expect_body "an empty new name: said on the row" 'id="nama-pkm-a-error">Wajib diisi.'
req admin POST /admin/atur/unit/ubah "csrf=$A&unit=pkm-a&nama=a%0Ab"
expect_code "a line break in a name: 422" 422
req admin POST /admin/atur/unit/ubah "csrf=$A&unit=tidak-ada&nama=X"
expect_code "renaming an unknown unit: 404" 404
req admin POST /admin/atur/unit/ubah "csrf=$A&unit=$(enc "' OR 1=1 --")&nama=X"
expect_code "SQL as a unit slug: 404" 404

# ---- services ------------------------------------------------------------------
req admin GET /admin/atur/layanan
expect_code "services: the unit picker" 200
expect_body "services: pick a unit" "Pilih unit"
req dk GET "/admin/atur/layanan?unit=dinkes"
expect_code "admin-unit: its services" 200
req dk POST /admin/atur/layanan/tambah "csrf=$D&unit=dinkes&slug=imunisasi&nama=Imunisasi"
expect_code "admin-unit adds a service" 303
expect_head "back to the unit's services" '^Location: /admin/atur/layanan\?unit=dinkes&ok=tambah$'
audit_has "the service is audited" service.add dk "service dinkes/imunisasi"
req dk POST /admin/atur/layanan/tambah "csrf=$D&unit=dinkes&slug=imunisasi&nama=Lagi"
expect_code "a service slug taken: 422" 422
expect_body "a service slug taken: said" "sudah dipakai layanan lain"
req dk POST /admin/atur/layanan/tambah "csrf=$D&unit=dinkes&slug=-x&nama=$(enc "$XSS")"
expect_code "a bad service slug: 422" 422
expect_body "the typed name kept, escaped" "value=\"$XSS_ESC\""
req dk POST /admin/atur/layanan/ubah "csrf=$D&unit=dinkes&layanan=imunisasi&nama=$(enc "Imunisasi $XSS")"
expect_code "admin-unit renames a service" 303
req dk GET "/admin/atur/layanan?unit=dinkes"
expect_body "the new name, escaped" "Imunisasi $XSS_ESC"
expect_no_body "no live script in the services" "$XSS"
req dk GET "/admin/atur/layanan?unit=bapenda"
expect_code "admin-unit: another subtree's services: 403" 403
req dk POST /admin/atur/layanan/tambah "csrf=$D&unit=bapenda&slug=curi&nama=Curi"
expect_code "admin-unit adds to another subtree: 403" 403
req dk POST /admin/atur/layanan/ubah "csrf=$D&unit=bapenda&layanan=pajak&nama=Curi"
expect_code "admin-unit renames another subtree's service: 403" 403
req dk POST /admin/atur/layanan/ubah "csrf=$D&unit=dinkes&layanan=pajak&nama=Curi"
expect_code "a service of another unit named under its own: 404" 404
if [ "$(sql "SELECT name FROM service WHERE slug = 'pajak'")" = "Pajak Daerah" ]; then ok "the other service stays"; else not_ok "the other service stays"; fi
req admin GET "/admin/atur/layanan?unit=tidak-ada"
expect_code "services of an unknown unit: 404" 404
req admin GET "/admin/atur/layanan?unit=$(enc "$XSS")"
expect_code "markup as a unit parameter: 404" 404
expect_no_body "the parameter is not echoed raw" "$XSS"

# ---- periods ----------------------------------------------------------------------
from=$(TZ=Asia/Jakarta date -d '-30 days' +%Y-%m-%d)
to=$(TZ=Asia/Jakarta date -d '+30 days' +%Y-%m-%d)
req admin POST /admin/atur/periode/tambah "csrf=$A&slug=kini&nama=Periode+Kini&dari=$from&sampai=$to"
expect_code "admin-kota adds a period" 303
audit_has "the period is audited" period.add admin "kini"
req admin POST /admin/atur/periode/tambah "csrf=$A&slug=lalu&nama=$(enc "Semester $XSS")&dari=2020-01-01&sampai=2020-06-30"
expect_code "a past period" 303
req admin GET /admin/atur/periode
expect_code "periods" 200
expect_body "today's period is named" "termasuk periode <strong>Periode Kini</strong>"
expect_body "the row of today's period" "Periode Kini <strong>(berjalan hari ini)</strong>"
expect_body "dates in Indonesian" "1 Januari 2020 s.d. 30 Juni 2020"
expect_body "period names escaped" "Semester $XSS_ESC"
expect_body "a close button" 'action="/admin/atur/periode/tutup"'
req admin POST /admin/atur/periode/tambah "csrf=$A&slug=tabrak&nama=Tabrakan&dari=2020-06-01&sampai=2020-12-31"
expect_code "an overlapping period: 422" 422
expect_body "the overlap named" "bertumpang tindih dengan periode"
req admin POST /admin/atur/periode/tambah "csrf=$A&slug=kabisat&nama=Kabisat&dari=2021-02-29&sampai=2021-03-31"
expect_code "a day not in the calendar: 422" 422
expect_body "the impossible day said" "tidak ada di kalender"
expect_body "the typed dates kept" 'value="2021-02-29"'
req admin POST /admin/atur/periode/tambah "csrf=$A&slug=mundur&nama=Mundur&dari=2021-06-30&sampai=2021-01-01"
expect_code "the end before the start: 422" 422
expect_body "the order said" "sesudah tanggal awal"
req admin POST /admin/atur/periode/tambah "csrf=$A&slug=bentuk&nama=Bentuk&dari=01%2F01%2F2021&sampai=$(enc "2021-12-31' OR '1'='1")"
expect_code "dates of another shape: 422" 422
expect_body "the shape said" "TTTT-BB-HH"
req admin POST /admin/atur/periode/tambah "csrf=$A&slug=kini&nama=Lagi&dari=2030-01-01&sampai=2030-06-30"
expect_code "a period slug taken: 422" 422

req dk GET /admin/atur/periode
expect_code "admin-unit reads the periods" 200
expect_body "admin-unit sees today's period" "Periode Kini"
expect_no_body "admin-unit has no close button" 'action="/admin/atur/periode/tutup"'
expect_no_body "admin-unit has no add form" 'action="/admin/atur/periode/tambah"'
req dk POST /admin/atur/periode/tutup "csrf=$D&periode=kini"
expect_code "admin-unit closes a period: 403" 403
req dk POST /admin/atur/periode/tambah "csrf=$D&slug=dk&nama=DK&dari=2031-01-01&sampai=2031-06-30"
expect_code "admin-unit adds a period: 403" 403
if [ "$(sql "SELECT closed FROM period WHERE slug = 'kini'")" = 0 ]; then ok "the period stays open"; else not_ok "the period stays open"; fi

req admin POST /admin/atur/periode/tutup "csrf=$A&periode=lalu"
expect_code "admin-kota closes a period" 303
expect_head "with the closing message" 'ok=tutup'
audit_has "the closing is audited" period.close admin "lalu"
if [ "$(sql "SELECT closed FROM period WHERE slug = 'lalu'")" = 1 ]; then ok "closed in the store"; else not_ok "closed in the store"; fi
req admin GET "/admin/atur/periode?ok=tutup"
expect_body "the closed state shown" "Ditutup"
expect_body "a reopen button" 'action="/admin/atur/periode/buka"'
req admin POST /admin/atur/periode/buka "csrf=$A&periode=lalu"
expect_code "admin-kota reopens a period" 303
audit_has "the reopening is audited" period.reopen admin "lalu"
if [ "$(sql "SELECT closed FROM period WHERE slug = 'lalu'")" = 0 ]; then ok "open again in the store"; else not_ok "open again in the store"; fi
req admin POST /admin/atur/periode/tutup "csrf=$A&periode=tidak-ada"
expect_code "closing an unknown period: 404" 404

# ---- populations --------------------------------------------------------------------
req admin GET "/admin/atur/populasi?unit=dinkes"
expect_code "populations of a unit" 200
expect_body "today's period chosen" '<option value="kini" selected>'
expect_body "the whole unit's row" "Seluruh unit"
expect_body "not filled in yet" "belum diisi"
req dk POST /admin/atur/populasi "csrf=$D&unit=dinkes&periode=kini&layanan=&n=1.000"
expect_code "admin-unit sets its unit's population" 303
expect_head "back to the same unit and period" '^Location: /admin/atur/populasi\?unit=dinkes&periode=kini&ok=simpan$'
req dk GET "/admin/atur/populasi?unit=dinkes&periode=kini"
expect_body "N shown with a thousands dot" '<td class="num">1.000</td>'
expect_body "the Krejcie-Morgan minimum next to it" "278 responden"
audit_has "the population is audited" population.set dk "population dinkes kini none -> 1.000 (minimum sample 278)"
req dk POST /admin/atur/populasi "csrf=$D&unit=dinkes&periode=kini&layanan=imunisasi&n=1500"
expect_code "a service's population" 303
req dk GET "/admin/atur/populasi?unit=dinkes&periode=kini"
expect_body "the service's minimum" "306 responden"
if [ "$(sql "SELECT n FROM population p JOIN service s ON s.id = p.service_id WHERE s.slug = 'imunisasi'")" = 1500 ]; then ok "stored for the service"; else not_ok "stored for the service"; fi
for bad in 0 -5 abc 1000000001 "1,5" "$(enc "1; DROP TABLE population")"; do
	req dk POST /admin/atur/populasi "csrf=$D&unit=dinkes&periode=kini&layanan=&n=$bad"
	expect_code "population \"$bad\": 422" 422
done
expect_body "the typed value kept" 'value="1; DROP TABLE population"'
req dk POST /admin/atur/populasi "csrf=$D&unit=dinkes&periode=kini&layanan=&n=1000000001"
expect_body "the upper limit said" "paling banyak 1000000000"
req admin POST /admin/atur/populasi "csrf=$A&unit=dinkes&periode=kini&layanan=&n=1000000000"
expect_code "10^9 is taken" 303
req dk POST /admin/atur/populasi "csrf=$D&unit=bapenda&periode=kini&layanan=&n=50"
expect_code "admin-unit sets another subtree's population: 403" 403
req dk POST /admin/atur/populasi "csrf=$D&unit=dinkes&periode=kini&layanan=pajak&n=50"
expect_code "another unit's service: 404" 404
req dk GET "/admin/atur/populasi?unit=bapenda&periode=kini"
expect_code "admin-unit reads another subtree's population: 403" 403
req admin POST /admin/atur/populasi "csrf=$A&unit=dinkes&periode=tidak-ada&layanan=&n=5"
expect_code "an unknown period: 404" 404

# ---- instrument versions --------------------------------------------------------------
# A response on the organisation's version first.
form_post() { # PATH DATA: the public questionnaire
	code=$(curl -s -o "$T/body" -w '%{http_code}' --data "$2" "$base$1")
}
nine="u1=4&u2=4&u3=3&u4=4&u5=4&u6=4&u7=3&u8=4&u9=4"
form_post /u/dinkes "client_id=0123456789abcdef0001&$nine"
expect_code "a response before the change" 200
expect_body "stored" "Terima kasih"
v0=$(sql "SELECT instrument_id FROM response ORDER BY id LIMIT 1")

req admin GET "/admin/atur/instrumen?unit=dinkes"
expect_code "the instrument of a unit" 200
expect_body "the organisation's version" "bawaan organisasi"
expect_body "the weights" "1/9 (0,1111)"
expect_body "the English words" "Completion Time"
expect_body "the add form" 'action="/admin/atur/instrumen/unsur"'
expect_body "the next free code offered" 'name="kode" value="U10"'
versi=$(sed -n 's/.*name="versi" value="\([0-9]*\)".*/\1/p' "$T/body" | head -n 1)
req admin GET "/admin/atur/instrumen?unit=dinkes&unsur=U3"
expect_body "the edit form of U3" 'name="unsur" value="U3"'
expect_body "the regulation's name is fixed" "Nama unsur: <strong>Waktu Penyelesaian</strong>"
labels="pilihan_id_1=Tidak+cepat&pilihan_id_2=Kurang+cepat&pilihan_id_3=Cepat&pilihan_id_4=Sangat+cepat&pilihan_en_1=Not+fast&pilihan_en_2=Less+fast&pilihan_en_3=Fast&pilihan_en_4=Very+fast"
q3="Seberapa cepat layanan kami selesai? $XSS"
req admin POST /admin/atur/instrumen/teks "csrf=$A&unit=dinkes&versi=$versi&unsur=U3&tanya_id=&tanya_en=How+fast%3F&nama_en=Completion+Time&$labels"
expect_code "an empty question: 422" 422
expect_body "an empty question: said" 'id="tanya_id-error">Wajib diisi.'
expect_body "the English typed is kept" ">How fast?</textarea>"
req admin POST /admin/atur/instrumen/teks "csrf=$A&unit=dinkes&versi=$versi&unsur=U3&tanya_id=Cepat%3F&tanya_en=&nama_en=&pilihan_id_1=Sama&pilihan_id_2=sama&pilihan_id_3=C&pilihan_id_4=D&pilihan_en_1=A&pilihan_en_2=B&pilihan_en_3=C&pilihan_en_4=$(python3 -c 'print("x" * 65)')"
expect_code "duplicate and long labels: 422" 422
expect_body "the duplicate said" "Sama dengan pilihan 1"
expect_body "the long label said" "paling banyak 64 bait"
long=$(python3 -c 'print("t" * 401)')
req admin POST /admin/atur/instrumen/teks "csrf=$A&unit=dinkes&versi=$versi&unsur=U3&tanya_id=$long&nama_en=X&$labels"
expect_code "a question of 401 bytes: 422" 422
req admin POST /admin/atur/instrumen/teks "csrf=$A&unit=dinkes&versi=$versi&unsur=U3&tanya_id=$(enc "$q3")&tanya_en=How+fast+was+it%3F&nama_en=Completion+Time&$labels"
expect_code "U3's question rewritten" 303
expect_head "a new version" 'ok=versi'
audit_has "the change is audited" instrument.texts admin "instrument dinkes words of element U3"
req admin GET "/admin/atur/instrumen?unit=dinkes&ok=versi"
expect_body "now the unit's own version" "milik unit ini"
expect_body "the new question shown escaped" "Seberapa cepat layanan kami selesai? $XSS_ESC"
expect_no_body "no live script in the console" "$XSS"
expect_body "the versions message" "Tanggapan yang sudah masuk tetap memakai"
v1=$(sed -n 's/.*name="versi" value="\([0-9]*\)".*/\1/p' "$T/body" | head -n 1)
req admin POST /admin/atur/instrumen/teks "csrf=$A&unit=dinkes&versi=$v1&unsur=U3&tanya_id=$(enc "$q3")&tanya_en=How+fast+was+it%3F&nama_en=Completion+Time&$labels"
expect_code "the same words again" 303
expect_head "no new version" 'ok=sama'
req admin POST /admin/atur/instrumen/teks "csrf=$A&unit=dinkes&versi=$versi&unsur=U3&tanya_id=Lama%3F&tanya_en=&nama_en=&$labels"
expect_code "a change from a stale page: 409" 409
expect_body "the conflict said" "sudah berubah sejak halaman ini dibuka"
expect_body "what was typed is kept" ">Lama?</textarea>"

req admin POST /admin/atur/instrumen/unsur "csrf=$A&unit=dinkes&versi=$v1&kode=U5&nama_id=Kebersihan&tanya_id=Bersih%3F&$labels"
expect_code "a standard code for a new element: 422" 422
expect_body "the code said" "U10 sampai U99"
req admin POST /admin/atur/instrumen/unsur "csrf=$A&unit=dinkes&versi=$v1&kode=U10&nama_id=&tanya_id=&$labels"
expect_code "a new element without a name or question: 422" 422
q10="Bagaimana kebersihan ruang tunggu ($SQLI)?"
req admin POST /admin/atur/instrumen/unsur "csrf=$A&unit=dinkes&versi=$v1&kode=u10&nama_id=Kebersihan+Ruang+Tunggu&nama_en=Waiting+Room&tanya_id=$(enc "$q10")&tanya_en=How+clean+is+the+waiting+room%3F&pilihan_id_1=Kotor&pilihan_id_2=Kurang+bersih&pilihan_id_3=Bersih&pilihan_id_4=Sangat+bersih&pilihan_en_1=Dirty&pilihan_en_2=Fairly+clean&pilihan_en_3=Clean&pilihan_en_4=Very+clean"
expect_code "an element added" 303
audit_has "the element is audited" instrument.element admin "element U10"
req admin GET "/admin/atur/instrumen?unit=dinkes"
expect_body "ten elements, equal weights" "1/10 (0,1000)"
expect_body "the new element listed" "Kebersihan Ruang Tunggu"
expect_body "its question shown literally" "ruang tunggu ($SQLI_ESC)?"
expect_body "the next code is U11" 'name="kode" value="U11"'
req dk GET "/admin/atur/instrumen?unit=pkm-a"
expect_code "admin-unit: a unit under it" 200
expect_body "the child has the organisation's version" "bawaan organisasi"
req dk GET "/admin/atur/instrumen?unit=bapenda"
expect_code "admin-unit: another subtree's instrument: 403" 403
req dk POST /admin/atur/instrumen/unsur "csrf=$D&unit=bapenda&versi=1&kode=U10&nama_id=X&tanya_id=Y&$labels"
expect_code "admin-unit changes another subtree's instrument: 403" 403

# The public questionnaire shows the new version (its cache lasts a second).
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	code=$(curl -s -o "$T/body" -w '%{http_code}' "$base/u/dinkes")
	grep -qF "kebersihan ruang tunggu" "$T/body" && break
	sleep 0.2
done
# Each worker thread may keep its questionnaire for up to a second: past
# that, every thread serves the new version (the POST below included).
sleep 1.2
code=$(curl -s -o "$T/body" -w '%{http_code}' "$base/u/dinkes")
expect_body "the public form asks the new question" "Bagaimana kebersihan ruang tunggu ($SQLI_ESC)?"
expect_body "the rewritten question, escaped" "Seberapa cepat layanan kami selesai? $XSS_ESC"
expect_body "the new labels" "Sangat bersih"
expect_no_body "no live script in the public form" "$XSS"
n=$(grep -c '<fieldset class="question' "$T/body")
if [ "$n" = 10 ]; then ok "ten questions"; else not_ok "ten questions" "$n"; fi
code=$(curl -s -o "$T/body" -w '%{http_code}' "$base/u/dinkes?lang=en")
expect_body "the English question" "How clean is the waiting room?"
form_post /u/dinkes "client_id=0123456789abcdef0002&$nine&u10=2"
expect_code "a response after the change" 200
expect_body "stored too" "Terima kasih"
v2=$(sql "SELECT instrument_id FROM response ORDER BY id DESC LIMIT 1")
if [ "$(sql "SELECT COUNT(*) FROM response WHERE unit_id = (SELECT id FROM unit WHERE slug = 'dinkes')")" = 2 ] && [ "$v0" != "$v2" ] && [ -n "$v0" ]; then
	ok "each response keeps the version it answered"
else
	not_ok "each response keeps the version it answered" "v0=$v0 v2=$v2"
fi
if [ "$(sql "SELECT answers FROM response ORDER BY id LIMIT 1")" = 443444344 ]; then ok "the older response is unchanged"; else not_ok "the older response is unchanged"; fi
run compute --unit dinkes --period kini --db "$DB" --json
expect_rc "the aggregate still computes" 0
expect_json "over both responses and ten elements" "d['respondents'] == 2 and len(d['elements']) == 10"

# ---- office profile ----------------------------------------------------------------------
req admin GET /admin/atur/profil
expect_code "the office profile" 200
nf=$(grep -c '<label for="[a-z_]*\.[a-z_]*">' "$T/body")
if [ "$nf" = 18 ]; then ok "every field of the profile (18)"; else not_ok "every field of the profile" "$nf"; fi
expect_body "prose as a text area" '<textarea id="survei.metode"'
expect_body "the logo upload" 'enctype="multipart/form-data"'
req admin POST /admin/atur/profil "csrf=$A&kop.instansi=$(enc "Dinas $XSS")&kop.alamat=$(enc "$SQLI")&penandatangan.nama=Ir.+Budi&penandatangan.nip=19700101+199003+1+001&survei.metode=$(enc "Baris satu
baris dua")"
expect_code "the profile saved" 303
expect_head "with a message" 'ok=simpan'
audit_has "the change is audited with its keys" profile.update admin "kop.instansi, kop.alamat, penandatangan.nama, penandatangan.nip, survei.metode"
if [ "$(sql "SELECT value FROM office_profile WHERE key = 'kop.alamat'")" = "$SQLI" ]; then ok "SQL in the profile stored literally"; else not_ok "SQL in the profile stored literally"; fi
if [ "$(sql "SELECT value FROM office_profile WHERE key = 'survei.metode'")" = "Baris satu
baris dua" ]; then ok "prose keeps its lines"; else not_ok "prose keeps its lines"; fi
req admin GET /admin/atur/profil
expect_body "the saved value, escaped" "value=\"Dinas $XSS_ESC\""
expect_no_body "no live script in the profile" "$XSS"
req admin POST /admin/atur/profil "csrf=$A&kop.instansi=Dinas+Baru&kop.telepon=a%0Ab&penandatangan.nama=$(python3 -c 'print("n" * 256)')"
expect_code "a bad profile: 422" 422
expect_body "a line break refused in a one-line field" "satu baris"
expect_body "a long name refused" "paling banyak 255 bait"
expect_body "what was typed is kept" 'value="Dinas Baru"'
if [ "$(sql "SELECT value FROM office_profile WHERE key = 'kop.instansi'")" = "Dinas $XSS" ]; then ok "nothing of a refused form is saved"; else not_ok "nothing of a refused form is saved"; fi
req admin POST /admin/atur/profil "csrf=$A&kop.alamat="
expect_code "a field emptied" 303
if [ -z "$(sql "SELECT value FROM office_profile WHERE key = 'kop.alamat'")" ] && [ "$(sql "SELECT value FROM office_profile WHERE key = 'penandatangan.nama'")" = "Ir. Budi" ]; then
	ok "an emptied field is removed, the others stay"
else
	not_ok "an emptied field is removed, the others stay"
fi
req dk POST /admin/atur/profil "csrf=$D&kop.instansi=Direbut"
expect_code "admin-unit saves the profile: 403" 403

# The logo.
python3 - "$T" <<'PY'
import struct, sys, zlib
def png(w, h):
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    raw = b"".join(b"\0" + b"\x0a\x4f\x8a" * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
t = sys.argv[1]
open(t + "/logo.png", "wb").write(png(4, 3))
open(t + "/foto.jpg", "wb").write(b"\xff\xd8\xff\xe0\0\x10JFIF\0" + b"\0" * 200)
open(t + "/teks.png", "wb").write(b"ini bukan gambar, hanya teks\n" * 10)
open(t + "/besar.png", "wb").write(png(4, 3)[:33] + b"\0" * (600 << 10))
open(t + "/lebar.png", "wb").write(png(4001, 1))
open(t + "/raksasa.png", "wb").write(b"\0" * (17 << 20))
PY
upload() { # JAR TOKEN FILE: POST the file as the logo
	code=$(curl -s -D "$T/head" -o "$T/body" -w '%{http_code}' -b "$T/$1" -c "$T/$1" \
		-F "csrf=$2" -F "logo=@$3;type=image/png" "$base/admin/atur/profil/logo")
}
upload admin "$A" "$T/logo.png"
expect_code "a PNG logo uploaded" 303
audit_has "the logo is audited" profile.logo admin "PNG"
req admin GET /admin/atur/profil
expect_body "the logo shown" 'src="/admin/atur/profil/logo.png?v='
expect_body "a remove button" 'action="/admin/atur/profil/logo-hapus"'
req admin GET /admin/atur/profil/logo.png
expect_code "the logo served" 200
expect_head "as image/png" '^Content-Type: image/png'
if cmp -s "$T/body" "$T/logo.png"; then ok "the same bytes back"; else not_ok "the same bytes back"; fi
upload admin "$A" "$T/foto.jpg"
expect_code "a JPEG: 422" 422
expect_body "a JPEG: said" "Berkas ini gambar JPEG"
upload admin "$A" "$T/teks.png"
expect_code "a text file named .png: 422" 422
expect_body "a text file: said" "bukan gambar PNG"
upload admin "$A" "$T/besar.png"
expect_code "a logo over 512 KiB: 413" 413
expect_body "the size limit said" "paling besar 512 KiB"
upload admin "$A" "$T/lebar.png"
expect_code "a logo 4001 pixels wide: 422" 422
expect_body "the pixel limit said" "4000 x 4000"
code=$(curl -s -o "$T/body" -w '%{http_code}' -b "$T/admin" -F "csrf=$A" -F "logo=@$T/raksasa.png;type=image/png" "$base/admin/atur/profil/logo")
expect_code "a body over 16 MiB: 413 from the server" 413
code=$(curl -s -o "$T/body" -w '%{http_code}' -b "$T/admin" -F "csrf=$A" -F "catatan=tanpa berkas" "$base/admin/atur/profil/logo")
expect_code "no file: 422" 422
expect_body "no file: said" "Pilih berkas logo"
code=$(curl -s -o "$T/body" -w '%{http_code}' -b "$T/admin" -F "logo=@$T/logo.png;type=image/png" "$base/admin/atur/profil/logo")
expect_code "an upload without CSRF: 403" 403
audit_has "a refused logo is audited" profile.logo_refused admin "JPEG"
req admin GET /admin/atur/profil/logo.png
if cmp -s "$T/body" "$T/logo.png"; then ok "the refused uploads left the logo"; else not_ok "the refused uploads left the logo"; fi
code=$(curl -s -o "$T/body" -w '%{http_code}' -b "$T/admin" -F "csrf=$A" -F "kop.instansi=Lewat multipart" "$base/admin/atur/profil")
expect_code "the profile form as multipart: 415" 415
upload dk "$D" "$T/logo.png"
expect_code "admin-unit uploads a logo: 403" 403
req admin POST /admin/atur/profil/logo-hapus "csrf=$A"
expect_code "the logo removed" 303
audit_has "the removal is audited" profile.logo_remove admin ""
req admin GET /admin/atur/profil/logo.png
expect_code "no logo: 404" 404
req admin GET /admin/atur/profil
expect_body "no logo: said" "Belum ada logo."

for p in $server_pids; do kill "$p" 2>/dev/null; done
done_testing
