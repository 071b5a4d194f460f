/* pdftest: helpers shared by the tests that write PDF (test_doc_pdf.c,
 * test_doc_pdf_table.c, test_chart.c, test_infographic.c): a command's
 * output, poppler-utils output (pdftotext text, pdfinfo, pdffonts, pages
 * and word boxes), page numbers, a check that words stay inside the
 * margins. Failures go through cmocka's asserts: include after
 * <cmocka.h>. */
#ifndef IKM_PDFTEST_H
#define IKM_PDFTEST_H

#include <stddef.h>

/* A word of pdftotext -bbox: page (from 0) and box in points. */
struct pdftest_word {
	int page;
	double x0, y0, x1, y1;
	char text[128];
};

/* Output of a command, whole, as a new string (caller frees); *status is
 * its exit status. */
char *pdftest_run(const char *cmd, int *status);
/* pdftotext of path with options mode ("", "-raw") as a new string. */
char *pdftest_text(const char *path, const char *mode);
/* Fail unless the PDF at path is one A4 page with the title title (pdfinfo)
 * and every font embedded, one of them font (pdffonts). */
void pdftest_assert_a4_page(const char *path, const char *title, const char *font);
/* The output of the shell command fmt (as printf; say 2>&1 for errors too)
 * as a new string; fails, showing it, unless the command exits 0. */
char *pdftest_cmd(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Split pdftotext output at its form feeds (one after every page), in
 * place, into pages[0..max); returns the number of pages. */
int pdftest_pages(char *text, char **pages, int max);
/* The numbers standing alone on a line of page text (page numbers): how
 * many, the first max of them in nums. */
int pdftest_lone_numbers(const char *page, int *nums, int max);
/* Words with their boxes (pdftotext -bbox), a new array of *n. */
struct pdftest_word *pdftest_words(const char *path, int *n);
/* Fail unless every word is inside the text area of doc_pdf's pages, but
 * page numbers (alone, centred, in the bottom margin clear of the edge).
 * Returns how many page numbers. */
int pdftest_check_inside(const struct pdftest_word *w, int n);

#endif
