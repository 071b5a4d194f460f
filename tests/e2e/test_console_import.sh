#!/bin/sh
# End-to-end tests of the console's import (/admin/impor) over the real
# server: the preview of the demo CSV (column mapping, rows) and its commit
# giving IKM 96,89; a file committed once; a CSV with bad rows listing every
# row error and storing nothing unless "lewati" is ticked; an XLSX file;
# files refused by content (a PNG named .csv, empty, too large, no header
# to map); closed periods; cancel; roles, subtrees and other users'
# uploads; CSRF; the audit log; hostile file names and cells escaped.
. "$IKM_TOP/tests/e2e/lib.sh"
need_curl "import over HTTP"
export IKM_PASSWORD_COST=min
DB="$T/ikm.db"
DEMO="$IKM_TOP/../shared/data/mojokerto-2022-s1-demo.csv"
[ -f "$DEMO" ] || DEMO="$IKM_TOP/examples/mojokerto-2022-s1-demo.csv"
XLSX="$IKM_TOP/tests/data/google-forms-sample.xlsx"
"$IKM" init --db "$DB" --name "Pemerintah Kota Mojokerto" >/dev/null
"$IKM" unit add kota --db "$DB" --name "Sekretariat Daerah" >/dev/null
"$IKM" unit add dispenduk --db "$DB" --name "Dinas Kependudukan" --parent kota >/dev/null
"$IKM" unit add rsud --db "$DB" --name "RSUD" >/dev/null
"$IKM" unit add puskesmas --db "$DB" --name "Puskesmas" >/dev/null
"$IKM" service add akta --unit dispenduk --db "$DB" --name "Akta Kelahiran" >/dev/null
"$IKM" period add 2022-s1 --db "$DB" --from 2022-01-01 --to 2022-06-30 --name "Semester I 2022" >/dev/null
"$IKM" period add 2024-s1 --db "$DB" --from 2024-01-01 --to 2024-06-30 >/dev/null
"$IKM" period add 2021-s2 --db "$DB" --from 2021-07-01 --to 2021-12-31 --name "Semester II 2021" >/dev/null
"$IKM" period close 2021-s2 --db "$DB" >/dev/null
for u in "admin admin-kota" "kotaadm admin-unit kota" "op operator dispenduk" \
	"oprs operator rsud" "pim pimpinan"; do
	set -- $u
	echo "kata-sandi-$1-panjang" | "$IKM" user add "$1" --role "$2" ${3:+--unit "$3"} \
		--name "Pengguna $1" --db "$DB" >/dev/null
done

start_server import --db "$DB"
base=${url%/}
expect_code() { if [ "$code" = "$2" ]; then ok "$1"; else not_ok "$1" "HTTP $code, expected $2: $(head -c 400 "$T/body")"; fi; }
expect_body() { if grep -qF -- "$2" "$T/body"; then ok "$1"; else not_ok "$1" "body lacks: $2"; fi; }
expect_no_body() { if grep -qF -- "$2" "$T/body"; then not_ok "$1" "body has: $2"; else ok "$1"; fi; }
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
upload() { # JAR CSRF UNIT PERIOD FILE [NAME] [SERVICE]: multipart POST /admin/impor
	code=$(curl -s -D "$T/head" -o "$T/body" -w '%{http_code}' -b "$T/$1" -c "$T/$1" \
		-F "csrf=$2" -F "unit=$3" -F "periode=$4" -F "layanan=${7:-}" \
		-F "berkas=@$5;filename=\"${6:-$(basename "$5")}\"" "$base/admin/impor")
}
location() { tr -d '\r' <"$T/head" | sed -n 's/^Location: //p'; }
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
stored() { sql "SELECT COUNT(*) FROM response r JOIN unit u ON u.id = r.unit_id WHERE u.slug = ?" "$1"; }
audit_has() { # DESC ACTION USER [DETAIL-LIKE]
	if [ "$(sql "SELECT COUNT(*) FROM audit WHERE action = ? AND username = ? AND detail LIKE ?" "$2" "$3" "${4:-%}")" -gt 0 ]; then
		ok "$1"
	else
		not_ok "$1" "no audit entry $2 by $3 like ${4:-%}"
	fi
}

