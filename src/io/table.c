/* table: see table.h. Format detection by content, then CSV or XLSX. */
#include "table.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv.h"
#include "xalloc.h"
#include "xlsx.h"

struct table {
	struct csv_reader *csv;
	struct xlsx_reader *xlsx;
	char format[64];
	int described; /* the CSV delimiter is in format */
	int fd;        /* CSV from a regular file: its descriptor, else -1 */
	int64_t size;  /* and its size */
};

/* Read up to n bytes at offset 0 without moving the file offset. */
static ssize_t peek(int fd, unsigned char *buf, size_t n)
{
	ssize_t got;

	do {
		got = pread(fd, buf, n, 0);
	} while (got < 0 && errno == EINTR);
	return got;
}

/* The signature of an OLE compound file: a legacy .xls workbook. */
static const unsigned char ole_magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

static int legacy_xls(const char *name, struct ikm_err *err)
{
	return err_set(err, IKM_EDATA,
	               "%s: berkas Excel lama (.xls) belum didukung; simpan ulang sebagai "
	               ".xlsx atau .csv / legacy .xls is not supported, save as .xlsx or .csv",
	               name);
}

int table_open(const char *path, struct table **out, struct ikm_err *err)
{
	struct table *t;
	unsigned char magic[8] = {0};
	struct stat st;
	ssize_t got;
	int fd;

	*out = NULL;
	if (strcmp(path, "-") == 0) {
		t = xcalloc(1, sizeof(*t));
		t->fd = -1;
		if (csv_open_fd(0, 0, "(stdin)", &t->csv, err) < 0) {
			free(t);
			return -1;
		}
		snprintf(t->format, sizeof(t->format), "CSV");
		*out = t;
		return 0;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_set(err, IKM_EIO, "%s: tidak dapat dibuka / cannot open: %s", path,
		               strerror(errno));
	if (fstat(fd, &st) < 0 || S_ISDIR(st.st_mode)) {
		close(fd);
		return err_set(err, IKM_EIO,
		               "%s: bukan berkas biasa (folder?) / not a regular file", path);
	}
	got = S_ISREG(st.st_mode) ? peek(fd, magic, sizeof(magic)) : 0;
	if (got >= 4 && memcmp(magic, "PK\x03\x04", 4) == 0) {
		close(fd);
		t = xcalloc(1, sizeof(*t));
		t->fd = -1;
		if (xlsx_open(path, &t->xlsx, err) < 0) {
			free(t);
			return -1;
		}
		snprintf(t->format, sizeof(t->format), "XLSX");
		*out = t;
		return 0;
	}
	if (got >= 8 && memcmp(magic, ole_magic, 8) == 0) {
		close(fd);
		return legacy_xls(path, err);
	}
	t = xcalloc(1, sizeof(*t));
	if (csv_open_fd(fd, 1, path, &t->csv, err) < 0) {
		close(fd);
		free(t);
		return -1;
	}
	t->fd = S_ISREG(st.st_mode) ? fd : -1;
	t->size = (int64_t)st.st_size;
	snprintf(t->format, sizeof(t->format), "CSV");
	*out = t;
	return 0;
}

int table_open_mem(const void *buf, size_t len, const char *name, struct table **out,
                   struct ikm_err *err)
{
	struct table *t;

	*out = NULL;
	if (len >= 8 && memcmp(buf, ole_magic, 8) == 0)
		return legacy_xls(name, err);
	t = xcalloc(1, sizeof(*t));
	t->fd = -1;
	if (len >= 4 && memcmp(buf, "PK\x03\x04", 4) == 0) {
		if (xlsx_open_mem(buf, len, name, &t->xlsx, err) < 0) {
			free(t);
			return -1;
		}
		snprintf(t->format, sizeof(t->format), "XLSX");
	} else {
		if (csv_open_mem((const char *)buf, len, name, &t->csv, err) < 0) {
			free(t);
			return -1;
		}
		snprintf(t->format, sizeof(t->format), "CSV");
	}
	*out = t;
	return 0;
}

/* Once the first CSV row is read, name its delimiter in the format. */
static void describe(struct table *t)
{
	char d = csv_delimiter(t->csv);

	snprintf(t->format, sizeof(t->format), "CSV, pemisah %s",
	         d == '\t'  ? "tab"
	         : d == ';' ? "titik koma"
	                    : "koma");
	t->described = 1;
}

int table_next(struct table *t, struct table_row *row, struct ikm_err *err)
{
	int rc;

	if (t->xlsx != NULL)
		return xlsx_next(t->xlsx, row, err);
	rc = csv_next(t->csv, row, err);
	if (rc > 0 && !t->described)
		describe(t);
	return rc;
}

int table_open_csv_range(int fd, const char *name, int64_t start, int64_t end, char delim,
                         struct table **out, struct ikm_err *err)
{
	struct table *t = xcalloc(1, sizeof(*t));

	t->fd = -1;
	if (csv_open_range(fd, name, start, end, delim, &t->csv, err) < 0) {
		free(t);
		return -1;
	}
	snprintf(t->format, sizeof(t->format), "CSV");
	t->described = 1;
	*out = t;
	return 0;
}

int table_csv_position(const struct table *t, int *fd, int64_t *offset, uint64_t *line, char *delim,
                       int64_t *size)
{
	if (t->csv == NULL || t->fd < 0)
		return -1;
	*fd = t->fd;
	*offset = csv_offset(t->csv);
	*line = csv_line(t->csv);
	*delim = csv_delimiter(t->csv);
	*size = t->size;
	return 0;
}

uint64_t table_line(const struct table *t)
{
	return t->csv != NULL ? csv_line(t->csv) : 0;
}

int table_next_run(struct table *t, int first, int k, uint64_t *packed, struct table_row *row,
                   struct ikm_err *err)
{
	int rc;

	if (t->csv == NULL) {
		rc = table_next(t, row, err);
		return rc == 1 ? 2 : rc;
	}
	rc = csv_next_run(t->csv, first, k, packed, row, err);
	if (rc > 0 && !t->described)
		describe(t);
	return rc;
}

const char *table_format(const struct table *t)
{
	return t->format;
}

void table_close(struct table *t)
{
	if (t == NULL)
		return;
	csv_close(t->csv);
	xlsx_close(t->xlsx);
	free(t);
}
