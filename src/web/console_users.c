/* console_users: the users of the office console (/admin/pengguna) and its
 * audit log (/admin/audit). admin-kota manages every user; admin-unit only
 * the operators and pimpinan of its subtree, giving only those roles and
 * units. A user's page is /admin/pengguna/ID; its changes are POSTs to
 * .../peran, /sandi (the user's sessions end), /nonaktif (they end too),
 * /aktif and /buka-kunci, each in a transaction that serialises them and
 * reads the user again, so the last active admin-kota is never disabled or
 * demoted. Own passwords change at /admin/sandi; nobody disables
 * themselves. Every change and refusal is audited, never a password or a
 * hash. The audit log: newest first, AUDIT_PAGE at a time (?sebelum=ID),
 * by user (?pengguna=) and action or family (?aksi=), in the
 * organisation's zone. */
#include "console_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include <time.h>

#include "text.h"

#define USERS_PATH "/admin/pengguna"
#define AUDIT_PAGE 50 /* entries per page of the audit log */
#define ID_DIGITS  18 /* named limit: digits of an id in a path or a query */

static const char not_found[] = "Alamat yang Anda buka tidak ada di konsol.";

/* ---- small helpers ---------------------------------------------------------- */

/* The time t as "dd-mm-yyyy HH:MM:SS WIB" in zone ("WIB", "WITA", "WIT"). */
static void time_text(char *buf, size_t size, int64_t t, const char *zone)
{
	static const char *const names[] = {"WIB", "WITA", "WIT"};
	int z = strcmp(zone, "WIT") == 0 ? 2 : strcmp(zone, "WITA") == 0; /* hours past UTC+7 */
	time_t at = (time_t)t + (7 + z) * 3600;
	struct tm tm;

	if (gmtime_r(&at, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	snprintf(buf, size, "%02d-%02d-%04d %02d:%02d:%02d %s", tm.tm_mday, tm.tm_mon + 1,
	         tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec, names[z]);
}

/* s as a positive id (1..ID_DIGITS digits) into *id: 1, else 0. */
static int id_parse(const char *s, size_t n, int64_t *id)
{
	int64_t v = 0;

	if (n == 0 || n > ID_DIGITS || s[0] == '0')
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*id = v;
	return 1;
}

/* Overwrite a secret the form brought (owned by the parsed form). */
static void wipe(const char *s)
{
	if (s != NULL)
		sodium_memzero((char *)s, strlen(s));
}

/* 1 when s is a name for a page: 1..STORE_NAME_MAX bytes, not only blanks,
 * no line ends or tabs (the form parser refused other control bytes). */
static int name_ok(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;
	const char *p = s;

	text_trim(&p, &n);
	return n > 0 && strlen(s) <= STORE_NAME_MAX && strpbrk(s, "\t\r\n") == NULL;
}

static const char *const role_labels[STORE_NROLES] = {
    "admin-kota (seluruh organisasi, pengguna, log audit)",
    "admin-unit (unitnya dan unit di bawahnya)", "operator (entri kuesioner kertas dan impor)",
    "pimpinan (melihat hasil)"};

static int is_kota(const struct console_ctx *c)
{
	return c->user.role == STORE_ROLE_ADMIN_KOTA;
}

/* 403, audited. */
static void refuse(struct console_ctx *c, const char *why)
{
	console_audit(c, "access.refused", c->req->path, "%s", why);
	console_fail(c, 403, "Anda tidak berwenang mengelola pengguna, peran atau unit ini.");
}

/* ---- the units the signed-in user may give ------------------------------------- */

struct tree {
	struct store_unit *u;
	int n;
};

/* The parent of unit in t (0: top level), -1 when t has no such unit. */
static int64_t tree_parent(const struct tree *t, int64_t unit)
{
	for (int i = 0; i < t->n; i++)
		if (t->u[i].id == unit)
			return t->u[i].parent;
	return -1;
}

/* 1 when unit is ancestor or under it in t (bounded by t's size). */
static int tree_within(const struct tree *t, int64_t unit, int64_t ancestor)
{
	for (int depth = 0; unit > 0 && depth <= t->n; depth++, unit = tree_parent(t, unit))
		if (unit == ancestor)
			return 1;
	return 0;
}

/* Units above unit (0: none), at most 8 ("— " 8 times in unit_options). */
static int tree_depth(const struct tree *t, int64_t unit)
{
	int depth = 0;

	for (; unit > 0 && depth < 8; unit = tree_parent(t, unit))
		depth++;
	return depth;
}

/* 1 when the signed-in user may see u in the list / manage u. */
static int may_see(const struct console_ctx *c, const struct tree *t, const struct store_user *u)
{
	return is_kota(c) || (u->unit != 0 && tree_within(t, u->unit, c->user.unit));
}

static int may_manage(const struct console_ctx *c, const struct tree *t, const struct store_user *u)
{
	return is_kota(c) || (c->user.role == STORE_ROLE_ADMIN_UNIT &&
	                      (u->role == STORE_ROLE_OPERATOR || u->role == STORE_ROLE_PIMPINAN) &&
	                      may_see(c, t, u));
}

/* The role choices (selected: a role name) into d's "roles". */
static void role_options(const struct console_ctx *c, struct tmpl_data *d, const char *selected)
{
	for (int r = 0; r < STORE_NROLES; r++) {
		struct tmpl_data *o;

		if (!is_kota(c) && r != STORE_ROLE_OPERATOR && r != STORE_ROLE_PIMPINAN)
			continue;
		o = tmpl_add(d, "roles");
		tmpl_set(o, "value", store_role_name(r));
		tmpl_set(o, "label", role_labels[r]);
		tmpl_set_bool(o, "selected",
		              selected != NULL && strcmp(selected, store_role_name(r)) == 0);
	}
}

/* The unit choices (selected: a slug, "" none) into d's "units": for
 * admin-kota "no unit" and every unit, else the units of its subtree. */
static void unit_options(const struct console_ctx *c, const struct tree *t, struct tmpl_data *d,
                         const char *selected)
{
	struct tmpl_data *o;

	if (is_kota(c)) {
		o = tmpl_add(d, "units");
		tmpl_set(o, "value", "");
		tmpl_set(o, "label", "(tanpa unit: admin-kota, atau pimpinan seluruh organisasi)");
		tmpl_set_bool(o, "selected", selected == NULL || selected[0] == '\0');
	}
	for (int i = 0; i < t->n; i++) {
		char label[STORE_NAME_MAX + STORE_SLUG_MAX + 48];

		if (!is_kota(c) && !tree_within(t, t->u[i].id, c->user.unit))
			continue;
		/* "— " per level above it (a select shows no indentation). */
		snprintf(label, sizeof(label), "%.*s%s (%s)",
		         (int)strlen("— ") * tree_depth(t, t->u[i].parent), "— — — — — — — — ",
		         t->u[i].name, t->u[i].slug);
		o = tmpl_add(d, "units");
		tmpl_set(o, "value", t->u[i].slug);
		tmpl_set(o, "label", label);
		tmpl_set_bool(o, "selected",
		              selected != NULL && strcmp(selected, t->u[i].slug) == 0);
	}
}

/* Load the unit tree; 0, or -1 answered (503). */
static int tree_load(struct console_ctx *c, struct tree *t)
{
	struct ikm_err err = {0};

	if (store_unit_list(c->s, &t->u, &t->n, &err) < 0) {
		console_store_fail(c, &err);
		return -1;
	}
	return 0;
}

/* ---- role and unit fields ------------------------------------------------------- */

struct pick {
	int role;               /* enum store_role */
	struct store_unit unit; /* id 0: none */
	const char *e_role, *e_unit;
};

/* Check the role and unit a form names for the signed-in user to give: 1
 * fine; 0 a field is wrong (p->e_role / e_unit say why); -1 answered (403
 * for a role or unit the user may not give, 503). */
static int pick_check(struct console_ctx *c, const char *role, const char *unit, struct pick *p)
{
	struct ikm_err err = {0};
	int may;

	memset(p, 0, sizeof(*p));
	p->role = store_role_parse(role);
	if (p->role < 0) {
		p->e_role = "Pilih salah satu peran.";
		return 0;
	}
	if (!is_kota(c) && p->role != STORE_ROLE_OPERATOR && p->role != STORE_ROLE_PIMPINAN) {
		refuse(c, "admin-unit may not give this role");
		return -1;
	}
	if (unit != NULL && unit[0] != '\0') {
		if (strlen(unit) > STORE_SLUG_MAX || !store_slug_ok(unit) ||
		    store_unit_get(c->s, unit, &p->unit, &err) < 0) {
			if (err.kind != IKM_OK && err.kind != IKM_EDATA) {
				console_store_fail(c, &err);
				return -1;
			}
			p->e_unit = "Unit ini tidak dikenal.";
			return 0;
		}
		if ((may = console_may_unit(c, p->unit.id)) <= 0) {
			if (may == 0)
				refuse(c, "a unit outside the user's subtree");
			return -1;
		}
	}
	if ((p->role == STORE_ROLE_ADMIN_UNIT || p->role == STORE_ROLE_OPERATOR) && p->unit.id == 0)
		p->e_unit = "Peran admin-unit dan operator memerlukan unit. Pilih unitnya.";
	else if (p->role == STORE_ROLE_ADMIN_KOTA && p->unit.id != 0)
		p->e_unit = "admin-kota berlaku untuk seluruh organisasi; pilih \"(tanpa unit)\".";
	else if (!is_kota(c) && p->unit.id == 0)
		p->e_unit = "Pilih unit untuk pengguna ini.";
	return p->e_unit == NULL;
}

/* ---- the list and the form to add a user -------------------------------------- */

/* A form of these pages: what was typed (NULL: the defaults; never the
 * passwords) and the message of each field at fault. */
struct form {
	const char *username, *name, *role, *unit;
	const char *e_username, *e_name, *e_role, *e_unit, *e_password, *e_again;
};

/* f's typed values and messages into d, and the flags of its error boxes. */
static void form_fields(struct tmpl_data *d, const struct form *f)
{
	tmpl_set(d, "f_username", f->username);
	tmpl_set(d, "f_name", f->name);
	tmpl_set(d, "e_username", f->e_username);
	tmpl_set(d, "e_name", f->e_name);
	tmpl_set(d, "e_role", f->e_role);
	tmpl_set(d, "e_unit", f->e_unit);
	tmpl_set(d, "e_password", f->e_password);
	tmpl_set(d, "e_again", f->e_again);
	tmpl_set_bool(d, "role_errors", f->e_role != NULL || f->e_unit != NULL);
	tmpl_set_bool(d, "password_errors", f->e_password != NULL || f->e_again != NULL);
	tmpl_set_bool(d, "has_errors",
	              f->e_username != NULL || f->e_name != NULL || f->e_role != NULL ||
	                  f->e_unit != NULL || f->e_password != NULL || f->e_again != NULL);
}

/* What the pages show of user u, into d. */
static void user_fields(const struct console_ctx *c, struct tmpl_data *d,
                        const struct store_user *u)
{
	char when[48], id[24];

	snprintf(id, sizeof(id), "%lld", (long long)u->id);
	tmpl_set(d, "id", id);
	tmpl_set(d, "username", u->username);
	tmpl_set(d, "name", u->name);
	tmpl_set(d, "role", store_role_name(u->role));
	tmpl_set(d, "unit", u->unit_slug[0] != '\0' ? u->unit_slug : "-");
	tmpl_set_bool(d, "self", u->id == c->user.id);
	tmpl_set_bool(d, "disabled", u->disabled != 0);
	time_text(when, sizeof(when), u->disabled, c->org.zone);
	tmpl_set(d, "disabled_at", when);
	time_text(when, sizeof(when), u->created, c->org.zone);
	tmpl_set(d, "created", when);
	time_text(when, sizeof(when), u->locked_until, c->org.zone);
	tmpl_set(d, "locked", u->locked_until > c->now ? when : "");
	snprintf(id, sizeof(id), "%d", u->failed);
	tmpl_set(d, "failed", id);
	tmpl_set_bool(d, "unlockable", u->failed > 0 || u->locked_until > c->now);
}

static void list_page(struct console_ctx *c, int status, const struct form *f)
{
	struct tmpl_data *d = tmpl_data_new();
	struct store_user *list = NULL;
	struct tree t = {0};
	struct ikm_err err = {0};
	int n = 0, shown = 0;

	if (tree_load(c, &t) < 0)
		goto out;
	if (store_user_list(c->s, &list, &n, &err) < 0) {
		console_store_fail(c, &err);
		goto out;
	}
	tmpl_set_bool(d, "kota", is_kota(c));
	tmpl_set(d, "scope", c->user.unit_slug);
	for (int i = 0; i < n; i++) {
		struct tmpl_data *u;

		if (!may_see(c, &t, &list[i]))
			continue;
		shown++;
		u = tmpl_add(d, "users");
		user_fields(c, u, &list[i]);
		tmpl_set_bool(u, "manage", may_manage(c, &t, &list[i]));
	}
	tmpl_set_bool(d, "has_users", shown > 0);
	form_fields(d, f);
	role_options(c, d, f->role != NULL ? f->role : "operator");
	unit_options(c, &t, d, f->unit != NULL ? f->unit : c->user.unit_slug);
	console_page(c, status, "admin/users-list.html", d, "Pengguna");
	d = NULL;
out:
	tmpl_data_free(d);
	free(list);
	free(t.u);
}

#define MSG_MAX 200 /* bytes of a field's message */

#define MSG_MAX 200 /* bytes of a field's message */

/* Check a new password and its repetition for username; a problem goes
 * to f's password field (the Indonesian half of auth's message, in msg)
 * or its repetition's. 1 fine, else 0. */
static int password_check(struct form *f, const char *pw, const char *again, const char *username,
                          char msg[MSG_MAX])
{
	const char *problem = auth_password_problem(pw, username), *half;

	if (problem == NULL && (again == NULL || strcmp(pw, again) != 0))
		f->e_again = "Kata sandi dan ulangannya berbeda.";
	if (problem == NULL)
		return f->e_again == NULL;
	half = strstr(problem, " / ");
	snprintf(msg, MSG_MAX, "%.*s.", half != NULL ? (int)(half - problem) : (int)strlen(problem),
	         problem);
	if (msg[0] >= 'a' && msg[0] <= 'z')
		msg[0] = (char)(msg[0] - 'a' + 'A');
	f->e_password = msg;
	return 0;
}

/* POST /admin/pengguna: add a user. */
static void add_user(struct console_ctx *c)
{
	struct form f = {0};
	struct store_user u = {0}, old;
	struct ikm_err err = {0};
	struct pick p;
	const char *pw = console_param(c, "sandi"), *again = console_param(c, "ulang");
	char msg[MSG_MAX];
	int rc;

	f.username = console_param(c, "nama_pengguna");
	f.name = console_param(c, "nama");
	f.role = console_param(c, "peran");
	f.unit = console_param(c, "unit");
	if (f.username == NULL || f.username[0] == '\0')
		f.e_username = "Isi nama pengguna.";
	else if (!store_username_ok(f.username))
		f.e_username = "Nama pengguna hanya boleh berisi huruf kecil, angka, titik, garis "
			       "bawah atau minus, diawali huruf, paling banyak 32 karakter.";
	else if (store_user_get(c->s, f.username, &old, &err) == 0)
		f.e_username = "Nama pengguna ini sudah dipakai. Pilih nama lain.";
	else if (err.kind != IKM_EDATA)
		goto fail;
	if (!name_ok(f.name))
		f.e_name = "Isi nama lengkap dalam satu baris, paling banyak 255 bait.";
	if ((rc = pick_check(c, f.role, f.unit, &p)) < 0)
		goto out;
	f.e_role = p.e_role;
	f.e_unit = p.e_unit;
	if (!password_check(&f, pw, again, f.username, msg) || f.e_username != NULL ||
	    f.e_name != NULL || rc == 0) {
		list_page(c, 422, &f);
		goto out;
	}
	snprintf(u.username, sizeof(u.username), "%s", f.username);
	snprintf(u.name, sizeof(u.name), "%s", f.name);
	u.role = (enum store_role)p.role;
	u.unit = p.unit.id;
	if (auth_hash_password(pw, &c->a->console.cost, u.pwhash, &err) < 0)
		goto fail;
	if (store_user_add(c->s, &u, NULL, &err) < 0) {
		if (err.kind != IKM_EDATA)
			goto fail;
		f.e_username = "Nama pengguna ini sudah dipakai. Pilih nama lain.";
		list_page(c, 422, &f);
		goto out;
	}
	{
		char object[64];

		snprintf(object, sizeof(object), "user %s", u.username);
		console_audit(c, "user.add", object, "role=%s unit=%s name=%s",
		              store_role_name(u.role), p.unit.id != 0 ? p.unit.slug : "-", u.name);
	}
	console_redirect(c, USERS_PATH "?ok=pengguna");
	goto out;
fail:
	console_store_fail(c, &err);
out:
	sodium_memzero(u.pwhash, sizeof(u.pwhash));
	wipe(pw);
	wipe(again);
}

/* ---- one user ------------------------------------------------------------------ */

static void user_page(struct console_ctx *c, int status, const struct store_user *u,
                      const struct form *f)
{
	struct tmpl_data *d = tmpl_data_new();
	struct tree t = {0};

	if (tree_load(c, &t) < 0) {
		tmpl_data_free(d);
		return;
	}
	user_fields(c, d, u);
	role_options(c, d, f->role != NULL ? f->role : store_role_name(u->role));
	unit_options(c, &t, d, f->unit != NULL ? f->unit : u->unit_slug);
	form_fields(d, f);
	console_page(c, status, "admin/users-edit.html", d, "Kelola pengguna");
	free(t.u);
}

/* 1 when the signed-in user may manage t now, 0 not, -1 answered (503). */
static int may_manage_now(struct console_ctx *c, const struct store_user *t)
{
	if (is_kota(c))
		return 1;
	if (c->user.role != STORE_ROLE_ADMIN_UNIT ||
	    (t->role != STORE_ROLE_OPERATOR && t->role != STORE_ROLE_PIMPINAN))
		return 0;
	return console_may_unit(c, t->unit);
}

/* Load user id for the signed-in user to manage: 1 fine; 0 answered (404,
 * or 403 audited); -1 answered (503). */
static int target_load(struct console_ctx *c, int64_t id, struct store_user *t)
{
	struct ikm_err err = {0};
	char why[96];
	int may;

	if (store_user_get_id(c->s, id, t, &err) < 0) {
		if (err.kind != IKM_EDATA) {
			console_store_fail(c, &err);
			return -1;
		}
		console_fail(c, 404, "Pengguna ini tidak ada.");
		return 0;
	}
	if ((may = may_manage_now(c, t)) == 0) {
		snprintf(why, sizeof(why), "user %s outside the user's reach", t->username);
		refuse(c, why);
	}
	return may;
}

/* The changes of one user: the path's last part, the flash key, the audit
 * action. */
enum change_kind { CH_ROLE, CH_PASSWORD, CH_DISABLE, CH_ENABLE, CH_UNLOCK, CH_COUNT };

static const struct {
	const char *path, *flash, *audit;
} changes[CH_COUNT] = {
    {"peran", "pengguna", "user.role"},          {"sandi", "sandi-pengguna", "user.password.reset"},
    {"nonaktif", "nonaktif", "user.disable"},    {"aktif", "aktif", "user.enable"},
    {"buka-kunci", "buka-kunci", "user.unlock"},
};

/* What a change does, decided before its transaction (role, password). */
struct change {
	enum change_kind kind;
	struct pick p;
	char hash[AUTH_HASH_MAX + 1];
};

/* Apply ch to user id inside a transaction that serialises user changes
 * and reads the user again into t (as it was before): 1 done (audit and
 * redirect follow); 0 or -1 answered. */
static int change_apply(struct console_ctx *c, int64_t id, struct change *ch, struct store_user *t)
{
	struct ikm_err err = {0};
	int64_t kota = 0;
	int rc = 0, last, may;

	if (store_begin(c->s, &err) < 0) {
		console_store_fail(c, &err);
		return -1;
	}
	if (store_user_lock_admins(c->s, &kota, &err) < 0 ||
	    store_user_get_id(c->s, id, t, &err) < 0) {
		store_rollback(c->s);
		if (err.kind == IKM_EDATA)
			console_fail(c, 404, "Pengguna ini tidak ada.");
		else
			console_store_fail(c, &err);
		return -1;
	}
	/* The user may have changed since it was checked: check again. */
	if ((may = may_manage_now(c, t)) <= 0) {
		store_rollback(c->s);
		if (may == 0)
			refuse(c, "the user changed meanwhile");
		return -1;
	}
	last = t->role == STORE_ROLE_ADMIN_KOTA && t->disabled == 0 && kota <= 1;
	if (last && ((ch->kind == CH_ROLE && ch->p.role != STORE_ROLE_ADMIN_KOTA) ||
	             ch->kind == CH_DISABLE)) {
		char object[64];

		store_rollback(c->s);
		snprintf(object, sizeof(object), "user %s", t->username);
		console_audit(c, "user.refused", object, "%s: the last active admin-kota",
		              changes[ch->kind].path);
		console_fail(c, 409,
		             "Pengguna ini adalah satu-satunya admin-kota yang aktif. Tambahkan "
		             "atau aktifkan admin-kota lain lebih dulu, agar konsol tetap dapat "
		             "dikelola.");
		return 0;
	}
	if (ch->kind == CH_ROLE)
		rc = store_user_set_role(c->s, t->id, (enum store_role)ch->p.role, ch->p.unit.id,
		                         &err);
	else if (ch->kind == CH_PASSWORD)
		rc = store_user_set_password(c->s, t->id, ch->hash, &err);
	else if (ch->kind == CH_DISABLE && t->disabled == 0)
		rc = store_user_set_disabled(c->s, t->id, c->now, &err);
	else if (ch->kind == CH_ENABLE && t->disabled != 0)
		rc = store_user_set_disabled(c->s, t->id, 0, &err);
	else if (ch->kind == CH_UNLOCK)
		rc = store_user_login_result(c->s, t->id, 1, 0, &err);
	if (rc < 0 || store_commit(c->s, &err) < 0) {
		store_rollback(c->s);
		console_store_fail(c, &err);
		return -1;
	}
	return 1;
}

/* Check the form of a role change or a new password: 1 fine (ch filled);
 * 0 answered (422 on the user's page, 403); -1 answered (503). */
static int change_check(struct console_ctx *c, const struct store_user *u, struct change *ch,
                        const char *pw, const char *again)
{
	struct form f = {0};
	struct ikm_err err = {0};
	char msg[MSG_MAX];
	int rc;

	if (ch->kind == CH_ROLE) {
		f.role = console_param(c, "peran");
		f.unit = console_param(c, "unit");
		if ((rc = pick_check(c, f.role, f.unit, &ch->p)) <= 0) {
			f.e_role = ch->p.e_role;
			f.e_unit = ch->p.e_unit;
			if (rc == 0)
				user_page(c, 422, u, &f);
			return 0;
		}
	} else if (ch->kind == CH_PASSWORD) {
		if (!password_check(&f, pw, again, u->username, msg)) {
			user_page(c, 422, u, &f);
			return 0;
		}
		if (auth_hash_password(pw, &c->a->console.cost, ch->hash, &err) < 0) {
			console_store_fail(c, &err);
			return -1;
		}
	}
	return 1;
}

/* POST /admin/pengguna/ID/ACTION. */
static void user_change(struct console_ctx *c, int64_t id, enum change_kind kind)
{
	struct change ch = {0};
	struct store_user t, before;
	const char *pw = console_param(c, "sandi"), *again = console_param(c, "ulang");
	char object[64], detail[160] = "", to[96];
	int self = id == c->user.id, changed = 1;

	ch.kind = kind;
	if (target_load(c, id, &before) <= 0)
		goto out;
	if (self && (kind == CH_PASSWORD || kind == CH_DISABLE)) {
		console_fail(c, 409,
		             kind == CH_PASSWORD
		                 ? "Kata sandi Anda sendiri diganti di halaman Ganti kata sandi."
		                 : "Anda tidak dapat menonaktifkan akun Anda sendiri.");
		goto out;
	}
	if (change_check(c, &before, &ch, pw, again) <= 0 || change_apply(c, id, &ch, &t) <= 0)
		goto out;
	if (kind == CH_ROLE) {
		changed = t.role != (enum store_role)ch.p.role || t.unit != ch.p.unit.id;
		snprintf(detail, sizeof(detail), "role %s -> %s; unit %s -> %s",
		         store_role_name(t.role), store_role_name(ch.p.role),
		         t.unit_slug[0] != '\0' ? t.unit_slug : "-",
		         ch.p.unit.id != 0 ? ch.p.unit.slug : "-");
	} else if (kind == CH_PASSWORD) {
		snprintf(detail, sizeof(detail),
		         "set by an admin; every session of the user ended");
	} else if (kind == CH_DISABLE) {
		changed = t.disabled == 0;
		snprintf(detail, sizeof(detail), "every session of the user ended");
	} else if (kind == CH_ENABLE) {
		changed = t.disabled != 0;
	} else {
		snprintf(detail, sizeof(detail), "%d failed sign-ins forgotten", t.failed);
	}
	snprintf(object, sizeof(object), "user %s", t.username);
	if (changed)
		console_audit(c, changes[kind].audit, object, "%s", detail);
	/* Someone who gave up admin-kota may no longer see the user's page. */
	if (self && kind == CH_ROLE && ch.p.role != STORE_ROLE_ADMIN_KOTA)
		snprintf(to, sizeof(to), "/admin?ok=%s", changes[kind].flash);
	else
		snprintf(to, sizeof(to), USERS_PATH "/%lld?ok=%s", (long long)id,
		         changes[kind].flash);
	console_redirect(c, to);
out:
	sodium_memzero(ch.hash, sizeof(ch.hash));
	wipe(pw);
	wipe(again);
}

void console_users(struct console_ctx *c, const char *rest)
{
	static const struct form blank = {0};
	const char *slash = rest[0] != '\0' ? strchr(rest + 1, '/') : NULL;
	int kind = CH_COUNT; /* none: the user's page */
	int64_t id = 0;
	struct store_user u;

	if (rest[0] == '\0') {
		if (c->post)
			add_user(c);
		else
			list_page(c, 200, &blank);
		return;
	}
	for (int k = 0; slash != NULL && k < CH_COUNT && kind == CH_COUNT; k++)
		if (strcmp(slash + 1, changes[k].path) == 0)
			kind = k;
	if (!id_parse(rest + 1, slash != NULL ? (size_t)(slash - rest - 1) : strlen(rest + 1),
	              &id) ||
	    (slash != NULL && kind == CH_COUNT))
		console_fail(c, 404, not_found);
	else if (kind != CH_COUNT && c->post)
		user_change(c, id, (enum change_kind)kind);
	else if (kind != CH_COUNT || c->post) /* a change by GET, a POST to the page */
		console_fail(c, 405,
		             "Perubahan pengguna dikirim dengan tombol di halamannya (POST).");
	else if (target_load(c, id, &u) > 0)
		user_page(c, 200, &u, &blank);
}

/* ---- the audit log ------------------------------------------------------------- */

/* Append "&name=value" (the first: '?') percent-encoded to b; nothing for
 * an empty value. */
static void query_add(struct bytebuf *b, const char *name, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	bytebuf_printf(b, "%c%s=", strchr(b->p != NULL ? b->p : "", '?') != NULL ? '&' : '?', name);
	for (const unsigned char *p = (const unsigned char *)value; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("._~-", *p) != NULL)
			bytebuf_add(b, p, 1);
		else
			bytebuf_printf(b, "%%%02X", *p);
	}
}

/* 1 when s is an action filter: 1..STORE_AUDIT_ACTION_MAX of [a-z0-9._-]. */
static int action_ok(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= STORE_AUDIT_ACTION_MAX &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

void console_audit_page(struct console_ctx *c, const char *rest)
{
	struct tmpl_data *d;
	struct store_audit *list = NULL;
	struct ikm_err err = {0};
	const char *user = formdata_get(&c->query, "pengguna"),
		   *action = formdata_get(&c->query, "aksi"),
		   *before_s = formdata_get(&c->query, "sebelum");
	const char *e_user = NULL, *e_action = NULL, *e_before = NULL;
	int64_t before = 0;
	int n = 0;

	if (rest[0] != '\0' || c->post) {
		console_fail(c, rest[0] != '\0' ? 404 : 405,
		             rest[0] != '\0' ? not_found : "Log audit hanya dapat dibaca.");
		return;
	}
	user = user != NULL ? user : "";
	action = action != NULL ? action : "";
	if (strlen(user) > STORE_USERNAME_MAX)
		e_user = "Nama pengguna paling banyak 32 karakter.";
	if (action[0] != '\0' && !action_ok(action))
		e_action = "Aksi berisi huruf kecil, angka, titik, garis bawah atau minus, paling "
			   "banyak 48 karakter (misalnya user atau login.fail).";
	if (before_s != NULL && before_s[0] != '\0' &&
	    !id_parse(before_s, strlen(before_s), &before))
		e_before = "Halaman tidak sah. Mulai lagi dari entri terbaru.";
	d = tmpl_data_new();
	tmpl_set(d, "f_user", user);
	tmpl_set(d, "f_action", action);
	tmpl_set(d, "e_user", e_user);
	tmpl_set(d, "e_action", e_action);
	tmpl_set(d, "e_before", e_before);
	tmpl_set(d, "zone", c->org.zone);
	if (e_user != NULL || e_action != NULL || e_before != NULL) {
		tmpl_set_bool(d, "has_errors", 1);
		console_page(c, 422, "admin/audit.html", d, "Log audit");
		return;
	}
	if (store_audit_search(c->s, user, action, before, AUDIT_PAGE + 1, &list, &n, &err) < 0) {
		tmpl_data_free(d);
		console_store_fail(c, &err);
		return;
	}
	for (int i = 0; i < n && i < AUDIT_PAGE; i++) {
		struct tmpl_data *e = tmpl_add(d, "entries");
		char when[48];

		time_text(when, sizeof(when), list[i].at, c->org.zone);
		tmpl_set(e, "at", when);
		tmpl_set(e, "who", list[i].username[0] != '\0' ? list[i].username : "-");
		tmpl_set(e, "remote", list[i].remote);
		tmpl_set(e, "action", list[i].action);
		tmpl_set(e, "object", list[i].object);
		tmpl_set(e, "detail", list[i].detail);
	}
	tmpl_set_bool(d, "has_entries", n > 0);
	tmpl_set_bool(d, "filtered", user[0] != '\0' || action[0] != '\0');
	if (before != 0 || n > AUDIT_PAGE) {
		struct bytebuf b = {0};

		bytebuf_puts(&b, "/admin/audit");
		query_add(&b, "pengguna", user);
		query_add(&b, "aksi", action);
		tmpl_set(d, "newest", b.p);
		if (n > AUDIT_PAGE) {
			char id[24];

			snprintf(id, sizeof(id), "%lld", (long long)list[AUDIT_PAGE - 1].id);
			query_add(&b, "sebelum", id);
			tmpl_set(d, "older", b.p);
		}
		tmpl_set_bool(d, "paged", before != 0);
		bytebuf_free(&b);
	}
	free(list);
	console_page(c, 200, "admin/audit.html", d, "Log audit");
}
