/* store_response: instruments, responses and aggregates of the store (see
 * store.h). An instrument version is stored as a canonical text (one line
 * per element: code, id, name, weight) so that identical questionnaires
 * share a version; a response keeps its answers as one digit per element
 * of its version. */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Elements, then their words in both locales (struct instr_texts). */
#define SPEC_MAX                                                                                   \
	(INSTR_MAX_ELEMENTS *                                                                      \
	 (256 + INSTR_NLOCALES * (INSTR_TEXT_MAX + 160 + INSTR_OPTIONS * (INSTR_LABEL_MAX + 1))))

static const char *const channels[] = {"web", "kiosk", "paper", "import", "api"};

const char *store_channel_name(enum store_channel c)
{
	return (unsigned)c < sizeof(channels) / sizeof(channels[0]) ? channels[c] : "web";
}

/* ---- instruments ------------------------------------------------------- */

/* Copy s into the spec without the separators tab and line feed. */
static size_t spec_put(char *buf, size_t size, size_t o, const char *s)
{
	for (; *s != '\0' && o + 1 < size; s++)
		buf[o++] = *s == '\t' || *s == '\n' ? ' ' : *s;
	buf[o < size ? o : size - 1] = '\0';
	return o;
}

static void spec_of(const struct instrument *in, const struct instr_texts *t, char *buf,
                    size_t size)
{
	size_t o = (size_t)snprintf(buf, size, "method\t%s\n", instr_method_label(in));

	for (int j = 0; j < in->k && o < size; j++) {
		const struct instr_element *e = &in->el[j];

		o = spec_put(buf, size, o, e->code);
		if (o + 1 < size)
			buf[o++] = '\t';
		o = spec_put(buf, size, o, e->id);
		if (o + 1 < size)
			buf[o++] = '\t';
		o = spec_put(buf, size, o, e->name);
		if (o < size)
			o += (size_t)snprintf(buf + o, size - o, "\t%lld/%lld\n",
			                      (long long)e->w_num, (long long)e->w_den);
	}
	for (int j = 0; j < in->k && o < size; j++) {
		for (int l = 0; l < INSTR_NLOCALES && o < size; l++) {
			o += (size_t)snprintf(buf + o, size - o, "text\t%d\t%d", j, l);
			if (o + 1 < size)
				buf[o++] = '\t';
			o = spec_put(buf, size, o, t->name[j][l]);
			if (o + 1 < size)
				buf[o++] = '\t';
			o = spec_put(buf, size, o, t->question[j][l]);
			for (int x = 0; x < INSTR_OPTIONS; x++) {
				if (o + 1 < size)
					buf[o++] = '\t';
				o = spec_put(buf, size, o, t->label[j][l][x]);
			}
			if (o + 1 < size)
				buf[o++] = '\n';
			buf[o < size ? o : size - 1] = '\0';
		}
	}
}

/* Split line at tabs into at most max fields; returns the count. */
static int split_tabs(char *line, char **f, int max)
{
	int nf = 0;

	for (char *q = line; nf < max;) {
		f[nf++] = q;
		q = strchr(q, '\t');
		if (q == NULL)
			break;
		*q++ = '\0';
	}
	return nf;
}

