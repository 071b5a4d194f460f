#!/bin/sh
# End-to-end tests of the kiosk routes of `ikm serve` over HTTP (curl) on a
# temporary database: the page and its JSON data block (escaped for a
# script element), the service worker and the manifest with their content
# types, and POST /u/UNIT[/SERVICE]/kiosk — 201 stored, 200 duplicate, 422
# for a missing client id, a unit or service other than the address's, a
# future or too old date; 409 for a closed period; 413, 415, 400; the
# kiosk's own rate limit (ten times the form's) and no burst flag; a
# closed period's page.
. "$IKM_TOP/tests/e2e/lib.sh"
need_curl "kiosk over HTTP"
DB="$T/ikm.db"
day() { TZ=Asia/Jakarta date -d "$1" +%Y-%m-%d; }
today=$(day today)
"$IKM" init --db "$DB" --name "Pemerintah Kota <Mojokerto>" >/dev/null
"$IKM" unit add dispenduk --db "$DB" --name "Dinas Kependudukan & Pencatatan Sipil" >/dev/null
"$IKM" service add akta --unit dispenduk --db "$DB" --name "Akta Kelahiran" >/dev/null
"$IKM" unit add dinkes --db "$DB" --name "Dinas Kesehatan" >/dev/null
# An open period from nine days ago, a closed one before it.
"$IKM" period add lalu --db "$DB" --from 2020-01-01 --to "$(day '10 days ago')" >/dev/null
"$IKM" period add kini --db "$DB" --from "$(day '9 days ago')" --to 2099-12-31 >/dev/null
"$IKM" period close lalu --db "$DB" >/dev/null

start_server serve --db "$DB"
ok "server started at $url"

get() { # path -> $code, $ctype, $body
	set -- "$(curl -s -o "$T/body" -D "$T/head" -w '%{http_code} %{content_type}' "$url${1#/}")"
	code=${1%% *}
	ctype=${1#* }
	body=$(cat "$T/body")
}
kpost() { # path json [content-type] -> $code, $body
	code=$(curl -s -o "$T/body" -w '%{http_code}' -H "Content-Type: ${3:-application/json}" \
		--data-binary "$2" "$url${1#/}")
	body=$(cat "$T/body")
}
expect_code() { if [ "$code" = "$2" ]; then ok "$1"; else not_ok "$1" "HTTP $code, expected $2: $(head -c 400 "$T/body")"; fi; }
expect_body() { if printf '%s' "$body" | grep -qF -- "$2"; then ok "$1"; else not_ok "$1" "body lacks: $2"; fi; }
expect_body_json() { # desc python-expr on d
	if printf '%s' "$body" | python3 -c "import json,sys; d=json.load(sys.stdin); sys.exit(0 if ($2) else 1)" 2>/dev/null; then
		ok "$1"
	else
		not_ok "$1" "$body"
	fi
}
# The data block of the page in $T/body, as JSON on stdout.
data_block() {
	python3 -c "import re,sys; m=re.search(r'<script type=\"application/json\" id=\"kiosk-data\">(.*?)</script>', open(sys.argv[1]).read(), re.S); print(m.group(1) if m else '')" "$T/body"
}

get /u/dispenduk/akta/kiosk
expect_code "kiosk page" 200
expect_body "the data block" '<script type="application/json" id="kiosk-data">'
expect_body "the script, from the site" '<script src="/static/kiosk.js" defer></script>'
expect_body "a noscript link to the form" '<a href="/u/dispenduk/akta">'
expect_body "the manifest linked" '<link rel="manifest" href="/u/dispenduk/akta/kiosk.webmanifest">'
data_block >"$T/data.json"
if python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
assert d['unit']=='dispenduk' and d['service']=='akta' and d['post']=='/u/dispenduk/akta/kiosk'
assert d['unit_name']=='Dinas Kependudukan & Pencatatan Sipil' and d['org']=='Pemerintah Kota <Mojokerto>'
assert len(d['questions'])==9 and d['questions'][0]['code']=='U1'
assert len(d['questions'][0]['labels'])==4 and d['questions'][0]['labels'][3][0]=='Sangat sesuai'
assert d['lang']=='id' and d['reset']==60 and d['zone_hours']==7
assert 'SMA' in d['educations'] and any(j['value']=='Swasta' for j in d['jobs'])
assert d['words']['start'][0]=='Mulai' and d['words']['start'][1]=='Start'
" "$T/data.json" 2>"$T/py"; then ok "the data: unit, questions, labels in both languages, lists, words"; else not_ok "the data" "$(cat "$T/py")"; fi
if grep -q '[<>&]' "$T/data.json"; then not_ok "no < > & inside the data block" "$(cat "$T/data.json" | head -c 300)"; else ok "no < > & inside the data block"; fi
expect_body "& written as \\u0026" 'Kependudukan \u0026 Pencatatan'
expect_body "< written as \\u003c" 'Kota \u003cMojokerto\u003e'
get "/u/dispenduk/kiosk?lang=en&reset=5"
data_block >"$T/data.json"
if python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d['lang']=='en' and d['reset']==5 and d['service'] is None else 1)" "$T/data.json"; then
	ok "?lang=en and ?reset=5, no service"
else
	not_ok "?lang=en and ?reset=5" "$(head -c 300 "$T/data.json")"
fi
get "/u/dispenduk/kiosk?reset=100000"
data_block >"$T/data.json"
if python3 -c "import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))['reset']==600 else 1)" "$T/data.json"; then ok "?reset bounded"; else not_ok "?reset bounded"; fi
get /u/nope/kiosk
expect_code "kiosk of an unknown unit: 404" 404
get /u/dispenduk/nope/kiosk
expect_code "kiosk of an unknown service: 404" 404

get /kiosk-sw.js
expect_code "service worker" 200
case "$ctype" in text/javascript*) ok "service worker: text/javascript" ;; *) not_ok "service worker: text/javascript" "$ctype" ;; esac
if grep -qi '^cache-control: no-cache' "$T/head"; then ok "service worker: no-cache"; else not_ok "service worker: no-cache" "$(cat "$T/head")"; fi
expect_body "service worker imports the outbox" 'importScripts("/static/kiosk-outbox.js")'
if grep -qi "^content-security-policy: default-src 'self'; script-src 'self';" "$T/head"; then ok "the CSP is unchanged"; else not_ok "the CSP is unchanged" "$(cat "$T/head")"; fi
get /u/dispenduk/akta/kiosk.webmanifest
expect_code "manifest" 200
if [ "$ctype" = "application/manifest+json" ]; then ok "manifest: application/manifest+json"; else not_ok "manifest content type" "$ctype"; fi
expect_body_json "manifest: fullscreen at the kiosk" "d['display'] == 'fullscreen' and d['start_url'] == '/u/dispenduk/akta/kiosk'"
for f in kiosk.js kiosk-outbox.js kiosk.css; do
	get "/static/$f"
	expect_code "/static/$f" 200
