/* console_setup: the setup pages of the office console under /admin/atur
 * (see console_setup_int.h) — the overview, the unit tree and the
 * services of a unit here; periods, populations, instrument versions and
 * the office profile in the console_setup_*.c files. admin-kota sets up
 * everything; admin-unit its own unit and the units under it (it reads
 * the periods and cannot reach the office profile). */
#include "console_setup_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "idfmt.h"
#include "setupcheck.h"
#include "xalloc.h"

#define PREFIX "/admin/atur"

/* ---- shared ------------------------------------------------------------------ */

int console_setup_tree(struct console_ctx *c, struct setup_tree *t)
{
	struct ikm_err err = {0};

	memset(t, 0, sizeof(*t));
	if (store_unit_list(c->s, &t->u, &t->n, &err) < 0) {
		console_store_fail(c, &err);
		return -1;
	}
	t->depth = xcalloc((size_t)(t->n > 0 ? t->n : 1), sizeof(*t->depth));
	t->mine = xcalloc((size_t)(t->n > 0 ? t->n : 1), sizeof(*t->mine));
	for (int i = 0; i < t->n; i++) {
		/* Parents come first: their depth and reach are known. */
		int p = -1;

		for (int j = 0; j < i && p < 0; j++)
			if (t->u[j].id == t->u[i].parent)
				p = j;
		t->depth[i] = p >= 0 ? t->depth[p] + 1 : 0;
		t->mine[i] = c->user.role == STORE_ROLE_ADMIN_KOTA || t->u[i].id == c->user.unit ||
		             (p >= 0 && t->mine[p]);
	}
	return 0;
}

void console_setup_tree_free(struct setup_tree *t)
{
	free(t->u);
	free(t->depth);
	free(t->mine);
	memset(t, 0, sizeof(*t));
}

/* name behind an indent of depth dashes, into buf. */
static const char *indented(char *buf, size_t size, int depth, const char *name)
{
	size_t o = 0;

	buf[0] = '\0';
	for (int i = 0; i < depth && i < 8 && o + 4 < size; i++)
		o += (size_t)snprintf(buf + o, size - o, "— ");
	snprintf(buf + o, size - o, "%s", name);
	return buf;
}

void console_setup_unit_options(struct tmpl_data *d, const struct setup_tree *t,
                                const char *selected)
{
	char name[STORE_NAME_MAX + 32];

	for (int i = 0; i < t->n; i++) {
		struct tmpl_data *o;

		if (!t->mine[i])
			continue;
		o = tmpl_add(d, "units");
		tmpl_set(o, "slug", t->u[i].slug);
		tmpl_set(o, "label", indented(name, sizeof(name), t->depth[i], t->u[i].name));
		tmpl_set_bool(o, "selected",
		              selected != NULL && strcmp(selected, t->u[i].slug) == 0);
	}
}

int console_setup_unit(struct console_ctx *c, const char *name, struct store_unit *u)
{
	const char *slug = console_param(c, name);
	struct ikm_err err = {0};
	int may;

	if (slug == NULL || slug[0] == '\0')
		return 0;
	if (store_unit_get(c->s, slug, u, &err) < 0) {
		if (err.kind != IKM_EDATA)
			console_store_fail(c, &err);
		else
			console_fail(c, 404, "Unit yang disebut tidak ada.");
		return -1;
	}
	may = console_may_unit(c, u->id);
	if (may == 0) {
		console_audit(c, "access.refused", c->req->path, "unit %s outside the user's reach",
		              u->slug);
		console_fail(c, 403, "Unit ini berada di luar wewenang Anda.");
	}
	return may == 1 ? 1 : -1;
}

int console_setup_kota(struct console_ctx *c)
{
	if (c->user.role == STORE_ROLE_ADMIN_KOTA)
		return 1;
	console_audit(c, "access.refused", c->req->path, "role %s may not change this",
	              store_role_name(c->user.role));
	console_fail(c, 403, "Hanya admin kota yang dapat mengubah ini.");
	return 0;
}

