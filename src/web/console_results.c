/* console_results: /admin/hasil, the results of one unit and period (one
 * service or all) for every role within its subtree, read-only: the IKM
 * with NI, mutu, kinerja, n and the 95% interval, the sample check, the
 * element table and chart, the breakdowns by service and by profile
 * group, the trend over periods with the change test, and the
 * suggestions. Every number comes from scope.c — the same store_aggregate
 * and exact core as `ikm compute --unit`. /admin/unduh goes to
 * console_download.c.
 *
 * Decisions:
 * - A group (a service, or a profile category) with fewer than
 *   RESULTS_GROUP_MIN respondents is not shown: its interval is so wide
 *   that its index says little (the t-based interval of method.md §5 is
 *   also least trustworthy there), and in a small group the answers come
 *   close to pointing at people.
 * - The trend lists every period in which the unit (and service) has
 *   results, oldest first, at most RESULTS_TREND_MAX of the latest. */
#include "console_results.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "grade.h"
#include "idfmt.h"
#include "xalloc.h"

#define RESULTS_GROUP_MIN 30     /* named limit: respondents a group needs to be shown */
#define RESULTS_TREND_MAX 24     /* named limit: periods in the trend */
#define RESULTS_SUGG_PAGE 20     /* suggestions per page */
#define RESULTS_PAGE_MAX  100000 /* named limit: ?halaman= */

/* ---- the scope of a request ------------------------------------------------- */

/* A parameter: absent or empty is NULL; a slug is copied; anything else
 * (traversal, quotes, over-long) refuses with 400. */
static int slug_param(struct console_ctx *c, const char *name, char *out, int *given)
{
	const char *v = formdata_get(&c->query, name);

	*given = 0;
	out[0] = '\0';
	if (v == NULL || v[0] == '\0')
		return 1;
	if (strlen(v) > STORE_SLUG_MAX || !store_slug_ok(v)) {
		console_fail(
		    c, 400,
		    "Alamat tidak sah: unit, periode dan layanan ditulis dengan huruf kecil, "
		    "angka dan tanda minus.");
		return 0;
	}
	snprintf(out, STORE_SLUG_MAX + 1, "%s", v);
	*given = 1;
	return 1;
}

/* The latest period that has started (else the first). */
static int default_period(struct console_ctx *c, char *out)
{
	struct store_period *list = NULL;
	struct ikm_err err = {0};
	int32_t today = store_today(c->org.zone);
	int n = 0, best = -1;

	if (store_period_list(c->s, &list, &n, &err) < 0) {
		console_store_fail(c, &err);
		return -1;
	}
	for (int i = 0; i < n; i++)
		if (list[i].from <= today && (best < 0 || list[i].from > list[best].from))
			best = i;
	if (best < 0 && n > 0)
		best = 0;
	if (best >= 0)
		snprintf(out, STORE_SLUG_MAX + 1, "%s", list[best].slug);
	free(list);
	return 0;
}

int console_results_req(struct console_ctx *c, struct results_req *r)
{
	struct formdata probe = {0};
	struct ikm_err err = {0};
	int gu, gp, gs, may;

	memset(r, 0, sizeof(*r));
	/* console.c drops a query it cannot parse: refuse it here. */
	if (c->req->query[0] != '\0') {
		if (formdata_parse(c->req->query, strlen(c->req->query), &probe, &err) < 0) {
			console_fail(c, 400, "Alamat tidak sah: parameter tidak dapat dibaca.");
			return 0;
		}
		formdata_free(&probe);
	}
	if (!slug_param(c, "unit", r->unit, &gu) || !slug_param(c, "periode", r->period, &gp) ||
	    !slug_param(c, "layanan", r->service, &gs))
		return 0;
	if (!gu && c->user.unit_slug[0] != '\0')
		snprintf(r->unit, sizeof(r->unit), "%s", c->user.unit_slug);
	if (r->unit[0] == '\0')
		return 1; /* choose a unit first */
	if (store_unit_get(c->s, r->unit, &r->a.unit, &err) < 0) {
		if (err.kind != IKM_EDATA)
			goto fail;
		console_fail(c, 404, "Unit itu tidak ada.");
		return 0;
	}
	may = console_may_unit(c, r->a.unit.id);
	if (may < 0)
		return -1;
	if (may == 0) {
		console_audit(c, "access.refused", c->req->path, "unit %s outside the subtree",
		              r->unit);
		console_fail(c, 403, "Unit itu berada di luar wewenang Anda.");
		return 0;
	}
	if (!gp && default_period(c, r->period) < 0)
		return -1;
	if (r->period[0] == '\0')
		return 1; /* no period yet: the unit's chooser */
	if (scope_find(c->s, r->unit, r->period, gs ? r->service : NULL, &r->a, &err) < 0) {
		if (err.kind != IKM_EDATA)
			goto fail;
		console_fail(c, 404,
		             gs ? "Periode atau layanan itu tidak ada pada unit ini."
		                : "Periode itu tidak ada.");
		return 0;
	}
	r->chosen = 1;
	return 1;
fail:
	console_store_fail(c, &err);
	return -1;
}