/* Rebuild an instrument from its spec. */
static int spec_parse(const char *spec, struct instrument *in, struct ikm_err *err)
{
	struct instrument std;
	int64_t num[INSTR_MAX_ELEMENTS], den[INSTR_MAX_ELEMENTS];
	char method[64] = "";
	const char *p = spec;
	int k = 0;

	instr_standard(&std);
	memset(in, 0, sizeof(*in));
	while (*p != '\0') {
		const char *end = strchr(p, '\n');
		char line[512], *f[4];
		size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
		int nf = 0;

		if (n >= sizeof(line))
			n = sizeof(line) - 1;
		memcpy(line, p, n);
		line[n] = '\0';
		p = end != NULL ? end + 1 : p + strlen(p);
		if (strncmp(line, "text\t", 5) == 0)
			continue; /* the words: store_instrument_texts */
		nf = split_tabs(line, f, 4);
		if (nf == 2 && strcmp(f[0], "method") == 0) {
			snprintf(method, sizeof(method), "%s", f[1]);
			continue;
		}
		if (nf != 4 || k >= INSTR_MAX_ELEMENTS ||
		    sscanf(f[3], "%lld/%lld", (long long *)&num[k], (long long *)&den[k]) != 2 ||
		    den[k] <= 0)
			return err_set(err, IKM_EDATA,
			               "instrumen tersimpan rusak / stored instrument is damaged");
		{
			int si = instr_standard_index(f[1]);

			if (si >= 0 && strcmp(std.el[si].id, f[1]) == 0) {
				in->el[in->k] = std.el[si];
				snprintf(in->el[in->k].code, sizeof(in->el[0].code), "%s", f[0]);
				snprintf(in->el[in->k].name, sizeof(in->el[0].name), "%s", f[2]);
				in->k++;
			} else if (instr_add_extra(in, f[0], f[1], f[2], err) < 0) {
				return -1;
			}
		}
		k++;
	}
	if (k == 0)
		return err_set(err, IKM_EDATA,
		               "instrumen tersimpan kosong / stored instrument is empty");
	for (int j = 0; j < k; j++) {
		in->el[j].w_num = num[j];
		in->el[j].w_den = den[j];
		if (num[j] * k != den[j])
			in->custom_weights = 1;
	}
	if (strcmp(method, "legacy-weight-0.111") == 0)
		in->method = INSTR_METHOD_LEGACY_0111;
	else if (strcmp(method, "legacy-weight-0.11") == 0)
		in->method = INSTR_METHOD_LEGACY_011;
	if (in->method != INSTR_METHOD_STANDARD)
		in->custom_weights = 0;
	return 0;
}

int store_instrument_put(struct store *s, const struct instrument *in, int64_t unit, int64_t *id,
                         struct ikm_err *err)
{
	return store_instrument_put_texts(s, in, NULL, unit, id, err);
}

/* Insert spec as the unit's next version into *id. */
static int version_insert(struct store *s, const char *spec, int64_t unit, int64_t *id,
                          struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	if (db_prepare(s->db,
	               "INSERT INTO instrument (unit_id, version, spec, created_at) VALUES (?, "
	               "(SELECT COALESCE(MAX(version), 0) + 1 FROM instrument WHERE unit_id = ?), "
	               "?, ?) RETURNING id",
	               &st, err) < 0)
		return -1;
	db_bind_int(st, 1, unit);
	db_bind_int(st, 2, unit);
	db_bind_text(st, 3, spec, -1);
	db_bind_int(st, 4, store_now());
	rc = db_step(st, err);
	if (rc == DB_ROW)
		*id = db_column_int(st, 0);
	db_reset(st);
	if (rc == DB_CONSTRAINT)
		err_set(err, IKM_EDATA,
		        "versi instrumen bentrok dengan penulis lain; ulangi / instrument version "
		        "conflict, retry");
	return rc == DB_ROW ? 0 : -1;
}

/* The spec of in with texts (NULL: the defaults) into a new buffer. */
static char *spec_new(const struct instrument *in, const struct instr_texts *texts)
{
	char *spec = xmalloc(SPEC_MAX);
	struct instr_texts *def = NULL;

	if (texts == NULL) {
		def = xmalloc(sizeof(*def));
		instr_texts_default(in, def);
		texts = def;
	}
	spec_of(in, texts, spec, SPEC_MAX);
	free(def);
	return spec;
}

/* *id of the version of the unit with spec: with newest, only when it is
 * the unit's newest version; *found 0 when there is none. */
