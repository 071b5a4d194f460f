/* console_import: import of CSV/XLSX files in the office console
 * (/admin/impor). The user picks a unit (of their subtree), a period that
 * is open and optionally a service, and uploads a file (multipart field
 * "berkas"). Its type is judged by content, not name; it is read at once
 * (a file whose header cannot be mapped is refused there), then kept in
 * the store's upload table for an hour and previewed: which column became
 * which element or profile field, how many rows, and every row error with
 * the messages of `ikm import` (the same code: store_import.h). "Simpan"
 * stores all rows or none, or with "lewati baris yang salah" the rest,
 * listing the rejected rows; channel "import", in one transaction that
 * also takes the upload, so a file is committed once. */
#include "console_entry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "idfmt.h"
#include "store_import.h"
#include "store_upload.h"
#include "xalloc.h"

#define IMPORT_FILE_MAX     (10u << 20) /* named limit: bytes of an imported file */
#define IMPORT_KEEP_SECONDS 3600        /* an upload waits this long for its commit */
#define IMPORT_ERRORS_SHOWN 500         /* named limit: row errors listed */

static const char not_found[] = "Alamat yang Anda buka tidak ada di konsol.";
static const char gone[] =
    "Berkas ini sudah disimpan, dibatalkan, atau sudah lebih dari satu jam diunggah. "
    "Silakan unggah berkasnya lagi.";

/* What a request names: unit, service, period, the unit's instrument and
 * the uploaded file. */
struct import_job {
	struct store_unit u;
	struct store_service sv; /* id 0: none */
	struct store_period p;
	int64_t instr;
	struct instrument in;
	struct instr_texts *t;
	char token[AUTH_TOKEN_HEX + 1];
	char name[STORE_UPLOAD_NAME_MAX + 1];
	const unsigned char *data;
	size_t len;
};

struct import_error {
	uint64_t line;
	char msg[LOAD_MESSAGE_MAX];
};

/* What reading the file gave. */
struct import_result {
	char fatal[IKM_ERR_MSG_MAX]; /* why the file cannot be read; "" when it was */
	int fatal_kind;              /* its IKM_* kind */
	char format[64];
	struct colmap map;
	uint64_t rows, stored, empty, rejected;
	int nerr;
	struct import_error *errs; /* the first IMPORT_ERRORS_SHOWN */
	int nhdr;
	char (*hdr)[COLMAP_HEADER_SHOWN + 1]; /* the header row, for the mapping */
};

static void result_free(struct import_result *r)
{
	free(r->errs);
	free(r->hdr);
	memset(r, 0, sizeof(*r));
}

static void note_reject(void *user, uint64_t line, const char *msg)
{
	struct import_result *r = user;

	if (r->nerr >= IMPORT_ERRORS_SHOWN)
		return;
	if (r->errs == NULL)
		r->errs = xcalloc(IMPORT_ERRORS_SHOWN, sizeof(*r->errs));
	r->errs[r->nerr].line = line;
	snprintf(r->errs[r->nerr].msg, sizeof(r->errs[0].msg), "%s", msg);
	r->nerr++;
}

/* The header row of the file (its first non-blank row), for the mapping. */
static void read_header(const struct import_job *j, struct import_result *r)
{
	struct table *t = NULL;
	struct table_row row;
	struct ikm_err err = {0};
	int rc;

	if (table_open_mem(j->data, j->len, j->name, &t, &err) < 0)
		return;
	while ((rc = table_next(t, &row, &err)) > 0) {
		size_t blank = 0;

		for (size_t c = 0; c < row.n; c++)
			blank += strspn(row.field[c], " \t\r\n") == row.len[c];
		if (blank < row.n)
			break;
	}
	if (rc > 0) {
		r->nhdr = (int)row.n;
		r->hdr = xcalloc(row.n + 1, sizeof(*r->hdr));
		for (size_t c = 0; c < row.n; c++) {
			size_t n =
			    row.len[c] < COLMAP_HEADER_SHOWN ? row.len[c] : COLMAP_HEADER_SHOWN;

			while (n > 0 && n < row.len[c] &&
			       ((unsigned char)row.field[c][n] & 0xC0) == 0x80)
				n--;
			memcpy(r->hdr[c], row.field[c], n);
			r->hdr[c][n] = '\0';
		}
	}
	table_close(t);
}

/* Read the job's file: a dry run (nothing stored) or the import itself on
 * c->s (inside the caller's transaction). Bad rows are always skipped and
 * listed; the caller decides. -1 when the store failed (err set); a file
 * that cannot be read is r->fatal. */
