#!/bin/sh
# End-to-end tests of the console's users (/admin/pengguna) and audit log
# (/admin/audit) over the real server: the list each admin sees, adding a
# user (validation, escaping, hostile text stored literally), role and unit
# changes, password resets that end sessions, disabling and enabling,
# unlocking, the last active admin-kota kept, admin-unit confined to the
# operators and pimpinan of its subtree (crafted ids, roles and units
# refused), CSRF on every POST, the audit entries (never a password or a
# hash), and the audit page's filters, paging, zone and escaping.
. "$IKM_TOP/tests/e2e/lib.sh"
need_curl "console users over HTTP"
export IKM_PASSWORD_COST=min
DB="$T/ikm.db"
"$IKM" init --db "$DB" --name "Pemerintah Kota Uji" --zone WITA >/dev/null
"$IKM" unit add a --db "$DB" --name "Dinas A" >/dev/null
"$IKM" unit add a1 --parent a --db "$DB" --name "Bidang A1" >/dev/null
"$IKM" unit add b --db "$DB" --name "Dinas B" >/dev/null
add_user() { # NAME ROLE [UNIT]
	if [ -n "${3:-}" ]; then
		echo "sandi-$1-12345" | "$IKM" user add "$1" --role "$2" --unit "$3" --name "Nama $1" --db "$DB" >/dev/null
	else
		echo "sandi-$1-12345" | "$IKM" user add "$1" --role "$2" --name "Nama $1" --db "$DB" >/dev/null
	fi
}
add_user kota admin-kota
add_user ua admin-unit a
add_user ub admin-unit b
add_user opa1 operator a1
add_user opb operator b
add_user pim pimpinan

start_server users --db "$DB" --trusted-proxy 127.0.0.1
base=${url%/}
expect_code() { if [ "$code" = "$2" ]; then ok "$1"; else not_ok "$1" "HTTP $code, expected $2: $(head -c 300 "$T/body")"; fi; }
expect_body() { if grep -qF -- "$2" "$T/body"; then ok "$1"; else not_ok "$1" "body lacks: $2"; fi; }
expect_no_body() { if grep -qF -- "$2" "$T/body"; then not_ok "$1" "body has: $2"; else ok "$1"; fi; }
expect_loc() { if tr -d '\r' <"$T/head" | grep -qE "^Location: $2\$"; then ok "$1"; else not_ok "$1" "$(grep -i '^Location' "$T/head")"; fi; }
# get JAR PATH / post JAR PATH FIELD=VALUE... (the jar's CSRF token added).
get() {
	code=$(curl -s -D "$T/head" -o "$T/body" -w '%{http_code}' -b "$T/$1" -c "$T/$1" \
		-H "X-Forwarded-For: ${ip:-10.1.0.1}" "$base$2")
}
post() {
	jar=$1 path=$2
	shift 2
	n=$#
	set -- "$@" --data-urlencode "csrf=$(cat "$T/$jar.csrf")"
	while [ "$n" -gt 0 ]; do
		set -- "$@" --data-urlencode "$1"
		shift
		n=$((n - 1))
	done
	code=$(curl -s -D "$T/head" -o "$T/body" -w '%{http_code}' -b "$T/$jar" -c "$T/$jar" \
		-H "X-Forwarded-For: ${ip:-10.1.0.1}" "$@" "$base$path")
}
# post_raw JAR PATH DATA: an already encoded body, no token added.
post_raw() {
	code=$(curl -s -D "$T/head" -o "$T/body" -w '%{http_code}' -b "$T/$1" -c "$T/$1" \
		-H "X-Forwarded-For: ${ip:-10.1.0.1}" --data "$3" "$base$2")
}
csrf() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$T/body" | head -n 1; }
login() { # JAR USER [PASSWORD]
	: >"$T/$1"
	get "$1" /login
	post_raw "$1" /login "csrf=$(csrf)&username=$2&password=${3:-sandi-$2-12345}"
	if [ "$code" = 303 ]; then
		get "$1" /admin
		csrf >"$T/$1.csrf"
		code=303
	fi
}
sql() { python3 -c 'import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); r=db.execute(sys.argv[2], sys.argv[3:]).fetchall(); db.commit(); print("\n".join("|".join(str(x) for x in row) for row in r))' "$DB" "$@"; }
uid() { sql "SELECT id FROM app_user WHERE username = ?" "$1"; }
audit_has() { # DESC ACTION USER [DETAIL-SUBSTRING]
	n=$(sql "SELECT COUNT(*) FROM audit WHERE action = ? AND username = ? AND instr(detail || object, ?) > 0" "$2" "$3" "${4:-}")
	if [ "${n:-0}" -gt 0 ]; then ok "$1"; else not_ok "$1" "no audit entry $2 by $3 with ${4:-}"; fi
}