void console_setup_msg(char *dst, size_t size, const char *msg)
{
	size_t n = strlen(msg);

	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)msg[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, msg, n);
	dst[n] = '\0';
}

char *console_setup_object(char buf[STORE_AUDIT_OBJECT_MAX + 1], const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, STORE_AUDIT_OBJECT_MAX + 1, fmt, ap);
	va_end(ap);
	return buf;
}

char *console_setup_day(char *buf, size_t size, int32_t day)
{
	return idfmt_date(buf, size, day / 10000, day / 100 % 100, day % 100);
}

/* ---- overview ----------------------------------------------------------------- */

static void overview(struct console_ctx *c)
{
	struct tmpl_data *d = tmpl_data_new();

	tmpl_set_bool(d, "kota", c->user.role == STORE_ROLE_ADMIN_KOTA);
	console_page(c, 200, "admin/setup-home.html", d, "Pengaturan");
}

/* ---- units ---------------------------------------------------------------------- */

/* What a units page shows besides the tree: typed values and messages. */
struct unit_form {
	const char *slug, *name, *parent; /* the add form, as typed */
	char slug_error[SETUP_ERR_MAX], name_error[SETUP_ERR_MAX], parent_error[SETUP_ERR_MAX];
	const char *row, *row_name; /* the rename form with an error: unit slug, typed name */
	char row_error[SETUP_ERR_MAX];
};

static void units_page(struct console_ctx *c, int status, const struct unit_form *f)
{
	struct tmpl_data *d;
	struct setup_tree t;
	char name[STORE_NAME_MAX + 32];
	int kota = c->user.role == STORE_ROLE_ADMIN_KOTA;

	if (console_setup_tree(c, &t) < 0) {
		console_setup_tree_free(&t);
		return;
	}
	d = tmpl_data_new();
	for (int i = 0; i < t.n; i++) {
		struct tmpl_data *r;
		int err_row = f != NULL && f->row != NULL && strcmp(f->row, t.u[i].slug) == 0;
		char depth[16];

		if (!t.mine[i])
			continue;
		r = tmpl_add(d, "rows");
		snprintf(depth, sizeof(depth), "%d", t.depth[i] < 6 ? t.depth[i] : 6);
		tmpl_set(r, "depth", depth);
		tmpl_set(r, "slug", t.u[i].slug);
		tmpl_set(r, "name", t.u[i].name);
		tmpl_set(r, "parent", t.u[i].parent_slug);
		tmpl_set(r, "value", err_row ? f->row_name : t.u[i].name);
		if (err_row)
			tmpl_set(r, "error", f->row_error);
	}
	if (kota)
		tmpl_set_bool(d, "top", 1);
	for (int i = 0; i < t.n; i++) {
		struct tmpl_data *o;

		if (!t.mine[i])
			continue;
		o = tmpl_add(d, "parents");
		tmpl_set(o, "slug", t.u[i].slug);
		tmpl_set(o, "label", indented(name, sizeof(name), t.depth[i], t.u[i].name));
		tmpl_set_bool(o, "selected",
		              f != NULL && f->parent != NULL &&
		                  strcmp(f->parent, t.u[i].slug) == 0);
	}
	tmpl_set_bool(d, "kota", kota);
	if (f != NULL) {
		tmpl_set(d, "slug", f->slug);
		tmpl_set(d, "name", f->name);
		if (f->slug_error[0] != '\0')
			tmpl_set(d, "slug_error", f->slug_error);
		if (f->name_error[0] != '\0')
			tmpl_set(d, "name_error", f->name_error);
		if (f->parent_error[0] != '\0')
			tmpl_set(d, "parent_error", f->parent_error);
	}
	console_setup_tree_free(&t);
	console_page(c, status, "admin/setup-units.html", d, "Unit layanan");
}

static void units_get(struct console_ctx *c)
{
	units_page(c, 200, NULL);
}

