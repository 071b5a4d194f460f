/* csv: see csv.h.
 *
 * Rows are found in a fixed buffer (TABLE_MAX_ROW_BYTES plus a read chunk).
 * A row without quotes takes the fast path: one pass over its bytes that
 * records field ends and only then writes the terminating NULs, so a row cut
 * by the end of the buffer can be re-read after a refill. A row with a quote
 * takes the slow path: the same state machine runs twice, once to find where
 * the row ends (without writing) and once to unquote the fields in place. */
#include "csv.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "xalloc.h"

#define CSV_CHUNK    (256u << 10)
#define CSV_CAP      (TABLE_MAX_ROW_BYTES + CSV_CHUNK)
#define CSV_MIN_READ (64u << 10) /* bytes to gather before rescanning a row */

enum { C_PLAIN = 0, C_DELIM, C_LF, C_CR, C_QUOTE };

struct csv_reader {
	char name[256];
	int fd, own_fd;
	const char *mem; /* memory source (NULL for fd) */
	size_t mem_len, mem_pos;
	char *buf;
	size_t cap, pos, end; /* unread data is buf[pos..end) */
	int64_t base;         /* file offset of buf[0] */
	int64_t limit;        /* range readers: file offset where input ends */
	int ranged;           /* read with pread over [base, limit) */
	int eof;
	int started;
	char delim;
	unsigned char cls[256];
	uint64_t line; /* 1-based line number of buf[pos] */
	const char *field[TABLE_MAX_FIELDS];
	size_t len[TABLE_MAX_FIELDS];
};

static void set_delim(struct csv_reader *r, char delim)
{
	r->delim = delim;
	memset(r->cls, C_PLAIN, sizeof(r->cls));
	r->cls[(unsigned char)r->delim] = C_DELIM;
	r->cls['\n'] = C_LF;
	r->cls['\r'] = C_CR;
	r->cls['"'] = C_QUOTE;
}

/* A new reader with its bounded buffer; the caller sets the source. */
static struct csv_reader *reader_new(const char *name)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));

	snprintf(r->name, sizeof(r->name), "%s", name);
	r->fd = -1;
	r->line = 1;
	r->delim = ','; /* until detected (or when detection fails) */
	r->cap = CSV_CAP;
	r->buf = xmalloc(r->cap + 1);
	return r;
}

int csv_open_fd(int fd, int own_fd, const char *name, struct csv_reader **out, struct ikm_err *err)
{
	struct csv_reader *r = reader_new(name);

	r->fd = fd;
	r->own_fd = own_fd;
	*out = r;
	return 0;
}

int csv_open_mem(const char *buf, size_t len, const char *name, struct csv_reader **out,
                 struct ikm_err *err)
{
	/* A memory source still goes through the bounded buffer, so tests and
	 * the fuzzer exercise the refill logic. */
	struct csv_reader *r = reader_new(name);

	r->mem = buf;
	r->mem_len = len;
	*out = r;
	return 0;
}

int csv_open_range(int fd, const char *name, int64_t start, int64_t end, char delim,
                   struct csv_reader **out, struct ikm_err *err)
{
	struct csv_reader *r;

	if (start < 0 || end < start || (delim != ',' && delim != ';' && delim != '\t'))
		return err_set(err, IKM_EUSAGE, "%s: rentang baca tidak sah / invalid range", name);
	r = reader_new(name);
	r->fd = fd;
	r->ranged = 1;
	r->base = start;
	r->limit = end;
	r->started = 1;
	set_delim(r, delim);
	*out = r;
	return 0;
}

int64_t csv_offset(const struct csv_reader *r)
{
	return r->base + (int64_t)r->pos;
}

uint64_t csv_line(const struct csv_reader *r)
{
	return r->line;
}

void csv_close(struct csv_reader *r)
{
	if (r == NULL)
		return;
	if (r->own_fd && r->fd >= 0)
		close(r->fd);
	free(r->buf);
	free(r);
}

char csv_delimiter(const struct csv_reader *r)
{
	return r->delim;
}

/* Move unread data to the front and read more. Returns bytes read, 0 at the
 * end of input, -1 on error. */
