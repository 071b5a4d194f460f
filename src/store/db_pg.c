/* db_pg: the PostgreSQL backend of db.h (libpq). A placeholder until the
 * real backend lands: db_open of a postgresql:// URL fails cleanly. */
#include "db_int.h"

int db_pg_open(const char *url, struct db **out, struct ikm_err *err)
{
	(void)url;
	*out = NULL;
	return err_set(err, IKM_EUSAGE, "PostgreSQL belum tersedia / not available yet");
}
