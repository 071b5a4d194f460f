/* console_entry: paper entry in the office console (/admin/entri). An
 * operator types one paper sheet at a time with the keyboard: the sheet
 * number, the survey date (its period is the one holding it), optionally
 * the service, one digit 1-4 per element of the unit's current
 * instrument, the profile and the suggestion; Enter saves. The response
 * goes the way of the public form (web_store_response: group commit) with
 * channel "paper" and a client id derived from unit, period and sheet
 * number, so a sheet is counted once however often it is sent. With
 * "entri ganda" (double entry) a sheet is held, not counted, until a
 * second entry of the same sheet matches it (store_pending.h); a mismatch
 * is shown side by side to be corrected. Works without JavaScript;
 * /static/admin/entry.js only moves the focus on after a digit. Also the
 * helpers console_import.c shares (console_entry.h). */
#include "console_entry.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quality.h"
#include "store_pending.h"
#include "text.h"
#include "xalloc.h"

#define ENTRY_TYPED_MAX     64  /* named limit: bytes of a typed value shown again */
#define ENTRY_PENDING_SHOWN 100 /* named limit: waiting sheets listed on the form */
#define ENTRY_AGE_MIN       10
#define ENTRY_AGE_MAX       120

static const char not_found[] = "Alamat yang Anda buka tidak ada di konsol.";

/* ---- shared with console_import.c ----------------------------------------- */

int console_entry_unit(struct console_ctx *c, const char *slug, struct store_unit *u)
{
	struct ikm_err err = {0};
	int may;

	if (slug == NULL || slug[0] == '\0')
		return 0;
	if (!store_slug_ok(slug) || store_unit_get(c->s, slug, u, &err) < 0) {
		if (err.kind != IKM_OK && err.kind != IKM_EDATA) {
			console_store_fail(c, &err);
			return -1;
		}
		console_fail(c, 404, "Unit tersebut tidak ditemukan.");
		return -1;
	}
	may = console_may_unit(c, u->id);
	if (may < 0)
		return -1;
	if (may == 0) {
		console_audit(c, "access.refused", c->req->path,
		              "unit %s is outside the user's units", u->slug);
		console_fail(c, 403, "Unit tersebut di luar unit kerja Anda.");
		return -1;
	}
	return 1;
}

int console_entry_units(struct console_ctx *c, struct tmpl_data *d, const char *base)
{
	struct store_unit *units = NULL;
	struct ikm_err err = {0};
	char *mine, href[HTTP_PATH_MAX];
	int n = 0, shown = 0;

	if (store_unit_list(c->s, &units, &n, &err) < 0) {
		console_store_fail(c, &err);
		return -1;
	}
	/* The user's subtree, in one pass: parents come before children. */
	mine = xcalloc((size_t)n + 1, 1);
	for (int i = 0; i < n; i++) {
		struct tmpl_data *e;

		mine[i] = c->user.role == STORE_ROLE_ADMIN_KOTA || units[i].id == c->user.unit;
		for (int j = 0; j < i && !mine[i]; j++)
			mine[i] = units[j].id == units[i].parent && mine[j];
		if (!mine[i])
			continue;
		e = tmpl_add(d, "units");
		snprintf(href, sizeof(href), "%s?unit=%s", base, units[i].slug);
		tmpl_set(e, "slug", units[i].slug);
		tmpl_set(e, "name", units[i].name);
		tmpl_set(e, "href", href);
		shown++;
	}
	tmpl_set_bool(d, "has_units", shown > 0);
	free(mine);
	free(units);
	return 0;
}

int console_entry_services(struct console_ctx *c, const struct store_unit *u, const char *chosen,
                           struct tmpl_data *d)
{
	struct store_service *list = NULL;
	struct ikm_err err = {0};
	int n = 0;

	if (store_service_list(c->s, u->slug, &list, &n, &err) < 0) {
		console_store_fail(c, &err);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		struct tmpl_data *e = tmpl_add(d, "services");

		tmpl_set(e, "slug", list[i].slug);
		tmpl_set(e, "name", list[i].name);
		tmpl_set_bool(e, "chosen", chosen != NULL && strcmp(chosen, list[i].slug) == 0);
	}
	free(list);
	return 0;
}

