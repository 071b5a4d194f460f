/* fuzz_api_json: libFuzzer target for the body of POST /api/v1/responses
 * (src/web/apibody.c): JSON parsed the way the server parses it, then
 * validated against the standard instrument and against no instrument.
 *
 * A valid body must give answers 1..4 for every element, a unit slug, a
 * profile within its lists and bounds, a suggestion within its limit; an
 * invalid one must name at least one field, every name and message
 * NUL-terminated within their limits.
 *
 * Build: scripts/fuzz (or clang -g -O1 -fsanitize=fuzzer,address,undefined
 *   -Isrc/core -Isrc/store -Isrc/web fuzz/fuzz_api_json.c src/web/apibody.c
 *   src/core/\*.c $(pkg-config --libs jansson) -lm)
 * Run:   build/fuzz/fuzz_api_json fuzz/corpus/api_json */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "apibody.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const struct apibody *b, const struct instrument *in, int rc)
{
	if (rc == 0) {
		if (b->nerr != 0 || b->unit[0] == '\0')
			abort();
		for (int j = 0; in != NULL && j < in->k; j++)
			if (b->answers[j] < 1 || b->answers[j] > 4)
				abort();
		if (b->age != -1 && (b->age < 10 || b->age > 120))
			abort();
		if (strlen(b->suggestion) > STORE_SUGG_MAX || strlen(b->client_id) > STORE_ID_MAX)
			abort();
		return;
	}
	if (b->nerr < 1 || b->nerr > APIBODY_ERRORS_MAX)
		abort();
	for (int i = 0; i < b->nerr; i++)
		if (memchr(b->err[i].field, '\0', sizeof(b->err[i].field)) == NULL ||
		    memchr(b->err[i].msg, '\0', sizeof(b->err[i].msg)) == NULL)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct instrument in;
	static struct apibody b;
	json_error_t jerr;
	json_t *root;

	if (size > (64u << 10)) /* the server's body limit */
		return 0;
	root = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL)
		return 0;
	instr_standard(&in);
	check(&b, &in, apibody_validate(root, &in, &b));
	check(&b, NULL, apibody_validate(root, NULL, &b));
	json_decref(root);
	return 0;
}
