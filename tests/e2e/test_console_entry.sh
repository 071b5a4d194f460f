#!/bin/sh
# End-to-end tests of the console's paper entry (/admin/entri) over the real
# server: the keyboard form, three sheets changing `ikm compute` by three
# respondents and the IKM accordingly, invalid input (422, everything
# typed kept), a sheet stored once, double entry (held, resent, mismatch
# side by side, corrected, first entry replaced), dates and periods, the
# service, roles and subtrees, CSRF, the audit log, and hostile input.
. "$IKM_TOP/tests/e2e/lib.sh"
need_curl "paper entry over HTTP"
export IKM_PASSWORD_COST=min
DB="$T/ikm.db"
DEMO="$IKM_TOP/examples/mojokerto-2022-s1-demo.csv"
"$IKM" init --db "$DB" --name "Pemerintah Kota Mojokerto" >/dev/null
"$IKM" unit add kota --db "$DB" --name "Sekretariat Daerah" >/dev/null
"$IKM" unit add dispenduk --db "$DB" --name "Dinas Kependudukan" --parent kota >/dev/null
"$IKM" unit add rsud --db "$DB" --name "RSUD" >/dev/null
"$IKM" service add akta --unit dispenduk --db "$DB" --name "Akta Kelahiran" >/dev/null
"$IKM" period add 2022-s1 --db "$DB" --from 2022-01-01 --to 2022-06-30 --name "Semester I 2022" >/dev/null
"$IKM" period add 2021-s2 --db "$DB" --from 2021-07-01 --to 2021-12-31 >/dev/null
"$IKM" period close 2021-s2 --db "$DB" >/dev/null
"$IKM" import "$DEMO" --db "$DB" --unit dispenduk --period 2022-s1 >/dev/null
for u in "admin admin-kota" "kotaadm admin-unit kota" "op operator dispenduk" \
	"oprs operator rsud" "pim pimpinan"; do
	set -- $u
	echo "kata-sandi-$1-panjang" | "$IKM" user add "$1" --role "$2" ${3:+--unit "$3"} \
		--name "Pengguna $1" --db "$DB" >/dev/null
done

start_server entry --db "$DB"
base=${url%/}
expect_code() { if [ "$code" = "$2" ]; then ok "$1"; else not_ok "$1" "HTTP $code, expected $2: $(head -c 400 "$T/body")"; fi; }
expect_body() { if grep -qF -- "$2" "$T/body"; then ok "$1"; else not_ok "$1" "body lacks: $2"; fi; }
expect_no_body() { if grep -qF -- "$2" "$T/body"; then not_ok "$1" "body has: $2"; else ok "$1"; fi; }
expect_loc() { if tr -d '\r' <"$T/head" | grep -qE "^Location: $2\$"; then ok "$1"; else not_ok "$1" "$(grep -i '^location' "$T/head")"; fi; }
req() { # JAR METHOD PATH [DATA]
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
field() { sed -n "s/.*name=\"$1\" value=\"\\([^\"]*\\)\".*/\\1/p" "$T/body" | head -n 1; }
login() { # JAR USER
	: >"$T/$1"
	req "$1" GET /login
	req "$1" POST /login "csrf=$(csrf)&username=$2&password=kata-sandi-$2-panjang"
	req "$1" GET /admin
	eval "tok_$1=\$(csrf)"
}
sql() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2], sys.argv[3:]).fetchone()[0])' "$DB" "$@"; }
respondents() { "$IKM" compute --db "$DB" --unit dispenduk --period 2022-s1 --json |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["respondents"])'; }
ikm_of() { python3 -c 'import json,sys; print(json.load(sys.stdin)["ikm"])'; }
audit_has() { # DESC ACTION USER
	if [ "$(sql "SELECT COUNT(*) FROM audit WHERE action = ? AND username = ?" "$2" "$3")" -gt 0 ]; then
		ok "$1"
	else
		not_ok "$1" "no audit entry $2 by $3"
	fi
}
A9="u1=4&u2=4&u3=4&u4=4&u5=4&u6=4&u7=4&u8=4&u9=4"

