/* resptest: see resptest.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "resptest.h"

#include <string.h>

/* The index of the category labelled label, or -1. */
static int find(const struct resp_table *tb, const char *label)
{
	for (int i = 0; i < tb->ncat; i++)
		if (strcmp(tb->cat[i].label, label) == 0)
			return i;
	return -1;
}

int resptest_has(const struct resp_table *tb, const char *label)
{
	return find(tb, label) >= 0;
}

uint64_t resptest_count(const struct resp_table *tb, const char *label)
{
	int i = find(tb, label);

	if (i < 0)
		fail_msg("no category \"%s\"", label);
	return tb->cat[i].count;
}

void resptest_assert_add_up(const struct resp_tally *t)
{
	for (int f = 0; f < RESP_NFIELDS; f++) {
		uint64_t sum = t->t[f].missing + t->t[f].other;

		for (int i = 0; i < t->t[f].ncat; i++)
			sum += t->t[f].cat[i].count;
		assert_int_equal(sum, t->rows);
	}
}