void console_results_query(const struct results_req *r, char *buf, size_t size)
{
	snprintf(buf, size, "unit=%s&periode=%s%s%s", r->unit, r->period,
	         r->service[0] ? "&layanan=" : "", r->service);
}

/* 1 when unit i of list lies within the unit with id top (walking up). */
static int within(const struct store_unit *list, int n, int i, int64_t top)
{
	for (int depth = 0; i >= 0 && depth <= n; depth++) {
		int up = -1;

		if (list[i].id == top)
			return 1;
		for (int j = 0; j < n && list[i].parent != 0; j++)
			if (list[j].id == list[i].parent)
				up = j;
		i = up;
	}
	return 0;
}

int console_results_chooser(struct console_ctx *c, const struct results_req *r, struct tmpl_data *d)
{
	struct store_unit *units = NULL;
	struct store_period *periods = NULL;
	struct store_service *services = NULL;
	struct ikm_err err = {0};
	int nu = 0, np = 0, ns = 0, all;

	all = c->user.role == STORE_ROLE_ADMIN_KOTA ||
	      (c->user.role == STORE_ROLE_PIMPINAN && c->user.unit == 0);
	if (store_unit_list(c->s, &units, &nu, &err) < 0 ||
	    store_period_list(c->s, &periods, &np, &err) < 0 ||
	    (r->unit[0] != '\0' && store_service_list(c->s, r->unit, &services, &ns, &err) < 0)) {
		free(units);
		free(periods);
		console_store_fail(c, &err);
		return -1;
	}
	for (int i = 0; i < nu; i++) {
		struct tmpl_data *o;

		if (!all && !within(units, nu, i, c->user.unit))
			continue;
		o = tmpl_add(d, "units");
		tmpl_set(o, "slug", units[i].slug);
		tmpl_set(o, "name", units[i].name);
		tmpl_set_bool(o, "selected", strcmp(units[i].slug, r->unit) == 0);
	}
	for (int i = np - 1; i >= 0; i--) {
		struct tmpl_data *o = tmpl_add(d, "periods");

		tmpl_set(o, "slug", periods[i].slug);
		tmpl_set(o, "name", periods[i].name);
		tmpl_set_bool(o, "selected", strcmp(periods[i].slug, r->period) == 0);
	}
	for (int i = 0; i < ns; i++) {
		struct tmpl_data *o = tmpl_add(d, "services");

		tmpl_set(o, "slug", services[i].slug);
		tmpl_set(o, "name", services[i].name);
		tmpl_set_bool(o, "selected", strcmp(services[i].slug, r->service) == 0);
	}
	free(units);
	free(periods);
	free(services);
	return 0;
}

/* ---- pieces of the page ------------------------------------------------------ */

static void set_fixed(struct tmpl_data *d, const char *name, int64_t v, int decimals)
{
	char buf[64];

	tmpl_set(d, name, idfmt_fixed(buf, sizeof(buf), v, decimals));
}

static void set_int(struct tmpl_data *d, const char *name, uint64_t v)
{
	char buf[64];

	tmpl_set(d, name, idfmt_int(buf, sizeof(buf), (int64_t)v));
}

static void set_mutu(struct tmpl_data *d, const char *name, char mutu)
{
	char m[2] = {mutu, '\0'};

	tmpl_set(d, name, m);
}

/* The element chart: one bar per element on the NRR scale 0..4, the
 * elements below the mean in another colour, the mean as a line. Every
 * text escaped. */