static int version_find(struct store *s, const char *spec, int64_t unit, int newest, int64_t *id,
                        int *found, struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	*found = 0;
	if (db_prepare(s->db,
	               newest
	                   ? "SELECT id, spec FROM instrument WHERE unit_id = ? ORDER BY version "
	                     "DESC LIMIT 1"
	                   : "SELECT id, spec FROM instrument WHERE unit_id = ? AND spec = ? "
	                     "ORDER BY version DESC LIMIT 1",
	               &st, err) < 0)
		return -1;
	db_bind_int(st, 1, unit);
	if (!newest)
		db_bind_text(st, 2, spec, -1);
	rc = db_step(st, err);
	if (rc == DB_ROW) {
		size_t n = 0;
		const char *t = db_column_text(st, 1, &n);

		if (t != NULL && n == strlen(spec) && memcmp(t, spec, n) == 0) {
			*id = db_column_int(st, 0);
			*found = 1;
		}
	}
	db_reset(st);
	return rc == DB_ROW || rc == DB_DONE ? 0 : -1;
}

int store_instrument_put_texts(struct store *s, const struct instrument *in,
                               const struct instr_texts *texts, int64_t unit, int64_t *id,
                               struct ikm_err *err)
{
	char *spec = spec_new(in, texts);
	int found = 0, rc;

	rc = version_find(s, spec, unit, 0, id, &found, err);
	if (rc == 0 && !found)
		rc = version_insert(s, spec, unit, id, err);
	free(spec);
	return rc;
}

int store_instrument_put_current(struct store *s, const struct instrument *in,
                                 const struct instr_texts *texts, int64_t unit, int64_t *id,
                                 struct ikm_err *err)
{
	char *spec = spec_new(in, texts);
	int found = 0, rc;

	rc = version_find(s, spec, unit, 1, id, &found, err);
	if (rc == 0 && !found)
		rc = version_insert(s, spec, unit, id, err);
	free(spec);
	return rc;
}

int store_instrument_current(struct store *s, int64_t unit, int64_t *id, struct instrument *in,
                             struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	if (db_prepare(
		s->db,
		"SELECT id FROM instrument WHERE unit_id = ? OR unit_id = 0 ORDER BY unit_id "
		"DESC, version DESC LIMIT 1",
		&st, err) < 0)
		return -1;
	db_bind_int(st, 1, unit);
	rc = db_step(st, err);
	if (rc == DB_ROW)
		*id = db_column_int(st, 0);
	db_reset(st);
	if (rc == DB_DONE)
		return err_set(err, IKM_EDATA, "belum ada instrumen / no instrument");
	if (rc != DB_ROW)
		return -1;
	return store_instrument_get(s, *id, in, err);
}

/* The spec of version id (caller frees). */
static char *spec_read(struct store *s, int64_t id, struct ikm_err *err)
{
	struct db_stmt *st;
	char *spec;
	int rc;

	if (db_prepare(s->db, "SELECT spec FROM instrument WHERE id = ?", &st, err) < 0)
		return NULL;
	spec = xmalloc(SPEC_MAX);
	db_bind_int(st, 1, id);
	rc = db_step(st, err);
	if (rc == DB_ROW)
		store_column_copy(st, 0, spec, SPEC_MAX);
	db_reset(st);
	if (rc == DB_DONE)
		err_set(err, IKM_EDATA, "instrumen %lld tidak ada / no such instrument",
		        (long long)id);
	if (rc != DB_ROW) {
		free(spec);
		return NULL;
	}
	return spec;
}

int store_instrument_get(struct store *s, int64_t id, struct instrument *in, struct ikm_err *err)
{
	char *spec = spec_read(s, id, err);
	int rc;

	if (spec == NULL)
		return -1;
	rc = spec_parse(spec, in, err);
	free(spec);
	return rc;
}

int store_instrument_version(struct store *s, int64_t id, int64_t *unit, int64_t *version,
                             int64_t *created, struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	if (db_prepare(s->db, "SELECT unit_id, version, created_at FROM instrument WHERE id = ?",
	               &st, err) < 0)
		return -1;
	db_bind_int(st, 1, id);
	rc = db_step(st, err);
	if (rc == DB_ROW) {
		*unit = db_column_int(st, 0);
		*version = db_column_int(st, 1);
		*created = db_column_int(st, 2);
	}
	db_reset(st);
	if (rc == DB_DONE)
		return err_set(err, IKM_EDATA, "instrumen %lld tidak ada / no such instrument",
		               (long long)id);
	return rc == DB_ROW ? 0 : -1;
}

