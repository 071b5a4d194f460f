/* load: see load.h. */
#include "load.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "table.h"
#include "value.h"
#include "xalloc.h"

/* Message for a bad value at (file, row, column). */
static void bad_value(char *buf, size_t size, const char *file, const struct table_row *row,
                      int col, const struct colmap *m, int j, const struct instr_element *e,
                      int kind, int hint)
{
	char shown[64];
	size_t len = row->len[col] < sizeof(shown) - 1 ? row->len[col] : sizeof(shown) - 1;

	/* Do not cut a UTF-8 sequence in half. */
	while (len > 0 && len < row->len[col] &&
	       ((unsigned char)row->field[col][len] & 0xC0) == 0x80)
		len--;
	memcpy(shown, row->field[col], len);
	shown[len] = '\0';
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)shown[i] < 0x20)
			shown[i] = ' ';
	snprintf(buf, size,
	         "%s: baris %llu, kolom %d (\"%s\"): nilai \"%s\" %s; yang diharapkan angka 1-4, "
	         "label pilihan unsur %s (%s, %s, %s, %s), atau kosong bila tidak dijawab%s / "
	         "invalid value, expected 1-4, an option label or empty%s",
	         file, (unsigned long long)row->line, col + 1, m->header[j], shown,
	         kind == VALUE_RANGE ? "di luar rentang" : "tidak dikenali", e->code, e->labels[0],
	         e->labels[1], e->labels[2], e->labels[3],
	         hint ? ". Perbaiki nilainya, atau jalankan dengan --skip-invalid untuk melewati "
	                "baris seperti ini"
	              : "",
	         hint ? "; fix it or use --skip-invalid" : "");
}

/* 1 when every field of the row is blank. */
static int blank_row(const struct table_row *row)
{
	for (size_t c = 0; c < row->n; c++) {
		for (size_t i = 0; i < row->len[c]; i++) {
			char ch = row->field[c][i];

			if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n')
				return 0;
		}
	}
	return 1;
}

/* Tally the profile fields of a counted row. */
static void resp_row(struct resp_tally *r, const struct colmap *m, const struct table_row *row)
{
	const char *field[PROF_COUNT];
	size_t len[PROF_COUNT];

	for (int p = 0; p < PROF_COUNT; p++) {
		int c = m->prof_col[p];

		if (c >= 0 && (size_t)c < row->n) {
			field[p] = row->field[c];
			len[p] = row->len[c];
		} else {
			field[p] = NULL;
			len[p] = 0;
		}
	}
	resp_add(r, field, len);
}

/* Hand a counted row (general path: fields cut) to opts->row. */
static int row_call(const struct load_opts *opts, int fi, const struct colmap *m,
                    const struct table_row *row, unsigned flags, int packed, uint64_t key,
                    const uint8_t *vals, int k, struct ikm_err *err)
{
	struct load_row r = {0};
	uint8_t v[INSTR_MAX_ELEMENTS];

	r.file = fi;
	r.line = row->line;
	r.k = k;
	r.flags = flags;
	for (int j = 0; j < k; j++)
		v[j] = packed ? (uint8_t)((key >> (3 * j)) & 7) : vals[j];
	r.vals = v;
	for (int p = 0; p < PROF_COUNT; p++) {
		int c = m->prof_col[p];

		if (c >= 0 && (size_t)c < row->n) {
			r.prof[p] = row->field[c];
			r.prof_len[p] = row->len[c];
		}
	}
	return opts->row(opts->row_user, &r, err);
}

/* Where the rows of one reader go. */
struct rows_out {
	struct score_acc *acc;
	struct quality_tally *q;
	uint64_t rows;                /* data rows (blank rows not counted) */
	uint64_t skipped;             /* rows skipped as invalid */
	struct load_report *msgs;     /* skip messages (sequential reads only) */
	const struct load_opts *opts; /* for the row visitor, or NULL */
};

/* Keep (while there is room) and hand to opts->reject the message of a
 * row skipped for a bad value. */