static int import_run(struct console_ctx *c, const struct import_job *j, int dry,
                      struct import_result *r, struct ikm_err *err)
{
	struct store_import *im = xcalloc(1, sizeof(*im));
	struct instrument *in = xmalloc(sizeof(*in));
	struct load_source src = {j->data, j->len};
	struct load_opts lo = {0};
	struct load_report rep = {0};
	char *names[1];
	int rc = 0;

	memset(r, 0, sizeof(*r));
	*in = j->in;
	names[0] = (char *)j->name;
	im->s = c->s;
	im->unit = j->u.id;
	im->service = j->sv.id;
	im->period = &j->p;
	im->instrument = j->instr;
	im->channel = STORE_IMPORT;
	im->skip_invalid = 1;
	im->dry_run = dry;
	im->reject = note_reject;
	im->reject_user = r;
	lo.mem = &src;
	if (store_import_files(im, names, 1, in, &lo, &rep, err) < 0) {
		/* The store failing is not the file's fault. */
		if (err->kind == IKM_EIO && !dry)
			rc = -1;
		snprintf(r->fatal, sizeof(r->fatal), "%s", err->msg);
		r->fatal_kind = err->kind;
		if (r->fatal[0] == '\0')
			snprintf(r->fatal, sizeof(r->fatal), "Berkas tidak dapat dibaca.");
	}
	if (rep.nfiles > 0) {
		snprintf(r->format, sizeof(r->format), "%s", rep.files[0].format);
		r->map = rep.files[0].map;
	}
	r->rows = rep.rows;
	r->stored = im->stored;
	r->empty = im->empty;
	r->rejected = im->rejected;
	load_report_free(&rep);
	free(in);
	free(im);
	if (r->fatal[0] == '\0')
		read_header(j, r);
	return rc;
}

/* Why bytes b[0..n) are no CSV or XLSX file, or NULL. Judged by content:
 * a ZIP is left to the XLSX reader; known binary formats are named; any
 * other file must be text (no NUL or control characters besides tab and
 * line ends). */
static const char *file_problem(const unsigned char *b, size_t n)
{
	static const struct {
		const char *magic;
		size_t len;
		const char *what;
	} kinds[] = {
	    {"\x89PNG\r\n\x1a\n", 8, "Berkas ini berupa gambar PNG, bukan CSV atau XLSX."},
	    {"\xff\xd8\xff", 3, "Berkas ini berupa gambar JPEG, bukan CSV atau XLSX."},
	    {"GIF8", 4, "Berkas ini berupa gambar GIF, bukan CSV atau XLSX."},
	    {"%PDF-", 5, "Berkas ini berupa dokumen PDF, bukan CSV atau XLSX."},
	    {"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8,
	     "Berkas Excel lama (.xls) belum didukung. Simpan ulang sebagai .xlsx atau .csv."},
	    {"\x1f\x8b", 2, "Berkas ini berupa arsip terkompresi, bukan CSV atau XLSX."},
	    {"Rar!", 4, "Berkas ini berupa arsip RAR, bukan CSV atau XLSX."},
	    {"7z\xbc\xaf\x27\x1c", 6, "Berkas ini berupa arsip 7z, bukan CSV atau XLSX."},
	};

	if (n == 0)
		return "Berkas kosong (0 byte). Pilih berkas CSV atau XLSX yang berisi data.";
	if (n >= 4 && memcmp(b, "PK\x03\x04", 4) == 0)
		return NULL;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (n >= kinds[i].len && memcmp(b, kinds[i].magic, kinds[i].len) == 0)
			return kinds[i].what;
	if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
		return "Berkas ini berkode UTF-16. Simpan ulang sebagai \"CSV UTF-8\".";
	for (size_t i = 0; i < n; i++)
		if ((b[i] < 0x20 && b[i] != '\t' && b[i] != '\r' && b[i] != '\n') || b[i] == 0x7F)
			return "Berkas ini bukan CSV (berisi data biner) dan bukan XLSX. Pilih "
			       "berkas "
			       ".csv atau .xlsx.";
	return NULL;
}

/* ---- pages ---------------------------------------------------------------- */

static const char *const profile_use[PROF_COUNT] = {
    "Jenis kelamin",        "Usia",           "Pendidikan", "Pekerjaan",
    "Jenis layanan (teks)", "Tanggal survei", "Jam",        "Saran"};

