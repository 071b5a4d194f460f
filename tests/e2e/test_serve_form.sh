#!/bin/sh
# End-to-end tests of the public questionnaire of `ikm serve`: the real
# server on a random loopback port over a temporary database. Home page,
# the form (Indonesian and English), valid and invalid submissions, the
# honeypot, a resent form stored once, a closed period, page weight.
. "$IKM_TOP/tests/e2e/lib.sh"
need_curl "questionnaire over HTTP"
DB="$T/ikm.db"
today=$(TZ=Asia/Jakarta date +%Y-%m-%d)
"$IKM" init --db "$DB" --name "Pemerintah Kota Mojokerto" >/dev/null
"$IKM" unit add dispenduk --db "$DB" --name "Dinas Kependudukan & Pencatatan Sipil" >/dev/null
"$IKM" service add akta --unit dispenduk --db "$DB" --name "Akta Kelahiran" >/dev/null
"$IKM" period add kini --db "$DB" --from 2020-01-01 --to 2099-12-31 --name "Periode uji" >/dev/null

start_server serve --db "$DB"
ok "server started at $url"

get() { # path -> $code, $body
	code=$(curl -s -o "$T/body" -w '%{http_code}' "$url${1#/}")
	body=$(cat "$T/body")
}
post() { # path data -> $code, $body
	code=$(curl -s -o "$T/body" -w '%{http_code}' --data "$2" "$url${1#/}")
	body=$(cat "$T/body")
}
expect_code() { if [ "$code" = "$2" ]; then ok "$1"; else not_ok "$1" "HTTP $code, expected $2: $(head -c 300 "$T/body")"; fi; }
expect_body() { if printf '%s' "$body" | grep -qF -- "$2"; then ok "$1"; else not_ok "$1" "body lacks: $2"; fi; }

get /
expect_code "home page" 200
expect_body "home: the unit, escaped" "Dinas Kependudukan &amp; Pencatatan Sipil"
expect_body "home: link to the questionnaire" 'href="/u/dispenduk"'
expect_body "home: link to the service" 'href="/u/dispenduk/akta"'