login op op
t=$tok_op
req op GET /admin/impor
expect_code "the unit chooser" 200
expect_body "the operator's unit" 'href="/admin/impor?unit=dispenduk"'
expect_no_body "no unit of another subtree" 'unit=rsud'
req op GET "/admin/impor?unit=dispenduk"
expect_code "the upload form" 200
expect_body "a multipart form" 'enctype="multipart/form-data"'
expect_body "the file field" 'name="berkas"'
expect_body "an open period offered" '<option value="2022-s1"'
expect_no_body "a closed period not offered" 'value="2021-s2"'
expect_body "the unit's services" '<option value="akta">Akta Kelahiran</option>'

# The demo file: preview, then commit.
upload op "$t" dispenduk 2022-s1 "$DEMO"
expect_code "the demo CSV uploaded: to the preview" 303
prev=$(location)
case "$prev" in /admin/impor/pratinjau\?*unggahan=*) ok "the preview's address" ;; *) not_ok "the preview's address" "$prev" ;; esac
req op GET "$prev"
expect_code "the preview" 200
expect_body "the file named" 'Berkas <strong>mojokerto-2022-s1-demo.csv</strong> (CSV, pemisah koma)'
expect_body "mapping: U1" '<tr><td class="num">8</td><td>U1</td><td>U1 Persyaratan</td></tr>'
expect_body "mapping: U9" '<td>U9</td><td>U9 Penanganan Pengaduan, Saran dan Masukan</td>'
expect_body "mapping: the date" '<td>Tanggal</td><td>Tanggal survei</td>'
expect_body "mapping: the suggestion" '<td>Saran</td><td>Saran</td>'
expect_body "mapping: a profile field" '<td>Jenis Kelamin</td><td>Jenis kelamin</td>'
expect_body "ignored columns named" 'Kolom yang diabaikan: No'
expect_body "the rows counted" '<tr><th scope="row">Baris data</th><td class="num">250</td></tr>'
expect_body "no row errors" '<tr><th scope="row">Baris yang salah</th><td class="num">0</td></tr>'
expect_body "a Simpan button" '<button type="submit">Simpan</button>'
if [ "$(stored dispenduk)" = 0 ]; then ok "the preview stores nothing"; else not_ok "the preview stores nothing"; fi
if [ "$(sql "SELECT COUNT(*) FROM upload")" = 1 ]; then ok "the upload is kept for the commit"; else not_ok "the upload is kept"; fi
if [ "$(sql "SELECT name FROM upload")" = mojokerto-2022-s1-demo.csv ]; then ok "under its file name"; else not_ok "under its file name"; fi
tok=$(field unggahan)
audit_has "the upload is audited" import.upload op '%mojokerto-2022-s1-demo.csv%'

# Another user cannot use the upload, nor the operator for another unit.
login oprs oprs
req oprs GET "/admin/impor/pratinjau?unit=rsud&periode=2022-s1&unggahan=$tok"
expect_code "another user's upload: not found" 404
req oprs POST /admin/impor/simpan "csrf=$tok_oprs&unggahan=$tok&unit=rsud&periode=2022-s1&layanan="
expect_code "another user's upload: not committed" 409
req op POST /admin/impor/simpan "csrf=$t&unggahan=$tok&unit=rsud&periode=2022-s1&layanan="
expect_code "the operator into another subtree: 403" 403
if [ "$(stored rsud)" = 0 ]; then ok "nothing stored in the other unit"; else not_ok "nothing stored in the other unit"; fi
req op POST /admin/impor/simpan "unggahan=$tok&unit=dispenduk&periode=2022-s1&layanan="
expect_code "commit without CSRF: 403" 403
if [ "$(stored dispenduk)" = 0 ]; then ok "nothing stored without the token"; else not_ok "nothing stored without the token"; fi