static void set_count(struct tmpl_data *d, const char *name, uint64_t v)
{
	char buf[32];

	tmpl_set(d, name, idfmt_int(buf, sizeof(buf), (int64_t)v));
}

/* The upload form of unit u. */
static void form_page(struct console_ctx *c, int status, const struct store_unit *u,
                      const char *service, const char *period, const char *error,
                      const char *file_error)
{
	struct tmpl_data *d = tmpl_data_new();
	struct store_period *list = NULL, now;
	struct ikm_err err = {0};
	int n = 0, found = 0, open = 0;

	if (store_period_list(c->s, &list, &n, &err) < 0 ||
	    store_period_on(c->s, store_today(c->org.zone), &now, &found, &err) < 0 ||
	    console_entry_services(c, u, service, d) < 0) {
		if (err.kind != IKM_OK)
			console_store_fail(c, &err);
		tmpl_data_free(d);
		free(list);
		return;
	}
	tmpl_set(d, "unit", u->slug);
	tmpl_set(d, "unit_name", u->name);
	tmpl_set(d, "form_error", error);
	tmpl_set(d, "file_error", file_error);
	for (int i = 0; i < n; i++) {
		struct tmpl_data *o;

		if (list[i].closed)
			continue;
		o = tmpl_add(d, "periods");
		tmpl_set(o, "slug", list[i].slug);
		tmpl_set(o, "name", list[i].name);
		tmpl_set_bool(o, "chosen",
		              period != NULL && period[0] != '\0'
		                  ? strcmp(period, list[i].slug) == 0
		                  : found && list[i].id == now.id);
		open++;
	}
	tmpl_set_bool(d, "has_periods", open > 0);
	free(list);
	console_page(c, status, "admin/import-form.html", d, "Impor berkas kuesioner");
}

/* The preview (or, after a commit that skipped rows, the result). */
static void preview_page(struct console_ctx *c, int status, const struct import_job *j,
                         const struct import_result *r, const char *error, int done)
{
	struct tmpl_data *d = tmpl_data_new();
	struct bytebuf ign = {0};

	tmpl_set(d, "unit", j->u.slug);
	tmpl_set(d, "unit_name", j->u.name);
	tmpl_set(d, "service", j->sv.slug);
	tmpl_set(d, "service_name", j->sv.name);
	tmpl_set(d, "period", j->p.slug);
	tmpl_set(d, "period_name", j->p.name);
	tmpl_set(d, "token", j->token);
	tmpl_set(d, "file", j->name);
	tmpl_set(d, "format", r->format);
	tmpl_set(d, "form_error", error);
	tmpl_set_bool(d, "done", done);
	set_count(d, "rows", r->rows);
	set_count(d, "ready", r->stored);
	set_count(d, "empty", r->empty);
	set_count(d, "bad", r->rejected);
	tmpl_set_bool(d, "can_save", !done && r->stored > 0);
	tmpl_set_bool(d, "has_errors", r->rejected > 0);
	for (int col = 0; col < r->map.ncols; col++) {
		const char *use = NULL;
		char label[200], num[16];
		struct tmpl_data *o;

		for (int e = 0; e < j->in.k; e++)
			if (r->map.elem_col[e] == col) {
				snprintf(label, sizeof(label), "%s %s", j->in.el[e].code,
				         j->t->name[e][0][0] != '\0' ? j->t->name[e][0]
				                                     : j->in.el[e].name);
				use = label;
			}
		for (int p = 0; p < PROF_COUNT; p++)
			if (r->map.prof_col[p] == col)
				use = profile_use[p];
		if (use == NULL)
			continue;
		o = tmpl_add(d, "columns");
		snprintf(num, sizeof(num), "%d", col + 1);
		tmpl_set(o, "col", num);
		tmpl_set(o, "header", col < r->nhdr ? r->hdr[col] : "");
		tmpl_set(o, "use", use);
	}
	for (int i = 0; i < r->map.nignored && i < COLMAP_KEEP_IGNORED; i++) {
		if (i > 0)
			bytebuf_puts(&ign, "; ");
		bytebuf_puts(&ign, r->map.ignored[i]);
	}
	if (r->map.nignored > COLMAP_KEEP_IGNORED)
		bytebuf_puts(&ign, "; ...");
	tmpl_set_bool(d, "has_ignored", r->map.nignored > 0);
	tmpl_set(d, "ignored", ign.p);
	bytebuf_free(&ign);
	for (int i = 0; i < r->nerr; i++) {
		struct tmpl_data *o = tmpl_add(d, "errors");
		char num[32];

		tmpl_set(o, "line", idfmt_int(num, sizeof(num), (int64_t)r->errs[i].line));
		tmpl_set(o, "msg", r->errs[i].msg);
	}
	if (r->rejected > (uint64_t)r->nerr)
		set_count(d, "errors_more", r->rejected - (uint64_t)r->nerr);
	console_page(c, status, "admin/import-preview.html", d,
	             done ? "Impor selesai" : "Pratinjau impor");
}

