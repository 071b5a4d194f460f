/* laporan: see laporan.h. The prose is the project's own formal
 * Indonesian; every number is formatted from the analysis (decimal comma,
 * thousands dot), never typed. */
#include "laporan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "idfmt.h"
#include "text.h"
#include "xalloc.h"

#define NUM 64 /* bytes of a formatted number */

void laporan_rows_init(struct laporan_rows *r, uint64_t limit)
{
	memset(r, 0, sizeof(*r));
	r->limit = limit;
}

void laporan_rows_free(struct laporan_rows *r)
{
	free(r->vals);
	r->vals = NULL;
}

void laporan_rows_visit(void *user, int file, uint64_t line, const uint8_t *vals, int k)
{
	struct laporan_rows *r = user;
	int answered = 0;

	(void)file;
	(void)line;
	/* A row answering no element is not a respondent (score.h). */
	for (int j = 0; j < k && !answered; j++)
		answered = vals[j] != 0;
	if (!answered)
		return;
	r->total++;
	if (r->kept >= r->limit)
		return;
	if (r->vals == NULL) {
		r->k = k;
		/* Grows with the rows kept, up to the limit. */
		r->vals =
		    xreallocarray(NULL, (size_t)(r->limit < 1024 ? r->limit : 1024), (size_t)k);
	} else if ((r->kept & (r->kept - 1)) == 0 && r->kept >= 1024) {
		uint64_t cap = r->kept * 2 < r->limit ? r->kept * 2 : r->limit;

		r->vals = xreallocarray(r->vals, (size_t)cap, (size_t)k);
	}
	memcpy(r->vals + r->kept * (uint64_t)k, vals, (size_t)k);
	r->kept++;
}

/* The unit named in prose: [survei] unit, else the agency, else a
 * generic phrase. */
static const char *unit_name(const struct profile *p)
{
	return p->unit[0] ? p->unit : p->instansi[0] ? p->instansi : "unit pelayanan";
}

static void cover(struct doc *d, const struct laporan_info *li)
{
	const struct profile *p = li->prof;
	char period[300], unit[300], year[16];
	const char *top[5], *foot[3];
	int nt = 0, nf = 0;

	text_upper(period, sizeof(period), li->period);
	text_upper(unit, sizeof(unit), p->unit[0] ? p->unit : p->instansi);
	top[nt++] = "LAPORAN";
	top[nt++] = "SURVEI KEPUASAN MASYARAKAT";
	if (unit[0])
		top[nt++] = unit;
	if (period[0])
		top[nt++] = period;
	snprintf(year, sizeof(year), "%d", li->year);
	foot[nf++] = p->pemerintah;
	foot[nf++] = p->instansi;
	foot[nf++] = year;
	doc_cover(d, top, nt, foot, nf, p->logo[0] ? p->logo : NULL);
}

static void para(struct doc *d, const char *text)
{
	doc_para(d);
	doc_text(d, text, 0);
}