static void skip_note(struct rows_out *o, int fi, const char *path, const struct table_row *row,
                      int col, const struct colmap *m, int j, const struct instr_element *e,
                      int kind)
{
	int keep = o->msgs != NULL && o->msgs->nmsgs < LOAD_KEEP_MESSAGES;
	int call = o->opts != NULL && o->opts->reject != NULL;
	char msg[LOAD_MESSAGE_MAX];

	if (!keep && !call)
		return;
	bad_value(msg, sizeof(msg), path, row, col, m, j, e, kind, 0);
	if (keep)
		memcpy(o->msgs->msgs[o->msgs->nmsgs++], msg, sizeof(msg));
	if (call)
		o->opts->reject(o->opts->reject_user, fi, row->line, msg);
}

static int blank_char(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Read every remaining row of t: check values, flag quality, accumulate.
 * This is the per-row hot path. Rows the CSV reader recognises as a run of
 * one-digit answers arrive packed (no fields); for other rows the common
 * one-digit answer is decided inline and anything else goes through
 * value_parse, which also yields the error messages. */
static int process_rows(struct table *t, const char *path, int fi, const struct colmap *m,
                        const struct instrument *in, int skip_invalid, int opts_run,
                        struct rows_out *o, struct ikm_err *err)
{
	struct table_row row;
	uint8_t vals[INSTR_MAX_ELEMENTS];
	int cols[INSTR_MAX_ELEMENTS];
	const int k = in->k;
	/* Up to 21 elements the answers are packed into a register (see
	 * score_acc_add_packed) instead of stored and read back. */
	const int packed = k <= SCORE_PACK_MAX_K;
	int run = opts_run;
	uint64_t key = 0;
	int rc;

	run &= packed && k <= CSV_RUN_MAX_K;
	for (int j = 0; j < k; j++) {
		cols[j] = m->elem_col[j];
		run &= cols[j] == cols[0] + j;
	}
	/* Element columns side by side (U1..U9): most rows then come through
	 * the reader's answer-run fast path, as digits, with no field cut. */
	while ((rc = run ? table_next_run(t, cols[0], k, &key, &row, err)
	                 : table_next(t, &row, err)) > 0) {
		const char *const *restrict field = row.field;
		const size_t *restrict len = row.len;
		const size_t nf = row.n;
		unsigned answered = 0, orv = 0, andv = 0xFF, flags;
		int bad = 0;

		if (rc == 1 && run) {
			/* Answer-run row: key holds the k digits, packed. */
			o->rows++;
			flags = quality_flags_packed(key, k);
			goto counted;
		}
		key = 0;
		if ((len[0] == 0 || blank_char(field[0][0])) && blank_row(&row))
			continue;
		o->rows++;
		for (int j = 0; j < k; j++) {
			size_t c = (size_t)cols[j];
			unsigned v = 0;

			if (c < nf) {
				const char *f = field[c];
				unsigned d = (unsigned)(unsigned char)f[0] - '1';

				if (len[c] == 1 && d < 4) {
					v = d + 1;
				} else {
					int pv = value_parse(&in->el[j], f, len[c]);

					if (pv < 0) {
						if (!skip_invalid) {
							char msg[IKM_ERR_MSG_MAX];

							bad_value(msg, sizeof(msg), path, &row,
							          (int)c, m, j, &in->el[j], pv, 1);
							return err_set(err, IKM_EDATA, "%s", msg);
						}
						if (!bad)
							skip_note(o, fi, path, &row, (int)c, m, j,
							          &in->el[j], pv);
						bad = 1;
						continue;
					}
					v = (unsigned)pv;
				}
			}
			if (packed)
				key |= (uint64_t)v << (3 * j);
			else
				vals[j] = (uint8_t)v;
			answered += v != 0;
			orv |= v;
			andv &= v != 0 ? v : 0xFF;
		}
		if (bad) {
			o->skipped++;
			quality_note(o->q, QUALITY_INVALID, fi, row.line);
			continue;
		}
		flags = quality_flags_summary(answered, orv, andv, k);
counted:
		if (flags != 0)
			quality_note(o->q, flags, fi, row.line);
		if (packed)
			score_acc_add_packed(o->acc, key);
		else
			score_acc_add(o->acc, vals);
		/* Never an answer-run row: the tally turns that path off. A row
		 * answering no element is not a respondent (score.h). */
		if (o->opts != NULL && o->opts->resp != NULL && !(flags & QUALITY_EMPTY))
			resp_row(o->opts->resp, m, &row);
		if (o->opts != NULL && o->opts->row != NULL &&
		    row_call(o->opts, fi, m, &row, flags, packed, key, vals, k, err) < 0)
			return -1;
		if (o->opts != NULL && o->opts->visit != NULL) {
			if (packed)
				for (int j = 0; j < k; j++)
					vals[j] = (uint8_t)((key >> (3 * j)) & 7);
			o->opts->visit(o->opts->visit_user, fi, row.line, vals, k);
		}
	}
	return rc < 0 ? -1 : 0;
}

/* One part of a file read by its own thread. */
struct part {
	pthread_t th;
	int running;
	const char *path;
	int fd, fi;
	int64_t start, end;
	char delim;
	int run; /* answer-run fast path allowed */
	const struct colmap *m;
	const struct instrument *in;
	struct score_acc *acc;
	struct quality_tally q;
	uint64_t rows, lines;
	int rc;
	struct ikm_err err;
};

static void *part_run(void *arg)
{
	struct part *p = arg;
	struct table *t = NULL;
	struct rows_out o = {p->acc, &p->q, 0, 0, NULL, NULL};

	p->rc = table_open_csv_range(p->fd, p->path, p->start, p->end, p->delim, &t, &p->err);
	if (p->rc == 0)
		p->rc = process_rows(t, p->path, p->fi, p->m, p->in, 0, p->run, &o, &p->err);
	if (p->rc == 0) {
		p->rows = o.rows;
		p->lines = table_line(t) - 1;
	}
	table_close(t);
	return NULL;
}

/* Offset of the first row boundary after `at` (the byte after the next
 * line feed), `size` when there is none, -1 on a read error. */
static int64_t next_row_start(int fd, int64_t at, int64_t size)
{
	char buf[4096];

	while (at < size) {
		size_t want = size - at < (int64_t)sizeof(buf) ? (size_t)(size - at) : sizeof(buf);
		ssize_t n = pread(fd, buf, want, at);
		const char *nl;

		if (n <= 0)
			return -1;
		nl = memchr(buf, '\n', (size_t)n);
		if (nl != NULL)
			return at + (nl - buf) + 1;
		at += n;
	}
	return size;
}

/* Read the rest of a regular CSV file in parallel parts, split at line
 * feeds. A line feed inside a quoted field would make a wrong split; the
 * part before it then ends inside quotes and fails, as does any part with
 * a data error. Then every part's result is dropped and the caller reads
 * on sequentially, which reports errors with exact line numbers. Returns 1
 * when the rows were read and merged into acc, 0 when the caller must
 * read them itself. */
static int load_parallel(struct table *t, const char *path, int fi, const struct colmap *m,
                         const struct instrument *in, const struct load_opts *opts,
                         struct score_acc *acc, struct load_report *rep,
                         struct load_file_info *info)
{
	int64_t bound[LOAD_MAX_THREADS + 1];
	struct part *parts;
	int fd, nparts = opts->threads, np = 0, ok = 1;
	int64_t off, size;
	uint64_t line;
	char delim;
	size_t per_part = score_acc_bytes(in->k) + TABLE_MAX_ROW_BYTES;

	if (nparts > LOAD_MAX_THREADS)
		nparts = LOAD_MAX_THREADS;
	if ((size_t)nparts * per_part > LOAD_PARALLEL_MEMORY)
		nparts = (int)(LOAD_PARALLEL_MEMORY / per_part);
	if (nparts < 2 || opts->skip_invalid || opts->visit != NULL || opts->resp != NULL ||
	    opts->row != NULL || table_csv_position(t, &fd, &off, &line, &delim, &size) < 0 ||
	    size - off < opts->parallel_min_bytes || size <= off)
		return 0;
	bound[0] = off;
	for (int i = 1; i < nparts; i++) {
		int64_t at = next_row_start(fd, off + (size - off) / nparts * i - 1, size);

		if (at < 0)
			return 0;
		if (at > bound[np] && at < size)
			bound[++np] = at;
	}
	bound[++np] = size;
	if (np < 2)
		return 0;

	parts = xcalloc((size_t)np, sizeof(*parts));
	for (int i = 0; i < np; i++) {
		struct part *p = &parts[i];

		p->path = path;
		p->fd = fd;
		p->fi = fi;
		p->start = bound[i];
		p->end = bound[i + 1];
		p->delim = delim;
		p->m = m;
		p->in = in;
		p->run = !opts->no_run_path;
		p->acc = score_acc_new(in->k);
		if (i > 0)
			p->running = pthread_create(&p->th, NULL, part_run, p) == 0;
	}
	for (int i = 0; i < np; i++) {
		if (i == 0 || !parts[i].running)
			part_run(&parts[i]); /* this thread's share, or no thread */
	}
	for (int i = 1; i < np; i++) {
		if (parts[i].running)
			pthread_join(parts[i].th, NULL);
	}
	for (int i = 0; i < np; i++)
		ok &= parts[i].rc == 0;
	if (ok) {
		/* Merge in file order; part line numbers become file lines. */
		for (int i = 0; i < np; i++) {
			score_acc_merge(acc, parts[i].acc);
			quality_merge(&rep->quality, &parts[i].q, line - 1);
			info->rows += parts[i].rows;
			rep->rows += parts[i].rows;
			line += parts[i].lines;
		}
		info->parts = np;
	}
	for (int i = 0; i < np; i++)
		score_acc_free(parts[i].acc);
	free(parts);
	return ok;
}

static int load_one(const char *path, int fi, struct instrument *in, const struct load_opts *opts,
                    struct score_acc **acc, struct load_report *rep, struct ikm_err *err)
{
	struct load_file_info *info = &rep->files[fi];
	struct table *t = NULL;
	struct table_row row;
	int rc;

	snprintf(info->name, sizeof(info->name), "%s", path);
	if ((opts->mem != NULL
	         ? table_open_mem(opts->mem[fi].data, opts->mem[fi].len, path, &t, err)
	         : table_open(path, &t, err)) < 0)
		return -1;
	/* Spreadsheets often save empty rows (",,,,") above the header. */
	while ((rc = table_next(t, &row, err)) > 0 && blank_row(&row))
		;
	if (rc <= 0) {
		if (rc == 0)
			err_set(
			    err, IKM_EDATA,
			    "%s: berkas kosong, tidak ada baris judul / empty file, no header row",
			    path);
		goto fail;
	}
	snprintf(info->format, sizeof(info->format), "%s", table_format(t));
	if (colmap_build(&info->map, in, fi == 0 && opts->add_extras, &row, path, err) < 0)
		goto fail;
	if (*acc == NULL)
		*acc = score_acc_new(in->k);
	if (opts->resp != NULL)
		resp_columns(opts->resp, info->map.prof_col);
	if (!load_parallel(t, path, fi, &info->map, in, opts, *acc, rep, info)) {
		struct rows_out o = {*acc, &rep->quality, 0, 0, rep, opts};

		info->parts = 1;
		/* The profile tally needs the fields cut: no answer runs. */
		rc = process_rows(t, path, fi, &info->map, in, opts->skip_invalid,
		                  !opts->no_run_path && opts->resp == NULL && opts->row == NULL, &o,
		                  err);
		info->rows += o.rows;
		rep->rows += o.rows;
		rep->skipped += o.skipped;
		if (rc < 0)
			goto fail;
	}
	table_close(t);
	return 0;
fail:
	table_close(t);
	return -1;
}

int load_files(char *const *paths, int n, struct instrument *in, const struct load_opts *opts,
               struct score_acc **acc, struct load_report *rep, struct ikm_err *err)
{
	memset(rep, 0, sizeof(*rep));
	*acc = NULL;
	if (n < 1)
		return err_set(err, IKM_EUSAGE, "tidak ada berkas data / no data file given");
	if (n > LOAD_MAX_FILES)
		return err_set(err, IKM_ELIMIT,
		               "terlalu banyak berkas: paling banyak %d / too many files (max %d)",
		               LOAD_MAX_FILES, LOAD_MAX_FILES);
	rep->files = xcalloc((size_t)n, sizeof(*rep->files));
	rep->nfiles = n;
	for (int i = 0; i < n; i++) {
		if (load_one(paths[i], i, in, opts, acc, rep, err) < 0)
			return -1;
	}
	return 0;
}

void load_report_free(struct load_report *rep)
{
	if (rep == NULL)
		return;
	free(rep->files);
	rep->files = NULL;
	rep->nfiles = 0;
}