static ssize_t refill(struct csv_reader *r, struct ikm_err *err)
{
	size_t room;
	ssize_t got = 0;

	if (r->eof)
		return 0;
	if (r->pos > 0) {
		memmove(r->buf, r->buf + r->pos, r->end - r->pos);
		r->base += (int64_t)r->pos;
		r->end -= r->pos;
		r->pos = 0;
	}
	room = r->cap - r->end;
	if (room == 0)
		return err_set(
		    err, IKM_ELIMIT,
		    "%s: baris %llu lebih panjang dari %u byte / row longer than the limit",
		    r->name, (unsigned long long)r->line, TABLE_MAX_ROW_BYTES);
	if (r->mem != NULL) {
		size_t n = r->mem_len - r->mem_pos;

		if (n > room)
			n = room;
		memcpy(r->buf + r->end, r->mem + r->mem_pos, n);
		r->mem_pos += n;
		got = (ssize_t)n;
	} else if (r->ranged) {
		int64_t at = r->base + (int64_t)r->end;
		size_t want = room;

		if ((int64_t)want > r->limit - at)
			want = (size_t)(r->limit - at);
		do {
			got = want ? pread(r->fd, r->buf + r->end, want, at) : 0;
		} while (got < 0 && errno == EINTR);
		if (got < 0)
			return err_set(err, IKM_EIO, "%s: gagal membaca / read failed: %s", r->name,
			               strerror(errno));
	} else {
		do {
			got = read(r->fd, r->buf + r->end, room);
		} while (got < 0 && errno == EINTR);
		if (got < 0)
			return err_set(err, IKM_EIO, "%s: gagal membaca / read failed: %s", r->name,
			               strerror(errno));
	}
	if (got == 0)
		r->eof = 1;
	r->end += (size_t)got;
	return got;
}

/* Refill until at least CSV_MIN_READ new bytes (or the end of input) are
 * in: an incomplete row is scanned again from its start after every
 * refill, so a pipe that delivers a few bytes per read must not make that
 * quadratic. Returns 0 or -1. */
static int refill_more(struct csv_reader *r, struct ikm_err *err)
{
	size_t got = 0;

	while (!r->eof && got < CSV_MIN_READ && (got == 0 || r->end < r->cap)) {
		ssize_t n = refill(r, err);

		if (n < 0)
			return -1;
		got += (size_t)n;
	}
	return 0;
}

/* Choose the delimiter from the first line: the most frequent of , ; TAB
 * outside quotes (ties: , then ; then TAB). Skips a UTF-8 BOM. */
static int detect(struct csv_reader *r, struct ikm_err *err)
{
	size_t counts[3] = {0, 0, 0};
	const char cand[3] = {',', ';', '\t'};
	int inq = 0, best = 0;

	while (!r->eof && r->end - r->pos < 65536) {
		if (refill(r, err) < 0)
			return -1;
	}
	if (r->end - r->pos >= 3 && memcmp(r->buf + r->pos, "\xEF\xBB\xBF", 3) == 0)
		r->pos += 3;
	/* The UTF-16 byte order marks FF FE and FE FF (not FF FF or FE FE). */
	if (r->end - r->pos >= 2 && (memcmp(r->buf + r->pos, "\xFF\xFE", 2) == 0 ||
	                             memcmp(r->buf + r->pos, "\xFE\xFF", 2) == 0))
		return err_set(
		    err, IKM_EDATA,
		    "%s: berkas berkode UTF-16; simpan ulang sebagai \"CSV UTF-8\" / the "
		    "file is UTF-16; save it as CSV UTF-8",
		    r->name);
	/* A ZIP (an XLSX) arrives here only through standard input. */
	if (r->end - r->pos >= 4 && memcmp(r->buf + r->pos, "PK\x03\x04", 4) == 0)
		return err_set(err, IKM_EDATA,
		               "%s: ini berkas XLSX (ZIP), bukan CSV; berikan nama berkasnya, "
		               "bukan lewat masukan standar / an XLSX file: pass its name instead "
		               "of standard input",
		               r->name);
	/* Leading empty lines are skipped as rows, so they must not decide
	 * the delimiter either: count on the first non-empty line. */
	size_t i0 = r->pos;

	while (i0 < r->end && (r->buf[i0] == '\n' || r->buf[i0] == '\r'))
		i0++;
	for (size_t i = i0; i < r->end; i++) {
		char c = r->buf[i];

		if (c == '"')
			inq = !inq;
		else if (!inq && (c == '\n' || c == '\r'))
			break;
		else if (!inq)
			for (int d = 0; d < 3; d++)
				counts[d] += (c == cand[d]);
	}
	for (int d = 1; d < 3; d++)
		if (counts[d] > counts[best])
			best = d;
	set_delim(r, cand[best]);
	return 0;
}