static void chapter_one(struct doc *d, const struct laporan_info *li)
{
	char buf[1024];

	doc_chapter(d, "BAB I", "PENDAHULUAN");
	doc_heading(d, "1.1 Latar Belakang", 0);
	para(d, "Pelayanan publik yang baik adalah hak masyarakat dan kewajiban setiap "
	        "penyelenggara pelayanan. Untuk mengetahui sejauh mana pelayanan telah memenuhi "
	        "harapan, penyelenggara pelayanan wajib melakukan Survei Kepuasan Masyarakat "
	        "(SKM) secara berkala, sedikitnya satu kali dalam setahun, dan menggunakan "
	        "hasilnya sebagai dasar perbaikan.");
	snprintf(buf, sizeof(buf),
	         "Laporan ini menyajikan hasil SKM pada %s%s%s: cara data dikumpulkan, profil "
	         "responden, Indeks Kepuasan Masyarakat (IKM) beserta nilai setiap unsur "
	         "pelayanan, analisis unsur yang perlu diperbaiki, dan rencana tindak lanjutnya.",
	         unit_name(li->prof), li->period[0] ? " periode " : "", li->period);
	para(d, buf);
	doc_heading(d, "1.2 Dasar Hukum", 0);
	doc_list(d, DOC_LIST_LETTERED);
	doc_item(d);
	doc_text(d, "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;", 0);
	doc_item(d);
	doc_text(d,
	         "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang "
	         "Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
	         0);
	doc_item(d);
	doc_text(d,
	         "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi "
	         "Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat "
	         "Unit Penyelenggara Pelayanan Publik.",
	         0);
	doc_heading(d, "1.3 Maksud dan Tujuan", 0);
	para(d, "Survei ini dimaksudkan untuk mengukur tingkat kepuasan masyarakat atas "
	        "pelayanan yang diterimanya, dengan tujuan:");
	doc_list(d, DOC_LIST_LETTERED);
	doc_item(d);
	doc_text(d, "mengetahui nilai IKM, mutu pelayanan dan kinerja unit pelayanan;", 0);
	doc_item(d);
	doc_text(d, "mengetahui unsur pelayanan yang masih perlu diperbaiki;", 0);
	doc_item(d);
	doc_text(d,
	         "menjadi dasar penyusunan rencana tindak lanjut dan kebijakan peningkatan "
	         "kualitas pelayanan;",
	         0);
	doc_item(d);
	doc_text(d, "mendorong partisipasi masyarakat dalam menilai kinerja pelayanan.", 0);
}

/* "3 Januari 2022" from "2022-01-03" into buf; "" when malformed. */
static const char *date_text(char *buf, size_t size, const char *ymd)
{
	int y, m, dd;
	char extra;

	buf[0] = '\0';
	if (sscanf(ymd, "%4d-%2d-%2d%c", &y, &m, &dd, &extra) == 3)
		idfmt_date(buf, size, y, m, dd);
	return buf;
}

static void chapter_two(struct doc *d, const struct laporan_info *li, const struct instrument *in,
                        const struct score_result *res, const struct resp_tally *rt)
{
	const struct profile *p = li->prof;
	char buf[1400], a[NUM], b[NUM], c[NUM], d1[NUM], d2[NUM];

	doc_chapter(d, "BAB II", "PENGUMPULAN DATA");
	doc_heading(d, "2.1 Pelaksana SKM", 0);
	if (p->tim[0])
		snprintf(buf, sizeof(buf), "Survei dilaksanakan oleh %s.", p->tim);
	else
		snprintf(buf, sizeof(buf), "Survei dilaksanakan oleh tim internal %s.",
		         unit_name(p));
	para(d, buf);
	doc_heading(d, "2.2 Metode Pengumpulan Data", 0);
	snprintf(buf, sizeof(buf),
	         "Data dikumpulkan dengan %s. Kuesioner memuat %d unsur pelayanan sesuai "
	         "PermenPAN-RB Nomor 14 Tahun 2017; setiap unsur dijawab dengan salah satu dari "
	         "empat pilihan yang bernilai 1 sampai 4 (Lampiran 1).",
	         p->metode[0] ? p->metode : "kuesioner yang diisi sendiri oleh pengguna layanan",
	         in->k);
	para(d, buf);
	doc_heading(d, "2.3 Lokasi Pengumpulan Data", 0);
	snprintf(buf, sizeof(buf), "Data dikumpulkan di %s.",
	         p->lokasi[0] ? p->lokasi : "lokasi pelayanan");
	para(d, buf);
	doc_heading(d, "2.4 Waktu Pelaksanaan", 0);
	if (rt->date_min[0] && rt->date_max[0])
		snprintf(buf, sizeof(buf),
		         "Survei dilaksanakan %s%s; kuesioner yang terkumpul bertanggal %s sampai "
		         "dengan %s.",
		         li->period[0] ? "pada periode " : "pada periode survei", li->period,
		         date_text(d1, sizeof(d1), rt->date_min),
		         date_text(d2, sizeof(d2), rt->date_max));
	else
		snprintf(buf, sizeof(buf), "Survei dilaksanakan %s%s.",
		         li->period[0] ? "pada periode " : "pada periode survei", li->period);
	para(d, buf);
	doc_heading(d, "2.5 Penentuan Jumlah Responden", 0);
	idfmt_int(a, sizeof(a), (int64_t)res->respondents);
	if (li->population > 0) {
		idfmt_int(b, sizeof(b), li->population);
		idfmt_int(c, sizeof(c), li->required);
		snprintf(buf, sizeof(buf),
		         "Populasi, yaitu jumlah pengguna layanan pada periode survei, sebanyak %s "
		         "orang. Menurut tabel Krejcie dan Morgan, jumlah responden minimal untuk "
		         "populasi tersebut adalah %s orang. Responden yang terkumpul dan diolah "
		         "sebanyak %s orang, sehingga jumlah responden %s.",
		         b, c, a,
		         (uint64_t)li->required <= res->respondents
		             ? "telah memenuhi jumlah minimal"
		             : "belum memenuhi jumlah minimal dan hasil survei belum dapat "
		               "dianggap mewakili seluruh pengguna layanan");
	} else {
		snprintf(buf, sizeof(buf),
		         "Responden yang terkumpul dan diolah sebanyak %s orang. Jumlah pengguna "
		         "layanan (populasi) pada periode survei tidak dicantumkan, sehingga "
		         "kecukupan jumlah responden menurut tabel Krejcie dan Morgan belum dapat "
		         "dinilai; untuk populasi berapa pun, 384 responden sudah mencukupi.",
		         a);
	}
	para(d, buf);
	if (li->skipped > 0 || li->empty > 0 || li->straight > 0) {
		snprintf(
		    buf, sizeof(buf),
		    "Pemeriksaan mutu isian: %s baris dilewati karena berisi nilai tidak sah, "
		    "%s baris tidak menjawab satu unsur pun (tidak dihitung), dan %s responden "
		    "memberi jawaban yang sama untuk semua unsur (tetap dihitung; ditandai untuk "
		    "diperiksa petugas).",
		    idfmt_int(b, sizeof(b), (int64_t)li->skipped),
		    idfmt_int(c, sizeof(c), (int64_t)li->empty),
		    idfmt_int(d1, sizeof(d1), (int64_t)li->straight));
		para(d, buf);
	}
}

