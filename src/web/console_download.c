/* console_download: /admin/unduh, the documents of one unit and period
 * (one service or all) — the recommendation letter and the Laporan SKM
 * (PDF, DOCX, HTML), the processing workbook (XLSX with live formulas),
 * the infographic (PDF, PNG, SVG) — and the responses as CSV, for every
 * role within its subtree. Each is made on request from the store by the
 * code of `ikm report --unit` (scopedoc, reportgen) with the office
 * profile kept in the store.
 *
 * Decisions:
 * - A file is named by a fixed table (/admin/unduh/laporan.pdf); nothing
 *   from the request becomes a path. The document is written into a
 *   private folder (mkdtemp, 0700) with the logo, read back, and the
 *   folder removed.
 * - One document is made at a time per process (a mutex): the drawing
 *   libraries are not all safe to run from many threads at once, and it
 *   bounds the memory and processor time downloads can take.
 * - The CSV holds the responses that count in the results (excluded ones
 *   left out, like the page and the workbook); a text a spreadsheet would
 *   run as a formula gets a leading apostrophe, as `ikm export` writes.
 * - Every download is written to the audit log (it carries the answers). */
#include "console_results.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "catalog.h"
#include "office.h"
#include "scopedoc.h"
#include "xalloc.h"

#define DOWNLOAD_MAX (64u << 20) /* named limit: bytes of one document sent */

struct download {
	const char *name; /* the last part of the path, also the file's name */
	int csv;          /* the responses, not a document */
	enum reportgen_kind kind;
	const char *mime;
	const char *label;
};

static const char pdf[] = "application/pdf";
static const char docx[] =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
static const char html[] = "text/html; charset=utf-8";

static const struct download downloads[] = {
    {"rekomendasi.pdf", 0, REPORTGEN_LETTER, pdf, "Surat rekomendasi dan tindak lanjut (PDF)"},
    {"rekomendasi.docx", 0, REPORTGEN_LETTER, docx, "Surat rekomendasi dan tindak lanjut (DOCX)"},
    {"rekomendasi.html", 0, REPORTGEN_LETTER, html, "Surat rekomendasi dan tindak lanjut (HTML)"},
    {"laporan.pdf", 0, REPORTGEN_LAPORAN, pdf, "Laporan SKM (PDF)"},
    {"laporan.docx", 0, REPORTGEN_LAPORAN, docx, "Laporan SKM (DOCX)"},
    {"laporan.html", 0, REPORTGEN_LAPORAN, html, "Laporan SKM (HTML)"},
    {"olahdata.xlsx", 0, REPORTGEN_OLAHDATA,
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
     "Lembar olah data dengan rumus (XLSX)"},
    {"infografis.pdf", 0, REPORTGEN_INFOGRAPHIC, pdf, "Infografis (PDF)"},
    {"infografis.png", 0, REPORTGEN_INFOGRAPHIC, "image/png", "Infografis (PNG)"},
    {"infografis.svg", 0, REPORTGEN_INFOGRAPHIC, "image/svg+xml", "Infografis (SVG)"},
    {"tanggapan.csv", 1, REPORTGEN_LETTER, "text/csv; charset=utf-8",
     "Data tanggapan (CSV, dapat diimpor kembali)"},
};

#define NDOWNLOADS ((int)(sizeof(downloads) / sizeof(downloads[0])))

static pthread_mutex_t doc_lock = PTHREAD_MUTEX_INITIALIZER;

/* The list of downloads for the chosen scope. */
static void list_page(struct console_ctx *c, struct results_req *r, struct tmpl_data *d)
{
	struct ikm_err err = {0};
	char q[256], href[512], scope[STORE_NAME_MAX * 2 + 8];

	if (!r->chosen) {
		console_page(c, 200, "admin/results-download.html", d, "Unduhan");
		return;
	}
	snprintf(scope, sizeof(scope), "%s%s%s", r->a.unit.name,
	         r->a.service.id ? " \xE2\x80\x93 " : "", r->a.service.id ? r->a.service.name : "");
	tmpl_set(d, "scope", scope);
	tmpl_set(d, "period", r->a.period.name);
	console_results_query(r, q, sizeof(q));
	tmpl_set(d, "query", q);
	if (scope_analyse(c->s, &r->a, &err) < 0) {
		if (err.kind != IKM_EDATA) {
			tmpl_data_free(d);
			console_store_fail(c, &err);
			return;
		}
		tmpl_set(d, "empty", err.msg);
		console_page(c, 200, "admin/results-download.html", d, "Unduhan");
		return;
	}
	tmpl_set_bool(d, "has_files", 1);
	for (int i = 0; i < NDOWNLOADS; i++) {
		struct tmpl_data *row = tmpl_add(d, "files");

		snprintf(href, sizeof(href), "/admin/unduh/%s?%s", downloads[i].name, q);
		tmpl_set(row, "href", href);
		tmpl_set(row, "label", downloads[i].label);
	}
	console_page(c, 200, "admin/results-download.html", d, "Unduhan");
}

/* Read the file at path into body. */
static int slurp(const char *path, struct bytebuf *body, struct ikm_err *err)
{
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t n, total = 0;
	int rc = 0;

	if (f == NULL)
		return err_set(err, IKM_EIO, "%s: %s", path, strerror(errno));
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		total += n;
		if (total > DOWNLOAD_MAX) {
			rc = err_set(err, IKM_ELIMIT,
			             "dokumen lebih dari %u MiB / document too large",
			             DOWNLOAD_MAX >> 20);
			break;
		}
		bytebuf_add(body, buf, n);
	}
	if (rc == 0 && ferror(f))
		rc = err_set(err, IKM_EIO, "%s: gagal membaca / read failed", path);
	fclose(f);
	return rc;
}