static void element_chart(struct bytebuf *b, const struct instrument *in,
                          const struct score_result *res)
{
	const int label_w = 330, bar_w = 360, row_h = 30, top = 10, w = 760;
	int h = top + in->k * row_h + 30;
	double mean_x = label_w + bar_w * (double)res->mean_nrr_e4 / 40000.0;
	char v[32];

	bytebuf_printf(b,
	               "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
	               "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"grafik-judul\">"
	               "<title id=\"grafik-judul\">NRR per unsur (skala 1&#8211;4); unsur di bawah "
	               "rata-rata berwarna jingga</title>",
	               w, h);
	for (int j = 0; j < in->k; j++) {
		const struct score_element *e = &res->el[j];
		double len = bar_w * (double)e->nrr_e4 / 40000.0;
		int y = top + j * row_h;

		bytebuf_printf(b, "<text x=\"0\" y=\"%d\" font-size=\"13\" fill=\"#222\">", y + 19);
		tmpl_escape(b, in->el[j].code);
		bytebuf_puts(b, " ");
		tmpl_escape(b, in->el[j].name);
		bytebuf_printf(b,
		               "</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
		               "fill=\"%s\"/><text x=\"%.1f\" y=\"%d\" font-size=\"13\" "
		               "fill=\"#222\">%s</text>",
		               label_w, y + 5, len, row_h - 10,
		               e->below_mean ? "#b35c00" : "#426e9e", label_w + len + 6, y + 19,
		               idfmt_fixed(v, sizeof(v), e->nrr_e4, 4));
	}
	bytebuf_printf(b,
	               "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#222\" "
	               "stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"%d\" font-size=\"12\" "
	               "fill=\"#222\">rata-rata %s</text></svg>",
	               mean_x, top, mean_x, top + in->k * row_h, mean_x - 40, h - 8,
	               idfmt_fixed(v, sizeof(v), res->mean_nrr_e4, 4));
}

static void summary(struct tmpl_data *d, const struct scope_analysis *a)
{
	const struct score_result *res = &a->res;
	const struct stats_ci *ci = &a->ci;

	set_fixed(d, "ikm", res->ikm_e2, 2);
	set_fixed(d, "ni", res->ni_e4, 4);
	set_mutu(d, "mutu", res->mutu);
	tmpl_set(d, "kinerja", res->kinerja);
	set_int(d, "n", res->respondents);
	set_int(d, "stored", a->tot.responses);
	set_fixed(d, "mean_nrr", res->mean_nrr_e4, 4);
	if (ci->available) {
		tmpl_set_bool(d, "ci", 1);
		set_fixed(d, "ci_low", ci->low_e2, 2);
		set_fixed(d, "ci_high", ci->high_e2, 2);
		/* The grade the interval reaches besides the result's. */
		if (ci->crosses)
			set_mutu(d, "ci_other",
			         ci->low_mutu != res->mutu ? ci->low_mutu : ci->high_mutu);
	}
	if (a->population > 0) {
		tmpl_set_bool(d, "population", 1);
		set_int(d, "population_n", (uint64_t)a->population);
		set_int(d, "required", (uint64_t)a->required);
		tmpl_set_bool(d, "sample_ok", res->respondents >= (uint64_t)a->required);
		if (res->respondents < (uint64_t)a->required)
			set_int(d, "sample_short", (uint64_t)a->required - res->respondents);
	}
}

static void elements(struct tmpl_data *d, const struct scope_analysis *a)
{
	struct bytebuf chart = {0};

	for (int j = 0; j < a->in.k; j++) {
		const struct score_element *e = &a->res.el[j];
		struct tmpl_data *row = tmpl_add(d, "elements");
		char rank[16];

		tmpl_set(row, "code", a->in.el[j].code);
		tmpl_set(row, "name", a->in.el[j].name);
		set_int(row, "n", e->answered);
		set_fixed(row, "nrr", e->nrr_e4, 4);
		set_fixed(row, "converted", e->ikm_e2, 2);
		set_mutu(row, "mutu", e->mutu);
		snprintf(rank, sizeof(rank), "%d", e->rank);
		tmpl_set(row, "rank", rank);
		tmpl_set_bool(row, "below", e->below_mean);
	}
	for (int i = 0; i < a->res.nbelow; i++) {
		struct tmpl_data *row = tmpl_add(d, "below");
		int j = a->res.below[i];

		tmpl_set(row, "name", a->in.el[j].name);
		set_fixed(row, "nrr", a->res.el[j].nrr_e4, 4);
	}
	element_chart(&chart, &a->in, &a->res);
	tmpl_set(d, "chart", chart.p != NULL ? chart.p : "");
	bytebuf_free(&chart);
}

