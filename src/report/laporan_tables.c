/* laporan_tables: the tables and figures of the Laporan SKM (see
 * laporan.h) — respondent profile, elements, suggestions, the follow-up
 * plan, the questionnaire and the processing table. Percentages and
 * weighted values are computed from integers and exact rationals, so the
 * report never prints a number `ikm compute` would round differently. */
#include "laporan.h"

#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "exact.h"
#include "idfmt.h"
#include "xalloc.h"

#define CELL 160 /* bytes of a formatted number cell */

/* "22,8%": part of total with one decimal, half-up, from integers. */
static char *percent(char *buf, size_t size, uint64_t part, uint64_t total)
{
	uint64_t tenths = total > 0 ? (part * 2000 / total + 1) / 2 : 0;

	idfmt_fixed(buf, size, (int64_t)tenths, 1);
	strncat(buf, "%", size - strlen(buf) - 1);
	return buf;
}

/* ---- figures ---------------------------------------------------------- */

struct fig_elements {
	struct instrument in;
	struct score_result res;
};

static void draw_elements(cairo_t *cr, double w, double h, const void *data)
{
	const struct fig_elements *f = data;

	chart_elements(cr, 0, 0, w, h, &f->in, &f->res);
}

void laporan_elements_figure(struct doc *d, const struct instrument *in,
                             const struct score_result *res, const char *caption)
{
	struct fig_elements *f = xcalloc(1, sizeof(*f));
	double h = 70.0 + 22.0 * in->k;

	f->in = *in;
	f->res = *res;
	doc_figure(d, caption, 453, h > 520 ? 520 : h, draw_elements, f, NULL);
}

#define FIG_CATS (RESP_MAX_CATEGORIES + 2)

struct fig_categories {
	int n;
	char label[FIG_CATS][RESP_LABEL_MAX + 32];
	uint64_t count[FIG_CATS];
};

static void draw_categories(cairo_t *cr, double w, double h, const void *data)
{
	const struct fig_categories *f = data;
	const char *labels[FIG_CATS];

	for (int i = 0; i < f->n; i++)
		labels[i] = f->label[i];
	chart_categories(cr, 0, 0, w, h, labels, f->count, f->n);
}

/* ---- BAB III: respondent profile --------------------------------------- */

static void profile_table(struct doc *d, const struct resp_tally *rt, enum resp_field fld,
                          int *ntab, int *nfig)
{
	static const double width[] = {0.6, 4.0, 1.2, 1.4};
	static const enum doc_align align[] = {DOC_ALIGN_CENTER, DOC_ALIGN_LEFT, DOC_ALIGN_RIGHT,
	                                       DOC_ALIGN_RIGHT};
	static const char *const head[] = {"No", "Kategori", "Jumlah", "Persentase"};
	const struct resp_table *t = &rt->t[fld];
	struct fig_categories *f = xcalloc(1, sizeof(*f));
	char caption[256], no[16], cnt[CELL], pct[CELL];
	int row = 0;

	snprintf(caption, sizeof(caption), "Tabel 3.%d Responden menurut %s", ++*ntab,
	         resp_field_title(fld));
	doc_table(d, caption, 4, head, width, align, 0);
	for (int i = 0; i <= t->ncat + 1; i++) {
		const char *label;
		uint64_t c;

		if (i < t->ncat) {
			label = t->cat[i].label;
			c = t->cat[i].count;
		} else if (i == t->ncat) {
			if (t->other == 0)
				continue;
			label = "Lainnya (di luar daftar)";
			c = t->other;
		} else {
			if (t->missing == 0)
				continue;
			label = "Tidak diisi";
			c = t->missing;
		}
		snprintf(no, sizeof(no), "%d", ++row);
		doc_row(d,
		        (const char *[]){no, label, idfmt_int(cnt, sizeof(cnt), (int64_t)c),
		                         percent(pct, sizeof(pct), c, rt->rows)},
		        0);
		if (f->n < FIG_CATS) {
			snprintf(f->label[f->n], sizeof(f->label[0]), "%s", label);
			f->count[f->n++] = c;
		}
	}
	doc_row(d,
	        (const char *[]){"", "Jumlah", idfmt_int(cnt, sizeof(cnt), (int64_t)rt->rows),
	                         percent(pct, sizeof(pct), rt->rows, rt->rows)},
	        1);
	snprintf(caption, sizeof(caption), "Gambar 3.%d Responden menurut %s", ++*nfig,
	         resp_field_title(fld));
	doc_figure(d, caption, 453, 40.0 + 20.0 * (f->n > 0 ? f->n : 2), draw_categories, f, NULL);
}

