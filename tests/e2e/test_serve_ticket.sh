#!/bin/sh
# End-to-end tests of the questionnaire's options: ticket codes (one
# response per ticket, stored as a keyed hash), face icons, and the
# configuration file of `ikm serve` (--config), over the real server.
. "$IKM_TOP/tests/e2e/lib.sh"
need_curl "ticket codes over HTTP"
DB="$T/ikm.db"
"$IKM" init --db "$DB" --name "Pemerintah Kota Mojokerto" >/dev/null
"$IKM" unit add dispenduk --db "$DB" --name "Dinas Kependudukan" >/dev/null
"$IKM" unit add kecamatan --db "$DB" --name "Kecamatan Prajurit Kulon" >/dev/null
"$IKM" period add kini --db "$DB" --from 2020-01-01 --to 2099-12-31 --name "Periode uji" >/dev/null

get() { code=$(curl -s -o "$T/body" -w '%{http_code}' "$url${1#/}"); body=$(cat "$T/body"); }
post() { code=$(curl -s -o "$T/body" -w '%{http_code}' --data "$2" "$url${1#/}"); body=$(cat "$T/body"); }
api() { # data -> $code, $body
	code=$(curl -s -o "$T/body" -w '%{http_code}' -H "Authorization: Bearer $key" \
		-H 'Content-Type: application/json' --data "$1" "${url}api/v1/responses")
	body=$(cat "$T/body")
}
expect_code() { if [ "$code" = "$2" ]; then ok "$1"; else not_ok "$1" "HTTP $code, expected $2: $(head -c 300 "$T/body")"; fi; }
expect_body() { if printf '%s' "$body" | grep -qF -- "$2"; then ok "$1"; else not_ok "$1" "body lacks: $2"; fi; }
lacks_body() { if printf '%s' "$body" | grep -qF -- "$2"; then not_ok "$1" "body has: $2"; else ok "$1"; fi; }
stored() { # unit -> $n (responses stored)
	n=$("$IKM" compute --db "$DB" --unit "$1" --period kini --json 2>/dev/null |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["respondents"])' 2>/dev/null || echo 0)
}
all="u1=4&u2=4&u3=3&u4=4&u5=4&u6=4&u7=3&u8=4&u9=4"

# ---- required tickets -----------------------------------------------------
start_server req --db "$DB" --tickets required
get /u/dispenduk
expect_code "form with tickets" 200
expect_body "a ticket field" 'name="ticket"'
expect_body "its label" "Nomor tiket antrean"
lacks_body "no face icons unless asked" 'class="face"'
if [ -f "$DB.ticket-key" ] && [ "$(stat -c %a "$DB.ticket-key")" = 600 ]; then
	ok "the key made beside the database, mode 600"
else
	not_ok "the key made beside the database, mode 600" "$(ls -l "$DB"* 2>&1)"
fi
post /u/dispenduk "client_id=00000000000000000000000000000001&$all&suggestion=antre+lama"
expect_code "no ticket: refused" 422
expect_body "no ticket: the message by the field" 'id="ticket-error">Tulis nomor tiket antrean Anda.'
expect_body "no ticket: the answers kept" 'value="3" checked'
expect_body "no ticket: the suggestion kept" "antre lama"
post /u/dispenduk "client_id=00000000000000000000000000000002&$all&ticket=%3Cb%3E"
expect_code "a ticket with other characters: refused" 422
expect_body "a ticket with other characters: the message" "hanya berisi huruf dan angka"
expect_body "what was typed is kept, escaped" 'value="&lt;b&gt;"'
post /u/dispenduk "client_id=00000000000000000000000000000003&$all&ticket=A-001"
expect_code "with a ticket: stored" 200
expect_body "with a ticket: thanks" "Terima kasih"
post /u/dispenduk "client_id=00000000000000000000000000000003&$all&ticket=A-001"
expect_code "the same form resent: thanks again" 200
post /u/dispenduk "client_id=00000000000000000000000000000004&$all&ticket=a+001"
expect_code "the same ticket written otherwise: refused" 422
expect_body "the same ticket: used" "Tiket ini sudah dipakai"
post /u/kecamatan "client_id=00000000000000000000000000000005&$all&ticket=A001"
expect_code "the same ticket at another unit: stored" 200
stored dispenduk
if [ "$n" = 1 ]; then ok "one response per ticket stored"; else not_ok "one response per ticket stored" "n=$n"; fi
if grep -qa "A001\|A-001" "$DB" "$DB-wal" 2>/dev/null; then
	not_ok "the ticket itself is not in the database"
else
	ok "the ticket itself is not in the database"
fi

# The API follows the same rule.
key=$("$IKM" apikey add antrian --db "$DB" 2>/dev/null | grep -o '[0-9a-f]\{64\}' | head -n 1)
ans='"answers":{"U1":4,"U2":4,"U3":4,"U4":4,"U5":4,"U6":4,"U7":4,"U8":4,"U9":4}'
api "{\"unit\":\"dispenduk\",$ans}"
expect_code "API without a ticket: 422" 422
expect_body "API: the field named" '"ticket"'
api "{\"unit\":\"dispenduk\",\"ticket\":\"B-7\",$ans}"
expect_code "API with a ticket: 201" 201
api "{\"unit\":\"dispenduk\",\"ticket\":\"b7\",$ans}"
expect_code "API with a used ticket: 409" 409
expect_body "API: ticket_used" '"ticket_used"'
api "{\"unit\":\"dispenduk\",\"ticket\":\"B 7!\",$ans}"
expect_code "API with a bad ticket: 422" 422

