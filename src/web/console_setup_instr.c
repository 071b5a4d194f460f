/* console_setup_instr: the instrument version of a unit — its elements,
 * weights, questions and option labels in Indonesian and English — and
 * the two changes the console makes: the words of one element, and an
 * element added (code U10..U99; the weights stay equal, 1/k, method.md
 * section 2). Each change is stored as the unit's new current version
 * (store_instrument_put_current); responses already stored keep the
 * version they answered, and aggregates map them by element id. A form
 * carries the version it was made from: a change made meanwhile by
 * someone else is refused (409), not overwritten. One element per form,
 * so that a form stays within FORMDATA_MAX_FIELDS at 30 elements. */
#include "console_setup_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "idfmt.h"
#include "setupcheck.h"
#include "xalloc.h"

#define PREFIX      "/admin/atur"
#define EL_NAME_MAX (sizeof(((struct instr_element *)0)->name) - 1) /* bytes of an element name */

static const char *const sfx[INSTR_NLOCALES] = {"id", "en"};
static const char *const lang_label[INSTR_NLOCALES] = {"Bahasa Indonesia",
                                                       "Bahasa Inggris (English)"};

/* The current version of a unit. */
struct cur {
	int64_t id, unit, version, created;
	struct instrument in;
	struct instr_texts *t; /* owned */
};

/* One element's words as a form sent them, checked. */
struct el_form {
	const char *code; /* add: as typed */
	char code_error[SETUP_ERR_MAX], form_error[SETUP_ERR_MAX];
	const char *raw_name[INSTR_NLOCALES], *raw_q[INSTR_NLOCALES];
	const char *raw_l[INSTR_NLOCALES][INSTR_OPTIONS];
	char name[INSTR_NLOCALES][EL_NAME_MAX + 1];
	char q[INSTR_NLOCALES][INSTR_TEXT_MAX + 1];
	char l[INSTR_NLOCALES][INSTR_OPTIONS][INSTR_LABEL_MAX + 1];
	char name_err[INSTR_NLOCALES][SETUP_ERR_MAX], q_err[INSTR_NLOCALES][SETUP_ERR_MAX];
	char l_err[INSTR_NLOCALES][INSTR_OPTIONS][SETUP_ERR_MAX];
};

static int cur_load(struct console_ctx *c, const struct store_unit *u, struct cur *k)
{
	struct ikm_err err = {0};

	memset(k, 0, sizeof(*k));
	k->t = xmalloc(sizeof(*k->t));
	if (store_instrument_current(c->s, u->id, &k->id, &k->in, &err) < 0 ||
	    store_instrument_texts(c->s, k->id, k->t, &err) < 0 ||
	    store_instrument_version(c->s, k->id, &k->unit, &k->version, &k->created, &err) < 0) {
		console_store_fail(c, &err);
		return -1;
	}
	return 0;
}

