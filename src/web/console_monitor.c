/* console_monitor: monitoring under /admin/pantau (admin-kota, admin-unit,
 * operator; each sees the units of its subtree only).
 *   /admin/pantau?periode=SLUG              every unit and service: responses so
 *                                           far against the Krejcie-Morgan minimum
 *   /admin/pantau/UNIT?periode=&layanan=    one unit (or service): counts by channel
 *                                           and by survey day (inline SVG charts
 *                                           with tables), quality-flag totals
 *   /admin/pantau/UNIT/tinjau?periode=...   the flagged responses, a page at a time;
 *                                           POST decides on one (console_review.c)
 * The period defaults to the one holding today in the organisation's zone
 * (else the newest). "Responses" are the counted ones: a response a review
 * excluded counts nowhere (store_user.h). */
#include "console_monitor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "idfmt.h"
#include "quality.h"
#include "sample.h"
#include "svgbar.h"
#include "xalloc.h"

#define CHART_DAYS_MAX 731 /* named limit: days of a period drawn in the day chart */

static const char *const channel_labels[STORE_NCHANNELS] = {"Web", "Kios", "Kertas", "Impor",
                                                            "API"};
static const char *const month_short[12] = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun",
                                            "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};

/* ---- shared with console_review.c ------------------------------------------- */

const char *console_monitor_channel(const char *name)
{
	static const char *const names[STORE_NCHANNELS] = {"web", "kiosk", "paper", "import",
	                                                   "api"};

	for (int i = 0; i < STORE_NCHANNELS; i++)
		if (strcmp(name, names[i]) == 0)
			return channel_labels[i];
	return name;
}

char *console_monitor_date(char *buf, size_t size, int32_t ymd)
{
	return idfmt_date(buf, size, ymd / 10000, ymd / 100 % 100, ymd % 100);
}

int console_monitor_scope(struct console_ctx *c, const char *slug, struct console_monitor_scope *m)
{
	struct ikm_err err = {0};
	const char *ps = console_param(c, "periode"), *vs = console_param(c, "layanan");
	int may;

	memset(m, 0, sizeof(*m));
	if (!store_slug_ok(slug) || store_unit_get(c->s, slug, &m->u, &err) < 0) {
		if (err.kind != IKM_OK && err.kind != IKM_EDATA && err.kind != IKM_EUSAGE)
			goto fail;
		console_fail(c, 404, "Unit tidak ditemukan.");
		return -1;
	}
	if ((may = console_may_unit(c, m->u.id)) <= 0) {
		if (may == 0) {
			console_audit(c, "access.refused", c->req->path,
			              "unit %s outside the subtree", m->u.slug);
			console_fail(c, 403, "Unit ini di luar wewenang Anda.");
		}
		return -1;
	}
	if (console_monitor_period(c, ps, &m->p) < 0)
		return -1;
	if (vs != NULL && vs[0] != '\0') {
		if (!store_slug_ok(vs) || store_service_get(c->s, m->u.slug, vs, &m->v, &err) < 0) {
			if (err.kind != IKM_OK && err.kind != IKM_EDATA && err.kind != IKM_EUSAGE)
				goto fail;
			console_fail(c, 404, "Layanan tidak ditemukan di unit ini.");
			return -1;
		}
	}
	m->sc.unit = m->u.id;
	m->sc.period = m->p.id;
	m->sc.service = m->v.id;
	return 0;
fail:
	console_store_fail(c, &err);
	return -1;
}

int console_monitor_period(struct console_ctx *c, const char *slug, struct store_period *p)
{
	struct ikm_err err = {0};
	int found = 0;

	if (slug != NULL && slug[0] != '\0') {
		if (store_slug_ok(slug) && store_period_get(c->s, slug, p, &err) == 0)
			return 0;
		if (err.kind != IKM_OK && err.kind != IKM_EDATA && err.kind != IKM_EUSAGE)
			goto fail;
		console_fail(c, 404, "Periode tidak ditemukan.");
		return -1;
	}
	if (store_period_on(c->s, store_today(c->org.zone), p, &found, &err) < 0)
		goto fail;
	if (!found) {
		/* None holds today: the newest. */
		struct store_period *all;
		int n;

		if (store_period_list(c->s, &all, &n, &err) < 0)
			goto fail;
		if (n > 0)
			*p = all[n - 1];
		free(all);
		if (n == 0) {
			/* Not an error: nothing to monitor yet. */
			console_fail(c, 200,
			             "Belum ada periode survei. Admin kota menambahkannya di "
			             "Pengaturan.");
			return -1;
		}
	}
	return 0;
fail:
	console_store_fail(c, &err);
	return -1;
}