req op POST /admin/impor/simpan "csrf=$t&unggahan=$tok&unit=dispenduk&periode=2022-s1&layanan="
expect_code "the commit" 303
case "$(location)" in "/admin/impor?unit=dispenduk&ok=impor") ok "back with the flash" ;; *) not_ok "back with the flash" "$(location)" ;; esac
req op GET "$(location)"
expect_body "the flash said" "Impor selesai; semua baris sudah disimpan."
run compute --db "$DB" --unit dispenduk --period 2022-s1 --json
expect_json "IKM 96,89 for the unit and period" "d['ikm'] == 96.89 and d['respondents'] == 250"
if [ "$(sql "SELECT COUNT(*) FROM response WHERE channel = 'import'")" = 250 ]; then ok "stored with channel import"; else not_ok "stored with channel import"; fi
audit_has "the commit is audited with file name and counts" import.commit op '%mojokerto-2022-s1-demo.csv%250 tanggapan disimpan%'
if [ "$(sql "SELECT COUNT(*) FROM upload")" = 0 ]; then ok "the upload is taken"; else not_ok "the upload is taken"; fi
req op POST /admin/impor/simpan "csrf=$t&unggahan=$tok&unit=dispenduk&periode=2022-s1&layanan="
expect_code "the same commit again: 409" 409
expect_body "said: already saved" "sudah disimpan"
if [ "$(stored dispenduk)" = 250 ]; then ok "committed once"; else not_ok "committed once" "$(stored dispenduk)"; fi

# Bad rows: every one listed; nothing stored unless skipped.
cat >"$T/salah.csv" <<'EOF'
No,Tanggal,U1,U2,U3,U4,U5,U6,U7,U8,U9,Saran
1,2022-02-01,4,4,4,4,4,4,4,4,4,baik
2,2022-02-02,4,7,4,4,4,4,4,4,4,nilai salah
3,2021-01-01,3,3,3,3,3,3,3,3,3,di luar periode
4,2022-02-03,abc,3,3,3,3,3,3,3,3,teks
5,,,,,,,,,,,
6,2022-02-04,3,3,3,3,3,3,3,3,3,
EOF
req oprs GET "/admin/impor?unit=rsud"
upload oprs "$tok_oprs" rsud 2022-s1 "$T/salah.csv"
expect_code "a CSV with bad rows: to the preview" 303
req oprs GET "$(location)"
expect_code "its preview" 200
expect_body "row 3: the column and value" 'salah.csv: baris 3, kolom 4 (&quot;U2&quot;): nilai &quot;7&quot; di luar rentang'
expect_body "row 3: what was expected" 'yang diharapkan angka 1-4'
expect_body "row 4: the date outside the period" 'salah.csv: baris 4, kolom tanggal: &quot;2021-01-01&quot; di luar periode &quot;2022-s1&quot;'
expect_body "row 5: an unreadable value" 'baris 5, kolom 3 (&quot;U1&quot;): nilai &quot;abc&quot; tidak dikenali'
expect_body "the row numbers listed" '<tr><td class="num">5</td>'
expect_body "counts: three bad rows" '<tr><th scope="row">Baris yang salah</th><td class="num">3</td></tr>'
expect_body "counts: two good rows" '<td class="num">2</td>'
expect_body "counts: an empty row" '<tr><th scope="row">Baris tanpa jawaban (tidak disimpan)</th><td class="num">1</td></tr>'
expect_body "the skip box offered" 'name="lewati" value="1"'
expect_no_body "no command-line advice" '--skip-invalid'
tok2=$(field unggahan)
req oprs POST /admin/impor/simpan "csrf=$tok_oprs&unggahan=$tok2&unit=rsud&periode=2022-s1&layanan="
expect_code "commit with bad rows: 422" 422
expect_body "said: nothing stored" "memuat 3 baris yang salah, jadi tidak ada yang disimpan"
expect_body "the errors still listed" 'baris 3, kolom 4'
if [ "$(stored rsud)" = 0 ]; then ok "all or nothing: nothing stored"; else not_ok "all or nothing: nothing stored" "$(stored rsud)"; fi
req oprs POST /admin/impor/simpan "csrf=$tok_oprs&unggahan=$tok2&unit=rsud&periode=2022-s1&layanan=&lewati=1"
expect_code "commit skipping bad rows" 200
expect_body "said done" "Impor selesai"
expect_body "the rejected rows listed after" 'baris 5, kolom 3'
if [ "$(stored rsud)" = 2 ]; then ok "the good rows stored"; else not_ok "the good rows stored" "$(stored rsud)"; fi
audit_has "the skipping commit is audited" import.commit oprs '%salah.csv%2 tanggapan disimpan, 3 baris salah dilewati, 1 baris tanpa jawaban%'

