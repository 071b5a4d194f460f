/* reportgen: the step from an analysis to a document an office issues —
 * the recommendation letter, the Laporan SKM, the processing workbook and
 * the infographic — with the office profile filling the letterhead, the
 * signature and the prose. One place, called by `ikm report` on files and
 * on a stored scope and by the console's downloads, so every face writes
 * the same document from the same numbers. */
#ifndef IKM_REPORTGEN_H
#define IKM_REPORTGEN_H

#include <stdint.h>

#include "catalog.h"
#include "err.h"
#include "instrument.h"
#include "laporan.h"
#include "olahdata.h"
#include "profile.h"
#include "respondent.h"
#include "score.h"
#include "stats.h"

enum reportgen_kind {
	REPORTGEN_LETTER,      /* "rekomendasi": .pdf .html .docx */
	REPORTGEN_LAPORAN,     /* "laporan": .pdf .html .docx */
	REPORTGEN_OLAHDATA,    /* "olahdata": .xlsx */
	REPORTGEN_INFOGRAPHIC, /* "infografis": .pdf .png .svg */
};

enum reportgen_format {
	REPORTGEN_NONE,
	REPORTGEN_PDF,
	REPORTGEN_HTML,
	REPORTGEN_XLSX,
	REPORTGEN_PNG,
	REPORTGEN_SVG,
	REPORTGEN_DOCX,
};

/* The kind named (rekomendasi, laporan, olahdata, infografis); -1 unknown. */
int reportgen_kind_of(const char *name, enum reportgen_kind *kind);
/* The format of a path's extension (any case); REPORTGEN_NONE otherwise. */
enum reportgen_format reportgen_format_of(const char *path);
/* 1 when kind is written in fmt. */
int reportgen_accepts(enum reportgen_kind kind, enum reportgen_format fmt);
/* The extensions of a kind, for messages (".pdf|.html|.docx"). */
const char *reportgen_formats(enum reportgen_kind kind);

/* "Mojokerto, 23 November 2026" from date ("YYYY-MM-DD", NULL: today) and
 * the profile's city; the year into *year. -1 for a bad date. */
int reportgen_place_date(const struct profile *prof, const char *date, char *buf, size_t size,
                         int *year);

/* Everything a document says. Borrowed. */
struct reportgen_input {
	const struct profile *prof; /* the office (every field may be empty) */
	const struct catalog *cat;  /* recommendations and follow-up actions */
	const char *period;         /* "Semester I 2022", may be "" */
	const char *place_date;     /* from reportgen_place_date */
	int year;
	const struct instrument *in;
	const struct score_result *res;
	const struct stats_ci *ci;
	const double *el_se; /* SE of each element's NRR x 25 (laporan), or NULL */
	int64_t population;  /* 0 = not known */
	int64_t required;    /* Krejcie-Morgan minimum when population is known */
	uint64_t skipped;    /* rows skipped as invalid */
	uint64_t empty;      /* rows answering no element */
	uint64_t straight;   /* counted rows with every answer equal */
	/* The Laporan SKM: the respondent profile (sorted), the processing
	 * table's rows, the previous period (or NULL). */
	const struct resp_tally *rt;
	const struct laporan_rows *rows;
	const struct laporan_previous *prev;
	/* The workbook: its respondents, and the age bands (NULL/0: default). */
	olahdata_feed feed;
	void *feed_user;
	const int *cut;
	int ncut;
};

/* Write the document of `kind` to path in the format of its extension
 * (IKM_EUSAGE when the kind is not written in it). */
int reportgen_save(enum reportgen_kind kind, const struct reportgen_input *ri, const char *path,
                   struct ikm_err *err);

#endif