void console_monitor_scope_set(struct tmpl_data *d, const struct console_monitor_scope *m)
{
	char a[64], b[64];

	tmpl_set(d, "unit_slug", m->u.slug);
	tmpl_set(d, "unit_name", m->u.name);
	tmpl_set(d, "period_slug", m->p.slug);
	tmpl_set(d, "period_name", m->p.name);
	tmpl_set(d, "period_from", console_monitor_date(a, sizeof(a), m->p.from));
	tmpl_set(d, "period_to", console_monitor_date(b, sizeof(b), m->p.to));
	tmpl_set_bool(d, "period_closed", m->p.closed);
	if (m->v.id != 0) {
		tmpl_set(d, "service_slug", m->v.slug);
		tmpl_set(d, "service_name", m->v.name);
	}
}

/* Counted responses against the population's minimum, for a row of the
 * overview or the summary of a unit. */
static void progress_set(struct tmpl_data *d, uint64_t counted, int64_t population)
{
	char buf[32];
	int64_t required, needed;
	uint64_t percent;

	tmpl_set(d, "counted", idfmt_int(buf, sizeof(buf), (int64_t)counted));
	if (population <= 0 || (required = sample_krejcie_morgan(population)) <= 0) {
		tmpl_set_bool(d, "no_population", 1);
		return;
	}
	needed = (uint64_t)required > counted ? required - (int64_t)counted : 0;
	percent = counted >= (uint64_t)required ? 100 : counted * 100 / (uint64_t)required;
	tmpl_set(d, "population", idfmt_int(buf, sizeof(buf), population));
	tmpl_set(d, "required", idfmt_int(buf, sizeof(buf), required));
	tmpl_set(d, "needed", idfmt_int(buf, sizeof(buf), needed));
	snprintf(buf, sizeof(buf), "%lld", (long long)required);
	tmpl_set(d, "bar_max", buf);
	snprintf(buf, sizeof(buf), "%lld",
	         (long long)(counted < (uint64_t)required ? (int64_t)counted : required));
	tmpl_set(d, "bar_value", buf);
	snprintf(buf, sizeof(buf), "%u", (unsigned)percent);
	tmpl_set(d, "percent", buf);
	tmpl_set_bool(d, "enough", needed == 0);
}

/* The periods for the selector, the chosen one marked. */
static int periods_set(struct console_ctx *c, struct tmpl_data *d, const struct store_period *p)
{
	struct store_period *all;
	struct ikm_err err = {0};
	int n;

	if (store_period_list(c->s, &all, &n, &err) < 0) {
		console_store_fail(c, &err);
		return -1;
	}
	for (int i = n - 1; i >= 0; i--) {
		struct tmpl_data *o = tmpl_add(d, "periods");

		tmpl_set(o, "slug", all[i].slug);
		tmpl_set(o, "name", all[i].name);
		tmpl_set_bool(o, "selected", all[i].id == p->id);
	}
	free(all);
	return 0;
}

/* ---- the overview ----------------------------------------------------------- */

/* 1 when the user may see units[i] (the unit tree in the list). */
static int visible(const struct console_ctx *c, const struct store_unit *units, int n, int i)
{
	int64_t at = units[i].id;

	if (c->user.role == STORE_ROLE_ADMIN_KOTA ||
	    (c->user.role == STORE_ROLE_PIMPINAN && c->user.unit == 0))
		return 1;
	for (int depth = 0; at != 0 && depth <= n; depth++) {
		int64_t parent = 0;

		if (at == c->user.unit)
			return 1;
		for (int j = 0; j < n; j++)
			if (units[j].id == at)
				parent = units[j].parent;
		at = parent;
	}
	return 0;
}

static const struct store_progress *progress_of(const struct store_progress *p, int n, int64_t unit,
                                                int64_t service)
{
	for (int i = 0; i < n; i++)
		if (p[i].unit == unit && p[i].service == service)
			return &p[i];
	return NULL;
}