/* One row of a breakdown: shown with its index, or suppressed. */
static void group_row(struct tmpl_data *row, const char *label, uint64_t n, int computed,
                      int64_t ikm_e2, char mutu)
{
	char why[128];

	tmpl_set(row, "label", label);
	set_int(row, "n", n);
	if (n < RESULTS_GROUP_MIN) {
		snprintf(why, sizeof(why), "tidak ditampilkan: kurang dari %d responden",
		         RESULTS_GROUP_MIN);
		tmpl_set(row, "suppressed", why);
	} else if (!computed) {
		tmpl_set(row, "suppressed", "tidak dapat dihitung: ada unsur yang tidak dijawab");
	} else {
		set_fixed(row, "ikm", ikm_e2, 2);
		set_mutu(row, "mutu", mutu);
	}
}

/* The index of each service of the unit (only when no service is chosen). */
static int services(struct console_ctx *c, struct tmpl_data *d, const struct scope_analysis *a)
{
	struct store_service *list = NULL;
	struct ikm_err err = {0};
	int n = 0;

	if (a->service.id != 0)
		return 0;
	tmpl_set_bool(d, "all_services", 1);
	if (store_service_list(c->s, a->unit.slug, &list, &n, &err) < 0)
		goto fail;
	for (int i = 0; i < n; i++) {
		struct scope_analysis *sa = xcalloc(1, sizeof(*sa));
		struct tmpl_data *row;
		int rc;

		sa->sc = (struct store_scope){a->sc.unit, a->sc.period, list[i].id};
		rc = scope_analyse(c->s, sa, &err);
		if (rc < 0 && err.kind != IKM_EDATA) {
			scope_free(sa);
			free(sa);
			goto fail;
		}
		if (sa->tot.responses > 0) {
			row = tmpl_add(d, "services_rows");
			group_row(row, list[i].name,
			          rc == 0 ? sa->res.respondents : sa->tot.responses, rc == 0,
			          sa->res.ikm_e2, sa->res.mutu);
		}
		err.kind = IKM_OK;
		scope_free(sa);
		free(sa);
	}
	free(list);
	return 0;
fail:
	free(list);
	console_store_fail(c, &err);
	return -1;
}

static void groups(struct tmpl_data *d, const struct scope_profile *p)
{
	for (int f = 0; f < SCOPE_GROUP_FIELDS; f++) {
		struct tmpl_data *t;

		if (p->ngroups[f] == 0)
			continue;
		t = tmpl_add(d, "group_tables");
		tmpl_set(t, "title", resp_field_title((enum resp_field)f));
		for (int g = 0; g < p->ngroups[f]; g++) {
			const struct scope_group *sg = &p->g[f][g];

			group_row(tmpl_add(t, "rows"), sg->label, sg->n, sg->computed, sg->ikm_e2,
			          sg->mutu);
		}
		if (p->other[f] > 0)
			set_int(t, "other", p->other[f]);
	}
}

/* The suggestions, page `page` (1-based, clamped). */
static void suggestions(struct tmpl_data *d, const struct results_req *r,
                        const struct resp_tally *rt, long page)
{
	long pages = (rt->nsugg + RESULTS_SUGG_PAGE - 1) / RESULTS_SUGG_PAGE;
	char q[256], href[400], buf[32];

	set_int(d, "sugg_rows", rt->sugg_rows);
	set_int(d, "sugg_none", rt->sugg_none);
	if (rt->nsugg == 0)
		return;
	tmpl_set_bool(d, "has_sugg", 1);
	if (page > pages)
		page = pages;
	for (long i = (page - 1) * RESULTS_SUGG_PAGE; i < rt->nsugg && i < page * RESULTS_SUGG_PAGE;
	     i++) {
		struct tmpl_data *row = tmpl_add(d, "sugg");

		tmpl_set(row, "text", rt->sugg[i].text);
		set_int(row, "count", rt->sugg[i].count);
	}
	if (pages <= 1)
		return;
	console_results_query(r, q, sizeof(q));
	snprintf(buf, sizeof(buf), "%ld", page);
	tmpl_set(d, "sugg_page", buf);
	snprintf(buf, sizeof(buf), "%ld", pages);
	tmpl_set(d, "sugg_pages", buf);
	if (page > 1) {
		snprintf(href, sizeof(href), "/admin/hasil?%s&halaman=%ld#saran", q, page - 1);
		tmpl_set(d, "sugg_prev", href);
	}
	if (page < pages) {
		snprintf(href, sizeof(href), "/admin/hasil?%s&halaman=%ld#saran", q, page + 1);
		tmpl_set(d, "sugg_next", href);
	}
}