static void unit_add(struct console_ctx *c)
{
	struct unit_form f = {0};
	struct store_unit parent = {0}, u;
	struct ikm_err err = {0};
	char slug[STORE_SLUG_MAX + 1], name[STORE_NAME_MAX + 1], obj[STORE_AUDIT_OBJECT_MAX + 1];
	int bad = 0;

	f.slug = console_param(c, "slug");
	f.name = console_param(c, "nama");
	f.parent = console_param(c, "induk");
	/* Where it goes first: within the user's reach, or refused. */
	if (f.parent == NULL || f.parent[0] == '\0') {
		if (c->user.role != STORE_ROLE_ADMIN_KOTA) {
			console_audit(c, "access.refused", c->req->path, "a top-level unit by %s",
			              store_role_name(c->user.role));
			console_fail(
			    c, 403,
			    "Admin unit hanya dapat menambah unit di bawah unitnya sendiri.");
			return;
		}
	} else {
		int r = console_setup_unit(c, "induk", &parent);

		if (r < 0)
			return;
	}
	if (setupcheck_slug(f.slug, slug, &err) < 0) {
		console_setup_msg(f.slug_error, sizeof(f.slug_error), err.msg);
		bad = 1;
	}
	if (setupcheck_text(f.name, SETUPCHECK_LINE, 1, STORE_NAME_MAX, name, sizeof(name), &err) <
	    0) {
		console_setup_msg(f.name_error, sizeof(f.name_error), err.msg);
		bad = 1;
	}
	if (!bad &&
	    store_unit_add(c->s, slug, name, parent.id != 0 ? parent.slug : NULL, &u, &err) < 0) {
		if (err.kind != IKM_EDATA) {
			console_store_fail(c, &err);
			return;
		}
		snprintf(f.slug_error, sizeof(f.slug_error),
		         "Slug \"%s\" sudah dipakai unit lain; pilih slug lain.", slug);
		bad = 1;
	}
	if (bad) {
		units_page(c, 422, &f);
		return;
	}
	console_audit(c, "unit.add", console_setup_object(obj, "unit %s", u.slug),
	              "\"%s\" under %s", u.name, parent.id != 0 ? parent.slug : "the top level");
	console_redirect(c, PREFIX "/unit?ok=tambah");
}

static void unit_rename(struct console_ctx *c)
{
	struct unit_form f = {0};
	struct store_unit u;
	struct ikm_err err = {0};
	char name[STORE_NAME_MAX + 1], obj[STORE_AUDIT_OBJECT_MAX + 1];
	int r = console_setup_unit(c, "unit", &u);

	if (r == 0)
		console_fail(c, 400, "Unit yang diganti namanya tidak disebut.");
	if (r != 1)
		return;
	f.row = u.slug;
	f.row_name = console_param(c, "nama");
	if (setupcheck_text(f.row_name, SETUPCHECK_LINE, 1, STORE_NAME_MAX, name, sizeof(name),
	                    &err) < 0) {
		console_setup_msg(f.row_error, sizeof(f.row_error), err.msg);
		units_page(c, 422, &f);
		return;
	}
	if (strcmp(name, u.name) != 0) {
		if (store_unit_rename(c->s, u.slug, name, &err) < 0) {
			console_store_fail(c, &err);
			return;
		}
		console_audit(c, "unit.rename", console_setup_object(obj, "unit %s", u.slug),
		              "\"%s\" -> \"%s\"", u.name, name);
	}
	console_redirect(c, PREFIX "/unit?ok=simpan");
}

/* ---- services -------------------------------------------------------------------- */

struct service_form {
	const char *slug, *name;
	char slug_error[SETUP_ERR_MAX], name_error[SETUP_ERR_MAX];
	const char *row, *row_name;
	char row_error[SETUP_ERR_MAX];
};

