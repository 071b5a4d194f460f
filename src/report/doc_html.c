/* doc_html: see doc_html.h. Output is written with stdio as it is built;
 * write errors are collected by the stream and checked once at the end. */
#include "doc_html.h"
#include "figure_svg.h"
#include "logo.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

/* Printable on A4 with 2 cm margins; serif like the paper letter. The kop
 * surat rule is a thick line over a thin one. */
static const char css[] =
    "@page { size: A4; margin: 2cm; }\n"
    "html { background: #fff; color: #000; }\n"
    "body { font-family: \"Times New Roman\", Times, \"Liberation Serif\", \"DejaVu Serif\", "
    "serif;\n"
    "  font-size: 12pt; line-height: 1.5; max-width: 17cm; margin: 0 auto; padding: 1cm 0; }\n"
    "@media print { body { max-width: none; padding: 0; } }\n"
    ".letterhead { position: relative; text-align: center; line-height: 1.25;\n"
    "  padding: 0 0 6pt; margin: 0 0 18pt; border-bottom: 3px solid #000; }\n"
    ".letterhead::after { content: \"\"; position: absolute; left: 0; right: 0; bottom: -6px;\n"
    "  border-bottom: 1px solid #000; }\n"
    ".letterhead.has-logo { min-height: 2.4cm; padding: 0 2.8cm 6pt; display: flex;\n"
    "  flex-direction: column; justify-content: center; }\n"
    ".letterhead .logo { position: absolute; left: 0; top: 0; height: 2.4cm; width: auto;\n"
    "  max-width: 2.6cm; object-fit: contain; }\n"
    ".letterhead p { margin: 0; text-align: center; }\n"
    ".letterhead .government { font-size: 14pt; font-weight: bold; }\n"
    ".letterhead .agency { font-size: 16pt; font-weight: bold; }\n"
    ".letterhead .address { font-size: 10pt; }\n"
    "h1 { font-size: 12pt; font-weight: bold; text-align: center; margin: 12pt 0; }\n"
    "h2 { font-size: 12pt; font-weight: bold; margin: 12pt 0 6pt; break-after: avoid;\n"
    "  page-break-after: avoid; }\n"
    "p { margin: 0 0 6pt; text-align: justify; }\n"
    "ol, ul { margin: 0 0 6pt; padding-left: 2em; }\n"
    "li { text-align: justify; margin: 0 0 3pt; }\n"
    ".signature { margin: 24pt 0 0 50%; width: 50%; text-align: center; break-inside: avoid;\n"
    "  page-break-inside: avoid; }\n"
    ".signature p { margin: 0; text-align: center; white-space: pre-line; }\n"
    ".signature .sign-space { height: 2.5cm; }\n"
    ".signature .name { text-decoration: underline; }\n"
    ".cover { display: flex; flex-direction: column; align-items: center;\n"
    "  justify-content: space-between; min-height: 24cm; text-align: center;\n"
    "  break-before: page; page-break-before: always;\n"
    "  break-after: page; page-break-after: always; }\n"
    ".cover h1 { font-size: 16pt; line-height: 1.4; margin: 1cm 0 0; }\n"
    ".cover .logo { height: 4cm; width: auto; max-width: 8cm; object-fit: contain; }\n"
    ".cover .foot p { font-size: 14pt; font-weight: bold; margin: 0; text-align: center; }\n"
    "h1.chapter { font-size: 14pt; line-height: 1.4; margin: 36pt 0 24pt; }\n"
    ".page-break { height: 0; break-after: page; page-break-after: always; }\n"
    "@media screen { .page-break { border-top: 1px dashed #999; margin: 12pt 0; } }\n"
    "@media print { .cover { height: 25cm; min-height: 0; }\n"
    "  h1.chapter { margin-top: 0; break-before: page; page-break-before: always; } }\n"
    "table.data { width: 100%; border-collapse: collapse; table-layout: fixed;\n"
    "  margin: 6pt 0 12pt; font-size: 10pt; line-height: 1.25; }\n"
    "table.data.compact { font-size: 8pt; }\n"
    "table.data caption { font-weight: bold; text-align: center; padding: 0 0 4pt; }\n"
    "table.data th, table.data td { border: 1px solid #000; padding: 2pt 3pt;\n"
    "  vertical-align: top; overflow-wrap: break-word; }\n"
    "table.data th { background: #d9d9d9; text-align: center; vertical-align: middle;\n"
    "  -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
    "table.data thead { display: table-header-group; }\n"
    "table.data tr { break-inside: avoid; page-break-inside: avoid; }\n"
    "table.data td.center { text-align: center; }\n"
    "table.data td.right { text-align: right; }\n"
    "table.data tr.total td { font-weight: bold; }\n"
    "figure { margin: 12pt 0; text-align: center; break-inside: avoid; page-break-inside: avoid; "
    "}\n"
    "figure svg { max-width: 100%; height: auto; }\n"
    "figcaption { font-weight: bold; font-size: 11pt; margin: 4pt 0 0; }\n";

