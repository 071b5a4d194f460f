#!/bin/sh
# The console's role matrix over the real server: one user of each role
# (admin-kota; admin-unit, operator and pimpinan of unit A; admin-unit of
# unit B; pimpinan without a unit) tries every route of routes[] in
# src/web/console.c by GET and by POST with a valid CSRF token, against the
# table below; the user pages keep each admin-unit inside its subtree.
# Then: a POST without a CSRF token, with a wrong one and with another
# session's is refused on every POST route (urlencoded and multipart); a
# session fixation attempt; an expired (absolute) session; sign-in
# throttling per account and per address; and the audit entries of each.
. "$IKM_TOP/tests/e2e/lib.sh"
need_curl "console role matrix over HTTP"
export IKM_PASSWORD_COST=min
DB="$T/ikm.db"

# The expected answers, one row per route of routes[] (a route missing here
# fails the test). ROLES: who may (K admin-kota, U admin-unit, O operator,
# P pimpinan); everyone else gets 403, by GET and by POST. GET, POST: the
# status the roles that may get, the POST carrying only a valid CSRF token;
# "*" is any status below 500 but 403. STATE "pending": the page is still a
# placeholder answering 501, accepted until the page
# lands; from then on the row's codes apply (write them in, and drop
# "pending", when it lands).
cat >"$T/matrix" <<'EOF'
# path               ROLES GET  POST  STATE
/admin               KUOP  200  200   ready
/admin/atur          KU    200  405   ready
/admin/atur/profil   K     200  303   ready
/admin/pantau        KUO   200  405   ready
/admin/entri         KUO   200  200   ready
/admin/impor         KUO   200  422   ready
/admin/hasil         KUOP  200  405   ready
/admin/unduh         KUOP  200  405   ready
/admin/pengguna      KU    200  422   ready
/admin/audit         K     200  405   ready
/admin/sandi         KUOP  200  422   ready
/admin/keluar-semua  KUOP  405  303   ready
EOF
# The users: jar name, role letter, address.
USERS="kota:K:10.2.0.1 ua:U:10.2.0.2 opa:O:10.2.0.3 pima:P:10.2.0.4 ub:U:10.2.0.5 pim:P:10.2.0.6"

routes=$(sed -n '/^static const struct route routes\[\] = {/,/^};/p' "$IKM_TOP/src/web/console.c" |
	grep -o '{"/admin[^"]*"' | tr -d '{"' | sort)
rows=$(awk '!/^#/ && NF { print $1 }' "$T/matrix" | sort)
if [ -n "$routes" ] && [ "$routes" = "$rows" ]; then
	ok "the table has one row for every route of routes[]"
else
	not_ok "the table has one row for every route of routes[]" "routes[]: $(echo $routes)
table: $(echo $rows)"
fi

"$IKM" init --db "$DB" --name "Pemerintah Kota Matriks" >/dev/null
"$IKM" unit add a --db "$DB" --name "Dinas A" >/dev/null
"$IKM" unit add a1 --parent a --db "$DB" --name "Bidang A1" >/dev/null
"$IKM" unit add b --db "$DB" --name "Dinas B" >/dev/null
add_user() { # NAME ROLE [UNIT]
	echo "sandi-$1-12345" | "$IKM" user add "$1" --role "$2" ${3:+--unit "$3"} --db "$DB" >/dev/null
}
add_user kota admin-kota
add_user ua admin-unit a
add_user opa operator a
add_user pima pimpinan a
add_user ub admin-unit b
add_user pim pimpinan
add_user opa1 operator a1
add_user opb operator b

