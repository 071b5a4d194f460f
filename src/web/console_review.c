/* console_review: /admin/pantau/UNIT/tinjau — the responses of a unit
 * (and service) in a period that carry a quality flag, REVIEW_PER_PAGE at
 * a time, oldest first, with their answers, flags (in Indonesian), the
 * respondent's suggestion and the current decision. admin-kota and
 * admin-unit accept or exclude one with a required reason (POST); an
 * operator sees the list only. A decision is kept in the store
 * (store_review_set: an excluded response counts nowhere), audited with
 * its reason, and the page comes back with ?ok=tinjau. A closed period
 * takes no decisions: its results stay as published. */
#include "console_monitor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "idfmt.h"
#include "quality.h"
#include "text.h"
#include "xalloc.h"

#define REVIEW_PER_PAGE  20      /* named limit: flagged responses on one page */
#define REVIEW_PAGES_MAX 1000000 /* named limit: a page number */

/* A form sent back with a problem: the response it was about, the
 * message and what was typed. */
struct review_form {
	int64_t id;
	const char *error;
	const char *typed;
};

static int may_review(const struct console_ctx *c)
{
	return c->user.role == STORE_ROLE_ADMIN_KOTA || c->user.role == STORE_ROLE_ADMIN_UNIT;
}

/* A positive integer parameter no larger than max, or 0. */
static int64_t param_int(const char *s, int64_t max)
{
	char *end;
	long long v;

	if (s == NULL || s[0] < '0' || s[0] > '9' || strlen(s) > 19)
		return 0;
	v = strtoll(s, &end, 10);
	return *end == '\0' && v > 0 && v <= max ? (int64_t)v : 0;
}

