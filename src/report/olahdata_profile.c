/* olahdata_profile: see olahdata_profile.h.
 *
 * A table of the "Profil" sheet (rows 1-based as Excel shows them):
 *
 *   5  Jenis Kelamin                              (bold)
 *   6  Kategori   | Jumlah | Persentase           (bold)
 *   7  Laki-laki  | 137    | =B7/B$10   54,8%
 *   8  Perempuan  | 113    | =B8/B$10   45,2%
 *   9  Tidak diisi|   0    |                      (only when some are missing)
 *  10  Jumlah     | =SUM(B7:B9) | =SUM(C7:C9)     (bold)
 *
 * "Lainnya (di luar daftar)" comes before "Tidak diisi" when a field had
 * more distinct values than the tally keeps. Each cached value is what the
 * formula gives, computed the same way (count / total in doubles, and the
 * sum of those in order), so a spreadsheet that recalculates shows the
 * same. The bar chart of a table (its categories, without "Tidak diisi")
 * sits to its right; a table block is as tall as its chart, so charts
 * never overlap. */
#include "olahdata_profile.h"

#include <stdio.h>
#include <string.h>

#include "idfmt.h"

#define ROW_PX        20  /* default row height in pixels */
#define CHART_BASE_PX 70  /* chart title and axis */
#define CHART_BAR_PX  24  /* per bar */
#define CHART_MIN_PX  150 /* a chart of one or two bars */
#define CHART_COL     4   /* charts start in column E */

struct fmt {
	lxw_format *bold, *bold_right, *count, *pct, *bold_count, *bold_pct, *wrap;
};

/* "3 Januari 2022" from "2022-01-03". */
static void date_words(char *buf, size_t size, const char *ymd)
{
	int y = 0, m = 0, d = 0;

	for (int i = 0; i < 4; i++)
		y = y * 10 + (ymd[i] - '0');
	m = (ymd[5] - '0') * 10 + (ymd[6] - '0');
	d = (ymd[8] - '0') * 10 + (ymd[9] - '0');
	idfmt_date(buf, size, y, m, d);
}

/* One table and its chart from `row` (0-based); returns the first row
 * after the block and its blank separator row, or 0 on error (*e set). */