/* ---- the request's names ------------------------------------------------- */

/* Resolve service and period slugs of unit j->u into j. 1 fine; 0 a
 * problem (a message in *why); -1 answered (store failure). */
static int job_scope(struct console_ctx *c, struct import_job *j, const char *service,
                     const char *period, const char **why)
{
	struct ikm_err err = {0};

	memset(&j->sv, 0, sizeof(j->sv));
	*why = NULL;
	if (service != NULL && service[0] != '\0' &&
	    (!store_slug_ok(service) ||
	     store_service_get(c->s, j->u.slug, service, &j->sv, &err) < 0)) {
		if (err.kind != IKM_OK && err.kind != IKM_EDATA)
			goto fail;
		*why = "Layanan itu tidak ada di unit ini.";
		return 0;
	}
	if (period == NULL || !store_slug_ok(period) ||
	    store_period_get(c->s, period, &j->p, &err) < 0) {
		if (err.kind != IKM_OK && err.kind != IKM_EDATA)
			goto fail;
		*why = "Pilih periode survei yang masih dibuka.";
		return 0;
	}
	if (j->p.closed) {
		*why =
		    "Periode itu sudah ditutup; tidak ada data yang dapat diimpor ke periode yang "
		    "sudah ditutup.";
		return 0;
	}
	j->t = xcalloc(1, sizeof(*j->t));
	if (store_instrument_current(c->s, j->u.id, &j->instr, &j->in, &err) < 0 ||
	    store_instrument_texts(c->s, j->instr, j->t, &err) < 0)
		goto fail;
	return 1;
fail:
	console_store_fail(c, &err);
	return -1;
}

/* The upload named by the request's token, for this user, not expired:
 * into j (data owned: free j->data). 1; 0 none; -1 answered. */
static int job_upload(struct console_ctx *c, struct import_job *j, const char *token)
{
	struct ikm_err err = {0};
	char hash[AUTH_TOKEN_HEX + 1];
	unsigned char *data = NULL;

	if (token == NULL || !auth_token_ok(token))
		return 0;
	snprintf(j->token, sizeof(j->token), "%s", token);
	auth_token_hash(token, hash);
	if (store_upload_get(c->s, hash, c->user.id, c->now - IMPORT_KEEP_SECONDS, j->name, &data,
	                     &j->len, &err) < 0) {
		if (err.kind == IKM_EDATA)
			return 0;
		console_store_fail(c, &err);
		return -1;
	}
	j->data = data;
	return 1;
}

/* ---- actions -------------------------------------------------------------- */

