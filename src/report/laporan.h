/* laporan: the Laporan SKM (method.md section 8) as a document model — the
 * cover, BAB I Pendahuluan, BAB II Pengumpulan Data, BAB III Hasil
 * Pengolahan Data (respondent profile tables and charts, the element table,
 * the IKM with its interval and the sample check, the suggestions), BAB IV
 * Analisis (weak and strong elements, the follow-up plan RTL, the change
 * from the previous period when given), BAB V Kesimpulan, and the lampiran
 * (the questionnaire and the processing table respondent x element). Every
 * number comes from the same analysis `ikm compute` prints. */
#ifndef IKM_LAPORAN_H
#define IKM_LAPORAN_H

#include <stdint.h>

#include "catalog.h"
#include "doc.h"
#include "instrument.h"
#include "profile.h"
#include "respondent.h"
#include "score.h"
#include "stats.h"

#define LAPORAN_ROWS_DEFAULT 1000    /* processing-table rows printed by default */
#define LAPORAN_ROWS_MAX     1000000 /* named limit: --lampiran-rows */
#define LAPORAN_SUGG_SHOWN   100     /* named limit: suggestion groups printed */

/* The respondent x element answers kept for the lampiran: the first
 * `limit` counted rows, in file order; `total` counts all of them. */
struct laporan_rows {
	int k;
	uint64_t limit, kept, total;
	uint8_t *vals; /* kept * k answers, 0 = not answered */
};

/* Start keeping up to limit rows (0 keeps none; the table is then left
 * out). Free with laporan_rows_free. */
void laporan_rows_init(struct laporan_rows *r, uint64_t limit);
void laporan_rows_free(struct laporan_rows *r);
/* A load_opts visit callback; user is a struct laporan_rows. */
void laporan_rows_visit(void *user, int file, uint64_t line, const uint8_t *vals, int k);

/* The previous period, for the change between periods (may be absent). */
struct laporan_previous {
	const char *period; /* "Semester II 2021", may be empty */
	const struct instrument *in;
	const struct score_result *res;
	const struct stats_ci *ci;
	const double *el_se; /* standard error of each element's NRR x 25 */
};

struct laporan_info {
	const struct profile *prof; /* office profile (all fields may be empty) */
	const char *period;         /* "Semester I 2022", may be empty */
	const char *place_date;     /* "Mojokerto, 23 November 2026" */
	int year;                   /* year of the report date, for the cover */
	int64_t population;         /* 0 = not given */
	int64_t required;           /* Krejcie-Morgan minimum when population given */
	const struct stats_ci *ci;
	const double *el_se; /* standard error of each element's NRR x 25, or NULL */
	uint64_t skipped;    /* rows skipped as invalid */
	uint64_t empty;      /* rows answering no element (not counted) */
	uint64_t straight;   /* counted rows with every answer equal */
	const struct laporan_previous *prev; /* or NULL */
};

/* The report as a new document (caller frees with doc_free). */
struct doc *laporan_build(const struct laporan_info *li, const struct instrument *in,
                          const struct score_result *res, const struct resp_tally *rt,
                          const struct laporan_rows *rows, const struct catalog *cat);

/* Internal: the parts built in laporan_tables.c. */
void laporan_profile_section(struct doc *d, const struct resp_tally *rt, int *ntab, int *nfig);
void laporan_element_table(struct doc *d, const struct instrument *in,
                           const struct score_result *res, const char *caption);
void laporan_elements_figure(struct doc *d, const struct instrument *in,
                             const struct score_result *res, const char *caption);
void laporan_suggestions(struct doc *d, const struct resp_tally *rt, const char *caption);
void laporan_rtl_table(struct doc *d, const struct laporan_info *li, const struct instrument *in,
                       const struct score_result *res, const struct catalog *cat,
                       const char *caption);
void laporan_questionnaire(struct doc *d, const struct instrument *in, const char *caption);
void laporan_processing_table(struct doc *d, const struct instrument *in,
                              const struct score_result *res, const struct laporan_rows *rows,
                              const char *caption);

#endif
