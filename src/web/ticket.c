/* ticket: see ticket.h. */
#include "ticket.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int ticket_mode_parse(const char *s)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "off") == 0)
		return TICKET_OFF;
	if (strcmp(s, "optional") == 0)
		return TICKET_OPTIONAL;
	if (strcmp(s, "required") == 0)
		return TICKET_REQUIRED;
	return -1;
}

int ticket_normalise(const char *typed, char out[TICKET_CODE_MAX + 1])
{
	size_t n = 0;

	out[0] = '\0';
	if (typed == NULL || strlen(typed) > TICKET_TYPED_MAX)
		return -1;
	for (const char *p = typed; *p != '\0'; p++) {
		char c = *p;

		if (c == ' ' || c == '\t' || c == '-' || c == '/' || c == '.')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) || n == TICKET_CODE_MAX) {
			out[0] = '\0';
			return -1;
		}
		out[n++] = c;
	}
	out[n] = '\0';
	return n > 0 ? 0 : -1;
}

void ticket_hash(const unsigned char key[TICKET_KEY_BYTES], int64_t unit, const char *norm,
                 char out[TICKET_HASH_HEX + 1])
{
	unsigned char h[TICKET_HASH_HEX / 2];
	char msg[32 + TICKET_CODE_MAX];
	int len = snprintf(msg, sizeof(msg), "%lld:%s", (long long)unit, norm);

	crypto_generichash(h, sizeof(h), (const unsigned char *)msg, (size_t)len, key,
	                   TICKET_KEY_BYTES);
	sodium_bin2hex(out, TICKET_HASH_HEX + 1, h, sizeof(h));
}

/* Write a new key to path, unless the file appeared meanwhile. */
static int key_create(const char *path, struct ikm_err *err)
{
	unsigned char key[TICKET_KEY_BYTES];
	char hex[TICKET_HASH_HEX + 2];
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	size_t len;

	if (fd < 0) {
		if (errno == EEXIST)
			return 0;
		return err_set(err, IKM_EIO,
		               "%s: kunci tiket tidak dapat dibuat / cannot create: %s", path,
		               strerror(errno));
	}
	randombytes_buf(key, sizeof(key));
	sodium_bin2hex(hex, sizeof(hex), key, sizeof(key));
	sodium_memzero(key, sizeof(key));
	len = strlen(hex);
	hex[len++] = '\n';
	if (write(fd, hex, len) != (ssize_t)len || fsync(fd) != 0) {
		int e = errno;

		close(fd);
		unlink(path);
		sodium_memzero(hex, sizeof(hex));
		return err_set(err, IKM_EIO,
		               "%s: kunci tiket tidak dapat ditulis / cannot write: %s", path,
		               strerror(e));
	}
	sodium_memzero(hex, sizeof(hex));
	if (close(fd) != 0)
		return err_set(err, IKM_EIO, "%s: %s", path, strerror(errno));
	return 0;
}

int ticket_key_load(const char *path, int create, unsigned char key[TICKET_KEY_BYTES],
                    struct ikm_err *err)
{
	char buf[TICKET_HASH_HEX + 4];
	struct stat sb;
	size_t got = 0, n;
	ssize_t r;
	int fd;

	if (sodium_init() < 0)
		return err_set(err, IKM_EIO, "libsodium tidak dapat dimulai / cannot initialise");
	if (create && key_create(path, err) < 0)
		return -1;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_set(err, IKM_EIO, "%s: kunci tiket tidak dapat dibuka / cannot open: %s",
		               path, strerror(errno));
	if (fstat(fd, &sb) != 0 || (sb.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
		close(fd);
		return err_set(
		    err, IKM_EDATA,
		    "%s: kunci tiket dapat dibaca pengguna lain; jalankan chmod 600 %s / "
		    "the ticket key is readable by others; run chmod 600 on it",
		    path, path);
	}
	while (got < sizeof(buf) && (r = read(fd, buf + got, sizeof(buf) - got)) > 0)
		got += (size_t)r;
	close(fd);
	n = got;
	if (n > 0 && buf[n - 1] == '\n')
		n--;
	if (n != TICKET_HASH_HEX ||
	    sodium_hex2bin(key, TICKET_KEY_BYTES, buf, n, NULL, NULL, NULL) != 0) {
		sodium_memzero(buf, sizeof(buf));
		return err_set(err, IKM_EDATA,
		               "%s: bukan kunci tiket (harus %d digit heksadesimal) / not a ticket "
		               "key (%d hex digits expected)",
		               path, TICKET_HASH_HEX, TICKET_HASH_HEX);
	}
	sodium_memzero(buf, sizeof(buf));
	return 0;
}