login k kota
login ua ua
login ub ub
login oa opa1
ID_OPA1=$(uid opa1)
ID_OPB=$(uid opb)
ID_KOTA=$(uid kota)
ID_PIM=$(uid pim)
ID_UB=$(uid ub)

# ---- the lists -----------------------------------------------------------------
get k /admin/pengguna
expect_code "admin-kota: the users page" 200
for u in kota ua ub opa1 opb pim; do expect_body "admin-kota sees $u" "<td>$u"; done
expect_body "every user can be managed by admin-kota" "href=\"/admin/pengguna/$ID_OPB\""
expect_body "admin-kota may give every role" 'value="admin-kota"'
expect_body "and no unit" '<option value="" selected>'
expect_body "units indented under their parent" '— Bidang A1 (a1)'
get ua /admin/pengguna
expect_code "admin-unit: the users page" 200
expect_body "admin-unit sees the operator under its unit" "<td>opa1"
expect_body "and may manage it" "href=\"/admin/pengguna/$ID_OPA1\""
expect_no_body "not another unit's operator" "<td>opb"
expect_no_body "not another unit's admin" "<td>ub"
expect_no_body "not admin-kota" "<td>kota"
expect_no_body "not a pimpinan of everything" "<td>pim"
expect_no_body "admin-unit is offered no admin role" 'value="admin-kota"'
expect_no_body "nor admin-unit" 'value="admin-unit"'
expect_no_body "no unit outside its subtree" 'value="b"'
expect_no_body "no empty unit" '<option value=""'
expect_body "its own unit preselected" '<option value="a" selected>'
get oa /admin/pengguna
expect_code "an operator: 403" 403

# ---- adding ----------------------------------------------------------------------
post k /admin/pengguna nama_pengguna=baru.satu "nama=Budi Santoso" peran=operator unit=a1 \
	sandi=kata-sandi-baru-1 ulang=kata-sandi-baru-1
expect_code "admin-kota adds an operator" 303
expect_loc "back to the list with a message" '/admin/pengguna\?ok=pengguna'
get k "/admin/pengguna?ok=pengguna"
expect_body "the message" "Pengguna sudah disimpan."
expect_body "the new user is listed" "<td>baru.satu"
audit_has "the addition is audited" user.add kota "role=operator unit=a1"
login nb baru.satu kata-sandi-baru-1
expect_code "the new user signs in" 303
n=$(sql "SELECT COUNT(*) FROM audit WHERE detail LIKE '%kata-sandi%' OR detail LIKE '%argon2%' OR object LIKE '%argon2%'")
if [ "$n" = 0 ]; then ok "no password or hash in the audit log"; else not_ok "no password or hash in the audit log" "$n"; fi