int store_instrument_texts(struct store *s, int64_t id, struct instr_texts *t, struct ikm_err *err)
{
	struct instrument in;
	char *spec, *p, *end;

	if (store_instrument_get(s, id, &in, err) < 0 || (spec = spec_read(s, id, err)) == NULL)
		return -1;
	/* Versions stored without words read as the defaults. */
	instr_texts_default(&in, t);
	for (p = spec; *p != '\0'; p = end != NULL ? end + 1 : p + strlen(p)) {
		char *f[3 + 2 + INSTR_OPTIONS];
		int j, l;

		end = strchr(p, '\n');
		if (end != NULL)
			*end = '\0';
		if (strncmp(p, "text\t", 5) != 0 ||
		    split_tabs(p, f, 3 + 2 + INSTR_OPTIONS) != 3 + 2 + INSTR_OPTIONS ||
		    sscanf(f[1], "%d", &j) != 1 || sscanf(f[2], "%d", &l) != 1 || j < 0 ||
		    j >= in.k || l < 0 || l >= INSTR_NLOCALES)
			continue;
		snprintf(t->name[j][l], sizeof(t->name[j][l]), "%s", f[3]);
		snprintf(t->question[j][l], sizeof(t->question[j][l]), "%s", f[4]);
		for (int x = 0; x < INSTR_OPTIONS; x++)
			snprintf(t->label[j][l][x], sizeof(t->label[j][l][x]), "%s", f[5 + x]);
	}
	free(spec);
	return 0;
}

/* ---- responses --------------------------------------------------------- */

static void answers_text(const struct store_response *r, char *buf)
{
	for (int j = 0; j < r->k; j++)
		buf[j] = (char)('0' + (r->answers[j] <= 4 ? r->answers[j] : 0));
	buf[r->k] = '\0';
}

/* The period of r must be open and hold its date. */
/* *seen = 1 when a response with this client id is stored. */
static int client_id_stored(struct store *s, const char *id, int *seen, struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	*seen = 0;
	if (db_prepare(s->db, "SELECT 1 FROM response WHERE client_id = ?", &st, err) < 0)
		return -1;
	db_bind_text(st, 1, id, -1);
	rc = db_step(st, err);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return -1;
	*seen = rc == DB_ROW;
	return 0;
}

static int check_period(struct store *s, const struct store_response *r, struct ikm_err *err)
{
	struct db_stmt *st;
	int rc, closed;
	int64_t from, to;
	const char *slug = s->pc_slug;

	if (!s->in_tx || s->pc_id != r->period) {
		if (db_prepare(s->db,
		               "SELECT closed, date_from, date_to, slug FROM period WHERE id = ?",
		               &st, err) < 0)
			return -1;
		db_bind_int(st, 1, r->period);
		rc = db_step(st, err);
		if (rc == DB_ROW) {
			s->pc_closed = db_column_int(st, 0) != 0;
			s->pc_from = db_column_int(st, 1);
			s->pc_to = db_column_int(st, 2);
			store_column_copy(st, 3, s->pc_slug, sizeof(s->pc_slug));
		}
		db_reset(st);
		if (rc == DB_DONE)
			return err_set(err, IKM_EDATA, "periode %lld tidak ada / no such period",
			               (long long)r->period);
		if (rc != DB_ROW)
			return -1;
		s->pc_id = s->in_tx ? r->period : 0;
	}
	closed = s->pc_closed;
	from = s->pc_from;
	to = s->pc_to;
	if (closed)
		return err_set(
		    err, IKM_EDATA,
		    "periode \"%s\" sudah ditutup; tanggapan tidak dapat ditambahkan / the "
		    "period is closed",
		    slug);
	if (r->date != 0 && (r->date < from || r->date > to))
		return err_set(err, IKM_EDATA,
		               "tanggal %04d-%02d-%02d di luar periode \"%s\" (%04d-%02d-%02d s.d. "
		               "%04d-%02d-%02d) / the date is outside the period",
		               r->date / 10000, r->date / 100 % 100, r->date % 100, slug,
		               (int)(from / 10000), (int)(from / 100 % 100), (int)(from % 100),
		               (int)(to / 10000), (int)(to / 100 % 100), (int)(to % 100));
	return 0;
}