static void ikm_paragraphs(struct doc *d, const struct laporan_info *li,
                           const struct instrument *in, const struct score_result *res)
{
	const struct stats_ci *ci = li->ci;
	char buf[1400], a[NUM], b[NUM], c[NUM], e[NUM], kin[64];

	text_upper(kin, sizeof(kin), res->kinerja);
	doc_para(d);
	snprintf(buf, sizeof(buf),
	         "Nilai Indeks (NI) adalah jumlah NRR tertimbang seluruh unsur, yaitu %s, dan "
	         "IKM = NI × 25 = ",
	         idfmt_fixed(a, sizeof(a), res->ni_e4, 4));
	doc_text(d, buf, 0);
	doc_text(d, idfmt_fixed(b, sizeof(b), res->ikm_e2, 2), 1);
	snprintf(buf, sizeof(buf), ". Dengan demikian mutu pelayanan %s ", unit_name(li->prof));
	doc_text(d, buf, 0);
	snprintf(buf, sizeof(buf), "%c", res->mutu);
	doc_text(d, buf, 1);
	doc_text(d, " dengan kinerja unit pelayanan ", 0);
	doc_text(d, kin, 1);
	doc_text(d, ".", 0);
	if (in->method != INSTR_METHOD_STANDARD)
		doc_text(
		    d,
		    " Nilai ini dihitung dengan bobot lama yang dibulatkan (NON-STANDAR), bukan "
		    "bobot tepat menurut PermenPAN-RB Nomor 14 Tahun 2017; jangan diterbitkan "
		    "sebagai IKM resmi.",
		    1);
	else {
		snprintf(buf, sizeof(buf),
		         " Setiap unsur berbobot tepat 1/%d dan seluruh perhitungan dilakukan "
		         "secara eksak; pembulatan hanya untuk penyajian.",
		         in->k);
		if (!in->custom_weights)
			doc_text(d, buf, 0);
	}
	doc_para(d);
	if (ci->available) {
		snprintf(buf, sizeof(buf),
		         "Ketelitian hasil: dengan tingkat kepercayaan 95%%, IKM berada di antara "
		         "%s dan %s (galat baku %s%s). ",
		         idfmt_fixed(a, sizeof(a), ci->low_e2, 2),
		         idfmt_fixed(c, sizeof(c), ci->high_e2, 2),
		         idfmt_fixed(e, sizeof(e), (int64_t)(ci->se * 100 + 0.5), 2),
		         ci->fpc ? ", dengan koreksi populasi terbatas" : "");
		doc_text(d, buf, 0);
		if (ci->crosses) {
			char other = ci->low_mutu != res->mutu ? ci->low_mutu : ci->high_mutu;

			snprintf(
			    buf, sizeof(buf),
			    "Selang ini melewati batas mutu: mutu %c, tetapi mutu %c tidak dapat "
			    "dikesampingkan. Penambahan responden akan memberi hasil yang lebih "
			    "pasti.",
			    res->mutu, other);
			doc_text(d, buf, 1);
		} else {
			snprintf(
			    buf, sizeof(buf),
			    "Seluruh selang berada dalam rentang mutu %c, sehingga mutu pelayanan "
			    "dapat dinyatakan dengan yakin.",
			    res->mutu);
			doc_text(d, buf, 0);
		}
	} else {
		doc_text(d,
		         "Responden terlalu sedikit untuk menghitung selang kepercayaan IKM; hasil "
		         "ini perlu dibaca dengan hati-hati.",
		         0);
	}
}

