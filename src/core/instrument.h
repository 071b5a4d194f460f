/* instrument: the questionnaire as data — elements (unsur) with code, id,
 * name, question, the four standard option labels, header key words, and an
 * exact rational weight. The PermenPAN-RB 14/2017 nine are built in; offices
 * may add elements and set unequal weights that sum to exactly 1. */
#ifndef IKM_INSTRUMENT_H
#define IKM_INSTRUMENT_H

#include <stdint.h>

#include "err.h"

#define INSTR_MAX_ELEMENTS 30 /* named limit: elements in one instrument */
#define INSTR_OPTIONS      4  /* answers are scored 1..4 */
#define INSTR_STANDARD_K   9

enum instr_method {
	INSTR_METHOD_STANDARD = 0, /* PermenPAN-RB 14/2017, weights exact */
	INSTR_METHOD_LEGACY_0111,  /* non-standard: every weight 0,111 */
	INSTR_METHOD_LEGACY_011,   /* non-standard: every weight 0,11 */
};

struct instr_element {
	char code[16];                     /* "U1" */
	char id[48];                       /* "persyaratan" */
	char name[128];                    /* "Persyaratan" */
	const char *question;              /* static text, NULL for extras */
	const char *labels[INSTR_OPTIONS]; /* static option labels, score 1..4 */
	const char *keywords;              /* space-separated header words */
	int64_t w_num, w_den;              /* weight, reduced, w_den > 0 */
};

struct instrument {
	int k;
	struct instr_element el[INSTR_MAX_ELEMENTS];
	enum instr_method method;
	int custom_weights; /* 1 when weights came from --elements */
};

/* Fill `in` with the nine standard elements, weights exactly 1/9. */
void instr_standard(struct instrument *in);

/* Index 0..8 of the standard element whose code ("U3", case-insensitive) or
 * id ("waktu") is `ref`, or -1. */
int instr_standard_index(const char *ref);

/* Append an extra element (code "U10", display name; id derived from the
 * code when id is NULL). Generic option labels are used. Weights are reset to
 * exactly 1/k. */
int instr_add_extra(struct instrument *in, const char *code, const char *id, const char *name,
                    struct ikm_err *err);

/* Build `in` from an --elements specification: comma-separated items
 * `REF[=Name][@weight]`, REF being a code (U1), an id (waktu) or a code range
 * (U1-U9). Weights are decimals (0.15 or 0,15) or fractions (1/9); either
 * none or all are given, and then they must sum to exactly 1. */
int instr_parse_spec(struct instrument *in, const char *spec, struct ikm_err *err);

/* Switch to a named legacy weight ("0.111" or "0.11"); anything else is a
 * usage error. Every output must then say the method is non-standard. */
int instr_set_legacy(struct instrument *in, const char *weight, struct ikm_err *err);

/* Set every weight to exactly 1/k (the regulation's default). */
void instr_equal_weights(struct instrument *in);

/* Machine label of the method: "permenpan-rb-14-2017",
 * "legacy-weight-0.111" or "legacy-weight-0.11". */
const char *instr_method_label(const struct instrument *in);

/* Score 1..4 of an answer given as an option label of element `e`, matched
 * whole after trimming and case folding; 0 when it is not a label. */
int instr_match_label(const struct instr_element *e, const char *s, size_t len);

/* Parse an exact non-negative rational "0.15", "0,15", "3/20" or "1" into a
 * reduced num/den. Returns 0, or -1 with a usage error. */
int instr_parse_rational(const char *s, int64_t *num, int64_t *den, struct ikm_err *err);

/* ---- texts per locale (instrument_text.c) ---------------------------- */

#define INSTR_TEXT_MAX  400 /* named limit: bytes of a question text */
#define INSTR_LABEL_MAX 64  /* named limit: bytes of an option label */

enum instr_locale { INSTR_ID = 0, INSTR_EN = 1, INSTR_NLOCALES };

/* The questionnaire's words per locale: what a form shows and a stored
 * instrument version keeps. Indonesian (INSTR_ID) is the reference. */
struct instr_texts {
	char name[INSTR_MAX_ELEMENTS][INSTR_NLOCALES][128];
	char question[INSTR_MAX_ELEMENTS][INSTR_NLOCALES][INSTR_TEXT_MAX + 1];
	char label[INSTR_MAX_ELEMENTS][INSTR_NLOCALES][INSTR_OPTIONS][INSTR_LABEL_MAX + 1];
};

/* The texts of `in` in both locales: Indonesian from the elements, English
 * from the project's translation of the nine standard elements (an extra
 * element gets its name and generic English labels, and an empty English
 * question until an office writes one). */
void instr_texts_default(const struct instrument *in, struct instr_texts *t);

#endif
