#!/bin/sh
# End-to-end tests of `ikm compute` and `ikm sample`: the public cases of
# method.md section 9, exit codes, messages and the JSON contract.
. "$IKM_TOP/tests/e2e/lib.sh"
D="$IKM_TOP/tests/data"
DEMO="$IKM_TOP/examples/mojokerto-2022-s1-demo.csv"

# --- the command line itself
run --version
expect_rc "--version exits 0" 0
expect_out "--version names ikm" "ikm "
run --help
expect_rc "--help exits 0" 0
expect_out "--help shows compute" "ikm compute FILE..."
run
expect_rc "no command is a usage error" 2
run frobnicate
expect_rc "unknown command is a usage error" 2
expect_err "unknown command is named" "frobnicate"
run compute
expect_rc "compute without a file is a usage error" 2
run compute "$D/all4.csv" --bogus
expect_rc "unknown option is a usage error" 2
run compute "$D/all4.csv" --threads 0
expect_rc "--threads 0 is a usage error" 2
run compute "$D/all4.csv" --threads 9
expect_rc "--threads 9 is a usage error" 2
run compute "$D/all4.csv" --population abc
expect_rc "non-numeric population is a usage error" 2
expect_err "bad population is named" "--population \"abc\""

# --- a file large enough to be read in parallel parts gives the same JSON
awk 'BEGIN { srand(7); print "No,U1,U2,U3,U4,U5,U6,U7,U8,U9,Saran";
	for (i = 1; i <= 300000; i++) { line = i; b = 3 + int(rand() * 2);
		for (j = 0; j < 9; j++) { r = rand(); line = line "," (r < 0.02 ? "" : (r < 0.8 ? b : 1 + int(rand() * 4))) }
		print line (i % 7 == 0 ? ",\"antrean, mohon \"\"dipercepat\"\"\"" : ",") } }' >"$T/big.csv"
run compute "$T/big.csv" --json --threads 1
cp "$T/out" "$T/big1.json"
expect_json "big file, one part" "d['files'][0]['parts'] == 1 and d['respondents'] == 300000"
run compute "$T/big.csv" --json --threads 2
expect_json "big file, two parts" "d['files'][0]['parts'] == 2"
sed 's/"parts": 2/"parts": 1/' "$T/out" >"$T/big2.json"
if cmp -s "$T/big1.json" "$T/big2.json"; then ok "two parts give the same result as one"; else not_ok "two parts give the same result as one" "$(diff "$T/big1.json" "$T/big2.json" | head)"; fi

# --- method.md section 9: all 4
run compute "$D/all4.csv"
expect_rc "all 4: exit 0" 0
expect_out "all 4: IKM 100,00" "IKM                    : 100,00"
expect_out "all 4: mutu A" "Mutu pelayanan         : A"
expect_out "all 4: SANGAT BAIK" "Kinerja unit           : SANGAT BAIK"
run compute "$D/all4.csv" --json
expect_json "all 4 JSON: ikm 100, A, Sangat Baik" "d['ikm'] == 100 and d['mutu'] == 'A' and d['kinerja'] == 'Sangat Baik'"
expect_json "all 4 JSON: one respondent, no interval" "d['respondents'] == 1 and d['ci95'] is None"

# --- all 1 (semicolon-separated)
run compute "$D/all1.csv" --json
expect_json "all 1: IKM 25,00 D Tidak Baik" "d['ikm'] == 25 and d['mutu'] == 'D' and d['kinerja'] == 'Tidak Baik' and d['respondents'] == 4"

# --- missing answers
run compute "$D/missing.csv" --json
expect_json "missing: NRR U1 = 4 with n = 2" "d['elements'][0]['nrr'] == 4 and d['elements'][0]['answered'] == 2"
expect_json "missing: other NRR = 3 with n = 3" "all(e['nrr'] == 3 and e['answered'] == 3 for e in d['elements'][1:])"
expect_json "missing: NI 3,1111, IKM 77,78 B" "d['ni'] == 3.1111 and d['ikm'] == 77.78 and d['mutu'] == 'B'"
expect_json "missing: the partial row is flagged" "d['quality']['partial']['count'] == 1 and d['quality']['partial']['rows'][0]['row'] == 4"
run compute "$D/missing.csv"
expect_out "missing: text uses the decimal comma" "Nilai indeks (NI)      : 3,1111"

# --- ten elements (tab-separated, U10 found in the header)
run compute "$D/ten.csv" --json
expect_json "ten elements: NI 3,1, IKM 77,50 B" "d['ni'] == 3.1 and d['ikm'] == 77.5 and d['mutu'] == 'B'"
expect_json "ten elements: weights 1/10" "len(d['elements']) == 10 and all(e['weight'] == '1/10' for e in d['elements'])"
run compute "$D/ten.csv" --elements "U1-U9,U10=Kebersihan Ruang Tunggu"
expect_out "ten elements: --elements names U10" "U10   Kebersihan Ruang Tunggu"