static void chapter_three(struct doc *d, const struct laporan_info *li, const struct instrument *in,
                          const struct score_result *res, const struct resp_tally *rt, int *ntab,
                          int *nfig)
{
	char cap[200];

	doc_chapter(d, "BAB III", "HASIL PENGOLAHAN DATA");
	doc_heading(d, "3.1 Profil Responden", 0);
	laporan_profile_section(d, rt, ntab, nfig);
	doc_heading(d, "3.2 Indeks Kepuasan Masyarakat per Unsur Pelayanan", 0);
	para(d, "Nilai rata-rata (NRR) setiap unsur adalah jumlah nilai jawaban dibagi "
	        "jumlah responden yang menjawab unsur tersebut. NRR dikalikan 25 agar sebanding "
	        "dengan IKM dan dinilai dengan tabel mutu yang sama: A (88,31-100,00) Sangat "
	        "Baik, B (76,61-88,30) Baik, C (65,00-76,60) Kurang Baik, D (25,00-64,99) Tidak "
	        "Baik.");
	snprintf(cap, sizeof(cap), "Tabel 3.%d Nilai unsur pelayanan dan IKM", ++*ntab);
	laporan_element_table(d, in, res, cap);
	snprintf(cap, sizeof(cap), "Gambar 3.%d Nilai unsur pelayanan (NRR × 25) dan batas mutu",
	         ++*nfig);
	laporan_elements_figure(d, in, res, cap);
	doc_heading(d, "3.3 Indeks Kepuasan Masyarakat Unit Pelayanan", 0);
	ikm_paragraphs(d, li, in, res);
	doc_heading(d, "3.4 Saran dan Masukan Responden", 0);
	snprintf(cap, sizeof(cap), "Tabel 3.%d Saran dan masukan responden", ++*ntab);
	laporan_suggestions(d, rt, cap);
}

/* "U7 Perilaku Pelaksana (3,84)" joined with commas and "dan". */
static void name_list(struct doc *d, const struct instrument *in, const struct score_result *res,
                      const int *idx, int n)
{
	for (int i = 0; i < n; i++) {
		char v[NUM], buf[300];

		if (i > 0)
			doc_text(d, i + 1 == n ? " dan " : ", ", 0);
		snprintf(buf, sizeof(buf), "%s (NRR %s, mutu %c)", in->el[idx[i]].name,
		         idfmt_fixed(v, sizeof(v), res->el[idx[i]].nrr_e2, 2),
		         res->el[idx[i]].mutu);
		doc_text(d, buf, 0);
	}
}

