/* webfiles: the files of share/web — page templates (*.html, for tmpl) and
 * static files (ikm.css, ...) — embedded in the binary by
 * scripts/embed-files into webfiles_data.c (make regenerates it when
 * share/web changes; `make check` fails when it is stale), so that
 * `ikm serve` needs no installed data files. Paths are relative to
 * share/web: "layout.html", "ikm.css", "img/logo.svg". Templates are for
 * rendering, not for serving as they are: a server maps only its static
 * paths (/static/NAME) to files that are not templates. */
#ifndef IKM_WEBFILES_H
#define IKM_WEBFILES_H

#include <stddef.h>

struct webfile {
	const char *path; /* relative to share/web, parts joined by '/' */
	const char *data; /* len bytes and a NUL: text files are strings */
	size_t len;
	const char *content_type; /* for Content-Type: "text/css; charset=utf-8" */
};

/* Every file, in byte order of the paths; webfiles[webfiles_count] is all
 * NULL. Static, read-only: safe from any thread. */
extern const struct webfile webfiles[];
extern const size_t webfiles_count;

/* The file at path (exact, case-sensitive), or NULL (also for NULL). */
const struct webfile *webfiles_find(const char *path);

#endif