# The kiosk follows it too: the page asks, the POST needs an unused one.
get /u/dispenduk/kiosk
expect_body "kiosk data: tickets required" '"tickets":"required"'
kiosk() { # json -> $code, $body
	code=$(curl -s -o "$T/body" -w '%{http_code}' -H 'Content-Type: application/json' \
		--data-binary "$1" "${url}u/dispenduk/kiosk")
	body=$(cat "$T/body")
}
kiosk "{\"unit\":\"dispenduk\",\"client_id\":\"00000000000000000000000000000a01\",$ans}"
expect_code "kiosk without a ticket: 422" 422
expect_body "kiosk: the field named" '"ticket"'
kiosk "{\"unit\":\"dispenduk\",\"client_id\":\"00000000000000000000000000000a02\",\"ticket\":\"K-1\",$ans}"
expect_code "kiosk with a ticket: 201" 201
kiosk "{\"unit\":\"dispenduk\",\"client_id\":\"00000000000000000000000000000a02\",\"ticket\":\"K-1\",$ans}"
expect_code "the kiosk resending it: 200 duplicate" 200
kiosk "{\"unit\":\"dispenduk\",\"client_id\":\"00000000000000000000000000000a03\",\"ticket\":\"k1\",$ans}"
expect_code "kiosk with a used ticket: 409" 409
expect_body "kiosk: ticket_used" '"ticket_used"'
kill "$pid"
wait "$pid" 2>/dev/null

# A restart keeps the key: the old tickets stay used.
start_server again --db "$DB" --tickets optional --faces
post /u/dispenduk "client_id=00000000000000000000000000000006&$all&ticket=A001"
expect_code "after a restart the ticket is still used" 422
post /u/dispenduk "client_id=00000000000000000000000000000007&$all"
expect_code "optional tickets: none is fine" 200
get /u/dispenduk
expect_body "optional: said so" "Nomor tiket antrean (tidak wajib)"
expect_body "face icons" '<img class="face" src="/static/face-1.svg" alt=""'
code=$(curl -s -o "$T/face" -w '%{http_code} %{content_type}' "${url}static/face-4.svg")
if [ "$code" = "200 image/svg+xml" ]; then ok "a face icon is served as SVG"; else not_ok "a face icon is served as SVG" "$code"; fi
kill "$pid"
wait "$pid" 2>/dev/null

# ---- the configuration file -----------------------------------------------
mkdir -p "$T/conf"
cat >"$T/conf/ikm.ini" <<INI
; ikm serve settings
[server]
db = $DB
threads = 2
rate_limit = 0

[form]
faces = yes
tickets = required
ticket_key_file = kunci-tiket
INI
start_server conf --config "$T/conf/ikm.ini"
get /u/kecamatan
expect_body "config: faces" 'class="face"'
expect_body "config: tickets" 'name="ticket"'
if [ -f "$T/conf/kunci-tiket" ]; then ok "config: a relative key path is beside the file"; else not_ok "config: a relative key path is beside the file"; fi
post /u/kecamatan "client_id=00000000000000000000000000000008&$all&ticket=A001"
expect_code "config: another key, so the same ticket is new to it" 200
kill "$pid"
wait "$pid" 2>/dev/null
start_server confcli --config "$T/conf/ikm.ini" --tickets off
get /u/kecamatan
lacks_body "the command line wins over the file" 'name="ticket"'
kill "$pid"
wait "$pid" 2>/dev/null

# IKM_DB overrides the file's database.
"$IKM" init --db "$T/other.db" --name "Kantor Lain" >/dev/null
"$IKM" unit add lain --db "$T/other.db" --name "Unit Lain" >/dev/null
IKM_DB="$T/other.db" start_server envdb --config "$T/conf/ikm.ini"
get /
expect_body "IKM_DB wins over the file's db" "Unit Lain"
kill "$pid"
wait "$pid" 2>/dev/null

printf '[server]\nthreads = 2\nthreads = 3\n' >"$T/conf/twice.ini"
run serve --config "$T/conf/twice.ini"
expect_rc "a key given twice: usage error" 2
expect_err "a key given twice: file and line" "twice.ini:3:"
printf '[form]\ntickets = maybe\n' >"$T/conf/bad.ini"
run serve --config "$T/conf/bad.ini"
expect_err "a bad mode: what is expected" "off, optional atau required"
printf '[server]\ncolour = blue\n' >"$T/conf/unknown.ini"
run serve --config "$T/conf/unknown.ini"
expect_err "an unknown key: the known ones" "'colour'"
run serve --config "$T/conf/none.ini"
expect_err "a missing file" "tidak dapat dibuka"
run serve --db "postgresql://localhost/x" --tickets required
expect_err "PostgreSQL needs an explicit key file" "--ticket-key"
run serve --tickets sometimes
expect_rc "--tickets with a bad mode" 2

for p in $server_pids; do kill "$p" 2>/dev/null; done
done_testing