/* The services of u (NULL: the unit picker). */
static void services_page(struct console_ctx *c, int status, const struct store_unit *u,
                          const struct service_form *f)
{
	struct tmpl_data *d;
	struct setup_tree t;
	struct store_service *list = NULL;
	struct ikm_err err = {0};
	int n = 0;

	if (console_setup_tree(c, &t) < 0) {
		console_setup_tree_free(&t);
		return;
	}
	if (u != NULL && store_service_list(c->s, u->slug, &list, &n, &err) < 0) {
		console_setup_tree_free(&t);
		console_store_fail(c, &err);
		return;
	}
	d = tmpl_data_new();
	console_setup_unit_options(d, &t, u != NULL ? u->slug : NULL);
	console_setup_tree_free(&t);
	if (u != NULL) {
		tmpl_set(d, "unit", u->slug);
		tmpl_set(d, "unit_name", u->name);
		tmpl_set_bool(d, "chosen", 1);
	}
	for (int i = 0; i < n; i++) {
		struct tmpl_data *r = tmpl_add(d, "rows");
		int err_row = f != NULL && f->row != NULL && strcmp(f->row, list[i].slug) == 0;

		tmpl_set(r, "slug", list[i].slug);
		tmpl_set(r, "name", list[i].name);
		tmpl_set(r, "value", err_row ? f->row_name : list[i].name);
		if (err_row)
			tmpl_set(r, "error", f->row_error);
	}
	free(list);
	if (f != NULL) {
		tmpl_set(d, "slug", f->slug);
		tmpl_set(d, "name", f->name);
		if (f->slug_error[0] != '\0')
			tmpl_set(d, "slug_error", f->slug_error);
		if (f->name_error[0] != '\0')
			tmpl_set(d, "name_error", f->name_error);
	}
	console_page(c, status, "admin/setup-services.html", d, "Layanan");
}

static void services_get(struct console_ctx *c)
{
	struct store_unit u;
	int r = console_setup_unit(c, "unit", &u);

	if (r >= 0)
		services_page(c, 200, r == 1 ? &u : NULL, NULL);
}

/* The unit of a services POST: 1, or answered. */
static int service_unit(struct console_ctx *c, struct store_unit *u)
{
	int r = console_setup_unit(c, "unit", u);

	if (r == 0)
		console_fail(c, 400, "Unit layanan tidak disebut.");
	return r == 1;
}

static void service_add(struct console_ctx *c)
{
	struct service_form f = {0};
	struct store_unit u;
	struct store_service v;
	struct ikm_err err = {0};
	char slug[STORE_SLUG_MAX + 1], name[STORE_NAME_MAX + 1], to[128];
	char obj[STORE_AUDIT_OBJECT_MAX + 1];
	int bad = 0;

	if (!service_unit(c, &u))
		return;
	f.slug = console_param(c, "slug");
	f.name = console_param(c, "nama");
	if (setupcheck_slug(f.slug, slug, &err) < 0) {
		console_setup_msg(f.slug_error, sizeof(f.slug_error), err.msg);
		bad = 1;
	}
	if (setupcheck_text(f.name, SETUPCHECK_LINE, 1, STORE_NAME_MAX, name, sizeof(name), &err) <
	    0) {
		console_setup_msg(f.name_error, sizeof(f.name_error), err.msg);
		bad = 1;
	}
	if (!bad && store_service_add(c->s, slug, u.slug, name, &v, &err) < 0) {
		if (err.kind != IKM_EDATA) {
			console_store_fail(c, &err);
			return;
		}
		snprintf(f.slug_error, sizeof(f.slug_error),
		         "Slug \"%s\" sudah dipakai layanan lain di unit ini.", slug);
		bad = 1;
	}
	if (bad) {
		services_page(c, 422, &u, &f);
		return;
	}
	console_audit(c, "service.add", console_setup_object(obj, "service %s/%s", u.slug, v.slug),
	              "\"%s\"", v.name);
	snprintf(to, sizeof(to), PREFIX "/layanan?unit=%s&ok=tambah", u.slug);
	console_redirect(c, to);
}