/* Parameters 1-3: the unit, service and period of r. */
static void bind_ids(struct db_stmt *st, const struct store_response *r)
{
	db_bind_int(st, 1, r->unit);
	db_bind_int(st, 2, r->service);
	db_bind_int(st, 3, r->period);
}

static int insert_response(struct store *s, const struct store_response *r, int *dup,
                           struct ikm_err *err)
{
	struct db_stmt *st;
	char answers[INSTR_MAX_ELEMENTS + 1];
	int rc;

	*dup = 0;
	if (check_period(s, r, err) < 0)
		return -1;
	answers_text(r, answers);
	if (db_prepare(
		s->db,
		"INSERT INTO response (unit_id, service_id, period_id, instrument_id, "
		"channel, submitted_at, survey_date, answers, gender, age, education, job, "
		"service_text, suggestion, flags, ticket_hash, client_id) VALUES (?, ?, ?, ?, "
		"?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
		&st, err) < 0)
		return -1;
	bind_ids(st, r);
	db_bind_int(st, 4, r->instrument);
	db_bind_text(st, 5, store_channel_name(r->channel), -1);
	db_bind_int(st, 6, r->submitted);
	db_bind_int(st, 7, r->date);
	db_bind_text(st, 8, answers, -1);
	db_bind_text(st, 9, r->gender, -1);
	db_bind_int(st, 10, r->age);
	db_bind_text(st, 11, r->education, -1);
	db_bind_text(st, 12, r->job, -1);
	db_bind_text(st, 13, r->service_text, -1);
	db_bind_text(st, 14, r->suggestion, -1);
	db_bind_int(st, 15, r->flags);
	if (r->ticket_hash[0] != '\0')
		db_bind_text(st, 16, r->ticket_hash, -1);
	else
		db_bind_null(st, 16);
	if (r->client_id[0] != '\0')
		db_bind_text(st, 17, r->client_id, -1);
	else
		db_bind_null(st, 17);
	rc = db_step(st, err);
	db_reset(st);
	if (rc == DB_CONSTRAINT)
		return err_set(
		    err, IKM_EDATA,
		    "tanggapan tidak sah: unit, layanan, periode atau instrumen tidak ada / "
		    "unknown unit, service, period or instrument");
	if (rc == DB_DONE) {
		/* Nothing inserted: a repeated client id, or a ticket used. */
		int seen = 0;

		if (r->client_id[0] != '\0' && client_id_stored(s, r->client_id, &seen, err) < 0)
			return -1;
		if (seen) {
			*dup = 1;
			return 0;
		}
		return err_set(
		    err, IKM_EDATA,
		    "tiket ini sudah dipakai untuk satu tanggapan di unit ini / the ticket "
		    "was already used");
	}
	if (rc != DB_ROW)
		return -1;
	/* Count the pattern and the flags of the scope: at the commit of
	 * the transaction, or now. */
	if (!s->in_tx)
		return store_tally_now(s, r, answers, err);
	store_tally_note(s, r, answers);
	return store_tally_full(s) ? store_tally_flush(s, err) : 0;
}

int store_response_add(struct store *s, const struct store_response *r, int *dup,
                       struct ikm_err *err)
{
	int own = !s->in_tx;

	if (r->k < 1 || r->k > INSTR_MAX_ELEMENTS)
		return err_set(err, IKM_EDATA,
		               "jumlah unsur tanggapan tidak sah / bad element count");
	if (own && db_begin(s->db, err) < 0)
		return -1;
	if (insert_response(s, r, dup, err) < 0) {
		if (own)
			db_rollback(s->db);
		return -1;
	}
	return own ? db_commit(s->db, err) : 0;
}

/* ---- aggregates -------------------------------------------------------- */

#define SCOPE_WHERE "unit_id = ? AND period_id = ? AND (CAST(? AS BIGINT) = 0 OR service_id = ?)"