/* Page numbers at the foot of the printed page (CSS margin boxes; browsers
 * without them print none), and none on a cover that opens the document. */
static const char css_page_numbers[] =
    "@page { @bottom-center { content: counter(page); font-size: 10pt; } }\n";
static const char css_no_number_first[] = "@page :first { @bottom-center { content: none; } }\n";

/* Bytes escaped or dropped: the HTML specials, then the C0 controls other
 * than tab, line feed and carriage return, and DEL (never valid in HTML). */
static const char special[] = "&<>\"'"
			      "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
			      "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"
			      "\x7f";

#define CHECK_MARK "\xe2\x9c\x93 " /* U+2713 and a space */

/* Write s HTML-escaped (text and attribute values alike); NULL is "". */
static void put_esc(FILE *out, const char *s)
{
	if (s == NULL)
		return;
	for (;;) {
		size_t n = strcspn(s, special);

		fwrite(s, 1, n, out);
		s += n;
		switch (*s) {
		case '\0':
			return;
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&#39;", out);
			break;
		default: /* a control character: dropped */
			break;
		}
		s++;
	}
}

static void put_base64(FILE *out, const unsigned char *p, size_t n)
{
	static const char tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char buf[4096];
	size_t i, used = 0;
	unsigned long v;

	for (i = 0; i + 3 <= n; i += 3) {
		v = (unsigned long)p[i] << 16 | (unsigned long)p[i + 1] << 8 | p[i + 2];
		buf[used++] = tab[v >> 18 & 63];
		buf[used++] = tab[v >> 12 & 63];
		buf[used++] = tab[v >> 6 & 63];
		buf[used++] = tab[v & 63];
		if (used == sizeof(buf)) {
			fwrite(buf, 1, used, out);
			used = 0;
		}
	}
	if (n - i > 0) {
		v = (unsigned long)p[i] << 16;
		if (n - i == 2)
			v |= (unsigned long)p[i + 1] << 8;
		buf[used++] = tab[v >> 18 & 63];
		buf[used++] = tab[v >> 12 & 63];
		buf[used++] = n - i == 2 ? tab[v >> 6 & 63] : '=';
		buf[used++] = '=';
	}
	fwrite(buf, 1, used, out);
}

static void put_runs(FILE *out, const struct doc_para *p)
{
	for (int i = 0; i < p->nruns; i++) {
		const struct doc_run *r = &p->runs[i];

		if (r->text == NULL || r->text[0] == '\0')
			continue;
		if (r->bold)
			fputs("<strong>", out);
		put_esc(out, r->text);
		if (r->bold)
			fputs("</strong>", out);
	}
}

static int put_letterhead(FILE *out, const struct doc_block *k, struct ikm_err *err)
{
	static const char *const cls[3] = {"government", "agency", "address"};
	unsigned char *logo = NULL;
	size_t len = 0;

	if (k->logo != NULL && logo_read(k->logo, &logo, &len, NULL, NULL, err) != 0)
		return -1;
	fputs(logo != NULL ? "<header class=\"letterhead has-logo\">\n"
	                   : "<header class=\"letterhead\">\n",
	      out);
	if (logo != NULL) {
		/* Alt text names whose logo it is: the government, else the agency. */
		const char *owner = k->nlines > 0 && k->lines[0][0] != '\0' ? k->lines[0]
		                    : k->nlines > 1                         ? k->lines[1]
		                                                            : "";

		fputs("<img class=\"logo\" alt=\"Logo", out);
		if (owner[0] != '\0') {
			fputc(' ', out);
			put_esc(out, owner);
		}
		fputs("\" src=\"data:image/png;base64,", out);
		put_base64(out, logo, len);
		fputs("\">\n", out);
		free(logo);
	}
	for (int i = 0; i < k->nlines; i++) {
		if (k->lines[i] == NULL || k->lines[i][0] == '\0')
			continue;
		fprintf(out, "<p class=\"%s\">", cls[i < 2 ? i : 2]);
		put_esc(out, k->lines[i]);
		fputs("</p>\n", out);
	}
	fputs("</header>\n", out);
	return 0;
}

