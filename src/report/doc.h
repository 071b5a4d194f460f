/* doc: the small document model every report is built in, then rendered
 * to PDF (doc_pdf, cairo + pango), HTML (doc_html) and, later, DOCX. A
 * document is a list of blocks; text is UTF-8 and split into runs so a
 * part of a paragraph can be bold. Builders copy every string they get. */
#ifndef IKM_DOC_H
#define IKM_DOC_H

#include <stddef.h>

#define DOC_MAX_BLOCKS 4096 /* named limit: blocks in one document */
#define DOC_MAX_RUNS   64   /* named limit: runs in one paragraph */
#define DOC_MAX_ITEMS  64   /* named limit: items in one list */
#define DOC_MAX_LINES  8    /* named limit: letterhead address lines */

enum doc_block_kind {
	DOC_LETTERHEAD, /* kop surat: government, agency, address lines, rule */
	DOC_TITLE,      /* centred bold title */
	DOC_HEADING,    /* section heading (bold); `mark` draws a check mark */
	DOC_PARA,       /* a paragraph of runs, justified */
	DOC_LIST,       /* lettered (a., b., ...) or bulleted items, each a paragraph */
	DOC_SIGNATURE,  /* place and date, position, space, name, rank/NIP */
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
};

struct doc {
	char *title; /* document metadata title */
	struct doc_block *blocks;
	int nblocks;
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

#endif
