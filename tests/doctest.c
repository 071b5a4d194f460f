/* doctest: see doctest.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "doctest.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const unsigned char doctest_png_1x1[67] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00,
    0x00, 0x3a, 0x7e, 0x9b, 0x55, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78,
    0xda, 0x63, 0xf8, 0x0f, 0x00, 0x01, 0x01, 0x01, 0x00, 0x1c, 0xb0, 0x8c, 0x99, 0x00,
    0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

void doctest_scratch_init(struct doctest_scratch *s)
{
	memset(s, 0, sizeof(*s));
	snprintf(s->dir, sizeof(s->dir), "/tmp/ikm-doctest.XXXXXX");
	assert_non_null(mkdtemp(s->dir));
}

const char *doctest_scratch_path(struct doctest_scratch *s, int slot, const char *name)
{
	char buf[sizeof(s->path[0])]; /* not straight into s: the compiler sees s->dir overlap */

	assert_true(slot >= 0 && slot < DOCTEST_SLOTS);
	snprintf(buf, sizeof(buf), "%s/%s", s->dir, name);
	memcpy(s->path[slot], buf, sizeof(buf));
	return s->path[slot];
}

/* Remove dir and everything below it; how many *.tmp files were there. */
static int remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int tmps = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		char path[512];
		size_t n = strlen(e->d_name);
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		tmps += n > 4 && strcmp(e->d_name + n - 4, ".tmp") == 0;
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			tmps += remove_tree(path);
		else
			assert_int_equal(unlink(path), 0);
	}
	closedir(d);
	assert_int_equal(rmdir(dir), 0);
	return tmps;
}

void doctest_scratch_done(struct doctest_scratch *s)
{
	int tmps = remove_tree(s->dir);

	if (tmps != 0)
		fail_msg("%d .tmp file(s) left in %s", tmps, s->dir);
}

int doctest_setup(void **state)
{
	struct doctest_scratch *s = malloc(sizeof(*s));

	if (s == NULL)
		return -1;
	doctest_scratch_init(s);
	*state = s;
	return 0;
}

int doctest_teardown(void **state)
{
	struct doctest_scratch *s = *state;

	doctest_scratch_done(s);
	free(s);
	return 0;
}

int doctest_exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

void doctest_assert_no_tmp(const char *path)
{
	char tmp[256];

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if (doctest_exists(tmp))
		fail_msg("%s left behind", tmp);
}

void doctest_write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

char *doctest_read_file(const char *path)
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
	assert_int_equal(ferror(f), 0);
	fclose(f);
	buf[len] = '\0';
	return buf;
}

void doctest_draw(cairo_t *cr, double w, double h, const void *data)
{
	(void)data;
	cairo_set_source_rgb(cr, 0.2, 0.4, 0.8);
	cairo_rectangle(cr, 10, 10, w / 2, h / 2);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
	cairo_set_font_size(cr, 14);
	cairo_move_to(cr, 20, h - 20);
	cairo_show_text(cr, "GAMBAR-UJI");
	cairo_rectangle(cr, 0, 0, w / 3, h / 3);
	cairo_clip(cr);
	cairo_paint_with_alpha(cr, 0.2);
}

void doctest_add_table(struct doc *d, const char *caption, const char *head2, int rows, int compact)
{
	static const double width[] = {1, 4, 2, 3};
	static const enum doc_align align[] = {DOC_ALIGN_CENTER, DOC_ALIGN_LEFT, DOC_ALIGN_RIGHT,
	                                       DOC_ALIGN_LEFT};
	const char *head[] = {"No", head2, "Nilai", "Keterangan"};

	doc_table(d, caption, 4, head, width, align, compact);
	for (int r = 1; r <= rows; r++) {
		char no[16], unit[32], nilai[16];

		snprintf(no, sizeof(no), "%d", r);
		snprintf(unit, sizeof(unit), "Unit R%03d", r);
		snprintf(nilai, sizeof(nilai), "%d,%02d", 60 + r % 40, r % 100);
		doc_row(d, (const char *const[]){no, unit, nilai, r == 7 ? DOCTEST_NASTY : NULL},
		        0);
	}
	doc_row(d, (const char *const[]){"", "JUMLAH", "88,50", ""}, 1);
}

struct doc *doctest_report(const char *logo)
{
	/* The empty line is left out of the cover. */
	static const char *const top[] = {"LAPORAN", "SURVEI KEPUASAN MASYARAKAT", NULL,
	                                  "SEMESTER I TAHUN 2022"};
	static const char *const foot[] = {"DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
	                                   "KOTA MOJOKERTO", "2022"};
	struct doc *d = doc_new("Laporan SKM 2022");

	d->page_numbers = 1;
	doc_cover(d, top, 4, foot, 3, logo);
	doc_chapter(d, "BAB I", "PENDAHULUAN");
	doc_heading(d, "1.1 Latar Belakang", 0);
	doc_para(d);
	doc_text(d, "Survei dilaksanakan pada semester I.", 0);
	doctest_add_table(d, "Tabel 1.1 Nilai per unit " DOCTEST_NASTY, "KEPALA-UJI",
	                  DOCTEST_TABLE_ROWS, 0);
	doc_figure(d, "Gambar 1.1 Grafik " DOCTEST_NASTY, 400, 200, doctest_draw, NULL, NULL);
	doc_chapter(d, "BAB II", "HASIL SURVEI");
	doc_figure(d, "Gambar 2.1 Profil responden", 300, 150, doctest_draw, NULL, NULL);
	return d;
}

struct doc *doctest_breaks(void)
{
	struct doc *d = doc_new("t");

	doc_pagebreak(d); /* the top of the first page: nothing */
	doc_para(d);
	doc_text(d, "satu", 0);
	doc_pagebreak(d);
	doc_pagebreak(d); /* the same break twice: one */
	doc_para(d);
	doc_text(d, "dua", 0);
	doc_pagebreak(d); /* before a chapter: the chapter's own */
	doc_chapter(d, "BAB I", "");
	doc_para(d);
	doc_text(d, "tiga", 0);
	doc_pagebreak(d); /* before a cover: the cover's own */
	doc_cover(d, (const char *const[]){"JUDUL"}, 1, NULL, 0, NULL);
	doc_pagebreak(d); /* after a cover: the cover's own */
	doc_para(d);
	doc_text(d, "empat", 0);
	doc_pagebreak(d); /* at the end: nothing */
	return d;
}
