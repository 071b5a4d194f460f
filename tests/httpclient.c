/* httpclient: see httpclient.h. */
#include "httpclient.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "bytebuf.h"

void reply_free(struct reply *r)
{
	free(r->head);
	free(r->body);
	memset(r, 0, sizeof(*r));
}

/* The value of header name in r->head (copied into out), or NULL. */
const char *reply_header(const struct reply *r, const char *name, char *out, size_t n)
{
	size_t nl = strlen(name);

	for (const char *l = strstr(r->head, "\r\n"); l != NULL; l = strstr(l, "\r\n")) {
		const char *end;

		l += 2;
		end = strstr(l, "\r\n");
		if (end == NULL)
			end = l + strlen(l);
		if (strncasecmp(l, name, nl) == 0 && l[nl] == ':') {
			const char *v = l + nl + 1;

			while (*v == ' ')
				v++;
			snprintf(out, n, "%.*s", (int)(end - v), v);
			return out;
		}
	}
	return NULL;
}

int connect_port(int port)
{
	struct sockaddr_in a;
	struct timeval tv = {IO_TIMEOUT_S, 0};
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		return -1;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) != 0) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/* Send req; stop early when the server answers (or hangs up) first. */
void send_all(int fd, const char *req, size_t len)
{
	size_t off = 0;

	while (off < len) {
		struct pollfd p = {fd, POLLIN | POLLOUT, 0};
		size_t piece = len - off < SEND_PIECE ? len - off : SEND_PIECE;
		ssize_t n;

		if (poll(&p, 1, IO_TIMEOUT_S * 1000) <= 0 || (p.revents & ~POLLOUT) != 0)
			return;
		n = send(fd, req + off, piece, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		off += (size_t)n;
	}
}

/* Read one response: headers, then Content-Length bytes (or until the
 * server closes). 0 or -1. */
int read_reply(int fd, struct reply *r)
{
	struct bytebuf in = {0};
	char buf[16384], v[32];
	const char *hend = NULL;
	size_t hlen, want = (size_t)-1;
	ssize_t n;

	memset(r, 0, sizeof(*r));
	while (hend == NULL) {
		n = recv(fd, buf, sizeof(buf), 0);
		if (n <= 0)
			goto fail;
		bytebuf_add(&in, buf, (size_t)n);
		hend = strstr(in.p, "\r\n\r\n"); /* headers have no NUL */
	}
	hlen = (size_t)(hend - in.p);
	r->head = strndup(in.p, hlen);
	if (sscanf(r->head, "HTTP/1.1 %d", &r->status) != 1)
		goto fail;
	if (reply_header(r, "Content-Length", v, sizeof(v)) != NULL)
		want = strtoul(v, NULL, 10);
	while (in.len - hlen - 4 < want) {
		n = recv(fd, buf, sizeof(buf), 0);
		if (n < 0)
			goto fail;
		if (n == 0) {
			if (want != (size_t)-1)
				goto fail; /* cut short */
			break;
		}
		bytebuf_add(&in, buf, (size_t)n);
	}
	r->body_len = want != (size_t)-1 ? want : in.len - hlen - 4;
	r->body = malloc(r->body_len + 1);
	memcpy(r->body, in.p + hlen + 4, r->body_len);
	r->body[r->body_len] = '\0';
	bytebuf_free(&in);
	return 0;
fail:
	bytebuf_free(&in);
	reply_free(r);
	return -1;
}

/* One request on a new connection; 0 or -1. */
int roundtrip(int port, const char *req, size_t len, struct reply *r)
{
	int fd = connect_port(port), rc;

	if (fd < 0)
		return -1;
	send_all(fd, req, len);
	rc = read_reply(fd, r);
	close(fd);
	return rc;
}

int get(int port, const char *target, struct reply *r)
{
	char req[4096];
	int n = snprintf(req, sizeof(req), "GET %s HTTP/1.1\r\nHost: localhost\r\n\r\n", target);

	return roundtrip(port, req, (size_t)n, r);
}

/* A POST of body (len bytes) to target. */
int post(int port, const char *target, const char *ctype, const char *body, size_t len,
         struct reply *r)
{
	struct bytebuf req = {0};
	int rc;

	bytebuf_printf(&req,
	               "POST %s HTTP/1.1\r\nHost: localhost\r\nContent-Type: %s\r\n"
	               "Content-Length: %zu\r\n\r\n",
	               target, ctype, len);
	bytebuf_add(&req, body, len);
	rc = roundtrip(port, req.p, req.len, r);
	bytebuf_free(&req);
	return rc;
}

/* GET target with one extra header line (without CRLF). */
int get_with(int port, const char *target, const char *header, struct reply *r)
{
	char req[4096];
	int n = snprintf(req, sizeof(req), "GET %s HTTP/1.1\r\nHost: localhost\r\n%s\r\n\r\n",
	                 target, header);

	return roundtrip(port, req, (size_t)n, r);
}