/* ---- what the form holds -------------------------------------------------- */

/* One sheet as typed (kept for the form), as read, and what is wrong. */
struct entry {
	char sheet[ENTRY_TYPED_MAX + 1], date[ENTRY_TYPED_MAX + 1], service[ENTRY_TYPED_MAX + 1];
	char ans[INSTR_MAX_ELEMENTS][ENTRY_TYPED_MAX + 1];
	char gender[ENTRY_TYPED_MAX + 1], age[ENTRY_TYPED_MAX + 1];
	char education[ENTRY_TYPED_MAX + 1], job[ENTRY_TYPED_MAX + 1];
	char form_id[ENTRY_TYPED_MAX + 1];
	const char *suggestion; /* into the form; "" when none */
	int dbl;                /* double entry asked for */
	struct store_service sv;
	struct store_period p;
	int32_t day;
	struct store_response r; /* the response it makes */
	const char *e_ans[INSTR_MAX_ELEMENTS], *e_sheet, *e_date, *e_service, *e_gender, *e_age,
	    *e_education, *e_job, *e_suggestion;
	char e_date_buf[STORE_NAME_MAX + 128];
	int errors;
};

/* The unit's questionnaire: current instrument, its words, its services. */
struct sheet_form {
	struct store_unit u;
	int64_t instr;
	struct instrument in;
	struct instr_texts *t;
	struct store_service *svcs;
	int nsvcs;
};

/* Copy s (NULL: "") trimmed of spaces, cut at a UTF-8 boundary. */
static void typed(char *dst, const char *s)
{
	size_t n;

	if (s == NULL)
		s = "";
	n = strlen(s);
	text_trim(&s, &n);
	if (n > ENTRY_TYPED_MAX) {
		n = ENTRY_TYPED_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* 1 when s is a sheet number: 1..STORE_SHEET_MAX of [0-9A-Za-z./-]. */
static int sheet_ok(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	return n >= 1 && n <= STORE_SHEET_MAX &&
	       strspn(s, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz./-") == n;
}

/* The sheet after s when s is a number ("009" -> "010"), else "". */
static void next_sheet(const char *s, char *out, size_t size)
{
	size_t n = strlen(s);

	out[0] = '\0';
	if (n == 0 || n > 18 || strspn(s, "0123456789") != n)
		return;
	snprintf(out, size, "%0*llu", (int)n, strtoull(s, NULL, 10) + 1);
}

/* A date YYYY-MM-DD (a real day, years 2000-2999) as yyyymmdd, else 0. */
static int32_t parse_day(const char *s)
{
	static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || strspn(s, "0123456789") != 4 ||
	    strspn(s + 5, "0123456789") != 2 || strspn(s + 8, "0123456789") != 2)
		return 0;
	y = (int)strtol(s, NULL, 10);
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 2000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
	    (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))))
		return 0;
	return y * 10000 + m * 100 + d;
}

static void day_text(int32_t day, char *out, size_t size)
{
	snprintf(out, size, "%04d-%02d-%02d", day / 10000, day / 100 % 100, day % 100);
}

/* The client id of a sheet: the same unit, period and sheet number give
 * the same id, so the store keeps it once. */
static void sheet_client_id(int64_t unit, int64_t period, const char *sheet,
                            char out[STORE_ID_MAX + 1])
{
	unsigned char h[16];
	char msg[STORE_SHEET_MAX + 64];
	int n = snprintf(msg, sizeof(msg), "ikm-paper:%lld:%lld:%s", (long long)unit,
	                 (long long)period, sheet);

	crypto_generichash(h, sizeof(h), (const unsigned char *)msg, (size_t)n, NULL, 0);
	sodium_bin2hex(out, STORE_ID_MAX + 1, h, sizeof(h));
}

static const char *service_name(const struct sheet_form *f, int64_t id)
{
	for (int i = 0; i < f->nsvcs; i++)
		if (f->svcs[i].id == id)
			return f->svcs[i].name;
	return "(tanpa layanan tertentu)";
}

