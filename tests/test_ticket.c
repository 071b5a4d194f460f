/* Unit tests of src/web/ticket.c: normalising typed codes, the keyed hash,
 * the modes, and the key file (made once, 0600, refused when others may
 * read it or when it is not a key). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "ticket.h"

static void test_normalise(void **state)
{
	char out[TICKET_CODE_MAX + 1];
	char longer[TICKET_CODE_MAX + 2];

	(void)state;
	assert_int_equal(ticket_normalise("a-001", out), 0);
	assert_string_equal(out, "A001");
	assert_int_equal(ticket_normalise(" A 00/1. ", out), 0);
	assert_string_equal(out, "A001");
	assert_int_equal(ticket_normalise("", out), -1);
	assert_int_equal(ticket_normalise(" - ", out), -1);
	assert_int_equal(ticket_normalise("<script>", out), -1);
	assert_string_equal(out, "");
	assert_int_equal(ticket_normalise("A\xc3\xa9", out), -1);
	assert_int_equal(ticket_normalise(NULL, out), -1);
	memset(longer, 'A', sizeof(longer) - 1);
	longer[TICKET_CODE_MAX] = '\0';
	assert_int_equal(ticket_normalise(longer, out), 0);
	longer[TICKET_CODE_MAX] = 'B';
	longer[TICKET_CODE_MAX + 1] = '\0';
	assert_int_equal(ticket_normalise(longer, out), -1);
}

static void test_modes(void **state)
{
	(void)state;
	assert_int_equal(ticket_mode_parse("off"), TICKET_OFF);
	assert_int_equal(ticket_mode_parse("optional"), TICKET_OPTIONAL);
	assert_int_equal(ticket_mode_parse("required"), TICKET_REQUIRED);
	assert_int_equal(ticket_mode_parse("yes"), -1);
	assert_int_equal(ticket_mode_parse(NULL), -1);
}

static void test_hash(void **state)
{
	unsigned char k1[TICKET_KEY_BYTES], k2[TICKET_KEY_BYTES];
	char a[TICKET_HASH_HEX + 1], b[TICKET_HASH_HEX + 1];

	(void)state;
	memset(k1, 1, sizeof(k1));
	memset(k2, 2, sizeof(k2));
	ticket_hash(k1, 7, "A001", a);
	assert_int_equal(strlen(a), TICKET_HASH_HEX);
	ticket_hash(k1, 7, "A001", b);
	assert_string_equal(a, b);
	ticket_hash(k2, 7, "A001", b); /* another key */
	assert_string_not_equal(a, b);
	ticket_hash(k1, 8, "A001", b); /* another unit */
	assert_string_not_equal(a, b);
	ticket_hash(k1, 7, "A002", b);
	assert_string_not_equal(a, b);
	assert_null(strstr(a, "A001"));
}

static void test_key_file(void **state)
{
	char dir[] = "/tmp/ikm-ticket-XXXXXX", path[128];
	unsigned char k1[TICKET_KEY_BYTES], k2[TICKET_KEY_BYTES];
	struct ikm_err err = {0};
	struct stat sb;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/key", dir);
	/* Missing and not to be made. */
	assert_int_equal(ticket_key_load(path, 0, k1, &err), -1);
	assert_int_equal(err.kind, IKM_EIO);
	/* Made once, then read back the same. */
	assert_int_equal(ticket_key_load(path, 1, k1, &err), 0);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(ticket_key_load(path, 1, k2, &err), 0);
	assert_memory_equal(k1, k2, sizeof(k1));
	/* Readable by others: refused with what to do. */
	assert_int_equal(chmod(path, 0644), 0);
	assert_int_equal(ticket_key_load(path, 0, k2, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "chmod 600");
	/* Not a key. */
	assert_int_equal(chmod(path, 0600), 0);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("not a key\n", f);
	fclose(f);
	assert_int_equal(ticket_key_load(path, 1, k2, &err), -1);
	assert_int_equal(err.kind, IKM_EDATA);
	assert_contains(err.msg, "heksadesimal");
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_normalise),
	    cmocka_unit_test(test_modes),
	    cmocka_unit_test(test_hash),
	    cmocka_unit_test(test_key_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
