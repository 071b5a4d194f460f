/* xalloc: allocation wrappers that abort on out-of-memory, so callers never
 * handle a NULL from malloc. Memory is owned by the caller; free with free(). */
#ifndef IKM_XALLOC_H
#define IKM_XALLOC_H

#include <stddef.h>

/* malloc that aborts on failure; size 0 returns a unique pointer. */
void *xmalloc(size_t size);
/* calloc that aborts on failure or on nmemb*size overflow. */
void *xcalloc(size_t nmemb, size_t size);
/* realloc that aborts on failure. */
void *xrealloc(void *ptr, size_t size);
/* reallocarray that aborts on failure or overflow. */
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
/* strdup that aborts on failure. */
char *xstrdup(const char *s);
/* Copy n bytes of s into a new NUL-terminated string. */
char *xstrndup(const char *s, size_t n);

#endif
