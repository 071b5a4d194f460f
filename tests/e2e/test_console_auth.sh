#!/bin/sh
# End-to-end tests of the console's sign-in over the real server: the
# login form and its CSRF token, wrong and right passwords, the session
# cookie's attributes, session fixation, sign-out (one and everywhere),
# expired sessions, the password change, account locking, per-address
# throttling, the role check, the ?next= target, and the audit entries.
. "$IKM_TOP/tests/e2e/lib.sh"
need_curl "console sign-in over HTTP"
export IKM_PASSWORD_COST=min
DB="$T/ikm.db"
"$IKM" init --db "$DB" --name "Pemerintah Kota Mojokerto" >/dev/null
"$IKM" unit add dispenduk --db "$DB" --name "Dinas Kependudukan" >/dev/null
echo "kata-sandi-admin-1" | "$IKM" user add admin --role admin-kota --name "Ani Admin" --db "$DB" >/dev/null
echo "kata-sandi-operator" | "$IKM" user add op --role operator --unit dispenduk --db "$DB" >/dev/null

start_server console --db "$DB" --trusted-proxy 127.0.0.1
base=${url%/}
expect_code() { if [ "$code" = "$2" ]; then ok "$1"; else not_ok "$1" "HTTP $code, expected $2: $(head -c 300 "$T/body")"; fi; }
expect_body() { if grep -qF -- "$2" "$T/body"; then ok "$1"; else not_ok "$1" "body lacks: $2"; fi; }
expect_head() { if tr -d '\r' <"$T/head" | grep -qiE -- "$2"; then ok "$1"; else not_ok "$1" "headers lack: $2
$(cat "$T/head")"; fi; }
# req JAR IP METHOD PATH [DATA]: a request with a cookie jar, from client IP.
req() {
	jar=$1 ip=$2 method=$3 path=$4
	shift 4
	if [ "$method" = POST ]; then
		code=$(curl -s -D "$T/head" -o "$T/body" -w '%{http_code}' -b "$T/$jar" -c "$T/$jar" \
			-H "X-Forwarded-For: $ip" --data "${1:-}" "$base$path")
	else
		code=$(curl -s -D "$T/head" -o "$T/body" -w '%{http_code}' -b "$T/$jar" -c "$T/$jar" \
			-H "X-Forwarded-For: $ip" "$base$path")
	fi
}
csrf() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$T/body" | head -n 1; }
cookie() { awk -v n="$2" '$6 == n { print $7 }' "$T/$1" | tail -n 1; }
login() { # JAR IP USER PASSWORD
	req "$1" "$2" GET /login
	t=$(csrf)
	req "$1" "$2" POST /login "csrf=$t&username=$3&password=$4"
}
audit_has() { # DESC ACTION USER
	if python3 - "$DB" "$2" "$3" <<'PY'; then ok "$1"; else not_ok "$1" "no audit entry $2 by $3"; fi
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n = db.execute("SELECT COUNT(*) FROM audit WHERE action = ? AND username = ?", (sys.argv[2], sys.argv[3])).fetchone()[0]
sys.exit(0 if n > 0 else 1)
PY
}
: >"$T/a"

req a 10.0.0.1 GET /admin
expect_code "the console needs a session: redirect" 303
expect_head "to /login with next" '^Location: /login\?next=/admin$'
req a 10.0.0.1 GET /login
expect_code "the login page" 200
expect_body "a username field" 'name="username"'
expect_head "a pre-sign-in cookie, HttpOnly and SameSite=Strict" '^Set-Cookie: ikm_pra=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict'
t=$(csrf)
if [ ${#t} = 64 ]; then ok "the form carries a CSRF token"; else not_ok "the form carries a CSRF token" "$t"; fi

req a 10.0.0.1 POST /login "username=admin&password=kata-sandi-admin-1"
expect_code "no CSRF token: refused" 403
req a 10.0.0.1 GET /login
t=$(csrf)
req a 10.0.0.1 POST /login "csrf=$t&username=admin&password=salah-sekali"
expect_code "a wrong password: 401" 401
expect_body "the same message for both" "Nama pengguna atau kata sandi salah"
audit_has "a failed sign-in is in the audit log" login.fail admin
req a 10.0.0.1 POST /login "csrf=$t&username=tidakada&password=salah-sekali"
expect_code "an unknown user: the same 401" 401
expect_body "an unknown user: the same message" "Nama pengguna atau kata sandi salah"

# A session the browser holds before signing in is not kept (fixation).
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tikm_sesi\t%s\n' "$(printf '%064d' 7)" >>"$T/a"
req a 10.0.0.1 POST /login "csrf=$t&username=admin&password=kata-sandi-admin-1&next=/admin/hasil"
expect_code "the right password: redirect" 303
expect_head "to the ?next= page" '^Location: /admin/hasil$'
expect_head "the session cookie: HttpOnly, SameSite=Strict, no Secure by default" '^Set-Cookie: ikm_sesi=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200$'
s1=$(cookie a ikm_sesi)
if [ "$s1" != "$(printf '%064d' 7)" ] && [ ${#s1} = 64 ]; then ok "a new token, not the one brought"; else not_ok "a new token, not the one brought" "$s1"; fi
audit_has "the sign-in is in the audit log" login admin
req a 10.0.0.1 GET /admin
expect_code "signed in: the console" 200
expect_body "the user's name" "Ani Admin"
expect_body "a sign-out button" 'action="/logout"'
expect_body "the navigation for admin-kota" 'href="/admin/audit"'
if python3 - "$DB" "$s1" <<'PY'; then ok "the store keeps only the hash of the token"; else not_ok "the store keeps only the hash of the token"; fi
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = [r[0] for r in db.execute("SELECT token_hash FROM user_session")]
sys.exit(0 if rows and sys.argv[2] not in rows else 1)
PY

# Open redirects: ?next= only to console paths.
: >"$T/b"
req b 10.0.0.2 GET /login
t=$(csrf)
req b 10.0.0.2 POST /login "csrf=$t&username=admin&password=kata-sandi-admin-1&next=//evil.example/admin"
expect_head "next to another site: ignored" '^Location: /admin$'

# Sign-out needs the CSRF token.
req a 10.0.0.1 POST /logout ""
expect_code "sign-out without CSRF: refused" 403
audit_has "the refused POST is in the audit log" csrf.refused admin
req a 10.0.0.1 GET /admin
t=$(csrf)
req a 10.0.0.1 POST /logout "csrf=$t"
expect_code "sign-out" 303
expect_head "sign-out clears the cookie" '^Set-Cookie: ikm_sesi=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0'
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ikm_sesi=$s1" "$base/admin")
if [ "$code" = 303 ]; then ok "the old token no longer works"; else not_ok "the old token no longer works" "HTTP $code"; fi
audit_has "the sign-out is in the audit log" logout admin

# An idle session expires.
login a 10.0.0.1 admin kata-sandi-admin-1
python3 - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE user_session SET seen_at = seen_at - 7200")
db.commit()
PY
req a 10.0.0.1 GET /admin
expect_code "an idle session: redirect" 303
expect_head "an idle session: to the sign-in with a reason" '^Location: /login\?sebab=kedaluwarsa$'
req a 10.0.0.1 GET /login?sebab=kedaluwarsa
expect_body "the reason is said" "Sesi Anda berakhir"

# The role check.
: >"$T/o"
login o 10.0.0.3 op kata-sandi-operator
req o 10.0.0.3 GET /admin
expect_body "the operator's navigation has no audit log" 'href="/admin/entri"'
if grep -qF 'href="/admin/audit"' "$T/body"; then not_ok "no audit link for an operator"; else ok "no audit link for an operator"; fi
req o 10.0.0.3 GET /admin/audit
expect_code "an operator on the audit log: 403" 403
audit_has "the refusal is in the audit log" access.refused op
req o 10.0.0.3 GET /admin/tidak-ada
expect_code "an unknown console page: 404" 404

# Password change: the old one must be right; other sessions end.
login a 10.0.0.1 admin kata-sandi-admin-1
sa=$(cookie a ikm_sesi)
: >"$T/c"
login c 10.0.0.4 admin kata-sandi-admin-1
req c 10.0.0.4 GET /admin/sandi
t=$(csrf)
req c 10.0.0.4 POST /admin/sandi "csrf=$t&lama=salah-salah-salah&baru=sandi-baru-admin-2&ulang=sandi-baru-admin-2"
expect_code "a wrong old password: 422" 422
expect_body "a wrong old password: said" "Kata sandi lama salah"
req c 10.0.0.4 POST /admin/sandi "csrf=$t&lama=kata-sandi-admin-1&baru=pendek&ulang=pendek"
expect_code "a short new password: 422" 422
req c 10.0.0.4 POST /admin/sandi "csrf=$t&lama=kata-sandi-admin-1&baru=sandi-baru-admin-2&ulang=sandi-baru-admin-2"
expect_code "the password changed" 303
expect_head "back home with a message key" '^Location: /admin\?ok=sandi$'
req c 10.0.0.4 GET "/admin?ok=sandi"
expect_code "this browser stays signed in" 200
expect_body "with a message" "Kata sandi sudah diganti"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ikm_sesi=$sa" "$base/admin")
if [ "$code" = 303 ]; then ok "the other session ended"; else not_ok "the other session ended" "HTTP $code"; fi
login a 10.0.0.1 admin kata-sandi-admin-1
expect_code "the old password no longer works" 401
audit_has "the change is in the audit log" user.password admin

# Sign out everywhere.
req c 10.0.0.4 GET /admin
t=$(csrf)
req c 10.0.0.4 POST /admin/keluar-semua "csrf=$t"
expect_code "sign out everywhere" 303
req c 10.0.0.4 GET /admin
expect_code "signed out everywhere" 303

# Five wrong passwords lock the account, even for the right one.
: >"$T/l"
for i in 1 2 3 4 5; do login l 10.0.1.$i op salah-salah-$i; done
login l 10.0.1.9 op kata-sandi-operator
expect_code "a locked account refuses the right password" 401
if python3 - "$DB" <<'PY'; then ok "the lock is stored"; else not_ok "the lock is stored"; fi
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
until = db.execute("SELECT locked_until FROM app_user WHERE username = 'op'").fetchone()[0]
sys.exit(0 if until > time.time() + 800 else 1)
PY

# Twenty failures from one address: the address waits.
: >"$T/x"
for i in $(seq 1 20); do login x 192.0.2.7 nobody$i salah-salah; done
login x 192.0.2.7 admin sandi-baru-admin-2
expect_code "the 21st try from one address: 429" 429
expect_body "429: said kindly" "Terlalu banyak percobaan masuk"
expect_head "429: Retry-After" '^Retry-After: 900$'
: >"$T/y"
login y 192.0.2.8 admin sandi-baru-admin-2
expect_code "another address signs in" 303
kill "$pid"
wait "$pid" 2>/dev/null

# Secure cookies behind HTTPS.
printf '[console]\nsecure_cookies = yes\nidle_minutes = 5\n' >"$T/secure.ini"
start_server secure --db "$DB" --config "$T/secure.ini"
base=${url%/}
: >"$T/s"
login s 10.0.0.5 admin sandi-baru-admin-2
expect_head "secure_cookies: the cookie is Secure" '^Set-Cookie: ikm_sesi=[0-9a-f]{64}; .*; Secure$'
kill "$pid"
wait "$pid" 2>/dev/null

for p in $server_pids; do kill "$p" 2>/dev/null; done
done_testing
