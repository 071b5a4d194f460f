/* Unit tests of src/report/profile.c: the office profile INI, its errors
 * (file, line, key), limits, the logo check and the letterhead lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "profile.h"
#include "testutil.h"

/* Path of a repository file (IKM_TOP, else "."). */
static const char *path_of(char *buf, size_t size, const char *rel)
{
	const char *top = getenv("IKM_TOP");

	snprintf(buf, size, "%s/%s", top != NULL && top[0] != '\0' ? top : ".", rel);
	return buf;
}

/* A scratch directory for files a test writes; removed by its teardown. */
struct scratch {
	char dir[64];
	char files[8][128];
	int nfiles;
};

static int scratch_setup(void **state)
{
	struct scratch *s = calloc(1, sizeof(*s));

	if (s == NULL)
		return -1;
	snprintf(s->dir, sizeof(s->dir), "/tmp/ikm-profile-XXXXXX");
	if (mkdtemp(s->dir) == NULL) {
		free(s);
		return -1;
	}
	*state = s;
	return 0;
}

static int scratch_teardown(void **state)
{
	struct scratch *s = *state;

	for (int i = 0; i < s->nfiles; i++)
		unlink(s->files[i]);
	rmdir(s->dir);
	free(s);
	return 0;
}

/* Write len bytes as dir/name (replacing it); returns the path (owned by s). */
static const char *scratch_write(struct scratch *s, const char *name, const void *data, size_t len)
{
	char path[128];
	FILE *fp;
	int i;

	snprintf(path, sizeof(path), "%s/%s", s->dir, name);
	for (i = 0; i < s->nfiles && strcmp(s->files[i], path) != 0; i++)
		;
	if (i == s->nfiles) {
		assert_true(s->nfiles < 8);
		memcpy(s->files[s->nfiles++], path, sizeof(path));
	}
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
	return s->files[i];
}

static const char *scratch_text(struct scratch *s, const char *name, const char *text)
{
	return scratch_write(s, name, text, strlen(text));
}

/* Load text as a profile; expect failure of `kind` and return the message. */
static const char *load_fails(struct scratch *s, const char *text, enum ikm_err_kind kind,
                              struct ikm_err *err)
{
	struct profile *p = malloc(sizeof(*p));
	const char *path = scratch_text(s, "profil.ini", text);

	assert_non_null(p);
	err_clear(err);
	assert_int_equal(profile_load(path, p, err), -1);
	assert_int_equal(err->kind, kind);
	/* A failed load leaves the profile empty. */
	assert_string_equal(p->pemerintah, "");
	assert_int_equal(p->populasi, 0);
	free(p);
	return err->msg;
}

static void test_mojokerto_example(void **state)
{
	struct profile *p = malloc(sizeof(*p));
	struct ikm_err err;
	char path[512];

	(void)state;
	assert_non_null(p);
	assert_int_equal(
	    profile_load(path_of(path, sizeof(path), "examples/mojokerto.ini"), p, &err), 0);
	assert_string_equal(p->pemerintah, "PEMERINTAH KOTA MOJOKERTO");
	assert_string_equal(p->instansi, "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL");
	assert_string_equal(p->alamat, "Gedung GMSC Lantai II, Jl. Gajah Mada 100");
	assert_string_equal(p->telepon, "(0321) 395820");
	assert_string_equal(p->faks, "(0321) 395820");
	assert_string_equal(p->situs, "dispenduk.mojokertokota.go.id");
	assert_string_equal(p->surel, "dispendukk@yahoo.com");
	assert_string_equal(p->logo, "");
	assert_string_equal(p->kota, "Mojokerto");
	assert_string_equal(p->nama, "Nama Kepala Dinas");
	assert_string_equal(p->pangkat, "Pembina Utama Muda");
	assert_string_equal(p->nip, "19700101 199001 1 001");
	assert_string_equal(p->jabatan,
	                    "Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Mojokerto");
	assert_string_equal(p->unit, "Dinas Kependudukan dan Pencatatan Sipil Kota Mojokerto");
	assert_string_equal(p->metode, "Kuesioner elektronik dan kertas");
	assert_string_equal(p->lokasi, "Gedung GMSC Lantai II, Jl. Gajah Mada 100, Mojokerto");
	assert_string_equal(p->tim, "");
	assert_int_equal(p->populasi, 0);
	assert_string_equal(p->waktu, "Semester II 2022");
	assert_string_equal(p->penanggung_jawab, "Kepala Dinas Kependudukan dan Pencatatan Sipil");
	free(p);
}