/* Place and date, position, room to sign, name (bold, underlined),
 * rank/NIP; empty parts are left out, the room to sign never is. */
static void put_signature(FILE *out, const struct doc_block *k)
{
	static const char *const cls[4] = {"place-date", "position", "name", "nip"};

	fputs("<footer class=\"signature\">\n", out);
	for (int i = 0; i < 4; i++) {
		const char *s = i < k->nlines ? k->lines[i] : NULL;

		if (i == 2)
			fputs("<div class=\"sign-space\" aria-hidden=\"true\"></div>\n", out);
		if (s == NULL || s[0] == '\0')
			continue;
		fprintf(out, "<p class=\"%s\">%s", cls[i], i == 2 ? "<strong>" : "");
		put_esc(out, s);
		fprintf(out, "%s</p>\n", i == 2 ? "</strong>" : "");
	}
	fputs("</footer>\n", out);
}

static void put_list(FILE *out, const struct doc_block *k)
{
	int lettered = k->style == DOC_LIST_LETTERED;

	if (k->nitems == 0)
		return;
	fputs(lettered ? "<ol type=\"a\">\n" : "<ul>\n", out);
	for (int i = 0; i < k->nitems; i++) {
		fputs("<li>", out);
		put_runs(out, &k->items[i]);
		fputs("</li>\n", out);
	}
	fputs(lettered ? "</ol>\n" : "</ul>\n", out);
}

/* A data: URI of the logo PNG at path (the img src and alt written by the
 * caller around it). */
static int put_logo_src(FILE *out, const char *path, struct ikm_err *err)
{
	unsigned char *logo = NULL;
	size_t len = 0;

	if (logo_read(path, &logo, &len, NULL, NULL, err) != 0)
		return -1;
	fputs("data:image/png;base64,", out);
	put_base64(out, logo, len);
	free(logo);
	return 0;
}

/* A cover page: the title lines in one h1, the logo, the foot lines; it
 * fills the printed page and breaks after it (CSS). */
static int put_cover(FILE *out, const struct doc_block *k, struct ikm_err *err)
{
	fputs("<section class=\"cover\">\n<h1>", out);
	for (int i = 0; i < k->ntop; i++) {
		fputs(i > 0 ? "<br>" : "", out);
		put_esc(out, k->lines[i]);
	}
	fputs("</h1>\n", out);
	if (k->logo != NULL) {
		fputs("<img class=\"logo\" alt=\"Logo", out);
		if (k->nlines > k->ntop) {
			fputc(' ', out);
			put_esc(out, k->lines[k->ntop]);
		}
		fputs("\" src=\"", out);
		if (put_logo_src(out, k->logo, err) != 0)
			return -1;
		fputs("\">\n", out);
	}
	fputs("<div class=\"foot\">\n", out);
	for (int i = k->ntop; i < k->nlines; i++) {
		fputs("<p>", out);
		put_esc(out, k->lines[i]);
		fputs("</p>\n", out);
	}
	fputs("</div>\n</section>\n", out);
	return 0;
}

/* A chapter: label and title on two lines of one h1, on a new page when
 * printed (CSS). */
static void put_chapter(FILE *out, const struct doc_block *k, int n)
{
	const char *title = k->nlines > 0 ? k->lines[0] : "";

	fprintf(out, "<h1 class=\"chapter\" id=\"c%d\">", n);
	if (k->text[0] != '\0') {
		fputs("<span class=\"label\">", out);
		put_esc(out, k->text);
		fputs("</span>", out);
	}
	if (k->text[0] != '\0' && title[0] != '\0')
		fputs("<br>", out);
	if (title[0] != '\0') {
		fputs("<span class=\"title\">", out);
		put_esc(out, title);
		fputs("</span>", out);
	}
	fputs("</h1>\n", out);
}

