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
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include "docxtest.h"
#include "doc_docx.h"
#include "err.h"

void docxtest_save_ok(const struct doc *d, const char *path)
{
	struct ikm_err err;

	err_clear(&err);
	if (doc_docx_save(d, path, &err) != 0)
		fail_msg("doc_docx_save: %s", err.msg);
	doctest_assert_no_tmp(path);
}

const char *docxtest_save(struct doctest_scratch *s, const struct doc *d)
{
	const char *path = doctest_scratch_path(s, 0, "a.docx");

	docxtest_save_ok(d, path);
	return path;
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

char *docxtest_pdf_text(struct doctest_scratch *s, const char *name)
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
	return doctest_read_file(txt);
}
