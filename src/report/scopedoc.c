/* scopedoc: see scopedoc.h. */
#include "scopedoc.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "quality.h"
#include "xalloc.h"

int scopedoc_previous(struct store *s, const struct scope_analysis *a, struct scope_analysis *prev,
                      int *found, struct ikm_err *err)
{
	struct store_period *list = NULL;
	int n = 0, best;

	*found = 0;
	memset(prev, 0, sizeof(*prev));
	if (store_period_list(s, &list, &n, err) < 0)
		return -1;
	/* Latest start first, among the periods that start before a's. */
	for (;;) {
		best = -1;
		for (int i = 0; i < n; i++)
			if (list[i].id != 0 && list[i].from < a->period.from &&
			    (best < 0 || list[i].from > list[best].from))
				best = i;
		if (best < 0)
			break;
		prev->unit = a->unit;
		prev->service = a->service;
		prev->period = list[best];
		prev->sc = (struct store_scope){a->sc.unit, list[best].id, a->sc.service};
		if (scope_analyse(s, prev, err) == 0) {
			*found = 1;
			break;
		}
		scope_free(prev);
		if (err->kind != IKM_EDATA) {
			free(list);
			return -1;
		}
		list[best].id = 0; /* no results there: the one before */
	}
	free(list);
	err->kind = IKM_OK;
	return 0;
}

/* ---- the respondents -------------------------------------------------------- */

struct feed {
	struct store *s;
	const struct scope_analysis *a;
	struct scope_map *m;
	olahdata_visit visit;
	void *visit_user;
	struct resp_tally *rt;
	uint64_t n;
};

static int feed_row(void *user, const struct scope_row *row, struct ikm_err *err)
{
	struct feed *f = user;

	(void)err;
	if (row->answered == 0)
		return 0; /* not a respondent (score.h) */
	f->n++;
	if (f->visit != NULL)
		f->visit(f->visit_user, 0, f->n, row->vals, row->k);
	if (f->rt != NULL)
		resp_add(f->rt, row->prof, row->prof_len);
	return 0;
}

/* Every counted respondent of the scope to visit, its profile into rt. A
 * field that no response gives is left out of the tables, as a file
 * without its column would be. */
static int feed_rows(void *user, olahdata_visit visit, void *visit_user, struct resp_tally *rt,
                     struct ikm_err *err)
{
	struct feed *f = user;
	int cols[PROF_COUNT];
	int rc;

	for (int p = 0; p < PROF_COUNT; p++)
		cols[p] = p == PROF_TIME ? -1 : p;
	f->visit = visit;
	f->visit_user = visit_user;
	f->rt = rt;
	f->n = 0;
	if (rt != NULL)
		resp_columns(rt, cols);
	rc = scope_rows(f->s, &f->a->sc, f->m, 0, feed_row, f, err);
	if (rc == 0 && rt != NULL) {
		for (int t = 0; t < RESP_NFIELDS; t++)
			rt->t[t].present = rt->t[t].missing < rt->rows;
		rt->sugg_present = rt->sugg_rows + rt->sugg_none > 0;
	}
	return rc;
}

int scopedoc_save(struct store *s, const struct scope_analysis *a, enum reportgen_kind kind,
                  const struct scopedoc_opts *o, const char *path, struct ikm_err *err)
{
	struct reportgen_input ri = {0};
	struct feed f = {s, a, NULL, NULL, NULL, NULL, 0};
	struct resp_tally rt;
	struct laporan_rows rows;
	struct scope_analysis prev = {0};
	struct laporan_previous pv = {0};
	double se[INSTR_MAX_ELEMENTS], prev_se[INSTR_MAX_ELEMENTS];
	struct profile *prof = xmalloc(sizeof(*prof));
	int found = 0, rc = -1;

	/* The office's profile speaks of the scope's unit (and service). */
	*prof = *o->prof;
	{
		char name[STORE_NAME_MAX * 2 + 8];
		size_t n;

		snprintf(name, sizeof(name), "%s%s%s", a->unit.name,
		         a->service.id != 0 ? " \xE2\x80\x93 " : "",
		         a->service.id != 0 ? a->service.name : "");
		/* At most what the profile holds, cut at a character boundary. */
		n = strlen(name);
		if (n >= sizeof(prof->unit)) {
			n = sizeof(prof->unit) - 1;
			while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80)
				n--;
		}
		memcpy(prof->unit, name, n);
		prof->unit[n] = '\0';
	}
	resp_init(&rt, o->cut, o->ncut);
	laporan_rows_init(&rows, o->lampiran_rows);
	if (scope_map_load(s, &a->sc, &f.m, err) < 0)
		goto out;
	scope_element_se(a, se);
	ri.prof = prof;
	ri.cat = o->cat;
	ri.period = a->period.name;
	ri.place_date = o->place_date;
	ri.year = o->year;
	ri.in = &a->in;
	ri.res = &a->res;
	ri.ci = &a->ci;
	ri.el_se = se;
	ri.population = a->population;
	ri.required = a->required;
	ri.empty = a->tot.flags[quality_bit(QUALITY_EMPTY)];
	ri.straight = a->tot.flags[quality_bit(QUALITY_STRAIGHT)];
	ri.feed = feed_rows;
	ri.feed_user = &f;
	ri.cut = o->cut;
	ri.ncut = o->ncut;
	if (kind == REPORTGEN_LAPORAN) {
		if (feed_rows(&f, laporan_rows_visit, &rows, &rt, err) < 0)
			goto out;
		resp_sorted(&rt);
		ri.rt = &rt;
		ri.rows = &rows;
		if (scopedoc_previous(s, a, &prev, &found, err) < 0)
			goto out;
		if (found) {
			scope_element_se(&prev, prev_se);
			pv.period = prev.period.name;
			pv.in = &prev.in;
			pv.res = &prev.res;
			pv.ci = &prev.ci;
			pv.el_se = prev_se;
			ri.prev = &pv;
		}
	}
	rc = reportgen_save(kind, &ri, path, err);
out:
	scope_free(&prev);
	laporan_rows_free(&rows);
	resp_free(&rt);
	free(f.m);
	free(prof);
	return rc;
}

/* ---- private folders ---------------------------------------------------------- */

int scopedoc_tmpdir(char dir[SCOPEDOC_DIR_MAX], struct ikm_err *err)
{
	const char *base = getenv("TMPDIR");

	if (base == NULL || base[0] != '/' || strlen(base) > SCOPEDOC_DIR_MAX - 32)
		base = "/tmp";
	snprintf(dir, SCOPEDOC_DIR_MAX, "%s/ikm-doc.XXXXXX", base);
	if (mkdtemp(dir) == NULL) {
		int e = errno;

		dir[0] = '\0';
		return err_set(err, IKM_EIO,
		               "folder sementara tidak dapat dibuat / cannot make a "
		               "temporary folder: %s",
		               strerror(e));
	}
	return 0;
}

void scopedoc_tmpdir_remove(const char *dir)
{
	DIR *d;
	struct dirent *e;
	char path[SCOPEDOC_DIR_MAX + 260];

	if (dir == NULL || dir[0] == '\0' || (d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) < sizeof(path))
			unlink(path);
	}
	closedir(d);
	rmdir(dir);
}
