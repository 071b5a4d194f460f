/* xlsx_fixture: see xlsx_fixture.h. */
#include "xlsx_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "xalloc.h"

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG  "http://schemas.openxmlformats.org/package/2006/relationships"

static void die(const char *what, zip_error_t *ze)
{
	fprintf(stderr, "xlsx_fixture: %s: %s\n", what, ze ? zip_error_strerror(ze) : "?");
	abort();
}

unsigned char *xlsx_fixture_zip(const struct xlsx_fixture_part *parts, size_t n, size_t *len)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	zip_stat_t st;
	unsigned char *buf;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (src == NULL)
		die("zip_source_buffer_create", &ze);
	zip_source_keep(src);
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (za == NULL)
		die("zip_open_from_source", &ze);
	for (size_t i = 0; i < n; i++) {
		zip_source_t *s = zip_source_buffer(za, parts[i].data, strlen(parts[i].data), 0);

		if (s == NULL || zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8) < 0) {
			zip_source_free(s);
			die(parts[i].name, zip_get_error(za));
		}
	}
	if (zip_close(za) < 0)
		die("zip_close", zip_get_error(za));
	if (zip_source_stat(src, &st) < 0 || zip_source_open(src) < 0)
		die("zip_source_stat", zip_source_error(src));
	buf = xmalloc((size_t)st.size);
	if (zip_source_read(src, buf, st.size) != (zip_int64_t)st.size)
		die("zip_source_read", zip_source_error(src));
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*len = (size_t)st.size;
	return buf;
}

unsigned char *xlsx_fixture_simple(const char *sheet_xml, const char *sst_xml, size_t *len)
{
	struct xlsx_fixture_part parts[] = {
	    {"[Content_Types].xml",
	     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	     "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	     "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	     "</Types>"},
	    {"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	                    "<Relationships xmlns=\"" NS_PKG "\">"
	                    "<Relationship Id=\"rId1\" Type=\"" NS_REL "/officeDocument\" "
	                    "Target=\"xl/workbook.xml\"/></Relationships>"},
	    {"xl/workbook.xml",
	     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	     "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\">"
	     "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
	     "</workbook>"},
	    {"xl/_rels/workbook.xml.rels",
	     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	     "<Relationships xmlns=\"" NS_PKG "\">"
	     "<Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" "
	     "Target=\"worksheets/sheet1.xml\"/></Relationships>"},
	    {"xl/worksheets/sheet1.xml", sheet_xml},
	    {"xl/sharedStrings.xml", sst_xml},
	};
	size_t n = sizeof(parts) / sizeof(parts[0]);

	if (sst_xml == NULL)
		n--;
	return xlsx_fixture_zip(parts, n, len);
}

static char *wrap(const char *head, const char *body, const char *tail)
{
	size_t a = strlen(head), b = strlen(body), c = strlen(tail);
	char *s = xmalloc(a + b + c + 1);

	memcpy(s, head, a);
	memcpy(s + a, body, b);
	memcpy(s + a + b, tail, c + 1);
	return s;
}

char *xlsx_fixture_sheet(const char *rows)
{
	return wrap("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	            "<worksheet xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\">"
	            "<dimension ref=\"A1\"/><sheetData>",
	            rows, "</sheetData><pageMargins left=\"0.7\"/></worksheet>");
}

char *xlsx_fixture_sst(const char *items)
{
	return wrap("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	            "<sst xmlns=\"" NS_MAIN "\">",
	            items, "</sst>");
}
