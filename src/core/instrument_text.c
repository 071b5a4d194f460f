/* instrument_text: the questionnaire's words per locale (see instrument.h).
 * The English is the project's own rendering of the regulation's
 * Indonesian questions, for respondents who switch the form to English. */
#include <stdio.h>
#include <string.h>

#include "instrument.h"

struct en_element {
	const char *id, *name, *question;
	const char *labels[INSTR_OPTIONS];
};

static const struct en_element en[INSTR_STANDARD_K] = {
    {"persyaratan",
     "Requirements",
     "How well do the service requirements match the kind of service you received?",
     {"Not suitable", "Less suitable", "Suitable", "Very suitable"}},
    {"prosedur",
     "Systems, Mechanisms and Procedures",
     "How easy did you find the service procedure at this unit?",
     {"Not easy", "Less easy", "Easy", "Very easy"}},
    {"waktu",
     "Completion Time",
     "How do you rate the speed with which the service was completed?",
     {"Not fast", "Less fast", "Fast", "Very fast"}},
    {"biaya",
     "Cost/Fee",
     "How do you rate the fairness of the service cost or fee?",
     {"Very expensive", "Fairly expensive", "Cheap", "Free"}},
    {"produk",
     "Service Product Specification",
     "How well does the result you received match what the service standard states?",
     {"Not suitable", "Less suitable", "Suitable", "Very suitable"}},
    {"kompetensi",
     "Staff Competence",
     "How do you rate the competence or ability of the staff who served you?",
     {"Not competent", "Less competent", "Competent", "Very competent"}},
    {"perilaku",
     "Staff Conduct",
     "How do you rate the courtesy and friendliness of the staff who served you?",
     {"Not polite and friendly", "Less polite and friendly", "Polite and friendly",
      "Very polite and friendly"}},
    {"sarana",
     "Facilities and Infrastructure",
     "How do you rate the quality of the service facilities and infrastructure?",
     {"Poor", "Fair", "Good", "Very good"}},
    {"pengaduan",
     "Handling of Complaints, Suggestions and Feedback",
     "How do you rate the handling of users' complaints at this unit?",
     {"None", "Exists but does not work", "Works but not fully", "Well managed"}},
};

static const char *const extra_en[INSTR_OPTIONS] = {"Poor", "Fair", "Good", "Very good"};

void instr_texts_default(const struct instrument *in, struct instr_texts *t)
{
	memset(t, 0, sizeof(*t));
	for (int j = 0; j < in->k; j++) {
		const struct instr_element *e = &in->el[j];
		const struct en_element *x = NULL;

		for (int s = 0; s < INSTR_STANDARD_K; s++)
			if (strcmp(e->id, en[s].id) == 0)
				x = &en[s];
		snprintf(t->name[j][INSTR_ID], sizeof(t->name[j][INSTR_ID]), "%s", e->name);
		snprintf(t->question[j][INSTR_ID], sizeof(t->question[j][INSTR_ID]), "%s",
		         e->question != NULL ? e->question : "");
		snprintf(t->name[j][INSTR_EN], sizeof(t->name[j][INSTR_EN]), "%s",
		         x != NULL ? x->name : e->name);
		snprintf(t->question[j][INSTR_EN], sizeof(t->question[j][INSTR_EN]), "%s",
		         x != NULL ? x->question : "");
		for (int o = 0; o < INSTR_OPTIONS; o++) {
			snprintf(t->label[j][INSTR_ID][o], sizeof(t->label[j][INSTR_ID][o]), "%s",
			         e->labels[o] != NULL ? e->labels[o] : "");
			snprintf(t->label[j][INSTR_EN][o], sizeof(t->label[j][INSTR_EN][o]), "%s",
			         x != NULL ? x->labels[o] : extra_en[o]);
		}
	}
}