static lxw_row_t field_table(lxw_workbook *wb, lxw_worksheet *ws, const struct fmt *f,
                             const struct resp_table *tb, const char *title, lxw_row_t row,
                             lxw_error *e)
{
	const lxw_row_t first = row + 2;
	lxw_row_t r = first, total_row;
	uint64_t total = tb->missing + tb->other;
	int nbars = tb->ncat + (tb->other > 0);
	double sum = 0, chart_px;
	char a[16], b[16], formula[64];
	lxw_chart *chart;
	lxw_chart_series *series;
	lxw_chart_fill fill = {.color = 0x426E9E, .none = LXW_FALSE, .transparency = 0};
	lxw_chart_options opt = {0};

	for (int i = 0; i < tb->ncat; i++)
		total += tb->cat[i].count;
	total_row = first + (lxw_row_t)nbars + (tb->missing > 0);
	*e = worksheet_write_string(ws, row, 0, title, f->bold);
	if (*e == LXW_NO_ERROR)
		*e = worksheet_write_string(ws, row + 1, 0, "Kategori", f->bold);
	if (*e == LXW_NO_ERROR)
		*e = worksheet_write_string(ws, row + 1, 1, "Jumlah", f->bold_right);
	if (*e == LXW_NO_ERROR)
		*e = worksheet_write_string(ws, row + 1, 2, "Persentase", f->bold_right);
	for (int i = 0; i < nbars + (tb->missing > 0) && *e == LXW_NO_ERROR; i++, r++) {
		const char *label = i < tb->ncat ? tb->cat[i].label
		                    : i < nbars  ? "Lainnya (di luar daftar)"
		                                 : "Tidak diisi";
		uint64_t n = i < tb->ncat ? tb->cat[i].count : i < nbars ? tb->other : tb->missing;
		double share = total > 0 ? (double)n / (double)total : 0;

		*e = worksheet_write_string(ws, r, 0, label, NULL);
		if (*e == LXW_NO_ERROR)
			*e = worksheet_write_number(ws, r, 1, (double)n, f->count);
		if (*e == LXW_NO_ERROR && total > 0) {
			lxw_rowcol_to_cell(a, r, 1);
			snprintf(formula, sizeof(formula), "=%s/B$%u", a, (unsigned)total_row + 1);
			*e = worksheet_write_formula_num(ws, r, 2, formula, f->pct, share);
			sum += share;
		}
	}
	if (*e != LXW_NO_ERROR)
		return 0;
	lxw_rowcol_to_cell(a, first, 1);
	lxw_rowcol_to_cell(b, total_row - 1, 1);
	*e = worksheet_write_string(ws, total_row, 0, "Jumlah", f->bold);
	if (*e == LXW_NO_ERROR && total_row > first) {
		snprintf(formula, sizeof(formula), "=SUM(%s:%s)", a, b);
		*e = worksheet_write_formula_num(ws, total_row, 1, formula, f->bold_count,
		                                 (double)total);
	}
	if (*e == LXW_NO_ERROR && total_row > first && total > 0) {
		lxw_rowcol_to_cell(a, first, 2);
		lxw_rowcol_to_cell(b, total_row - 1, 2);
		snprintf(formula, sizeof(formula), "=SUM(%s:%s)", a, b);
		*e = worksheet_write_formula_num(ws, total_row, 2, formula, f->bold_pct, sum);
	}
	if (*e != LXW_NO_ERROR)
		return 0;

	chart_px = CHART_BASE_PX + CHART_BAR_PX * nbars;
	if (chart_px < CHART_MIN_PX)
		chart_px = CHART_MIN_PX;
	if (nbars > 0) {
		char name[80];

		snprintf(name, sizeof(name), "%s", title);
		chart = workbook_add_chart(wb, LXW_CHART_BAR);
		series = chart_add_series(chart, NULL, NULL);
		chart_series_set_categories(series, OLAHDATA_PROFILE_SHEET, first, 0,
		                            first + (lxw_row_t)nbars - 1, 0);
		chart_series_set_values(series, OLAHDATA_PROFILE_SHEET, first, 1,
		                        first + (lxw_row_t)nbars - 1, 1);
		chart_series_set_name(series, "Jumlah");
		chart_series_set_fill(series, &fill);
		chart_series_set_labels(series);
		chart_title_set_name(chart, name);
		chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
		/* Bar charts draw the first category at the bottom: reverse the
		 * category axis (y in a bar chart) to read top-down as the table. */
		chart_axis_set_reverse(chart->y_axis);
		opt.y_scale = chart_px / 288.0; /* the default chart is 288 px high */
		*e = worksheet_insert_chart_opt(ws, row, CHART_COL, chart, &opt);
		if (*e != LXW_NO_ERROR)
			return 0;
	}
	/* The block ends after the table or the chart, whichever is lower,
	 * and a blank row. */
	r = total_row + 2;
	if (row + (lxw_row_t)(chart_px / ROW_PX) + 2 > r)
		r = row + (lxw_row_t)(chart_px / ROW_PX) + 2;
	return r;
}

static lxw_error profile_sheet(lxw_workbook *wb, const struct resp_tally *t, const struct fmt *f)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, OLAHDATA_PROFILE_SHEET);
	lxw_row_t row = 4;
	lxw_error e;
	int any = 0;

	if (ws == NULL)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	worksheet_set_column(ws, 0, 0, 34, NULL);
	worksheet_set_column(ws, 1, 1, 10, NULL);
	worksheet_set_column(ws, 2, 2, 12, NULL);
	e = worksheet_write_string(ws, 0, 0, "PROFIL RESPONDEN", f->bold);
	if (e == LXW_NO_ERROR)
		e = worksheet_write_string(ws, 1, 0, "Jumlah responden", NULL);
	if (e == LXW_NO_ERROR)
		e = worksheet_write_number(ws, 1, 1, (double)t->rows, f->count);
	if (e == LXW_NO_ERROR && t->date_min[0] != '\0') {
		char lo[48], hi[48], text[128];

		date_words(lo, sizeof(lo), t->date_min);
		date_words(hi, sizeof(hi), t->date_max);
		if (strcmp(t->date_min, t->date_max) == 0)
			snprintf(text, sizeof(text), "%s", lo);
		else
			snprintf(text, sizeof(text), "%s s.d. %s", lo, hi);
		e = worksheet_write_string(ws, 2, 0, "Tanggal survei", NULL);
		if (e == LXW_NO_ERROR)
			e = worksheet_write_string(ws, 2, 1, text, NULL);
	}
	for (int i = 0; i < RESP_NFIELDS && e == LXW_NO_ERROR; i++) {
		if (!t->t[i].present)
			continue;
		any = 1;
		row =
		    field_table(wb, ws, f, &t->t[i], resp_field_title((enum resp_field)i), row, &e);
	}
	if (e == LXW_NO_ERROR && !any)
		e = worksheet_write_string(
		    ws, row, 0,
		    "Data tidak memuat kolom profil responden (jenis kelamin, usia, pendidikan, "
		    "pekerjaan, jenis layanan).",
		    NULL);
	return e;
}

