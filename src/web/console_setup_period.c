/* console_setup_period: the periods of the survey (admin-kota adds, closes
 * and reopens them; admin-unit reads them) and the population of each
 * unit and service in a period, with the Krejcie–Morgan minimum sample
 * next to it (method.md section 4). See console_setup_int.h. */
#include "console_setup_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "idfmt.h"
#include "sample.h"
#include "setupcheck.h"

#define PREFIX "/admin/atur"

/* ---- periods ------------------------------------------------------------------ */

struct period_form {
	const char *slug, *name, *from, *to; /* as typed */
	char slug_error[SETUP_ERR_MAX], name_error[SETUP_ERR_MAX];
	char from_error[SETUP_ERR_MAX + STORE_NAME_MAX], to_error[SETUP_ERR_MAX];
};

static void period_page(struct console_ctx *c, int status, const struct period_form *f)
{
	struct tmpl_data *d;
	struct store_period *list = NULL, on;
	struct ikm_err err = {0};
	int n = 0, found = 0;
	int32_t today = store_today(c->org.zone);
	char a[48], b[48];

	if (store_period_list(c->s, &list, &n, &err) < 0 ||
	    store_period_on(c->s, today, &on, &found, &err) < 0) {
		free(list);
		console_store_fail(c, &err);
		return;
	}
	d = tmpl_data_new();
	tmpl_set_bool(d, "kota", c->user.role == STORE_ROLE_ADMIN_KOTA);
	tmpl_set(d, "today_text", console_setup_day(a, sizeof(a), today));
	if (found) {
		tmpl_set(d, "current", on.name);
		tmpl_set(d, "current_slug", on.slug);
		tmpl_set_bool(d, "current_closed", on.closed);
	}
	for (int i = n - 1; i >= 0; i--) { /* the newest first */
		struct tmpl_data *r = tmpl_add(d, "rows");

		tmpl_set(r, "slug", list[i].slug);
		tmpl_set(r, "name", list[i].name);
		tmpl_set(r, "from", console_setup_day(a, sizeof(a), list[i].from));
		tmpl_set(r, "to", console_setup_day(b, sizeof(b), list[i].to));
		tmpl_set_bool(r, "closed", list[i].closed);
		tmpl_set_bool(r, "today", found && list[i].id == on.id);
	}
	free(list);
	if (f != NULL) {
		tmpl_set(d, "slug", f->slug);
		tmpl_set(d, "name", f->name);
		tmpl_set(d, "from_value", f->from);
		tmpl_set(d, "to_value", f->to);
		if (f->slug_error[0] != '\0')
			tmpl_set(d, "slug_error", f->slug_error);
		if (f->name_error[0] != '\0')
			tmpl_set(d, "name_error", f->name_error);
		if (f->from_error[0] != '\0')
			tmpl_set(d, "from_error", f->from_error);
		if (f->to_error[0] != '\0')
			tmpl_set(d, "to_error", f->to_error);
	}
	console_page(c, status, "admin/setup-periods.html", d, "Periode survei");
}

void console_setup_period_page(struct console_ctx *c)
{
	period_page(c, 200, NULL);
}

/* A period of list[0..n) whose days meet [from, to], or NULL. */
static const struct store_period *overlap(const struct store_period *list, int n, int32_t from,
                                          int32_t to)
{
	for (int i = 0; i < n; i++)
		if (list[i].from <= to && from <= list[i].to)
			return &list[i];
	return NULL;
}

void console_setup_period_add(struct console_ctx *c)
{
	struct period_form f = {0};
	struct store_period p, *list = NULL;
	struct ikm_err err = {0};
	char slug[STORE_SLUG_MAX + 1], name[STORE_NAME_MAX + 1], obj[STORE_AUDIT_OBJECT_MAX + 1];
	int32_t from = 0, to = 0;
	int bad = 0, n = 0;

	if (!console_setup_kota(c))
		return;
	f.slug = console_param(c, "slug");
	f.name = console_param(c, "nama");
	f.from = console_param(c, "dari");
	f.to = console_param(c, "sampai");
	if (setupcheck_slug(f.slug, slug, &err) < 0) {
		console_setup_msg(f.slug_error, sizeof(f.slug_error), err.msg);
		bad = 1;
	}
	if (setupcheck_text(f.name, SETUPCHECK_LINE, 1, STORE_NAME_MAX, name, sizeof(name), &err) <
	    0) {
		console_setup_msg(f.name_error, sizeof(f.name_error), err.msg);
		bad = 1;
	}
	if (setupcheck_date(f.from, &from, &err) < 0) {
		console_setup_msg(f.from_error, sizeof(f.from_error), err.msg);
		bad = 1;
	}
	if (setupcheck_date(f.to, &to, &err) < 0) {
		console_setup_msg(f.to_error, sizeof(f.to_error), err.msg);
		bad = 1;
	} else if (from != 0 && to < from) {
		snprintf(f.to_error, sizeof(f.to_error),
		         "Tanggal akhir harus sama dengan atau sesudah tanggal awal.");
		bad = 1;
	}
	if (!bad) {
		const struct store_period *o;

		if (store_period_list(c->s, &list, &n, &err) < 0) {
			console_store_fail(c, &err);
			return;
		}
		o = overlap(list, n, from, to);
		if (o != NULL) {
			char a[48], b[48];

			snprintf(
			    f.from_error, sizeof(f.from_error),
			    "Rentang tanggal ini bertumpang tindih dengan periode \"%s\" (%s s.d. "
			    "%s). Satu hari hanya boleh masuk satu periode.",
			    o->name, console_setup_day(a, sizeof(a), o->from),
			    console_setup_day(b, sizeof(b), o->to));
			bad = 1;
		}
		free(list);
	}
	if (!bad && store_period_add(c->s, slug, from, to, name, &p, &err) < 0) {
		if (err.kind != IKM_EDATA) {
			console_store_fail(c, &err);
			return;
		}
		snprintf(f.slug_error, sizeof(f.slug_error),
		         "Slug \"%s\" sudah dipakai periode lain; pilih slug lain.", slug);
		bad = 1;
	}
	if (bad) {
		period_page(c, 422, &f);
		return;
	}
	console_audit(c, "period.add", console_setup_object(obj, "period %s", p.slug),
	              "\"%s\" %d..%d", p.name, (int)p.from, (int)p.to);
	console_redirect(c, PREFIX "/periode?ok=tambah");
}

