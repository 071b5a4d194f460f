/* scope: see scope.h. */
#include "scope.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sample.h"
#include "xalloc.h"

int scope_find(struct store *s, const char *unit, const char *period, const char *service,
               struct scope_analysis *a, struct ikm_err *err)
{
	memset(a, 0, sizeof(*a));
	if (store_unit_get(s, unit, &a->unit, err) < 0 ||
	    store_period_get(s, period, &a->period, err) < 0)
		return -1;
	if (service != NULL && store_service_get(s, unit, service, &a->service, err) < 0)
		return -1;
	a->sc.unit = a->unit.id;
	a->sc.period = a->period.id;
	a->sc.service = a->service.id;
	return 0;
}

int scope_analyse(struct store *s, struct scope_analysis *a, struct ikm_err *err)
{
	score_acc_free(a->acc);
	a->acc = NULL;
	if (store_aggregate(s, &a->sc, &a->in, &a->acc, &a->tot, err) < 0 ||
	    store_population_get(s, a->sc.unit, a->sc.service, a->sc.period, &a->population, err) <
	        0 ||
	    score_compute(a->acc, &a->in, &a->res, err) < 0)
		return -1;
	stats_ikm_ci(a->acc, &a->in, &a->res, a->population, &a->ci);
	a->required = a->population > 0 ? sample_krejcie_morgan(a->population) : 0;
	return 0;
}

void scope_free(struct scope_analysis *a)
{
	if (a == NULL)
		return;
	score_acc_free(a->acc);
	a->acc = NULL;
}

void scope_element_se(const struct scope_analysis *a, double *se)
{
	for (int j = 0; j < a->in.k; j++)
		se[j] = stats_element_se(a->acc, j, a->population);
}

/* ---- respondents ----------------------------------------------------------- */

int scope_map_load(struct store *s, const struct store_scope *sc, struct scope_map **out,
                   struct ikm_err *err)
{
	struct scope_map *m = xcalloc(1, sizeof(*m));
	int64_t ids[STORE_MAX_VERSIONS];
	struct instrument ver;

	*out = NULL;
	if (store_scope_versions(s, sc, ids, &m->nv, err) < 0)
		goto fail;
	if (m->nv == 0) {
		err_set(
		    err, IKM_EDATA,
		    "belum ada tanggapan untuk unit dan periode ini / no responses in this unit "
		    "and period");
		goto fail;
	}
	if (store_instrument_get(s, ids[m->nv - 1], &m->in, err) < 0)
		goto fail;
	for (int i = 0; i < m->nv; i++) {
		if (store_instrument_get(s, ids[i], &ver, err) < 0)
			goto fail;
		m->v[i].id = ids[i];
		m->v[i].k = ver.k;
		/* By element id, as store_aggregate maps older versions. */
		for (int j = 0; j < ver.k; j++) {
			m->v[i].map[j] = -1;
			for (int l = 0; l < m->in.k; l++)
				if (strcmp(ver.el[j].id, m->in.el[l].id) == 0)
					m->v[i].map[j] = l;
		}
	}
	*out = m;
	return 0;
fail:
	free(m);
	return -1;
}

void scope_map_answers(const struct scope_map *m, const struct store_response *r,
                       uint8_t vals[INSTR_MAX_ELEMENTS])
{
	int i = m->nv - 1;

	memset(vals, 0, INSTR_MAX_ELEMENTS);
	while (i > 0 && m->v[i].id != r->instrument)
		i--;
	if (m->v[i].id != r->instrument)
		return; /* not a version of the scope: nothing to map */
	for (int j = 0; j < r->k && j < m->v[i].k; j++)
		if (m->v[i].map[j] >= 0 && r->answers[j] >= 1 && r->answers[j] <= 4)
			vals[m->v[i].map[j]] = r->answers[j];
}

struct rows_ctx {
	const struct scope_map *m;
	int with_excluded;
	int (*fn)(void *user, const struct scope_row *row, struct ikm_err *err);
	void *user;
};