done

ans='"answers": {"U1": 4, "U2": 4, "U3": 3, "U4": 4, "U5": 4, "U6": 4, "U7": 3, "U8": 4, "U9": 4}'
id1=0123456789abcdef0123456789abcdef
d3=$(day '3 days ago')
good="{\"unit\": \"dispenduk\", \"service\": \"akta\", \"client_id\": \"$id1\", \"date\": \"$d3\", $ans, \"profile\": {\"gender\": \"L\", \"age\": 52}}"
kpost /u/dispenduk/akta/kiosk "$good"
expect_code "valid: 201" 201
expect_body_json "201: stored, not a duplicate" "d == {'stored': True, 'duplicate': False}"
kpost /u/dispenduk/akta/kiosk "$good"
expect_code "the same client id again: 200" 200
expect_body_json "200: duplicate" "d == {'stored': True, 'duplicate': True}"
kpost /u/dispenduk/akta/kiosk "{\"unit\": \"dispenduk\", \"service\": \"akta\", $ans}"
expect_code "no client id: 422" 422
expect_body_json "client_id named" "'client_id' in d['fields'] and len(d['fields']) == 1"
kpost /u/dispenduk/akta/kiosk "{\"unit\": \"dinkes\", \"service\": \"akta\", \"client_id\": \"1123456789abcdef0123456789abcdef\", $ans}"
expect_code "another unit than the address: 422" 422
expect_body_json "unit named" "'unit' in d['fields']"
kpost /u/dispenduk/akta/kiosk "{\"unit\": \"dispenduk\", \"client_id\": \"2123456789abcdef0123456789abcdef\", $ans}"
expect_code "no service on a service's kiosk: 422" 422
expect_body_json "service named" "'service' in d['fields']"
kpost /u/dispenduk/kiosk "{\"unit\": \"dispenduk\", \"service\": \"akta\", \"client_id\": \"3123456789abcdef0123456789abcdef\", $ans}"
expect_code "a service on the unit's kiosk: 422" 422
kpost /u/dispenduk/kiosk "{\"unit\": \"dispenduk\", \"client_id\": \"4123456789abcdef0123456789abcdef\", \"date\": \"$(day tomorrow)\", $ans}"
expect_code "tomorrow: 422" 422
expect_body_json "future date said" "'masa depan' in d['fields']['date']"
kpost /u/dispenduk/kiosk "{\"unit\": \"dispenduk\", \"client_id\": \"5123456789abcdef0123456789abcdef\", \"date\": \"$(day '32 days ago')\", $ans}"
expect_code "32 days ago: 422" 422
expect_body_json "too old said" "'31 hari' in d['fields']['date']"
kpost /u/dispenduk/kiosk "{\"unit\": \"dispenduk\", \"client_id\": \"6123456789abcdef0123456789abcdef\", \"date\": \"$(day '15 days ago')\", $ans}"
expect_code "a date in a closed period: 409" 409
expect_body_json "409: no open period" "d['error'] == 'no_open_period'"
kpost /u/dispenduk/kiosk "{\"unit\": \"dispenduk\", \"client_id\": \"7123456789abcdef0123456789abcdef\", \"date\": \"$(day '31 days ago')\", $ans}"
expect_code "31 days ago is still taken (closed period here: 409)" 409
kpost /u/dispenduk/kiosk "{\"unit\": \"dispenduk\", \"client_id\": \"8123456789abcdef0123456789abcdef\", $ans}"
expect_code "no date: today, 201" 201
kpost /u/dispenduk/kiosk "{\"unit\": \"dispenduk\""
expect_code "malformed JSON: 400" 400
kpost /u/dispenduk/kiosk "{\"unit\": \"dispenduk\", $ans}" "text/plain"
expect_code "not application/json: 415" 415
python3 -c "print('{\"unit\": \"dispenduk\", \"suggestion\": \"' + 'x' * 70000 + '\"}')" >"$T/big.json"
code=$(curl -s -o "$T/body" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$T/big.json" "${url}u/dispenduk/kiosk")
expect_code "oversized body: 413" 413
kpost /u/nope/kiosk "{\"unit\": \"nope\", \"client_id\": \"9123456789abcdef0123456789abcdef\", $ans}"
expect_code "POST to an unknown unit's kiosk: 404" 404

# Stored on channel kiosk with the device's date; many from one address
# are not flagged burst (see kiosk.h).
if python3 -c "
import sqlite3,sys
rows=sqlite3.connect(sys.argv[1]).execute(\"SELECT client_id, channel, survey_date, flags, gender, age FROM response ORDER BY id\").fetchall()
assert len(rows)==2, rows
assert rows[0]==('$id1','kiosk',int('$d3'.replace('-','')),0,'L',52), rows[0]
assert rows[1][1]=='kiosk' and rows[1][2]==int('$today'.replace('-','')), rows[1]
assert all(r[3] & 16 == 0 for r in rows), rows
" "$DB" 2>"$T/py"; then ok "stored on channel kiosk, the device's date, no burst flag"; else not_ok "stored on channel kiosk" "$(cat "$T/py")"; fi

# The kiosk's own limit: ten times the form's. With --rate-limit 1 the
# form takes bursts of 2 from one address, the kiosk bursts of 20.
first=$pid
first_url=$url
start_server limited --db "$DB" --rate-limit 1
taken() { # path data content-type -> how many POSTs before the first 429 (of 30)
	i=0
	while [ "$i" -lt 30 ]; do
		c=$(curl -s -o "$T/body" -w '%{http_code}' -H "Content-Type: $3" --data-binary "$2" "$url${1#/}")
		[ "$c" = 429 ] && break
		i=$((i + 1))
	done
	echo "$i"
}
n=$(taken /u/dispenduk/akta/kiosk "$good" application/json)
# A token comes back every 6 s: one more may have come meanwhile.
if [ "$n" -ge 20 ] && [ "$n" -le 21 ]; then ok "kiosk: a burst of 20 at --rate-limit 1, then 429 ($n)"; else not_ok "kiosk burst" "$n taken"; fi
body=$(cat "$T/body")
expect_body_json "429: JSON rate_limited (the kiosk keeps it and retries)" "d['error'] == 'rate_limited'"
n=$(taken /u/dispenduk "u1=4" application/x-www-form-urlencoded)
if [ "$n" -ge 2 ] && [ "$n" -le 3 ]; then ok "the form's own limit: a burst of 2 ($n)"; else not_ok "the form's burst" "$n taken"; fi
kill -TERM "$pid"
wait "$pid"
pid=$first
url=$first_url

run compute --unit dispenduk --period kini --db "$DB" --json
expect_json "two responses stored (the invalid and refused ones not)" "d['respondents'] == 2"

"$IKM" period close kini --db "$DB" >/dev/null
get /u/dispenduk/kiosk
expect_code "closed period: a page, not the kiosk" 200
expect_body "closed period said" "sudah ditutup"
if printf '%s' "$body" | grep -q 'kiosk-data'; then not_ok "no kiosk data in a closed period"; else ok "no kiosk data in a closed period"; fi

kill -TERM "$pid"
wait "$pid"
rc=$?
if [ "$rc" = 0 ]; then ok "SIGTERM: clean exit"; else not_ok "SIGTERM: clean exit" "exit $rc $(cat "$T/serve.err")"; fi
done_testing