static void change_section(struct doc *d, const struct laporan_info *li,
                           const struct instrument *in, const struct score_result *res, int *ntab)
{
	static const double width[] = {3.2, 1.2, 1.2, 1.1, 1.9};
	static const enum doc_align align[] = {DOC_ALIGN_LEFT, DOC_ALIGN_RIGHT, DOC_ALIGN_RIGHT,
	                                       DOC_ALIGN_RIGHT, DOC_ALIGN_LEFT};
	const struct laporan_previous *pv = li->prev;
	const char *head[] = {"Unsur", "Sebelumnya", "Sekarang", "Selisih", "Perubahan nyata?"};
	char cap[200], a[NUM], b[NUM], c[NUM], buf[1000];
	struct stats_change ch;

	if (pv == NULL) {
		para(d,
		     "Data periode sebelumnya tidak disertakan dalam laporan ini, sehingga "
		     "perubahan antarperiode belum dapat disajikan. Bila laporan disusun dengan "
		     "data periode sebelumnya (opsi --previous), bagian ini memuat perubahan IKM "
		     "dan setiap unsur beserta uji apakah perubahan itu lebih besar daripada "
		     "variasi acak sampel.");
		return;
	}
	stats_change(pv->res->ikm_e2, pv->ci->available ? pv->ci->se : 0, res->ikm_e2,
	             li->ci->available ? li->ci->se : 0, &ch);
	idfmt_fixed(a, sizeof(a), pv->res->ikm_e2, 2);
	idfmt_fixed(b, sizeof(b), res->ikm_e2, 2);
	idfmt_fixed(c, sizeof(c), ch.diff_e2 < 0 ? -ch.diff_e2 : ch.diff_e2, 2);
	snprintf(buf, sizeof(buf), "IKM %s dari %s%s%s%s menjadi %s (selisih %s poin). ",
	         ch.diff_e2 > 0   ? "naik"
	         : ch.diff_e2 < 0 ? "turun"
	                          : "tetap",
	         a, pv->period[0] ? " (periode " : "", pv->period, pv->period[0] ? ")" : "", b, c);
	doc_para(d);
	doc_text(d, buf, 0);
	if (ch.available) {
		char lo[NUM], hi[NUM];

		snprintf(buf, sizeof(buf),
		         "Selang kepercayaan 95%% perubahan adalah %s sampai %s; perubahan ini %s.",
		         idfmt_fixed(lo, sizeof(lo), ch.low_e2, 2),
		         idfmt_fixed(hi, sizeof(hi), ch.high_e2, 2),
		         ch.real ? "lebih besar daripada variasi acak sampel (nyata)"
		                 : "belum lebih besar daripada variasi acak sampel (belum nyata)");
		doc_text(d, buf, 1);
	} else {
		doc_text(d,
		         "Galat baku salah satu periode tidak tersedia, sehingga tidak dapat "
		         "diuji apakah perubahan ini nyata.",
		         0);
	}
	snprintf(cap, sizeof(cap),
	         "Tabel 4.%d Perubahan nilai unsur (NRR × 25) dari periode "
	         "sebelumnya",
	         ++*ntab);
	doc_table(d, cap, 5, head, width, align, 0);
	for (int j = 0; j < in->k; j++) {
		int pj = -1;

		for (int q = 0; q < pv->in->k; q++)
			if (strcmp(pv->in->el[q].id, in->el[j].id) == 0)
				pj = q;
		if (pj < 0) {
			doc_row(d,
			        (const char *[]){in->el[j].name, "-",
			                         idfmt_fixed(b, sizeof(b), res->el[j].ikm_e2, 2),
			                         "-", "unsur baru"},
			        0);
			continue;
		}
		stats_change(pv->res->el[pj].ikm_e2, pv->el_se != NULL ? pv->el_se[pj] : 0,
		             res->el[j].ikm_e2, li->el_se != NULL ? li->el_se[j] : 0, &ch);
		snprintf(c, sizeof(c), "%s%s", ch.diff_e2 > 0 ? "+" : "",
		         idfmt_fixed(buf, sizeof(buf), ch.diff_e2, 2));
		doc_row(d,
		        (const char *[]){in->el[j].name,
		                         idfmt_fixed(a, sizeof(a), pv->res->el[pj].ikm_e2, 2),
		                         idfmt_fixed(b, sizeof(b), res->el[j].ikm_e2, 2), c,
		                         !ch.available ? "tidak dapat diuji"
		                         : ch.real     ? (ch.diff_e2 > 0 ? "ya, naik" : "ya, turun")
		                                       : "belum nyata"},
		        0);
	}
	stats_change(pv->res->ikm_e2, pv->ci->available ? pv->ci->se : 0, res->ikm_e2,
	             li->ci->available ? li->ci->se : 0, &ch);
	snprintf(c, sizeof(c), "%s%s", ch.diff_e2 > 0 ? "+" : "",
	         idfmt_fixed(buf, sizeof(buf), ch.diff_e2, 2));
	doc_row(d,
	        (const char *[]){"IKM", idfmt_fixed(a, sizeof(a), pv->res->ikm_e2, 2),
	                         idfmt_fixed(b, sizeof(b), res->ikm_e2, 2), c,
	                         !ch.available ? "tidak dapat diuji"
	                         : ch.real     ? (ch.diff_e2 > 0 ? "ya, naik" : "ya, turun")
	                                       : "belum nyata"},
	        1);
}