get /u/dispenduk
expect_code "questionnaire" 200
n=$(printf '%s' "$body" | grep -c '<fieldset class="question')
if [ "$n" = 9 ]; then ok "nine questions, each a fieldset"; else not_ok "nine questions" "$n"; fi
expect_body "question text in Indonesian" "kesopanan dan keramahan petugas"
expect_body "labelled options" "Sangat sopan dan ramah"
expect_body "a legend per question" "<legend>"
size=$(wc -c <"$T/body")
css=$(curl -s "${url}static/ikm.css" | wc -c)
if [ $((size + css)) -lt 51200 ]; then ok "page weight $((size + css)) bytes < 50 KB"; else not_ok "page weight" "$((size + css))"; fi
if printf '%s' "$body" | grep -q "<script"; then not_ok "works without JavaScript (no script)"; else ok "works without JavaScript (no script)"; fi
client=$(printf '%s' "$body" | sed -n 's/.*name="client_id" value="\([0-9a-f]*\)".*/\1/p' | head -n 1)
if [ ${#client} -ge 16 ]; then ok "a client id in the form"; else not_ok "a client id in the form" "$client"; fi

get "/u/dispenduk?lang=en"
expect_body "English questions" "courtesy and friendliness"
expect_body "English labels" "Very polite and friendly"

all="u1=4&u2=4&u3=3&u4=4&u5=4&u6=4&u7=3&u8=4&u9=4"
post /u/dispenduk "client_id=$client&$all&gender=P&age=34&education=SMA&job=Swasta&suggestion=Ruang+tunggu+%3Cpanas%3E"
expect_code "valid submission" 200
expect_body "thanks" "Terima kasih"
post /u/dispenduk "client_id=$client&$all&gender=P&age=34&education=SMA&job=Swasta"
expect_code "the same form resent" 200

post /u/dispenduk/akta "u1=4&u2=4&u3=4&age=200&gender=X&suggestion=tetap+di+sini"
expect_code "invalid submission: 422" 422
expect_body "message next to a missing answer" 'id="u4-error"'
expect_body "what was typed is kept" "tetap di sini"
expect_body "a checked answer is kept" 'id="u1-4" name="u1" value="4" checked'
expect_body "age message" "10 sampai 120"

post /u/dispenduk "$all&website=http%3A%2F%2Fspam"
expect_code "honeypot: a thank-you page" 200

post /u/dispenduk "$all&suggestion=%ZZ"
expect_code "bad encoding: 400" 400

get /u/nope
expect_code "unknown unit: 404" 404
get /u/dispenduk/extra/path
expect_code "unknown path: 404" 404
get /healthz
expect_code "healthz" 200

# QR posters of a unit and a service, and all of them in one PDF.
code=$(curl -s -o "$T/qr.pdf" -w '%{http_code} %{content_type}' -H 'Host: ikm.contoh.go.id' "${url}u/dispenduk/akta/qr.pdf")
if [ "$code" = "200 application/pdf" ]; then ok "QR poster PDF"; else not_ok "QR poster PDF" "$code"; fi
if pdftotext "$T/qr.pdf" - 2>/dev/null | tr -s ' \n' '  ' | grep -q "http://ikm.contoh.go.id/u/dispenduk/akta"; then
	ok "the poster prints the questionnaire address of the Host"
else
	not_ok "the poster prints the questionnaire address of the Host" "$(pdftotext "$T/qr.pdf" - 2>&1 | head -20)"
fi
if pdftotext "$T/qr.pdf" - 2>/dev/null | grep -q "Akta Kelahiran"; then ok "the poster names the service"; else not_ok "the poster names the service"; fi
code=$(curl -s -o "$T/qr.png" -w '%{http_code} %{content_type}' "${url}u/dispenduk/qr.png")
if [ "$code" = "200 image/png" ] && head -c 8 "$T/qr.png" | grep -q PNG; then ok "QR poster PNG"; else not_ok "QR poster PNG" "$code"; fi
code=$(curl -s -o "$T/qr.svg" -w '%{http_code}' "${url}u/dispenduk/qr.svg")
if [ "$code" = 200 ] && grep -q "</svg>" "$T/qr.svg"; then ok "QR poster SVG"; else not_ok "QR poster SVG" "$code"; fi
code=$(curl -s -o "$T/all.pdf" -w '%{http_code}' "${url}qr/semua.pdf")
pages=$(pdfinfo "$T/all.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
if [ "$code" = 200 ] && [ "$pages" = 2 ]; then ok "all posters: a page per unit and service"; else not_ok "all posters" "$code $pages"; fi
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: evil"<x>' "${url}u/dispenduk/qr.pdf")
if [ "$code" = 200 ]; then ok "a strange Host header is not trusted (still a poster)"; else not_ok "strange Host" "$code"; fi
get /u/nope/qr.pdf
expect_code "QR of an unknown unit: 404" 404
get /
expect_body "home links the posters" 'href="/u/dispenduk/qr.pdf"'
expect_body "home links the poster sheet" 'href="/qr/semua.pdf"'


run compute --unit dispenduk --period kini --db "$DB" --json
expect_json "stored once, honeypot not stored: 1 respondent" "d['respondents'] == 1"
run export --unit dispenduk --period kini -o "$T/x.csv" --db "$DB"
if grep -q "Ruang tunggu <panas>" "$T/x.csv" && grep -q "^1,$today,P,34,SMA,Swasta" "$T/x.csv"; then
	ok "the submission stored with its profile and date"
else
	not_ok "the submission stored with its profile and date" "$(cat "$T/x.csv")"
fi

"$IKM" period close kini --db "$DB" >/dev/null
# At once: the store refuses it, even while a thread still has the open
# period cached.
post /u/dispenduk "$all"
expect_code "closed period: POST refused" 409
expect_body "closed period: POST said" "sudah ditutup"
# The cached targets live WEB_CACHE_SECONDS (1 s).
sleep 1.2
get /u/dispenduk
expect_code "closed period: a page, not the form" 200
expect_body "closed period said" "sudah ditutup"
if printf '%s' "$body" | grep -q "<form"; then not_ok "no form in a closed period"; else ok "no form in a closed period"; fi
post /u/dispenduk "$all"
expect_code "closed period: POST refused after the cache" 409

kill -TERM "$pid"
wait "$pid"
rc=$?
if [ "$rc" = 0 ]; then ok "SIGTERM: clean exit"; else not_ok "SIGTERM: clean exit" "exit $rc $(cat "$T/serve.err")"; fi
done_testing