add() { # JAR USERNAME NAME ROLE UNIT PW AGAIN
	post "$1" /admin/pengguna "nama_pengguna=$2" "nama=$3" "peran=$4" "unit=$5" "sandi=$6" "ulang=$7"
}
add k "Baru Dua" "Nama" operator a1 kata-sandi-baru-2 kata-sandi-baru-2
expect_code "a bad username: 422" 422
expect_body "said next to the field" 'id="nama_pengguna-error"'
expect_body "what was typed is kept" 'value="Baru Dua"'
expect_body "the other fields too" '<option value="a1" selected>'
expect_no_body "the password is not sent back" 'kata-sandi-baru-2'
add k baru.satu "Nama" operator a1 kata-sandi-baru-2 kata-sandi-baru-2
expect_code "a taken username: 422" 422
expect_body "a taken username: said" "sudah dipakai"
add k baru.dua "" operator a1 kata-sandi-baru-2 kata-sandi-baru-2
expect_code "no name: 422" 422
expect_body "no name: said" 'id="nama-error"'
add k baru.dua "Dua
Baris" operator a1 kata-sandi-baru-2 kata-sandi-baru-2
expect_code "a name of two lines: 422" 422
add k baru.dua "Nama" operator a1 pendek pendek
expect_code "a short password: 422" 422
expect_body "a short password: said in Indonesian" "Kata sandi paling sedikit 10 karakter."
add k baru.dua "Nama" operator a1 kata-sandi-baru-2 kata-sandi-lain-2
expect_code "a different repetition: 422" 422
expect_body "said at the repetition" 'id="ulang-error"'
add k baru.dua "Nama" operator a1 baru.dua baru.dua
expect_code "the username as password: 422" 422
add k baru.dua "Nama" operator tidak-ada kata-sandi-baru-2 kata-sandi-baru-2
expect_code "an unknown unit: 422" 422
expect_body "an unknown unit: said" "Unit ini tidak dikenal."
add k baru.dua "Nama" operator "" kata-sandi-baru-2 kata-sandi-baru-2
expect_code "an operator without a unit: 422" 422
add k baru.dua "Nama" admin-kota a kata-sandi-baru-2 kata-sandi-baru-2
expect_code "admin-kota with a unit: 422" 422
add k baru.dua "Nama" raja "" kata-sandi-baru-2 kata-sandi-baru-2
expect_code "an unknown role: 422" 422
expect_body "an unknown role: said" "Pilih salah satu peran."
n=$(sql "SELECT COUNT(*) FROM app_user WHERE username = 'baru.dua'")
if [ "$n" = 0 ]; then ok "nothing was added by the refused forms"; else not_ok "nothing was added by the refused forms"; fi

# Hostile text: stored literally, shown escaped.
add k "x' OR '1'='1" "Nama" operator a1 kata-sandi-baru-2 kata-sandi-baru-2
expect_code "SQL in the username: 422" 422
expect_body "shown escaped in the field" "value=\"x&#39; OR &#39;1&#39;=&#39;1\""
add k "<script>" "Nama" operator a1 kata-sandi-baru-2 kata-sandi-baru-2
expect_no_body "a script tag as username is escaped" "<script>"
evil="<script>alert('x')</script> Robert'); DROP TABLE app_user;--"
add k jahat "$evil" pimpinan "" kata-sandi-jahat-1 kata-sandi-jahat-1
expect_code "a hostile name is accepted as text" 303
n=$(sql "SELECT name FROM app_user WHERE username = 'jahat'")
if [ "$n" = "$evil" ]; then ok "the name is stored literally"; else not_ok "the name is stored literally" "$n"; fi
get k /admin/pengguna
expect_no_body "the name is not markup in the list" "<script>alert"
expect_body "the name is escaped in the list" "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Robert&#39;); DROP TABLE app_user;--"
get k /admin/audit
expect_no_body "the name is not markup in the audit log" "<script>alert"
expect_body "the name is escaped in the audit log" "name=&lt;script&gt;alert"
ID_JAHAT=$(uid jahat)

# admin-unit adds within its subtree only.
add ua opa.dua "Operator A Dua" operator a1 kata-sandi-opa-2 kata-sandi-opa-2
expect_code "admin-unit adds an operator under its unit" 303
audit_has "audited as admin-unit's" user.add ua "unit=a1"
add ua pima "Pimpinan A" pimpinan a kata-sandi-pima-1 kata-sandi-pima-1
expect_code "admin-unit adds a pimpinan of its unit" 303
add ua naik admin-kota admin-kota "" kata-sandi-naik-1 kata-sandi-naik-1
expect_code "admin-unit adding an admin-kota (crafted): 403" 403
audit_has "the refusal is audited" access.refused ua "may not give this role"
add ua naik "Naik" admin-unit a kata-sandi-naik-1 kata-sandi-naik-1
expect_code "admin-unit adding an admin-unit: 403" 403
add ua naik "Naik" operator b kata-sandi-naik-1 kata-sandi-naik-1
expect_code "admin-unit adding an operator of another unit: 403" 403
audit_has "audited" access.refused ua "outside the user's subtree"
add ua naik "Naik" pimpinan "" kata-sandi-naik-1 kata-sandi-naik-1
expect_code "admin-unit adding a pimpinan of everything: 422" 422
expect_body "said" "Pilih unit untuk pengguna ini."
n=$(sql "SELECT COUNT(*) FROM app_user WHERE username = 'naik'")
if [ "$n" = 0 ]; then ok "admin-unit made no one beyond its reach"; else not_ok "admin-unit made no one beyond its reach"; fi

