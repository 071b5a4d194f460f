/* Unit tests of src/report/doc_pdf.c: an A4 PDF whose text can be
 * extracted (pdftotext, Debian poppler-utils) — letterhead, title, bold
 * runs, lettered lists, check-mark headings, signature — long documents
 * that break across pages, a bad logo and an unwritable path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "doc_pdf.h"
#include "err.h"
#include "testutil.h"

/* Output of a command (at most 64 KiB) into buf; returns its exit status. */
static int run(const char *cmd, char *buf, size_t size)
{
	FILE *p = popen(cmd, "r");
	size_t n;

	assert_non_null(p);
	n = fread(buf, 1, size - 1, p);
	buf[n] = '\0';
	return pclose(p);
}

static struct doc *sample(int paragraphs)
{
	const char *const lines[] = {"Gedung GMSC Lantai II, Jl. Gajah Mada 100",
	                             "Telp./Fax. (0321) 395820", NULL};
	struct doc *d = doc_new("Surat <uji> & contoh");

	doc_letterhead(d, "PEMERINTAH KOTA MOJOKERTO", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
	               lines, 3, NULL);
	doc_title(d, "REKOMENDASI DAN TINDAK LANJUT");
	for (int i = 0; i < paragraphs; i++) {
		doc_para(d);
		doc_text(d, "Nilai IKM adalah ", 0);
		doc_text(d, "96,89", 1);
		doc_text(d, " dengan kinerja SANGAT BAIK; tanda <b> & \"kutip\" tetap teks.", 0);
	}
	doc_heading(d, "REKOMENDASI", 1);
	doc_list(d, DOC_LIST_LETTERED);
	doc_item(d);
	doc_text(d, "Peningkatan kapasitas petugas layanan;", 0);
	doc_item(d);
	doc_text(d, "Perbaikan penanganan pengaduan.", 0);
	doc_signature(d, "Mojokerto, 23 November 2026", "Kepala Dinas", "Nama Pejabat",
	              "NIP. 19700101 199001 1 001");
	return d;
}

static void test_text_extractable(void **state)
{
	char path[] = "/tmp/ikm-pdf-XXXXXX";
	char cmd[256], out[65536];
	struct ikm_err err = {0};
	struct doc *d = sample(2);
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(doc_pdf_save(d, path, &err), 0);
	snprintf(cmd, sizeof(cmd), "pdftotext -layout %s - 2>&1", path);
	assert_int_equal(run(cmd, out, sizeof(out)), 0);
	assert_contains(out, "PEMERINTAH KOTA MOJOKERTO");
	assert_contains(out, "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL");
	assert_contains(out, "Telp./Fax. (0321) 395820");
	assert_contains(out, "REKOMENDASI DAN TINDAK LANJUT");
	assert_contains(out, "96,89");
	assert_contains(out, "tanda <b> & \"kutip\" tetap");
	assert_contains(out, "a.");
	assert_contains(out, "Peningkatan kapasitas petugas layanan;");
	assert_contains(out, "b.");
	assert_contains(out, "Nama Pejabat");
	assert_contains(out, "NIP. 19700101 199001 1 001");
	snprintf(cmd, sizeof(cmd), "pdfinfo %s 2>&1", path);
	assert_int_equal(run(cmd, out, sizeof(out)), 0);
	assert_contains(out, "Pages:           1\n");
	assert_contains(out, "595.276 x 841.89 pts (A4)");
	assert_contains(out, "Surat <uji> & contoh");
	snprintf(cmd, sizeof(cmd), "pdffonts %s 2>&1", path);
	assert_int_equal(run(cmd, out, sizeof(out)), 0);
	assert_contains(out, "DejaVuSerif");
	/* Every font embedded: the "emb" column says yes. */
	assert_null(strstr(out, " no  "));
	doc_free(d);
	unlink(path);
}

static void test_pages_break(void **state)
{
	char path[] = "/tmp/ikm-pdf-XXXXXX";
	char cmd[256], out[65536];
	struct ikm_err err = {0};
	struct doc *d = sample(60);
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(doc_pdf_save(d, path, &err), 0);
	snprintf(cmd, sizeof(cmd), "pdfinfo %s 2>&1", path);
	assert_int_equal(run(cmd, out, sizeof(out)), 0);
	assert_null(strstr(out, "Pages:           1\n"));
	/* The signature and the last list item reach the end. */
	snprintf(cmd, sizeof(cmd), "pdftotext %s - 2>&1", path);
	assert_int_equal(run(cmd, out, sizeof(out)), 0);
	assert_contains(out, "Perbaikan penanganan pengaduan.");
	assert_contains(out, "Nama Pejabat");
	doc_free(d);
	unlink(path);
}

static void test_errors(void **state)
{
	char path[] = "/tmp/ikm-pdf-XXXXXX";
	struct ikm_err err = {0};
	struct doc *d = doc_new("x");
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "not a png", 9), 9);
	close(fd);
	doc_letterhead(d, "A", "B", NULL, 0, path);
	assert_int_equal(doc_pdf_save(d, "/tmp/ikm-pdf-bad-logo.pdf", &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, path);
	assert_int_equal(access("/tmp/ikm-pdf-bad-logo.pdf", F_OK), -1);
	assert_int_equal(access("/tmp/ikm-pdf-bad-logo.pdf.tmp", F_OK), -1);
	doc_free(d);
	d = doc_new("y");
	err_clear(&err);
	assert_int_equal(doc_pdf_save(d, "/nonexistent-dir/out.pdf", &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_contains(err.msg, "/nonexistent-dir/out.pdf");
	doc_free(d);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_text_extractable),
	    cmocka_unit_test(test_pages_break),
	    cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
