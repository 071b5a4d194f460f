/* inifile: see inifile.h. */
#include "inifile.h"

#include <pthread.h>
#include <stdarg.h>
#include <string.h>

#include "text.h"

/* libinih in Debian sizes its line buffer by the global ini_max_line
 * (default 200); raise it so our own limit is the one that applies. */
static pthread_mutex_t limit_lock = PTHREAD_MUTEX_INITIALIZER;

static void raise_limit(size_t line_max)
{
	pthread_mutex_lock(&limit_lock);
	if ((size_t)ini_max_line < line_max + 3)
		ini_max_line = (int)(line_max + 3);
	pthread_mutex_unlock(&limit_lock);
}

void inifile_init(struct inifile *f, const char *name, size_t line_max, struct ikm_err *err)
{
	memset(f, 0, sizeof(*f));
	f->name = name;
	f->line_max = line_max;
	f->err = err;
	raise_limit(line_max);
}

int inifile_fail(struct inifile *f, enum ikm_err_kind kind, const char *fmt, ...)
{
	char msg[IKM_ERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (f->err_line == 0) {
		err_set(f->err, kind, "%s:%d: %s", f->name, f->lineno, msg);
		f->err_line = f->lineno;
	}
	return 0;
}

static int next_byte(struct inifile *f)
{
	if (f->fp != NULL)
		return getc(f->fp);
	if (*f->s == '\0')
		return EOF;
	return (unsigned char)*f->s++;
}

char *inifile_read_line(char *buf, int num, void *stream)
{
	struct inifile *f = stream;
	size_t n = 0, cap;
	int c, over = 0, nul = 0;

	if (f->err_line != 0 || num < 3)
		return NULL;
	cap = (size_t)num - 2; /* room for '\n' and the NUL */
	if (cap > f->line_max)
		cap = f->line_max;
	while ((c = next_byte(f)) != EOF && c != '\n') {
		if (c == '\0')
			nul = 1;
		if (n < cap)
			buf[n++] = (char)c;
		else
			over = 1;
	}
	if (c == EOF && n == 0 && !over && !nul)
		return NULL;
	f->lineno++;
	if (over)
		inifile_fail(f, IKM_ELIMIT,
		             "baris lebih dari %zu bita / line longer than %zu bytes", cap, cap);
	else if (nul)
		inifile_fail(f, IKM_EDATA, "baris berisi byte NUL / line contains a NUL byte");
	if (f->err_line != 0)
		n = 0; /* hand inih an empty line; the next call ends the parse */
	buf[n] = '\n';
	buf[n + 1] = '\0';
	f->indented = buf[0] == ' ' || buf[0] == '\t';
	return buf;
}

int inifile_value_ok(struct inifile *f, const char *why_id, const char *why_en)
{
	if (f->err_line != 0)
		return 0;
	if (f->indented)
		return inifile_fail(
		    f, IKM_EDATA,
		    "baris diawali spasi atau tab; hapus spasi di awal baris (%s) / "
		    "the line starts with blanks; remove them (%s)",
		    why_id, why_en);
	return 1;
}

int inifile_text_ok(const char *s)
{
	return text_clean_utf8(s);
}

int inifile_parse(struct inifile *f, ini_handler handler, void *user)
{
	int rc = ini_parse_stream(inifile_read_line, f, handler, user);

	if (f->err_line == 0 && f->fp != NULL && ferror(f->fp))
		return err_set(f->err, IKM_EIO, "%s: gagal membaca berkas / read error", f->name);
	if (rc > 0 && (f->err_line == 0 || rc < f->err_line))
		return err_set(f->err, IKM_EDATA,
		               "%s:%d: baris tidak dikenali; tulis [bagian], kunci = nilai, atau "
		               "komentar berawalan ';' / malformed line: expected [section], key = "
		               "value or a ';' comment",
		               f->name, rc);
	if (f->err_line != 0)
		return -1;
	return rc; /* 0, or inih's own failure */
}