static int row_of(void *user, const struct store_response *r, struct ikm_err *err)
{
	struct rows_ctx *c = user;
	struct scope_row row = {0};
	uint8_t vals[INSTR_MAX_ELEMENTS];
	char age[16] = "", date[16] = "";

	if (r->excluded && !c->with_excluded)
		return 0;
	scope_map_answers(c->m, r, vals);
	row.r = r;
	row.vals = vals;
	row.k = c->m->in.k;
	for (int j = 0; j < row.k; j++)
		row.answered += vals[j] != 0;
	if (r->age >= 0)
		snprintf(age, sizeof(age), "%d", r->age);
	if (r->date != 0)
		snprintf(date, sizeof(date), "%04d-%02d-%02d", (int)(r->date / 10000),
		         (int)(r->date / 100 % 100), (int)(r->date % 100));
	row.prof[PROF_GENDER] = r->gender;
	row.prof[PROF_AGE] = age;
	row.prof[PROF_EDUCATION] = r->education;
	row.prof[PROF_JOB] = r->job;
	row.prof[PROF_SERVICE] = r->service_text;
	row.prof[PROF_DATE] = date;
	row.prof[PROF_TIME] = NULL;
	row.prof[PROF_SUGGESTION] = r->suggestion;
	for (int p = 0; p < PROF_COUNT; p++)
		row.prof_len[p] = row.prof[p] != NULL ? strlen(row.prof[p]) : 0;
	return c->fn(c->user, &row, err);
}

int scope_rows(struct store *s, const struct store_scope *sc, const struct scope_map *m,
               int with_excluded,
               int (*fn)(void *user, const struct scope_row *row, struct ikm_err *err), void *user,
               struct ikm_err *err)
{
	struct rows_ctx c = {m, with_excluded, fn, user};

	return store_responses_each(s, sc, row_of, &c, err);
}

/* ---- CSV ------------------------------------------------------------------ */

/* 1 when a spreadsheet would read text starting with c as a formula. */
static int formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* A CSV field, quoted when it holds a separator, a quote or a line end,
 * and with a leading apostrophe when it would start a formula (CSV
 * injection); import takes the apostrophe off again. */
static void csv_field(FILE *out, const char *s)
{
	const char *lead = formula_start(s[0]) ? "'" : "";

	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(lead, out);
		fputs(s, out);
		return;
	}
	fputc('"', out);
	fputs(lead, out);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

struct csv_ctx {
	FILE *out;
	uint64_t n;
};

static int csv_row(void *user, const struct scope_row *row, struct ikm_err *err)
{
	struct csv_ctx *c = user;
	const struct store_response *r = row->r;

	fprintf(c->out, "%llu,", (unsigned long long)++c->n);
	fputs(row->prof[PROF_DATE], c->out);
	fputc(',', c->out);
	csv_field(c->out, r->gender);
	fputc(',', c->out);
	fputs(row->prof[PROF_AGE], c->out);
	fputc(',', c->out);
	csv_field(c->out, r->education);
	fputc(',', c->out);
	csv_field(c->out, r->job);
	fputc(',', c->out);
	csv_field(c->out, r->service_text);
	for (int j = 0; j < row->k; j++) {
		fputc(',', c->out);
		if (row->vals[j] != 0)
			fputc('0' + row->vals[j], c->out);
	}
	fputc(',', c->out);
	csv_field(c->out, r->suggestion);
	fputs("\r\n", c->out);
	return ferror(c->out) ? err_set(err, IKM_EIO, "gagal menulis / write failed") : 0;
}

int scope_csv_write(struct store *s, const struct store_scope *sc, FILE *out, int with_excluded,
                    uint64_t *n, struct ikm_err *err)
{
	struct scope_map *m = NULL;
	struct csv_ctx c = {out, 0};
	int rc;

	*n = 0;
	if (scope_map_load(s, sc, &m, err) < 0)
		return -1;
	fputs("No,Tanggal,Jenis Kelamin,Usia,Pendidikan,Pekerjaan,Jenis Layanan", out);
	for (int j = 0; j < m->in.k; j++)
		fprintf(out, ",%s", m->in.el[j].code);
	fputs(",Saran\r\n", out);
	rc = scope_rows(s, sc, m, with_excluded, csv_row, &c, err);
	*n = c.n;
	free(m);
	if (rc == 0 && ferror(out))
		rc = err_set(err, IKM_EIO, "gagal menulis / write failed");
	return rc;
}