# --- boundaries: one element, 10000 respondents, NI exactly 3,5322 / 3,0642 / 2,5998
gen() { # fours threes twos -> CSV with one column U1
	awk -v a="$1" -v b="$2" -v c="$3" 'BEGIN { print "U1"; for (i = 0; i < a; i++) print 4;
		for (i = 0; i < b; i++) print 3; for (i = 0; i < c; i++) print 2 }'
}
gen 5322 4678 0 >"$T/b1.csv"
gen 642 9358 0 >"$T/b2.csv"
gen 0 5998 4002 >"$T/b3.csv"
run compute "$T/b1.csv" --elements U1 --json
expect_json "boundary NI 3,5322 -> 88,31 A" "d['ni'] == 3.5322 and d['ikm'] == 88.31 and d['mutu'] == 'A'"
run compute "$T/b2.csv" --elements U1 --json
expect_json "boundary NI 3,0642 -> 76,61 B" "d['ni'] == 3.0642 and d['ikm'] == 76.61 and d['mutu'] == 'B'"
run compute "$T/b3.csv" --elements U1 --json
expect_json "boundary NI 2,5998 -> 65,00 C" "d['ni'] == 2.5998 and d['ikm'] == 65 and d['mutu'] == 'C'"
gen 515 485 0 >"$T/r.csv"
run compute "$T/r.csv" --elements U1 --json
expect_json "exact IKM 87,875 prints 87,88 (half-up, no binary rounding)" "d['ikm'] == 87.88 and d['mutu'] == 'B'"

