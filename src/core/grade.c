/* grade: see grade.h. */
#include "grade.h"

static const struct grade table_2017[] = {
    {8831, 'A', "Sangat Baik", "Very good"},
    {7661, 'B', "Baik", "Good"},
    {6500, 'C', "Kurang Baik", "Poor"},
    {2500, 'D', "Tidak Baik", "Very poor"},
};

#define NROWS ((int)(sizeof(table_2017) / sizeof(table_2017[0])))

const struct grade *grade_of(int64_t ikm_e2)
{
	for (int i = 0; i < NROWS; i++) {
		if (ikm_e2 >= table_2017[i].min_e2)
			return &table_2017[i];
	}
	return &table_2017[NROWS - 1];
}

const struct grade *grade_table(int *n)
{
	*n = NROWS;
	return table_2017;
}