static void chapter_four(struct doc *d, const struct laporan_info *li, const struct instrument *in,
                         const struct score_result *res, const struct catalog *cat, int *ntab)
{
	int idx[INSTR_MAX_ELEMENTS], n = 0;
	char mean[NUM], cap[200];

	doc_chapter(d, "BAB IV", "ANALISIS");
	doc_heading(d, "4.1 Unsur yang Perlu Diperbaiki dan Unsur Unggulan", 0);
	idfmt_fixed(mean, sizeof(mean), res->mean_nrr_e4, 4);
	doc_para(d);
	doc_text(d, "Rata-rata NRR seluruh unsur adalah ", 0);
	doc_text(d, mean, 0);
	doc_text(d, ". ", 0);
	if (res->nbelow > 0) {
		doc_text(d,
		         "Unsur yang nilainya di bawah rata-rata, dan karena itu menjadi prioritas "
		         "perbaikan, adalah ",
		         0);
		name_list(d, in, res, res->below, res->nbelow);
		doc_text(d, ".", 0);
	} else {
		doc_text(d, "Semua unsur bernilai sama dengan rata-rata.", 0);
	}
	doc_text(d, " Tiga unsur dengan nilai terendah adalah ", 0);
	name_list(d, in, res, res->lowest, res->nlowest);
	doc_text(d, ".", 0);
	if (res->nweak > 0) {
		doc_text(d, " Unsur dengan mutu C atau D, yang memerlukan perbaikan segera: ", 0);
		name_list(d, in, res, res->weak, res->nweak);
		doc_text(d, ".", 0);
	}
	/* The strongest: the highest ranks, best first. */
	for (int r = res->k; r >= 1 && n < 3; r--)
		for (int j = 0; j < res->k; j++)
			if (res->el[j].rank == r && !res->el[j].below_mean)
				idx[n++] = j;
	if (n > 0) {
		doc_text(d, " Unsur dengan nilai tertinggi, yang perlu dipertahankan, adalah ", 0);
		name_list(d, in, res, idx, n);
		doc_text(d, ".", 0);
	}
	doc_heading(d, "4.2 Rencana Tindak Lanjut", 0);
	para(d, "Untuk unsur prioritas di atas disusun rencana tindak lanjut (RTL) berikut. "
	        "Realisasinya dilaporkan pada laporan periode berikutnya beserta perubahan nilai "
	        "unsur yang bersangkutan.");
	snprintf(cap, sizeof(cap), "Tabel 4.%d Rencana tindak lanjut", ++*ntab);
	laporan_rtl_table(d, li, in, res, cat, cap);
	doc_heading(d, "4.3 Perbandingan dengan Periode Sebelumnya", 0);
	change_section(d, li, in, res, ntab);
}