/* A ruled table: caption, column widths as percentages of the table, one
 * thead (which browsers repeat on every printed page), the body rows with
 * their alignment, bold total rows. */
static void put_table(FILE *out, const struct doc_block *k)
{
	static const char *const td[] = {"<td>", "<td class=\"center\">", "<td class=\"right\">"};
	const struct doc_table *t = k->table;
	double sum = 0;
	long used = 0;

	fputs(t->compact ? "<table class=\"data compact\">\n" : "<table class=\"data\">\n", out);
	if (k->text[0] != '\0') {
		fputs("<caption>", out);
		put_esc(out, k->text);
		fputs("</caption>\n", out);
	}
	for (int c = 0; c < t->ncols; c++)
		sum += t->width[c];
	/* Widths in hundredths of a percent, printed without the locale's
	 * decimal separator; the last column takes what is left. */
	fputs("<colgroup>", out);
	for (int c = 0; c < t->ncols; c++) {
		long w = c + 1 < t->ncols ? (long)(10000 * t->width[c] / sum + 0.5) : 10000 - used;

		w = w < 0 ? 0 : w;
		used += w;
		fprintf(out, "<col style=\"width: %ld.%02ld%%\">", w / 100, w % 100);
	}
	fputs("</colgroup>\n<thead>\n<tr>", out);
	for (int c = 0; c < t->ncols; c++) {
		fputs("<th scope=\"col\">", out);
		put_esc(out, t->head[c]);
		fputs("</th>", out);
	}
	fputs("</tr>\n</thead>\n<tbody>\n", out);
	for (int r = 0; r < t->nrows; r++) {
		const size_t base = (size_t)r * (size_t)t->ncols;

		fputs(t->bold[r] ? "<tr class=\"total\">" : "<tr>", out);
		for (int c = 0; c < t->ncols; c++) {
			fputs(td[t->align[c]], out);
			put_esc(out, t->cell[base + (size_t)c]);
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody>\n</table>\n", out);
}

/* A figure: the drawing as inline SVG (its ids prefixed "fN-" so figures
 * do not collide), labelled by its caption, the caption under it. */
static int put_figure(FILE *out, const struct doc_block *k, int n, struct ikm_err *err)
{
	char prefix[24], *svg = NULL;
	size_t len = 0;

	snprintf(prefix, sizeof(prefix), "f%d-", n);
	if (figure_svg(k->figure, prefix, &svg, &len, err) != 0)
		return -1;
	fputs("<figure>\n<svg role=\"img\" aria-label=\"", out);
	put_esc(out, k->text[0] != '\0' ? k->text : "Gambar");
	fputc('"', out);
	fwrite(svg + 4, 1, len - 4, out); /* after "<svg" */
	if (len > 4 && svg[len - 1] != '\n')
		fputc('\n', out);
	free(svg);
	if (k->text[0] != '\0') {
		fputs("<figcaption>", out);
		put_esc(out, k->text);
		fputs("</figcaption>\n", out);
	}
	fputs("</figure>\n", out);
	return 0;
}

/* Write the whole document; write errors are left on the stream. */
static int render(const struct doc *d, FILE *out, struct ikm_err *err)
{
	int in_section = 0, nsection = 0, nchapter = 0, nfigure = 0;
	int top = 1, brk = 0; /* at the top of a page; a page break pending */

	fputs("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
	      out);
	put_esc(out, doc_display_title(d));
	fprintf(out, "</title>\n<style>\n%s", css);
	if (d->page_numbers) {
		fputs(css_page_numbers, out);
		if (d->nblocks > 0 && d->blocks[0].kind == DOC_COVER)
			fputs(css_no_number_first, out);
	}
	fputs("</style>\n</head>\n<body>\n<main>\n<article>\n", out);
	for (int b = 0; b < d->nblocks; b++) {
		const struct doc_block *k = &d->blocks[b];

		/* A page break is held until a block follows that does not
		 * start a page of its own (chapter, cover: CSS breaks before
		 * them), so none leaves an empty page. */
		if (k->kind == DOC_PAGEBREAK) {
			brk = brk || !top;
			continue;
		}
		/* A heading opens a section that runs to the next heading or
		 * to a block of the letter itself (letterhead, title, signature)
		 * or of the report's frame (cover, chapter). */
		if (in_section && k->kind != DOC_PARA && k->kind != DOC_LIST &&
		    k->kind != DOC_TABLE && k->kind != DOC_FIGURE) {
			fputs("</section>\n", out);
			in_section = 0;
		}
		if (brk && k->kind != DOC_CHAPTER && k->kind != DOC_COVER)
			fputs("<div class=\"page-break\" aria-hidden=\"true\"></div>\n", out);
		brk = 0;
		top = 0;
		switch (k->kind) {
		case DOC_LETTERHEAD:
			if (put_letterhead(out, k, err) != 0)
				return -1;
			break;
		case DOC_TITLE:
			fputs("<h1>", out);
			put_esc(out, k->text);
			fputs("</h1>\n", out);
			break;
		case DOC_HEADING:
			nsection++;
			in_section = 1;
			fprintf(out, "<section aria-labelledby=\"s%d\">\n<h2 id=\"s%d\">", nsection,
			        nsection);
			if (k->mark)
				fputs("<span class=\"mark\" aria-hidden=\"true\">" CHECK_MARK
				      "</span>",
				      out);
			put_esc(out, k->text);
			fputs("</h2>\n", out);
			break;
		case DOC_PARA:
			fputs("<p>", out);
			put_runs(out, &k->para);
			fputs("</p>\n", out);
			break;
		case DOC_LIST:
			put_list(out, k);
			break;
		case DOC_SIGNATURE:
			put_signature(out, k);
			break;
		case DOC_COVER:
			if (put_cover(out, k, err) != 0)
				return -1;
			top = 1; /* the cover breaks the page after it */
			break;
		case DOC_CHAPTER:
			put_chapter(out, k, ++nchapter);
			break;
		case DOC_TABLE:
			put_table(out, k);
			break;
		case DOC_FIGURE:
			if (put_figure(out, k, ++nfigure, err) != 0)
				return -1;
			break;
		case DOC_PAGEBREAK:
			break; /* handled above */
		}
	}
	if (in_section)
		fputs("</section>\n", out);
	fputs("</article>\n</main>\n</body>\n</html>\n", out);
	return 0;
}

/* Flush out and report a write error it saw; 0 or an errno (EIO when the
 * stream only has its error flag). */
static int flush_error(FILE *out)
{
	if (fflush(out) != 0)
		return errno != 0 ? errno : EIO;
	return ferror(out) ? EIO : 0;
}

int doc_html_write(const struct doc *d, FILE *out, struct ikm_err *err)
{
	int e;

	if (render(d, out, err) != 0)
		return -1;
	e = flush_error(out);
	if (e != 0)
		return err_set(err, IKM_EIO, "gagal menulis HTML / cannot write HTML: %s",
		               strerror(e));
	return 0;
}

int doc_html_save(const struct doc *d, const char *path, struct ikm_err *err)
{
	size_t n = strlen(path);
	char *tmp = xmalloc(n + sizeof(".tmp"));
	FILE *f = NULL;
	int fd, e;

	memcpy(tmp, path, n);
	memcpy(tmp + n, ".tmp", sizeof(".tmp"));
	/* O_NOFOLLOW: never write through a symlink planted at path.tmp. */
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (fd < 0) {
		err_set(err, IKM_EIO, "%s: tidak dapat ditulis / cannot write: %s", path,
		        strerror(errno));
		free(tmp);
		return -1;
	}
	f = fdopen(fd, "w");
	if (f == NULL) {
		err_set(err, IKM_EIO, "%s: tidak dapat ditulis / cannot write: %s", path,
		        strerror(errno));
		close(fd);
		goto fail;
	}
	if (render(d, f, err) != 0) {
		err_prefix(err, "%s: ", path);
		goto fail;
	}
	e = flush_error(f);
	if (e == 0 && fsync(fileno(f)) != 0)
		e = errno;
	if (fclose(f) != 0 && e == 0)
		e = errno;
	f = NULL;
	if (e != 0) {
		err_set(err, IKM_EIO, "%s: gagal menulis / write failed: %s", path, strerror(e));
		goto fail;
	}
	if (rename(tmp, path) != 0) {
		err_set(err, IKM_EIO, "%s: tidak dapat diganti / cannot replace: %s", path,
		        strerror(errno));
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	if (f != NULL)
		fclose(f);
	remove(tmp);
	free(tmp);
	return -1;
}
