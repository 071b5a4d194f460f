/* doc_pdf_int: what the files of the PDF renderer share (doc_pdf.c, the
 * page flow and text blocks; doc_pdf_table.c, ruled tables). Internal: no
 * other module includes it. */
#ifndef IKM_DOC_PDF_INT_H
#define IKM_DOC_PDF_INT_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "doc.h"

#define PT_PER_CM    (72.0 / 2.54)
#define PAGE_W       595.276 /* A4 in points */
#define PAGE_H       841.890
#define MARGIN_L     (2.5 * PT_PER_CM)
#define MARGIN_R     (2.0 * PT_PER_CM)
#define MARGIN_T     (2.0 * PT_PER_CM)
#define MARGIN_B     (2.0 * PT_PER_CM)
#define TEXT_W       (PAGE_W - MARGIN_L - MARGIN_R)
#define TEXT_H       (PAGE_H - MARGIN_T - MARGIN_B)
#define BODY_FONT    "DejaVu Serif"
#define BODY_SIZE    11
#define CAPTION_SIZE 10 /* table and figure captions, bold, centred */

struct pdf {
	cairo_t *cr;
	cairo_surface_t *surface;
	double y;          /* next free vertical position */
	int page_used;     /* something is drawn on the current page */
	int cover;         /* the current page is a cover page: no number */
	int break_pending; /* the next block starts a new page (after a cover) */
	int page_numbers;  /* draw numbers at the foot (struct doc.page_numbers) */
	int pageno;        /* numbered (non-cover) pages finished so far */
};

/* Finish the current page (its number, when on) and start the next. */
void doc_pdf_new_page(struct pdf *p);

/* Draw the text (plain, not markup) centred over the text width, in the
 * body font at size, bold or not; advances p->y, breaking pages by line. */
void doc_pdf_centred(struct pdf *p, const char *text, double size, int bold);

/* Height doc_pdf_centred would take for the same text. */
double doc_pdf_centred_height(struct pdf *p, const char *text, double size, int bold);

/* A ruled table (DOC_TABLE): caption, header row repeated on every page,
 * rows kept whole. */
void doc_pdf_table(struct pdf *p, const struct doc_block *k);

#endif