/* Close (closed 1) or reopen (0) the period the form names. */
static void period_state(struct console_ctx *c, int closed)
{
	struct store_period p;
	struct ikm_err err = {0};
	const char *slug;
	char obj[STORE_AUDIT_OBJECT_MAX + 1];

	if (!console_setup_kota(c))
		return;
	slug = console_param(c, "periode");
	if (slug == NULL || store_period_get(c->s, slug, &p, &err) < 0) {
		if (slug != NULL && err.kind != IKM_EDATA)
			console_store_fail(c, &err);
		else
			console_fail(c, 404, "Periode yang disebut tidak ada.");
		return;
	}
	if (p.closed != closed) {
		if ((closed ? store_period_close(c->s, p.slug, &err)
		            : store_period_reopen(c->s, p.slug, &err)) < 0) {
			console_store_fail(c, &err);
			return;
		}
		console_audit(c, closed ? "period.close" : "period.reopen",
		              console_setup_object(obj, "period %s", p.slug), "\"%s\"", p.name);
	}
	console_redirect(c, closed ? PREFIX "/periode?ok=tutup" : PREFIX "/periode?ok=buka");
}

void console_setup_period_close(struct console_ctx *c)
{
	period_state(c, 1);
}

void console_setup_period_reopen(struct console_ctx *c)
{
	period_state(c, 0);
}

/* ---- population ------------------------------------------------------------------ */

struct pop_form {
	const char *row;   /* the service slug of the row with an error ("" the unit) */
	const char *value; /* as typed */
	char error[SETUP_ERR_MAX];
};

/* One row: the population of u (and service v, NULL: the whole unit) in p. */
static int pop_row(struct console_ctx *c, struct tmpl_data *d, const struct store_unit *u,
                   const struct store_service *v, const struct store_period *p,
                   const struct pop_form *f, struct ikm_err *err)
{
	struct tmpl_data *r = tmpl_add(d, "rows");
	const char *slug = v != NULL ? v->slug : "";
	int err_row = f != NULL && strcmp(f->row, slug) == 0;
	int64_t n = 0;
	char buf[32], raw[32];

	if (store_population_get(c->s, u->id, v != NULL ? v->id : 0, p->id, &n, err) < 0)
		return -1;
	tmpl_set(r, "service", slug);
	tmpl_set(r, "label", v != NULL ? v->name : "Seluruh unit");
	tmpl_set_bool(r, "whole", v == NULL);
	if (n > 0) {
		tmpl_set(r, "n", idfmt_int(buf, sizeof(buf), n));
		tmpl_set(r, "minimum", idfmt_int(buf, sizeof(buf), sample_krejcie_morgan(n)));
		snprintf(raw, sizeof(raw), "%lld", (long long)n);
	} else {
		raw[0] = '\0';
	}
	tmpl_set(r, "value", err_row ? f->value : raw);
	if (err_row)
		tmpl_set(r, "error", f->error);
	return 0;
}

/* The population page of unit u (NULL: pick one) in period p (NULL: the
 * period holding today, else the newest). */