# XLSX (a Google Forms export, option labels as answers).
login admin admin
upload admin "$tok_admin" puskesmas 2024-s1 "$XLSX"
expect_code "an XLSX file: to the preview" 303
req admin GET "$(location)"
expect_body "read as XLSX" '(XLSX)'
expect_body "question texts mapped" 'U1 Persyaratan</td>'
expect_body "five rows" '<tr><th scope="row">Baris data</th><td class="num">5</td></tr>'
req admin POST /admin/impor/simpan "csrf=$tok_admin&unggahan=$(field unggahan)&unit=puskesmas&periode=2024-s1&layanan="
expect_code "the XLSX committed" 303
run compute --db "$DB" --unit puskesmas --period 2024-s1 --json
expect_json "the XLSX's IKM, as ikm compute gives on the file" "d['ikm'] == 67.78 and d['respondents'] == 5"

# Refused files, by content.
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001' >"$T/gambar.csv"
upload op "$t" dispenduk 2022-s1 "$T/gambar.csv"
expect_code "a PNG named .csv: 422" 422
expect_body "said it is a PNG" "gambar PNG, bukan CSV atau XLSX"
: >"$T/kosong.csv"
upload op "$t" dispenduk 2022-s1 "$T/kosong.csv"
expect_code "an empty file: 422" 422
expect_body "said empty" "Berkas kosong"
printf 'a,b,c\n1,2,3\n' >"$T/judul.csv"
upload op "$t" dispenduk 2022-s1 "$T/judul.csv"
expect_code "no columns to map: 422" 422
expect_body "the mapping problem said" "Berkas tidak dapat dibaca"
printf 'U1,U2\n\001\002\003\n' >"$T/biner.csv"
upload op "$t" dispenduk 2022-s1 "$T/biner.csv"
expect_code "binary bytes in a .csv: 422" 422
head -c 11000000 /dev/zero | tr '\0' '4' >"$T/besar.csv"
upload op "$t" dispenduk 2022-s1 "$T/besar.csv"
expect_code "a file over the limit: 413" 413
expect_body "said too large" "Berkas terlalu besar"
upload op "$t" dispenduk 2021-s2 "$DEMO"
expect_code "a closed period: 422" 422
expect_body "said closed" "sudah ditutup"
upload op "$t" dispenduk 2022-s1 "$DEMO" demo.csv tidak-ada
expect_code "an unknown service: 422" 422
if [ "$(sql "SELECT COUNT(*) FROM upload")" = 0 ]; then ok "refused files are not kept"; else not_ok "refused files are not kept"; fi