login op op
req op GET /admin/entri
expect_code "the unit chooser" 200
expect_body "the operator's unit" 'href="/admin/entri?unit=dispenduk"'
expect_no_body "no unit of another subtree" 'unit=rsud'
req op GET "/admin/entri?unit=dispenduk&tanggal=2022-03-15"
expect_code "the entry form" 200
expect_body "a numeric box per element" 'id="u9" name="u9" value="" inputmode="numeric" maxlength="1" pattern="[1-4]"'
expect_body "labelled with the element's code and name" '<label for="u1"><span class="code">U1</span> Persyaratan</label>'
expect_body "the focus on the first answer" 'name="u1" value="" inputmode="numeric" maxlength="1" pattern="[1-4]" size="2" required autofocus'
expect_body "the survey date field" 'name="tanggal" value="2022-03-15"'
expect_body "the sheet number field" 'name="lembar"'
expect_body "the double-entry switch" 'name="ganda" value="1"'
expect_body "the profile: education list" '<option value="D4/S1">D4/S1</option>'
expect_body "the profile: job list" '<option value="Wirausaha">Wirausaha</option>'
expect_body "the focus script, external" '<script src="/static/admin/entry.js" defer></script>'
expect_body "the CSRF token in the form" 'name="csrf" value="'
req op GET /static/admin/entry.js
expect_code "entry.js is served" 200
expect_body "entry.js moves the focus" "focus()"
req op GET "/admin/entri?unit=dispenduk"
today=$(python3 -c 'import datetime; print((datetime.datetime.utcnow() + datetime.timedelta(hours=7)).strftime("%Y-%m-%d"))')
expect_body "the date defaults to today" "name=\"tanggal\" value=\"$today\""

# Three sheets by keyboard: three more respondents, the IKM of all rows.
before=$(respondents)
req op GET "/admin/entri?unit=dispenduk&tanggal=2022-03-15"
t=$(csrf)
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&lembar=1&u1=1&u2=2&u3=3&u4=4&u5=1&u6=2&u7=3&u8=4&u9=1&jk=l&usia=41&pendidikan=SMA&pekerjaan=Swasta"
expect_code "sheet 1: saved" 303
expect_loc "back to an empty form, the saved number said" '/admin/entri\?unit=dispenduk&tanggal=2022-03-15&tersimpan=1'
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&lembar=2&u1=2&u2=2&u3=2&u4=2&u5=2&u6=2&u7=2&u8=2&u9=2"
expect_code "sheet 2: saved" 303
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-16&lembar=3&u1=3&u2=1&u3=4&u4=3&u5=3&u6=1&u7=4&u8=3&u9=3&saran=Antrean+lebih+cepat"
expect_code "sheet 3: saved" 303
after=$(respondents)
if [ "$after" -eq $((before + 3)) ]; then ok "ikm compute: respondents up by 3 ($before -> $after)"; else not_ok "respondents up by 3" "$before -> $after"; fi
cat >"$T/extra.csv" <<'EOF'
U1,U2,U3,U4,U5,U6,U7,U8,U9
1,2,3,4,1,2,3,4,1
2,2,2,2,2,2,2,2,2
3,1,4,3,3,1,4,3,3
EOF
want=$("$IKM" compute "$DEMO" "$T/extra.csv" --json | ikm_of)
got=$("$IKM" compute --db "$DB" --unit dispenduk --period 2022-s1 --json | ikm_of)
if [ "$want" = "$got" ]; then ok "the IKM equals the file computation ($got)"; else not_ok "the IKM equals the file computation" "store $got, files $want"; fi
req op GET "/admin/entri?unit=dispenduk&tanggal=2022-03-16&tersimpan=3"
expect_body "the flash after saving" "Kuesioner nomor 3 tersimpan."
expect_body "the next sheet number ready" 'name="lembar" value="4"'
expect_body "the form empty, focus on the first answer" 'name="u1" value="" inputmode="numeric" maxlength="1" pattern="[1-4]" size="2" required autofocus'
if [ "$(sql "SELECT COUNT(*) FROM response WHERE channel = 'paper'")" = 3 ]; then ok "stored with channel paper"; else not_ok "stored with channel paper"; fi
if [ "$(sql "SELECT gender || '|' || age || '|' || education || '|' || job FROM response WHERE channel = 'paper' AND answers = '123412341'")" = "L|41|SMA|Swasta" ]; then ok "the profile stored"; else not_ok "the profile stored"; fi
if [ "$(sql "SELECT survey_date FROM response WHERE answers = '314331433'")" = 20220316 ]; then ok "the survey date stored"; else not_ok "the survey date stored"; fi
audit_has "a saved sheet is audited" entry.save op

