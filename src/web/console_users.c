/* console_users: the users of the office console (/admin/pengguna) and its
 * audit log (/admin/audit, admin-kota only).
 *
 * admin-kota manages every user; admin-unit manages only the operators and
 * pimpinan of its unit and the units under it, and gives only those roles
 * and those units (never a pimpinan of everything). A user's page is
 * /admin/pengguna/ID; its changes are POSTs to /admin/pengguna/ID/peran
 * (role and unit), /sandi (a new password; the user's sessions end),
 * /nonaktif and /aktif (disable, which ends the sessions, and enable) and
 * /buka-kunci (forget failed sign-ins). The changes run in one transaction
 * that serialises them (store_user_lock_admins) and reads the user again,
 * so the last active admin-kota is never disabled or demoted, not even by
 * two admins at once. Nobody resets their own password here (that is
 * /admin/sandi, which asks for the old one) or disables themselves. Every
 * change and every refusal is audited; a password or its hash never is.
 *
 * The audit log lists the newest entries first, AUDIT_PAGE at a time
 * (?sebelum=ID continues), filtered by user (?pengguna=) and action
 * (?aksi=, an action or its family), with times in the organisation's
 * zone. */
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
	int wit = strcmp(zone, "WIT") == 0, wita = strcmp(zone, "WITA") == 0;
	time_t at = (time_t)t + (wit ? 9 : wita ? 8 : 7) * 3600;
	struct tm tm;

	if (gmtime_r(&at, &tm) == NULL) {
		snprintf(buf, size, "-");
		return;
	}
	snprintf(buf, size, "%02d-%02d-%04d %02d:%02d:%02d %s", tm.tm_mday, tm.tm_mon + 1,
	         tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec,
	         wit    ? "WIT"
	         : wita ? "WITA"
	                : "WIB");
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

static const char *role_label(int r)
{
	static const char *const labels[STORE_NROLES] = {
	    "admin-kota (seluruh organisasi, pengguna, log audit)",
	    "admin-unit (unitnya dan unit di bawahnya)",
	    "operator (entri kuesioner kertas dan impor)",
	    "pimpinan (melihat hasil)",
	};

	return r >= 0 && r < STORE_NROLES ? labels[r] : "?";
}

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

/* 1 when unit is ancestor or under it in t (bounded by t's size). */
static int tree_within(const struct tree *t, int64_t unit, int64_t ancestor)
{
	for (int depth = 0; unit != 0 && depth <= t->n; depth++) {
		int64_t parent = -1;

		if (unit == ancestor)
			return 1;
		for (int i = 0; i < t->n && parent < 0; i++)
			if (t->u[i].id == unit)
				parent = t->u[i].parent;
		if (parent < 0)
			return 0;
		unit = parent;
	}
	return 0;
}

/* Units above unit (0: none), at most 8 for a label's indent. */
static int tree_depth(const struct tree *t, int64_t unit)
{
	int depth = 0;

	while (unit != 0 && depth < 8) { /* "— " 8 times in unit_options */
		int64_t parent = -1;

		for (int i = 0; i < t->n && parent < 0; i++)
			if (t->u[i].id == unit)
				parent = t->u[i].parent;
		if (parent < 0)
			break;
		depth++;
		unit = parent;
	}
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
		tmpl_set(o, "label", role_label(r));
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

struct add_form {
	const char *username, *name, *role, *unit; /* as typed (NULL: the defaults) */
	const char *e_username, *e_name, *e_role, *e_unit, *e_password, *e_again;
};

static void list_page(struct console_ctx *c, int status, const struct add_form *f)
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
		char when[48], id[24];

		if (!may_see(c, &t, &list[i]))
			continue;
		shown++;
		u = tmpl_add(d, "users");
		snprintf(id, sizeof(id), "%lld", (long long)list[i].id);
		tmpl_set(u, "id", id);
		tmpl_set(u, "username", list[i].username);
		tmpl_set(u, "name", list[i].name);
		tmpl_set(u, "role", store_role_name(list[i].role));
		tmpl_set(u, "unit", list[i].unit_slug[0] != '\0' ? list[i].unit_slug : "-");
		tmpl_set_bool(u, "disabled", list[i].disabled != 0);
		tmpl_set_bool(u, "self", list[i].id == c->user.id);
		if (list[i].disabled != 0) {
			time_text(when, sizeof(when), list[i].disabled, c->org.zone);
			tmpl_set(u, "disabled_at", when);
		}
		if (list[i].locked_until > c->now) {
			time_text(when, sizeof(when), list[i].locked_until, c->org.zone);
			tmpl_set(u, "locked", when);
		} else {
			tmpl_set(u, "locked", "-");
		}
		tmpl_set_bool(u, "manage", may_manage(c, &t, &list[i]));
	}
	tmpl_set_bool(d, "has_users", shown > 0);
	/* The form, with what was typed (never the passwords). */
	tmpl_set(d, "f_username", f->username);
	tmpl_set(d, "f_name", f->name);
	role_options(c, d, f->role != NULL ? f->role : "operator");
	unit_options(c, &t, d, f->unit != NULL ? f->unit : c->user.unit_slug);
	tmpl_set(d, "e_username", f->e_username);
	tmpl_set(d, "e_name", f->e_name);
	tmpl_set(d, "e_role", f->e_role);
	tmpl_set(d, "e_unit", f->e_unit);
	tmpl_set(d, "e_password", f->e_password);
	tmpl_set(d, "e_again", f->e_again);
	tmpl_set_bool(d, "has_errors",
	              f->e_username != NULL || f->e_name != NULL || f->e_role != NULL ||
	                  f->e_unit != NULL || f->e_password != NULL || f->e_again != NULL);
	console_page(c, status, "admin/users-list.html", d, "Pengguna");
	d = NULL;