/* Make document dl of the analysed scope into res->body. */
static int make_document(struct console_ctx *c, const struct scope_analysis *a,
                         const struct download *dl, struct ikm_err *err)
{
	char dir[SCOPEDOC_DIR_MAX] = "", path[SCOPEDOC_DIR_MAX + 32], place_date[512];
	struct profile *prof = xmalloc(sizeof(*prof));
	struct catalog *cat = NULL;
	struct scopedoc_opts o = {0};
	int rc = -1;

	pthread_mutex_lock(&doc_lock);
	if (scopedoc_tmpdir(dir, err) < 0 || office_profile_load(c->s, dir, prof, err) < 0 ||
	    catalog_load_default(&cat, err) < 0)
		goto out;
	reportgen_place_date(prof, NULL, place_date, sizeof(place_date), &o.year);
	o.prof = prof;
	o.cat = cat;
	o.place_date = place_date;
	o.lampiran_rows = LAPORAN_ROWS_DEFAULT;
	snprintf(path, sizeof(path), "%s/%s", dir, dl->name);
	if (scopedoc_save(c->s, a, dl->kind, &o, path, err) < 0 ||
	    slurp(path, &c->res->body, err) < 0)
		goto out;
	rc = 0;
out:
	scopedoc_tmpdir_remove(dir);
	pthread_mutex_unlock(&doc_lock);
	catalog_free(cat);
	free(prof);
	return rc;
}

/* The responses as CSV into res->body. */
static int make_csv(struct console_ctx *c, const struct scope_analysis *a, struct ikm_err *err)
{
	char *p = NULL;
	size_t len = 0;
	uint64_t n = 0;
	FILE *f = open_memstream(&p, &len);
	int rc;

	if (f == NULL)
		return err_set(err, IKM_EIO, "memori / memory: %s", strerror(errno));
	rc = scope_csv_write(c->s, &a->sc, f, 0, &n, err);
	if (fclose(f) != 0 && rc == 0)
		rc = err_set(err, IKM_EIO, "CSV: %s", strerror(errno));
	if (rc == 0)
		bytebuf_add(&c->res->body, p, len);
	free(p);
	return rc;
}

/* GET /admin/unduh/NAME: one file. */
static void one_file(struct console_ctx *c, struct results_req *r, const struct download *dl)
{
	struct ikm_err err = {0};
	char object[STORE_SLUG_MAX * 3 + 8];
	int rc;

	if (!r->chosen) {
		console_fail(c, 400, "Pilih unit dan periode dokumen yang akan diunduh.");
		return;
	}
	if (scope_analyse(c->s, &r->a, &err) < 0) {
		if (err.kind != IKM_EDATA) {
			console_store_fail(c, &err);
			return;
		}
		console_fail(c, 404,
		             "Belum ada tanggapan untuk unit, periode dan layanan ini, sehingga "
		             "dokumennya belum dapat dibuat.");
		return;
	}
	bytebuf_free(&c->res->body);
	rc = dl->csv ? make_csv(c, &r->a, &err) : make_document(c, &r->a, dl, &err);
	if (rc < 0) {
		bytebuf_free(&c->res->body);
		if (err.kind == IKM_EDATA || err.kind == IKM_ELIMIT) {
			console_fail(c, 422, err.msg);
			return;
		}
		console_store_fail(c, &err);
		return;
	}
	snprintf(object, sizeof(object), "%s/%s%s%s", r->unit, r->period, r->service[0] ? "/" : "",
	         r->service);
	console_audit(c, "results.download", object, "%s", dl->name);
	c->res->status = 200;
	snprintf(c->res->content_type, sizeof(c->res->content_type), "%s", dl->mime);
	/* Slugs and the table's names only: ASCII, no quote, no path. */
	snprintf(c->res->content_disposition, sizeof(c->res->content_disposition),
	         "attachment; filename=\"skm-%s-%s%s%s-%s\"", r->unit, r->period,
	         r->service[0] ? "-" : "", r->service, dl->name);
}

void console_download(struct console_ctx *c, const char *rest)
{
	const struct download *dl = NULL;
	struct results_req *r;
	struct tmpl_data *d = NULL;

	if (c->post) {
		console_fail(c, 405, "Unduhan hanya dengan GET.");
		return;
	}
	if (rest[0] != '\0') {
		for (int i = 0; i < NDOWNLOADS; i++)
			if (rest[0] == '/' && strcmp(rest + 1, downloads[i].name) == 0)
				dl = &downloads[i];
		if (dl == NULL) {
			console_fail(c, 404, "Berkas itu tidak ada di daftar unduhan.");
			return;
		}
	}
	r = xcalloc(1, sizeof(*r));
	if (console_results_req(c, r) != 1)
		goto out;
	if (dl != NULL) {
		one_file(c, r, dl);
		goto out;
	}
	d = tmpl_data_new();
	{
		struct tmpl_data *f = tmpl_data_new();
		struct bytebuf b = {0};
		struct ikm_err err = {0};
		const struct tmpl *t = web_tmpl(c->a, "admin/results-chooser.html");

		tmpl_set(f, "action", "/admin/unduh");
		if (console_results_chooser(c, r, f) < 0) {
			tmpl_data_free(f);
			tmpl_data_free(d);
			goto out;
		}
		if (t != NULL && tmpl_render(t, f, &b, &err) == 0)
			tmpl_set(d, "chooser", b.p != NULL ? b.p : "");
		tmpl_data_free(f);
		bytebuf_free(&b);
	}
	list_page(c, r, d);
out:
	scope_free(&r->a);
	free(r);
}