# ---- one user: who may open it ------------------------------------------------------
get k "/admin/pengguna/$ID_OPA1"
expect_code "admin-kota opens a user" 200
expect_body "the user's page" "Pengguna opa1"
expect_body "with a role form" "action=\"/admin/pengguna/$ID_OPA1/peran\""
get ua "/admin/pengguna/$ID_OPA1"
expect_code "admin-unit opens an operator of its subtree" 200
for id in "$ID_OPB" "$ID_KOTA" "$ID_PIM" "$ID_UB" "$(uid ua)"; do
	get ua "/admin/pengguna/$id"
	expect_code "admin-unit opening user #$id beyond its reach: 403" 403
done
audit_has "the refusal is audited" access.refused ua "user opb outside"
get k /admin/pengguna/999999
expect_code "an unknown user: 404" 404
for p in /admin/pengguna/0 /admin/pengguna/1x /admin/pengguna/-1 "/admin/pengguna/$ID_OPA1/hapus" \
	/admin/pengguna/99999999999999999999 "/admin/pengguna/$ID_OPA1/peran/x"; do
	get k "$p"
	expect_code "a bad path $p: 404" 404
done
get k "/admin/pengguna/$ID_OPA1/nonaktif"
expect_code "a change by GET: 405" 405
post k "/admin/pengguna/$ID_OPA1"
expect_code "a POST to the user's page: 405" 405

# ---- admin-unit changes beyond its reach (crafted ids, roles, units) ---------------------
for action in peran sandi nonaktif aktif buka-kunci; do
	post ua "/admin/pengguna/$ID_OPB/$action" peran=operator unit=a1 sandi=kata-sandi-ubah-1 ulang=kata-sandi-ubah-1
	expect_code "admin-unit: $action of another unit's operator: 403" 403
	post ua "/admin/pengguna/$ID_KOTA/$action" peran=operator unit=a1 sandi=kata-sandi-ubah-1 ulang=kata-sandi-ubah-1
	expect_code "admin-unit: $action of admin-kota: 403" 403
done
n=$(sql "SELECT role || unit_id || disabled FROM app_user WHERE username = 'opb'")
if [ "$n" = "operator$(sql "SELECT id FROM unit WHERE slug = 'b'")0" ]; then ok "the other unit's operator is unchanged"; else not_ok "the other unit's operator is unchanged" "$n"; fi
post ua "/admin/pengguna/$ID_OPA1/peran" peran=admin-unit unit=a
expect_code "admin-unit promoting its operator to admin-unit: 403" 403
post ua "/admin/pengguna/$ID_OPA1/peran" peran=admin-kota unit=
expect_code "admin-unit promoting its operator to admin-kota: 403" 403
post ua "/admin/pengguna/$ID_OPA1/peran" peran=operator unit=b
expect_code "admin-unit moving its operator to another unit: 403" 403
post ua "/admin/pengguna/$ID_OPA1/peran" peran=pimpinan unit=
expect_code "admin-unit making a pimpinan of everything: 422" 422
n=$(sql "SELECT role FROM app_user WHERE username = 'opa1'")
if [ "$n" = operator ]; then ok "the operator kept its role"; else not_ok "the operator kept its role" "$n"; fi
post ua "/admin/pengguna/$ID_OPA1/peran" peran=pimpinan unit=a
expect_code "admin-unit makes its operator a pimpinan of its unit" 303
expect_loc "back to the user's page" "/admin/pengguna/$ID_OPA1\\?ok=pengguna"
audit_has "the role change is audited" user.role ua "role operator -> pimpinan; unit a1 -> a"
post ua "/admin/pengguna/$ID_OPA1/peran" peran=operator unit=a1
expect_code "and back" 303