static void service_rename(struct console_ctx *c)
{
	struct service_form f = {0};
	struct store_unit u;
	struct store_service v;
	struct ikm_err err = {0};
	char name[STORE_NAME_MAX + 1], to[128], obj[STORE_AUDIT_OBJECT_MAX + 1];
	const char *slug;

	if (!service_unit(c, &u))
		return;
	slug = console_param(c, "layanan");
	if (slug == NULL || store_service_get(c->s, u.slug, slug, &v, &err) < 0) {
		if (slug != NULL && err.kind != IKM_EDATA)
			console_store_fail(c, &err);
		else
			console_fail(c, 404, "Layanan yang disebut tidak ada di unit ini.");
		return;
	}
	f.row = v.slug;
	f.row_name = console_param(c, "nama");
	if (setupcheck_text(f.row_name, SETUPCHECK_LINE, 1, STORE_NAME_MAX, name, sizeof(name),
	                    &err) < 0) {
		console_setup_msg(f.row_error, sizeof(f.row_error), err.msg);
		services_page(c, 422, &u, &f);
		return;
	}
	if (strcmp(name, v.name) != 0) {
		if (store_service_rename(c->s, u.slug, v.slug, name, &err) < 0) {
			console_store_fail(c, &err);
			return;
		}
		console_audit(c, "service.rename",
		              console_setup_object(obj, "service %s/%s", u.slug, v.slug),
		              "\"%s\" -> \"%s\"", v.name, name);
	}
	snprintf(to, sizeof(to), PREFIX "/layanan?unit=%s&ok=simpan", u.slug);
	console_redirect(c, to);
}

/* ---- dispatch ---------------------------------------------------------------------- */

static const struct page {
	const char *path; /* after /admin/atur */
	int post;         /* 1: POST only, 0: GET only */
	int multipart;    /* a POST with a multipart/form-data body (else urlencoded) */
	void (*fn)(struct console_ctx *c);
} pages[] = {
    {"", 0, 0, overview},
    {"/unit", 0, 0, units_get},
    {"/unit/tambah", 1, 0, unit_add},
    {"/unit/ubah", 1, 0, unit_rename},
    {"/layanan", 0, 0, services_get},
    {"/layanan/tambah", 1, 0, service_add},
    {"/layanan/ubah", 1, 0, service_rename},
    {"/periode", 0, 0, console_setup_period_page},
    {"/periode/tambah", 1, 0, console_setup_period_add},
    {"/periode/tutup", 1, 0, console_setup_period_close},
    {"/periode/buka", 1, 0, console_setup_period_reopen},
    {"/populasi", 0, 0, console_setup_period_population},
    {"/populasi", 1, 0, console_setup_period_population_set},
    {"/instrumen", 0, 0, console_setup_instr_page},
    {"/instrumen/teks", 1, 0, console_setup_instr_texts},
    {"/instrumen/unsur", 1, 0, console_setup_instr_add},
    {"/profil", 0, 0, console_setup_profile_page},
    {"/profil", 1, 0, console_setup_profile_save},
    {"/profil/logo", 1, 1, console_setup_profile_logo},
    {"/profil/logo-hapus", 1, 0, console_setup_profile_logo_remove},
    {"/profil/logo.png", 0, 0, console_setup_profile_logo_png},
};

void console_setup(struct console_ctx *c, const char *rest)
{
	/* rest is after the route's prefix, which is /admin/atur or
	 * /admin/atur/profil (admin-kota only): take the whole path. */
	const char *sub = c->req->path + strlen(PREFIX);
	int found = 0;

	(void)rest;
	if (strncmp(c->req->path, PREFIX, strlen(PREFIX)) != 0) {
		console_fail(c, 404, "Alamat yang Anda buka tidak ada di konsol.");
		return;
	}
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		if (strcmp(sub, pages[i].path) != 0)
			continue;
		found = 1;
		if (pages[i].post != c->post)
			continue;
		if (c->post && multipart_is(c->req->content_type) != pages[i].multipart) {
			console_fail(
			    c, 415,
			    "Formulir dikirim dalam bentuk yang tidak sesuai untuk halaman "
			    "ini. Muat ulang halaman, lalu kirim lagi.");
			return;
		}
		pages[i].fn(c);
		return;
	}
	if (found)
		console_fail(c, 405,
		             c->post ? "Halaman ini hanya dapat dibuka, bukan dikirimi formulir."
		                     : "Alamat ini hanya menerima formulir yang dikirim dengan "
		                       "tombolnya.");
	else
		console_fail(c, 404, "Alamat yang Anda buka tidak ada di konsol.");
}