static void test_office_template_loads(void **state)
{
	struct profile *p = malloc(sizeof(*p));
	struct ikm_err err;
	char path[512];

	(void)state;
	assert_non_null(p);
	assert_int_equal(profile_load(path_of(path, sizeof(path), "examples/office.ini"), p, &err),
	                 0);
	assert_string_equal(p->pemerintah, "PEMERINTAH KOTA CONTOH");
	assert_string_equal(p->logo, ""); /* commented out in the template */
	assert_int_equal(p->populasi, 0); /* "populasi =" is empty */
	assert_string_equal(p->waktu, "Semester II 2022");
	assert_string_equal(p->penanggung_jawab, "Kepala Bidang Pelayanan");
	free(p);
}

static void test_partial_fields_empty(void **state)
{
	struct profile *p = malloc(sizeof(*p));
	struct ikm_err err;
	char path[512];

	(void)state;
	assert_non_null(p);
	memset(p, 'x', sizeof(*p)); /* load must reset everything */
	assert_int_equal(
	    profile_load(path_of(path, sizeof(path), "tests/data/profile_partial.ini"), p, &err),
	    0);
	assert_string_equal(p->instansi, "DINAS UJI"); /* inline comment and spaces gone */
	assert_string_equal(p->telepon, "(031) 1234");
	assert_string_equal(p->unit, "Unit Uji Kota Contoh");
	assert_int_equal(p->populasi, 1500);
	assert_string_equal(p->pemerintah, "");
	assert_string_equal(p->faks, "");
	assert_string_equal(p->logo, "");
	assert_string_equal(p->nama, "");
	assert_string_equal(p->nip, "");
	assert_string_equal(p->metode, "");
	assert_string_equal(p->tim, "");
	free(p);
}

