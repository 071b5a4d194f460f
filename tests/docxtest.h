/* docxtest: helpers shared by the DOCX writer tests (test_doc_docx.c,
 * test_doc_docx_report.c): a scratch directory, saving a document, reading
 * parts back with libzip, parsing them with expat, and converting a .docx
 * to PDF text with LibreOffice and pdftotext. Failures go through cmocka's
 * asserts: include after <cmocka.h>. */
#ifndef IKM_DOCXTEST_H
#define IKM_DOCXTEST_H

#include <stddef.h>

#include "doc.h"

#define EVIL     "<script>alert('x')</script> & \"q\""
#define EVIL_ESC "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot;"

/* A valid 1x1 8-bit grayscale PNG (the fixture of test_doc_html.c). */
extern const unsigned char docxtest_png_1x1[69];

/* A scratch directory under /tmp; every file in it is removed by
 * docxtest_scratch_done. */
struct docxtest_scratch {
	char dir[64];
	char path[160];
};

void docxtest_scratch_init(struct docxtest_scratch *s);
/* dir/name, in s->path (overwritten by the next call). */
const char *docxtest_scratch_path(struct docxtest_scratch *s, const char *name);
/* Remove the files named, then the directory; fails when another file (a
 * .tmp left behind) remains. */
void docxtest_scratch_done(struct docxtest_scratch *s, const char *const *names, int n);

int docxtest_exists(const char *path);
/* Fail when path.tmp exists. */
void docxtest_assert_no_tmp(const char *path);
void docxtest_write_file(const char *path, const void *data, size_t len);
/* doc_docx_save, which must succeed and leave no .tmp. */
void docxtest_save_ok(const struct doc *d, const char *path);

/* The entry name of the archive at path as a NUL-terminated string
 * (caller frees) with its length in *len (may be NULL), or NULL when it
 * is absent. Fails unless path is a consistent zip archive. */
char *docxtest_read_entry(const char *path, const char *name, size_t *len);
/* The same, failing when the entry is absent. */
char *docxtest_entry(const char *path, const char *name);

/* What expat saw: the character data (a line feed after each paragraph,
 * "<br>" for each w:br), the w:pStyle values joined by '|', and counts of
 * table rows, cells and cells without a paragraph. */
struct docxtest_parsed {
	char text[1 << 16];
	size_t tlen;
	char styles[1 << 15];
	int ntr, ntc, tc_without_p;
	int in_tc, tc_has_p;
};

/* Parse xml with expat into p; fail unless it is well-formed. */
void docxtest_parse(const char *xml, const char *what, struct docxtest_parsed *p);

/* Occurrences of needle in hay (overlapping ones too). */
int docxtest_count(const char *hay, const char *needle);
/* Fail unless each of the strings appears in hay, in this order. */
void docxtest_assert_in_order(const char *hay, const char *const *want, int n);
/* Fail unless hay starts with the string want. */
#define docxtest_assert_starts(hay, want) assert_int_equal(strncmp((hay), (want), strlen(want)), 0)

/* The text of the .docx s->dir/name converted to PDF by LibreOffice, as
 * "pdftotext -layout" gives it (pages end with a form feed; caller frees),
 * leaving name.pdf and name.txt (name less ".docx") in s->dir. NULL, with
 * a "# SKIP" message, when soffice or pdftotext is not installed. */
char *docxtest_pdf_text(struct docxtest_scratch *s, const char *name);

#endif
