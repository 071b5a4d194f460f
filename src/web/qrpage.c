/* qrpage: see qrpage.h. */
#include "qrpage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* "http://HOST" of the request (https behind a proxy that says so); a Host
 * header with anything but host-name characters is not trusted. */
static void site(const struct http_request *req, char *buf, size_t size)
{
	const char *host = http_header(req, "Host"), *proto = http_header(req, "X-Forwarded-Proto");
	int ok = host != NULL && host[0] != '\0' && strlen(host) < 200;

	for (const char *p = host; ok && *p != '\0'; p++)
		ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		     (*p >= '0' && *p <= '9') || strchr(".-:[]", *p) != NULL;
	snprintf(buf, size, "%s://%s",
	         proto != NULL && strcmp(proto, "https") == 0 ? "https" : "http",
	         ok ? host : "127.0.0.1");
}

int qrpage_one(struct store *s, const struct http_request *req, struct http_response *res,
               const struct store_org *org, const char *unit, const char *service,
               enum qrposter_format fmt)
{
	struct store_unit u;
	struct store_service v = {0};
	struct ikm_err err = {0};
	char base[256], url[QRPOSTER_URL_MAX + 1];
	struct qrposter_info qi;

	if (store_unit_get(s, unit, &u, &err) < 0 ||
	    (service != NULL && store_service_get(s, unit, service, &v, &err) < 0))
		return -1;
	site(req, base, sizeof(base));
	snprintf(url, sizeof(url), "%s/u/%s%s%s", base, u.slug, v.id ? "/" : "",
	         v.id ? v.slug : "");
	qi = (struct qrposter_info){org->name, u.name, v.id ? v.name : "", url};
	if (qrposter_write(&qi, fmt, &res->body, &err) < 0) {
		http_text(res, 500, err.msg);
		return 0;
	}
	snprintf(res->content_type, sizeof(res->content_type), "%s", qrposter_mime(fmt));
	return 0;
}

void qrpage_all(struct store *s, const struct http_request *req, struct http_response *res,
                const struct store_org *org)
{
	struct store_unit *units = NULL;
	struct store_service *svcs = NULL;
	struct qrposter_info *qi = NULL;
	char(*urls)[QRPOSTER_URL_MAX + 1] = NULL;
	struct ikm_err err = {0};
	char base[256];
	int nu = 0, ns = 0, n = 0;

	site(req, base, sizeof(base));
	if (store_unit_list(s, &units, &nu, &err) < 0 ||
	    store_service_list(s, NULL, &svcs, &ns, &err) < 0)
		goto fail;
	if (nu + ns > QRPOSTER_SHEET_MAX) {
		err_set(&err, IKM_ELIMIT, "lebih dari %d poster / more than %d posters",
		        QRPOSTER_SHEET_MAX, QRPOSTER_SHEET_MAX);
		goto fail;
	}
	qi = xcalloc((size_t)(nu + ns + 1), sizeof(*qi));
	urls = xcalloc((size_t)(nu + ns + 1), sizeof(*urls));
	for (int i = 0; i < nu; i++) {
		snprintf(urls[n], sizeof(urls[n]), "%s/u/%s", base, units[i].slug);
		qi[n] = (struct qrposter_info){org->name, units[i].name, "", urls[n]};
		n++;
		for (int j = 0; j < ns; j++) {
			if (svcs[j].unit != units[i].id)
				continue;
			snprintf(urls[n], sizeof(urls[n]), "%s/u/%s/%s", base, units[i].slug,
			         svcs[j].slug);
			qi[n] =
			    (struct qrposter_info){org->name, units[i].name, svcs[j].name, urls[n]};
			n++;
		}
	}
	if (n == 0 || qrposter_sheet(qi, n, &res->body, &err) < 0) {
		if (n == 0)
			err_set(&err, IKM_EDATA, "belum ada unit / no units yet");
		goto fail;
	}
	snprintf(res->content_type, sizeof(res->content_type), "application/pdf");
	goto out;
fail:
	http_text(res, err.kind == IKM_EDATA ? 404 : 500, err.msg);
out:
	free(units);
	free(svcs);
	free(qi);
	free(urls);
}
