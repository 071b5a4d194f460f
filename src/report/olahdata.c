/* olahdata: the processing workbook offices know ("olah data IKM"), with
 * libxlsxwriter. One row per respondent with the answers U1..Uk, then per
 * element the sum, the number of answers, NRR, the weight (exactly 1/k, as
 * a formula), the weighted NRR, and the index, its rounding, mutu and
 * kinerja — every one a live Excel formula with its value cached from the
 * core, so a spreadsheet that recalculates shows the numbers ikm printed.
 * The same pass tallies the respondent profile for the "Profil" and
 * "Saran" sheets (olahdata_profile.c). Written in constant-memory mode:
 * memory does not grow with the rows. */
#include "olahdata.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "exact.h"
#include "grade.h"
#include "olahdata_profile.h"

#define FIRST_DATA_ROW 4 /* rows 0..3: title, period, blank, header */
#define FIRST_U_COL    2 /* columns: No, Baris, U1..Uk */

struct writer {
	lxw_worksheet *ws;
	lxw_format *num;
	uint32_t row;  /* next data row */
	uint64_t rows; /* respondents written */
	int overflow;  /* more respondents than a sheet holds */
	lxw_error status;
};

static void visit(void *user, int file, uint64_t line, const uint8_t *vals, int k)
{
	struct writer *w = user;

	(void)file;
	if (w->overflow || w->status != LXW_NO_ERROR)
		return;
	if (w->row >= OLAHDATA_MAX_ROWS) {
		w->overflow = 1;
		return;
	}
	w->rows++;
	w->status = worksheet_write_number(w->ws, w->row, 0, (double)w->rows, NULL);
	if (w->status == LXW_NO_ERROR)
		w->status = worksheet_write_number(w->ws, w->row, 1, (double)line, NULL);
	for (int j = 0; j < k && w->status == LXW_NO_ERROR; j++)
		if (vals[j] != 0)
			w->status = worksheet_write_number(
			    w->ws, w->row, (lxw_col_t)(FIRST_U_COL + j), vals[j], w->num);
	w->row++;
}

/* The value of num/den as a double, for a cached cell value. */
static double ratio(uint64_t num, uint64_t den)
{
	mpq_t q;
	double d;

	mpq_init(q);
	exact_set_ratio(q, num, den);
	d = mpq_get_d(q);
	mpq_clear(q);
	return d;
}

/* Label in column 1 and one formula per element column of a summary row. */
static lxw_error summary_row(lxw_worksheet *ws, uint32_t row, const char *label, lxw_format *bold,
                             lxw_format *fmt, int k,
                             void (*formula)(char *buf, size_t size, int j, void *ctx),
                             double (*cached)(int j, void *ctx), void *ctx)
{
	lxw_error e = worksheet_write_string(ws, row, 1, label, bold);

	for (int j = 0; j < k && e == LXW_NO_ERROR; j++) {
		char f[256];

		formula(f, sizeof(f), j, ctx);
		e = worksheet_write_formula_num(ws, row, (lxw_col_t)(FIRST_U_COL + j), f, fmt,
		                                cached(j, ctx));
	}
	return e;
}

struct ctx {
	const struct instrument *in;
	const struct score_result *res;
	uint32_t first, last; /* data rows (0-based, inclusive) */
	uint32_t sum_row, count_row, nrr_row, weight_row;
};

static void col_cell(char *buf, int j, uint32_t row)
{
	lxw_rowcol_to_cell(buf, row, (lxw_col_t)(FIRST_U_COL + j));
}

static void f_sum(char *buf, size_t size, int j, void *vc)
{
	struct ctx *c = vc;
	char a[32], b[32];

	col_cell(a, j, c->first);
	col_cell(b, j, c->last);
	snprintf(buf, size, "=SUM(%s:%s)", a, b);
}

static double v_sum(int j, void *vc)
{
	return (double)((struct ctx *)vc)->res->el[j].sum;
}

static void f_count(char *buf, size_t size, int j, void *vc)
{
	struct ctx *c = vc;
	char a[32], b[32];

	col_cell(a, j, c->first);
	col_cell(b, j, c->last);
	snprintf(buf, size, "=COUNT(%s:%s)", a, b);
}

static double v_count(int j, void *vc)
{
	return (double)((struct ctx *)vc)->res->el[j].answered;
}

static void f_nrr(char *buf, size_t size, int j, void *vc)
{
	struct ctx *c = vc;
	char a[32], b[32];

	col_cell(a, j, c->sum_row);
	col_cell(b, j, c->count_row);
	snprintf(buf, size, "=%s/%s", a, b);
}

static double v_nrr(int j, void *vc)
{
	const struct score_element *e = &((struct ctx *)vc)->res->el[j];

	return ratio(e->sum, e->answered);
}

static void f_weight(char *buf, size_t size, int j, void *vc)
{
	const struct instr_element *e = &((struct ctx *)vc)->in->el[j];

	snprintf(buf, size, "=%lld/%lld", (long long)e->w_num, (long long)e->w_den);
}

