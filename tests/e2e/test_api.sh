#!/bin/sh
# End-to-end tests of POST /api/v1/responses on the real `ikm serve` over a
# temporary database: keys made with `ikm apikey`, 401 without or with a
# wrong or revoked key, 201 stored (and counted by ikm compute), a repeated
# client id 200 duplicate, 422 naming the field, 400 malformed JSON, 409
# outside an open period, 404/405 JSON for other paths and methods.
. "$IKM_TOP/tests/e2e/lib.sh"
need_curl "API over HTTP"
DB="$T/ikm.db"
"$IKM" init --db "$DB" --name "Pemerintah Kota Mojokerto" >/dev/null
"$IKM" unit add dispenduk --db "$DB" --name "Dinas Dukcapil" >/dev/null
"$IKM" service add akta --unit dispenduk --db "$DB" --name "Akta Kelahiran" >/dev/null
"$IKM" period add kini --db "$DB" --from 2020-01-01 --to 2099-12-31 >/dev/null
"$IKM" period add lama --db "$DB" --from 2019-01-01 --to 2019-12-31 >/dev/null
"$IKM" period close lama --db "$DB" >/dev/null

run apikey add antrean --db "$DB"
expect_rc "apikey add" 0
expect_err "the key is shown once: keep it" "tidak dapat ditampilkan lagi"
KEY=$(printf '%s\n' "$out" | grep -E '^[0-9a-f]{64}$')
if [ ${#KEY} = 64 ]; then ok "a 64-hex key printed"; else not_ok "a 64-hex key printed" "$out"; fi
run apikey list --db "$DB"
expect_out "apikey list names the key" "antrean"
if printf '%s' "$out" | grep -q "$KEY"; then not_ok "list does not show the key"; else ok "list does not show the key"; fi

start_server serve --db "$DB"
ok "server started at $url"

api() { # key json [method] -> $code, $body
	if [ -n "$1" ]; then
		code=$(curl -s -o "$T/body" -w '%{http_code}' -X "${3:-POST}" -H "Authorization: Bearer $1" \
			-H 'Content-Type: application/json' --data-binary "$2" "${url}api/v1/responses")
	else
		code=$(curl -s -o "$T/body" -w '%{http_code}' -X "${3:-POST}" \
			-H 'Content-Type: application/json' --data-binary "$2" "${url}api/v1/responses")
	fi
	body=$(cat "$T/body")
}
expect_code() { if [ "$code" = "$2" ]; then ok "$1"; else not_ok "$1" "HTTP $code, expected $2: $(head -c 400 "$T/body")"; fi; }
expect_body_json() { # desc python-expr on d
	if printf '%s' "$body" | python3 -c "import json,sys; d=json.load(sys.stdin); sys.exit(0 if ($2) else 1)" 2>/dev/null; then
		ok "$1"
	else
		not_ok "$1" "$body"
	fi
}

ans='"answers": {"U1": 4, "U2": 4, "U3": 3, "U4": 4, "U5": 4, "U6": 4, "U7": 3, "U8": 4, "U9": 4}'
good="{\"unit\": \"dispenduk\", \"service\": \"akta\", \"client_id\": \"00112233445566778899aabbccddeeff\", $ans, \"profile\": {\"gender\": \"P\", \"age\": 34, \"education\": \"SMA\", \"job\": \"Swasta\"}, \"suggestion\": \"Ruang tunggu panas\"}"

api "" "$good"
expect_code "no key: 401" 401
expect_body_json "401: a JSON error" "d['error'] == 'unauthorized' and ' / ' in d['message']"
ct=$(curl -s -o /dev/null -w '%{content_type}' -X POST --data '{}' "${url}api/v1/responses")
case "$ct" in application/json*) ok "errors are application/json" ;; *) not_ok "errors are application/json" "$ct" ;; esac
if curl -s -D - -o /dev/null -X POST --data '{}' "${url}api/v1/responses" | tr -d '\r' | grep -qi '^WWW-Authenticate: Bearer realm="ikm"$'; then
	ok "401: WWW-Authenticate: Bearer"
else
	not_ok "401: WWW-Authenticate: Bearer"