# --- sample size
for pair in 10:10 15:14 50:44 100:80 300:169 1000:278 5000:357 10000:370 1000000:384; do
	n=${pair%%:*}
	s=${pair##*:}
	run sample "$n" --json
	expect_json "Krejcie-Morgan N=$n -> $s" "d['population'] == $n and d['required'] == $s"
done
run sample 1000
expect_out "sample text uses the thousands dot" "Populasi 1.000: sampel minimum 278 responden"
run sample 0
expect_rc "sample 0 is a usage error" 2
run sample 12x
expect_rc "sample 12x is a usage error" 2

# --- the seed demo
run compute "$DEMO" --json --population 1000 --period "Semester I 2022"
expect_rc "demo: exit 0" 0
expect_json "demo: IKM 96,89 A Sangat Baik" "d['ikm'] == 96.89 and d['mutu'] == 'A' and d['kinerja'] == 'Sangat Baik'"
expect_json "demo: U7 and U9 below the mean" "d['below_average'] == ['U7', 'U9']"
expect_json "demo: U7 3,84 and U9 3,86" "d['elements'][6]['nrr'] == 3.84 and d['elements'][8]['nrr'] == 3.86"
expect_json "demo: mean NRR 3,8756" "d['mean_nrr'] == 3.8756 and d['ni'] == 3.8756"
expect_json "demo: lowest three U7, U9, U1" "d['lowest'] == ['U7', 'U9', 'U1']"
expect_json "demo: sample 278 for N=1000, 250 not adequate" "d['sample'] == {'population': 1000, 'required': 278, 'adequate': False}"
expect_json "demo: interval around the index" "d['ci95']['low'] < 96.89 < d['ci95']['high'] and d['ci95']['high'] <= 100"
expect_json "demo: sample warning present" "any('278' in w for w in d['warnings'])"
expect_json "demo: JSON contract keys" "set(['respondents','elements','ni','ikm','mutu','kinerja','ci95','below_average','lowest','sample','warnings','method']) <= set(d) and d['method'] == 'permenpan-rb-14-2017'"
expect_json "demo: element keys" "all(set(['code','id','name','answered','sum','nrr','ikm','mutu']) <= set(e) for e in d['elements'])"
expect_json "demo: types" "isinstance(d['respondents'], int) and isinstance(d['ikm'], float) and isinstance(d['ci95']['low'], float)"
run compute "$DEMO" --unit "Dinas Kependudukan dan Pencatatan Sipil Kota Mojokerto"
expect_out "demo text: IKM" "IKM                    : 96,89"
expect_out "demo text: U7 priority" "U7 Perilaku Pelaksana: 3,84"
expect_out "demo text: U9 priority" "U9 Penanganan Pengaduan, Saran dan Masukan: 3,86"
expect_out "demo text: ignored column listed" "\"No\""
run compute "$DEMO" "$DEMO" --json
expect_json "two files are pooled" "d['respondents'] == 500 and d['ikm'] == 96.89 and len(d['files']) == 2"
expect_json "small files are read in one part" "d['files'][0]['parts'] == 1"
${VALGRIND_CMD:-} "$IKM" compute - --json <"$DEMO" >"$T/out" 2>"$T/err"
rc=$?
out=$(cat "$T/out")
expect_json "standard input with -" "d['ikm'] == 96.89"

${VALGRIND_CMD:-} "$IKM" compute - <"$D/google-forms-sample.xlsx" >"$T/out" 2>"$T/err"
rc=$?
err=$(cat "$T/err")
expect_rc "XLSX through standard input: data error" 1
expect_err "XLSX through standard input explained" "berikan nama berkasnya"

# --- legacy mode
run compute "$D/all4.csv" --legacy-weight 0.11 --json
expect_json "legacy 0,11 caps all-4 at 99,00" "d['ikm'] == 99 and d['method'] == 'legacy-weight-0.11'"
expect_json "legacy is labelled non-standard" "any('NON-STANDAR' in w for w in d['warnings'])"
run compute "$D/all4.csv" --legacy-weight 0.111
expect_out "legacy 0,111 text: 99,90" "IKM                    : 99,90"
expect_out "legacy text labelled" "NON-STANDAR"
run compute "$D/all4.csv" --legacy-weight 0.5
expect_rc "other legacy weights refused" 2

# --- weights
run compute "$DEMO" --elements "U1@0.2,U2@0.2,U3@0.1,U4@0.1,U5@0.1,U6@0.1,U7@0.1,U8@0.05,U9@0.05" --json
expect_json "custom weights accepted" "d['elements'][0]['weight'] == '1/5' and d['method'] == 'permenpan-rb-14-2017'"
run compute "$DEMO" --elements "U1@0.2,U2@0.2,U3@0.1,U4@0.1,U5@0.1,U6@0.1,U7@0.1,U8@0.05,U9@0.04"
expect_rc "weights not summing to 1 refused" 2
expect_err "weights message says why" "tepat 1"

# --- bad input
printf 'U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n4,5,4,4,4,4,4,4,4\n3,3,3,3,3,3,3,3,3\n' >"$T/bad.csv"
run compute "$T/bad.csv"
expect_rc "out-of-range value: data error" 1
expect_err "message names file, row, column and value" "bad.csv: baris 3, kolom 2 (\"U2\"): nilai \"5\" di luar rentang"
expect_err "message says what was expected" "1-4"
run compute "$T/bad.csv" --skip-invalid --json
expect_rc "--skip-invalid: exit 0" 0
expect_json "--skip-invalid counts the skipped row" "d['skipped_rows'] == 1 and d['respondents'] == 2 and d['quality']['invalid_values']['rows'][0]['row'] == 3"
printf 'U1,U2,U3,U4,U5,U6,U7,U8\n4,4,4,4,4,4,4,4\n' >"$T/short.csv"
run compute "$T/short.csv"
expect_rc "missing element column: data error" 1
expect_err "missing element named" "U9 (Penanganan Pengaduan, Saran dan Masukan)"
run compute "$T/short.csv" --elements U1-U8 --json
expect_json "--elements U1-U8 computes eight" "len(d['elements']) == 8 and d['ikm'] == 100"
run compute "$T/nonexistent.csv"
expect_rc "nonexistent file: exit 1" 1
expect_err "nonexistent file named" "nonexistent.csv: tidak dapat dibuka"
printf 'U1,U2,U3,U4,U5,U6,U7,U8,U9\n,,,,,,,,\n' >"$T/empty.csv"
run compute "$T/empty.csv"
expect_rc "no respondent: data error" 1

# --- Google Forms export with question texts and option labels
run compute "$D/google-forms.csv" --json
expect_json "Google Forms: IKM 79,86 B" "d['ikm'] == 79.86 and d['mutu'] == 'B' and d['respondents'] == 4"
expect_json "Google Forms: U3 and U5 below the mean" "d['below_average'] == ['U3', 'U5']"
expect_json "Google Forms: interval crossing flagged" "d['ci_crosses_grade'] and any('tidak dapat dikesampingkan' in w for w in d['warnings'])"
run compute "$D/google-forms.csv"
expect_out "Google Forms: profile columns recognised" "jenis kelamin, usia, pendidikan, pekerjaan, jenis layanan, tanggal, saran"

# --- XLSX: a Google Forms export written by openpyxl (labels, a blank answer)
run compute "$D/google-forms-sample.xlsx" --json
expect_rc "XLSX: exit 0" 0
expect_json "XLSX: NI 2,7111, IKM 67,78 C" "d['ni'] == 2.7111 and d['ikm'] == 67.78 and d['mutu'] == 'C' and d['respondents'] == 5"
expect_json "XLSX: U4 3,2 and U9 3,0 over 4 answers" "d['elements'][3]['nrr'] == 3.2 and d['elements'][8]['answered'] == 4 and d['elements'][8]['nrr'] == 3"
expect_json "XLSX: seven elements below the mean" "d['below_average'] == ['U1', 'U2', 'U3', 'U5', 'U6', 'U7', 'U8']"
expect_json "XLSX: format reported" "d['files'][0]['format'] == 'XLSX'"
run compute "$D/google-forms-sample.xlsx" "$D/google-forms.csv" --json
expect_json "XLSX and CSV pooled" "d['respondents'] == 9 and len(d['files']) == 2"
printf 'PK\003\004garbage' >"$T/broken.xlsx"
run compute "$T/broken.xlsx"
expect_rc "broken XLSX: data error" 1
expect_err "broken XLSX named" "broken.xlsx"
printf '\320\317\021\340\241\261\032\341rest' >"$T/old.xls"
run compute "$T/old.xls"
expect_rc "legacy .xls: data error" 1
expect_err "legacy .xls explained" ".xlsx atau .csv"

done_testing
