/* pdftest: helpers shared by the PDF renderer tests (test_doc_pdf.c,
 * test_doc_pdf_table.c): poppler-utils output (pdftotext text, pages and
 * word boxes), page numbers, a check that words stay inside the margins,
 * temporary directories. Failures go through cmocka's asserts: include
 * after <cmocka.h>. */
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
/* Occurrences of needle in hay. */
int pdftest_count(const char *hay, const char *needle);
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
/* A new temporary directory in dir; pdftest_rmdir removes it and its files. */
void pdftest_mkdir(char *dir, size_t size);
void pdftest_rmdir(const char *dir);

#endif