/* POST /admin/impor (multipart): check the file, keep it, to the preview. */
static void import_upload(struct console_ctx *c, struct import_job *j)
{
	const struct multipart_part *f = multipart_get(&c->parts, "berkas");
	char service[STORE_SLUG_MAX + 2] = "", period[STORE_SLUG_MAX + 2] = "";
	char hash[AUTH_TOKEN_HEX + 1], to[HTTP_PATH_MAX], size[32];
	char why_file[IKM_ERR_MSG_MAX + 64], object[STORE_SLUG_MAX + 8];
	struct import_result r = {0};
	struct ikm_err err = {0};
	const char *why = NULL;
	int rc;

	multipart_text(&c->parts, "layanan", service, sizeof(service));
	multipart_text(&c->parts, "periode", period, sizeof(period));
	rc = job_scope(c, j, service, period, &why);
	if (rc < 0)
		return;
	if (rc == 0) {
		form_page(c, 422, &j->u, service, period, why, NULL);
		return;
	}
	if (f == NULL || !f->is_file || (f->filename[0] == '\0' && f->len == 0)) {
		form_page(c, 422, &j->u, service, period, NULL,
		          "Pilih berkas CSV atau XLSX yang akan diimpor.");
		return;
	}
	snprintf(j->name, sizeof(j->name), "%s", f->filename[0] != '\0' ? f->filename : "berkas");
	j->data = (const unsigned char *)f->data;
	j->len = f->len;
	if (j->len > IMPORT_FILE_MAX) {
		snprintf(
		    why_file, sizeof(why_file),
		    "Berkas terlalu besar (%s byte); paling besar %u MB. Pecah datanya menjadi "
		    "beberapa berkas.",
		    idfmt_int(size, sizeof(size), (int64_t)j->len), IMPORT_FILE_MAX >> 20);
		form_page(c, 413, &j->u, service, period, NULL, why_file);
		return;
	}
	why = file_problem(j->data, j->len);
	if (why == NULL && import_run(c, j, 1, &r, &err) == 0 && r.fatal[0] != '\0') {
		snprintf(why_file, sizeof(why_file), "Berkas tidak dapat dibaca: %s", r.fatal);
		why = why_file;
	}
	result_free(&r);
	if (why != NULL) {
		form_page(c, 422, &j->u, service, period, NULL, why);
		return;
	}
	auth_token_new(j->token);
	auth_token_hash(j->token, hash);
	if (store_upload_purge(c->s, c->now - IMPORT_KEEP_SECONDS, &err) < 0 ||
	    store_upload_put(c->s, hash, c->user.id, c->now, j->name, j->data, j->len, &err) < 0) {
		console_store_fail(c, &err);
		return;
	}
	snprintf(object, sizeof(object), "unit %s", j->u.slug);
	console_audit(c, "import.upload", object, "berkas \"%s\", %zu byte", j->name, j->len);
	snprintf(to, sizeof(to), "/admin/impor/pratinjau?unit=%s&periode=%s%s%s&unggahan=%s",
	         j->u.slug, j->p.slug, j->sv.id ? "&layanan=" : "", j->sv.id ? j->sv.slug : "",
	         j->token);
	console_redirect(c, to);
}

/* GET /admin/impor/pratinjau. */
static void import_preview(struct console_ctx *c, struct import_job *j)
{
	struct import_result r = {0};
	struct ikm_err err = {0};
	const char *why = NULL;
	int rc = job_scope(c, j, console_param(c, "layanan"), console_param(c, "periode"), &why);

	if (rc < 0)
		return;
	if (rc == 0) {
		console_fail(c, 422, why);
		return;
	}
	rc = job_upload(c, j, console_param(c, "unggahan"));
	if (rc <= 0) {
		if (rc == 0)
			console_fail(c, 404, gone);
		return;
	}
	if (import_run(c, j, 1, &r, &err) < 0 || r.fatal[0] != '\0') {
		console_fail(c, 422, r.fatal[0] != '\0' ? r.fatal : err.msg);
		result_free(&r);
		return;
	}
	preview_page(c, 200, j, &r, NULL, 0);
	result_free(&r);
}

/* POST /admin/impor/simpan: all or nothing, or the good rows. */
static void import_commit(struct console_ctx *c, struct import_job *j)
{
	struct import_result r = {0};
	struct ikm_err err = {0};
	char hash[AUTH_TOKEN_HEX + 1], to[HTTP_PATH_MAX], msg[400], object[STORE_SLUG_MAX + 8];
	const char *why = NULL, *skip = console_param(c, "lewati");
	int rc = job_scope(c, j, console_param(c, "layanan"), console_param(c, "periode"), &why);
	int lewati = skip != NULL && strcmp(skip, "1") == 0, taken = 0;

	if (rc < 0)
		return;
	if (rc == 0) {
		console_fail(c, 409, why);
		return;
	}
	rc = job_upload(c, j, console_param(c, "unggahan"));
	if (rc <= 0) {
		if (rc == 0)
			console_fail(c, 409, gone);
		return;
	}
	auth_token_hash(j->token, hash);
	if (store_begin(c->s, &err) < 0)
		goto fail;
	if (store_upload_take(c->s, hash, c->user.id, &taken, &err) < 0)
		goto fail_tx;
	if (!taken) {
		store_rollback(c->s);
		console_fail(c, 409, gone);
		return;
	}
	if (import_run(c, j, 0, &r, &err) < 0)
		goto fail_tx;
	if (r.fatal[0] != '\0') {
		store_rollback(c->s);
		console_fail(c, 409, r.fatal);
		goto out;
	}
	if (r.stored == 0 || (r.rejected > 0 && !lewati)) {
		char bad[32];

		store_rollback(c->s);
		if (r.stored == 0)
			snprintf(
			    msg, sizeof(msg),
			    "Tidak ada baris yang dapat disimpan, jadi tidak ada yang disimpan.");
		else
			snprintf(
			    msg, sizeof(msg),
			    "Berkas ini memuat %s baris yang salah, jadi tidak ada yang disimpan. "
			    "Perbaiki berkasnya lalu unggah lagi, atau centang \"Lewati baris yang "
			    "salah\" untuk menyimpan baris lainnya.",
			    idfmt_int(bad, sizeof(bad), (int64_t)r.rejected));
		preview_page(c, 422, j, &r, msg, 0);
		goto out;
	}
	if (store_commit(c->s, &err) < 0)
		goto fail;
	snprintf(object, sizeof(object), "unit %s", j->u.slug);
	console_audit(c, "import.commit", object,
	              "berkas \"%s\" (%s), periode %s%s%s: %llu tanggapan disimpan, %llu baris "
	              "salah dilewati, %llu baris tanpa jawaban",
	              j->name, r.format, j->p.slug, j->sv.id ? ", layanan " : "",
	              j->sv.id ? j->sv.slug : "", (unsigned long long)r.stored,
	              (unsigned long long)r.rejected, (unsigned long long)r.empty);
	if (r.rejected == 0) {
		snprintf(to, sizeof(to), "/admin/impor?unit=%s&ok=impor", j->u.slug);
		console_redirect(c, to);
		goto out;
	}
	/* The rejected rows are listed once, here (the upload is gone). */
	preview_page(c, 200, j, &r, NULL, 1);
	goto out;
fail_tx:
	store_rollback(c->s);
fail:
	console_store_fail(c, &err);
out:
	result_free(&r);
}