static double v_weight(int j, void *vc)
{
	const struct instr_element *e = &((struct ctx *)vc)->in->el[j];

	return ratio((uint64_t)e->w_num, (uint64_t)e->w_den);
}

static void f_weighted(char *buf, size_t size, int j, void *vc)
{
	struct ctx *c = vc;
	char a[32], b[32];

	col_cell(a, j, c->nrr_row);
	col_cell(b, j, c->weight_row);
	snprintf(buf, size, "=%s*%s", a, b);
}

static double v_weighted(int j, void *vc)
{
	return v_nrr(j, vc) * v_weight(j, vc);
}

/* IF() chain of the grade table on the rounded index in cell `at`. */
static void grade_formula(char *buf, size_t size, const char *at, int kinerja)
{
	int n;
	const struct grade *g = grade_table(&n);
	size_t o = (size_t)snprintf(buf, size, "=");

	for (int i = 0; i + 1 < n && o < size; i++)
		o += (size_t)snprintf(
		    buf + o, size - o, "IF(%s>=%lld.%02lld,\"%s%s\",", at,
		    (long long)(g[i].min_e2 / 100), (long long)(g[i].min_e2 % 100),
		    kinerja ? "" : (char[2]){g[i].mutu, '\0'}, kinerja ? g[i].kinerja : "");
	if (o < size)
		o += (size_t)snprintf(buf + o, size - o, "\"%s%s\"",
		                      kinerja ? "" : (char[2]){g[n - 1].mutu, '\0'},
		                      kinerja ? g[n - 1].kinerja : "");
	for (int i = 0; i + 1 < n && o < size; i++)
		o += (size_t)snprintf(buf + o, size - o, ")");
}

int olahdata_files_feed(void *user, olahdata_visit visit_fn, void *visit_user,
                        struct resp_tally *prof, struct ikm_err *err)
{
	const struct olahdata_files *ff = user;
	struct instrument copy = *ff->in;
	struct load_opts lo = *ff->opts;
	struct load_report rep;
	struct score_acc *acc = NULL;
	int rc;

	lo.visit = visit_fn;
	lo.visit_user = visit_user;
	lo.resp = prof;
	lo.add_extras = 0;
	rc = load_files(ff->paths, ff->n, &copy, &lo, &acc, &rep, err);
	score_acc_free(acc);
	load_report_free(&rep);
	return rc;
}

int olahdata_save(const char *path, char *const *paths, int n, const struct instrument *in,
                  const struct score_result *res, const struct load_opts *opts, const char *period,
                  const int *cut, int ncut, struct ikm_err *err)
{
	struct olahdata_files ff = {paths, n, in, opts};

	return olahdata_write(path, in, res, period, cut, ncut, olahdata_files_feed, &ff, err);
}