static void overview(struct console_ctx *c)
{
	struct tmpl_data *d = NULL;
	struct store_period p;
	struct store_unit *units = NULL;
	struct store_service *svcs = NULL;
	struct store_progress *prog = NULL;
	struct ikm_err err = {0};
	int nu = 0, nv = 0, np = 0, shown = 0;
	char a[64], b[64];

	if (console_monitor_period(c, console_param(c, "periode"), &p) < 0)
		return;
	if (store_unit_list(c->s, &units, &nu, &err) < 0 ||
	    store_service_list(c->s, NULL, &svcs, &nv, &err) < 0 ||
	    store_period_progress(c->s, p.id, &prog, &np, &err) < 0) {
		console_store_fail(c, &err);
		goto out;
	}
	d = tmpl_data_new();
	if (periods_set(c, d, &p) < 0)
		goto out;
	tmpl_set(d, "period_slug", p.slug);
	tmpl_set(d, "period_name", p.name);
	tmpl_set(d, "period_from", console_monitor_date(a, sizeof(a), p.from));
	tmpl_set(d, "period_to", console_monitor_date(b, sizeof(b), p.to));
	tmpl_set_bool(d, "period_closed", p.closed);
	for (int i = 0; i < nu; i++) {
		const struct store_progress *g;
		struct tmpl_data *r;
		char href[STORE_SLUG_MAX * 3 + 64];

		if (!visible(c, units, nu, i))
			continue;
		shown++;
		r = tmpl_add(d, "rows");
		g = progress_of(prog, np, units[i].id, 0);
		snprintf(href, sizeof(href), "/admin/pantau/%s?periode=%s", units[i].slug, p.slug);
		tmpl_set(r, "href", href);
		tmpl_set(r, "name", units[i].name);
		progress_set(r, g != NULL ? g->counted : 0, g != NULL ? g->population : 0);
		for (int j = 0; j < nv; j++) {
			if (svcs[j].unit != units[i].id)
				continue;
			r = tmpl_add(d, "rows");
			g = progress_of(prog, np, units[i].id, svcs[j].id);
			snprintf(href, sizeof(href), "/admin/pantau/%s?periode=%s&layanan=%s",
			         units[i].slug, p.slug, svcs[j].slug);
			tmpl_set(r, "href", href);
			tmpl_set(r, "name", svcs[j].name);
			tmpl_set_bool(r, "is_service", 1);
			progress_set(r, g != NULL ? g->counted : 0, g != NULL ? g->population : 0);
		}
	}
	tmpl_set_bool(d, "no_units", shown == 0);
	console_page(c, 200, "admin/monitor-overview.html", d, "Pemantauan survei");
	d = NULL;
out:
	tmpl_data_free(d);
	free(units);
	free(svcs);
	free(prog);
}

/* ---- one unit ------------------------------------------------------------- */