void laporan_profile_section(struct doc *d, const struct resp_tally *rt, int *ntab, int *nfig)
{
	char n[CELL], buf[512];
	int any = 0;

	for (int f = 0; f < RESP_NFIELDS; f++)
		any |= rt->t[f].present;
	doc_para(d);
	if (!any) {
		doc_text(d,
		         "Berkas data tidak memuat kolom profil responden (jenis kelamin, usia, "
		         "pendidikan, pekerjaan, jenis layanan), sehingga profil responden tidak "
		         "dapat disajikan.",
		         0);
		return;
	}
	snprintf(buf, sizeof(buf),
	         "Profil %s responden yang mengisi kuesioner disajikan pada tabel dan gambar "
	         "berikut. Persentase dihitung terhadap seluruh responden, termasuk yang tidak "
	         "mengisi isian profil.",
	         idfmt_int(n, sizeof(n), (int64_t)rt->rows));
	doc_text(d, buf, 0);
	for (int f = 0; f < RESP_NFIELDS; f++)
		if (rt->t[f].present)
			profile_table(d, rt, (enum resp_field)f, ntab, nfig);
}

/* ---- BAB III: elements ------------------------------------------------- */

void laporan_element_table(struct doc *d, const struct instrument *in,
                           const struct score_result *res, const char *caption)
{
	static const double width[] = {0.5, 0.7, 3.1, 0.8, 1.0, 1.0, 0.9, 1.1};
	static const enum doc_align align[] = {DOC_ALIGN_CENTER, DOC_ALIGN_CENTER, DOC_ALIGN_LEFT,
	                                       DOC_ALIGN_RIGHT,  DOC_ALIGN_RIGHT,  DOC_ALIGN_RIGHT,
	                                       DOC_ALIGN_CENTER, DOC_ALIGN_CENTER};
	static const char *const head[] = {"No",       "Kode", "Unsur Pelayanan", "n", "NRR",
	                                   "NRR × 25", "Mutu", "Urutan*"};
	char no[16], n[CELL], nrr[CELL], conv[CELL], mutu[8], rank[16];

	doc_table(d, caption, 8, head, width, align, 0);
	for (int j = 0; j < res->k; j++) {
		const struct score_element *e = &res->el[j];

		snprintf(no, sizeof(no), "%d", j + 1);
		snprintf(mutu, sizeof(mutu), "%c", e->mutu);
		snprintf(rank, sizeof(rank), "%d", e->rank);
		doc_row(d,
		        (const char *[]){no, in->el[j].code, in->el[j].name,
		                         idfmt_int(n, sizeof(n), (int64_t)e->answered),
		                         idfmt_fixed(nrr, sizeof(nrr), e->nrr_e4, 4),
		                         idfmt_fixed(conv, sizeof(conv), e->ikm_e2, 2), mutu, rank},
		        0);
	}
	snprintf(mutu, sizeof(mutu), "%c", res->mutu);
	doc_row(d,
	        (const char *[]){"", "", "Indeks Kepuasan Masyarakat (NI; IKM = NI × 25)",
	                         idfmt_int(n, sizeof(n), (int64_t)res->respondents),
	                         idfmt_fixed(nrr, sizeof(nrr), res->ni_e4, 4),
	                         idfmt_fixed(conv, sizeof(conv), res->ikm_e2, 2), mutu, ""},
	        1);
	doc_para(d);
	doc_text(d,
	         "* Urutan 1 adalah unsur dengan NRR terendah (prioritas perbaikan pertama); "
	         "nilai yang sama mengikuti urutan kuesioner. n adalah jumlah responden yang "
	         "menjawab unsur tersebut.",
	         0);
}

