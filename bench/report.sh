#!/bin/bash
# Benchmark of `ikm report`: time and peak memory of every document (the
# letter as PDF, the Laporan SKM as PDF, the processing workbook as XLSX,
# the poster) for 1 000, 100 000 and 1 000 000 respondents with a full
# respondent profile and suggestions.
# Target (issue 3): the Laporan SKM PDF for 100 000 respondents under 1 s,
# its processing lampiran printing the default 1 000 rows (--lampiran-rows).
# Usage: bench/report.sh [SIZES...]   (default: 1000 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
scripts/install-deps scripts/bench-packages.txt >/dev/null
make -s build/release/ikm
ikm=build/release/ikm
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 100000 1000000)

for n in "${sizes[@]}"; do
	csv=$out/report-profile-$n.csv
	if [ ! -s "$csv" ]; then
		awk -v n="$n" 'BEGIN { srand(n);
			split("SD SMP SMA D3 S1 S2", edu, " "); split("PNS TNI POLRI Swasta Wirausaha Lainnya", job, " ");
			split("Akta Kelahiran|KTP-el|Kartu Keluarga|Pindah Datang", svc, "|");
			split("Antrian perlu lebih tertib|Petugas ramah|Ruang tunggu panas|Informasi alur kurang jelas", sug, "|");
			print "No,Tanggal,Jenis Kelamin,Usia,Pendidikan,Pekerjaan,Jenis Layanan,U1,U2,U3,U4,U5,U6,U7,U8,U9,Saran";
			for (i = 1; i <= n; i++) { b = (rand() < 0.7) ? 4 : 3;
				line = i ",2022-0" (1 + int(rand() * 6)) "-1" int(rand() * 10) "," ((rand() < 0.5) ? "L" : "P") "," (17 + int(rand() * 60)) \
					"," edu[1 + int(rand() * 6)] "," job[1 + int(rand() * 6)] "," svc[1 + int(rand() * 4)];
				for (j = 1; j <= 9; j++) { r = rand(); line = line "," ((r < 0.85) ? b : (r < 0.95 ? b - 1 : 2)) }
				r = rand(); print line "," (r < 0.7 ? "" : (r < 0.8 ? "Tidak ada" : sug[1 + int(rand() * 4)] (r < 0.9 ? "." : "")))
			} }' >"$csv"
	fi
	for doc in "rekomendasi:pdf" "laporan:pdf" "olahdata:xlsx" "infografis:png"; do
		kind=${doc%%:*}
		ext=${doc##*:}
		t0=$(date +%s%N)
		/usr/bin/time -f "%M" -o "$out/mem.txt" "$ikm" report "$csv" --kind "$kind" \
			--profile examples/mojokerto.ini --period "Semester I 2022" -o "$out/doc-$n.$ext" \
			2>/dev/null
		t1=$(date +%s%N)
		printf '%9d responden  %-12s %-5s %8.3f s  %8d KiB peak  %10d byte\n' "$n" "$kind" "$ext" \
			"$(awk -v a="$t0" -v b="$t1" 'BEGIN { print (b - a) / 1e9 }')" "$(cat "$out/mem.txt")" \
			"$(stat -c %s "$out/doc-$n.$ext")"
	done
done
