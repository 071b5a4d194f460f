/* xlsx_fixture: build small XLSX files in memory for the tests, from given
 * part contents (worksheet XML, shared strings, workbook, rels), zipped with
 * libzip. Everything aborts on failure: this is test code. */
#ifndef IKM_XLSX_FIXTURE_H
#define IKM_XLSX_FIXTURE_H

#include <stddef.h>

/* One ZIP member: name and NUL-terminated content. */
struct xlsx_fixture_part {
	const char *name;
	const char *data;
};

/* Zip n parts into a new buffer; *len gets its size. Caller frees. */
unsigned char *xlsx_fixture_zip(const struct xlsx_fixture_part *parts, size_t n, size_t *len);

/* A minimal XLSX with one worksheet at xl/worksheets/sheet1.xml holding
 * sheet_xml (a whole <worksheet> document) and, unless sst_xml is NULL,
 * xl/sharedStrings.xml. Caller frees. */
unsigned char *xlsx_fixture_simple(const char *sheet_xml, const char *sst_xml, size_t *len);

/* Wrap rows ("<row ...>...</row>...") into a worksheet document. Caller
 * frees. */
char *xlsx_fixture_sheet(const char *rows);

/* Wrap <si> elements into a sharedStrings document. Caller frees. */
char *xlsx_fixture_sst(const char *items);

#endif
