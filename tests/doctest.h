/* doctest: what the tests of the document renderers (doc_html, doc_docx,
 * doc_pdf) share: a scratch directory and small file helpers, a 1x1 PNG,
 * a test drawing, and the documents every renderer is tested on — the
 * Laporan SKM shape (cover, chapters, a long table, figures, page numbers)
 * and a run of page breaks. Failures go through cmocka's asserts: include
 * after <cmocka.h>. */
#ifndef IKM_DOCTEST_H
#define IKM_DOCTEST_H

#include <cairo.h>
#include <stddef.h>

#include "doc.h"

/* Text with markup in it, and how HTML and WordprocessingML escape it. */
#define DOCTEST_NASTY     "<b>&amp;\"x\"</b>"
#define DOCTEST_NASTY_ESC "&lt;b&gt;&amp;amp;&quot;x&quot;&lt;/b&gt;"

/* A valid 1x1 8-bit grayscale PNG (CRCs checked with python3 zlib) and its
 * base64 (python3 base64.b64encode). */
extern const unsigned char doctest_png_1x1[67];
#define DOCTEST_PNG_B64                                                                            \
	"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR42mP4DwABAQEAHLCMmQAAAABJRU5ErkJg" \
	"gg=="

/* A scratch directory under /tmp with a few named paths in it. */
#define DOCTEST_SLOTS 4
struct doctest_scratch {
	char dir[64];
	char path[DOCTEST_SLOTS][160];
};

void doctest_scratch_init(struct doctest_scratch *s);
/* dir/name, kept in s->path[slot] (until the next call for that slot). */
const char *doctest_scratch_path(struct doctest_scratch *s, int slot, const char *name);
/* Remove the directory and everything in it; fails when a *.tmp file was
 * left in it (a save that did not clean up after itself). */
void doctest_scratch_done(struct doctest_scratch *s);
/* cmocka setup and teardown: *state is a new struct doctest_scratch,
 * initialised, then done and freed. */
int doctest_setup(void **state);
int doctest_teardown(void **state);
/* A cmocka test f run with a scratch directory in *state. */
#define doctest_unit_test(f) cmocka_unit_test_setup_teardown(f, doctest_setup, doctest_teardown)

/* Whether anything (a link too) is at path. */
int doctest_exists(const char *path);
/* Fail when path.tmp exists. */
void doctest_assert_no_tmp(const char *path);
void doctest_write_file(const char *path, const void *data, size_t len);
/* The whole file at path as a NUL-terminated string (caller frees). */
char *doctest_read_file(const char *path);

/* A figure's drawing: a rectangle, the text GAMBAR-UJI across the box and a
 * clip (so an SVG of it defines and references a clip path). */
void doctest_draw(cairo_t *cr, double w, double h, const void *data);
/* A table of rows numbered rows, columns No, Unit ("Unit R001" ...), Nilai,
 * Keterangan (empty but DOCTEST_NASTY in row 7); the header of the second
 * column is head2; then a bold row "", JUMLAH, 88,50, "". */
void doctest_add_table(struct doc *d, const char *caption, const char *head2, int rows,
                       int compact);

#define DOCTEST_TABLE_ROWS 300 /* rows of the table of doctest_report */

/* The Laporan SKM shape, page numbers on: a cover (title lines LAPORAN,
 * SURVEI KEPUASAN MASYARAKAT, SEMESTER I TAHUN 2022; logo when not NULL;
 * foot lines DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL, KOTA MOJOKERTO,
 * 2022), BAB I PENDAHULUAN with the heading "1.1 Latar Belakang", a
 * paragraph, the table "Tabel 1.1 Nilai per unit " DOCTEST_NASTY of
 * DOCTEST_TABLE_ROWS rows headed KEPALA-UJI and the figure "Gambar 1.1
 * Grafik " DOCTEST_NASTY (400 x 200 pt), then BAB II HASIL SURVEI with the
 * figure "Gambar 2.1 Profil responden" (300 x 150 pt). */
struct doc *doctest_report(const char *logo);
/* Page breaks where none is due: at the top, twice in a row, before a
 * chapter, before and after a cover, at the end; between paragraphs satu,
 * dua (break), BAB I, tiga, the cover JUDUL, empat. */
struct doc *doctest_breaks(void);

#endif