int olahdata_write(const char *path, const struct instrument *in, const struct score_result *res,
                   const char *period, const int *cut, int ncut, olahdata_feed feed,
                   void *feed_user, struct ikm_err *err)
{
	lxw_workbook_options wo = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = 0};
	char tmp[4096], a[32], b[32], f[512];
	struct writer w = {0};
	struct ctx c = {in, res, FIRST_DATA_ROW, 0, 0, 0, 0, 0};
	struct resp_tally prof;
	lxw_workbook *wb;
	lxw_format *bold, *num4, *num2;
	lxw_chart *chart;
	lxw_chart_series *series;
	uint32_t r;
	int rc = -1;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
		return err_set(err, IKM_EUSAGE, "%s: nama berkas terlalu panjang / path too long",
		               path);
	wb = workbook_new_opt(tmp, &wo);
	if (wb == NULL)
		return err_set(err, IKM_EIO, "%s: tidak dapat ditulis / cannot write", path);
	resp_init(&prof, cut, ncut);
	w.ws = workbook_add_worksheet(wb, "Olah Data");
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	w.num = workbook_add_format(wb);
	format_set_num_format(w.num, "0");
	num4 = workbook_add_format(wb);
	format_set_num_format(num4, "0.0000");
	num2 = workbook_add_format(wb);
	format_set_num_format(num2, "0.00");
	format_set_bold(num2);
	worksheet_set_column(w.ws, 0, 0, 6, NULL);
	worksheet_set_column(w.ws, 1, 1, 24, NULL);
	worksheet_write_string(w.ws, 0, 0, "OLAH DATA SURVEI KEPUASAN MASYARAKAT", bold);
	worksheet_write_string(w.ws, 1, 0, period != NULL ? period : "", NULL);
	worksheet_write_string(w.ws, 3, 0, "No", bold);
	worksheet_write_string(w.ws, 3, 1, "Baris data", bold);
	for (int j = 0; j < in->k; j++)
		worksheet_write_string(w.ws, 3, (lxw_col_t)(FIRST_U_COL + j), in->el[j].code, bold);
	worksheet_freeze_panes(w.ws, FIRST_DATA_ROW, FIRST_U_COL);

	/* The respondents, in order: each written, and the profile tallied
	 * for the Profil sheet. */
	w.row = FIRST_DATA_ROW;
	if (feed(feed_user, visit, &w, &prof, err) < 0)
		goto out;
	if (w.overflow) {
		err_set(err, IKM_ELIMIT,
		        "%s: lebih dari %u responden tidak muat dalam satu lembar Excel / too many "
		        "respondents for one sheet",
		        path, OLAHDATA_MAX_ROWS - FIRST_DATA_ROW);
		goto out;
	}
	if (w.status != LXW_NO_ERROR || w.rows == 0)
		goto xlsx_fail;
	c.last = w.row - 1;
	r = w.row + 1;
	c.sum_row = r;
	c.count_row = r + 1;
	c.nrr_row = r + 2;
	c.weight_row = r + 3;
	if (summary_row(w.ws, c.sum_row, "Jumlah nilai per unsur", bold, NULL, in->k, f_sum, v_sum,
	                &c) != LXW_NO_ERROR ||
	    summary_row(w.ws, c.count_row, "Jumlah jawaban", bold, NULL, in->k, f_count, v_count,
	                &c) != LXW_NO_ERROR ||
	    summary_row(w.ws, c.nrr_row, "NRR per unsur", bold, num4, in->k, f_nrr, v_nrr, &c) !=
	        LXW_NO_ERROR ||
	    summary_row(w.ws, c.weight_row, "Bobot", bold, num4, in->k, f_weight, v_weight, &c) !=
	        LXW_NO_ERROR ||
	    summary_row(w.ws, r + 4, "NRR tertimbang", bold, num4, in->k, f_weighted, v_weighted,
	                &c) != LXW_NO_ERROR)
		goto xlsx_fail;
	{
		double ni = (double)res->ni_e4 / 10000.0, ikm = 0;

		/* Cached values are the core's (exact ones for the sums). */
		for (int j = 0; j < in->k; j++)
			ikm += v_weighted(j, &c);
		ni = ikm;
		ikm *= 25;
		col_cell(a, 0, r + 4);
		col_cell(b, in->k - 1, r + 4);
		snprintf(f, sizeof(f), "=SUM(%s:%s)", a, b);
		worksheet_write_string(w.ws, r + 6, 1, "Nilai indeks (NI)", bold);
		worksheet_write_formula_num(w.ws, r + 6, FIRST_U_COL, f, num4, ni);
		col_cell(a, 0, r + 6);
		snprintf(f, sizeof(f), "=%s*25", a);
		worksheet_write_string(w.ws, r + 7, 1, "IKM (NI x 25)", bold);
		worksheet_write_formula_num(w.ws, r + 7, FIRST_U_COL, f, num4, ikm);
		col_cell(a, 0, r + 7);
		snprintf(f, sizeof(f), "=ROUND(%s,2)", a);
		worksheet_write_string(w.ws, r + 8, 1, "IKM dibulatkan", bold);
		worksheet_write_formula_num(w.ws, r + 8, FIRST_U_COL, f, num2,
		                            (double)res->ikm_e2 / 100.0);
		col_cell(a, 0, r + 8);
		grade_formula(f, sizeof(f), a, 0);
		worksheet_write_string(w.ws, r + 9, 1, "Mutu pelayanan", bold);
		worksheet_write_formula_str(w.ws, r + 9, FIRST_U_COL, f, bold,
		                            (char[2]){res->mutu, '\0'});
		grade_formula(f, sizeof(f), a, 1);
		worksheet_write_string(w.ws, r + 10, 1, "Kinerja unit pelayanan", bold);
		if (worksheet_write_formula_str(w.ws, r + 10, FIRST_U_COL, f, bold, res->kinerja) !=
		    LXW_NO_ERROR)
			goto xlsx_fail;
	}
	chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
	series = chart_add_series(chart, NULL, NULL);
	chart_series_set_categories(series, "Olah Data", 3, FIRST_U_COL, 3,
	                            (lxw_col_t)(FIRST_U_COL + in->k - 1));
	chart_series_set_values(series, "Olah Data", (lxw_row_t)c.nrr_row, FIRST_U_COL,
	                        (lxw_row_t)c.nrr_row, (lxw_col_t)(FIRST_U_COL + in->k - 1));
	chart_series_set_name(series, "NRR per unsur");
	chart_title_set_name(chart, "NRR per unsur");
	worksheet_insert_chart(w.ws, r + 12, 1, chart);
	resp_sorted(&prof);
	if (olahdata_profile(wb, &prof) != LXW_NO_ERROR)
		goto xlsx_fail;
	if (workbook_close(wb) != LXW_NO_ERROR) {
		wb = NULL;
		goto xlsx_fail;
	}
	wb = NULL;
	if (rename(tmp, path) != 0) {
		err_set(err, IKM_EIO, "%s: tidak dapat ditulis / cannot write: %s", path,
		        strerror(errno));
		goto out;
	}
	rc = 0;
	goto out;
xlsx_fail:
	err_set(err, IKM_EIO, "%s: gagal menulis XLSX / XLSX write failed%s", path,
	        w.rows == 0 ? " (tidak ada responden / no respondent)" : "");
out:
	if (wb != NULL)
		workbook_close(wb);
	resp_free(&prof);
	if (rc < 0)
		remove(tmp);
	return rc;
}
