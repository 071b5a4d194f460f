/* webfiles: see webfiles.h; the data is in webfiles_data.c (generated). */
#include "webfiles.h"

#include <string.h>

const struct webfile *webfiles_find(const char *path)
{
	if (path == NULL)
		return NULL;
	for (size_t i = 0; i < webfiles_count; i++)
		if (strcmp(webfiles[i].path, path) == 0)
			return &webfiles[i];
	return NULL;
}
