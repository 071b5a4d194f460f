/* respdate: see respdate.h. */
#include "respdate.h"

#include <stdio.h>
#include <string.h>

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* yyyymmdd of a valid date in 1900..2999, else 0. */
static int32_t ymd(int y, int m, int d)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1] + (m == 2 && leap(y)))
		return 0;
	return y * 10000 + m * 100 + d;
}

/* The date of an Excel serial day number (the 1900 date system, serials
 * after its phantom 29 February 1900). */
static int32_t from_serial(long serial)
{
	/* Days since 1970-01-01, then the civil date (H. Hinnant's method). */
	long z = serial - 25569 + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	long y = yoe + era * 400 + (m <= 2);

	return ymd((int)y, (int)m, (int)d);
}

static const char *const month_names[12][6] = {
    {"januari", "jan", "january", NULL},
    {"februari", "feb", "february", "pebruari"},
    {"maret", "mar", "march", NULL},
    {"april", "apr", NULL, NULL},
    {"mei", "may", NULL, NULL},
    {"juni", "jun", "june", NULL},
    {"juli", "jul", "july", NULL},
    {"agustus", "agu", "agt", "ags", "aug", "august"},
    {"september", "sep", "sept", NULL},
    {"oktober", "okt", "october", "oct"},
    {"november", "nov", "nopember", NULL},
    {"desember", "des", "december", "dec"},
};

/* Read up to max digits at s[*i..n); returns the count read. */
static int digits_at(const char *s, size_t n, size_t *i, int max, long *v)
{
	int d = 0;

	*v = 0;
	while (*i < n && d < max && s[*i] >= '0' && s[*i] <= '9') {
		*v = *v * 10 + (s[(*i)++] - '0');
		d++;
	}
	return d;
}

/* 1 when s[i..n) ends the date part: the end, a space, or 'T'. */
static int date_end(const char *s, size_t n, size_t i)
{
	return i == n || s[i] == ' ' || s[i] == 'T' || s[i] == '\t';
}

int respdate_parse(const char *s, size_t n, int32_t *out, int *a, int *b, int *y)
{
	size_t i = 0, st;
	long g1, g2, g3;
	int d1;
	char sep;

	while (i < n && is_space(s[i]))
		i++;
	while (n > i && is_space(s[n - 1]))
		n--;
	/* A weekday name first ("Senin, 3 Januari 2022"). */
	st = i;
	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
		i++;
	if (i > st) {
		if (i < n && s[i] == ',')
			i++;
		while (i < n && s[i] == ' ')
			i++;
	}
	st = i;
	d1 = digits_at(s, n, &i, 6, &g1);
	if (d1 == 4 && i < n && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
		sep = s[i++];
		if (digits_at(s, n, &i, 2, &g2) == 0 || i >= n || s[i++] != sep ||
		    digits_at(s, n, &i, 2, &g3) == 0 || !date_end(s, n, i))
			return 0;
		*out = ymd((int)g1, (int)g2, (int)g3);
		return *out != 0;
	}
	if ((d1 == 1 || d1 == 2) && i < n && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
		sep = s[i++];
		if (digits_at(s, n, &i, 2, &g2) == 0 || i >= n || s[i++] != sep ||
		    digits_at(s, n, &i, 4, &g3) != 4 || !date_end(s, n, i))
			return 0;
		*a = (int)g1;
		*b = (int)g2;
		*y = (int)g3;
		return 2;
	}
	if ((d1 == 1 || d1 == 2) && i < n && s[i] == ' ') {
		char word[12];
		size_t wl = 0;

		i++;
		while (i < n && wl + 1 < sizeof(word) && s[i] != ' ')
			word[wl++] = lower(s[i++]);
		word[wl] = '\0';
		if (i >= n || s[i++] != ' ' || digits_at(s, n, &i, 4, &g3) != 4 ||
		    !date_end(s, n, i))
			return 0;
		for (int m = 0; m < 12; m++)
			for (int k = 0; k < 6 && month_names[m][k] != NULL; k++)
				if (strcmp(word, month_names[m][k]) == 0) {
					*out = ymd((int)g3, m + 1, (int)g1);
					return *out != 0;
				}
		return 0;
	}
	if (d1 == 5 && i > st) {
		/* An Excel serial: 10000..99999 (1927..2173), maybe a time
		 * fraction; nothing else. */
		if (i < n && s[i] == '.') {
			i++;
			while (i < n && s[i] >= '0' && s[i] <= '9')
				i++;
		}
		if (i != n)
			return 0;
		*out = from_serial(g1);
		return *out != 0;
	}
	return 0;
}

static void widen(int32_t *lo, int32_t *hi, int32_t v)
{
	if (v == 0)
		return;
	if (*lo == 0 || v < *lo)
		*lo = v;
	if (*hi == 0 || v > *hi)
		*hi = v;
}

/* "YYYY-MM-DD" of yyyymmdd (a valid date, see ymd), "" for 0. */
static void ymd_text(char *buf, int32_t v)
{
	uint32_t u = (uint32_t)v;

	if (v <= 0)
		buf[0] = '\0';
	else
		snprintf(buf, 11, "%04u-%02u-%02u", u / 10000 % 10000, u / 100 % 100, u % 100);
}

/* The current file's slash dates, read the way its evidence says. */
static void resolve_slash(const struct respdate_slash *c, int32_t *lo, int32_t *hi)
{
	if (c->md_only && !c->dm_only) {
		widen(lo, hi, c->md_lo);
		widen(lo, hi, c->md_hi);
	} else {
		widen(lo, hi, c->dm_lo);
		widen(lo, hi, c->dm_hi);
	}
}

void respdate_range(const struct respdate *d, char *min, char *max)
{
	int32_t lo = d->lo, hi = d->hi;

	resolve_slash(&d->cur, &lo, &hi);
	ymd_text(min, lo);
	ymd_text(max, hi);
}

void respdate_new_file(struct respdate *d)
{
	resolve_slash(&d->cur, &d->lo, &d->hi);
	memset(&d->cur, 0, sizeof(d->cur));
}

int respdate_add(struct respdate *d, const char *s, size_t n)
{
	int32_t v = 0, lo = d->lo, hi = d->hi;
	int a, b, y;
	struct respdate_slash *c = &d->cur, before = *c;

	switch (respdate_parse(s, n, &v, &a, &b, &y)) {
	case 1:
		widen(&d->lo, &d->hi, v);
		return lo != d->lo || hi != d->hi;
	case 2: {
		int32_t dm = ymd(y, b, a), md = ymd(y, a, b);

		widen(&c->dm_lo, &c->dm_hi, dm);
		widen(&c->md_lo, &c->md_hi, md);
		c->dm_only |= dm != 0 && md == 0;
		c->md_only |= md != 0 && dm == 0;
		return memcmp(&before, c, sizeof(before)) != 0;
	}
	default:
		return 0;
	}
}