# Invalid input: 422, the messages by the fields, everything kept.
n0=$(respondents)
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&lembar=9&u1=5&u2=x&u3=&u4=4&u5=4&u6=4&u7=4&u8=4&u9=44&jk=Q&usia=7&pendidikan=S9&pekerjaan=Astronot&saran=tetap+ada"
expect_code "invalid digits: 422" 422
expect_body "the message above the form" "Beberapa isian perlu diperbaiki"
expect_body "u1: said why" 'id="u1-error">Ketik satu angka 1, 2, 3 atau 4.'
expect_body "u3: said it is empty" 'id="u3-error">Belum diisi'
expect_body "u1 kept as typed" 'name="u1" value="5"'
expect_body "u2 kept as typed" 'name="u2" value="x"'
expect_body "u9 kept as typed" 'name="u9" value="44"'
expect_body "u4 kept" 'name="u4" value="4"'
expect_body "the focus on the first answer to fix" 'name="u1" value="5" inputmode="numeric" maxlength="1" pattern="[1-4]" size="2" required autofocus'
expect_body "gender: said" 'id="jk-error"'
expect_body "age: said" 'id="usia-error"'
expect_body "education: said" 'id="pendidikan-error"'
expect_body "job: said" 'id="pekerjaan-error"'
expect_body "the sheet number kept" 'name="lembar" value="9"'
expect_body "the suggestion kept" '>tetap ada</textarea>'
expect_body "the gender kept" 'name="jk" value="Q"'
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&lembar=&$A9"
expect_code "no sheet number: 422" 422
expect_body "the sheet number asked for" 'id="lembar-error"'
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&lembar=12345678901234567890123&$A9"
expect_code "a sheet number too long: 422" 422
if [ "$(respondents)" = "$n0" ]; then ok "nothing stored from invalid input"; else not_ok "nothing stored from invalid input"; fi

# The same sheet twice: stored once, and said.
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&lembar=1&$A9"
expect_code "the same sheet again: 409" 409
expect_body "said: already stored" "sudah tersimpan sebelumnya"
expect_body "by the sheet number field" 'id="lembar-error"'
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-04-01&lembar=b7&$A9"
expect_code "sheet b7" 303
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-04-02&lembar=B7&$A9"
expect_code "sheet B7 is b7: 409" 409
if [ "$(respondents)" = $((n0 + 1)) ]; then ok "each sheet counted once"; else not_ok "each sheet counted once" "$(respondents)"; fi

