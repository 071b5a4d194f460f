/* value: see value.h. */
#include "value.h"

#include <string.h>

#include "text.h"

/* A number with optional zero fraction ("4", "4.0", "4,00"): its integer
 * value (capped at 10000, so a long number is still out of range), or -1
 * when s is not such a number. */
static int number(const char *s, size_t len)
{
	size_t i = 0;
	int v = 0;

	if (len == 0 || s[0] < '0' || s[0] > '9')
		return -1;
	while (i < len && s[i] >= '0' && s[i] <= '9') {
		v = v >= 1000 ? 10000 : v * 10 + (s[i] - '0');
		i++;
	}
	if (i < len && (s[i] == '.' || s[i] == ',')) {
		i++;
		if (i == len)
			return -1;
		while (i < len && s[i] == '0')
			i++;
	}
	return i == len ? v : -1;
}

int value_parse(const struct instr_element *e, const char *s, size_t len)
{
	int v;

	if (len == 1 && s[0] >= '1' && s[0] <= '4')
		return s[0] - '0'; /* the common case */
	text_trim(&s, &len);
	if (len == 0)
		return VALUE_EMPTY;
	/* Label matching works on C strings: "Baik\0xyz" must not pass as
	 * "Baik". A NUL never belongs in an answer. */
	if (memchr(s, '\0', len) != NULL)
		return VALUE_INVALID;
	v = number(s, len);
	if (v >= 1 && v <= 4)
		return v;
	if (v >= 0)
		return VALUE_RANGE;
	v = instr_match_label(e, s, len);
	if (v > 0)
		return v;
	/* "4. Sangat sesuai", "4 - Sangat sesuai", "(4) Sangat sesuai" */
	{
		const char *p = s;
		size_t n = len;
		int d;

		if (n > 0 && *p == '(') {
			p++;
			n--;
		}
		if (n < 3 || *p < '1' || *p > '4')
			return VALUE_INVALID;
		d = *p - '0';
		p++;
		n--;
		if (*p != '.' && *p != ')' && *p != '-' && *p != ':' && *p != ' ')
			return VALUE_INVALID;
		while (n > 0 && (*p == '.' || *p == ')' || *p == '-' || *p == ':' || *p == ' ')) {
			p++;
			n--;
		}
		if (instr_match_label(e, p, n) == d)
			return d;
	}
	return VALUE_INVALID;
}