/* Slow path state machine over buf[start..end). With write == 0 it only
 * finds the row end; with write == 1 it also unquotes fields in place.
 * Returns 1 with *next (first byte after the row terminator) and *lines
 * (line breaks consumed), 0 when more input is needed, -1 on error. */
static int scan_row(struct csv_reader *r, size_t start, int write, size_t *next, size_t *nf,
                    uint64_t *lines, struct ikm_err *err)
{
	char *b = r->buf;
	size_t i = start, o = start, fstart = start;
	size_t n = 0;
	int inq = 0, quoted_field = 0;
	uint64_t nl = 0;

	for (;;) {
		char c;

		if (i >= r->end) {
			if (!r->eof)
				return 0;
			if (inq)
				return err_set(err, IKM_EDATA,
				               "%s: baris %llu: tanda kutip tidak ditutup sampai "
				               "akhir berkas / unterminated quoted field",
				               r->name, (unsigned long long)r->line);
			goto field_end_row;
		}
		c = b[i];
		if (inq) {
			if (c == '"') {
				if (i + 1 >= r->end && !r->eof)
					return 0;
				if (i + 1 < r->end && b[i + 1] == '"') {
					if (write)
						b[o++] = '"';
					i += 2;
					continue;
				}
				inq = 0;
				i++;
				continue;
			}
			/* A line break inside quotes: LF, CRLF (counted at
			 * the LF) or a lone CR (old Mac files) all count. */
			if (c == '\n')
				nl++;
			else if (c == '\r') {
				if (i + 1 >= r->end && !r->eof)
					return 0;
				if (i + 1 >= r->end || b[i + 1] != '\n')
					nl++;
			}
			if (write)
				b[o++] = c;
			i++;
			continue;
		}
		if (c == '"' && i == fstart && !quoted_field) {
			inq = 1;
			quoted_field = 1;
			i++;
			continue;
		}
		if (c == r->delim) {
			if (n >= TABLE_MAX_FIELDS)
				goto too_many;
			if (write) {
				r->field[n] = b + fstart;
				r->len[n] = o - fstart;
				b[o] = '\0';
			}
			n++;
			i++;
			o = fstart = i;
			quoted_field = 0;
			continue;
		}
		if (c == '\n' || c == '\r') {
			if (c == '\r') {
				if (i + 1 >= r->end && !r->eof)
					return 0;
				if (i + 1 < r->end && b[i + 1] == '\n')
					i++;
			}
			nl++;
			i++;
			goto field_end;
		}
		if (write)
			b[o++] = c;
		i++;
	}
field_end_row:
field_end:
	if (n >= TABLE_MAX_FIELDS)
		goto too_many;
	if (write) {
		r->field[n] = b + fstart;
		r->len[n] = o - fstart;
		b[o] = '\0';
	}
	n++;
	*next = i;
	*nf = n;
	*lines = nl;
	return 1;
too_many:
	return err_set(err, IKM_ELIMIT,
	               "%s: baris %llu: lebih dari %d kolom / more than %d columns", r->name,
	               (unsigned long long)r->line, TABLE_MAX_FIELDS, TABLE_MAX_FIELDS);
}

/* Fast path: a row without quotes. Returns 1 (row done), 0 (more input
 * needed), 2 (a quote was seen: use the slow path). */
/* The fast path writes each field's pointer, length and terminating NUL
 * as soon as the field ends. When the row turns out to need more input or
 * the slow path, the NULs of the fields already cut are turned back into
 * delimiters, so the row can be scanned again from its start. */
static void cut(struct csv_reader *r, size_t *n, size_t *start, size_t at)
{
	r->field[*n] = r->buf + *start;
	r->len[*n] = at - *start;
	r->buf[at] = '\0';
	(*n)++;
	*start = at + 1;
}

