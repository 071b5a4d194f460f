/* Unit tests of src/report/catalog.c: the embedded default catalog, custom
 * catalogs laid over it, and errors naming file and line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "instrument.h"
#include "testutil.h"

/* Path of a repository file (IKM_TOP, else "."). */
static const char *path_of(char *buf, size_t size, const char *rel)
{
	const char *top = getenv("IKM_TOP");

	snprintf(buf, size, "%s/%s", top != NULL && top[0] != '\0' ? top : ".", rel);
	return buf;
}

/* Write text to a new temporary file; its name goes into path. */
static void temp_catalog(char *path, size_t size, const char *text)
{
	FILE *fp;
	int fd;

	snprintf(path, size, "/tmp/ikm-catalog-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	assert_int_equal(fputs(text, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
}

/* Load text as a catalog file; expect failure of `kind`, message in err. */
static void load_fails(const char *text, enum ikm_err_kind kind, struct ikm_err *err)
{
	struct catalog *c = (struct catalog *)1;
	char path[64];

	temp_catalog(path, sizeof(path), text);
	err_clear(err);
	assert_int_equal(catalog_load_file(path, &c, err), -1);
	assert_null(c);
	assert_int_equal(err->kind, kind);
	assert_contains(err->msg, path);
	unlink(path);
}

static void test_default_covers_every_element(void **state)
{
	struct instrument in;
	struct catalog *c;
	struct ikm_err err;
	const char *const *items;

	(void)state;
	instr_standard(&in);
	assert_int_equal(catalog_load_default(&c, &err), 0);
	for (int e = 0; e < in.k; e++) {
		for (int k = CATALOG_REKOMENDASI; k <= CATALOG_TINDAK_LANJUT; k++) {
			int n = catalog_items(c, in.el[e].id, (enum catalog_kind)k, &items);

			if (n < 2 || n > 4)
				fail_msg("[%s] kind %d has %d items, want 2..4", in.el[e].id, k, n);
			for (int i = 0; i < n; i++) {
				size_t len = strlen(items[i]);

				/* Lettered-list entries: trimmed, capitalised, ending ';'. */
				assert_true(len > 20 && len <= CATALOG_ITEM_MAX);
				assert_true(items[i][0] >= 'A' && items[i][0] <= 'Z');
				assert_int_equal(items[i][len - 1], ';');
				assert_true(items[i][len - 2] != ' ');
			}
		}
	}
	assert_true(catalog_items(c, "umum", CATALOG_REKOMENDASI, &items) >= 1);
	assert_contains(items[0],
	                "Survei Kepuasan Masyarakat perlu terus dilaksanakan secara berkala");
	assert_true(catalog_items(c, "umum", CATALOG_TINDAK_LANJUT, &items) >= 1);
	catalog_free(c);
}

static void test_default_known_items(void **state)
{
	struct catalog *c;
	struct ikm_err err;
	const char *const *items;

	(void)state;
	assert_int_equal(catalog_load_default(&c, &err), 0);
	/* The seed's weak elements, in file order. */
	assert_int_equal(catalog_items(c, "perilaku", CATALOG_REKOMENDASI, &items), 3);
	assert_contains(items[0], "Peningkatan kapasitas petugas layanan garis depan");
	assert_contains(items[0], "etika pelayanan");
	assert_int_equal(catalog_items(c, "pengaduan", CATALOG_TINDAK_LANJUT, &items), 4);
	assert_string_equal(items[0],
	                    "Menyediakan ruang khusus pengaduan agar privasi pemohon tetap "
	                    "terjaga;");
	assert_contains(items[1], "media sosial");
	/* Section names are matched without regard to case. */
	assert_int_equal(catalog_items(c, "PENGADUAN", CATALOG_TINDAK_LANJUT, NULL), 4);
	catalog_free(c);
}

/* The embedded text is exactly share/rekomendasi.ini (catalog_data.c is
 * not stale), and loading that file gives the same catalog. */
static void test_embedded_matches_share(void **state)
{
	char path[512];
	struct catalog *a, *b;
	struct ikm_err err;
	FILE *fp;
	long size;
	char *text;

	(void)state;
	fp = fopen(path_of(path, sizeof(path), "share/rekomendasi.ini"), "rb");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	size = ftell(fp);
	assert_true(size > 0);
	rewind(fp);
	text = malloc((size_t)size + 1);
	assert_non_null(text);
	assert_int_equal(fread(text, 1, (size_t)size, fp), (size_t)size);
	text[size] = '\0';
	fclose(fp);
	if (strcmp(text, catalog_default_text) != 0)
		fail_msg("src/report/catalog_data.c is stale: run scripts/embed-catalog");
	free(text);

	assert_int_equal(catalog_load_default(&a, &err), 0);
	assert_int_equal(catalog_load_file(path, &b, &err), 0);
	for (int k = CATALOG_REKOMENDASI; k <= CATALOG_TINDAK_LANJUT; k++) {
		const char *const *ia, *const *ib;
		int na = catalog_items(a, "sarana", (enum catalog_kind)k, &ia);

		assert_int_equal(catalog_items(b, "sarana", (enum catalog_kind)k, &ib), na);
		for (int i = 0; i < na; i++)
			assert_string_equal(ia[i], ib[i]);
	}
	catalog_free(a);
	catalog_free(b);
}

static void test_custom_overrides_in_order(void **state)
{
	char path[512];
	struct catalog *c, *d;
	struct ikm_err err;
	const char *const *items, *const *def;
	int n;

	(void)state;
	assert_int_equal(
	    catalog_load_file(path_of(path, sizeof(path), "tests/data/catalog_custom.ini"), &c,
	                      &err),
	    0);
	assert_int_equal(catalog_load_default(&d, &err), 0);
	/* Repeated keys keep their order; the file's list replaces the default. */
	assert_int_equal(catalog_items(c, "perilaku", CATALOG_REKOMENDASI, &items), 3);
	assert_string_equal(items[0], "Butir pertama untuk perilaku;");
	assert_string_equal(items[1], "Butir kedua: pelatihan etika;");
	assert_string_equal(items[2], "Butir ketiga, \"dengan tanda kutip\" dan huruf \xc3\x89.");
	assert_int_equal(catalog_items(c, "umum", CATALOG_TINDAK_LANJUT, &items), 1);
	assert_string_equal(items[0], "Tindak lanjut umum khusus kantor ini;");
	/* What the file does not give stays as in the default. */
	n = catalog_items(d, "perilaku", CATALOG_TINDAK_LANJUT, &def);
	assert_int_equal(catalog_items(c, "perilaku", CATALOG_TINDAK_LANJUT, &items), n);
	assert_string_equal(items[0], def[0]);
	n = catalog_items(d, "umum", CATALOG_REKOMENDASI, &def);
	assert_int_equal(catalog_items(c, "umum", CATALOG_REKOMENDASI, &items), n);
	assert_string_equal(items[n - 1], def[n - 1]);
	n = catalog_items(d, "waktu", CATALOG_REKOMENDASI, &def);
	assert_int_equal(catalog_items(c, "waktu", CATALOG_REKOMENDASI, &items), n);
	catalog_free(c);
	catalog_free(d);
}

static void test_unknown_key_names_line(void **state)
{
	char path[512];
	struct catalog *c = (struct catalog *)1;
	struct ikm_err err;

	(void)state;
	path_of(path, sizeof(path), "tests/data/catalog_badkey.ini");
	assert_int_equal(catalog_load_file(path, &c, &err), -1);
	assert_null(c);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "catalog_badkey.ini:4:");
	assert_contains(err.msg, "'rekomendasii'");
	assert_contains(err.msg, "[waktu]");
	assert_contains(err.msg, "rekomendasi, tindak_lanjut");
}

