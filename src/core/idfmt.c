/* idfmt: see idfmt.h. */
#include "idfmt.h"

#include <stdio.h>
#include <string.h>

static int64_t pow10i(int d)
{
	int64_t p = 1;

	while (d-- > 0)
		p *= 10;
	return p;
}

/* Format |value| split at `decimals` with the given separators. */
static char *fmt(char *buf, size_t size, int64_t value, int decimals, char dec, char group)
{
	char intpart[32], grouped[48];
	uint64_t mag = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
	uint64_t p;
	size_t len, o = 0;

	/* 10^18 is the largest power of ten in an int64_t: more decimals
	 * overflowed pow10i (undefined behaviour, and a -Wformat-truncation
	 * error in the -O1 sanitizer build); fewer than 0 mean none. */
	if (decimals < 0)
		decimals = 0;
	if (decimals > IDFMT_MAX_DECIMALS)
		decimals = IDFMT_MAX_DECIMALS;
	p = (uint64_t)pow10i(decimals);

	snprintf(intpart, sizeof(intpart), "%llu", (unsigned long long)(mag / p));
	len = strlen(intpart);
	for (size_t i = 0; i < len; i++) {
		if (group != 0 && i > 0 && (len - i) % 3 == 0)
			grouped[o++] = group;
		grouped[o++] = intpart[i];
	}
	grouped[o] = '\0';
	if (decimals > 0)
		snprintf(buf, size, "%s%s%c%0*llu", value < 0 ? "-" : "", grouped, dec, decimals,
		         (unsigned long long)(mag % p));
	else
		snprintf(buf, size, "%s%s", value < 0 ? "-" : "", grouped);
	return buf;
}

char *idfmt_fixed(char *buf, size_t size, int64_t value, int decimals)
{
	return fmt(buf, size, value, decimals, ',', '.');
}

char *idfmt_fixed_c(char *buf, size_t size, int64_t value, int decimals)
{
	return fmt(buf, size, value, decimals, '.', 0);
}

char *idfmt_int(char *buf, size_t size, int64_t value)
{
	return fmt(buf, size, value, 0, ',', '.');
}

char *idfmt_date(char *buf, size_t size, int year, int month, int day)
{
	static const char *const months[12] = {"Januari",   "Februari", "Maret",    "April",
	                                       "Mei",       "Juni",     "Juli",     "Agustus",
	                                       "September", "Oktober",  "November", "Desember"};

	if (month < 1 || month > 12 || day < 1 || day > 31) {
		if (size > 0)
			buf[0] = '\0';
		return buf;
	}
	snprintf(buf, size, "%d %s %d", day, months[month - 1], year);
	return buf;
}
