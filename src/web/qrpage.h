/* qrpage: the QR posters `ikm serve` sends — one unit's (or service's)
 * questionnaire address as an A4 poster (qrposter.c), or every poster in
 * one PDF. The address is built from the request's Host header (only
 * host-name characters are trusted) and X-Forwarded-Proto. */
#ifndef IKM_QRPAGE_H
#define IKM_QRPAGE_H

#include "http.h"
#include "qrposter.h"
#include "store.h"

/* The poster of unit (and service, or NULL) in fmt into res; -1 when the
 * unit or service does not exist (nothing written). */
int qrpage_one(struct store *s, const struct http_request *req, struct http_response *res,
               const struct store_org *org, const char *unit, const char *service,
               enum qrposter_format fmt);
/* Every poster (each unit and each service), a page each, into res. */
void qrpage_all(struct store *s, const struct http_request *req, struct http_response *res,
                const struct store_org *org);

#endif
