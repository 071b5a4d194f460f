/* load: see load.h. */
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	while (len > 0 && len < row->len[col] && ((unsigned char)row->field[col][len] & 0xC0) == 0x80)
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

static int load_one(const char *path, int fi, struct instrument *in,
		    const struct load_opts *opts, struct score_acc **acc, struct load_report *rep,
		    struct ikm_err *err)
{
	struct load_file_info *info = &rep->files[fi];
	struct table *t = NULL;
	struct table_row row;
	uint8_t vals[INSTR_MAX_ELEMENTS];
	int rc;

	snprintf(info->name, sizeof(info->name), "%s", path);
	if (table_open(path, &t, err) < 0)
		return -1;
	/* Spreadsheets often save empty rows (",,,,") above the header. */
	while ((rc = table_next(t, &row, err)) > 0 && blank_row(&row))
		;
	if (rc <= 0) {
		if (rc == 0)
			err_set(err, IKM_EDATA,
				"%s: berkas kosong, tidak ada baris judul / empty file, no header row",
				path);
		goto fail;
	}
	snprintf(info->format, sizeof(info->format), "%s", table_format(t));
	if (colmap_build(&info->map, in, fi == 0 && opts->add_extras, &row, path, err) < 0)
		goto fail;
	if (*acc == NULL)
		*acc = score_acc_new(in->k);

	while ((rc = table_next(t, &row, err)) > 0) {
		const struct colmap *m = &info->map;
		int bad = 0;
		unsigned flags;

		if (blank_row(&row))
			continue;
		info->rows++;
		rep->rows++;
		for (int j = 0; j < in->k; j++) {
			int c = m->elem_col[j];
			int v;

			if ((size_t)c >= row.n) {
				vals[j] = 0;
				continue;
			}
			v = value_parse(&in->el[j], row.field[c], row.len[c]);
			if (v >= 0) {
				vals[j] = (uint8_t)v;
				continue;
			}
			if (!opts->skip_invalid) {
				char msg[IKM_ERR_MSG_MAX];

				bad_value(msg, sizeof(msg), path, &row, c, m, j, &in->el[j], v, 1);
				err_set(err, IKM_EDATA, "%s", msg);
				goto fail;
			}
			if (!bad && rep->nmsgs < LOAD_KEEP_MESSAGES)
				bad_value(rep->msgs[rep->nmsgs++], LOAD_MESSAGE_MAX, path, &row, c, m,
					  j, &in->el[j], v, 0);
			bad = 1;
		}
		if (bad) {
			rep->skipped++;
			quality_note(&rep->quality, QUALITY_INVALID, fi, row.line);
			continue;
		}
		flags = quality_flags(vals, in->k);
		if (flags != 0)
			quality_note(&rep->quality, flags, fi, row.line);
		score_acc_add(*acc, vals);
	}
	if (rc < 0)
		goto fail;
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