static void test_errors(void **state)
{
	struct ikm_err err;

	(void)state;
	load_fails("[umum]\nrekomendasi = a;\n[perilak]\nrekomendasi = b;\n", IKM_EDATA, &err);
	assert_contains(err.msg, ":4:");
	assert_contains(err.msg, "[perilak]");
	assert_contains(err.msg, "[perilaku]");
	load_fails("rekomendasi = a;\n", IKM_EDATA, &err);
	assert_contains(err.msg, ":1:");
	assert_contains(err.msg, "di luar bagian");
	load_fails("[waktu]\n; c\nrekomendasi =\n", IKM_EDATA, &err);
	assert_contains(err.msg, ":3:");
	assert_contains(err.msg, "kosong");
	/* An indented line would be glued to the previous item by inih. */
	load_fails("[waktu]\nrekomendasi = a;\n  lanjutan kalimat;\n", IKM_EDATA, &err);
	assert_contains(err.msg, ":3:");
	load_fails("[waktu]\nrekomendasi = a\xff;\n", IKM_EDATA, &err);
	assert_contains(err.msg, ":2:");
	assert_contains(err.msg, "UTF-8");
	load_fails("[waktu]\nsekadar teks\n", IKM_EDATA, &err);
	assert_contains(err.msg, ":2:");
	assert_contains(err.msg, "malformed line");
	{
		struct catalog *c = (struct catalog *)1;

		assert_int_equal(catalog_load_file("/nonexistent/katalog.ini", &c, &err), -1);
		assert_null(c);
		assert_int_equal(err.kind, IKM_EIO);
		assert_contains(err.msg, "/nonexistent/katalog.ini");
	}
}