# ---- password reset, disable, enable, unlock --------------------------------------------
ip=10.1.0.9
login oa2 opa1
ip=
get oa2 /admin
expect_code "opa1 is signed in" 200
post k "/admin/pengguna/$ID_OPA1/sandi" sandi=pendek ulang=pendek
expect_code "a short new password: 422" 422
expect_body "said next to the field" 'id="sandi-error"'
post k "/admin/pengguna/$ID_OPA1/sandi" sandi=kata-sandi-reset-1 ulang=kata-sandi-reset-2
expect_code "a different repetition: 422" 422
post k "/admin/pengguna/$ID_OPA1/sandi" sandi=kata-sandi-reset-1 ulang=kata-sandi-reset-1
expect_code "admin-kota resets a password" 303
expect_loc "with its message" "/admin/pengguna/$ID_OPA1\\?ok=sandi-pengguna"
get oa2 /admin
expect_code "the user's sessions ended" 303
login oa2 opa1
expect_code "the old password no longer works" 401
login oa2 opa1 kata-sandi-reset-1
expect_code "the new one does" 303
audit_has "the reset is audited" user.password.reset kota
n=$(sql "SELECT COUNT(*) FROM audit WHERE detail LIKE '%kata-sandi-reset%' OR detail LIKE '%argon%'")
if [ "$n" = 0 ]; then ok "the new password is not in the audit log"; else not_ok "the new password is not in the audit log"; fi
post ua "/admin/pengguna/$ID_OPA1/sandi" sandi=kata-sandi-reset-3 ulang=kata-sandi-reset-3
expect_code "admin-unit resets its operator's password" 303

post k "/admin/pengguna/$ID_OPA1/nonaktif"
expect_code "admin-kota disables a user" 303
get oa2 /admin
expect_code "the disabled user's session ended" 303
login oa2 opa1 kata-sandi-reset-3
expect_code "a disabled user cannot sign in" 401
get k "/admin/pengguna?ok=nonaktif"
expect_body "the list says since when, in the zone" "nonaktif sejak "
expect_body "the message" "Pengguna sudah dinonaktifkan"
if grep -qE 'nonaktif sejak [0-9]{2}-[0-9]{2}-[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} WITA' "$T/body"; then ok "dd-mm-yyyy HH:MM:SS WITA"; else not_ok "dd-mm-yyyy HH:MM:SS WITA"; fi
audit_has "disabling is audited" user.disable kota
post k "/admin/pengguna/$ID_OPA1/aktif"
expect_code "admin-kota enables the user again" 303
login oa2 opa1 kata-sandi-reset-3
expect_code "an enabled user signs in" 303
audit_has "enabling is audited" user.enable kota

for i in 1 2 3 4 5; do
	ip=10.1.1.$i
	login x opa1 salah-salah-$i
done
ip=
get k "/admin/pengguna/$ID_OPA1"
expect_body "the lock is shown" "terkunci sampai"
expect_body "an unlock button" "/buka-kunci"
post ua "/admin/pengguna/$ID_OPA1/buka-kunci"
expect_code "admin-unit unlocks its operator" 303
expect_loc "with its message" "/admin/pengguna/$ID_OPA1\\?ok=buka-kunci"
n=$(sql "SELECT failed || '/' || locked_until FROM app_user WHERE username = 'opa1'")
if [ "$n" = "0/0" ]; then ok "the failures are forgotten"; else not_ok "the failures are forgotten" "$n"; fi
login oa2 opa1 kata-sandi-reset-3
expect_code "the unlocked user signs in" 303
audit_has "unlocking is audited" user.unlock ua "5 failed sign-ins"

