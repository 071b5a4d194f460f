/* docxtest: see docxtest.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include "docxtest.h"
#include "doc_docx.h"
#include "err.h"

const unsigned char docxtest_png_1x1[69] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00,
    0x00, 0x3a, 0x7e, 0x9b, 0x55, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78,
    0xda, 0x63, 0xf8, 0x0f, 0x00, 0x01, 0x01, 0x01, 0x00, 0x1c, 0xb0, 0x8c, 0x99, 0x00,
    0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

void docxtest_scratch_init(struct docxtest_scratch *s)
{
	memset(s, 0, sizeof(*s));
	snprintf(s->dir, sizeof(s->dir), "/tmp/test_doc_docx.XXXXXX");
	assert_non_null(mkdtemp(s->dir));
}

const char *docxtest_scratch_path(struct docxtest_scratch *s, const char *name)
{
	snprintf(s->path, sizeof(s->path), "%s/%s", s->dir, name);
	return s->path;
}

void docxtest_scratch_done(struct docxtest_scratch *s, const char *const *names, int n)
{
	char p[200];

	for (int i = 0; i < n; i++) {
		snprintf(p, sizeof(p), "%s/%s", s->dir, names[i]);
		remove(p);
	}
	assert_int_equal(rmdir(s->dir), 0);
}

int docxtest_exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

void docxtest_assert_no_tmp(const char *path)
{
	char tmp[200];

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if (docxtest_exists(tmp))
		fail_msg("%s left behind", tmp);
}

void docxtest_write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

void docxtest_save_ok(const struct doc *d, const char *path)
{
	struct ikm_err err;

	err_clear(&err);
	if (doc_docx_save(d, path, &err) != 0)
		fail_msg("doc_docx_save: %s", err.msg);
	docxtest_assert_no_tmp(path);
}

char *docxtest_read_entry(const char *path, const char *name, size_t *len)
{
	int ze = 0;
	zip_t *za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	zip_stat_t st;
	zip_file_t *f;
	char *data;

	if (za == NULL)
		fail_msg("%s: not a zip archive (libzip error %d)", path, ze);
	if (zip_stat(za, name, 0, &st) != 0) {
		zip_close(za);
		return NULL;
	}
	data = malloc(st.size + 1);
	assert_non_null(data);
	f = zip_fopen(za, name, 0);
	assert_non_null(f);
	assert_int_equal(zip_fread(f, data, st.size), (zip_int64_t)st.size);
	zip_fclose(f);
	zip_close(za);
	data[st.size] = '\0';
	if (len != NULL)
		*len = st.size;
	return data;
}

char *docxtest_entry(const char *path, const char *name)
{
	char *s = docxtest_read_entry(path, name, NULL);

	if (s == NULL)
		fail_msg("%s: part %s missing", path, name);
	return s;
}

static void append(char *buf, size_t cap, size_t *len, const char *s, size_t n)
{
	if (*len + n + 1 > cap)
		fail_msg("test buffer too small");
	memcpy(buf + *len, s, n);
	*len += n;
	buf[*len] = '\0';
}

static void on_start(void *ud, const XML_Char *name, const XML_Char **attr)
{
	struct docxtest_parsed *p = ud;

	if (strcmp(name, "w:tr") == 0)
		p->ntr++;
	if (strcmp(name, "w:tc") == 0) {
		p->ntc++;
		p->in_tc = 1;
		p->tc_has_p = 0;
	}
	if (strcmp(name, "w:p") == 0 && p->in_tc)
		p->tc_has_p = 1;
	if (strcmp(name, "w:pStyle") != 0)
		return;
	for (int i = 0; attr[i] != NULL; i += 2) {
		if (strcmp(attr[i], "w:val") == 0) {
			size_t n = strlen(p->styles);

			append(p->styles, sizeof(p->styles), &n, attr[i + 1], strlen(attr[i + 1]));
			append(p->styles, sizeof(p->styles), &n, "|", 1);
		}
	}
}

static void on_end(void *ud, const XML_Char *name)
{
	struct docxtest_parsed *p = ud;

	if (strcmp(name, "w:tc") == 0) {
		p->tc_without_p += !p->tc_has_p;
		p->in_tc = 0;
	}
	if (strcmp(name, "w:p") == 0)
		append(p->text, sizeof(p->text), &p->tlen, "\n", 1);
	else if (strcmp(name, "w:br") == 0)
		append(p->text, sizeof(p->text), &p->tlen, "<br>", 4);
}

static void on_text(void *ud, const XML_Char *s, int len)
{
	struct docxtest_parsed *p = ud;

	append(p->text, sizeof(p->text), &p->tlen, s, (size_t)len);
}

void docxtest_parse(const char *xml, const char *what, struct docxtest_parsed *p)
{
	XML_Parser x = XML_ParserCreate("UTF-8");

	memset(p, 0, sizeof(*p));
	XML_SetUserData(x, p);
	XML_SetElementHandler(x, on_start, on_end);
	XML_SetCharacterDataHandler(x, on_text);
	if (XML_Parse(x, xml, (int)strlen(xml), 1) != XML_STATUS_OK)
		fail_msg("%s: not well-formed: %s at line %lu", what,
		         XML_ErrorString(XML_GetErrorCode(x)),
		         (unsigned long)XML_GetCurrentLineNumber(x));
	XML_ParserFree(x);
}

int docxtest_count(const char *hay, const char *needle)
{
	int n = 0;

	for (const char *p = strstr(hay, needle); p != NULL; p = strstr(p + 1, needle))
		n++;
	return n;
}

void docxtest_assert_in_order(const char *hay, const char *const *want, int n)
{
	const char *at = hay;

	for (int i = 0; i < n; i++) {
		const char *p = strstr(at, want[i]);

		if (p == NULL)
			fail_msg("\"%s\" missing or out of order in:\n%.4000s", want[i], hay);
		at = p + strlen(want[i]);
	}
}

/* The full path of prog on PATH, or 0. */
static int on_path(const char *prog, char *out, size_t n)
{
	const char *path = getenv("PATH");

	while (path != NULL && *path != '\0') {
		size_t len = strcspn(path, ":");

		snprintf(out, n, "%.*s/%s", (int)len, path, prog);
		if (len > 0 && access(out, X_OK) == 0)
			return 1;
		path += len + (path[len] == ':');
	}
	return 0;
}