/* Days since 1970-01-01 of yyyymmdd, and back (H. Hinnant's method). */
static int64_t day_number(int32_t ymd)
{
	int64_t y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
	int64_t era, yoe, doy;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static int32_t day_ymd(int64_t z)
{
	int64_t era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	return (int32_t)((y + (m <= 2)) * 10000 + m * 100 + d);
}

/* The charts of a unit's page, as SVG built from escaped parts. */
static int charts_set(struct tmpl_data *d, const struct store_counts *k,
                      const struct store_period *p, struct ikm_err *err)
{
	struct bytebuf svg = {0};
	int64_t first = day_number(p->from), ndays = day_number(p->to) - first + 1;
	uint64_t chv[STORE_NCHANNELS];
	char(*labels)[16];
	const char **lp;
	uint64_t *vals;
	int rc;

	for (int i = 0; i < STORE_NCHANNELS; i++)
		chv[i] = k->channel[i];
	{
		struct svgbar ch = {"grafik-saluran",
		                    "Tanggapan per saluran",
		                    "Jumlah tanggapan yang dihitung menurut saluran pengisian.",
		                    STORE_NCHANNELS,
		                    channel_labels,
		                    chv};

		if (svgbar_render(&ch, &svg, err) < 0)
			return -1;
		tmpl_set(d, "chart_channels", svg.p);
		bytebuf_free(&svg);
	}
	if (ndays > CHART_DAYS_MAX) {
		tmpl_set_bool(d, "days_cut", 1);
		ndays = CHART_DAYS_MAX;
	}
	labels = xcalloc((size_t)ndays, sizeof(*labels));
	lp = xcalloc((size_t)ndays, sizeof(*lp));
	vals = xcalloc((size_t)ndays, sizeof(*vals));
	for (int64_t i = 0; i < ndays; i++) {
		int32_t ymd = day_ymd(first + i);

		snprintf(labels[i], sizeof(labels[i]), "%d %s", ymd % 100,
		         month_short[ymd / 100 % 100 - 1]);
		lp[i] = labels[i];
	}
	for (int i = 0; i < k->ndays; i++) {
		int64_t at = day_number(k->days[i].day) - first;

		if (at >= 0 && at < ndays)
			vals[at] = k->days[i].n;
	}
	{
		struct svgbar dy = {"grafik-hari",
		                    "Tanggapan per hari survei",
		                    "Jumlah tanggapan yang dihitung menurut tanggal survei.",
		                    (int)ndays,
		                    lp,
		                    vals};

		rc = svgbar_render(&dy, &svg, err);
		if (rc == 0)
			tmpl_set(d, "chart_days", svg.p);
	}
	bytebuf_free(&svg);
	free(labels);
	free(lp);
	free(vals);
	return rc;
}

static void counts_set(struct tmpl_data *d, const struct store_counts *k)
{
	char buf[64];

	for (int i = 0; i < STORE_NCHANNELS; i++) {
		struct tmpl_data *r = tmpl_add(d, "channels");
		uint64_t pct10 =
		    k->counted ? (k->channel[i] * 1000 + k->counted / 2) / k->counted : 0;

		tmpl_set(r, "label", channel_labels[i]);
		tmpl_set(r, "n", idfmt_int(buf, sizeof(buf), (int64_t)k->channel[i]));
		tmpl_set(r, "share", idfmt_fixed(buf, sizeof(buf), (int64_t)pct10, 1));
	}
	for (int i = 0; i < k->ndays; i++) {
		struct tmpl_data *r = tmpl_add(d, "days");

		tmpl_set(r, "date", console_monitor_date(buf, sizeof(buf), k->days[i].day));
		tmpl_set(r, "n", idfmt_int(buf, sizeof(buf), (int64_t)k->days[i].n));
	}
	tmpl_set(d, "undated", k->undated ? idfmt_int(buf, sizeof(buf), (int64_t)k->undated) : "");
	tmpl_set(d, "excluded", idfmt_int(buf, sizeof(buf), (int64_t)k->excluded));
	tmpl_set(d, "flagged", idfmt_int(buf, sizeof(buf), (int64_t)k->flagged));
	tmpl_set(d, "flagged_open", idfmt_int(buf, sizeof(buf), (int64_t)k->flagged_open));
	tmpl_set_bool(d, "any_flagged", k->flagged > 0);
	/* The flags that occur (a stored response is never empty or invalid:
	 * those rows are refused before they are stored). */
	for (int b = 0; b < QUALITY_NFLAGS; b++) {
		struct tmpl_data *r;

		if (k->flag[b] == 0)
			continue;
		r = tmpl_add(d, "flags");

		tmpl_set(r, "label", quality_text(b));
		tmpl_set(r, "n", idfmt_int(buf, sizeof(buf), (int64_t)k->flag[b]));
		tmpl_set(r, "accepted", idfmt_int(buf, sizeof(buf), (int64_t)k->flag_accepted[b]));
		tmpl_set(r, "excluded", idfmt_int(buf, sizeof(buf), (int64_t)k->flag_excluded[b]));
	}
}

static void unit_page(struct console_ctx *c, const char *slug)
{
	struct console_monitor_scope m;
	struct store_counts k = {0};
	struct store_service *svcs = NULL;
	struct tmpl_data *d = NULL;
	struct ikm_err err = {0};
	int64_t population = 0;
	int nv = 0;
	char title[STORE_NAME_MAX + 32];

	if (console_monitor_scope(c, slug, &m) < 0)
		return;
	if (store_scope_counts(c->s, &m.sc, &k, &err) < 0 ||
	    store_population_get(c->s, m.u.id, m.v.id, m.p.id, &population, &err) < 0 ||
	    store_service_list(c->s, m.u.slug, &svcs, &nv, &err) < 0)
		goto fail;
	d = tmpl_data_new();
	if (periods_set(c, d, &m.p) < 0)
		goto out;
	console_monitor_scope_set(d, &m);
	progress_set(d, k.counted, population);
	counts_set(d, &k);
	if (charts_set(d, &k, &m.p, &err) < 0)
		goto fail;
	for (int i = 0; i < nv; i++) {
		struct tmpl_data *r = tmpl_add(d, "services");

		tmpl_set(r, "slug", svcs[i].slug);
		tmpl_set(r, "name", svcs[i].name);
		tmpl_set_bool(r, "current", svcs[i].id == m.v.id);
	}
	tmpl_set_bool(d, "all_services", m.v.id == 0);
	snprintf(title, sizeof(title), "Pemantauan %s", m.u.name);
	console_page(c, 200, "admin/monitor-unit.html", d, title);
	d = NULL;
	goto out;
fail:
	console_store_fail(c, &err);
out:
	tmpl_data_free(d);
	store_counts_free(&k);
	free(svcs);
}

void console_monitor(struct console_ctx *c, const char *rest)
{
	char slug[STORE_SLUG_MAX + 1];
	const char *end;
	size_t n;

	if (rest[0] == '\0') {
		if (c->post) {
			console_fail(c, 405, "Halaman ini hanya untuk dilihat.");
			return;
		}
		overview(c);
		return;
	}
	end = strchr(rest + 1, '/');
	n = end != NULL ? (size_t)(end - rest - 1) : strlen(rest + 1);
	if (n == 0 || n > STORE_SLUG_MAX) {
		console_fail(c, 404, "Unit tidak ditemukan.");
		return;
	}
	memcpy(slug, rest + 1, n);
	slug[n] = '\0';
	if (end == NULL) {
		if (c->post) {
			console_fail(c, 405, "Halaman ini hanya untuk dilihat.");
			return;
		}
		unit_page(c, slug);
	} else if (strcmp(end, "/tinjau") == 0) {
		console_review(c, slug);
	} else {
		console_fail(c, 404, "Alamat yang Anda buka tidak ada di konsol.");
	}
}