/* ---- the respondent profile and its groups ------------------------------------ */

struct profile_ctx {
	struct scope_profile *p;
	struct score_acc *acc[SCOPE_GROUP_FIELDS][SCOPE_GROUPS_MAX];
	uint64_t n[SCOPE_GROUP_FIELDS][SCOPE_GROUPS_MAX];
};

static int profile_row(void *user, const struct scope_row *row, struct ikm_err *err)
{
	struct profile_ctx *c = user;
	int cat[RESP_NFIELDS];

	(void)err;
	if (row->answered == 0)
		return 0; /* not a respondent (score.h) */
	resp_add_classified(&c->p->rt, row->prof, row->prof_len, cat);
	for (int f = 0; f < SCOPE_GROUP_FIELDS; f++) {
		int g = cat[f];

		if (g < 0)
			continue;
		if (g >= SCOPE_GROUPS_MAX) {
			c->p->other[f]++;
			continue;
		}
		if (c->acc[f][g] == NULL)
			c->acc[f][g] = score_acc_new(row->k);
		score_acc_add(c->acc[f][g], row->vals);
		c->n[f][g]++;
	}
	return 0;
}

int scope_profile(struct store *s, const struct scope_analysis *a, const int *cut, int ncut,
                  struct scope_profile *p, struct ikm_err *err)
{
	struct profile_ctx *c = xcalloc(1, sizeof(*c));
	struct scope_map *m = NULL;
	int cols[PROF_COUNT], rc = -1;

	memset(p, 0, sizeof(*p));
	resp_init(&p->rt, cut, ncut);
	for (int i = 0; i < PROF_COUNT; i++)
		cols[i] = i == PROF_TIME ? -1 : i;
	resp_columns(&p->rt, cols);
	c->p = p;
	if (scope_map_load(s, &a->sc, &m, err) < 0 ||
	    scope_rows(s, &a->sc, m, 0, profile_row, c, err) < 0)
		goto out;
	/* Labels before resp_sorted reorders the categories. */
	for (int f = 0; f < SCOPE_GROUP_FIELDS; f++) {
		for (int g = 0; g < SCOPE_GROUPS_MAX && g < p->rt.t[f].ncat; g++) {
			struct scope_group *sg;
			struct score_result *res;
			struct ikm_err ignored = {0};

			if (c->n[f][g] == 0)
				continue;
			sg = &p->g[f][p->ngroups[f]++];
			_Static_assert(sizeof(sg->label) == sizeof(p->rt.t[f].cat[g].label),
			               "a group's label is a category's");
			memcpy(sg->label, p->rt.t[f].cat[g].label, sizeof(sg->label));
			sg->n = c->n[f][g];
			res = xmalloc(sizeof(*res));
			if (score_compute(c->acc[f][g], &a->in, res, &ignored) == 0) {
				sg->computed = 1;
				sg->ikm_e2 = res->ikm_e2;
				sg->mutu = res->mutu;
			}
			free(res);
		}
	}
	for (int t = 0; t < RESP_NFIELDS; t++)
		p->rt.t[t].present = p->rt.t[t].missing < p->rt.rows;
	p->rt.sugg_present = p->rt.sugg_rows + p->rt.sugg_none > 0;
	resp_sorted(&p->rt);
	rc = 0;
out:
	for (int f = 0; f < SCOPE_GROUP_FIELDS; f++)
		for (int g = 0; g < SCOPE_GROUPS_MAX; g++)
			score_acc_free(c->acc[f][g]);
	free(c);
	free(m);
	return rc;
}

void scope_profile_free(struct scope_profile *p)
{
	if (p != NULL)
		resp_free(&p->rt);
}