static void test_item_limits(void **state)
{
	char *text = malloc(CATALOG_LINE_MAX + 256);
	char path[64];
	struct catalog *c;
	struct ikm_err err;
	const char *const *items;
	size_t len;

	(void)state;
	assert_non_null(text);
	/* Exactly CATALOG_MAX_ITEMS items fit ... */
	len = (size_t)snprintf(text, 64, "[biaya]\n");
	for (int i = 0; i < CATALOG_MAX_ITEMS; i++)
		len += (size_t)snprintf(text + len, 64, "tindak_lanjut = Butir %d;\n", i + 1);
	temp_catalog(path, sizeof(path), text);
	assert_int_equal(catalog_load_file(path, &c, &err), 0);
	assert_int_equal(catalog_items(c, "biaya", CATALOG_TINDAK_LANJUT, &items),
	                 CATALOG_MAX_ITEMS);
	assert_string_equal(items[CATALOG_MAX_ITEMS - 1], "Butir 8;");
	catalog_free(c);
	unlink(path);
	/* ... one more does not, and the error names its line. */
	snprintf(text + len, 64, "tindak_lanjut = Butir 9;\n");
	load_fails(text, IKM_ELIMIT, &err);
	assert_contains(err.msg, ":10:");
	assert_contains(err.msg, "8");

	/* An item of CATALOG_ITEM_MAX bytes fits, one byte more does not. */
	len = (size_t)snprintf(text, 64, "[produk]\nrekomendasi = ");
	memset(text + len, 'a', CATALOG_ITEM_MAX);
	memcpy(text + len + CATALOG_ITEM_MAX, "\n", 2);
	temp_catalog(path, sizeof(path), text);
	assert_int_equal(catalog_load_file(path, &c, &err), 0);
	assert_int_equal(catalog_items(c, "produk", CATALOG_REKOMENDASI, &items), 1);
	assert_int_equal(strlen(items[0]), CATALOG_ITEM_MAX);
	catalog_free(c);
	unlink(path);
	memcpy(text + len + CATALOG_ITEM_MAX, "a\n", 3);
	load_fails(text, IKM_ELIMIT, &err);
	assert_contains(err.msg, ":2:");
	assert_contains(err.msg, "1000");

	/* A line over CATALOG_LINE_MAX is refused, not cut. */
	memcpy(text, "[umum]\n;", 8);
	memset(text + 8, 'x', CATALOG_LINE_MAX);
	memcpy(text + 8 + CATALOG_LINE_MAX, "\n", 2);
	load_fails(text, IKM_ELIMIT, &err);
	assert_contains(err.msg, ":2:");
	free(text);
}

static void test_items_edge_cases(void **state)
{
	struct catalog *c;
	struct ikm_err err;
	const char *const *items = (const char *const *)1;

	(void)state;
	assert_int_equal(catalog_load_default(&c, &err), 0);
	assert_int_equal(catalog_items(c, "u10", CATALOG_REKOMENDASI, &items), 0);
	assert_null(items);
	assert_int_equal(catalog_items(c, "", CATALOG_TINDAK_LANJUT, &items), 0);
	assert_int_equal(catalog_items(c, "waktu", (enum catalog_kind)7, &items), 0);
	assert_null(items);
	catalog_free(c);
	catalog_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_default_covers_every_element),
	    cmocka_unit_test(test_default_known_items),
	    cmocka_unit_test(test_embedded_matches_share),
	    cmocka_unit_test(test_custom_overrides_in_order),
	    cmocka_unit_test(test_unknown_key_names_line),
	    cmocka_unit_test(test_errors),
	    cmocka_unit_test(test_item_limits),
	    cmocka_unit_test(test_items_edge_cases),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