# Double entry.
n0=$(respondents)
req op GET "/admin/entri?unit=dispenduk&tanggal=2022-03-15&ganda=1"
expect_body "the switch kept on" 'name="ganda" value="1" checked'
f1=$(field formulir)
first="u1=4&u2=3&u3=4&u4=4&u5=3&u6=4&u7=4&u8=4&u9=4&jk=P&usia=35"
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&ganda=1&formulir=$f1&lembar=50&$first&saran=Ramah"
expect_code "double entry, first: held" 303
expect_loc "said held" '/admin/entri\?unit=dispenduk&tanggal=2022-03-15&ganda=1&ditahan=50'
if [ "$(respondents)" = "$n0" ]; then ok "a held sheet is not counted"; else not_ok "a held sheet is not counted"; fi
req op GET "/admin/entri?unit=dispenduk&tanggal=2022-03-15&ganda=1&ditahan=50"
expect_body "the flash says it waits" "dicatat sebagai entri pertama dan belum dihitung"
expect_body "the waiting sheets are listed" "menunggu entri kedua pada periode Semester I 2022: 50"
f2=$(field formulir)
audit_has "a held sheet is audited" entry.hold op
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&ganda=1&formulir=$f1&lembar=50&$first"
expect_code "the first entry's form resent: 409" 409
expect_body "said: not a second entry" "sudah dikirim sebagai entri pertama"
second="u1=4&u2=3&u3=2&u4=4&u5=3&u6=4&u7=4&u8=4&u9=4&jk=P&usia=53"
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&ganda=1&formulir=$f2&lembar=50&$second"
expect_code "a mismatching second entry: 409" 409
expect_body "side by side: U3" '<tr><th scope="row">U3 Waktu Penyelesaian</th><td>4</td><td>2</td></tr>'
expect_body "side by side: age" '<tr><th scope="row">Usia</th><td>35</td><td>53</td></tr>'
expect_no_body "only what differs" '<th scope="row">U1 Persyaratan</th>'
expect_body "marked by the field" 'id="u3-error">Berbeda dengan entri pertama.'
expect_body "the second entry kept" 'name="u3" value="2"'
expect_body "a way to replace the first entry" 'name="aksi" value="ganti"'
if [ "$(respondents)" = "$n0" ]; then ok "a mismatch stores nothing"; else not_ok "a mismatch stores nothing"; fi
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&ganda=1&formulir=$f2&lembar=50&$first"
expect_code "the corrected second entry: saved" 303
expect_loc "said saved" '/admin/entri\?unit=dispenduk&tanggal=2022-03-15&ganda=1&tersimpan=50'
if [ "$(respondents)" = $((n0 + 1)) ]; then ok "a matching pair stores one response"; else not_ok "a matching pair stores one response" "$(respondents)"; fi
if [ "$(sql "SELECT COUNT(*) FROM entry_pending")" = 0 ]; then ok "nothing left waiting"; else not_ok "nothing left waiting"; fi
if [ "$(sql "SELECT suggestion FROM response WHERE channel = 'paper' AND answers = '434434444'")" = Ramah ]; then ok "the suggestion typed once is kept"; else not_ok "the suggestion typed once is kept"; fi
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&ganda=1&lembar=50&$first"
expect_code "a third entry of a stored sheet: 409" 409
# The first entry was the wrong one: replaced, then matched.
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&ganda=1&lembar=51&$first"
expect_code "sheet 51, first entry" 303
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&ganda=1&lembar=51&$second&aksi=ganti"
expect_code "the first entry replaced" 303
expect_loc "still held" '/admin/entri\?unit=dispenduk&tanggal=2022-03-15&ganda=1&ditahan=51'
audit_has "the replacement is audited" entry.replace op
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&ganda=1&lembar=51&$second"
expect_code "matches the replacement: saved" 303
if [ "$(sql "SELECT COUNT(*) FROM response WHERE answers = '432434444' AND age = 53")" = 1 ]; then ok "the replacement's answers stored"; else not_ok "the replacement's answers stored"; fi
# A sheet waiting is compared even with the switch off.
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&ganda=1&lembar=52&$first"
n0=$(respondents)
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&lembar=52&$second"
expect_code "switch off, a waiting sheet: still compared" 409
if [ "$(respondents)" = "$n0" ]; then ok "not counted without a match"; else not_ok "not counted without a match"; fi

# Dates, periods, services.
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2021-08-01&lembar=60&$A9"
expect_code "a closed period: 422" 422
expect_body "said closed" "sudah ditutup"
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2019-05-05&lembar=60&$A9"
expect_code "no period: 422" 422
expect_body "said: no period" "Tidak ada periode survei yang mencakup tanggal ini"
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=15-03-2022&lembar=60&$A9"
expect_code "a date in another format: 422" 422
expect_body "the format said" "TTTT-BB-HH"
expect_body "the date kept" 'name="tanggal" value="15-03-2022"'
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2099-01-01&lembar=60&$A9"
expect_code "a future date: 422" 422
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&layanan=tidak-ada&lembar=60&$A9"
expect_code "an unknown service: 422" 422
expect_body "said by the service" 'id="layanan-error"'
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&layanan=akta&lembar=60&$A9"
expect_code "with a service: saved" 303
expect_loc "the service kept for the next sheet" '/admin/entri\?unit=dispenduk&layanan=akta&tanggal=2022-03-15&tersimpan=60'
if [ "$(sql "SELECT COUNT(*) FROM response r JOIN service s ON s.id = r.service_id WHERE s.slug = 'akta' AND r.channel = 'paper'")" = 1 ]; then ok "stored for the service"; else not_ok "stored for the service"; fi