out:
	tmpl_data_free(d);
	free(list);
	free(t.u);
}

#define MSG_MAX 200 /* bytes of a field's message */

/* Check a new password and its repetition for username: NULL fine, else
 * the message for the field in msg (the Indonesian half of auth's), with
 * *again_field set when it is about the repetition. */
static const char *password_problem(const char *pw, const char *again, const char *username,
                                    int *again_field, char msg[MSG_MAX])
{
	const char *problem = auth_password_problem(pw, username), *half;

	*again_field = 0;
	if (problem == NULL && (again == NULL || strcmp(pw, again) != 0)) {
		*again_field = 1;
		return "Kata sandi dan ulangannya berbeda.";
	}
	if (problem == NULL)
		return NULL;
	half = strstr(problem, " / ");
	snprintf(msg, MSG_MAX, "%.*s.", half != NULL ? (int)(half - problem) : (int)strlen(problem),
	         problem);
	if (msg[0] >= 'a' && msg[0] <= 'z')
		msg[0] = (char)(msg[0] - 'a' + 'A');
	return msg;
}

/* POST /admin/pengguna: add a user. */
static void add_user(struct console_ctx *c)
{
	struct add_form f = {0};
	struct store_user u = {0}, old;
	struct ikm_err err = {0};
	struct pick p;
	const char *pw = console_param(c, "sandi"), *again = console_param(c, "ulang");
	char msg[MSG_MAX];
	int rc, again_field;

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
	{
		const char *problem = password_problem(pw, again, f.username, &again_field, msg);

		if (again_field)
			f.e_again = problem;
		else
			f.e_password = problem;
	}
	if (f.e_username != NULL || f.e_name != NULL || rc == 0 || f.e_password != NULL ||
	    f.e_again != NULL) {
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

struct edit_form {
	const char *role, *unit; /* as typed (NULL: the user's) */
	const char *e_role, *e_unit, *e_password, *e_again;
};

static void user_page(struct console_ctx *c, int status, const struct store_user *u,
                      const struct edit_form *f)
{
	struct tmpl_data *d = tmpl_data_new();
	struct tree t = {0};
	char when[48], id[24];

	if (tree_load(c, &t) < 0) {
		tmpl_data_free(d);
		return;
	}
	snprintf(id, sizeof(id), "%lld", (long long)u->id);
	tmpl_set(d, "id", id);
	tmpl_set(d, "username", u->username);
	tmpl_set(d, "name", u->name);
	tmpl_set(d, "role", store_role_name(u->role));
	tmpl_set(d, "unit", u->unit_slug[0] != '\0' ? u->unit_slug : "-");
	time_text(when, sizeof(when), u->created, c->org.zone);
	tmpl_set(d, "created", when);
	tmpl_set_bool(d, "self", u->id == c->user.id);
	tmpl_set_bool(d, "disabled", u->disabled != 0);
	if (u->disabled != 0) {
		time_text(when, sizeof(when), u->disabled, c->org.zone);
		tmpl_set(d, "disabled_at", when);
	}
	if (u->locked_until > c->now) {
		time_text(when, sizeof(when), u->locked_until, c->org.zone);
		tmpl_set(d, "locked", when);
	}
	snprintf(when, sizeof(when), "%d", u->failed);
	tmpl_set(d, "failed", when);
	tmpl_set_bool(d, "unlockable", u->failed > 0 || u->locked_until > c->now);
	role_options(c, d, f->role != NULL ? f->role : store_role_name(u->role));
	unit_options(c, &t, d, f->unit != NULL ? f->unit : u->unit_slug);
	tmpl_set(d, "e_role", f->e_role);
	tmpl_set(d, "e_unit", f->e_unit);
	tmpl_set(d, "e_password", f->e_password);
	tmpl_set(d, "e_again", f->e_again);
	tmpl_set_bool(d, "role_errors", f->e_role != NULL || f->e_unit != NULL);
	tmpl_set_bool(d, "password_errors", f->e_password != NULL || f->e_again != NULL);
	console_page(c, status, "admin/users-edit.html", d, "Kelola pengguna");
	free(t.u);
}

/* Load user id for the signed-in user to manage: 1 fine; 0 answered (404,
 * or 403 audited); -1 answered (503). */
static int target_load(struct console_ctx *c, int64_t id, struct store_user *t)
{
	struct ikm_err err = {0};
	int may = 0;

	if (store_user_get_id(c->s, id, t, &err) < 0) {
		if (err.kind != IKM_EDATA) {
			console_store_fail(c, &err);
			return -1;
		}
		console_fail(c, 404, "Pengguna ini tidak ada.");
		return 0;
	}
	if (is_kota(c))
		return 1;
	if (c->user.role == STORE_ROLE_ADMIN_UNIT &&
	    (t->role == STORE_ROLE_OPERATOR || t->role == STORE_ROLE_PIMPINAN) &&
	    (may = console_may_unit(c, t->unit)) < 0)
		return -1;
	if (may == 0) {
		char why[96];

		snprintf(why, sizeof(why), "user %s outside the user's reach", t->username);
		refuse(c, why);
	}
	return may;
}

/* What a change does, decided before its transaction (role, password). */
struct change {
	const char *action; /* "peran", "sandi", "nonaktif", "aktif", "buka-kunci" */
	struct pick p;
	char hash[AUTH_HASH_MAX + 1];
};

/* Apply ch to user id inside a transaction that serialises user changes
 * and reads the user again: 1 done (audit and redirect follow); 0 or -1
 * answered. */
static int change_apply(struct console_ctx *c, int64_t id, struct change *ch, struct store_user *t)
{
	struct ikm_err err = {0};
	int64_t kota = 0;
	int rc = 0, last = 0, may;

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
	if (is_kota(c))
		may = 1;
	else if (t->role == STORE_ROLE_OPERATOR || t->role == STORE_ROLE_PIMPINAN)
		may = console_may_unit(c, t->unit);
	else
		may = 0;
	if (may <= 0) {
		store_rollback(c->s);
		if (may == 0)
			refuse(c, "the user changed meanwhile");
		return -1;
	}
	last = t->role == STORE_ROLE_ADMIN_KOTA && t->disabled == 0 && kota <= 1;
	if (strcmp(ch->action, "peran") == 0) {
		if (last && ch->p.role != STORE_ROLE_ADMIN_KOTA)
			goto last_kota;
		rc = store_user_set_role(c->s, t->id, (enum store_role)ch->p.role, ch->p.unit.id,
		                         &err);
	} else if (strcmp(ch->action, "sandi") == 0) {
		rc = store_user_set_password(c->s, t->id, ch->hash, &err);
	} else if (strcmp(ch->action, "nonaktif") == 0) {
		if (last)
			goto last_kota;
		if (t->disabled == 0)
			rc = store_user_set_disabled(c->s, t->id, c->now, &err);
	} else if (strcmp(ch->action, "aktif") == 0) {
		if (t->disabled != 0)
			rc = store_user_set_disabled(c->s, t->id, 0, &err);
	} else {
		rc = store_user_login_result(c->s, t->id, 1, 0, &err);
	}
	if (rc < 0 || store_commit(c->s, &err) < 0) {
		store_rollback(c->s);
		console_store_fail(c, &err);
		return -1;
	}
	return 1;
last_kota:
	store_rollback(c->s);
	{
		char object[64];

		snprintf(object, sizeof(object), "user %s", t->username);
		console_audit(c, "user.refused", object, "%s: the last active admin-kota",
		              ch->action);
	}
	console_fail(c, 409,
	             "Pengguna ini adalah satu-satunya admin-kota yang aktif. Tambahkan atau "
	             "aktifkan admin-kota lain lebih dulu, agar konsol tetap dapat dikelola.");
	return 0;
}

/* POST /admin/pengguna/ID/ACTION. */
static void user_change(struct console_ctx *c, int64_t id, const char *action)
{
	struct change ch = {0};
	struct store_user t, before;
	struct edit_form f = {0};
	const char *pw = console_param(c, "sandi"), *again = console_param(c, "ulang");
	char object[64], to[96];
	const char *key;
	int self = id == c->user.id;

	ch.action = action;
	if (target_load(c, id, &before) <= 0)
		goto out;
	if (self && (strcmp(action, "sandi") == 0 || strcmp(action, "nonaktif") == 0)) {
		console_fail(c, 409,
		             strcmp(action, "sandi") == 0
		                 ? "Kata sandi Anda sendiri diganti di halaman Ganti kata sandi."
		                 : "Anda tidak dapat menonaktifkan akun Anda sendiri.");
		goto out;
	}
	if (strcmp(action, "peran") == 0) {
		int rc;

		f.role = console_param(c, "peran");
		f.unit = console_param(c, "unit");
		if ((rc = pick_check(c, f.role, f.unit, &ch.p)) < 0)
			goto out;
		if (rc == 0) {
			f.e_role = ch.p.e_role;
			f.e_unit = ch.p.e_unit;
			user_page(c, 422, &before, &f);
			goto out;
		}
	} else if (strcmp(action, "sandi") == 0) {
		char msg[MSG_MAX];
		int again_field;
		const char *problem =
		    password_problem(pw, again, before.username, &again_field, msg);
		struct ikm_err err = {0};

		if (problem != NULL) {
			if (again_field)
				f.e_again = problem;
			else
				f.e_password = problem;
			user_page(c, 422, &before, &f);
			goto out;
		}
		if (auth_hash_password(pw, &c->a->console.cost, ch.hash, &err) < 0) {
			console_store_fail(c, &err);
			goto out;
		}
	}
	if (change_apply(c, id, &ch, &t) <= 0)
		goto out;
	snprintf(object, sizeof(object), "user %s", t.username);
	if (strcmp(action, "peran") == 0) {
		key = "pengguna";
		if (t.role != (enum store_role)ch.p.role || t.unit != ch.p.unit.id)
			console_audit(c, "user.role", object, "role %s -> %s; unit %s -> %s",
			              store_role_name(t.role), store_role_name(ch.p.role),
			              t.unit_slug[0] != '\0' ? t.unit_slug : "-",
			              ch.p.unit.id != 0 ? ch.p.unit.slug : "-");
		/* Someone who gave up admin-kota may no longer see this page. */
		if (self && ch.p.role != STORE_ROLE_ADMIN_KOTA && t.role == STORE_ROLE_ADMIN_KOTA) {
			console_redirect(c, "/admin?ok=pengguna");
			goto out;
		}
	} else if (strcmp(action, "sandi") == 0) {
		key = "sandi-pengguna";
		console_audit(c, "user.password.reset", object,
		              "a new password set by an admin; every session of the user ended");
	} else if (strcmp(action, "nonaktif") == 0) {
		key = "nonaktif";
		if (t.disabled == 0)
			console_audit(c, "user.disable", object, "every session of the user ended");
	} else if (strcmp(action, "aktif") == 0) {
		key = "aktif";
		if (t.disabled != 0)
			console_audit(c, "user.enable", object, "%s", "");
	} else {
		key = "buka-kunci";
		console_audit(c, "user.unlock", object, "%d failed sign-ins forgotten", t.failed);
	}
	snprintf(to, sizeof(to), USERS_PATH "/%lld?ok=%s", (long long)id, key);
	console_redirect(c, to);
out:
	sodium_memzero(ch.hash, sizeof(ch.hash));
	wipe(pw);
	wipe(again);
}

void console_users(struct console_ctx *c, const char *rest)
{
	static const char *const actions[] = {"peran", "sandi", "nonaktif", "aktif", "buka-kunci"};
	const char *slash, *action = NULL;
	int64_t id = 0;

	if (rest[0] == '\0') {
		struct add_form f = {0};

		if (c->post)
			add_user(c);
		else
			list_page(c, 200, &f);
		return;
	}
	slash = strchr(rest + 1, '/');
	if (!id_parse(rest + 1, slash != NULL ? (size_t)(slash - rest - 1) : strlen(rest + 1),
	              &id)) {
		console_fail(c, 404, not_found);
		return;
	}
	if (slash != NULL) {
		for (size_t i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
			if (strcmp(slash + 1, actions[i]) == 0)
				action = actions[i];
		if (action == NULL) {
			console_fail(c, 404, not_found);
			return;
		}
	}
	if (action == NULL && !c->post) {
		struct store_user u;
		struct edit_form f = {0};

		if (target_load(c, id, &u) > 0)
			user_page(c, 200, &u, &f);
		return;
	}
	if (action == NULL || !c->post) {
		console_fail(c, 405,
		             "Perubahan pengguna dikirim dengan tombol di halamannya (POST).");
		return;
	}
	user_change(c, id, action);
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

	if (rest[0] != '\0') {
		console_fail(c, 404, not_found);
		return;
	}
	if (c->post) {
		console_fail(c, 405, "Log audit hanya dapat dibaca.");
		return;
	}
	if (user == NULL)
		user = "";
	if (action == NULL)
		action = "";
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
