/* fuzz_xlsx: libFuzzer target for the XLSX reader (src/io/xlsx.c).
 *
 * An input starting with "PK" is taken as a whole .xlsx file. Any other
 * input is worksheet XML, optionally followed by a NUL byte and shared
 * strings XML, which is wrapped into a minimal workbook with uncompressed
 * members, so the fuzzer reaches the XML handling instead of fighting the
 * deflate and CRC layers. Every row is read, with a bound on the rows. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "xlsx.h"

#define FUZZ_MAX_ROWS 100000

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char workbook[] =
    "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
    "<sheet name=\"F\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" Target=\"worksheets/f.xml\"/>"
    "</Relationships>";

static int add(zip_t *za, const char *name, const void *buf, size_t len)
{
	zip_source_t *s = zip_source_buffer(za, buf, len, 0);
	zip_int64_t idx;

	if (s == NULL)
		return -1;
	idx = zip_file_add(za, name, s, 0);
	if (idx < 0) {
		zip_source_free(s);
		return -1;
	}
	return zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
}

/* Wrap sheet [NUL sst] into an XLSX in a new buffer; NULL on failure. */
static unsigned char *wrap(const uint8_t *data, size_t size, size_t *len)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t sheet_len = nul ? (size_t)(nul - data) : size;
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, NULL);
	unsigned char *buf = NULL;
	zip_stat_t st;
	zip_t *za;

	if (src == NULL)
		return NULL;
	zip_source_keep(src);
	za = zip_open_from_source(src, ZIP_TRUNCATE, NULL);
	if (za == NULL)
		goto out;
	if (add(za, "xl/workbook.xml", workbook, sizeof(workbook) - 1) != 0 ||
	    add(za, "xl/_rels/workbook.xml.rels", rels, sizeof(rels) - 1) != 0 ||
	    add(za, "xl/worksheets/f.xml", data, sheet_len) != 0 ||
	    (nul != NULL && add(za, "xl/sharedStrings.xml", nul + 1, size - sheet_len - 1) != 0)) {
		zip_discard(za);
		goto out;
	}
	if (zip_close(za) != 0) {
		zip_discard(za);
		goto out;
	}
	if (zip_source_stat(src, &st) != 0 || zip_source_open(src) != 0)
		goto out;
	buf = malloc(st.size ? st.size : 1);
	if (buf != NULL && zip_source_read(src, buf, st.size) != (zip_int64_t)st.size) {
		free(buf);
		buf = NULL;
	}
	*len = st.size;
	zip_source_close(src);
out:
	zip_source_free(src);
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct xlsx_reader *r = NULL;
	struct ikm_err err;
	struct table_row row;
	unsigned char *wrapped = NULL;
	const void *buf = data;
	size_t len = size, total = 0;

	if (size < 2 || data[0] != 'P' || data[1] != 'K') {
		wrapped = wrap(data, size, &len);
		if (wrapped == NULL)
			return 0;
		buf = wrapped;
	}
	if (xlsx_open_mem(buf, len, "fuzz.xlsx", &r, &err) == 0) {
		for (int i = 0; i < FUZZ_MAX_ROWS; i++) {
			if (xlsx_next(r, &row, &err) != 1)
				break;
			/* touch every field so ASan checks pointers and lengths */
			for (size_t j = 0; j < row.n; j++)
				total += strlen(row.field[j]) == row.len[j];
		}
		xlsx_close(r);
	}
	free(wrapped);
	return total == SIZE_MAX;
}