/* Read the posted sheet into e. -1 when the store failed (answered). */
static int entry_read(struct console_ctx *c, const struct sheet_form *f, struct entry *e)
{
	struct store_response *r = &e->r;
	struct ikm_err err = {0};
	int found = 0;

	typed(e->sheet, console_param(c, "lembar"));
	typed(e->date, console_param(c, "tanggal"));
	typed(e->service, console_param(c, "layanan"));
	typed(e->gender, console_param(c, "jk"));
	typed(e->age, console_param(c, "usia"));
	typed(e->education, console_param(c, "pendidikan"));
	typed(e->job, console_param(c, "pekerjaan"));
	typed(e->form_id, console_param(c, "formulir"));
	if (!web_client_id_ok(e->form_id))
		web_new_client_id(e->form_id, sizeof(e->form_id));
	e->suggestion = console_param(c, "saran") != NULL ? console_param(c, "saran") : "";
	e->dbl = console_param(c, "ganda") != NULL && strcmp(console_param(c, "ganda"), "1") == 0;

	if (!sheet_ok(e->sheet))
		e->e_sheet = "Isi nomor lembar: 1 sampai 20 huruf atau angka (boleh memakai titik, "
			     "garis miring atau tanda minus).";
	for (char *p = e->sheet; *p != '\0'; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	e->day = parse_day(e->date);
	if (e->day == 0)
		e->e_date = "Tulis tanggal survei dengan format TTTT-BB-HH, misalnya 2026-03-15.";
	else if (e->day > store_today(c->org.zone))
		e->e_date = "Tanggal survei tidak boleh setelah hari ini.";
	else if (store_period_on(c->s, e->day, &e->p, &found, &err) < 0)
		goto fail;
	else if (!found)
		e->e_date =
		    "Tidak ada periode survei yang mencakup tanggal ini. Periksa tanggalnya, "
		    "atau minta admin menambahkan periodenya.";
	else if (e->p.closed) {
		snprintf(
		    e->e_date_buf, sizeof(e->e_date_buf),
		    "Periode \"%s\" sudah ditutup; kuesioner bertanggal ini tidak dapat dientri "
		    "lagi.",
		    e->p.name);
		e->e_date = e->e_date_buf;
	}
	memset(&e->sv, 0, sizeof(e->sv));
	if (e->service[0] != '\0') {
		e->e_service = "Layanan ini tidak ada di unit ini.";
		for (int i = 0; i < f->nsvcs; i++)
			if (strcmp(f->svcs[i].slug, e->service) == 0) {
				e->sv = f->svcs[i];
				e->e_service = NULL;
			}
	}
	memset(r, 0, sizeof(*r));
	r->k = f->in.k;
	for (int j = 0; j < f->in.k; j++) {
		char name[16];
		const char *v;

		snprintf(name, sizeof(name), "u%d", j + 1);
		v = console_param(c, name);
		typed(e->ans[j], v);
		if (strlen(e->ans[j]) == 1 && e->ans[j][0] >= '1' && e->ans[j][0] <= '4')
			r->answers[j] = (uint8_t)(e->ans[j][0] - '0');
		else
			e->e_ans[j] = e->ans[j][0] == '\0' ? "Belum diisi: ketik 1, 2, 3 atau 4."
			                                   : "Ketik satu angka 1, 2, 3 atau 4.";
	}
	if (e->gender[0] != '\0') {
		if (strlen(e->gender) == 1 && strchr("LlPp", e->gender[0]) != NULL)
			e->gender[0] = e->gender[0] == 'l' || e->gender[0] == 'L' ? 'L' : 'P';
		else
			e->e_gender = "Ketik L (laki-laki) atau P (perempuan), atau kosongkan.";
	}
	r->age = -1;
	if (e->age[0] != '\0') {
		char *end;
		long v = strtol(e->age, &end, 10);

		if (*end != '\0' || end == e->age || v < ENTRY_AGE_MIN || v > ENTRY_AGE_MAX)
			e->e_age = "Tulis usia dengan angka 10 sampai 120, atau kosongkan.";
		else
			r->age = (int)v;
	}
	if (e->education[0] != '\0') {
		e->e_education = "Pilih salah satu pendidikan dari daftar.";
		for (int i = 0; i < WEB_NEDU; i++)
			if (strcmp(e->education, web_educations[i]) == 0)
				e->e_education = NULL;
	}
	if (e->job[0] != '\0') {
		e->e_job = "Pilih salah satu pekerjaan dari daftar.";
		for (int i = 0; i < WEB_NJOB; i++)
			if (strcmp(e->job, web_jobs[i][0]) == 0)
				e->e_job = NULL;
	}
	if (strlen(e->suggestion) > STORE_SUGG_MAX)
		e->e_suggestion = "Saran terlalu panjang: paling banyak 2000 karakter.";
	e->errors = (e->e_sheet != NULL) + (e->e_date != NULL) + (e->e_service != NULL) +
	            (e->e_gender != NULL) + (e->e_age != NULL) + (e->e_education != NULL) +
	            (e->e_job != NULL) + (e->e_suggestion != NULL);
	for (int j = 0; j < f->in.k; j++)
		e->errors += e->e_ans[j] != NULL;
	if (e->errors > 0)
		return 0;
	r->unit = f->u.id;
	r->service = e->sv.id;
	r->period = e->p.id;
	r->instrument = f->instr;
	r->channel = STORE_PAPER;
	r->submitted = c->now;
	r->date = e->day;
	snprintf(r->gender, sizeof(r->gender), "%s", e->gender);
	snprintf(r->education, sizeof(r->education), "%s", e->education);
	snprintf(r->job, sizeof(r->job), "%s", e->job);
	snprintf(r->suggestion, sizeof(r->suggestion), "%s", e->suggestion);
	r->flags = quality_flags(r->answers, r->k);
	sheet_client_id(f->u.id, e->p.id, e->sheet, r->client_id);
	return 0;
fail:
	console_store_fail(c, &err);
	return -1;
}

/* ---- the page ------------------------------------------------------------- */

/* What the page says besides the form. */
struct entry_note {
	const char *notice;     /* a flash: saved, held */
	const char *form_error; /* above the form */
	struct tmpl_data *d;    /* data made before (the mismatch table), or NULL */
};

static void entry_page(struct console_ctx *c, int status, const struct sheet_form *f,
                       const struct entry *e, const struct entry_note *note)
{
	struct tmpl_data *d = note->d != NULL ? note->d : tmpl_data_new();
	int focus = -1; /* the element to focus, or -1 */
	char num[32];
	struct ikm_err err = {0};

	tmpl_set(d, "unit", f->u.slug);
	tmpl_set(d, "unit_name", f->u.name);
	snprintf(num, sizeof(num), "%lld", (long long)f->instr);
	tmpl_set(d, "instr", num);
	tmpl_set(d, "form_id", e->form_id);
	tmpl_set(d, "sheet", e->sheet);
	tmpl_set(d, "date", e->date);
	tmpl_set_bool(d, "double", e->dbl);
	tmpl_set(d, "notice", note->notice);
	tmpl_set(d, "form_error", note->form_error);
	tmpl_set(d, "sheet_error", e->e_sheet);
	tmpl_set(d, "date_error", e->e_date);
	tmpl_set(d, "service_error", e->e_service);
	tmpl_set(d, "gender_error", e->e_gender);
	tmpl_set(d, "age_error", e->e_age);
	tmpl_set(d, "education_error", e->e_education);
	tmpl_set(d, "job_error", e->e_job);
	tmpl_set(d, "suggestion_error", e->e_suggestion);
	/* The focus: the first answer to fix, else the sheet number or the
	 * date to fix, else the first answer. */
	for (int j = f->in.k - 1; j >= 0; j--)
		if (e->e_ans[j] != NULL)
			focus = j;
	tmpl_set_bool(d, "sheet_focus", focus < 0 && e->e_sheet != NULL);
	tmpl_set_bool(d, "date_focus", focus < 0 && e->e_sheet == NULL && e->e_date != NULL);
	if (focus < 0 && e->e_sheet == NULL && e->e_date == NULL)
		focus = 0;
	for (int i = 0; i < f->nsvcs; i++) {
		struct tmpl_data *o = tmpl_add(d, "services");

		tmpl_set(o, "slug", f->svcs[i].slug);
		tmpl_set(o, "name", f->svcs[i].name);
		tmpl_set_bool(o, "chosen", strcmp(e->service, f->svcs[i].slug) == 0);
	}
	for (int j = 0; j < f->in.k; j++) {
		struct tmpl_data *o = tmpl_add(d, "elements");
		char field[16];

		snprintf(field, sizeof(field), "u%d", j + 1);
		tmpl_set(o, "field", field);
		tmpl_set(o, "code", f->in.el[j].code);
		tmpl_set(o, "name",
		         f->t->name[j][0][0] != '\0' ? f->t->name[j][0] : f->in.el[j].name);
		tmpl_set(o, "value", e->ans[j]);
		tmpl_set(o, "el_error", e->e_ans[j]);
		tmpl_set_bool(o, "focus", j == focus);
	}
	tmpl_set(d, "gender", e->gender);
	tmpl_set(d, "age", e->age);
	for (int i = 0; i < WEB_NEDU; i++) {
		struct tmpl_data *o = tmpl_add(d, "educations");

		tmpl_set(o, "value", web_educations[i]);
		tmpl_set_bool(o, "chosen", strcmp(e->education, web_educations[i]) == 0);
	}
	for (int i = 0; i < WEB_NJOB; i++) {
		struct tmpl_data *o = tmpl_add(d, "jobs");

		tmpl_set(o, "value", web_jobs[i][0]);
		tmpl_set_bool(o, "chosen", strcmp(e->job, web_jobs[i][0]) == 0);
	}
	tmpl_set(d, "suggestion", e->suggestion);
	/* The sheets of this period still waiting for their second entry. */
	if (e->p.id != 0) {
		struct store_pending *list = NULL;
		struct bytebuf b = {0};
		int n = 0;

		if (store_pending_list(c->s, f->u.id, e->p.id, ENTRY_PENDING_SHOWN, &list, &n,
		                       &err) < 0) {
			tmpl_data_free(d);
			console_store_fail(c, &err);
			return;
		}
		for (int i = 0; i < n; i++) {
			if (i > 0)
				bytebuf_puts(&b, ", ");
			bytebuf_puts(&b, list[i].sheet);
		}
		tmpl_set_bool(d, "has_pending", n > 0);
		tmpl_set(d, "pending", b.p);
		tmpl_set(d, "period_name", e->p.name);
		tmpl_set_bool(d, "pending_more", n == ENTRY_PENDING_SHOWN);
		bytebuf_free(&b);
		free(list);
	}
	console_page(c, status, "admin/entry-form.html", d, "Entri kuesioner kertas");
}

/* ---- actions -------------------------------------------------------------- */

/* 303 back to the empty form for the next sheet; key says what happened
 * to sheet ("tersimpan", "ditahan"). */
static void entry_next(struct console_ctx *c, const struct sheet_form *f, const struct entry *e,
                       const char *key)
{
	char to[HTTP_PATH_MAX];

	snprintf(to, sizeof(to), "/admin/entri?unit=%s%s%s&tanggal=%s%s&%s=%s", f->u.slug,
	         e->sv.id ? "&layanan=" : "", e->sv.id ? e->sv.slug : "", e->date,
	         e->dbl ? "&ganda=1" : "", key, e->sheet);
	console_redirect(c, to);
}

static void entry_audit(struct console_ctx *c, const struct sheet_form *f, const struct entry *e,
                        const char *action, const char *how)
{
	char object[STORE_SLUG_MAX + 16];

	snprintf(object, sizeof(object), "unit %s", f->u.slug);
	console_audit(c, action, object, "lembar %s, periode %s%s%s%s", e->sheet, e->p.slug,
	              e->sv.id ? ", layanan " : "", e->sv.id ? e->sv.slug : "", how);
}

/* Store r; on a duplicate or a refusal the page says so. 1 stored; 0
 * answered. */
static int entry_store(struct console_ctx *c, const struct sheet_form *f, struct entry *e,
                       const struct store_response *r)
{
	struct entry_note note = {0};
	struct ikm_err err = {0};
	int dup = 0;

	if (web_store_response(c->a, c->s, r, &dup, &err) < 0) {
		if (err.kind != IKM_EDATA) {
			console_store_fail(c, &err);
			return 0;
		}
		/* The period closed since the date was checked. */
		e->e_date = "Periode tanggal ini baru saja ditutup; lembar ini tidak disimpan.";
		note.form_error = "Lembar ini tidak disimpan.";
		entry_page(c, 409, f, e, &note);
		return 0;
	}
	if (dup) {
		e->e_sheet = "Nomor lembar ini sudah tersimpan untuk unit ini pada periode ini.";
		note.form_error = "Lembar dengan nomor ini sudah tersimpan sebelumnya, jadi tidak "
				  "dihitung dua kali. Periksa nomor lembarnya.";
		entry_page(c, 409, f, e, &note);
		return 0;
	}
	return 1;
}

/* Add a row to the side-by-side table when the two values differ. */
static int differ(struct tmpl_data *d, const char *label, const char *first, const char *second)
{
	struct tmpl_data *row;

	if (strcmp(first, second) == 0)
		return 0;
	row = tmpl_add(d, "mismatch");
	tmpl_set(row, "label", label);
	tmpl_set(row, "first", first[0] != '\0' ? first : "(kosong)");
	tmpl_set(row, "second", second[0] != '\0' ? second : "(kosong)");
	return 1;
}

/* Compare the second entry e with the first p; the differences go into d
 * and next to e's fields. Returns how many differ. */
static int entry_compare(const struct sheet_form *f, struct entry *e, const struct store_pending *p,
                         struct tmpl_data *d)
{
	static const char differs[] = "Berbeda dengan entri pertama.";
	const struct store_response *a = &p->r, *b = &e->r;
	char x[32], y[32], label[200];
	int n = 0;

	day_text(a->date, x, sizeof(x));
	day_text(b->date, y, sizeof(y));
	if (differ(d, "Tanggal survei", x, y))
		n++, e->e_date = differs;
	if (differ(d, "Layanan", service_name(f, a->service), service_name(f, b->service)))
		n++, e->e_service = differs;
	for (int j = 0; j < f->in.k; j++) {
		snprintf(x, sizeof(x), "%d", a->answers[j]);
		snprintf(y, sizeof(y), "%d", b->answers[j]);
		snprintf(label, sizeof(label), "%s %s", f->in.el[j].code,
		         f->t->name[j][0][0] != '\0' ? f->t->name[j][0] : f->in.el[j].name);
		if (differ(d, label, a->answers[j] ? x : "", b->answers[j] ? y : ""))
			n++, e->e_ans[j] = differs;
	}
	if (differ(d, "Jenis kelamin", a->gender, b->gender))
		n++, e->e_gender = differs;
	snprintf(x, sizeof(x), "%d", a->age);
	snprintf(y, sizeof(y), "%d", b->age);
	if (differ(d, "Usia", a->age >= 0 ? x : "", b->age >= 0 ? y : ""))
		n++, e->e_age = differs;
	if (differ(d, "Pendidikan", a->education, b->education))
		n++, e->e_education = differs;
	if (differ(d, "Pekerjaan", a->job, b->job))
		n++, e->e_job = differs;
	tmpl_set_bool(d, "has_mismatch", n > 0);
	return n;
}

/* Keep e as the first entry of its sheet (replacing one held before). */
static void entry_hold(struct console_ctx *c, const struct sheet_form *f, struct entry *e,
                       const char *action)
{
	struct store_pending *p = xcalloc(1, sizeof(*p));
	struct ikm_err err = {0};

	snprintf(p->sheet, sizeof(p->sheet), "%.*s", STORE_SHEET_MAX, e->sheet);
	snprintf(p->form_id, sizeof(p->form_id), "%s", e->form_id);
	p->user = c->user.id;
	p->created = c->now;
	p->r = e->r;
	if (store_pending_put(c->s, p, &err) < 0) {
		free(p);
		console_store_fail(c, &err);
		return;
	}
	free(p);
	entry_audit(c, f, e, action, "; entri pertama, menunggu entri kedua");
	entry_next(c, f, e, "ditahan");
}

static void entry_post(struct console_ctx *c, const struct sheet_form *f, struct entry *e)
{
	struct entry_note note = {0};
	struct store_pending *p = NULL;
	struct ikm_err err = {0};
	const char *instr = console_param(c, "instrumen"), *action = console_param(c, "aksi");
	int stored = 0, found = 0;

	if (entry_read(c, f, e) < 0)
		return;
	if (e->errors > 0) {
		note.form_error = "Beberapa isian perlu diperbaiki; lihat keterangan di samping "
				  "isiannya. Lembar ini belum disimpan.";
		entry_page(c, 422, f, e, &note);
		return;
	}
	if (instr != NULL && strtoll(instr, NULL, 10) != f->instr) {
		note.form_error = "Daftar unsur kuesioner unit ini baru saja diubah. Periksa isian "
				  "sesuai daftar unsur di bawah, lalu simpan lagi.";
		entry_page(c, 409, f, e, &note);
		return;
	}
	p = xcalloc(1, sizeof(*p));
	if (store_pending_stored(c->s, e->r.client_id, &stored, &err) < 0 ||
	    store_pending_get(c->s, e->r.client_id, p, &found, &err) < 0)
		goto fail;
	if (stored) {
		/* Counted already: a first entry still held is stale. */
		if (found && store_pending_delete(c->s, e->r.client_id, &err) < 0)
			goto fail;
		e->e_sheet = "Nomor lembar ini sudah tersimpan untuk unit ini pada periode ini.";
		note.form_error = "Lembar dengan nomor ini sudah tersimpan sebelumnya, jadi tidak "
				  "dihitung dua kali. Periksa nomor lembarnya.";
		entry_page(c, 409, f, e, &note);
		goto out;
	}
	if (found && action != NULL && strcmp(action, "ganti") == 0) {
		entry_hold(c, f, e, "entry.replace");
		goto out;
	}
	if (found && strcmp(p->form_id, e->form_id) == 0) {
		/* The first entry's own form sent again: not a second entry. */
		struct entry *blank = xcalloc(1, sizeof(*blank));

		snprintf(blank->sheet, sizeof(blank->sheet), "%s", e->sheet);
		snprintf(blank->date, sizeof(blank->date), "%s", e->date);
		snprintf(blank->service, sizeof(blank->service), "%s", e->service);
		blank->dbl = 1;
		blank->p = e->p;
		blank->suggestion = "";
		web_new_client_id(blank->form_id, sizeof(blank->form_id));
		note.form_error =
		    "Formulir ini sudah dikirim sebagai entri pertama lembar ini. "
		    "Untuk pemeriksaan, ketik lembar yang sama sekali lagi di formulir "
		    "ini.";
		entry_page(c, 409, f, blank, &note);
		free(blank);
		goto out;
	}
	if (found && p->r.instrument != f->instr) {
		/* The questionnaire changed since the first entry: start again. */
		entry_hold(c, f, e, "entry.replace");
		goto out;
	}
	if (found) {
		note.d = tmpl_data_new();
		if (entry_compare(f, e, p, note.d) > 0) {
			note.form_error = NULL;
			entry_page(c, 409, f, e, &note);
			goto out;
		}
		tmpl_data_free(note.d);
		note.d = NULL;
		/* A match: one response. A suggestion typed once is kept. */
		if (e->r.suggestion[0] == '\0')
			snprintf(e->r.suggestion, sizeof(e->r.suggestion), "%s", p->r.suggestion);
		if (!entry_store(c, f, e, &e->r))
			goto out;
		if (store_pending_delete(c->s, e->r.client_id, &err) < 0)
			goto fail;
		entry_audit(c, f, e, "entry.save", "; entri ganda cocok");
		entry_next(c, f, e, "tersimpan");
		goto out;
	}
	if (e->dbl) {
		entry_hold(c, f, e, "entry.hold");
		goto out;
	}
	if (!entry_store(c, f, e, &e->r))
		goto out;
	entry_audit(c, f, e, "entry.save", "");
	entry_next(c, f, e, "tersimpan");
	goto out;
fail:
	console_store_fail(c, &err);
out:
	free(p);
}

/* GET: an empty form; after a save, a note and the next sheet number. */
static void entry_get(struct console_ctx *c, const struct sheet_form *f, struct entry *e)
{
	struct entry_note note = {0};
	struct ikm_err err = {0};
	const char *saved = formdata_get(&c->query, "tersimpan");
	const char *held = formdata_get(&c->query, "ditahan");
	char text[STORE_SHEET_MAX + 200];
	int found = 0;

	typed(e->date, formdata_get(&c->query, "tanggal"));
	e->day = parse_day(e->date);
	if (e->day == 0) {
		e->day = store_today(c->org.zone);
		day_text(e->day, e->date, sizeof(e->date));
	}
	if (store_period_on(c->s, e->day, &e->p, &found, &err) < 0) {
		console_store_fail(c, &err);
		return;
	}
	if (!found)
		memset(&e->p, 0, sizeof(e->p));
	typed(e->service, formdata_get(&c->query, "layanan"));
	e->dbl = formdata_get(&c->query, "ganda") != NULL &&
	         strcmp(formdata_get(&c->query, "ganda"), "1") == 0;
	e->suggestion = "";
	web_new_client_id(e->form_id, sizeof(e->form_id));
	if (sheet_ok(saved)) {
		snprintf(text, sizeof(text), "Kuesioner nomor %s tersimpan.", saved);
		note.notice = text;
		next_sheet(saved, e->sheet, sizeof(e->sheet));
	} else if (sheet_ok(held)) {
		snprintf(text, sizeof(text),
		         "Lembar nomor %s dicatat sebagai entri pertama dan belum dihitung. Ketik "
		         "lembar yang sama sekali lagi untuk pemeriksaan.",
		         held);
		note.notice = text;
		next_sheet(held, e->sheet, sizeof(e->sheet));
	}
	entry_page(c, 200, f, e, &note);
}

static void choose_page(struct console_ctx *c)
{
	struct tmpl_data *d = tmpl_data_new();

	tmpl_set(d, "heading", "Entri kuesioner kertas");
	tmpl_set(d, "intro", "Pilih unit yang lembar kuesionernya akan Anda ketik.");
	if (console_entry_units(c, d, "/admin/entri") < 0) {
		tmpl_data_free(d);
		return;
	}
	console_page(c, 200, "admin/entry-choose.html", d, "Entri kuesioner kertas");
}

void console_entry(struct console_ctx *c, const char *rest)
{
	struct sheet_form *f;
	struct entry *e;
	struct ikm_err err = {0};
	int rc;

	if (strcmp(c->req->path, "/admin/impor") == 0 ||
	    strncmp(c->req->path, "/admin/impor/", 13) == 0) {
		console_import(c, rest);
		return;
	}
	if (rest[0] != '\0') {
		console_fail(c, 404, not_found);
		return;
	}
	f = xcalloc(1, sizeof(*f));
	e = xcalloc(1, sizeof(*e));
	rc = console_entry_unit(c, console_param(c, "unit"), &f->u);
	if (rc < 0)
		goto out;
	if (rc == 0) {
		choose_page(c);
		goto out;
	}
	f->t = xcalloc(1, sizeof(*f->t));
	if (store_instrument_current(c->s, f->u.id, &f->instr, &f->in, &err) < 0 ||
	    store_instrument_texts(c->s, f->instr, f->t, &err) < 0 ||
	    store_service_list(c->s, f->u.slug, &f->svcs, &f->nsvcs, &err) < 0) {
		console_store_fail(c, &err);
		goto out;
	}
	if (c->post)
		entry_post(c, f, e);
	else
		entry_get(c, f, e);
out:
	if (f != NULL) {
		free(f->t);
		free(f->svcs);
	}
	free(f);
	free(e);
}
