/* reportgen: see reportgen.h. */
#include "reportgen.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "doc_docx.h"
#include "doc_html.h"
#include "doc_pdf.h"
#include "idfmt.h"
#include "infographic.h"
#include "letter.h"

static const char *const kind_names[] = {"rekomendasi", "laporan", "olahdata", "infografis"};

int reportgen_kind_of(const char *name, enum reportgen_kind *kind)
{
	for (int i = 0; i < (int)(sizeof(kind_names) / sizeof(kind_names[0])); i++)
		if (name != NULL && strcmp(name, kind_names[i]) == 0) {
			*kind = (enum reportgen_kind)i;
			return 0;
		}
	return -1;
}

enum reportgen_format reportgen_format_of(const char *path)
{
	const char *dot = path != NULL ? strrchr(path, '.') : NULL;

	if (dot == NULL)
		return REPORTGEN_NONE;
	if (strcasecmp(dot, ".pdf") == 0)
		return REPORTGEN_PDF;
	if (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0)
		return REPORTGEN_HTML;
	if (strcasecmp(dot, ".xlsx") == 0)
		return REPORTGEN_XLSX;
	if (strcasecmp(dot, ".docx") == 0)
		return REPORTGEN_DOCX;
	if (strcasecmp(dot, ".png") == 0)
		return REPORTGEN_PNG;
	if (strcasecmp(dot, ".svg") == 0)
		return REPORTGEN_SVG;
	return REPORTGEN_NONE;
}

int reportgen_accepts(enum reportgen_kind kind, enum reportgen_format fmt)
{
	switch (kind) {
	case REPORTGEN_OLAHDATA:
		return fmt == REPORTGEN_XLSX;
	case REPORTGEN_INFOGRAPHIC:
		return fmt == REPORTGEN_PDF || fmt == REPORTGEN_PNG || fmt == REPORTGEN_SVG;
	case REPORTGEN_LETTER:
	case REPORTGEN_LAPORAN:
		return fmt == REPORTGEN_PDF || fmt == REPORTGEN_HTML || fmt == REPORTGEN_DOCX;
	}
	return 0;
}

const char *reportgen_formats(enum reportgen_kind kind)
{
	if (kind == REPORTGEN_OLAHDATA)
		return ".xlsx";
	if (kind == REPORTGEN_INFOGRAPHIC)
		return ".pdf|.png|.svg";
	return ".pdf|.html|.docx";
}

int reportgen_place_date(const struct profile *prof, const char *date, char *buf, size_t size,
                         int *year)
{
	int y, m, d;
	char when[64], extra;

	if (date != NULL) {
		if (sscanf(date, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || m < 1 || m > 12 ||
		    d < 1 || d > 31)
			return -1;
	} else {
		time_t now = time(NULL);
		struct tm tm;

		localtime_r(&now, &tm);
		y = tm.tm_year + 1900;
		m = tm.tm_mon + 1;
		d = tm.tm_mday;
	}
	idfmt_date(when, sizeof(when), y, m, d);
	*year = y;
	snprintf(buf, size, "%s%s%s", prof->kota, prof->kota[0] ? ", " : "", when);
	return 0;
}

/* The poster's follow-up line: the elements to improve first. */
static void follow_up(char *buf, size_t size, const struct instrument *in,
                      const struct score_result *res)
{
	size_t o = 0;

	buf[0] = '\0';
	for (int i = 0; i < res->nbelow && o < size; i++) {
		char v[32];
		int j = res->below[i];
		const char *sep = i == 0                 ? "peningkatan unsur "
		                  : i + 1 == res->nbelow ? " dan "
		                                         : ", ";

		o += (size_t)snprintf(buf + o, size - o, "%s%s (%s)", sep, in->el[j].name,
		                      idfmt_fixed(v, sizeof(v), res->el[j].nrr_e2, 2));
	}
}

static struct doc *letter(const struct reportgen_input *ri)
{
	const struct profile *prof = ri->prof;
	char phone[600], web[600], rank_nip[600];
	struct letter_info li = {0};

	profile_phone_line(prof, phone, sizeof(phone));
	profile_web_line(prof, web, sizeof(web));
	snprintf(rank_nip, sizeof(rank_nip), "%s%s%s%s", prof->pangkat,
	         prof->pangkat[0] && prof->nip[0] ? "\n" : "", prof->nip[0] ? "NIP. " : "",
	         prof->nip);
	li.government = prof->pemerintah;
	li.agency = prof->instansi;
	li.lines[0] = prof->alamat;
	li.lines[1] = phone;
	li.lines[2] = web;
	li.logo = prof->logo[0] ? prof->logo : NULL;
	li.unit = prof->unit;
	li.period = ri->period;
	li.place_date = ri->place_date;
	li.position = prof->jabatan;
	li.name = prof->nama;
	li.rank_nip = rank_nip;
	li.legacy = ri->in->method != INSTR_METHOD_STANDARD;
	return letter_build(&li, ri->in, ri->res, ri->cat);
}

static struct doc *laporan(const struct reportgen_input *ri)
{
	struct laporan_info li = {0};

	li.prof = ri->prof;
	li.period = ri->period;
	li.place_date = ri->place_date;
	li.year = ri->year;
	li.population = ri->population;
	li.required = ri->required;
	li.ci = ri->ci;
	li.el_se = ri->el_se;
	li.skipped = ri->skipped;
	li.empty = ri->empty;
	li.straight = ri->straight;
	li.prev = ri->prev;
	return laporan_build(&li, ri->in, ri->res, ri->rt, ri->rows, ri->cat);
}

int reportgen_save(enum reportgen_kind kind, const struct reportgen_input *ri, const char *path,
                   struct ikm_err *err)
{
	enum reportgen_format fmt = reportgen_format_of(path);
	struct doc *doc;
	int rc;

	if (!reportgen_accepts(kind, fmt))
		return err_set(err, IKM_EUSAGE,
		               "%s: dokumen \"%s\" ditulis sebagai %s / written as %s", path,
		               kind_names[kind], reportgen_formats(kind), reportgen_formats(kind));
	if (kind == REPORTGEN_INFOGRAPHIC) {
		char fu[1024];
		const struct profile *prof = ri->prof;
		struct infographic_info ii = {prof->pemerintah,
		                              prof->instansi[0] ? prof->instansi : prof->unit,
		                              ri->period, fu};

		follow_up(fu, sizeof(fu), ri->in, ri->res);
		return infographic_save(&ii, ri->in, ri->res, path, err);
	}
	if (kind == REPORTGEN_OLAHDATA)
		return olahdata_write(path, ri->in, ri->res, ri->period, ri->cut, ri->ncut,
		                      ri->feed, ri->feed_user, err);
	doc = kind == REPORTGEN_LAPORAN ? laporan(ri) : letter(ri);
	rc = fmt == REPORTGEN_PDF    ? doc_pdf_save(doc, path, err)
	     : fmt == REPORTGEN_DOCX ? doc_docx_save(doc, path, err)
	                             : doc_html_save(doc, path, err);
	doc_free(doc);
	return rc;
}