static void uncut(struct csv_reader *r, size_t n)
{
	for (size_t f = 0; f < n; f++)
		r->buf[(r->field[f] - r->buf) + r->len[f]] = r->delim;
}

#if defined(__SSE2__)
/* Bit i set where b[i] equals any byte of `a` or `c` (16 bytes). */
static inline uint64_t match16(const unsigned char *b, __m128i a, __m128i c)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)b);

	return (uint64_t)(unsigned)_mm_movemask_epi8(
	    _mm_or_si128(_mm_cmpeq_epi8(x, a), _mm_cmpeq_epi8(x, c)));
}

/* SSE2 step: classify 64 bytes at a time and cut the fields that end at a
 * delimiter or line feed before the first quote or CR. A row shorter than
 * 64 bytes is then handled in one window, so the loop over its field ends
 * runs the same number of times for every row of a file (predictable).
 * Returns 1 when the row ended (*next set), -1 on too many fields, 0 when
 * the caller must go on at *ip with the scalar step (a quote or CR ahead,
 * or fewer than 64 bytes left). */
static int simd_steps(struct csv_reader *r, size_t *ip, size_t *np, size_t *sp, size_t *next)
{
	const unsigned char *b = (const unsigned char *)r->buf;
	char *buf = r->buf;
	const char **restrict field = r->field;
	size_t *restrict len = r->len;
	const __m128i vd = _mm_set1_epi8(r->delim), vl = _mm_set1_epi8('\n');
	const __m128i vq = _mm_set1_epi8('"'), vc = _mm_set1_epi8('\r');
	size_t i = *ip, n = *np, start = *sp;
	const size_t end = r->end;
	int rc = 0;

	/* Locals and restrict: the NUL stores into the buffer must not make
	 * the compiler reload the field arrays and counters. */
	while (i + 64 <= end) {
		uint64_t m = match16(b + i, vd, vl) | match16(b + i + 16, vd, vl) << 16 |
		             match16(b + i + 32, vd, vl) << 32 | match16(b + i + 48, vd, vl) << 48;
		uint64_t stop = match16(b + i, vq, vc) | match16(b + i + 16, vq, vc) << 16 |
		                match16(b + i + 32, vq, vc) << 32 |
		                match16(b + i + 48, vq, vc) << 48;

		if (stop != 0)
			m &= (stop & -stop) - 1; /* only bits before the first stop */
		while (m != 0) {
			size_t at = i + (size_t)__builtin_ctzll(m);
			int lf = b[at] == '\n';

			if (n >= TABLE_MAX_FIELDS) {
				i = at;
				rc = -1;
				goto out;
			}
			field[n] = buf + start;
			len[n] = at - start;
			buf[at] = '\0';
			n++;
			start = at + 1;
			if (lf) {
				*next = at + 1;
				rc = 1;
				goto out;
			}
			m &= m - 1;
		}
		if (stop != 0) {
			i += (size_t)__builtin_ctzll(stop);
			break;
		}
		i += 64;
	}
out:
	*ip = i;
	*np = n;
	*sp = start;
	return rc;
}
#endif

/* Fast path: a row without quotes. Returns 1 (row done), 0 (more input
 * needed), 2 (a quote was seen: use the slow path), -1 (too many fields);
 * on 0 and 2 the row is left as it was. */
static int fast_row(struct csv_reader *r, size_t *next, size_t *nf, struct ikm_err *err)
{
	const unsigned char *b = (const unsigned char *)r->buf;
	const unsigned char *cls = r->cls;
	size_t i = r->pos, end = r->end, n = 0, start = r->pos;
	int rc = 1;

	for (;;) {
		unsigned k;

#if defined(__SSE2__)
		rc = simd_steps(r, &i, &n, &start, next);
		if (rc != 0)
			break;
		rc = 1;
#endif
		while (i < end && (k = cls[b[i]]) == C_PLAIN)
			i++;
		if (i >= end) {
			if (!r->eof) {
				rc = 0;
				break;
			}
			if (n >= TABLE_MAX_FIELDS) {
				rc = -1;
				break;
			}
			cut(r, &n, &start, i); /* buf has one spare byte past cap */
			*next = i;
			break;
		}
		if (k == C_QUOTE) {
			rc = 2;
			break;
		}
		if (n >= TABLE_MAX_FIELDS) {
			rc = -1;
			break;
		}
		if (k == C_DELIM) {
			cut(r, &n, &start, i);
			i++;
			continue;
		}
		if (k == C_CR) {
			if (i + 1 >= end && !r->eof) {
				rc = 0;
				break;
			}
			cut(r, &n, &start, i);
			if (i + 1 < end && b[i + 1] == '\n')
				i++;
		} else {
			cut(r, &n, &start, i);
		}
		*next = i + 1;
		break;
	}
	if (rc == 0 || rc == 2)
		uncut(r, n);
	*nf = n;
	return rc;
}

