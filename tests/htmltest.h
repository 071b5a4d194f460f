/* htmltest: helpers shared by the HTML renderer tests (test_doc_html.c,
 * test_doc_html_report.c): rendering a document into a string and checking
 * that every & of the output starts an entity. Failures go through cmocka's
 * asserts: include after <cmocka.h>. */
#ifndef IKM_HTMLTEST_H
#define IKM_HTMLTEST_H

#include "doc.h"
#include "err.h"

/* Render d into a new string *html (caller frees; also on failure);
 * returns doc_html_write's result, with err set. */
int htmltest_render(const struct doc *d, char **html, struct ikm_err *err);
/* Render d, which must succeed; the HTML (caller frees). */
char *htmltest_render_ok(const struct doc *d);
/* Fail unless every & in html starts an entity doc_html writes. */
void htmltest_assert_entities_only(const char *html);

#endif