/* ---- BAB III: suggestions ---------------------------------------------- */

void laporan_suggestions(struct doc *d, const struct resp_tally *rt, const char *caption)
{
	static const double width[] = {0.6, 5.6, 1.1};
	static const enum doc_align align[] = {DOC_ALIGN_CENTER, DOC_ALIGN_LEFT, DOC_ALIGN_RIGHT};
	static const char *const head[] = {"No", "Saran dan Masukan", "Jumlah"};
	char a[CELL], b[CELL], c[CELL], buf[768], no[16];
	int shown = rt->nsugg < LAPORAN_SUGG_SHOWN ? rt->nsugg : LAPORAN_SUGG_SHOWN;
	uint64_t rest = rt->sugg_dropped;

	doc_para(d);
	if (rt->sugg_rows == 0) {
		doc_text(d,
		         rt->sugg_present ? "Tidak ada responden yang menuliskan saran atau "
		                            "masukan pada periode ini."
		                          : "Berkas data tidak memuat kolom saran atau masukan.",
		         0);
		return;
	}
	snprintf(buf, sizeof(buf),
	         "Sebanyak %s responden menuliskan saran atau masukan; isi yang sama "
	         "dikelompokkan sehingga terdapat %s%s saran yang berbeda. Sebanyak %s responden "
	         "menyatakan tidak ada saran. Saran disajikan menurut banyaknya responden yang "
	         "menyampaikannya.",
	         idfmt_int(a, sizeof(a), (int64_t)rt->sugg_rows),
	         rt->sugg_dropped > 0 ? "lebih dari " : "",
	         idfmt_int(b, sizeof(b), (int64_t)rt->nsugg),
	         idfmt_int(c, sizeof(c), (int64_t)rt->sugg_none));
	doc_text(d, buf, 0);
	doc_table(d, caption, 3, head, width, align, 0);
	for (int i = 0; i < shown; i++) {
		snprintf(no, sizeof(no), "%d", i + 1);
		doc_row(d,
		        (const char *[]){no, rt->sugg[i].text,
		                         idfmt_int(a, sizeof(a), (int64_t)rt->sugg[i].count)},
		        0);
	}
	for (int i = shown; i < rt->nsugg; i++)
		rest += rt->sugg[i].count;
	if (rest > 0) {
		snprintf(buf, sizeof(buf), "Saran lain (tidak dicetak; lihat lembar olah data)");
		doc_row(d, (const char *[]){"", buf, idfmt_int(a, sizeof(a), (int64_t)rest)}, 0);
	}
	doc_row(d,
	        (const char *[]){"", "Jumlah responden yang memberi saran",
	                         idfmt_int(a, sizeof(a), (int64_t)rt->sugg_rows)},
	        1);
}

/* ---- BAB IV: follow-up plan -------------------------------------------- */

/* A catalog item without its list punctuation (";" or "."). */
static void item_text(char *buf, size_t size, const char *item)
{
	size_t len = strlen(item);

	while (len > 0 && (item[len - 1] == ';' || item[len - 1] == '.' || item[len - 1] == ' '))
		len--;
	snprintf(buf, size, "%.*s", (int)len, item);
}