start_server matrix --db "$DB" --trusted-proxy 127.0.0.1
base=${url%/}
expect_code() { if [ "$code" = "$2" ]; then ok "$1"; else not_ok "$1" "HTTP $code, expected $2: $(head -c 300 "$T/body")"; fi; }
expect_head() { if tr -d '\r' <"$T/head" | grep -qiE -- "$2"; then ok "$1"; else not_ok "$1" "headers lack: $2
$(cat "$T/head")"; fi; }
# req JAR IP METHOD PATH [DATA [CONTENT-TYPE]]
req() {
	_jar=$1 _ip=$2 _method=$3 _path=$4 _data=${5:-} _ctype=${6:-application/x-www-form-urlencoded}
	if [ "$_method" = POST ]; then
		code=$(printf '%s' "$_data" | curl -s -D "$T/head" -o "$T/body" -w '%{http_code}' \
			-b "$T/$_jar" -c "$T/$_jar" -H "X-Forwarded-For: $_ip" -H "Content-Type: $_ctype" \
			--data-binary @- "$base$_path")
	else
		code=$(curl -s -D "$T/head" -o "$T/body" -w '%{http_code}' -b "$T/$_jar" -c "$T/$_jar" \
			-H "X-Forwarded-For: $_ip" "$base$_path")
	fi
}
csrf() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$T/body" | head -n 1; }
cookie() { awk -v n="$2" '$6 == n { print $7 }' "$T/$1" | tail -n 1; }
login() { # JAR IP USER [PASSWORD]: sets $code of the sign-in; the token in $T/JAR.csrf
	: >"$T/$1"
	req "$1" "$2" GET /login
	req "$1" "$2" POST /login "csrf=$(csrf)&username=$3&password=${4:-sandi-$3-12345}"
	lcode=$code
	if [ "$code" = 303 ]; then
		req "$1" "$2" GET /admin
		csrf >"$T/$1.csrf"
	fi
	code=$lcode
}
user_of() { for u in $USERS; do [ "${u%%:*}" = "$1" ] && echo "$u"; done; }
login_user() { # JAR = USERNAME
	_u=$(user_of "$1")
	login "$1" "${_u##*:}" "$1"
}
sql() { python3 -c 'import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); r=db.execute(sys.argv[2], sys.argv[3:]).fetchall(); db.commit(); print("\n".join("|".join(str(x) for x in row) for row in r))' "$DB" "$@"; }
uid() { sql "SELECT id FROM app_user WHERE username = ?" "$1"; }
audit_count() { sql "SELECT COUNT(*) FROM audit WHERE action = ? AND username = ? AND instr(detail, ?) > 0" "$1" "$2" "${3:-}"; }
audit_has() { # DESC ACTION USER [DETAIL-SUBSTRING]
	if [ "$(audit_count "$2" "$3" "${4:-}")" -gt 0 ]; then ok "$1"; else not_ok "$1" "no audit entry $2 by $3 with ${4:-}"; fi
}
# matches CODE WANT STATE: 0 when CODE is what a role that may gets.
matches() {
	[ "$3" = pending ] && [ "$1" = 501 ] && return 0
	if [ "$2" = "*" ]; then [ "$1" != 403 ] && [ "$1" -lt 500 ]; else [ "$1" = "$2" ]; fi
}

for u in $USERS; do
	login_user "${u%%:*}"
	expect_code "${u%%:*} signs in" 303
done

# ---- the matrix -------------------------------------------------------------------
grep -v '^#' "$T/matrix" >"$T/rows"
while read -r path roles get post state <&3; do
	[ -n "$path" ] || continue
	for u in $USERS; do
		name=${u%%:*} letter=$(echo "$u" | cut -d: -f2) ip=${u##*:}
		case "$roles" in *"$letter"*) may=1 ;; *) may=0 ;; esac
		req "$name" "$ip" GET "$path"
		if [ "$may" = 1 ]; then
			if matches "$code" "$get" "$state"; then ok "GET $path as $name: $code"; else not_ok "GET $path as $name: $code, expected $get" "$(head -c 300 "$T/body")"; fi
		else
			expect_code "GET $path as $name: 403" 403
		fi
		req "$name" "$ip" POST "$path" "csrf=$(cat "$T/$name.csrf")"
		if [ "$may" = 1 ]; then
			if matches "$code" "$post" "$state"; then ok "POST $path as $name: $code"; else not_ok "POST $path as $name: $code, expected $post" "$(head -c 300 "$T/body")"; fi
		else
			expect_code "POST $path as $name: 403" 403
		fi
		# Signed out everywhere: sign in again for the next rows.
		if [ "$path" = /admin/keluar-semua ] && [ "$may" = 1 ]; then login_user "$name"; fi
	done
done 3<"$T/rows"
n=$(audit_count access.refused opa)
if [ "$n" -ge 8 ]; then ok "every refusal of the operator is audited ($n)"; else not_ok "every refusal of the operator is audited" "$n"; fi
n=$(audit_count access.refused pim "role pimpinan")
if [ "$n" -ge 10 ]; then ok "every refusal of the pimpinan is audited ($n)"; else not_ok "every refusal of the pimpinan is audited" "$n"; fi

