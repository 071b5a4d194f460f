/* letter: see letter.h. The wording is the project's own, in formal
 * Indonesian, following the structure of the seed letter. */
#include "letter.h"

#include <stdio.h>
#include <string.h>

#include "idfmt.h"
#include "text.h"

/* The elements the letter names: below the mean NRR, then any other
 * element graded C or D, in questionnaire order. */
static int weak_elements(const struct score_result *res, int *out)
{
	int n = 0;

	for (int j = 0; j < res->k; j++)
		if (res->el[j].below_mean || res->el[j].weak)
			out[n++] = j;
	return n;
}

static void result_paragraph(struct doc *d, const struct letter_info *li,
                             const struct score_result *res)
{
	char ikm[32], kin[64], buf[512];

	idfmt_fixed(ikm, sizeof(ikm), res->ikm_e2, 2);
	text_upper(kin, sizeof(kin), res->kinerja);
	doc_para(d);
	snprintf(buf, sizeof(buf), "Berdasarkan hasil Survei Kepuasan Masyarakat%s%s%s%s, ",
	         li->period[0] ? " " : "", li->period, li->unit[0] ? " pada " : "", li->unit);
	doc_text(d, buf, 0);
	doc_text(d, "nilai Indeks Kepuasan Masyarakat (IKM) adalah ", 0);
	doc_text(d, ikm, 1);
	doc_text(d, " dengan mutu pelayanan ", 0);
	snprintf(buf, sizeof(buf), "%c", res->mutu);
	doc_text(d, buf, 1);
	doc_text(d, " dan kinerja unit pelayanan ", 0);
	doc_text(d, kin, 1);
	doc_text(d, ".", 0);
	if (li->legacy)
		doc_text(d,
		         " Nilai ini dihitung dengan bobot lama yang dibulatkan (NON-STANDAR), "
		         "bukan bobot tepat menurut PermenPAN-RB Nomor 14 Tahun 2017.",
		         0);
}

static void weak_paragraph(struct doc *d, const struct instrument *in,
                           const struct score_result *res, const int *weak, int nweak)
{
	char kin[64], val[32], mean[32];

	text_upper(kin, sizeof(kin), res->kinerja);
	idfmt_fixed(mean, sizeof(mean), res->mean_nrr_e4, 4);
	doc_para(d);
	if (nweak == 0) {
		doc_text(d,
		         "Seluruh unsur pelayanan memperoleh nilai yang setara dengan rata-rata; "
		         "mutu pelayanan perlu dipertahankan dan terus ditingkatkan.",
		         0);
		return;
	}
	if (res->mutu == 'A' || res->mutu == 'B') {
		doc_text(d, "Walaupun memperoleh penilaian ", 0);
		doc_text(d, kin, 0);
		doc_text(d,
		         " dari masyarakat, masih ada unsur yang perlu mendapat perhatian, yaitu ",
		         0);
	} else {
		doc_text(
		    d, "Hasil ini menunjukkan bahwa pelayanan perlu diperbaiki, terutama pada ", 0);
	}
	for (int i = 0; i < nweak; i++) {
		const struct score_element *e = &res->el[weak[i]];

		if (i > 0)
			doc_text(d, i + 1 == nweak ? " dan " : ", ", 0);
		doc_text(d, in->el[weak[i]].name, 1);
		doc_text(d, " dengan nilai ", 0);
		doc_text(d, idfmt_fixed(val, sizeof(val), e->nrr_e2, 2), 1);
		if (e->weak) {
			char g[48];

			snprintf(g, sizeof(g), " (mutu %c)", e->mutu);
			doc_text(d, g, 0);
		}
	}
	doc_text(d, ". Unsur-unsur yang nilainya berada di bawah rata-rata nilai unsur (", 0);
	doc_text(d, mean, 0);
	doc_text(d,
	         ") perlu mendapat prioritas perbaikan guna meningkatkan kepuasan masyarakat "
	         "pengguna layanan.",
	         0);
}

/* Lettered items of one kind for the weak elements, then the general ones.
 * Catalog items end with ";"; the last item of the list ends with ".". */
static void catalog_list(struct doc *d, const struct instrument *in, const int *weak, int nweak,
                         const struct catalog *cat, enum catalog_kind kind)
{
	const char *picked[DOC_MAX_ITEMS];
	const char *const *items;
	int n, total = 0;

	for (int i = 0; i <= nweak; i++) {
		n = catalog_items(cat, i < nweak ? in->el[weak[i]].id : "umum", kind, &items);
		for (int t = 0; t < n && total < DOC_MAX_ITEMS; t++)
			picked[total++] = items[t];
	}
	doc_list(d, DOC_LIST_LETTERED);
	for (int i = 0; i < total; i++) {
		size_t len = strlen(picked[i]);

		doc_item(d);
		if (i + 1 == total && len > 0 && picked[i][len - 1] == ';') {
			char buf[1100];

			snprintf(buf, sizeof(buf), "%.*s.", (int)(len - 1), picked[i]);
			doc_text(d, buf, 0);
		} else {
			doc_text(d, picked[i], 0);
		}
	}
}

struct doc *letter_build(const struct letter_info *li, const struct instrument *in,
                         const struct score_result *res, const struct catalog *cat)
{
	int weak[INSTR_MAX_ELEMENTS];
	int nweak = weak_elements(res, weak);
	char title[512], per[256];
	struct doc *d;

	text_upper(per, sizeof(per), li->period);
	snprintf(title, sizeof(title),
	         "REKOMENDASI DAN TINDAK LANJUT HASIL SURVEI KEPUASAN MASYARAKAT%s%s",
	         per[0] ? " " : "", per);
	d = doc_new(title);
	/* Without an office profile there is no letterhead at all. */
	if (li->government[0] != '\0' || li->agency[0] != '\0' || li->logo != NULL)
		doc_letterhead(d, li->government, li->agency, li->lines, 4, li->logo);
	doc_title(d, title);
	result_paragraph(d, li, res);
	doc_heading(d, "REKOMENDASI", 1);
	weak_paragraph(d, in, res, weak, nweak);
	doc_para(d);
	doc_text(d,
	         "Oleh karena itu, disampaikan rekomendasi untuk membantu peningkatan kinerja dan "
	         "pelayanan kepada masyarakat, antara lain:",
	         0);
	catalog_list(d, in, weak, nweak, cat, CATALOG_REKOMENDASI);
	doc_heading(d, "TINDAK LANJUT", 1);
	catalog_list(d, in, weak, nweak, cat, CATALOG_TINDAK_LANJUT);
	doc_signature(d, li->place_date, li->position, li->name, li->rank_nip);
	return d;
}