struct trend_point {
	struct store_period p;
	int64_t ikm_e2;
	char mutu;
	uint64_t n;
	int ci;
	double se;
	int64_t low_e2, high_e2;
};

static int by_start(const void *pa, const void *pb)
{
	const struct store_period *a = pa, *b = pb;

	return (a->from > b->from) - (a->from < b->from);
}

/* Every period with results of the unit (and service), oldest first, with
 * the change from the one before and its test (method.md §5). */
static int trend(struct console_ctx *c, struct tmpl_data *d, const struct scope_analysis *a)
{
	struct store_period *list = NULL;
	struct trend_point *pt = NULL;
	struct ikm_err err = {0};
	int n = 0, np = 0;

	if (store_period_list(c->s, &list, &n, &err) < 0)
		goto fail;
	qsort(list, (size_t)n, sizeof(*list), by_start);
	pt = xcalloc(RESULTS_TREND_MAX, sizeof(*pt));
	for (int i = n - 1; i >= 0 && np < RESULTS_TREND_MAX; i--) {
		struct scope_analysis *sa = xcalloc(1, sizeof(*sa));
		int rc;

		sa->sc = (struct store_scope){a->sc.unit, list[i].id, a->sc.service};
		rc = scope_analyse(c->s, sa, &err);
		if (rc == 0) {
			struct trend_point *t = &pt[np++];

			t->p = list[i];
			t->ikm_e2 = sa->res.ikm_e2;
			t->mutu = sa->res.mutu;
			t->n = sa->res.respondents;
			t->ci = sa->ci.available;
			t->se = sa->ci.se;
			t->low_e2 = sa->ci.low_e2;
			t->high_e2 = sa->ci.high_e2;
		}
		scope_free(sa);
		free(sa);
		if (rc < 0 && err.kind != IKM_EDATA)
			goto fail;
		err.kind = IKM_OK;
	}
	for (int i = np - 1; i >= 0; i--) {
		const struct trend_point *t = &pt[i];
		struct tmpl_data *row = tmpl_add(d, "trend");

		tmpl_set(row, "period", t->p.name);
		tmpl_set_bool(row, "current", t->p.id == a->period.id);
		set_fixed(row, "ikm", t->ikm_e2, 2);
		set_mutu(row, "mutu", t->mutu);
		set_int(row, "n", t->n);
		if (t->ci) {
			set_fixed(row, "low", t->low_e2, 2);
			set_fixed(row, "high", t->high_e2, 2);
		}
		if (i + 1 < np) {
			const struct trend_point *b = &pt[i + 1];
			struct stats_change ch;
			char diff[64], z[32];

			stats_change(b->ikm_e2, b->ci ? b->se : 0, t->ikm_e2, t->ci ? t->se : 0,
			             &ch);
			snprintf(diff, sizeof(diff), "%s", ch.diff_e2 > 0 ? "+" : "");
			idfmt_fixed(diff + strlen(diff), sizeof(diff) - strlen(diff), ch.diff_e2,
			            2);
			tmpl_set(row, "change", diff);
			if (!ch.available) {
				tmpl_set(row, "test",
				         "tidak dapat diuji (selang kepercayaan tidak ada)");
			} else {
				idfmt_fixed(z, sizeof(z),
				            (int64_t)(ch.z * 100 + (ch.z < 0 ? -0.5 : 0.5)), 2);
				tmpl_set_bool(row, "real", ch.real);
				tmpl_set(row, "z", z);
			}
		}
	}
	if (np > 1)
		tmpl_set_bool(d, "trend_many", 1);
	free(pt);
	free(list);
	return 0;
fail:
	free(pt);
	free(list);
	console_store_fail(c, &err);
	return -1;
}