/* Run argv with stdout and stderr to /dev/null; its exit status. */
static int run(char *const argv[])
{
	pid_t pid = fork();
	int status = 0;

	assert_true(pid >= 0);
	if (pid == 0) {
		if (freopen("/dev/null", "w", stdout) == NULL ||
		    freopen("/dev/null", "w", stderr) == NULL)
			_exit(126);
		/* Under valgrind or ASan the preloaded runtime must not leak
		 * into the program run here (LibreOffice fails with it). */
		unsetenv("LD_PRELOAD");
		execv(argv[0], argv);
		_exit(127);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The whole file at path (caller frees). */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	assert_non_null(f);
	do {
		if (cap - len < 65536) {
			cap = cap * 2 + 65536;
			buf = realloc(buf, cap + 1);
			assert_non_null(buf);
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	fclose(f);
	buf[len] = '\0';
	return buf;
}

char *docxtest_pdf_text(struct docxtest_scratch *s, const char *name)
{
	char soffice[512], pdftotext[512], profile[200], docx[200], pdf[200], txt[200], rm[200];
	size_t base = strlen(name) - strlen(".docx");

	if (!on_path("soffice", soffice, sizeof(soffice)) ||
	    !on_path("pdftotext", pdftotext, sizeof(pdftotext))) {
		/* Not cmocka's skip(): its TAP line "not ok N # SKIP" counts as
		 * a failure in tests/run.sh. */
		print_message("# SKIP soffice or pdftotext not installed\n");
		return NULL;
	}
	snprintf(docx, sizeof(docx), "%s/%s", s->dir, name);
	snprintf(pdf, sizeof(pdf), "%s/%.*s.pdf", s->dir, (int)base, name);
	snprintf(txt, sizeof(txt), "%s/%.*s.txt", s->dir, (int)base, name);
	snprintf(profile, sizeof(profile), "-env:UserInstallation=file://%s/profile", s->dir);
	assert_int_equal(run((char *const[]){soffice, profile, "--headless", "--convert-to", "pdf",
	                                     "--outdir", s->dir, docx, NULL}),
	                 0);
	assert_int_equal(run((char *const[]){pdftotext, "-layout", pdf, txt, NULL}), 0);
	/* The LibreOffice profile: removed with the rm(1) binary. */
	snprintf(rm, sizeof(rm), "%s/profile", s->dir);
	run((char *const[]){"/bin/rm", "-rf", rm, NULL});
	return slurp(txt);
}