static void test_default_is_empty(void **state)
{
	struct profile *p = malloc(sizeof(*p));
	char buf[64];

	(void)state;
	assert_non_null(p);
	memset(p, 'x', sizeof(*p));
	profile_default(p);
	assert_string_equal(p->pemerintah, "");
	assert_string_equal(p->surel, "");
	assert_string_equal(p->jabatan, "");
	assert_string_equal(p->tim, "");
	assert_int_equal(p->populasi, 0);
	assert_int_equal(profile_phone_line(p, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
	assert_int_equal(profile_web_line(p, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
	free(p);
}

static void test_unknown_key_names_line(void **state)
{
	struct profile *p = malloc(sizeof(*p));
	struct ikm_err err;
	char path[512];

	(void)state;
	assert_non_null(p);
	path_of(path, sizeof(path), "tests/data/profile_typo.ini");
	assert_int_equal(profile_load(path, p, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "profile_typo.ini:5:");
	assert_contains(err.msg, "'insatnsi'");
	assert_contains(err.msg, "[kop]");
	/* The known keys are listed so the typo is easy to fix. */
	assert_contains(err.msg, "pemerintah, instansi, alamat, telepon, faks, situs, surel, logo");
	assert_contains(err.msg, " / unknown key");
	free(p);
}

static void test_unknown_section(void **state)
{
	struct ikm_err err;
	const char *msg;

	msg = load_fails(*state, "[kop]\npemerintah = X\n[penandatanganan]\nnama = Y\n", IKM_EDATA,
	                 &err);
	assert_contains(msg, "profil.ini:4:");
	assert_contains(msg, "[penandatanganan]");
	assert_contains(msg, "[kop], [penandatangan], [survei]");
	msg = load_fails(*state, "; no section\nnama = Y\n", IKM_EDATA, &err);
	assert_contains(msg, "profil.ini:2:");
	assert_contains(msg, "'nama'");
	assert_contains(msg, "di luar bagian");
	/* Keys of another section are unknown here. */
	msg = load_fails(*state, "[kop]\nnip = 1\n", IKM_EDATA, &err);
	assert_contains(msg, "profil.ini:2:");
	assert_contains(msg, "'nip'");
}

static void test_case_insensitive_names(void **state)
{
	struct scratch *s = *state;
	struct profile *p = malloc(sizeof(*p));
	struct ikm_err err;
	const char *path = scratch_text(s, "case.ini", "[KOP]\nPemerintah = A\n[Survei]\nUNIT=B\n");

	assert_non_null(p);
	assert_int_equal(profile_load(path, p, &err), 0);
	assert_string_equal(p->pemerintah, "A");
	assert_string_equal(p->unit, "B");
	free(p);
}

static void test_crlf_bom_and_utf8(void **state)
{
	struct scratch *s = *state;
	struct profile *p = malloc(sizeof(*p));
	struct ikm_err err;
	const char *path = scratch_text(s, "crlf.ini",
	                                "\xef\xbb\xbf[penandatangan]\r\n"
	                                "nama = Dr. Siti Aminah, S.E., M.Si.\r\n"
	                                "jabatan = Kepala Dinas \xe2\x80\x93 Unit \xc3\x89\r\n");

	assert_non_null(p);
	assert_int_equal(profile_load(path, p, &err), 0);
	assert_string_equal(p->nama, "Dr. Siti Aminah, S.E., M.Si.");
	assert_string_equal(p->jabatan, "Kepala Dinas \xe2\x80\x93 Unit \xc3\x89");
	free(p);
}

static void test_bad_text(void **state)
{
	static const char nul[] = "[kop]\nalamat = a\0b\n";
	struct profile *p = malloc(sizeof(*p));
	struct ikm_err err;
	const char *msg, *path;

	assert_non_null(p);
	/* Invalid UTF-8: a lone continuation byte, an overlong '/'. */
	msg = load_fails(*state, "[kop]\nalamat = Jl. \x80 1\n", IKM_EDATA, &err);
	assert_contains(msg, "profil.ini:2:");
	assert_contains(msg, "'alamat'");
	msg = load_fails(*state, "[kop]\n\nalamat = a\xc0\xaf\n", IKM_EDATA, &err);
	assert_contains(msg, "profil.ini:3:");
	/* A control character. */
	msg = load_fails(*state, "[kop]\nalamat = a\x01z\n", IKM_EDATA, &err);
	assert_contains(msg, "profil.ini:2:");
	/* A NUL byte in the file. */
	path = scratch_write(*state, "nul.ini", nul, sizeof(nul) - 1);
	assert_int_equal(profile_load(path, p, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "nul.ini:2:");
	assert_contains(err.msg, "NUL");
	free(p);
}

static void test_too_long_value(void **state)
{
	struct scratch *s = *state;
	struct profile *p = malloc(sizeof(*p));
	struct ikm_err err;
	char text[PROFILE_PROSE_MAX + 64];
	const char *path;

	assert_non_null(p);
	/* Exactly PROFILE_TEXT_MAX bytes fit. */
	snprintf(text, sizeof(text), "[kop]\nalamat = %0*d\n", PROFILE_TEXT_MAX, 7);
	path = scratch_text(s, "ok.ini", text);
	assert_int_equal(profile_load(path, p, &err), 0);
	assert_int_equal(strlen(p->alamat), PROFILE_TEXT_MAX);
	/* One more byte does not, and the error names file, line and key. */
	snprintf(text, sizeof(text), "[kop]\n; c\nalamat = %0*d\n", PROFILE_TEXT_MAX + 1, 7);
	path = scratch_text(s, "long.ini", text);
	assert_int_equal(profile_load(path, p, &err), -1);
	assert_int_equal(err.kind, IKM_ELIMIT);
	assert_contains(err.msg, "long.ini:3:");
	assert_contains(err.msg, "'alamat'");
	assert_contains(err.msg, "255");
	assert_string_equal(p->alamat, "");
	/* Prose fields take PROFILE_PROSE_MAX bytes. */
	snprintf(text, sizeof(text), "[survei]\nmetode = %0*d\n", PROFILE_PROSE_MAX, 7);
	path = scratch_text(s, "prose.ini", text);
	assert_int_equal(profile_load(path, p, &err), 0);
	assert_int_equal(strlen(p->metode), PROFILE_PROSE_MAX);
	snprintf(text, sizeof(text), "[survei]\nmetode = %0*d\n", PROFILE_PROSE_MAX + 1, 7);
	path = scratch_text(s, "prose2.ini", text);
	assert_int_equal(profile_load(path, p, &err), -1);
	assert_int_equal(err.kind, IKM_ELIMIT);
	assert_contains(err.msg, "prose2.ini:2:");
	free(p);
}

static void test_too_long_line(void **state)
{
	struct ikm_err err;
	const char *msg;
	size_t n = PROFILE_LINE_MAX + 100;
	char *text = malloc(n + 32);

	assert_non_null(text);
	memcpy(text, "[kop]\n; ", 8);
	memset(text + 8, 'x', n);
	memcpy(text + 8 + n, "\nalamat = a\n", 13);
	/* Even a comment line over the limit is refused, not cut. */
	msg = load_fails(*state, text, IKM_ELIMIT, &err);
	assert_contains(msg, "profil.ini:2:");
	assert_contains(msg, "4096");
	free(text);
}

static void test_duplicate_and_indented(void **state)
{
	struct ikm_err err;
	const char *msg;

	msg = load_fails(*state, "[kop]\nfaks = 1\n[survei]\nunit = U\n[kop]\nfaks = 2\n",
	                 IKM_EDATA, &err);
	assert_contains(msg, "profil.ini:6:");
	assert_contains(msg, "'faks'");
	assert_contains(msg, "baris 2");
	/* inih would glue an indented line to the previous value. */
	msg = load_fails(*state, "[kop]\npemerintah = A\n  instansi = B\n", IKM_EDATA, &err);
	assert_contains(msg, "profil.ini:3:");
	assert_contains(msg, "spasi");
}

static void test_malformed_line(void **state)
{
	struct ikm_err err;
	const char *msg;

	msg = load_fails(*state, "[kop]\npemerintah = A\njust words\n", IKM_EDATA, &err);
	assert_contains(msg, "profil.ini:3:");
	assert_contains(msg, "malformed line");
	msg = load_fails(*state, "[kop\npemerintah = A\n", IKM_EDATA, &err);
	assert_contains(msg, "profil.ini:1:");
}

static void test_populasi(void **state)
{
	struct scratch *s = *state;
	struct profile *p = malloc(sizeof(*p));
	static const char *const bad[] = {
	    "0",
	    "-5",
	    "+5",
	    "12.345",
	    "12,5",
	    "1e6",
	    "abc",
	    "1000000000001",
	    "99999999999999999999",
	    "12 345",
	};
	struct ikm_err err;
	char text[128];
	const char *path;

	assert_non_null(p);
	path = scratch_text(s, "pop.ini", "[survei]\npopulasi = 1000000000000\n");
	assert_int_equal(profile_load(path, p, &err), 0);
	assert_true(p->populasi == 1000000000000LL);
	path = scratch_text(s, "pop1.ini", "[survei]\npopulasi = 1\n");
	assert_int_equal(profile_load(path, p, &err), 0);
	assert_int_equal(p->populasi, 1);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(text, sizeof(text), "[survei]\n\npopulasi = %s\n", bad[i]);
		path = scratch_text(s, "popbad.ini", text);
		assert_int_equal(profile_load(path, p, &err), -1);
		assert_int_equal(err.kind, IKM_EDATA);
		assert_contains(err.msg, "popbad.ini:3:");
		assert_contains(err.msg, "populasi");
		assert_int_equal(p->populasi, 0);
	}
	free(p);
}

static void test_missing_file(void **state)
{
	struct profile *p = malloc(sizeof(*p));
	struct ikm_err err;

	(void)state;
	assert_non_null(p);
	assert_int_equal(profile_load("/nonexistent/dir/profil.ini", p, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_contains(err.msg, "/nonexistent/dir/profil.ini");
	free(p);
}

static const unsigned char png_head[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',                            /* signature */
    0,    0,   0,   13,  'I',  'H',  'D',  'R',  0,    0, 0, 1, 0, 0, 0, 1, /* IHDR 1x1 */
    8,    0,   0,   0,   0,    0x3a, 0x7e, 0x9b, 0x55,                      /* 8-bit grey, CRC */
};

static void test_logo_relative_and_absolute(void **state)
{
	struct scratch *s = *state;
	struct profile *p = malloc(sizeof(*p));
	struct ikm_err err;
	char expect[256], text[256];
	const char *path, *logo;

	assert_non_null(p);
	logo = scratch_write(s, "logo.png", png_head, sizeof(png_head));
	/* Relative: resolved against the INI file's directory, not the cwd. */
	path = scratch_text(s, "rel.ini", "[kop]\nlogo = logo.png\n");
	assert_int_equal(profile_load(path, p, &err), 0);
	snprintf(expect, sizeof(expect), "%s/logo.png", s->dir);
	assert_string_equal(p->logo, expect);
	/* Absolute: kept as it is. */
	snprintf(text, sizeof(text), "[kop]\nlogo = %s\n", logo);
	path = scratch_text(s, "abs.ini", text);
	assert_int_equal(profile_load(path, p, &err), 0);
	assert_string_equal(p->logo, logo);
	/* Signature alone is enough for the check. */
	scratch_write(s, "sig.png", png_head, 8);
	path = scratch_text(s, "sig.ini", "[kop]\nlogo = sig.png\n");
	assert_int_equal(profile_load(path, p, &err), 0);
	free(p);
}

static void test_logo_errors(void **state)
{
	struct scratch *s = *state;
	struct profile *p = malloc(sizeof(*p));
	struct ikm_err err;
	const char *path;

	assert_non_null(p);
	scratch_text(s, "fake.png", "GIF89a not a png at all");
	path = scratch_text(s, "fake.ini", "[kop]\npemerintah = A\nlogo = fake.png\n");
	assert_int_equal(profile_load(path, p, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "fake.ini:3:");
	assert_contains(err.msg, "fake.png");
	assert_contains(err.msg, "bukan berkas PNG");
	assert_string_equal(p->logo, "");
	/* Shorter than the signature. */
	scratch_write(s, "short.png", png_head, 5);
	path = scratch_text(s, "short.ini", "[kop]\nlogo = short.png\n");
	assert_int_equal(profile_load(path, p, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	/* Missing: IO error naming the resolved path. */
	path = scratch_text(s, "gone.ini", "[kop]\nlogo = tidak-ada.png\n");
	assert_int_equal(profile_load(path, p, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	assert_contains(err.msg, "gone.ini:2:");
	assert_contains(err.msg, "/tidak-ada.png");
	free(p);
}

static void test_phone_line(void **state)
{
	struct profile *p = malloc(sizeof(*p));
	char buf[128];

	(void)state;
	assert_non_null(p);
	profile_default(p);
	snprintf(p->telepon, sizeof(p->telepon), "(0321) 395820");
	snprintf(p->faks, sizeof(p->faks), "(0321) 395820");
	assert_int_equal(profile_phone_line(p, buf, sizeof(buf)), 24);
	assert_string_equal(buf, "Telp./Fax. (0321) 395820");
	snprintf(p->faks, sizeof(p->faks), "(0321) 395821");
	profile_phone_line(p, buf, sizeof(buf));
	assert_string_equal(buf, "Telp. (0321) 395820  Faks. (0321) 395821");
	p->faks[0] = '\0';
	profile_phone_line(p, buf, sizeof(buf));
	assert_string_equal(buf, "Telp. (0321) 395820");
	snprintf(p->faks, sizeof(p->faks), "(0321) 395821");
	p->telepon[0] = '\0';
	profile_phone_line(p, buf, sizeof(buf));
	assert_string_equal(buf, "Faks. (0321) 395821");
	/* A short buffer gets a truncated, terminated line and the full length. */
	assert_int_equal(profile_phone_line(p, buf, 8), 19);
	assert_string_equal(buf, "Faks. (");
	free(p);
}

static void test_web_line(void **state)
{
	struct profile *p = malloc(sizeof(*p));
	char buf[128];

	(void)state;
	assert_non_null(p);
	profile_default(p);
	snprintf(p->situs, sizeof(p->situs), "dispenduk.mojokertokota.go.id");
	snprintf(p->surel, sizeof(p->surel), "dispendukk@yahoo.com");
	profile_web_line(p, buf, sizeof(buf));
	assert_string_equal(buf,
	                    "Website: dispenduk.mojokertokota.go.id  Email: dispendukk@yahoo.com");
	p->surel[0] = '\0';
	profile_web_line(p, buf, sizeof(buf));
	assert_string_equal(buf, "Website: dispenduk.mojokertokota.go.id");
	snprintf(p->surel, sizeof(p->surel), "a@b.id");
	p->situs[0] = '\0';
	assert_int_equal(profile_web_line(p, buf, sizeof(buf)), 13);
	assert_string_equal(buf, "Email: a@b.id");
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_mojokerto_example),
	    cmocka_unit_test(test_office_template_loads),
	    cmocka_unit_test(test_partial_fields_empty),
	    cmocka_unit_test(test_default_is_empty),
	    cmocka_unit_test(test_unknown_key_names_line),
	    cmocka_unit_test_setup_teardown(test_unknown_section, scratch_setup, scratch_teardown),
	    cmocka_unit_test_setup_teardown(test_case_insensitive_names, scratch_setup,
	                                    scratch_teardown),
	    cmocka_unit_test_setup_teardown(test_crlf_bom_and_utf8, scratch_setup,
	                                    scratch_teardown),
	    cmocka_unit_test_setup_teardown(test_bad_text, scratch_setup, scratch_teardown),
	    cmocka_unit_test_setup_teardown(test_too_long_value, scratch_setup, scratch_teardown),
	    cmocka_unit_test_setup_teardown(test_too_long_line, scratch_setup, scratch_teardown),
	    cmocka_unit_test_setup_teardown(test_duplicate_and_indented, scratch_setup,
	                                    scratch_teardown),
	    cmocka_unit_test_setup_teardown(test_malformed_line, scratch_setup, scratch_teardown),
	    cmocka_unit_test_setup_teardown(test_populasi, scratch_setup, scratch_teardown),
	    cmocka_unit_test(test_missing_file),
	    cmocka_unit_test_setup_teardown(test_logo_relative_and_absolute, scratch_setup,
	                                    scratch_teardown),
	    cmocka_unit_test_setup_teardown(test_logo_errors, scratch_setup, scratch_teardown),
	    cmocka_unit_test(test_phone_line),
	    cmocka_unit_test(test_web_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