# Roles and subtrees.
login pim pim
req pim GET "/admin/entri?unit=dispenduk"
expect_code "pimpinan: 403" 403
login oprs oprs
req oprs GET "/admin/entri?unit=dispenduk"
expect_code "an operator of another unit: 403" 403
audit_has "the refusal is audited" access.refused oprs
n0=$(respondents)
req oprs POST /admin/entri "csrf=$tok_oprs&unit=dispenduk&tanggal=2022-03-15&lembar=70&$A9"
expect_code "posting into another unit: 403" 403
if [ "$(respondents)" = "$n0" ]; then ok "nothing stored by another subtree"; else not_ok "nothing stored by another subtree"; fi
req oprs GET "/admin/entri?unit=rsud"
expect_code "an operator on its own unit: 200" 200
login kotaadm kotaadm
req kotaadm GET "/admin/entri"
expect_body "admin-unit: its unit" 'unit=kota"'
expect_body "admin-unit: the unit under it" 'unit=dispenduk"'
expect_no_body "admin-unit: not another subtree" 'unit=rsud"'
req kotaadm GET "/admin/entri?unit=dispenduk"
expect_code "admin-unit on a unit below: 200" 200
req kotaadm GET "/admin/entri?unit=rsud"
expect_code "admin-unit outside: 403" 403
login admin admin
req admin GET "/admin/entri?unit=rsud"
expect_code "admin-kota anywhere: 200" 200
req admin GET "/admin/entri?unit=tidak-ada"
expect_code "an unknown unit: 404" 404
req admin GET "/admin/entri?unit=%27%3B%20DROP%20TABLE%20unit%3B%20--"
expect_code "an injected unit name: 404" 404
if [ "$(sql "SELECT COUNT(*) FROM unit")" = 3 ]; then ok "the units still there"; else not_ok "the units still there"; fi
req admin GET "/admin/entri/lain"
expect_code "a path below: 404" 404

# CSRF.
n0=$(respondents)
req op POST /admin/entri "unit=dispenduk&tanggal=2022-03-15&lembar=80&$A9"
expect_code "no CSRF token: 403" 403
req op POST /admin/entri "csrf=$tok_oprs&unit=dispenduk&tanggal=2022-03-15&lembar=80&$A9"
expect_code "another session's token: 403" 403
if [ "$(respondents)" = "$n0" ]; then ok "nothing stored without the token"; else not_ok "nothing stored without the token"; fi
audit_has "the refused POST is audited" csrf.refused op

# Hostile input: stored literally, shown escaped.
evil='<script>alert(1)</script> Robert'"'"'); DROP TABLE response; --'
enc=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$evil")
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&lembar=%3Cscript%3E&u1=%3Cscript%3E&saran=$enc&$A9"
expect_code "a script as sheet number: 422" 422
expect_no_body "no raw script in the page" '<script>alert'
expect_no_body "no raw script tag from input" 'value="<script>'
expect_body "the suggestion escaped" '&lt;script&gt;alert(1)&lt;/script&gt; Robert&#39;); DROP TABLE response; --</textarea>'
req op POST /admin/entri "csrf=$t&unit=dispenduk&tanggal=2022-03-15&lembar=90&saran=$enc&$A9"
expect_code "a hostile suggestion: saved" 303
if [ "$(sql "SELECT suggestion FROM response WHERE channel = 'paper' AND suggestion LIKE '%DROP TABLE%'")" = "$evil" ]; then ok "stored literally"; else not_ok "stored literally"; fi
if [ "$(sql "SELECT COUNT(*) FROM response")" -gt 250 ]; then ok "the response table still there"; else not_ok "the response table still there"; fi
req op GET "/admin/entri?unit=dispenduk&tanggal=%3Cscript%3E&tersimpan=%3Cscript%3E&layanan=%3Cscript%3E"
expect_code "hostile query parameters: still the form" 200
expect_no_body "no raw script from the query" '<script>'
req op GET "/admin/entri?unit=%3Cscript%3Ealert(1)%3C/script%3E"
expect_no_body "an injected unit is not echoed raw" '<script>alert'

for p in $server_pids; do kill "$p" 2>/dev/null; done
done_testing