void laporan_rtl_table(struct doc *d, const struct laporan_info *li, const struct instrument *in,
                       const struct score_result *res, const struct catalog *cat,
                       const char *caption)
{
	static const double width[] = {0.5, 2.0, 4.2, 1.4, 1.8};
	static const enum doc_align align[] = {DOC_ALIGN_CENTER, DOC_ALIGN_LEFT, DOC_ALIGN_LEFT,
	                                       DOC_ALIGN_LEFT, DOC_ALIGN_LEFT};
	static const char *const head[] = {"No", "Prioritas Unsur", "Program/Kegiatan", "Waktu",
	                                   "Penanggung Jawab"};
	const struct profile *p = li->prof;
	const char *when = p->waktu[0] ? p->waktu : "Periode survei berikutnya";
	const char *who = p->penanggung_jawab[0] ? p->penanggung_jawab
	                  : p->jabatan[0]        ? p->jabatan
	                                         : "Pimpinan unit pelayanan";
	int el[INSTR_MAX_ELEMENTS], nel = 0, no = 0;

	for (int j = 0; j < res->k; j++)
		if (res->el[j].below_mean || res->el[j].weak)
			el[nel++] = j;
	doc_table(d, caption, 5, head, width, align, 0);
	for (int i = 0; i <= nel; i++) {
		const char *const *items;
		char label[200], num[16], text[CATALOG_ITEM_MAX + 1];
		int n;

		/* The general actions only when no element is weak. */
		if (i == nel && nel > 0)
			break;
		n = catalog_items(cat, i < nel ? in->el[el[i]].id : "umum", CATALOG_TINDAK_LANJUT,
		                  &items);
		if (i < nel) {
			char v[CELL];

			snprintf(label, sizeof(label), "%s %s (NRR %s)", in->el[el[i]].code,
			         in->el[el[i]].name,
			         idfmt_fixed(v, sizeof(v), res->el[el[i]].nrr_e4, 4));
		} else {
			snprintf(label, sizeof(label), "Semua unsur (mempertahankan mutu)");
		}
		if (n == 0) {
			snprintf(num, sizeof(num), "%d", ++no);
			doc_row(
			    d,
			    (const char *[]){num, label,
			                     "Menyusun program perbaikan unsur ini bersama unit "
			                     "terkait",
			                     when, who},
			    0);
			continue;
		}
		for (int t = 0; t < n; t++) {
			snprintf(num, sizeof(num), "%d", no + 1);
			item_text(text, sizeof(text), items[t]);
			doc_row(d,
			        (const char *[]){t == 0 ? num : "", t == 0 ? label : "", text, when,
			                         who},
			        0);
		}
		no++;
	}
}

/* ---- Lampiran ---------------------------------------------------------- */

void laporan_questionnaire(struct doc *d, const struct instrument *in, const char *caption)
{
	static const double width[] = {0.8, 1.8, 3.3, 2.5};
	static const enum doc_align align[] = {DOC_ALIGN_CENTER, DOC_ALIGN_LEFT, DOC_ALIGN_LEFT,
	                                       DOC_ALIGN_LEFT};
	static const char *const head[] = {"Kode", "Unsur", "Pertanyaan",
	                                   "Pilihan jawaban (nilai)"};

	doc_table(d, caption, 4, head, width, align, 0);
	for (int j = 0; j < in->k; j++) {
		const struct instr_element *e = &in->el[j];
		char opts[600];

		snprintf(opts, sizeof(opts), "1 = %s; 2 = %s; 3 = %s; 4 = %s", e->labels[0],
		         e->labels[1], e->labels[2], e->labels[3]);
		doc_row(d,
		        (const char *[]){e->code, e->name,
		                         e->question != NULL ? e->question
		                                             : "(pertanyaan ditetapkan oleh unit "
		                                               "pelayanan)",
		                         opts},
		        0);
	}
}

/* NRR_j x w_j, exactly, half-up to 4 decimals. */
static int64_t weighted_e4(const struct score_element *e, const struct instr_element *ie)
{
	mpq_t q, w;
	int64_t v;

	mpq_init(q);
	mpq_init(w);
	exact_set_ratio(q, e->sum, e->answered);
	exact_set_ratio(w, (uint64_t)ie->w_num, (uint64_t)ie->w_den);
	mpq_mul(q, q, w);
	v = exact_round(q, 4);
	mpq_clear(q);
	mpq_clear(w);
	return v;
}