#define RUN_MAX_BYTES 256 /* rows the answer-run fast path looks at */

#if defined(__SSE2__)
/* The answer-run fast path: is the row at r->pos free of quotes, at most
 * RUN_MAX_BYTES long and, from column `first` on, k fields that are each
 * empty or one digit 1..4? Then *packed gets the digits, 3 bits each
 * (field j in bits 3j..3j+2, 0 for empty), and *next the start of the
 * next row, without cutting any field. Returns 1 on a match, 0 otherwise
 * (the row is then read the usual way). */
static int run_row(const struct csv_reader *r, int first, int k, uint64_t *packed, size_t *next)
{
	const unsigned char *b = (const unsigned char *)r->buf;
	const __m128i vd = _mm_set1_epi8(r->delim), vl = _mm_set1_epi8('\n');
	const __m128i vq = _mm_set1_epi8('"'), vc = _mm_set1_epi8('\r');
	size_t pos = r->pos, i = pos, lf = 0, s = first == 0 ? pos : 0, ce;
	int skip = first, found = 0;
	uint64_t key = 0;

	while (!found && i + 64 <= r->end && i - pos < RUN_MAX_BYTES) {
		uint64_t d = match16(b + i, vd, vd) | match16(b + i + 16, vd, vd) << 16 |
		             match16(b + i + 32, vd, vd) << 32 | match16(b + i + 48, vd, vd) << 48;
		uint64_t l = match16(b + i, vl, vl) | match16(b + i + 16, vl, vl) << 16 |
		             match16(b + i + 32, vl, vl) << 32 | match16(b + i + 48, vl, vl) << 48;
		uint64_t q = match16(b + i, vq, vc) | match16(b + i + 16, vq, vc) << 16 |
		             match16(b + i + 32, vq, vc) << 32 | match16(b + i + 48, vq, vc) << 48;

		if (l != 0) {
			uint64_t before = (l & -l) - 1;

			lf = i + (size_t)__builtin_ctzll(l);
			d &= before;
			q &= before;
			/* A CR is allowed only as the CR of CRLF. */
			if (lf > pos && b[lf - 1] == '\r')
				q &= ~((uint64_t)1 << (lf - 1 - i));
			found = 1;
		}
		if (q != 0)
			return 0;
		while (skip > 0 && d != 0) {
			if (skip == 1)
				s = i + (size_t)__builtin_ctzll(d) + 1;
			d &= d - 1;
			skip--;
		}
		i += 64;
	}
	if (!found || skip > 0)
		return 0;
	ce = (lf > pos && b[lf - 1] == '\r') ? lf - 1 : lf; /* content end */
	if (s + 64 <= r->end && s + 2 * (size_t)k - 1 <= ce) {
		/* Every answer given: digits at even offsets, delimiters at odd
		 * ones, and the run ends at a delimiter or the row's end. Checked
		 * 64 bytes at a time; otherwise field by field below. */
		const unsigned L = 2 * (unsigned)k - 1;
		const __m128i one = _mm_set1_epi8('1'), three = _mm_set1_epi8(3);
		uint64_t dig = 0, del = 0, even, odd;

		for (unsigned o = 0; o < 64; o += 16) {
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(b + s + o));
			__m128i v = _mm_sub_epi8(x, one);

			dig |= (uint64_t)(unsigned)_mm_movemask_epi8(
				   _mm_cmpeq_epi8(_mm_max_epu8(v, three), three))
			       << o;
			del |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, vd)) << o;
		}
		even = 0x5555555555555555ULL & (((uint64_t)1 << L) - 1);
		odd = 0xAAAAAAAAAAAAAAAAULL & (((uint64_t)1 << L) - 1);
		if ((dig & even) == even && (del & odd) == odd &&
		    (s + L == ce || ((del >> L) & 1) != 0)) {
			for (int j = 0; j < k; j++)
				key |= (uint64_t)(b[s + 2 * (size_t)j] - '0') << (3 * j);
			*packed = key;
			*next = lf + 1;
			return 1;
		}
	}
	for (int j = 0; j < k; j++) {
		unsigned v = 0, c;
		size_t t = s;

		if (s > ce)
			return 0; /* fewer fields than the run */
		c = s < ce ? b[s] : (unsigned)r->delim;
		if (c != (unsigned char)r->delim) {
			if (c - '1' >= 4u)
				return 0;
			v = c - '0';
			t = s + 1;
		}
		if (j + 1 < k) {
			if (t >= ce || b[t] != (unsigned char)r->delim)
				return 0;
		} else if (t != ce && b[t] != (unsigned char)r->delim) {
			return 0;
		}
		key |= (uint64_t)v << (3 * j);
		s = t + 1;
	}
	if (key == 0)
		return 0; /* maybe a blank row: let the usual way decide */
	*packed = key;
	*next = lf + 1;
	return 1;
}
#endif