/* POST /admin/impor/batal: drop the upload. */
static void import_cancel(struct console_ctx *c, struct import_job *j)
{
	struct ikm_err err = {0};
	char hash[AUTH_TOKEN_HEX + 1], to[HTTP_PATH_MAX];
	const char *token = console_param(c, "unggahan");
	int taken = 0;

	if (token != NULL && auth_token_ok(token)) {
		auth_token_hash(token, hash);
		if (store_upload_take(c->s, hash, c->user.id, &taken, &err) < 0) {
			console_store_fail(c, &err);
			return;
		}
	}
	if (taken) {
		snprintf(to, sizeof(to), "unit %s", j->u.slug);
		console_audit(c, "import.cancel", to, "%s", "");
	}
	snprintf(to, sizeof(to), "/admin/impor?unit=%s", j->u.slug);
	console_redirect(c, to);
}

static void choose_page(struct console_ctx *c)
{
	struct tmpl_data *d = tmpl_data_new();

	tmpl_set(d, "heading", "Impor berkas kuesioner");
	tmpl_set(d, "intro", "Pilih unit yang datanya akan Anda impor dari berkas CSV atau XLSX.");
	if (console_entry_units(c, d, "/admin/impor") < 0) {
		tmpl_data_free(d);
		return;
	}
	console_page(c, 200, "admin/entry-choose.html", d, "Impor berkas kuesioner");
}

void console_import(struct console_ctx *c, const char *rest)
{
	struct import_job *j = xcalloc(1, sizeof(*j));
	char unit[STORE_SLUG_MAX + 2] = "";
	const char *slug;
	int multi = c->post && c->parts.n > 0, rc;

	if (multi)
		multipart_text(&c->parts, "unit", unit, sizeof(unit));
	slug = multi ? unit : console_param(c, "unit");
	rc = console_entry_unit(c, slug, &j->u);
	if (rc < 0)
		goto out;
	if (rc == 0 && rest[0] == '\0' && !c->post) {
		choose_page(c);
		goto out;
	}
	if (rc == 0) {
		console_fail(c, 422, "Pilih unitnya terlebih dahulu.");
		goto out;
	}
	if (rest[0] == '\0' && !c->post) {
		form_page(c, 200, &j->u, NULL, NULL, NULL, NULL);
	} else if (rest[0] == '\0' && multi) {
		import_upload(c, j);
		j->data = NULL; /* into the request body */
	} else if (strcmp(rest, "/pratinjau") == 0 && !c->post) {
		import_preview(c, j);
	} else if (strcmp(rest, "/simpan") == 0 && c->post && !multi) {
		import_commit(c, j);
	} else if (strcmp(rest, "/batal") == 0 && c->post && !multi) {
		import_cancel(c, j);
	} else if (rest[0] == '\0' && c->post) {
		form_page(c, 422, &j->u, NULL, NULL, NULL,
		          "Kirim berkasnya dengan formulir unggah (multipart/form-data).");
	} else {
		console_fail(c, 404, not_found);
	}
out:
	free((void *)j->data);
	free(j->t);
	free(j);
}