fi
api "0000000000000000000000000000000000000000000000000000000000000000" "$good"
expect_code "wrong key: 401" 401
api "$KEY" "$good"
expect_code "valid: 201" 201
expect_body_json "201: stored, not a duplicate" "d['id'] == 'stored' and d['duplicate'] is False"
api "$KEY" "$good"
expect_code "the same client id again: 200" 200
expect_body_json "200: duplicate true" "d['duplicate'] is True"
ids="{\"unit\": \"dispenduk\", \"answers\": {\"persyaratan\": 3, \"prosedur\": 3, \"waktu\": 3, \"biaya\": 3, \"produk\": 3, \"kompetensi\": 3, \"perilaku\": 3, \"pengaduan\": 3, \"sarana\": 3}}"
api "$KEY" "$ids"
expect_code "answers by element id, no service, no client id: 201" 201

run compute --unit dispenduk --period kini --db "$DB" --json
expect_json "stored twice, the duplicate once: 2 respondents" "d['respondents'] == 2"
run export --unit dispenduk --period kini -o "$T/x.csv" --db "$DB"
if grep -q "P,34,SMA,Swasta" "$T/x.csv" && grep -q "Ruang tunggu panas" "$T/x.csv"; then
	ok "the profile and suggestion stored"
else
	not_ok "the profile and suggestion stored" "$(cat "$T/x.csv")"
fi

api "$KEY" '{"unit": "dispenduk", "answers": {"U1": 4, "U2": 4, "U4": 4, "U5": 4, "U6": 4, "U7": 3, "U8": 4, "U9": 4}}'
expect_code "missing answer: 422" 422
expect_body_json "the missing answer named" "d['error'] == 'invalid' and 'answers.U3' in d['fields']"
api "$KEY" '{"unit": "dispenduk", "answers": {"U1": 5, "U2": 4, "U3": 4, "U4": 4, "U5": 4, "U6": 4, "U7": 3, "U8": 4, "U9": 4}}'
expect_code "value 5: 422" 422
expect_body_json "value 5 named" "'answers.U1' in d['fields']"
api "$KEY" "{\"unit\": \"dispenduk\", $ans, \"extra\": 1}"
expect_code "unknown key: 422" 422
expect_body_json "unknown key named" "'extra' in d['fields']"
api "$KEY" "{\"unit\": \"nope\", $ans}"
expect_code "unknown unit: 422" 422
expect_body_json "unknown unit named" "'unit' in d['fields']"
api "$KEY" "{\"unit\": \"dispenduk\", \"service\": \"nope\", $ans}"
expect_code "unknown service: 422" 422
api "$KEY" "{\"unit\": \"dispenduk\", $ans, \"profile\": {\"age\": 200, \"gender\": \"X\"}, \"date\": \"2024-02-30\"}"
expect_code "bad profile and date: 422" 422
expect_body_json "each named" "all(k in d['fields'] for k in ('profile.age', 'profile.gender', 'date'))"
api "$KEY" '{"unit": "dispenduk", "answers": {'
expect_code "malformed JSON: 400" 400
expect_body_json "400: a JSON error" "d['error'] == 'malformed'"
api "$KEY" '{"unit": "dispenduk", "unit": "dispenduk"}'
expect_code "duplicate JSON key: 400" 400
api "$KEY" "{\"unit\": \"dispenduk\", $ans, \"date\": \"2019-06-01\"}"
expect_code "closed period: 409" 409
expect_body_json "409: no open period" "d['error'] == 'no_open_period'"
api "$KEY" "{\"unit\": \"dispenduk\", $ans, \"date\": \"2010-06-01\"}"
expect_code "no period on the date: 409" 409
api "$KEY" "$good" GET
expect_code "GET: 405" 405
code=$(curl -s -o "$T/body" -w '%{http_code}' "${url}api/v1/nope")
expect_code "other API path: 404" 404

run apikey revoke antrean --db "$DB"
expect_rc "apikey revoke" 0
api "$KEY" "$ids"
expect_code "revoked key: 401" 401

run compute --unit dispenduk --period kini --db "$DB" --json
expect_json "nothing else stored: 2 respondents" "d['respondents'] == 2"

kill -TERM "$pid"
wait "$pid"
rc=$?
if [ "$rc" = 0 ]; then ok "SIGTERM: clean exit"; else not_ok "SIGTERM: clean exit" "exit $rc $(cat "$T/serve.err")"; fi
done_testing
