/* doc: the small document model every report is built in, then rendered
 * to PDF (doc_pdf, cairo + pango), HTML (doc_html) and DOCX (doc_docx). A
 * document is a list of blocks; text is UTF-8 and split into runs so a
 * part of a paragraph can be bold. Builders copy every string they get. */
#ifndef IKM_DOC_H
#define IKM_DOC_H

#include <cairo.h>
#include <stddef.h>

#define DOC_MAX_BLOCKS 4096   /* named limit: blocks in one document */
#define DOC_MAX_RUNS   64     /* named limit: runs in one paragraph */
#define DOC_MAX_ITEMS  64     /* named limit: items in one list */
#define DOC_MAX_LINES  8      /* named limit: letterhead address lines */
#define DOC_MAX_COLS   40     /* named limit: columns of one table */
#define DOC_MAX_ROWS   200000 /* named limit: body rows of one table */

enum doc_block_kind {
	DOC_LETTERHEAD, /* kop surat: government, agency, address lines, rule */
	DOC_TITLE,      /* centred bold title */
	DOC_HEADING,    /* section heading (bold); `mark` draws a check mark */
	DOC_PARA,       /* a paragraph of runs, justified */
	DOC_LIST,       /* lettered (a., b., ...) or bulleted items, each a paragraph */
	DOC_SIGNATURE,  /* place and date, position, space, name, rank/NIP */
	DOC_COVER,      /* a cover page of its own: title lines, logo, foot lines */
	DOC_CHAPTER,    /* a chapter ("BAB I" / "PENDAHULUAN"), starting a new page */
	DOC_PAGEBREAK,  /* the next block starts a new page */
	DOC_TABLE,      /* a ruled table with a caption above and a header row that
	                   repeats on every page the table spans */
	DOC_FIGURE,     /* a drawing (chart) w x h points, captioned below */
};

enum doc_align { DOC_ALIGN_LEFT, DOC_ALIGN_CENTER, DOC_ALIGN_RIGHT };

/* Draws a figure into the box (0, 0)-(w, h) of cr, in points. Renderers
 * call it for a PDF page, an SVG (HTML) or a PNG (DOCX) surface. */
typedef void (*doc_draw_fn)(cairo_t *cr, double w, double h, const void *data);

struct doc_table {
	int ncols;
	char *head[DOC_MAX_COLS];           /* header cells */
	double width[DOC_MAX_COLS];         /* relative column widths, > 0 */
	enum doc_align align[DOC_MAX_COLS]; /* body cell alignment (headers centred) */
	int compact;                        /* smaller type for wide/long tables */
	int nrows, cap;
	char **cell;         /* nrows * ncols, row-major, never NULL */
	unsigned char *bold; /* per row: 1 = a bold (total) row */
};

struct doc_figure {
	double w, h; /* size in points (A4 text width is about 453 pt) */
	doc_draw_fn draw;
	void *data; /* owned; freed with free_data (or free) */
	void (*free_data)(void *);
};

enum doc_list_style { DOC_LIST_LETTERED, DOC_LIST_BULLET };

struct doc_run {
	char *text;
	int bold;
};

struct doc_para {
	struct doc_run runs[DOC_MAX_RUNS];
	int nruns;
};

struct doc_block {
	enum doc_block_kind kind;
	/* DOC_TITLE, DOC_HEADING: text; DOC_HEADING: mark */
	char *text;
	int mark;
	/* DOC_PARA */
	struct doc_para para;
	/* DOC_LIST */
	enum doc_list_style style;
	struct doc_para *items;
	int nitems;
	/* DOC_LETTERHEAD: lines[0] government, lines[1] agency, then address
	 * lines; logo is a PNG path or NULL. DOC_SIGNATURE: lines are place
	 * and date, position, name, rank/NIP (empty strings skipped). */
	char *lines[DOC_MAX_LINES];
	int nlines;
	char *logo;
	/* DOC_COVER: lines[0..ntop) are the title lines (large, bold, at the
	 * top), lines[ntop..nlines) the foot lines (bold, at the bottom); logo
	 * (PNG path or NULL) sits between them. DOC_CHAPTER: text is the label
	 * ("BAB I"), lines[0] the chapter title ("PENDAHULUAN"). */
	int ntop;
	/* DOC_TABLE, DOC_FIGURE: text is the caption, may be empty. */
	struct doc_table *table;
	struct doc_figure *figure;
};

struct doc {
	char *title; /* document metadata title */
	struct doc_block *blocks;
	int nblocks;
	/* Page numbers at the foot of every page but the cover (PDF, DOCX). */
	int page_numbers;
};

/* A new empty document; free with doc_free. Never NULL. */
struct doc *doc_new(const char *title);
/* Free; NULL is fine. */
void doc_free(struct doc *d);

/* The title to show as metadata: the document title, else the first
 * title block, else "Dokumen". Never NULL. */
const char *doc_display_title(const struct doc *d);

/* Letterhead: government and agency names, address lines (NULL or empty
 * ones skipped), logo PNG path or NULL. */
void doc_letterhead(struct doc *d, const char *government, const char *agency,
                    const char *const *lines, int nlines, const char *logo);
void doc_title(struct doc *d, const char *text);
void doc_heading(struct doc *d, const char *text, int mark);

/* Paragraphs: start one, add runs, and it ends when another block starts. */
void doc_para(struct doc *d);
/* Add a run to the current paragraph or list item. */
void doc_text(struct doc *d, const char *text, int bold);

/* Lists: start one, then doc_item() begins each item (add runs with
 * doc_text). */
void doc_list(struct doc *d, enum doc_list_style style);
void doc_item(struct doc *d);

/* Signature block: place and date, position, name, rank/NIP (NULL or
 * empty parts are left out). */
void doc_signature(struct doc *d, const char *place_date, const char *position, const char *name,
                   const char *rank_nip);

/* A cover page: title lines at the top, the logo (PNG path or NULL) in the
 * middle, foot lines at the bottom (NULL or empty lines skipped). The next
 * block starts a new page. */
void doc_cover(struct doc *d, const char *const *top, int ntop, const char *const *foot, int nfoot,
               const char *logo);
/* A chapter on a new page: label ("BAB I") and title ("PENDAHULUAN"). */
void doc_chapter(struct doc *d, const char *label, const char *title);
void doc_pagebreak(struct doc *d);

/* A table: caption (may be NULL), ncols columns with header cells,
 * relative widths and body alignment. Add rows with doc_row. */
void doc_table(struct doc *d, const char *caption, int ncols, const char *const *head,
               const double *width, const enum doc_align *align, int compact);
/* Append a body row of ncols cells (NULL cells are empty) to the table just
 * started; bold marks a total row. */
void doc_row(struct doc *d, const char *const *cells, int bold);

/* A figure of w x h points drawn by draw(data); the document owns data and
 * frees it with free_data (NULL: free). caption may be NULL. */
void doc_figure(struct doc *d, const char *caption, double w, double h, doc_draw_fn draw,
                void *data, void (*free_data)(void *));

#endif