void laporan_processing_table(struct doc *d, const struct instrument *in,
                              const struct score_result *res, const struct laporan_rows *rows,
                              const char *caption)
{
	const char *head[DOC_MAX_COLS], *cells[DOC_MAX_COLS];
	double width[DOC_MAX_COLS];
	enum doc_align align[DOC_MAX_COLS];
	char buf[DOC_MAX_COLS][CELL];
	int k = res->k, ncols = k + 1;
	char a[CELL], b[CELL], c[CELL];

	if (ncols > DOC_MAX_COLS)
		ncols = DOC_MAX_COLS; /* INSTR_MAX_ELEMENTS < DOC_MAX_COLS; kept for safety */
	head[0] = "Responden";
	width[0] = 1.6;
	align[0] = DOC_ALIGN_LEFT;
	for (int j = 0; j + 1 < ncols; j++) {
		head[j + 1] = in->el[j].code;
		width[j + 1] = 1.0;
		align[j + 1] = DOC_ALIGN_CENTER;
	}
	doc_table(d, caption, ncols, head, width, align, 1);
	for (uint64_t r = 0; r < rows->kept; r++) {
		const uint8_t *v = rows->vals + r * (uint64_t)rows->k;

		snprintf(buf[0], CELL, "%llu", (unsigned long long)(r + 1));
		cells[0] = buf[0];
		for (int j = 0; j + 1 < ncols; j++) {
			buf[j + 1][0] = v[j] != 0 ? (char)('0' + v[j]) : '\0';
			buf[j + 1][1] = '\0';
			cells[j + 1] = buf[j + 1];
		}
		doc_row(d, cells, 0);
	}
	if (rows->total > rows->kept) {
		snprintf(buf[0], CELL, "%llu-%llu", (unsigned long long)rows->kept + 1,
		         (unsigned long long)rows->total);
		cells[0] = buf[0];
		for (int j = 1; j < ncols; j++)
			cells[j] = "…";
		doc_row(d, cells, 0);
	}
	/* The totals over every respondent, not only the printed rows. */
	for (int line = 0; line < 5; line++) {
		static const char *const label[] = {"Σ nilai", "n menjawab", "NRR", "Bobot",
		                                    "NRR × bobot"};

		cells[0] = label[line];
		for (int j = 0; j + 1 < ncols; j++) {
			const struct score_element *e = &res->el[j];
			const struct instr_element *ie = &in->el[j];

			switch (line) {
			case 0:
				idfmt_int(buf[j + 1], CELL, (int64_t)e->sum);
				break;
			case 1:
				idfmt_int(buf[j + 1], CELL, (int64_t)e->answered);
				break;
			case 2:
				idfmt_fixed(buf[j + 1], CELL, e->nrr_e4, 4);
				break;
			case 3:
				snprintf(buf[j + 1], CELL, "%lld/%lld", (long long)ie->w_num,
				         (long long)ie->w_den);
				break;
			default:
				idfmt_fixed(buf[j + 1], CELL, weighted_e4(e, ie), 4);
				break;
			}
			cells[j + 1] = buf[j + 1];
		}
		doc_row(d, cells, 1);
	}
	doc_para(d);
	snprintf(buf[0], CELL, "NI = Σ (NRR × bobot) = %s; ",
	         idfmt_fixed(a, sizeof(a), res->ni_e4, 4));
	doc_text(d, buf[0], 0);
	snprintf(buf[0], CELL, "IKM = NI × 25 = %s (mutu %c, %s).",
	         idfmt_fixed(b, sizeof(b), res->ikm_e2, 2), res->mutu, res->kinerja);
	doc_text(d, buf[0], 1);
	if (rows->total > rows->kept) {
		snprintf(buf[0], CELL,
		         " Tabel mencetak %s responden pertama dari %s; jumlah, NRR dan IKM "
		         "dihitung dari seluruh responden. ",
		         idfmt_int(a, sizeof(a), (int64_t)rows->kept),
		         idfmt_int(c, sizeof(c), (int64_t)rows->total));
		doc_text(d, buf[0], 0);
		doc_text(d,
		         "Tabel lengkap ada pada lembar olah data (ikm report --kind olahdata, "
		         ".xlsx); banyaknya baris yang dicetak diatur dengan --lampiran-rows.",
		         0);
	}
}
