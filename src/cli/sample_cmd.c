/* sample_cmd: `ikm sample N` — the Krejcie-Morgan minimum sample. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "idfmt.h"
#include "sample.h"

int cmd_sample(int argc, char **argv)
{
	int64_t n, s;
	int json = 0;
	const char *arg = NULL;
	char a[32], b[32];

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0) {
			json = 1;
		} else if (strcmp(argv[i], "--help") == 0) {
			puts("Penggunaan / usage: ikm sample N [--json]\n"
			     "Sampel minimum Krejcie-Morgan (PermenPAN-RB 14/2017) untuk populasi "
			     "N.");
			return CLI_EXIT_OK;
		} else if (arg == NULL) {
			arg = argv[i];
		} else {
			fprintf(stderr, "ikm sample: argumen berlebih \"%s\" / extra argument\n",
			        argv[i]);
			return CLI_EXIT_USAGE;
		}
	}
	if (arg == NULL || cli_parse_int(arg, 1, SAMPLE_MAX_POPULATION, &n) < 0) {
		fprintf(stderr,
		        "ikm sample: populasi \"%s\" tidak sah; harus bilangan bulat 1..%lld / "
		        "population must be a whole number\n",
		        arg ? arg : "", (long long)SAMPLE_MAX_POPULATION);
		return CLI_EXIT_USAGE;
	}
	s = sample_krejcie_morgan(n);
	if (json)
		printf("{\"population\": %lld, \"required\": %lld, \"method\": "
		       "\"krejcie-morgan-1970\"}\n",
		       (long long)n, (long long)s);
	else
		printf("Populasi %s: sampel minimum %s responden (Krejcie-Morgan)\n",
		       idfmt_int(a, sizeof(a), n), idfmt_int(b, sizeof(b), s));
	return CLI_EXIT_OK;
}
