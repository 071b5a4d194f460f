/* value: one answer cell to a score. Accepts the digits 1-4 (also "4.0"
 * from spreadsheets), the element's standard option label matched whole
 * after trimming and case folding, or "4. Sangat sesuai" when digit and
 * label agree. Empty means not answered. */
#ifndef IKM_VALUE_H
#define IKM_VALUE_H

#include <stddef.h>

#include "instrument.h"

enum { VALUE_EMPTY = 0, VALUE_INVALID = -1, VALUE_RANGE = -2 };

/* 1..4 for an answer, VALUE_EMPTY when blank, VALUE_RANGE for a number
 * outside 1..4, VALUE_INVALID for anything else. */
int value_parse(const struct instr_element *e, const char *s, size_t len);

#endif
