/* httpclient: a tiny HTTP/1.1 client on plain sockets for the tests of
 * the server (tests/test_http.c): one request per connection, the reply's
 * status, headers and body read whole (Content-Length or until close). */
#ifndef IKM_TEST_HTTPCLIENT_H
#define IKM_TEST_HTTPCLIENT_H

#include <stddef.h>

#define IO_TIMEOUT_S 20 /* a socket read or write that waits longer fails */
#define SEND_PIECE   16384

struct reply {
	int status;
	char *head; /* status line and headers */
	char *body;
	size_t body_len;
};

void reply_free(struct reply *r);
/* The value of header name (case-insensitive) copied into out, or NULL. */
const char *reply_header(const struct reply *r, const char *name, char *out, size_t n);
/* A socket connected to 127.0.0.1:port, or -1. */
int connect_port(int port);
/* Write all of req (in pieces of SEND_PIECE); failures end the test run. */
void send_all(int fd, const char *req, size_t len);
/* Read one reply from fd into r: 0 or -1. */
int read_reply(int fd, struct reply *r);
/* One request on a new connection: 0 or -1. */
int roundtrip(int port, const char *req, size_t len, struct reply *r);
int get(int port, const char *target, struct reply *r);
/* A POST of body (len bytes) to target. */
int post(int port, const char *target, const char *ctype, const char *body, size_t len,
         struct reply *r);
/* GET target with one extra header line (without CRLF). */
int get_with(int port, const char *target, const char *header, struct reply *r);

#endif