# ---- the last active admin-kota ---------------------------------------------------------
post k "/admin/pengguna/$ID_KOTA/nonaktif"
expect_code "nobody disables themselves" 409
expect_body "said" "tidak dapat menonaktifkan akun Anda sendiri"
post k "/admin/pengguna/$ID_KOTA/sandi" sandi=kata-sandi-sendiri ulang=kata-sandi-sendiri
expect_code "nor resets their own password here" 409
post k "/admin/pengguna/$ID_KOTA/peran" peran=operator unit=a
expect_code "the last admin-kota cannot demote themselves" 409
expect_body "said clearly" "satu-satunya admin-kota yang aktif"
audit_has "the refusal is audited" user.refused kota "the last active admin-kota"
get k "/admin/pengguna/$ID_KOTA"
expect_no_body "one's own page offers no disabling" "/nonaktif\""
add k kota2 "Kota Dua" admin-kota "" kata-sandi-kota-2 kata-sandi-kota-2
expect_code "a second admin-kota" 303
ID_KOTA2=$(uid kota2)
login k2 kota2 kata-sandi-kota-2
post k2 "/admin/pengguna/$ID_KOTA/nonaktif"
expect_code "one admin-kota disables the other" 303
post k2 "/admin/pengguna/$ID_KOTA2/peran" peran=pimpinan unit=
expect_code "the remaining one cannot demote themselves" 409
post k2 "/admin/pengguna/$ID_KOTA/peran" peran=pimpinan unit=
expect_code "a disabled admin-kota may be demoted" 303
post k2 "/admin/pengguna/$ID_KOTA/peran" peran=admin-kota unit=
expect_code "and promoted again" 303
post k2 "/admin/pengguna/$ID_KOTA/aktif"
expect_code "and enabled again" 303
login k kota
post k "/admin/pengguna/$ID_KOTA2/peran" peran=admin-unit unit=b
expect_code "with two, one may be demoted" 303
n=$(sql "SELECT COUNT(*) FROM app_user WHERE role = 'admin-kota' AND disabled = 0")
if [ "$n" = 1 ]; then ok "one active admin-kota left"; else not_ok "one active admin-kota left" "$n"; fi
post k "/admin/pengguna/$ID_KOTA2/peran" peran=admin-kota unit=
post k "/admin/pengguna/$ID_KOTA/peran" peran=pimpinan unit=
expect_code "an admin-kota who gives up the role goes home" 303
expect_loc "to the console's home" '/admin\?ok=pengguna'
get k /admin/pengguna
expect_code "and may no longer manage users" 403
login k2 kota2 kata-sandi-kota-2
post k2 "/admin/pengguna/$ID_KOTA/peran" peran=admin-kota unit=
expect_code "restored" 303

# ---- CSRF on every POST of these pages ---------------------------------------------------
for p in /admin/pengguna "/admin/pengguna/$ID_JAHAT/peran" "/admin/pengguna/$ID_JAHAT/sandi" \
	"/admin/pengguna/$ID_JAHAT/nonaktif" "/admin/pengguna/$ID_JAHAT/aktif" \
	"/admin/pengguna/$ID_JAHAT/buka-kunci"; do
	post_raw k2 "$p" "peran=operator&unit=a&sandi=kata-sandi-csrf-1&ulang=kata-sandi-csrf-1"
	expect_code "no CSRF token on $p: 403" 403
	post_raw k2 "$p" "csrf=$(cat "$T/ua.csrf")&peran=operator&unit=a&sandi=kata-sandi-csrf-1&ulang=kata-sandi-csrf-1"
	expect_code "another session's token on $p: 403" 403
done
n=$(sql "SELECT role || disabled FROM app_user WHERE username = 'jahat'")
if [ "$n" = pimpinan0 ]; then ok "nothing changed without a valid token"; else not_ok "nothing changed without a valid token" "$n"; fi
audit_has "the refused POSTs are audited" csrf.refused kota2

