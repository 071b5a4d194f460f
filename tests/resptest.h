/* resptest: checks of a respondent-profile tally (src/io/respondent.h)
 * shared by test_respondent.c and test_load.c. Failures go through cmocka's
 * asserts: include after <cmocka.h>. */
#ifndef IKM_RESPTEST_H
#define IKM_RESPTEST_H

#include <stdint.h>

#include "respondent.h"

/* Whether tb has a category labelled label. */
int resptest_has(const struct resp_table *tb, const char *label);
/* The count of the category labelled label; fails when there is none. */
uint64_t resptest_count(const struct resp_table *tb, const char *label);
/* Fail unless, for every field, categories + other + missing = rows. */
void resptest_assert_add_up(const struct resp_tally *t);

#endif