# ---- the user pages: each admin-unit inside its subtree ----------------------------------
for u in $USERS; do login_user "${u%%:*}"; done
# sees ADMIN USER: the status ADMIN gets on USER's page (200 within reach).
for pair in ua:opa:200 ua:pima:200 ua:opa1:200 ua:opb:403 ua:ub:403 ua:kota:403 ua:pim:403 ua:ua:403 \
	ub:opb:200 ub:opa:403 ub:pima:403 ub:opa1:403 ub:ua:403 ub:kota:403 ub:pim:403 \
	kota:opa:200 kota:ub:200 kota:pim:200 kota:kota:200; do
	admin=${pair%%:*} rest=${pair#*:}
	who=${rest%%:*} want=${rest#*:}
	ip=$(user_of "$admin" | cut -d: -f3)
	req "$admin" "$ip" GET "/admin/pengguna/$(uid "$who")"
	expect_code "$admin opens the page of $who: $want" "$want"
	req "$admin" "$ip" POST "/admin/pengguna/$(uid "$who")/buka-kunci" "csrf=$(cat "$T/$admin.csrf")"
	[ "$want" = 200 ] && want=303
	expect_code "$admin unlocks $who: $want" "$want"
done
ip=10.2.0.2
req ua $ip GET /admin/pengguna
for who in opa pima opa1; do
	if grep -qF "<td>$who</td>" "$T/body"; then ok "ua lists $who"; else not_ok "ua lists $who"; fi
done
for who in opb ub kota pim; do
	if grep -qF "<td>$who</td>" "$T/body"; then not_ok "ua does not list $who"; else ok "ua does not list $who"; fi
done
t=$(cat "$T/ua.csrf")
req ua $ip POST /admin/pengguna "csrf=$t&nama_pengguna=luar&nama=Luar&peran=operator&unit=b&sandi=kata-sandi-luar&ulang=kata-sandi-luar"
expect_code "ua cannot add a user to unit B" 403
req ua $ip POST /admin/pengguna "csrf=$t&nama_pengguna=luar&nama=Luar&peran=admin-kota&unit=&sandi=kata-sandi-luar&ulang=kata-sandi-luar"
expect_code "ua cannot add an admin-kota" 403
req ua $ip POST "/admin/pengguna/$(uid opa)/peran" "csrf=$t&peran=operator&unit=b"
expect_code "ua cannot move its operator to unit B" 403
req ua $ip POST "/admin/pengguna/$(uid opb)/nonaktif" "csrf=$t"
expect_code "ua cannot disable unit B's operator" 403
req ua $ip POST "/admin/pengguna/$(uid opb)/peran" "csrf=$t&peran=operator&unit=a"
expect_code "ua cannot pull unit B's operator into unit A" 403
n=$(sql "SELECT COUNT(*) FROM app_user WHERE username = 'luar' OR (username = 'opb' AND (disabled <> 0 OR unit_id <> (SELECT id FROM unit WHERE slug = 'b')))")
if [ "$n" = 0 ]; then ok "nothing changed outside ua's subtree"; else not_ok "nothing changed outside ua's subtree" "$n"; fi
audit_has "the refusals are audited" access.refused ua "outside"

# ---- CSRF on every POST route ---------------------------------------------------------
ip=10.2.0.1
login kota $ip kota
other=$(cat "$T/ua.csrf")
wrong=$(printf '%064d' 0 | tr 0 a)
before=$(audit_count csrf.refused kota)
posts=$(awk '!/^#/ && NF { print $1 }' "$T/matrix")
for path in $posts "/admin/pengguna/$(uid opa)/nonaktif" /logout; do
	req kota $ip POST "$path" "nama=x"
	expect_code "POST $path without a CSRF token: 403" 403
	req kota $ip POST "$path" "csrf=$wrong"
	expect_code "POST $path with a wrong token: 403" 403
	req kota $ip POST "$path" "csrf=$other"
	expect_code "POST $path with another session's token: 403" 403
	req kota $ip POST "$path" "csrf=$(cat "$T/kota.csrf" | cut -c1-63)"
	expect_code "POST $path with a cut token: 403" 403
done
# Multipart bodies (the upload pages) carry the token as a part.
mp() { printf -- '--XyZ\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n--XyZ--\r\n' "$1" "$2"; }
for path in /admin/impor /admin/atur/profil /admin/pengguna; do
	req kota $ip POST "$path" "$(mp nama x)" "multipart/form-data; boundary=XyZ"
	expect_code "multipart POST $path without a token: 403" 403
	req kota $ip POST "$path" "$(mp csrf "$other")" "multipart/form-data; boundary=XyZ"
	expect_code "multipart POST $path with another session's token: 403" 403
	req kota $ip POST "$path" "$(mp csrf "$(cat "$T/kota.csrf")")" "multipart/form-data; boundary=XyZ"
	if [ "$code" != 403 ]; then ok "multipart POST $path with its token passes the check ($code)"; else not_ok "multipart POST $path with its token passes the check"; fi
done
n=$(sql "SELECT disabled FROM app_user WHERE username = 'opa'")
if [ "$n" = 0 ]; then ok "no refused POST changed anything"; else not_ok "no refused POST changed anything"; fi
req kota $ip GET /admin
expect_code "the session survived the refused sign-out" 200
after=$(audit_count csrf.refused kota)
want=$(( $(echo "$posts" | wc -l) * 4 + 8 + 6 ))
if [ $((after - before)) -ge "$want" ]; then ok "every refused POST is audited ($((after - before)))"; else not_ok "every refused POST is audited" "$((after - before)) < $want"; fi

# ---- session fixation -----------------------------------------------------------------------
# An attacker signs in, plants their own session token in the victim's
# browser, and waits for the victim to sign in on it.
login atk 10.2.1.1 opa
planted=$(cookie atk ikm_sesi)
: >"$T/vic"
req vic 10.2.1.2 GET /login
t=$(csrf)
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tikm_sesi\t%s\n' "$planted" >>"$T/vic"
req vic 10.2.1.2 POST /login "csrf=$t&username=kota&password=sandi-kota-12345"
expect_code "the victim signs in" 303
got=$(cookie vic ikm_sesi)
if [ ${#got} = 64 ] && [ "$got" != "$planted" ]; then ok "the victim gets a new token"; else not_ok "the victim gets a new token" "$got"; fi
code=$(curl -s -o "$T/body" -w '%{http_code}' -H "Cookie: ikm_sesi=$planted" "$base/admin/audit")
if [ "$code" = 303 ]; then ok "the planted token gives the attacker nothing"; else not_ok "the planted token gives the attacker nothing" "HTTP $code"; fi
audit_has "the replaced cookie is in the audit log" login kota "cookie the browser brought was replaced"

# ---- an expired (absolute) session ------------------------------------------------------------
login ex 10.2.2.1 ua
tok=$(cookie ex ikm_sesi)
python3 - "$DB" "$tok" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
h = hashlib.blake2b(sys.argv[2].encode(), digest_size=32).hexdigest()
# Created 12 h and a minute ago, active a moment ago: only the absolute limit is past.
n = db.execute("UPDATE user_session SET created_at = created_at - 43260 WHERE token_hash = ?", (h,)).rowcount
db.commit()
sys.exit(0 if n == 1 else 1)
PY
req ex 10.2.2.1 GET /admin
expect_code "a session past its absolute lifetime: redirect" 303
expect_head "to the sign-in with the reason" '^Location: /login\?sebab=kedaluwarsa$'
expect_head "its cookie is cleared" '^Set-Cookie: ikm_sesi=; '
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ikm_sesi=$tok" "$base/admin")
if [ "$code" = 303 ]; then ok "the expired token stays dead"; else not_ok "the expired token stays dead" "HTTP $code"; fi
audit_has "the expiry is in the audit log" session.expired ua "absolute expiry"

# ---- sign-in throttling -----------------------------------------------------------------------
for i in 1 2 3 4 5; do login th 10.2.3.$i pim "salah-salah-$i"; done
expect_code "the fifth wrong password: 401" 401
login th 10.2.3.9 pim
expect_code "a locked account refuses the right password" 401
audit_has "the lock is in the audit log" login.fail pim "wrong password; locked"
n=$(sql "SELECT COUNT(*) FROM audit WHERE action = 'login.fail' AND username = 'pim' AND detail = 'locked'")
if [ "$n" -gt 0 ]; then ok "so is the refused right password"; else not_ok "so is the refused right password"; fi
for i in $(seq 1 20); do login th 192.0.2.60 "tak-ada-$i" salah-salah; done
login th 192.0.2.60 kota
expect_code "the 21st try from one address: 429" 429
expect_head "with Retry-After" '^Retry-After: 900$'
audit_has "the throttle is in the audit log" login.throttled kota "from this address"
login th 192.0.2.61 kota
expect_code "another address still signs in" 303

for p in $server_pids; do kill "$p" 2>/dev/null; done
done_testing
