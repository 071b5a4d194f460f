/* load: read data files (CSV/XLSX) into a score accumulator — header
 * mapping, value checks, quality flags — streaming, one row at a time. A
 * bad value stops the load with a message naming file, row, column, value
 * and what was expected, unless skip_invalid asks to report and skip. */
#ifndef IKM_LOAD_H
#define IKM_LOAD_H

#include <stddef.h>
#include <stdint.h>

#include "colmap.h"
#include "err.h"
#include "instrument.h"
#include "quality.h"
#include "respondent.h"
#include "score.h"

#define LOAD_MAX_FILES     256 /* named limit: files in one computation */
#define LOAD_KEEP_MESSAGES 20  /* named limit: skipped-row messages kept */
#define LOAD_MESSAGE_MAX   512

#define LOAD_MAX_THREADS        8           /* named limit: parts read at once */
#define LOAD_PARALLEL_MEMORY    (8u << 20)  /* buffers + accumulators of all parts */
#define LOAD_PARALLEL_MIN_BYTES (8LL << 20) /* smaller files are read in one part */

/* A counted row as opts->row receives it. */
struct load_row {
	int file;            /* index of the file */
	uint64_t line;       /* its line (row) number in the file */
	const uint8_t *vals; /* answers 0..4 of the k elements */
	int k;
	unsigned flags;               /* quality flags of the row (QUALITY_EMPTY: no answer) */
	const char *prof[PROF_COUNT]; /* profile fields as in the file, NULL = no column */
	size_t prof_len[PROF_COUNT];
};

/* A data file held in memory (see load_opts.mem). */
struct load_source {
	const void *data;
	size_t len;
};

struct load_opts {
	int skip_invalid;           /* report and skip rows with invalid values */
	int add_extras;             /* add U10.. columns of the first file as elements */
	int threads;                /* parts of a large regular CSV file read at once (<= 1: one) */
	int64_t parallel_min_bytes; /* files with fewer data bytes: one part */
	int no_run_path;            /* tests: read every row the general way */
	/* When set, called in file order for every counted respondent row
	 * (not blank rows, not rows skipped as invalid) with its answers
	 * vals[0..k) in 0..4; the read is then sequential. */
	void (*visit)(void *user, int file, uint64_t line, const uint8_t *vals, int k);
	void *visit_user;
	/* When set, the respondent profile of every counted row answering at
	 * least one element is tallied
	 * into it (see respondent.h; resp_init first); the read is then
	 * sequential and takes the general path. */
	struct resp_tally *resp;
	/* When set, called for every counted row (rows answering nothing
	 * too, flagged QUALITY_EMPTY) in file order, sequentially, with its
	 * profile fields; returning -1 stops the load with that error. */
	int (*row)(void *user, const struct load_row *r, struct ikm_err *err);
	void *row_user;
	/* When set (with skip_invalid), called for every row skipped as
	 * invalid, in file order, with the message naming file, row, column,
	 * value and what was expected (the rep->msgs keep only the first
	 * LOAD_KEEP_MESSAGES). */
	void (*reject)(void *user, int file, uint64_t line, const char *msg);
	void *reject_user;
	/* When set, file i is read from mem[i] (an upload) and paths[i] only
	 * names it in messages. */
	const struct load_source *mem;
};

struct load_file_info {
	char name[256];
	char format[64];
	uint64_t rows; /* data rows (blank rows not counted) */
	int parts;     /* parts the rows were read in (1: one sequential read) */
	struct colmap map;
};

struct load_report {
	int nfiles;
	struct load_file_info *files; /* nfiles entries, owned */
	uint64_t rows;                /* data rows in all files */
	uint64_t skipped;             /* rows skipped as invalid */
	int nmsgs;
	char msgs[LOAD_KEEP_MESSAGES][LOAD_MESSAGE_MAX];
	struct quality_tally quality;
};

/* Load `n` files into a new accumulator *acc (caller owns; score_acc_free)
 * for instrument `in` (which may gain extra elements from the first
 * header when opts->add_extras). rep is filled (free with
 * load_report_free) also on failure. */
int load_files(char *const *paths, int n, struct instrument *in, const struct load_opts *opts,
               struct score_acc **acc, struct load_report *rep, struct ikm_err *err);

/* Free what a report owns; NULL is fine. */
void load_report_free(struct load_report *rep);

#endif
