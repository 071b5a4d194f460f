/* docxtest: helpers shared by the DOCX writer tests (test_doc_docx.c,
 * test_doc_docx_report.c): saving a document, reading parts back with
 * libzip, parsing them with expat, and converting a .docx to PDF text with
 * LibreOffice and pdftotext. The scratch directory and the documents are
 * doctest's. Failures go through cmocka's asserts: include after
 * <cmocka.h>. */
#ifndef IKM_DOCXTEST_H
#define IKM_DOCXTEST_H

#include <stddef.h>

#include "doc.h"
#include "doctest.h"

#define EVIL     "<script>alert('x')</script> & \"q\""
#define EVIL_ESC "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot;"

/* doc_docx_save, which must succeed and leave no .tmp. */
void docxtest_save_ok(const struct doc *d, const char *path);
/* Save d as a.docx in s with docxtest_save_ok; its path (s->path[0]). */
const char *docxtest_save(struct doctest_scratch *s, const struct doc *d);

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

/* The text of the .docx s->dir/name converted to PDF by LibreOffice, as
 * "pdftotext -layout" gives it (pages end with a form feed; caller frees),
 * leaving name.pdf and name.txt (name less ".docx") in s->dir. NULL, with
 * a "# SKIP" message, when soffice or pdftotext is not installed. */
char *docxtest_pdf_text(struct doctest_scratch *s, const char *name);

#endif
