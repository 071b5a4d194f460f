#!/bin/sh
# End-to-end tests of the rate limit of the public questionnaire: the real
# `ikm serve --rate-limit N` on a random loopback port. Past the burst (2N)
# a POST gets 429 with a message in the respondent's language; five or more
# stored submissions from one address within 60 s carry the "burst" quality
# flag, counted by `ikm compute --json`, and are never dropped.
. "$IKM_TOP/tests/e2e/lib.sh"
need_curl "rate limit over HTTP"
DB="$T/ikm.db"
"$IKM" init --db "$DB" --name "Pemerintah Kota Mojokerto" >/dev/null
"$IKM" unit add dispenduk --db "$DB" --name "Dinas Kependudukan" >/dev/null
"$IKM" unit add dinkes --db "$DB" --name "Dinas Kesehatan" >/dev/null
"$IKM" period add kini --db "$DB" --from 2020-01-01 --to 2099-12-31 --name "Periode uji" >/dev/null

start() { # name args... -> $url, the server's pid in $pid
	sname=$1
	shift
	start_server "$sname" --db "$DB" "$@"
	ok "server $sname started ($*)"
}
stop() { # pid name
	kill -TERM "$1"
	wait "$1"
	src=$?
	if [ "$src" = 0 ]; then ok "$2: SIGTERM, clean exit"; else not_ok "$2: clean exit" "exit $src $(cat "$T/$2.err")"; fi
}
post() { # base path data -> $code, $body
	code=$(curl -s -o "$T/body" -w '%{http_code}' --data "$3" "$1${2#/}")
	body=$(cat "$T/body")
}
expect_code() { if [ "$code" = "$2" ]; then ok "$1"; else not_ok "$1" "HTTP $code, expected $2: $(head -c 300 "$T/body")"; fi; }
expect_body() { if printf '%s' "$body" | grep -qF -- "$2"; then ok "$1"; else not_ok "$1" "body lacks: $2"; fi; }
all="u1=4&u2=4&u3=3&u4=4&u5=4&u6=4&u7=3&u8=4&u9=4"
form() { printf 'client_id=%016d&%s' "$1" "$all"; }

# --rate-limit 3: bursts of 6, then one more every 20 s.
start limited --rate-limit 3
limited=$url
limited_pid=$pid
allowed=0
for i in 1 2 3 4 5 6; do
	post "$limited" /u/dispenduk "$(form "$i")"
	[ "$code" = 200 ] && allowed=$((allowed + 1))
done
if [ "$allowed" = 6 ]; then ok "the burst of 6 answered 200"; else not_ok "the burst of 6 answered 200" "$allowed of 6"; fi
post "$limited" /u/dispenduk "$(form 7)"
expect_code "past the burst: 429" 429
if curl -s -D - -o /dev/null --data "$(form 9)" "${limited}u/dispenduk" | tr -d '\r' | grep -qi '^Retry-After: 60$'; then
	ok "429: Retry-After: 60"
else
	not_ok "429: Retry-After: 60"
fi
expect_body "429: the message in Indonesian" "Terlalu banyak kiriman dari alamat ini; silakan coba lagi beberapa menit lagi."
if printf '%s' "$body" | grep -q "<form"; then not_ok "429: no form"; else ok "429: no form"; fi
post "$limited" "/u/dispenduk?lang=en" "$(form 8)&lang=en"
expect_code "still limited: 429" 429
expect_body "429: the message in English" "Too many submissions from this address; please try again in a few minutes."
code=$(curl -s -o "$T/body" -w '%{http_code}' "${limited}u/dispenduk")
if [ "$code" = 200 ]; then ok "GET is not limited"; else not_ok "GET is not limited" "HTTP $code"; fi
stop "$limited_pid" limited

run compute --unit dispenduk --period kini --db "$DB" --json
expect_json "limited server: the 6 allowed stored" "d['respondents'] == 6"
expect_json "limited server: the 5th and 6th flagged burst" "d['quality']['burst']['count'] == 2"

# --rate-limit 100: nothing limited; 7 in a row, the 5th on flagged.
start generous --rate-limit 100
generous=$url
generous_pid=$pid
allowed=0
for i in 11 12 13 14 15 16 17; do
	post "$generous" /u/dinkes "$(form "$i")"
	[ "$code" = 200 ] && allowed=$((allowed + 1))
done
if [ "$allowed" = 7 ]; then ok "rate 100: 7 POSTs answered 200"; else not_ok "rate 100: 7 POSTs answered 200" "$allowed of 7"; fi
stop "$generous_pid" generous

run compute --unit dinkes --period kini --db "$DB" --json
expect_json "generous server: all 7 stored (flagged, never dropped)" "d['respondents'] == 7"
expect_json "generous server: 3 flagged burst" "d['quality']['burst']['count'] == 3"
expect_json "burst flag apart from the others" "d['quality']['straight_lining']['count'] == 0"
run compute --unit dinkes --period kini --db "$DB"
expect_out "the text report names the flag" "dikirim beruntun dari satu alamat"

# Behind a trusted reverse proxy each client has its own bucket.
start proxied --rate-limit 1 --trusted-proxy 127.0.0.1
proxied_pid=$pid
codes=""
for i in 21 22 23; do
	code=$(curl -s -o "$T/body" -w '%{http_code}' -H "X-Forwarded-For: 203.0.113.$i" \
		--data "$(form "$i")" "${url}u/dispenduk")
	codes="$codes$code "
done
if [ "$codes" = "200 200 200 " ]; then ok "behind a proxy: clients apart"; else not_ok "behind a proxy: clients apart" "$codes"; fi
for i in 24 25 26; do
	code=$(curl -s -o "$T/body" -w '%{http_code}' -H "X-Forwarded-For: 203.0.113.9" \
		--data "$(form "$i")" "${url}u/dispenduk")
done
expect_code "behind a proxy: one client past its burst gets 429" 429
stop "$proxied_pid" proxied
start untrusted --rate-limit 1
untrusted_pid=$pid
for i in 31 32 33; do
	code=$(curl -s -o "$T/body" -w '%{http_code}' -H "X-Forwarded-For: 203.0.113.$i" \
		--data "$(form "$i")" "${url}u/dispenduk")
done
expect_code "without --trusted-proxy the header changes nothing" 429
stop "$untrusted_pid" untrusted

run serve --rate-limit -1 --db "$DB"
expect_rc "--rate-limit -1: usage error" 2
expect_err "--rate-limit -1: message" "--rate-limit"
done_testing