static void bind_scope(struct db_stmt *st, const struct store_scope *sc)
{
	db_bind_int(st, 1, sc->unit);
	db_bind_int(st, 2, sc->period);
	db_bind_int(st, 3, sc->service);
	db_bind_int(st, 4, sc->service);
}

/* map[j] of version `from`: the index of its element j in `to`, or -1. */
static void element_map(const struct instrument *from, const struct instrument *to, int *map)
{
	for (int j = 0; j < from->k; j++) {
		map[j] = -1;
		for (int l = 0; l < to->k; l++)
			if (strcmp(from->el[j].id, to->el[l].id) == 0)
				map[j] = l;
	}
}

struct version_map {
	int64_t id;
	int k;
	int map[INSTR_MAX_ELEMENTS];
};

int store_scope_versions(struct store *s, const struct store_scope *sc, int64_t *ids, int *n,
                         struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	*n = 0;
	if (db_prepare(s->db,
	               "SELECT DISTINCT instrument_id FROM tally WHERE " SCOPE_WHERE
	               " ORDER BY instrument_id",
	               &st, err) < 0)
		return -1;
	bind_scope(st, sc);
	while ((rc = db_step(st, err)) == DB_ROW && *n < STORE_MAX_VERSIONS)
		ids[(*n)++] = db_column_int(st, 0);
	db_reset(st);
	if (rc == DB_ROW)
		return err_set(err, IKM_ELIMIT,
		               "lebih dari %d versi instrumen dalam satu periode / more than %d "
		               "instrument versions in one period",
		               STORE_MAX_VERSIONS, STORE_MAX_VERSIONS);
	return rc == DB_DONE ? 0 : -1;
}

int store_aggregate(struct store *s, const struct store_scope *sc, struct instrument *in,
                    struct score_acc **acc, struct store_totals *tot, struct ikm_err *err)
{
	struct db_stmt *st;
	struct version_map *vm = NULL;
	struct instrument ver;
	int nv = 0, rc, cur = 0;

	*acc = NULL;
	memset(tot, 0, sizeof(*tot));
	if (db_prepare(s->db,
	               "SELECT flags, SUM(n) FROM flag_tally WHERE " SCOPE_WHERE " GROUP BY flags",
	               &st, err) < 0)
		return -1;
	bind_scope(st, sc);
	while ((rc = db_step(st, err)) == DB_ROW) {
		uint64_t flags = (uint64_t)db_column_int(st, 0), n = (uint64_t)db_column_int(st, 1);

		tot->responses += n;
		for (int b = 0; b < 8; b++)
			if (flags & (1u << b))
				tot->flags[b] += n;
	}
	db_reset(st);
	if (rc != DB_DONE)
		return -1;
	if (tot->responses == 0)
		return err_set(
		    err, IKM_EDATA,
		    "belum ada tanggapan untuk unit dan periode ini / no responses in this "
		    "unit and period");
	/* The versions answered, read before the counts stream (one query at
	 * a time on a connection). */
	{
		int64_t ids[STORE_MAX_VERSIONS];

		if (store_scope_versions(s, sc, ids, &nv, err) < 0)
			return -1;
		vm = xcalloc(STORE_MAX_VERSIONS, sizeof(*vm));
		for (int v = 0; v < nv; v++)
			vm[v].id = ids[v];
	}
	if (nv == 0 || store_instrument_get(s, vm[nv - 1].id, in, err) < 0)
		goto fail;
	tot->versions = nv;
	for (int v = 0; v < nv; v++) {
		if (store_instrument_get(s, vm[v].id, &ver, err) < 0)
			goto fail;
		vm[v].k = ver.k;
		element_map(&ver, in, vm[v].map);
	}
	*acc = score_acc_new(in->k);
	if (db_prepare(s->db,
	               "SELECT instrument_id, answers, SUM(n) FROM tally WHERE " SCOPE_WHERE
	               " GROUP BY instrument_id, answers ORDER BY instrument_id",
	               &st, err) < 0)
		goto fail;
	bind_scope(st, sc);
	while ((rc = db_step(st, err)) == DB_ROW) {
		int64_t id = db_column_int(st, 0);
		size_t len = 0;
		const char *a = db_column_text(st, 1, &len);
		uint8_t vals[INSTR_MAX_ELEMENTS] = {0};

		while (cur + 1 < nv && vm[cur].id != id)
			cur++;
		for (int j = 0; j < vm[cur].k && (size_t)j < len; j++)
			if (vm[cur].map[j] >= 0 && a[j] >= '1' && a[j] <= '4')
				vals[vm[cur].map[j]] = (uint8_t)(a[j] - '0');
		score_acc_add_n(*acc, vals, (uint64_t)db_column_int(st, 2));
	}
	db_reset(st);
	if (rc != DB_DONE)
		goto fail;
	free(vm);
	return 0;
fail:
	free(vm);
	score_acc_free(*acc);
	*acc = NULL;
	return -1;
}

