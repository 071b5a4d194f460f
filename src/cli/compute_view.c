/* compute_view: see compute_view.h. */
#include "compute_view.h"

#include <ctype.h>
#include <stdarg.h>
#include <string.h>

#include "grade.h"
#include "idfmt.h"
#include "jsonw.h"

static void warn(struct compute_view *v, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void warn(struct compute_view *v, const char *fmt, ...)
{
	va_list ap;

	if (v->nwarnings >= VIEW_MAX_WARNINGS)
		return;
	va_start(ap, fmt);
	vsnprintf(v->warnings[v->nwarnings++], VIEW_WARNING_MAX, fmt, ap);
	va_end(ap);
}

/* The cut-off between two grades, in hundredths. */
static int64_t boundary(char better)
{
	int n;
	const struct grade *t = grade_table(&n);

	for (int i = 0; i < n; i++)
		if (t[i].mutu == better)
			return t[i].min_e2;
	return 0;
}

void view_warnings(struct compute_view *v)
{
	const struct score_result *r = v->res;
	const struct stats_ci *ci = v->ci;
	char a[32], b[32], c[32], d[32];

	if (v->in->method != INSTR_METHOD_STANDARD)
		warn(v,
		     "NON-STANDAR: bobot %s per unsur (mode lama untuk mencocokkan lembar kerja "
		     "lama); PermenPAN-RB 14/2017 memakai bobot tepat 1/%d. Jangan terbitkan hasil "
		     "ini sebagai IKM resmi.",
		     v->in->method == INSTR_METHOD_LEGACY_0111 ? "0,111" : "0,11", v->in->k);
	if (v->population > 0 && (uint64_t)v->required > r->respondents)
		warn(v,
		     "Jumlah responden %s kurang dari sampel minimum %s (Krejcie-Morgan) untuk "
		     "populasi %s; hasil belum mewakili populasi.",
		     idfmt_int(a, sizeof(a), (int64_t)r->respondents),
		     idfmt_int(b, sizeof(b), v->required), idfmt_int(c, sizeof(c), v->population));
	if (v->population > 0 && (uint64_t)v->population < r->respondents)
		warn(v,
		     "Populasi %s lebih kecil dari jumlah responden %s; periksa --population. "
		     "Koreksi populasi terbatas tidak dipakai.",
		     idfmt_int(a, sizeof(a), v->population),
		     idfmt_int(b, sizeof(b), (int64_t)r->respondents));
	if (!ci->available)
		warn(v, "Hanya %llu responden; selang kepercayaan tidak dapat dihitung.",
		     (unsigned long long)r->respondents);
	if (ci->available && ci->crosses) {
		char lo[64] = "", hi[64] = "";

		if (ci->low_mutu != r->mutu)
			snprintf(lo, sizeof(lo), "%s",
			         idfmt_fixed(c, sizeof(c), boundary(r->mutu), 2));
		if (ci->high_mutu != r->mutu)
			snprintf(hi, sizeof(hi), "%s",
			         idfmt_fixed(d, sizeof(d), boundary(ci->high_mutu), 2));
		warn(
		    v,
		    "Mutu %c, tetapi mutu %c tidak dapat dikesampingkan: selang kepercayaan 95%% "
		    "(%s-%s) melewati batas %s%s%s. Tambah responden untuk hasil yang lebih pasti.",
		    r->mutu, ci->low_mutu != r->mutu ? ci->low_mutu : ci->high_mutu,
		    idfmt_fixed(a, sizeof(a), ci->low_e2, 2),
		    idfmt_fixed(b, sizeof(b), ci->high_e2, 2), lo, lo[0] && hi[0] ? " dan " : "",
		    hi);
		if (ci->low_mutu != r->mutu && ci->high_mutu != r->mutu)
			warn(v, "Mutu %c, tetapi mutu %c juga tidak dapat dikesampingkan.", r->mutu,
			     ci->high_mutu);
	}
	if (v->rep->skipped > 0)
		warn(v, "%s baris dilewati karena berisi nilai tidak sah (--skip-invalid).",
		     idfmt_int(a, sizeof(a), (int64_t)v->rep->skipped));
	if (v->rep->quality.count[quality_bit(QUALITY_EMPTY)] > 0)
		warn(v, "%s baris tidak menjawab satu unsur pun dan tidak dihitung.",
		     idfmt_int(a, sizeof(a),
		               (int64_t)v->rep->quality.count[quality_bit(QUALITY_EMPTY)]));
}

static void upper(char *dst, size_t size, const char *s)
{
	size_t i = 0;

	for (; s[i] != '\0' && i + 1 < size; i++)
		dst[i] = (char)toupper((unsigned char)s[i]);
	dst[i] = '\0';
}

static void print_codes(FILE *out, const struct score_result *r, const struct instrument *in,
                        const int *idx, int n)
{
	char a[32];

	if (n == 0) {
		fputs("tidak ada", out);
		return;
	}
	for (int i = 0; i < n; i++)
		fprintf(out, "%s%s (%s)", i ? ", " : "", in->el[idx[i]].code,
		        idfmt_fixed(a, sizeof(a), r->el[idx[i]].nrr_e2, 2));
}

static void print_weight(FILE *out, const struct instrument *in)
{
	int equal = 1;

	for (int j = 1; j < in->k; j++)
		equal &= in->el[j].w_num == in->el[0].w_num && in->el[j].w_den == in->el[0].w_den;
	if (in->method != INSTR_METHOD_STANDARD)
		fprintf(out, "NON-STANDAR, bobot %s per unsur (mode lama)\n",
		        in->method == INSTR_METHOD_LEGACY_0111 ? "0,111" : "0,11");
	else if (equal)
		fprintf(out, "PermenPAN-RB 14/2017, bobot tiap unsur tepat 1/%d\n", in->k);
	else
		fprintf(out, "PermenPAN-RB 14/2017, bobot khusus (jumlah tepat 1)\n");
}

static void print_profile(FILE *out, const struct compute_view *v)
{
	const struct colmap *m;
	int any = 0;

	if (v->rep->nfiles == 0) /* from the store: no file */
		return;
	m = &v->rep->files[0].map;
	for (int p = 0; p < PROF_COUNT; p++) {
		if (m->prof_col[p] < 0)
			continue;
		fprintf(out, "%s%s",
		        any ? ", " : "Kolom profil           : ", colmap_profile_name(p));
		any = 1;
	}
	if (any)
		fputc('\n', out);
}

void view_print_text(const struct compute_view *v, FILE *out)
{
	const struct score_result *r = v->res;
	const struct instrument *in = v->in;
	const struct stats_ci *ci = v->ci;
	char a[48], b[48], c[48];

	fputs("HASIL SURVEI KEPUASAN MASYARAKAT (SKM)\n", out);
	if (v->unit)
		fprintf(out, "Unit layanan           : %s\n", v->unit);
	if (v->period)
		fprintf(out, "Periode                : %s\n", v->period);
	for (int f = 0; f < v->rep->nfiles; f++)
		fprintf(out, "%s %s (%s, %s baris)\n",
		        f == 0 ? "Data                   :" : "                         ",
		        v->rep->files[f].name, v->rep->files[f].format,
		        idfmt_int(a, sizeof(a), (int64_t)v->rep->files[f].rows));
	fputs("Metode                 : ", out);
	print_weight(out, in);
	print_profile(out, v);
	fputc('\n', out);

	fprintf(out, "%-5s %-40s %7s %8s %9s %5s\n", "Kode", "Unsur", "n", "NRR", "NRR x 25",
	        "Mutu");
	for (int j = 0; j < in->k; j++) {
		const struct score_element *e = &r->el[j];

		fprintf(out, "%-5s %-40s %7s %8s %9s %5c%s\n", in->el[j].code, in->el[j].name,
		        idfmt_int(a, sizeof(a), (int64_t)e->answered),
		        idfmt_fixed(b, sizeof(b), e->nrr_e4, 4),
		        idfmt_fixed(c, sizeof(c), e->ikm_e2, 2), e->mutu,
		        e->below_mean ? "  *" : "");
	}
	fprintf(out, "%-46s %7s %8s\n", "Rata-rata NRR unsur", "",
	        idfmt_fixed(a, sizeof(a), r->mean_nrr_e4, 4));
	fputs("(* di bawah rata-rata NRR)\n\n", out);

	fprintf(out, "Responden              : %s\n",
	        idfmt_int(a, sizeof(a), (int64_t)r->respondents));
	fprintf(out, "Nilai indeks (NI)      : %s\n", idfmt_fixed(a, sizeof(a), r->ni_e4, 4));
	fprintf(out, "IKM                    : %s\n", idfmt_fixed(a, sizeof(a), r->ikm_e2, 2));
	fprintf(out, "Mutu pelayanan         : %c\n", r->mutu);
	upper(a, sizeof(a), r->kinerja);
	fprintf(out, "Kinerja unit           : %s\n", a);
	if (ci->available) {
		fprintf(out, "Selang kepercayaan 95%% : %s - %s (galat baku %s",
		        idfmt_fixed(a, sizeof(a), ci->low_e2, 2),
		        idfmt_fixed(b, sizeof(b), ci->high_e2, 2),
		        idfmt_fixed(c, sizeof(c), (int64_t)(ci->se * 100 + 0.5), 2));
		fprintf(out, "%s)\n", ci->fpc ? ", dengan koreksi populasi" : "");
	} else {
		fputs("Selang kepercayaan 95% : tidak tersedia (kurang dari 2 responden)\n", out);
	}
	if (v->population > 0)
		fprintf(out,
		        "Sampel                 : minimum %s untuk populasi %s (Krejcie-Morgan); "
		        "terkumpul %s, %s\n",
		        idfmt_int(a, sizeof(a), v->required),
		        idfmt_int(b, sizeof(b), v->population),
		        idfmt_int(c, sizeof(c), (int64_t)r->respondents),
		        (uint64_t)v->required <= r->respondents ? "MEMADAI" : "BELUM MEMADAI");
	else
		fputs(
		    "Sampel                 : populasi tidak diberikan (--population N); kecukupan "
		    "sampel tidak diperiksa\n",
		    out);

	fprintf(out, "\nPrioritas perbaikan (NRR di bawah rata-rata %s):\n",
	        idfmt_fixed(a, sizeof(a), r->mean_nrr_e4, 4));
	if (r->nbelow == 0)
		fputs("  tidak ada\n", out);
	for (int i = 0; i < r->nbelow; i++) {
		int j = r->below[i];

		fprintf(out, "  - %s %s: %s\n", in->el[j].code, in->el[j].name,
		        idfmt_fixed(a, sizeof(a), r->el[j].nrr_e2, 2));
	}
	fputs("Tiga unsur terendah: ", out);
	print_codes(out, r, in, r->lowest, r->nlowest);
	fputs("\nUnsur bermutu C atau D: ", out);
	print_codes(out, r, in, r->weak, r->nweak);
	fputc('\n', out);

	{
		const struct quality_tally *q = &v->rep->quality;
		int any = 0;

		for (int bit = 0; bit < QUALITY_NFLAGS; bit++) {
			if (q->count[bit] == 0)
				continue;
			if (!any)
				fputs("\nKualitas jawaban (untuk diperiksa petugas, tidak "
				      "dihapus):\n",
				      out);
			any = 1;
			fprintf(out, "  - %s baris %s",
			        idfmt_int(a, sizeof(a), (int64_t)q->count[bit]), quality_text(bit));
			/* From the store there are counts but no file rows. */
			if (q->nrows[bit] > 0) {
				fputs("; baris:", out);
				for (int i = 0; i < q->nrows[bit]; i++)
					fprintf(out, "%s%llu", i ? "," : " ",
					        (unsigned long long)q->rows[bit][i]);
				if (q->count[bit] > (uint64_t)q->nrows[bit])
					fputs(", ...", out);
			}
			fputc('\n', out);
		}
	}
	if (v->rep->nmsgs > 0) {
		fputs("\nBaris yang dilewati:\n", out);
		for (int i = 0; i < v->rep->nmsgs; i++)
			fprintf(out, "  - %s\n", v->rep->msgs[i]);
	}
	if (v->nwarnings > 0) {
		fputs("\nPeringatan:\n", out);
		for (int i = 0; i < v->nwarnings; i++)
			fprintf(out, "  - %s\n", v->warnings[i]);
	}
	for (int f = 0; f < v->rep->nfiles; f++) {
		const struct colmap *m = &v->rep->files[f].map;

		if (m->nignored == 0)
			continue;
		fprintf(out, "\nKolom yang diabaikan di %s:", v->rep->files[f].name);
		for (int i = 0; i < m->nignored && i < COLMAP_KEEP_IGNORED; i++)
			fprintf(out, "%s \"%s\"", i ? "," : "", m->ignored[i]);
		if (m->nignored > COLMAP_KEEP_IGNORED)
			fputs(", ...", out);
		fputc('\n', out);
	}
}

static void json_codes(struct jsonw *w, const char *key, const struct instrument *in,
                       const int *idx, int n)
{
	jsonw_array(w, key);
	for (int i = 0; i < n; i++)
		jsonw_string(w, NULL, in->el[idx[i]].code);
	jsonw_end(w);
}

void view_print_json(const struct compute_view *v, FILE *out)
{
	const struct score_result *r = v->res;
	const struct instrument *in = v->in;
	const struct stats_ci *ci = v->ci;
	struct jsonw w;
	char buf[64];

	jsonw_init(&w, out);
	jsonw_object(&w, NULL);
	jsonw_string(&w, "method", instr_method_label(in));
	if (v->unit)
		jsonw_string(&w, "unit", v->unit);
	if (v->period)
		jsonw_string(&w, "period", v->period);
	jsonw_int(&w, "respondents", (int64_t)r->respondents);
	jsonw_array(&w, "elements");
	for (int j = 0; j < in->k; j++) {
		const struct score_element *e = &r->el[j];

		jsonw_object(&w, NULL);
		jsonw_string(&w, "code", in->el[j].code);
		jsonw_string(&w, "id", in->el[j].id);
		jsonw_string(&w, "name", in->el[j].name);
		snprintf(buf, sizeof(buf), "%lld/%lld", (long long)in->el[j].w_num,
		         (long long)in->el[j].w_den);
		jsonw_string(&w, "weight", buf);
		jsonw_int(&w, "answered", (int64_t)e->answered);
		jsonw_int(&w, "sum", (int64_t)e->sum);
		jsonw_fixed(&w, "nrr", e->nrr_e4, 4);
		jsonw_fixed(&w, "ikm", e->ikm_e2, 2);
		snprintf(buf, sizeof(buf), "%c", e->mutu);
		jsonw_string(&w, "mutu", buf);
		jsonw_int(&w, "rank", e->rank);
		jsonw_bool(&w, "below_average", e->below_mean);
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_fixed(&w, "mean_nrr", r->mean_nrr_e4, 4);
	jsonw_fixed(&w, "ni", r->ni_e4, 4);
	jsonw_fixed(&w, "ikm", r->ikm_e2, 2);
	snprintf(buf, sizeof(buf), "%c", r->mutu);
	jsonw_string(&w, "mutu", buf);
	jsonw_string(&w, "kinerja", r->kinerja);
	if (ci->available) {
		jsonw_object(&w, "ci95");
		jsonw_fixed(&w, "low", ci->low_e2, 2);
		jsonw_fixed(&w, "high", ci->high_e2, 2);
		jsonw_end(&w);
		jsonw_double(&w, "se", ci->se, 4);
		jsonw_bool(&w, "ci_crosses_grade", ci->crosses);
	} else {
		jsonw_null(&w, "ci95");
		jsonw_null(&w, "se");
		jsonw_bool(&w, "ci_crosses_grade", 0);
	}
	json_codes(&w, "below_average", in, r->below, r->nbelow);
	json_codes(&w, "lowest", in, r->lowest, r->nlowest);
	json_codes(&w, "weak", in, r->weak, r->nweak);
	if (v->population > 0) {
		jsonw_object(&w, "sample");
		jsonw_int(&w, "population", v->population);
		jsonw_int(&w, "required", v->required);
		jsonw_bool(&w, "adequate", (uint64_t)v->required <= r->respondents);
		jsonw_end(&w);
	} else {
		jsonw_null(&w, "sample");
	}
	jsonw_object(&w, "quality");
	for (int bit = 0; bit < QUALITY_NFLAGS; bit++) {
		const struct quality_tally *q = &v->rep->quality;

		jsonw_object(&w, quality_key(bit));
		jsonw_int(&w, "count", (int64_t)q->count[bit]);
		jsonw_array(&w, "rows");
		for (int i = 0; i < q->nrows[bit]; i++) {
			jsonw_object(&w, NULL);
			jsonw_string(&w, "file", v->rep->files[q->files[bit][i]].name);
			jsonw_int(&w, "row", (int64_t)q->rows[bit][i]);
			jsonw_end(&w);
		}
		jsonw_end(&w);
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_int(&w, "skipped_rows", (int64_t)v->rep->skipped);
	jsonw_array(&w, "files");
	for (int f = 0; f < v->rep->nfiles; f++) {
		const struct load_file_info *fi = &v->rep->files[f];

		jsonw_object(&w, NULL);
		jsonw_string(&w, "name", fi->name);
		jsonw_string(&w, "format", fi->format);
		jsonw_int(&w, "rows", (int64_t)fi->rows);
		jsonw_int(&w, "parts", fi->parts);
		jsonw_array(&w, "ignored_columns");
		for (int i = 0; i < fi->map.nignored && i < COLMAP_KEEP_IGNORED; i++)
			jsonw_string(&w, NULL, fi->map.ignored[i]);
		jsonw_end(&w);
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_array(&w, "warnings");
	for (int i = 0; i < v->nwarnings; i++)
		jsonw_string(&w, NULL, v->warnings[i]);
	jsonw_end(&w);
	jsonw_end(&w);
}