/* ---- the page ------------------------------------------------------------------- */

/* Render the chooser form into d's "chooser" (raw markup of escaped parts). */
static int chooser(struct console_ctx *c, const struct results_req *r, struct tmpl_data *d,
                   const char *action)
{
	struct tmpl_data *f = tmpl_data_new();
	struct bytebuf b = {0};
	struct ikm_err err = {0};
	const struct tmpl *t = web_tmpl(c->a, "admin/results-chooser.html");

	tmpl_set(f, "action", action);
	if (console_results_chooser(c, r, f) < 0) {
		tmpl_data_free(f);
		return -1;
	}
	if (t == NULL || tmpl_render(t, f, &b, &err) < 0) {
		tmpl_data_free(f);
		bytebuf_free(&b);
		console_fail(c, 500, "Templat halaman rusak.");
		return -1;
	}
	tmpl_set(d, "chooser", b.p != NULL ? b.p : "");
	tmpl_data_free(f);
	bytebuf_free(&b);
	return 0;
}

void console_results(struct console_ctx *c, const char *rest)
{
	struct results_req *r;
	struct tmpl_data *d;
	struct scope_profile *prof = NULL;
	struct ikm_err err = {0};
	const char *page_s;
	long page = 1;
	char title[STORE_NAME_MAX * 3 + 32], q[256];

	if (strncmp(c->req->path, "/admin/unduh", 12) == 0) {
		console_download(c, rest);
		return;
	}
	if (rest[0] != '\0') {
		console_fail(c, 404, "Alamat yang Anda buka tidak ada di konsol.");
		return;
	}
	if (c->post) {
		console_fail(c, 405, "Halaman hasil hanya untuk dibaca.");
		return;
	}
	page_s = formdata_get(&c->query, "halaman");
	if (page_s != NULL) {
		char *end;

		page = strtol(page_s, &end, 10);
		if (end == page_s || *end != '\0' || page < 1 || page > RESULTS_PAGE_MAX) {
			console_fail(c, 400, "Nomor halaman tidak sah.");
			return;
		}
	}
	r = xcalloc(1, sizeof(*r));
	d = tmpl_data_new();
	if (console_results_req(c, r) != 1 || chooser(c, r, d, "/admin/hasil") < 0)
		goto out;
	if (!r->chosen) {
		console_page(c, 200, "admin/results-page.html", d, "Hasil survei");
		d = NULL;
		goto out;
	}
	snprintf(title, sizeof(title), "%s%s%s", r->a.unit.name,
	         r->a.service.id ? " \xE2\x80\x93 " : "", r->a.service.id ? r->a.service.name : "");
	tmpl_set(d, "scope", title);
	tmpl_set(d, "period", r->a.period.name);
	console_results_query(r, q, sizeof(q));
	tmpl_set(d, "query", q);
	if (scope_analyse(c->s, &r->a, &err) < 0) {
		if (err.kind != IKM_EDATA) {
			console_store_fail(c, &err);
			goto out;
		}
		tmpl_set(d, "empty", err.msg);
		console_page(c, 200, "admin/results-page.html", d, "Hasil survei");
		d = NULL;
		goto out;
	}
	tmpl_set_bool(d, "results", 1);
	summary(d, &r->a);
	elements(d, &r->a);
	prof = xcalloc(1, sizeof(*prof));
	if (scope_profile(c->s, &r->a, NULL, 0, prof, &err) < 0) {
		console_store_fail(c, &err);
		goto out;
	}
	if (services(c, d, &r->a) < 0 || trend(c, d, &r->a) < 0)
		goto out;
	groups(d, prof);
	suggestions(d, r, &prof->rt, page);
	{
		char min[16];

		snprintf(min, sizeof(min), "%d", RESULTS_GROUP_MIN);
		tmpl_set(d, "group_min", min);
	}
	snprintf(title, sizeof(title), "Hasil %s, %s", r->a.unit.name, r->a.period.name);
	console_page(c, 200, "admin/results-page.html", d, title);
	d = NULL;
out:
	tmpl_data_free(d);
	scope_profile_free(prof);
	free(prof);
	scope_free(&r->a);
	free(r);
}
