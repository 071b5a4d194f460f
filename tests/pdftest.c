/* pdftest: see pdftest.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pdftest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_pdf_int.h" /* page geometry */
#include "testutil.h"

/* Output of a command, whole, as a new string (caller frees); *status is
 * its exit status. */
char *pdftest_run(const char *cmd, int *status)
{
	FILE *p = popen(cmd, "r");
	size_t cap = 65536, len = 0, n;
	char *buf = malloc(cap);

	assert_non_null(p);
	assert_non_null(buf);
	while ((n = fread(buf + len, 1, cap - len - 1, p)) > 0) {
		len += n;
		if (len + 1 == cap) {
			cap *= 2;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
	}
	buf[len] = '\0';
	*status = pclose(p);
	return buf;
}

char *pdftest_cmd(const char *fmt, ...)
{
	char cmd[1024];
	char *out;
	va_list ap;
	int n, st;

	va_start(ap, fmt);
	n = vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	assert_true(n >= 0 && (size_t)n < sizeof(cmd));
	out = pdftest_run(cmd, &st);
	if (st != 0)
		fail_msg("%s: exit %d: %.2000s", cmd, st, out);
	return out;
}

/* pdftotext of path (mode "" or "-raw" ...) as a new string. */
char *pdftest_text(const char *path, const char *mode)
{
	return pdftest_cmd("pdftotext %s %s - 2>&1", mode, path);
}

void pdftest_assert_a4_page(const char *path, const char *title, const char *font)
{
	char *out = pdftest_cmd("pdfinfo %s 2>&1", path);

	assert_contains(out, "Pages:           1\n");
	assert_contains(out, "595.276 x 841.89 pts (A4)");
	assert_contains(out, title);
	free(out);
	out = pdftest_cmd("pdffonts %s 2>&1", path);
	assert_contains(out, font);
	/* Every font embedded: the "emb" column says yes. */
	assert_null(strstr(out, " no  "));
	free(out);
}

/* Split pdftotext output at its form feeds (one after every page), in
 * place; returns the number of pages. */
int pdftest_pages(char *text, char **pages, int max)
{
	int n = 0;

	for (char *s = text, *ff; n < max && (ff = strchr(s, '\f')) != NULL; s = ff + 1) {
		*ff = '\0';
		pages[n++] = s;
	}
	return n;
}

/* The numbers standing alone on a line of page text (page numbers): how
 * many, the first max of them in nums. */
int pdftest_lone_numbers(const char *page, int *nums, int max)
{
	int n = 0;

	for (const char *s = page; *s != '\0';) {
		size_t len = strcspn(s, "\n");
		size_t a = 0, b = len, i;

		while (a < b && s[a] == ' ')
			a++;
		while (b > a && s[b - 1] == ' ')
			b--;
		for (i = a; i < b && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (b > a && i == b) {
			if (n < max)
				nums[n] = (int)strtol(s + a, NULL, 10);
			n++;
		}
		s += len + (s[len] == '\n');
	}
	return n;
}

/* Words with their boxes (pdftotext -bbox), as a new array of *n. */
struct pdftest_word *pdftest_words(const char *path, int *n)
{
	int cap = 1024, page = -1;
	char *out;
	struct pdftest_word *w = malloc((size_t)cap * sizeof(*w));

	assert_non_null(w);
	*n = 0;
	out = pdftest_text(path, "-bbox");
	for (char *s = out; *s != '\0';) {
		char *eol = strchr(s, '\n');
		struct pdftest_word x = {0};
		int used = 0;

		if (eol != NULL)
			*eol = '\0';
		if (strstr(s, "<page ") != NULL)
			page++;
		else if (sscanf(s, " <word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%n",
		                &x.x0, &x.y0, &x.x1, &x.y1, &used) == 4 &&
		         used > 0) {
			char *end = strstr(s + used, "</word>");

			assert_non_null(end);
			snprintf(x.text, sizeof(x.text), "%.*s", (int)(end - (s + used)), s + used);
			x.page = page;
			if (*n == cap) {
				cap *= 2;
				w = realloc(w, (size_t)cap * sizeof(*w));
				assert_non_null(w);
			}
			w[(*n)++] = x;
		}
		if (eol == NULL)
			break;
		s = eol + 1;
	}
	free(out);
	return w;
}

static int all_digits(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* Every word inside the text area, but page numbers: alone, centred, in
 * the bottom margin clear of the edge. Returns how many page numbers. */
int pdftest_check_inside(const struct pdftest_word *w, int n)
{
	const double tol = 0.5;
	int numbers = 0;

	for (int i = 0; i < n; i++) {
		if (all_digits(w[i].text) && w[i].y0 > PAGE_H - MARGIN_B) {
			double mid = (w[i].x0 + w[i].x1) / 2;

			if (w[i].y1 > PAGE_H - 0.8 * PT_PER_CM || mid < PAGE_W / 2 - 30 ||
			    mid > PAGE_W / 2 + 30)
				fail_msg("page %d: page number \"%s\" at %.1f,%.1f-%.1f,%.1f",
				         w[i].page, w[i].text, w[i].x0, w[i].y0, w[i].x1, w[i].y1);
			numbers++;
			continue;
		}
		if (w[i].x0 < MARGIN_L - tol || w[i].x1 > PAGE_W - MARGIN_R + tol ||
		    w[i].y0 < MARGIN_T - tol || w[i].y1 > PAGE_H - MARGIN_B + tol)
			fail_msg("page %d: \"%s\" at %.1f,%.1f-%.1f,%.1f outside the text area",
			         w[i].page, w[i].text, w[i].x0, w[i].y0, w[i].x1, w[i].y1);
	}
	return numbers;
}