static void chapter_five(struct doc *d, const struct laporan_info *li, const struct instrument *in,
                         const struct score_result *res)
{
	char buf[1200], a[NUM], b[NUM], kin[64];

	text_upper(kin, sizeof(kin), res->kinerja);
	doc_chapter(d, "BAB V", "KESIMPULAN");
	doc_list(d, DOC_LIST_LETTERED);
	doc_item(d);
	snprintf(buf, sizeof(buf),
	         "IKM %s%s%s adalah %s dengan mutu pelayanan %c dan kinerja %s, berdasarkan %s "
	         "responden.",
	         unit_name(li->prof), li->period[0] ? " periode " : "", li->period,
	         idfmt_fixed(a, sizeof(a), res->ikm_e2, 2), res->mutu, kin,
	         idfmt_int(b, sizeof(b), (int64_t)res->respondents));
	doc_text(d, buf, 0);
	if (li->ci->available) {
		char lo[NUM], hi[NUM];

		doc_item(d);
		snprintf(buf, sizeof(buf),
		         "Dengan kepercayaan 95%%, IKM berada di antara %s dan %s%s.",
		         idfmt_fixed(lo, sizeof(lo), li->ci->low_e2, 2),
		         idfmt_fixed(hi, sizeof(hi), li->ci->high_e2, 2),
		         li->ci->crosses ? "; selang ini melewati batas mutu" : "");
		doc_text(d, buf, 0);
	}
	if (li->population > 0) {
		doc_item(d);
		doc_text(d,
		         (uint64_t)li->required <= res->respondents
		             ? "Jumlah responden telah memenuhi jumlah minimal menurut tabel "
		               "Krejcie dan Morgan."
		             : "Jumlah responden belum memenuhi jumlah minimal menurut tabel "
		               "Krejcie dan Morgan; survei periode berikutnya perlu menjangkau "
		               "lebih banyak pengguna layanan.",
		         0);
	}
	if (res->nbelow > 0) {
		doc_item(d);
		doc_text(d, "Unsur yang menjadi prioritas perbaikan: ", 0);
		name_list(d, in, res, res->below, res->nbelow);
		doc_text(d, "; perbaikannya dijalankan menurut rencana tindak lanjut pada Bab IV.",
		         0);
	}
	doc_item(d);
	doc_text(d,
	         "Hasil survei ini dipublikasikan kepada masyarakat dan menjadi bahan evaluasi "
	         "pimpinan.",
	         0);
	if (li->place_date[0] || li->prof->nama[0]) {
		char rank_nip[600];

		snprintf(rank_nip, sizeof(rank_nip), "%s%s%s%s", li->prof->pangkat,
		         li->prof->pangkat[0] && li->prof->nip[0] ? "\n" : "",
		         li->prof->nip[0] ? "NIP. " : "", li->prof->nip);
		doc_signature(d, li->place_date, li->prof->jabatan, li->prof->nama, rank_nip);
	}
}

struct doc *laporan_build(const struct laporan_info *li, const struct instrument *in,
                          const struct score_result *res, const struct resp_tally *rt,
                          const struct laporan_rows *rows, const struct catalog *cat)
{
	char title[600], per[300];
	int ntab = 0, nfig = 0, ntab4 = 0;
	struct doc *d;

	text_upper(per, sizeof(per), li->period);
	snprintf(title, sizeof(title), "LAPORAN SURVEI KEPUASAN MASYARAKAT%s%s", per[0] ? " " : "",
	         per);
	d = doc_new(title);
	d->page_numbers = 1;
	cover(d, li);
	chapter_one(d, li);
	chapter_two(d, li, in, res, rt);
	chapter_three(d, li, in, res, rt, &ntab, &nfig);
	chapter_four(d, li, in, res, cat, &ntab4);
	chapter_five(d, li, in, res);
	doc_chapter(d, "LAMPIRAN", "");
	doc_heading(d, "Lampiran 1. Kuesioner", 0);
	laporan_questionnaire(d, in, "Tabel L1 Unsur, pertanyaan dan pilihan jawaban");
	if (rows->limit > 0 && rows->total > 0) {
		doc_pagebreak(d);
		doc_heading(d, "Lampiran 2. Tabel Pengolahan Data", 0);
		para(d,
		     "Nilai jawaban setiap responden untuk setiap unsur (1-4; kosong bila tidak "
		     "dijawab), lalu jumlah nilai, jumlah responden yang menjawab, NRR, bobot dan "
		     "NRR tertimbang setiap unsur.");
		laporan_processing_table(d, in, res, rows,
		                         "Tabel L2 Pengolahan data responden × unsur pelayanan");
	}
	return d;
}