int csv_next_run(struct csv_reader *r, int first, int k, uint64_t *packed, struct table_row *row,
                 struct ikm_err *err)
{
	int rc;

#if defined(__SSE2__)
	size_t next;

	if (r->started && k > 0 && k <= CSV_RUN_MAX_K && first >= 0 &&
	    run_row(r, first, k, packed, &next)) {
		row->line = r->line;
		row->n = 0; /* no field is cut: the caller reads vals */
		row->field = NULL;
		row->len = NULL;
		r->line++;
		r->pos = next;
		return 1;
	}
#endif
	rc = csv_next(r, row, err);
	return rc == 1 ? 2 : rc;
}

/* The row at r->pos is longer than TABLE_MAX_ROW_BYTES (line break
 * included). */
static int too_long(const struct csv_reader *r, struct ikm_err *err)
{
	return err_set(err, IKM_ELIMIT,
	               "%s: baris %llu lebih panjang dari %u byte / row longer than the limit",
	               r->name, (unsigned long long)r->line, TABLE_MAX_ROW_BYTES);
}

int csv_next(struct csv_reader *r, struct table_row *row, struct ikm_err *err)
{
	for (;;) {
		size_t next = 0, nf = 0;
		uint64_t lines = 1;
		int rc;

		if (!r->started) {
			if (detect(r, err) < 0)
				return -1;
			r->started = 1;
		}
		if (r->pos >= r->end) {
			if (r->eof)
				return 0;
			if (refill(r, err) < 0)
				return -1;
			continue;
		}
		rc = fast_row(r, &next, &nf, err);
		if (rc < 0)
			return err_set(err, IKM_ELIMIT,
			               "%s: baris %llu: lebih dari %d kolom / more than %d columns",
			               r->name, (unsigned long long)r->line, TABLE_MAX_FIELDS,
			               TABLE_MAX_FIELDS);
		if (rc == 2) {
			rc = scan_row(r, r->pos, 0, &next, &nf, &lines, err);
			if (rc < 0)
				return -1;
			if (rc == 1)
				scan_row(r, r->pos, 1, &next, &nf, &lines, err);
		}
		if (rc == 0) {
			/* The unfinished row is already longer than the
			 * limit: say so now rather than when the buffer is
			 * full (which depends on where the row started). */
			if (r->end - r->pos > TABLE_MAX_ROW_BYTES)
				return too_long(r, err);
			if (refill_more(r, err) < 0)
				return -1;
			continue;
		}
		if (next - r->pos > TABLE_MAX_ROW_BYTES)
			return too_long(r, err);
		row->line = r->line;
		r->line += lines;
		r->pos = next;
		if (nf == 1 && r->len[0] == 0)
			continue; /* empty line */
		row->n = nf;
		row->field = r->field;
		row->len = r->len;
		return 1;
	}
}