static lxw_error suggestion_sheet(lxw_workbook *wb, const struct resp_tally *t, const struct fmt *f)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, OLAHDATA_SUGGESTION_SHEET);
	lxw_row_t row = 0, first;
	lxw_error e;
	char a[16], b[16], formula[64], text[160], num[32];

	if (ws == NULL)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	worksheet_set_column(ws, 0, 0, 72, f->wrap);
	worksheet_set_column(ws, 1, 1, 10, NULL);
	e = worksheet_write_string(ws, row++, 0, "SARAN DAN MASUKAN RESPONDEN", f->bold);
	if (e == LXW_NO_ERROR)
		e = worksheet_write_string(ws, row, 0, "Responden yang memberi saran", NULL);
	if (e == LXW_NO_ERROR)
		e = worksheet_write_number(ws, row++, 1, (double)t->sugg_rows, f->count);
	if (e == LXW_NO_ERROR)
		e = worksheet_write_string(
		    ws, row, 0, "Menjawab tidak ada saran (\"-\", \"tidak ada\", \"nihil\", ...)",
		    NULL);
	if (e == LXW_NO_ERROR)
		e = worksheet_write_number(ws, row++, 1, (double)t->sugg_none, f->count);
	if (e == LXW_NO_ERROR && t->sugg_dropped > 0) {
		snprintf(text, sizeof(text),
		         "Saran di luar %s kelompok yang disimpan (dihitung, tidak dirinci)",
		         idfmt_int(num, sizeof(num), RESP_MAX_SUGGESTIONS));
		e = worksheet_write_string(ws, row, 0, text, NULL);
		if (e == LXW_NO_ERROR)
			e = worksheet_write_number(ws, row++, 1, (double)t->sugg_dropped, f->count);
	}
	row++;
	if (e != LXW_NO_ERROR)
		return e;
	if (t->nsugg == 0)
		return worksheet_write_string(ws, row, 0, "Tidak ada saran atau masukan.", NULL);
	e = worksheet_write_string(ws, row, 0, "Saran / masukan (dikelompokkan)", f->bold);
	if (e == LXW_NO_ERROR)
		e = worksheet_write_string(ws, row++, 1, "Jumlah", f->bold_right);
	first = row;
	for (int i = 0; i < t->nsugg && e == LXW_NO_ERROR; i++, row++) {
		e = worksheet_write_string(ws, row, 0, t->sugg[i].text, f->wrap);
		if (e == LXW_NO_ERROR)
			e = worksheet_write_number(ws, row, 1, (double)t->sugg[i].count, f->count);
	}
	if (e != LXW_NO_ERROR)
		return e;
	lxw_rowcol_to_cell(a, first, 1);
	lxw_rowcol_to_cell(b, row - 1, 1);
	snprintf(formula, sizeof(formula), "=SUM(%s:%s)", a, b);
	e = worksheet_write_string(ws, row, 0, "Jumlah", f->bold);
	if (e == LXW_NO_ERROR)
		e = worksheet_write_formula_num(ws, row, 1, formula, f->bold_count,
		                                (double)(t->sugg_rows - t->sugg_dropped));
	return e;
}

lxw_error olahdata_profile(lxw_workbook *wb, const struct resp_tally *t)
{
	struct fmt f;
	lxw_error e;

	f.bold = workbook_add_format(wb);
	format_set_bold(f.bold);
	f.bold_right = workbook_add_format(wb);
	format_set_bold(f.bold_right);
	format_set_align(f.bold_right, LXW_ALIGN_RIGHT);
	f.count = workbook_add_format(wb);
	format_set_num_format(f.count, "#,##0");
	f.bold_count = workbook_add_format(wb);
	format_set_num_format(f.bold_count, "#,##0");
	format_set_bold(f.bold_count);
	f.pct = workbook_add_format(wb);
	format_set_num_format(f.pct, "0.0%");
	f.bold_pct = workbook_add_format(wb);
	format_set_num_format(f.bold_pct, "0.0%");
	format_set_bold(f.bold_pct);
	f.wrap = workbook_add_format(wb);
	format_set_text_wrap(f.wrap);
	format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
	e = profile_sheet(wb, t, &f);
	if (e == LXW_NO_ERROR)
		e = suggestion_sheet(wb, t, &f);
	return e;
}