# A period closed between preview and commit.
"$IKM" period add 2023-s1 --db "$DB" --from 2023-01-01 --to 2023-06-30 >/dev/null
printf 'Tanggal,U1,U2,U3,U4,U5,U6,U7,U8,U9\n2023-02-01,4,4,4,4,4,4,4,4,4\n' >"$T/satu.csv"
upload op "$t" dispenduk 2023-s1 "$T/satu.csv"
req op GET "$(location)"
tok3=$(field unggahan)
"$IKM" period close 2023-s1 --db "$DB" >/dev/null
req op POST /admin/impor/simpan "csrf=$t&unggahan=$tok3&unit=dispenduk&periode=2023-s1&layanan="
expect_code "committing into a period closed meanwhile: 409" 409
expect_body "said closed" "sudah ditutup"

# Cancel.
upload op "$t" dispenduk 2022-s1 "$T/satu.csv" satu.csv
req op GET "$(location)"
tok4=$(field unggahan)
req op POST /admin/impor/batal "csrf=$t&unggahan=$tok4&unit=dispenduk"
expect_code "cancel" 303
req op POST /admin/impor/simpan "csrf=$t&unggahan=$tok4&unit=dispenduk&periode=2022-s1&layanan="
expect_code "a cancelled upload cannot be committed" 409

# Roles.
login pim pim
req pim GET "/admin/impor?unit=dispenduk"
expect_code "pimpinan: 403" 403
req oprs GET "/admin/impor?unit=dispenduk"
expect_code "an operator of another unit: 403" 403
upload oprs "$tok_oprs" dispenduk 2022-s1 "$T/satu.csv"
expect_code "uploading into another unit: 403" 403
login kotaadm kotaadm
req kotaadm GET "/admin/impor?unit=dispenduk"
expect_code "admin-unit on a unit below: 200" 200
req kotaadm GET "/admin/impor?unit=rsud"
expect_code "admin-unit outside: 403" 403
code=$(curl -s -o "$T/body" -w '%{http_code}' -b "$T/op" -F unit=dispenduk -F periode=2022-s1 \
	-F "berkas=@$T/satu.csv" "$base/admin/impor")
expect_code "an upload without CSRF: 403" 403

# Hostile file names and cells: escaped in the preview.
cat >"$T/jahat.csv" <<'EOF'
No,<script>alert(1)</script>,U1,U2,U3,U4,U5,U6,U7,U8,U9,Saran
1,x,4,4,4,4,4,4,4,4,4,a
2,x,<img src=x onerror=alert(2)>,4,4,4,4,4,4,4,4,b
EOF
upload op "$t" dispenduk 2022-s1 "$T/jahat.csv" '<img src=x onerror=alert(3)>.csv'
expect_code "a hostile file: to the preview" 303
req op GET "$(location)"
expect_code "its preview" 200
expect_no_body "no raw script from a header" '<script>alert'
expect_no_body "no raw image from a cell" '<img src=x onerror=alert(2)>'
expect_no_body "no raw image from the file name" '<img src=x onerror=alert(3)>'
expect_body "the file name escaped" '&lt;img src=x onerror=alert(3)&gt;.csv'
expect_body "the cell escaped" 'nilai &quot;&lt;img src=x onerror=alert(2)&gt;&quot; tidak dikenali'
expect_body "the header escaped" 'Kolom yang diabaikan: No; &lt;script&gt;alert(1)&lt;/script&gt;'
req op GET "/admin/impor/pratinjau?unit=dispenduk&periode=2022-s1&unggahan=%3Cscript%3E"
expect_code "a hostile token: not found" 404
expect_no_body "not echoed" '<script>'
req op GET "/admin/impor/pratinjau?unit=dispenduk&periode=%27%3B%20DROP%20TABLE%20period%3B--&unggahan=$tok4"
expect_code "an injected period: 422" 422
if [ "$(sql "SELECT COUNT(*) FROM period")" = 4 ]; then ok "the periods still there"; else not_ok "the periods still there"; fi

for p in $server_pids; do kill "$p" 2>/dev/null; done
done_testing