/* "3 Maret 2026 10.15 WIB" of unix seconds t in the organisation's zone. */
static char *when(char *buf, size_t size, int64_t t, const char *zone)
{
	int hours = strcmp(zone, "WIT") == 0 ? 9 : strcmp(zone, "WITA") == 0 ? 8 : 7;
	time_t local = (time_t)(t + hours * 3600);
	struct tm tm;
	char day[48];

	if (gmtime_r(&local, &tm) == NULL) {
		snprintf(buf, size, "-");
		return buf;
	}
	snprintf(buf, size, "%s %02d.%02d %s",
	         idfmt_date(day, sizeof(day), tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
	         tm.tm_hour, tm.tm_min, zone);
	return buf;
}

/* The flags of a response in words, "; " between them. */
static void flags_text(unsigned flags, char *buf, size_t size)
{
	size_t o = 0;

	buf[0] = '\0';
	for (int b = 0; b < QUALITY_NFLAGS && o < size; b++)
		if (flags & (1u << b))
			o += (size_t)snprintf(buf + o, size - o, "%s%s", o ? "; " : "",
			                      quality_text(b));
}

/* The path of the list (periode, layanan, hal) into buf. */
static void list_path(char *buf, size_t size, const struct console_monitor_scope *m, int64_t page)
{
	int o = snprintf(buf, size, "/admin/pantau/%s/tinjau?periode=%s", m->u.slug, m->p.slug);

	if (o > 0 && (size_t)o < size && m->v.id != 0)
		o += snprintf(buf + o, size - (size_t)o, "&layanan=%s", m->v.slug);
	if (o > 0 && (size_t)o < size && page > 1)
		snprintf(buf + o, size - (size_t)o, "&hal=%lld", (long long)page);
}

static void item_set(struct console_ctx *c, struct tmpl_data *r, const struct store_flagged *f,
                     const struct review_form *form)
{
	char buf[1024];
	size_t k = strlen(f->answers), o = 0;

	snprintf(buf, sizeof(buf), "%lld", (long long)f->id);
	tmpl_set(r, "item_id", buf);
	tmpl_set(r, "item_submitted", when(buf, sizeof(buf), f->submitted, c->org.zone));
	tmpl_set(r, "item_date",
	         f->date != 0 ? console_monitor_date(buf, sizeof(buf), f->date) : "");
	tmpl_set(r, "item_channel", console_monitor_channel(f->channel));
	for (size_t j = 0; j < k && o + 8 < sizeof(buf); j++) {
		if (f->answers[j] >= '1' && f->answers[j] <= '4') {
			buf[o++] = f->answers[j];
		} else {
			memcpy(buf + o, "\xe2\x80\x93", 3); /* an en dash: not answered */
			o += 3;
		}
		buf[o++] = ' ';
	}
	buf[o > 0 ? o - 1 : 0] = '\0';
	tmpl_set(r, "item_answers", buf);
	flags_text(f->flags, buf, sizeof(buf));
	tmpl_set(r, "item_flags", buf);
	tmpl_set(r, "item_suggestion", f->suggestion);
	if (f->reviewed != 0) {
		tmpl_set(r, "item_decision", f->reviewed == 2 ? "Dikecualikan" : "Diterima");
		tmpl_set_bool(r, "item_excluded", f->reviewed == 2);
		tmpl_set(r, "item_reason", f->reason);
		tmpl_set(r, "item_reviewer", f->reviewer);
		tmpl_set(r, "item_reviewed_at",
		         when(buf, sizeof(buf), f->reviewed_at, c->org.zone));
	}
	if (form != NULL && form->id == f->id) {
		tmpl_set(r, "item_error", form->error);
		tmpl_set(r, "item_typed", form->typed);
	}
}

/* The page of the list (GET, or a POST answered with a problem). */
static void review_page(struct console_ctx *c, const struct console_monitor_scope *m, int64_t page,
                        int status, const struct review_form *form)
{
	struct store_flagged *list = NULL;
	struct tmpl_data *d = NULL;
	struct ikm_err err = {0};
	int64_t total = 0, pages;
	int n = 0;
	char buf[HTTP_PATH_MAX], title[STORE_NAME_MAX + 32];

	if (store_flagged_count(c->s, &m->sc, &total, &err) < 0)
		goto fail;
	pages = total > 0 ? (total + REVIEW_PER_PAGE - 1) / REVIEW_PER_PAGE : 1;
	if (page < 1)
		page = 1;
	if (page > pages)
		page = pages;
	if (store_flagged_list(c->s, &m->sc, (int)((page - 1) * REVIEW_PER_PAGE), REVIEW_PER_PAGE,
	                       &list, &n, &err) < 0)
		goto fail;
	d = tmpl_data_new();
	console_monitor_scope_set(d, m);
	tmpl_set_bool(d, "can_review", may_review(c) && !m->p.closed);
	tmpl_set_bool(d, "read_only", !may_review(c));
	tmpl_set(d, "total", idfmt_int(buf, sizeof(buf), total));
	tmpl_set_bool(d, "none", total == 0);
	snprintf(buf, sizeof(buf), "%lld", (long long)page);
	tmpl_set(d, "page", buf);
	snprintf(buf, sizeof(buf), "%lld", (long long)pages);
	tmpl_set(d, "pages", buf);
	tmpl_set_bool(d, "paged", pages > 1);
	if (page > 1) {
		list_path(buf, sizeof(buf), m, page - 1);
		tmpl_set(d, "prev_href", buf);
	}
	if (page < pages) {
		list_path(buf, sizeof(buf), m, page + 1);
		tmpl_set(d, "next_href", buf);
	}
	for (int i = 0; i < n; i++)
		item_set(c, tmpl_add(d, "items"), &list[i], form);
	if (form != NULL)
		tmpl_set(d, "form_error", form->error);
	snprintf(title, sizeof(title), "Tinjauan %s", m->u.name);
	console_page(c, status, "admin/monitor-review.html", d, title);
	free(list);
	return;
fail:
	free(list);
	console_store_fail(c, &err);
}

/* POST: a decision on one response of the list. */
static void review_post(struct console_ctx *c, const struct console_monitor_scope *m)
{
	struct store_flagged f;
	struct store_scope rs;
	struct review_form form = {0};
	struct ikm_err err = {0};
	const char *decision = console_param(c, "keputusan"), *reason = console_param(c, "alasan");
	int64_t id = param_int(console_param(c, "tanggapan"), INT64_MAX);
	int64_t page = param_int(console_param(c, "hal"), REVIEW_PAGES_MAX);
	enum store_decision dv;
	size_t rlen;
	char path[HTTP_PATH_MAX], reason_trim[STORE_REASON_MAX + 1], flags[512];

	if (!may_review(c)) {
		console_audit(c, "access.refused", c->req->path, "role %s may not review",
		              store_role_name(c->user.role));
		console_fail(c, 403,
		             "Peran Anda hanya dapat melihat daftar ini, tidak memutuskan.");
		return;
	}
	if (id == 0 || store_flagged_get(c->s, id, &rs, &f, &err) < 0) {
		if (err.kind != IKM_OK && err.kind != IKM_EDATA) {
			console_store_fail(c, &err);
			return;
		}
		console_fail(c, 404, "Tanggapan tidak ada dalam daftar tinjauan ini.");
		return;
	}
	/* The response must be one of this list: the unit, period and
	 * service the page names (which the user may see). */
	if (rs.unit != m->u.id || rs.period != m->p.id || f.flags == 0 ||
	    (m->v.id != 0 && rs.service != m->v.id)) {
		console_audit(c, "access.refused", c->req->path,
		              "response %lld is not in this review list", (long long)id);
		console_fail(c, 404, "Tanggapan tidak ada dalam daftar tinjauan ini.");
		return;
	}
	if (m->p.closed) {
		console_fail(
		    c, 409,
		    "Periode ini sudah ditutup; keputusan tinjauan tidak dapat diubah. Buka "
		    "kembali periode di Pengaturan bila perlu.");
		return;
	}
	form.id = id;
	form.typed = reason != NULL ? reason : "";
	if (reason != NULL) {
		const char *p = reason;

		rlen = strlen(reason);
		text_trim(&p, &rlen);
		if (rlen > STORE_REASON_MAX) {
			snprintf(flags, sizeof(flags),
			         "Alasan terlalu panjang: paling banyak %d byte (huruf beraksen "
			         "memakai lebih dari satu byte).",
			         STORE_REASON_MAX);
			form.error = flags;
			review_page(c, m, page, 422, &form);
			return;
		}
		memcpy(reason_trim, p, rlen);
		reason_trim[rlen] = '\0';
	} else {
		rlen = 0;
		reason_trim[0] = '\0';
	}
	if (decision != NULL && strcmp(decision, "terima") == 0) {
		dv = STORE_ACCEPT;
	} else if (decision != NULL && strcmp(decision, "kecualikan") == 0) {
		dv = STORE_EXCLUDE;
	} else {
		form.error = "Pilih Terima atau Kecualikan.";
		review_page(c, m, page, 422, &form);
		return;
	}
	if (rlen == 0) {
		form.error = "Alasan wajib diisi: tuliskan mengapa tanggapan ini diterima atau "
			     "dikecualikan.";
		review_page(c, m, page, 422, &form);
		return;
	}
	if (store_review_set(c->s, id, dv, reason_trim, c->user.id, &err) < 0) {
		if (err.kind == IKM_EDATA) {
			console_fail(c, 409, err.msg);
			return;
		}
		console_store_fail(c, &err);
		return;
	}
	flags_text(f.flags, flags, sizeof(flags));
	snprintf(path, sizeof(path), "response %lld (%s, %s)", (long long)id, m->u.slug, m->p.slug);
	console_audit(c, dv == STORE_EXCLUDE ? "review.exclude" : "review.accept", path,
	              "flags: %s; reason: %s", flags, reason_trim);
	list_path(path, sizeof(path) - 48, m, page);
	{
		size_t o = strlen(path);

		snprintf(path + o, sizeof(path) - o, "&ok=tinjau#t%lld", (long long)id);
	}
	console_redirect(c, path);
}

void console_review(struct console_ctx *c, const char *unit_slug)
{
	struct console_monitor_scope m;

	if (console_monitor_scope(c, unit_slug, &m) < 0)
		return;
	if (c->post)
		review_post(c, &m);
	else
		review_page(c, &m, param_int(console_param(c, "hal"), REVIEW_PAGES_MAX), 200, NULL);
}