# ---- the audit log ----------------------------------------------------------------------
get ua /admin/audit
expect_code "admin-unit on the audit log: 403" 403
get k2 /admin/audit
expect_code "admin-kota: the audit log" 200
expect_body "the zone is named" "waktu WITA"
if grep -qE '<td>[0-9]{2}-[0-9]{2}-[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} WITA</td>' "$T/body"; then ok "times in the zone"; else not_ok "times in the zone"; fi
newest=$(sql "SELECT '<td>' || username || '</td><td>' || remote || '</td><td>' || action || '</td>' FROM audit ORDER BY id DESC LIMIT 1")
if grep -m1 '^    <tr><td>' "$T/body" | grep -qF -- "$newest"; then ok "newest first"; else not_ok "newest first" "$newest"; fi
get k2 "/admin/audit?pengguna=ua"
expect_code "filtered by user" 200
n=$(grep -c '<td>ua</td>' "$T/body")
m=$(grep -c '^    <tr><td>' "$T/body")
if [ "$n" -gt 0 ] && [ "$n" = "$m" ]; then ok "only that user's entries"; else not_ok "only that user's entries" "$n of $m"; fi
get k2 "/admin/audit?aksi=user"
n=$(grep -c '<td>user\.' "$T/body")
m=$(grep -c '^    <tr><td>' "$T/body")
if [ "$n" -gt 0 ] && [ "$n" = "$m" ]; then ok "an action family"; else not_ok "an action family" "$n of $m"; fi
get k2 "/admin/audit?aksi=user.password.reset&pengguna=kota"
n=$(grep -c '^    <tr><td>' "$T/body")
if [ "$n" = 1 ]; then ok "an exact action by one user"; else not_ok "an exact action by one user" "$n"; fi
expect_body "the filter is kept in the form" 'value="user.password.reset"'
get k2 "/admin/audit?pengguna=tidak.ada"
expect_body "no match: said" "Tidak ada entri yang cocok"
get k2 "/admin/audit?pengguna=%3Cscript%3E%27%20OR%201%3D1--"
expect_code "a hostile user filter: looked up literally" 200
expect_body "and escaped" 'value="&lt;script&gt;&#39; OR 1=1--"'
get k2 "/admin/audit?aksi=%3Cscript%3E"
expect_code "a bad action filter: 422" 422
expect_body "said next to the field" 'id="aksi-error"'
expect_no_body "never markup" "<script>"
get k2 "/admin/audit?pengguna=$(printf 'a%.0s' $(seq 1 40))"
expect_code "a user filter too long: 422" 422
for b in abc -5 0 99999999999999999999; do
	get k2 "/admin/audit?sebelum=$b"
	expect_code "a bad page cursor $b: 422" 422
done

# Paging, and the zone of a known time.
python3 - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO audit (at, user_id, username, remote, action, object, detail) VALUES (0, 0, 'cli', 'cli', 'test.epoch', 'x', '<b>tebal</b> & \"kutip\"')")
for i in range(120):
    db.execute("INSERT INTO audit (at, user_id, username, remote, action, object, detail) VALUES (1700000000, 0, 'bot', '192.0.2.1', 'test.page', ?, '')", ("nomor %03d" % i,))
db.commit()
PY
get k2 "/admin/audit?pengguna=bot&aksi=test"
expect_body "page 1 starts with the newest" "<td>nomor 119</td>"
expect_body "page 1 ends at the 50th" "<td>nomor 070</td>"
expect_no_body "page 1 has no 51st" "<td>nomor 069</td>"
next=$(sed -n 's/.*<a href="\([^"]*\)" rel="next">.*/\1/p' "$T/body" | sed 's/&amp;/\&/g')
case "$next" in
/admin/audit\?pengguna=bot\&aksi=test\&sebelum=[0-9]*) ok "the next page keeps the filters" ;;
*) not_ok "the next page keeps the filters" "$next" ;;
esac
get k2 "$next"
expect_body "page 2 goes on" "<td>nomor 069</td>"
expect_body "page 2 ends at the 100th" "<td>nomor 020</td>"
expect_body "page 2 links back to the newest" '&laquo; Entri terbaru'
next=$(sed -n 's/.*<a href="\([^"]*\)" rel="next">.*/\1/p' "$T/body" | sed 's/&amp;/\&/g')
get k2 "$next"
expect_body "page 3: the rest" "<td>nomor 000</td>"
expect_no_body "page 3 is the last" 'rel="next"'
expect_body "14-11-2023 22:13:20 UTC is 15-11-2023 06:13:20 WITA" "<td>15-11-2023 06:13:20 WITA</td>"
get k2 "/admin/audit?aksi=test.epoch"
expect_body "the epoch in WITA" "<td>01-01-1970 08:00:00 WITA</td>"
expect_body "details are escaped" "&lt;b&gt;tebal&lt;/b&gt; &amp; &quot;kutip&quot;"
post k2 /admin/audit
expect_code "the audit log takes no POST" 405
get k2 /admin/audit/x
expect_code "nothing under the audit log" 404

for p in $server_pids; do kill "$p" 2>/dev/null; done
done_testing