/* The day (yyyymmdd) of unix time t in the organisation's zone. */
static int32_t day_of(int64_t t, const char *zone)
{
	int hours = strcmp(zone, "WIT") == 0 ? 9 : strcmp(zone, "WITA") == 0 ? 8 : 7;
	time_t s = (time_t)t + hours * 3600;
	struct tm tm;

	gmtime_r(&s, &tm);
	return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

/* The first free code U10..U99 of in into buf ("" when none). */
static void next_code(const struct instrument *in, char buf[16])
{
	buf[0] = '\0';
	for (int n = 10; n <= 99 && buf[0] == '\0'; n++) {
		int used = 0;

		snprintf(buf, 16, "U%d", n);
		for (int j = 0; j < in->k; j++)
			used |= strcasecmp(in->el[j].code, buf) == 0;
		if (used)
			buf[0] = '\0';
	}
}

/* Why no element can be added to in, or NULL. */
static const char *add_blocked(const struct instrument *in)
{
	if (in->k >= INSTR_MAX_ELEMENTS)
		return "Instrumen ini sudah memuat 30 unsur, batas paling banyak.";
	if (in->custom_weights || in->method != INSTR_METHOD_STANDARD)
		return "Instrumen unit ini memakai bobot khusus atau bobot lama. Unsur tambahan "
		       "hanya dapat ditambahkan pada instrumen berbobot sama (1/k).";
	return NULL;
}

/* The fields of one element's form into d: f (typed) when given, else
 * the words of element j of t. fixed_name: the Indonesian name is the
 * regulation's and is shown, not edited. */
static void el_fields(struct tmpl_data *d, const struct instr_texts *t, int j,
                      const struct el_form *f, const char *fixed_name)
{
	for (int l = 0; l < INSTR_NLOCALES; l++) {
		struct tmpl_data *x = tmpl_add(d, "locales");

		tmpl_set(x, "sfx", sfx[l]);
		tmpl_set(x, "lang", lang_label[l]);
		tmpl_set_bool(x, "en", l == INSTR_EN);
		if (l == INSTR_ID && fixed_name != NULL)
			tmpl_set(x, "name_fixed", fixed_name);
		tmpl_set(x, "name", f != NULL ? f->raw_name[l] : t->name[j][l]);
		tmpl_set(x, "question", f != NULL ? f->raw_q[l] : t->question[j][l]);
		if (f != NULL && f->name_err[l][0] != '\0')
			tmpl_set(x, "name_error", f->name_err[l]);
		if (f != NULL && f->q_err[l][0] != '\0')
			tmpl_set(x, "question_error", f->q_err[l]);
		for (int o = 0; o < INSTR_OPTIONS; o++) {
			struct tmpl_data *y = tmpl_add(x, "labels");
			char n[16];

			snprintf(n, sizeof(n), "%d", o + 1);
			tmpl_set(y, "n", n);
			tmpl_set(y, "value", f != NULL ? f->raw_l[l][o] : t->label[j][l][o]);
			if (f != NULL && f->l_err[l][o][0] != '\0')
				tmpl_set(y, "error", f->l_err[l][o]);
		}
	}
}

/* The page of unit u; edit: the code of the element whose words are
 * edited (NULL: the element-adding form); f: what was typed. */
static void instr_page(struct console_ctx *c, int status, const struct store_unit *u,
                       const char *edit, const struct el_form *f)
{
	struct tmpl_data *d = tmpl_data_new();
	struct setup_tree tr;
	struct cur k = {0};
	char buf[64], day[48];
	int sel = -1;

	if (console_setup_tree(c, &tr) < 0)
		goto out;
	console_setup_unit_options(d, &tr, u != NULL ? u->slug : NULL);
	if (u == NULL) {
		console_page(c, status, "admin/setup-instrument.html", d, "Instrumen");
		d = NULL;
		goto out;
	}
	if (cur_load(c, u, &k) < 0)
		goto out;
	tmpl_set_bool(d, "chosen", 1);
	tmpl_set(d, "unit", u->slug);
	tmpl_set(d, "unit_name", u->name);
	snprintf(buf, sizeof(buf), "%lld", (long long)k.id);
	tmpl_set(d, "versi", buf);
	snprintf(buf, sizeof(buf), "%lld", (long long)k.version);
	tmpl_set(d, "version", buf);
	tmpl_set_bool(d, "own", k.unit == u->id);
	tmpl_set(d, "created", console_setup_day(day, sizeof(day), day_of(k.created, c->org.zone)));
	snprintf(buf, sizeof(buf), "%d", k.in.k);
	tmpl_set(d, "k", buf);
	tmpl_set(d, "method",
	         k.in.custom_weights                    ? "bobot khusus"
	         : k.in.method == INSTR_METHOD_STANDARD ? "PermenPAN-RB 14/2017, bobot sama (1/k)"
	                                                : "bobot lama (tidak baku)");
	for (int j = 0; j < k.in.k; j++) {
		const struct instr_element *e = &k.in.el[j];
		struct tmpl_data *r = tmpl_add(d, "rows");
		char w[INSTR_OPTIONS * (INSTR_LABEL_MAX + 3) + 8], dec[32];

		if (edit != NULL && strcasecmp(edit, e->code) == 0)
			sel = j;
		tmpl_set(r, "code", e->code);
		tmpl_set(r, "name", k.t->name[j][INSTR_ID]);
		tmpl_set(r, "name_en", k.t->name[j][INSTR_EN]);
		tmpl_set(r, "question", k.t->question[j][INSTR_ID]);
		tmpl_set(r, "question_en", k.t->question[j][INSTR_EN]);
		snprintf(w, sizeof(w), "%s / %s / %s / %s", k.t->label[j][INSTR_ID][0],
		         k.t->label[j][INSTR_ID][1], k.t->label[j][INSTR_ID][2],
		         k.t->label[j][INSTR_ID][3]);
		tmpl_set(r, "labels", w);
		idfmt_fixed(dec, sizeof(dec), (e->w_num * 20000 / e->w_den + 1) / 2, 4);
		snprintf(w, sizeof(w), "%lld/%lld (%s)", (long long)e->w_num, (long long)e->w_den,
		         dec);
		tmpl_set(r, "weight", w);
		tmpl_set_bool(r, "extra", e->question == NULL);
	}
	if (f != NULL && f->form_error[0] != '\0')
		tmpl_set(d, "form_error", f->form_error);
	if (sel >= 0) {
		tmpl_set_bool(d, "edit", 1);
		tmpl_set(d, "edit_code", k.in.el[sel].code);
		el_fields(d, k.t, sel, f,
		          k.in.el[sel].question != NULL ? k.t->name[sel][INSTR_ID] : NULL);
	} else if (edit != NULL) {
		tmpl_set(d, "form_error", "Unsur itu tidak ada pada versi instrumen ini.");
	} else if (add_blocked(&k.in) != NULL) {
		tmpl_set(d, "add_blocked", add_blocked(&k.in));
	} else {
		/* The form of a new element, with the generic labels. */
		struct instrument ex = k.in;
		struct instr_texts *t = xmalloc(sizeof(*t));
		struct ikm_err err = {0};
		char code[16];

		next_code(&k.in, code);
		tmpl_set_bool(d, "add", 1);
		tmpl_set(d, "code", f != NULL ? f->code : code);
		if (f != NULL && f->code_error[0] != '\0')
			tmpl_set(d, "code_error", f->code_error);
		if (instr_add_extra(&ex, code[0] != '\0' ? code : "U99", NULL, "-", &err) == 0) {
			instr_texts_default(&ex, t);
			t->name[ex.k - 1][INSTR_ID][0] = '\0';
			t->name[ex.k - 1][INSTR_EN][0] = '\0';
			el_fields(d, t, ex.k - 1, f, NULL);
		}
		free(t);
	}
	console_page(c, status, "admin/setup-instrument.html", d, "Instrumen");
	d = NULL;
out:
	tmpl_data_free(d);
	console_setup_tree_free(&tr);
	free(k.t);
}

void console_setup_instr_page(struct console_ctx *c)
{
	struct store_unit u;
	int r = console_setup_unit(c, "unit", &u);

	if (r >= 0)
		instr_page(c, 200, r == 1 ? &u : NULL, r == 1 ? console_param(c, "unsur") : NULL,
		           NULL);
}

/* The words of one element as the form sent them into f. */
static void el_raw(struct console_ctx *c, struct el_form *f)
{
	char field[32];

	for (int l = 0; l < INSTR_NLOCALES; l++) {
		snprintf(field, sizeof(field), "nama_%s", sfx[l]);
		f->raw_name[l] = console_param(c, field);
		snprintf(field, sizeof(field), "tanya_%s", sfx[l]);
		f->raw_q[l] = console_param(c, field);
		for (int o = 0; o < INSTR_OPTIONS; o++) {
			snprintf(field, sizeof(field), "pilihan_%s_%d", sfx[l], o + 1);
			f->raw_l[l][o] = console_param(c, field);
		}
	}
}

/* Check the words of one element in f from the form; fixed_name: the
 * Indonesian name stays this. Returns the number of problems. */
static int el_read(struct console_ctx *c, struct el_form *f, const char *fixed_name)
{
	struct ikm_err err = {0};
	int bad = 0;

	el_raw(c, f);
	for (int l = 0; l < INSTR_NLOCALES; l++) {
		if (l == INSTR_ID && fixed_name != NULL) {
			snprintf(f->name[l], sizeof(f->name[l]), "%s", fixed_name);
		} else if (setupcheck_text(f->raw_name[l], SETUPCHECK_LINE, l == INSTR_ID,
		                           EL_NAME_MAX, f->name[l], sizeof(f->name[l]), &err) < 0) {
			console_setup_msg(f->name_err[l], sizeof(f->name_err[l]), err.msg);
			bad++;
		}
		if (setupcheck_text(f->raw_q[l], SETUPCHECK_FLAT, l == INSTR_ID, INSTR_TEXT_MAX,
		                    f->q[l], sizeof(f->q[l]), &err) < 0) {
			console_setup_msg(f->q_err[l], sizeof(f->q_err[l]), err.msg);
			bad++;
		}
		for (int o = 0; o < INSTR_OPTIONS; o++) {
			if (setupcheck_text(f->raw_l[l][o], SETUPCHECK_LINE, 1, INSTR_LABEL_MAX,
			                    f->l[l][o], sizeof(f->l[l][o]), &err) < 0) {
				console_setup_msg(f->l_err[l][o], sizeof(f->l_err[l][o]), err.msg);
				bad++;
				continue;
			}
			for (int p = 0; p < o; p++)
				if (f->l_err[l][p][0] == '\0' &&
				    strcasecmp(f->l[l][p], f->l[l][o]) == 0) {
					snprintf(
					    f->l_err[l][o], sizeof(f->l_err[l][o]),
					    "Sama dengan pilihan %d; setiap pilihan harus berbeda.",
					    p + 1);
					bad++;
					break;
				}
		}
	}
	/* No English name: the Indonesian one. */
	if (f->name_err[INSTR_EN][0] == '\0' && f->name[INSTR_EN][0] == '\0')
		snprintf(f->name[INSTR_EN], sizeof(f->name[INSTR_EN]), "%s", f->name[INSTR_ID]);
	return bad;
}

/* Put f's words as element j of t. */
static void el_apply(struct instr_texts *t, int j, const struct el_form *f)
{
	for (int l = 0; l < INSTR_NLOCALES; l++) {
		snprintf(t->name[j][l], sizeof(t->name[j][l]), "%s", f->name[l]);
		snprintf(t->question[j][l], sizeof(t->question[j][l]), "%s", f->q[l]);
		for (int o = 0; o < INSTR_OPTIONS; o++)
			snprintf(t->label[j][l][o], sizeof(t->label[j][l][o]), "%s", f->l[l][o]);
	}
}

/* A POST's unit and the current version: 1, or answered. The version the
 * form was made from must still be the current one (else 409 with the
 * page of the current one and what was typed, when f is given). */
static int post_start(struct console_ctx *c, struct store_unit *u, struct cur *k, struct el_form *f,
                      const char *edit)
{
	const char *versi = console_param(c, "versi");
	char now[32];
	int r = console_setup_unit(c, "unit", u);

	if (r == 0)
		console_fail(c, 400, "Unit instrumen tidak disebut.");
	if (r != 1 || cur_load(c, u, k) < 0)
		return 0;
	snprintf(now, sizeof(now), "%lld", (long long)k->id);
	if (versi == NULL || strcmp(versi, now) != 0) {
		el_raw(c, f);
		snprintf(f->form_error, sizeof(f->form_error),
		         "Instrumen unit ini sudah berubah sejak halaman ini dibuka. Periksa versi "
		         "terbaru di bawah, lalu kirim lagi perubahan Anda.");
		instr_page(c, 409, u, edit, f);
		return 0;
	}
	return 1;
}

/* After a change (audit action, what): audit and back to the unit's page. */
static void changed(struct console_ctx *c, const struct store_unit *u, const struct cur *k,
                    int64_t id, const char *action, const char *what)
{
	struct ikm_err err = {0};
	int64_t unit = 0, version = 0, created = 0;
	char to[128], obj[STORE_AUDIT_OBJECT_MAX + 1];

	if (store_instrument_version(c->s, id, &unit, &version, &created, &err) < 0) {
		console_store_fail(c, &err);
		return;
	}
	console_audit(c, action, console_setup_object(obj, "instrument %s", u->slug),
	              "%s; version %lld (id %lld) -> unit version %lld (id %lld)", what,
	              (long long)k->version, (long long)k->id, (long long)version, (long long)id);
	snprintf(to, sizeof(to), PREFIX "/instrumen?unit=%s&ok=versi", u->slug);
	console_redirect(c, to);
}

void console_setup_instr_texts(struct console_ctx *c)
{
	struct el_form *f = xcalloc(1, sizeof(*f));
	struct store_unit u;
	struct cur k = {0};
	struct ikm_err err = {0};
	const char *code = console_param(c, "unsur");
	char what[128], to[160];
	int64_t id;
	int j = -1;

	if (!post_start(c, &u, &k, f, code))
		goto out;
	for (int i = 0; code != NULL && i < k.in.k; i++)
		if (strcasecmp(code, k.in.el[i].code) == 0)
			j = i;
	if (j < 0) {
		console_fail(c, 404, "Unsur itu tidak ada pada versi instrumen ini.");
		goto out;
	}
	if (el_read(c, f, k.in.el[j].question != NULL ? k.t->name[j][INSTR_ID] : NULL) > 0) {
		instr_page(c, 422, &u, k.in.el[j].code, f);
		goto out;
	}
	el_apply(k.t, j, f);
	snprintf(k.in.el[j].name, sizeof(k.in.el[j].name), "%s", f->name[INSTR_ID]);
	if (store_instrument_put_current(c->s, &k.in, k.t, u.id, &id, &err) < 0) {
		console_store_fail(c, &err);
		goto out;
	}
	if (id == k.id) {
		snprintf(to, sizeof(to), PREFIX "/instrumen?unit=%s&ok=sama", u.slug);
		console_redirect(c, to);
		goto out;
	}
	snprintf(what, sizeof(what), "words of element %s", k.in.el[j].code);
	changed(c, &u, &k, id, "instrument.texts", what);
out:
	free(k.t);
	free(f);
}

void console_setup_instr_add(struct console_ctx *c)
{
	struct el_form *f = xcalloc(1, sizeof(*f));
	struct store_unit u;
	struct cur k = {0};
	struct ikm_err err = {0};
	struct instrument ex;
	char code[16], what[200];
	int64_t id;
	int bad;

	f->code = console_param(c, "kode");
	if (!post_start(c, &u, &k, f, NULL))
		goto out;
	if (add_blocked(&k.in) != NULL) {
		console_setup_msg(f->form_error, sizeof(f->form_error), add_blocked(&k.in));
		instr_page(c, 422, &u, NULL, f);
		goto out;
	}
	bad = el_read(c, f, NULL);
	if (setupcheck_code(f->code, &k.in, code, &err) < 0) {
		console_setup_msg(f->code_error, sizeof(f->code_error), err.msg);
		bad++;
	}
	ex = k.in;
	if (bad == 0 && instr_add_extra(&ex, code, NULL, f->name[INSTR_ID], &err) < 0) {
		snprintf(
		    f->code_error, sizeof(f->code_error),
		    "Kode %s tidak dapat dipakai: sudah ada unsur dengan kode atau id yang sama.",
		    code);
		bad++;
	}
	if (bad > 0) {
		instr_page(c, 422, &u, NULL, f);
		goto out;
	}
	el_apply(k.t, ex.k - 1, f);
	if (store_instrument_put_current(c->s, &ex, k.t, u.id, &id, &err) < 0) {
		console_store_fail(c, &err);
		goto out;
	}
	snprintf(what, sizeof(what), "element %s \"%.120s\" added", code, f->name[INSTR_ID]);
	changed(c, &u, &k, id, "instrument.element", what);
out:
	free(k.t);
	free(f);
}
