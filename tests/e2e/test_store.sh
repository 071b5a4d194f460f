#!/bin/sh
# End-to-end tests of the store commands on SQLite (and on PostgreSQL when
# tests/run.sh started a throwaway cluster, IKM_TEST_PG_URL): init, units,
# services, periods, import (all or nothing), compute from the store equal
# to compute on the file, export that import reads back, errors.
. "$IKM_TOP/tests/e2e/lib.sh"
DEMO="$IKM_TOP/examples/mojokerto-2022-s1-demo.csv"

suite() { # label, db url
	label=$1
	db=$2
	run init --db "$db" --name "Pemerintah Kota Mojokerto"
	expect_rc "$label: init" 0
	expect_out "$label: init says the schema" "skema versi 4"
	run init --db "$db"
	expect_rc "$label: init again is harmless" 0
	run unit add kota --name "Kota Mojokerto" --db "$db"
	expect_rc "$label: unit add" 0
	run unit add dispenduk --name "Dinas Kependudukan dan Pencatatan Sipil" --parent kota --db "$db"
	expect_rc "$label: unit add with parent" 0
	run unit add dispenduk --name "Lagi" --db "$db"
	expect_rc "$label: duplicate unit: data error" 1
	expect_err "$label: duplicate unit named" "dispenduk"
	run unit add "Bad Slug" --name X --db "$db"
	expect_rc "$label: bad slug: usage error" 2
	run unit list --db "$db"
	expect_out "$label: unit list" "dispenduk	Dinas Kependudukan dan Pencatatan Sipil	kota"
	run service add akta --unit dispenduk --name "Akta Kelahiran" --db "$db"
	expect_rc "$label: service add" 0
	run service add kiosk --unit dispenduk --name "Kios" --db "$db"
	expect_rc "$label: the service slug kiosk is reserved" 1
	expect_err "$label: reserved: said why" "dicadangkan untuk mode kios"
	run service list --unit dispenduk --db "$db"
	expect_out "$label: service list" "dispenduk	akta	Akta Kelahiran"
	run period add 2022-s1 --from 2022-01-01 --to 2022-06-30 --name "Semester I 2022" --db "$db"
	expect_rc "$label: period add" 0
	run period add 2022-s2 --from 2022-07-01 --to 2022-12-31 --name "Semester II 2022" --db "$db"
	run period add bad --from 2022-02-30 --to 2022-03-01 --db "$db"
	expect_rc "$label: impossible date: usage error" 2

	run import "$DEMO" --unit dispenduk --period 2022-s1 --db "$db"
	expect_rc "$label: import the demo" 0
	expect_out "$label: import reports rows" "250 tanggapan disimpan"
	run compute --unit dispenduk --period 2022-s1 --db "$db" --json
	expect_rc "$label: compute from the store" 0
	printf '%s' "$out" >"$T/store.json"
	run compute "$DEMO" --json
	printf '%s' "$out" >"$T/file.json"
	if python3 - "$T/store.json" "$T/file.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for key in ("respondents", "ikm", "ni", "mutu", "kinerja", "mean_nrr", "ci95", "elements"):
    assert a[key] == b[key], (key, a[key], b[key])
PY
	then ok "$label: store numbers equal the file's (IKM, NRR, interval)"; else not_ok "$label: store numbers equal the file's"; fi
	expect_json "$label: 96,89" "d['ikm'] == 96.89 and d['mutu'] == 'A'"
	run compute --unit dispenduk --period 2022-s1 --db "$db"
	expect_out "$label: text output names the unit" "Dinas Kependudukan dan Pencatatan Sipil"
	expect_out "$label: quality counts from the store" "88 baris menjawab sama untuk semua unsur (straight-lining)"
	if printf '%s' "$out" | grep -q "straight-lining); baris"; then
		not_ok "$label: no empty row list from the store" "$out"
	else
		ok "$label: no empty row list from the store"
	fi

	run export --unit dispenduk --period 2022-s1 -o "$T/export.csv" --db "$db"
	expect_rc "$label: export" 0
	# Re-import into the second period: dates of 2022-s1 are outside it.
	run import "$T/export.csv" --unit dispenduk --period 2022-s2 --db "$db"
	expect_rc "$label: dates outside the period: data error" 1
	expect_err "$label: the row and the date named" "baris 2, kolom tanggal"
	expect_err "$label: nothing stored" "tidak ada yang disimpan"
	run compute --unit dispenduk --period 2022-s2 --db "$db"
	expect_rc "$label: the failed import left nothing" 1
	# Without the date column the export goes back in whole.
	cut -d, -f1,3- "$T/export.csv" >"$T/nodate.csv"
	run import "$T/nodate.csv" --unit dispenduk --period 2022-s2 --service akta --db "$db"
	expect_rc "$label: re-import of the export" 0
	run compute --unit dispenduk --period 2022-s2 --service akta --db "$db" --json
	expect_json "$label: round trip gives the same IKM" "d['ikm'] == 96.89 and d['respondents'] == 250"
	run export --unit dispenduk --period 2022-s2 -o "$T/export2.csv" --db "$db"
	cut -d, -f3- "$T/export.csv" >"$T/e1"
	cut -d, -f3- "$T/export2.csv" >"$T/e2"
	if [ -s "$T/e1" ] && cmp -s "$T/e1" "$T/e2"; then
		ok "$label: export round-trips with import"
	else
		not_ok "$label: export round-trips with import" "$(diff "$T/export.csv" "$T/export2.csv" | head -5)"
	fi

	# A bad value: all or nothing, with the row and column named.
	printf 'U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n4,4,9,4,4,4,4,4,4\n' >"$T/bad.csv"
	run import "$T/bad.csv" --unit kota --period 2022-s1 --db "$db"
	expect_rc "$label: bad value: data error" 1
	expect_err "$label: bad value named" "baris 3, kolom 3"
	run compute --unit kota --period 2022-s1 --db "$db"
	expect_rc "$label: nothing half-written" 1
	run import "$T/bad.csv" --unit kota --period 2022-s1 --skip-invalid --db "$db"
	expect_rc "$label: --skip-invalid imports the rest" 0
	expect_out "$label: one row rejected" "1 tanggapan disimpan; 1 baris ditolak"

	run population set 1000 --unit dispenduk --period 2022-s1 --db "$db"
	expect_rc "$label: population set" 0
	run compute --unit dispenduk --period 2022-s1 --db "$db" --json
	expect_json "$label: the stored population gives the sample check" "d['sample']['population'] == 1000 and d['sample']['required'] == 278"
	run population set 0 --unit dispenduk --period 2022-s1 --db "$db"
	expect_rc "$label: population 0: usage error" 2
	# A suggestion that a spreadsheet would run as a formula is exported
	# with an apostrophe in front and imported back as written.
	printf 'U1,U2,U3,U4,U5,U6,U7,U8,U9,Saran\n4,4,4,4,4,4,4,4,4,"=HYPERLINK(""http://x"",""klik"")"\n' >"$T/inject.csv"
	run import "$T/inject.csv" --unit kota --period 2022-s2 --db "$db"
	expect_rc "$label: import a formula-like suggestion" 0
	run export --unit kota --period 2022-s2 -o "$T/inject-out.csv" --db "$db"
	if grep -q "\"'=HYPERLINK" "$T/inject-out.csv"; then ok "$label: export neutralises a formula"; else not_ok "$label: export neutralises a formula" "$(cat "$T/inject-out.csv")"; fi
	run import "$T/inject-out.csv" --unit kota --period 2022-s2 --db "$db"
	run export --unit kota --period 2022-s2 -o "$T/inject-2.csv" --db "$db"
	if [ "$(grep -c "\"'=HYPERLINK" "$T/inject-2.csv")" = 2 ]; then ok "$label: the apostrophe is not doubled on re-import"; else not_ok "$label: the apostrophe is not doubled on re-import" "$(cat "$T/inject-2.csv")"; fi
	run period close 2022-s1 --db "$db"
	expect_rc "$label: period close" 0
	run import "$DEMO" --unit dispenduk --period 2022-s1 --db "$db"
	expect_rc "$label: closed period: data error" 1
	expect_err "$label: closed period said" "ditutup"
	run compute --unit dispenduk --period 2022-s1 --db "$db" --json
	expect_json "$label: a closed period's result stays" "d['ikm'] == 96.89"
	run compute --unit nope --period 2022-s1 --db "$db"
	expect_rc "$label: unknown unit: data error" 1
	expect_err "$label: unknown unit named" "nope"
}

suite sqlite "$T/ikm.db"
# The default database is ./var/ikm.db, or $IKM_DB.
(cd "$T" && IKM_DB= "$IKM" init >/dev/null 2>&1)
if [ -f "$T/var/ikm.db" ]; then ok "default database ./var/ikm.db"; else not_ok "default database ./var/ikm.db"; fi
export IKM_DB="$T/env.db"
run init
unset IKM_DB
if [ -f "$T/env.db" ]; then ok "IKM_DB names the database"; else not_ok "IKM_DB names the database"; fi
if [ -n "${IKM_TEST_PG_URL:-}" ] && command -v psql >/dev/null 2>&1; then
	psql -q "$IKM_TEST_PG_URL" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null 2>&1
	suite postgresql "$IKM_TEST_PG_URL"
else
	skip "PostgreSQL store suite" "IKM_TEST_PG_URL not set"
fi
done_testing