static void pop_page(struct console_ctx *c, int status, const struct store_unit *u,
                     const struct store_period *p, const struct pop_form *f)
{
	struct tmpl_data *d = tmpl_data_new();
	struct setup_tree t;
	struct store_period *list = NULL, chosen = {0}, on;
	struct store_service *svcs = NULL;
	struct ikm_err err = {0};
	int n = 0, nsv = 0, found = 0;

	if (console_setup_tree(c, &t) < 0)
		goto out;
	if (store_period_list(c->s, &list, &n, &err) < 0 ||
	    store_period_on(c->s, store_today(c->org.zone), &on, &found, &err) < 0)
		goto fail;
	if (p != NULL)
		chosen = *p;
	else if (found)
		chosen = on;
	else if (n > 0)
		chosen = list[n - 1];
	console_setup_unit_options(d, &t, u != NULL ? u->slug : NULL);
	for (int i = n - 1; i >= 0; i--) {
		struct tmpl_data *o = tmpl_add(d, "periods");

		tmpl_set(o, "slug", list[i].slug);
		tmpl_set(o, "name", list[i].name);
		tmpl_set_bool(o, "selected", list[i].id == chosen.id);
	}
	tmpl_set_bool(d, "no_periods", n == 0);
	if (u != NULL && chosen.id != 0) {
		tmpl_set_bool(d, "chosen", 1);
		tmpl_set(d, "unit", u->slug);
		tmpl_set(d, "unit_name", u->name);
		tmpl_set(d, "period", chosen.slug);
		tmpl_set(d, "period_name", chosen.name);
		if (store_service_list(c->s, u->slug, &svcs, &nsv, &err) < 0 ||
		    pop_row(c, d, u, NULL, &chosen, f, &err) < 0)
			goto fail;
		for (int i = 0; i < nsv; i++)
			if (pop_row(c, d, u, &svcs[i], &chosen, f, &err) < 0)
				goto fail;
	}
	console_page(c, status, "admin/setup-population.html", d, "Populasi");
	d = NULL;
	goto out;
fail:
	console_store_fail(c, &err);
out:
	tmpl_data_free(d);
	console_setup_tree_free(&t);
	free(list);
	free(svcs);
}

/* The period a population request names: 1 with *p, 0 none named, -1
 * answered. */
static int pop_period(struct console_ctx *c, struct store_period *p)
{
	const char *slug = console_param(c, "periode");
	struct ikm_err err = {0};

	if (slug == NULL || slug[0] == '\0')
		return 0;
	if (store_period_get(c->s, slug, p, &err) < 0) {
		if (err.kind != IKM_EDATA)
			console_store_fail(c, &err);
		else
			console_fail(c, 404, "Periode yang disebut tidak ada.");
		return -1;
	}
	return 1;
}

void console_setup_period_population(struct console_ctx *c)
{
	struct store_unit u;
	struct store_period p;
	int ru = console_setup_unit(c, "unit", &u), rp;

	if (ru < 0 || (rp = pop_period(c, &p)) < 0)
		return;
	pop_page(c, 200, ru == 1 ? &u : NULL, rp == 1 ? &p : NULL, NULL);
}

void console_setup_period_population_set(struct console_ctx *c)
{
	struct pop_form f = {0};
	struct store_unit u;
	struct store_period p;
	struct store_service v = {0};
	struct ikm_err err = {0};
	const char *service;
	int64_t n = 0, old = 0;
	char to[192], a[32], b[32], obj[STORE_AUDIT_OBJECT_MAX + 1];
	int ru = console_setup_unit(c, "unit", &u), rp;

	if (ru < 0 || (rp = pop_period(c, &p)) < 0)
		return;
	if (ru == 0 || rp == 0) {
		console_fail(c, 400, "Unit atau periode populasi tidak disebut.");
		return;
	}
	service = console_param(c, "layanan");
	if (service != NULL && service[0] != '\0' &&
	    store_service_get(c->s, u.slug, service, &v, &err) < 0) {
		if (err.kind != IKM_EDATA)
			console_store_fail(c, &err);
		else
			console_fail(c, 404, "Layanan yang disebut tidak ada di unit ini.");
		return;
	}
	f.row = v.slug;
	f.value = console_param(c, "n");
	if (setupcheck_count(f.value, SETUPCHECK_POPULATION_MAX, &n, &err) < 0) {
		console_setup_msg(f.error, sizeof(f.error), err.msg);
		pop_page(c, 422, &u, &p, &f);
		return;
	}
	if (store_population_get(c->s, u.id, v.id, p.id, &old, &err) < 0 ||
	    (old != n && store_population_set(c->s, u.id, v.id, p.id, n, &err) < 0)) {
		console_store_fail(c, &err);
		return;
	}
	if (old != n)
		console_audit(c, "population.set",
		              console_setup_object(obj, "population %s%s%s %s", u.slug,
		                                   v.id != 0 ? "/" : "", v.slug, p.slug),
		              "%s -> %s (minimum sample %lld)",
		              old > 0 ? idfmt_int(a, sizeof(a), old) : "none",
		              idfmt_int(b, sizeof(b), n), (long long)sample_krejcie_morgan(n));
	snprintf(to, sizeof(to), PREFIX "/populasi?unit=%s&periode=%s&ok=simpan", u.slug, p.slug);
	console_redirect(c, to);
}