int store_responses_each(struct store *s, const struct store_scope *sc,
                         int (*fn)(void *user, const struct store_response *r, struct ikm_err *err),
                         void *user, struct ikm_err *err)
{
	struct db_stmt *st;
	struct store_response *r = xcalloc(1, sizeof(*r));
	int rc;

	if (db_prepare(
		s->db,
		"SELECT unit_id, service_id, period_id, instrument_id, channel, submitted_at, "
		"survey_date, answers, gender, age, education, job, service_text, suggestion, "
		"flags, COALESCE(ticket_hash, ''), COALESCE(client_id, ''), excluded FROM response "
		"WHERE " SCOPE_WHERE " ORDER BY id",
		&st, err) < 0) {
		free(r);
		return -1;
	}
	bind_scope(st, sc);
	while ((rc = db_step(st, err)) == DB_ROW) {
		char ch[16];
		size_t len = 0;
		const char *a;

		memset(r, 0, sizeof(*r));
		r->unit = db_column_int(st, 0);
		r->service = db_column_int(st, 1);
		r->period = db_column_int(st, 2);
		r->instrument = db_column_int(st, 3);
		store_column_copy(st, 4, ch, sizeof(ch));
		for (int c = 0; c < (int)(sizeof(channels) / sizeof(channels[0])); c++)
			if (strcmp(ch, channels[c]) == 0)
				r->channel = (enum store_channel)c;
		r->submitted = db_column_int(st, 5);
		r->date = (int32_t)db_column_int(st, 6);
		a = db_column_text(st, 7, &len);
		r->k = len <= INSTR_MAX_ELEMENTS ? (int)len : INSTR_MAX_ELEMENTS;
		for (int j = 0; j < r->k; j++)
			r->answers[j] = a[j] >= '0' && a[j] <= '4' ? (uint8_t)(a[j] - '0') : 0;
		store_column_copy(st, 8, r->gender, sizeof(r->gender));
		r->age = (int)db_column_int(st, 9);
		store_column_copy(st, 10, r->education, sizeof(r->education));
		store_column_copy(st, 11, r->job, sizeof(r->job));
		store_column_copy(st, 12, r->service_text, sizeof(r->service_text));
		store_column_copy(st, 13, r->suggestion, sizeof(r->suggestion));
		r->flags = (unsigned)db_column_int(st, 14);
		store_column_copy(st, 15, r->ticket_hash, sizeof(r->ticket_hash));
		store_column_copy(st, 16, r->client_id, sizeof(r->client_id));
		r->excluded = db_column_int(st, 17) != 0;
		if (fn(user, r, err) < 0) {
			rc = DB_FAIL;
			break;
		}
	}
	db_reset(st);
	free(r);
	return rc == DB_DONE ? 0 : -1;
}

int store_ticket_used(struct store *s, int64_t unit, const char *hash, int *used,
                      struct ikm_err *err)
{
	struct db_stmt *st;
	int rc;

	*used = 0;
	if (db_prepare(s->db, "SELECT 1 FROM response WHERE unit_id = ? AND ticket_hash = ?", &st,
	               err) < 0)
		return -1;
	db_bind_int(st, 1, unit);
	db_bind_text(st, 2, hash, -1);
	rc = db_step(st, err);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return -1;
	*used = rc == DB_ROW;
	return 0;
}
