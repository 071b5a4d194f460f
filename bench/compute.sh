#!/bin/bash
# Benchmark of `ikm compute` on a large CSV: time and peak memory beside
# `wc -l` on the same file and beside pandas (Debian python3-pandas, run by
# /usr/bin/python3) computing the same NRR and IKM.
# Targets (issue 2): at least 20x faster than pandas; at most 16 MiB peak
# memory whatever the file size.
# Usage: bench/compute.sh [ROWS]   (default 5000000; the file is cached in
# bench/out/ and regenerated when ROWS changes)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-5000000}
out=bench/out
csv=$out/survey-$rows.csv
mkdir -p "$out"
scripts/install-deps scripts/bench-packages.txt >/dev/null
make -s build/release/ikm
ikm=build/release/ikm

if [ ! -s "$csv" ]; then
	echo "membuat / generating $csv ($rows baris)..."
	awk -v n="$rows" 'BEGIN {
		srand(20221);
		print "No,Tanggal,Jenis Kelamin,Usia,U1,U2,U3,U4,U5,U6,U7,U8,U9";
		for (i = 1; i <= n; i++) {
			base = (rand() < 0.7) ? 4 : 3;
			line = i "," sprintf("2022-%02d-%02d", 1 + int(rand() * 6), 1 + int(rand() * 28)) \
				"," ((rand() < 0.5) ? "L" : "P") "," (17 + int(rand() * 60));
			for (j = 1; j <= 9; j++) {
				r = rand();
				v = (r < 0.85) ? base : (r < 0.95 ? base - 1 : (r < 0.98 ? 2 : 1));
				if (r > 0.995) v = "";
				line = line "," v;
			}
			print line;
		}
	}' >"$csv"
fi
size=$(stat -c %s "$csv")
echo "berkas / file: $csv, $rows baris, $((size / 1024 / 1024)) MiB"

RUNS=${RUNS:-5}
measure() { # label, command... -> best and median of RUNS, peak KiB
	local label=$1 kib=0 secs k best med
	shift
	: >"$out/$label.times"
	for _ in $(seq "$RUNS"); do
		local t0 t1
		t0=$(date +%s%N)
		/usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" >"$out/$label.out" 2>"$out/$label.err"
		t1=$(date +%s%N)
		read -r secs k <"$out/time.txt"
		# Elapsed in milliseconds (GNU time prints only hundredths).
		awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) / 1e9 }' >>"$out/$label.times"
		[ "$k" -gt "$kib" ] && kib=$k
	done
	best=$(sort -n "$out/$label.times" | head -n 1)
	med=$(sort -n "$out/$label.times" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
	printf '%-8s terbaik / best %7.3f s   median %7.3f s   %8d KiB peak   (%d kali / runs)\n' \
		"$label" "$best" "$med" "$kib" "$RUNS"
	eval "${label}_secs=$best ${label}_med=$med ${label}_kib=$kib"
}

cat "$csv" >/dev/null # warm the page cache for every contender
measure wc wc -l "$csv"
measure ikm "$ikm" compute "$csv" --json
python3_ok=0
if /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
	cat >"$out/pandas_ikm.py" <<'PY'
import sys
import pandas as pd
df = pd.read_csv(sys.argv[1])
cols = [f"U{j}" for j in range(1, 10)]
nrr = df[cols].mean()          # NaN (blank) is skipped: NRR per answered
ikm = 25 * nrr.mean()
print(f"{ikm:.2f}")
PY
	measure pandas /usr/bin/python3 "$out/pandas_ikm.py" "$csv"
	python3_ok=1
fi

# Memory must not grow with the file: the same run on a tenth of the rows.
small=$out/survey-small.csv
head -n $((rows / 10 + 1)) "$csv" >"$small"
/usr/bin/time -f "%M" -o "$out/time.txt" "$ikm" compute "$small" --json >/dev/null
echo "memori puncak ikm pada $((rows / 10)) baris / peak memory on a tenth: $(cat "$out/time.txt") KiB"

ikm_value=$(grep -m1 '^  "ikm"' "$out/ikm.out" | tr -dc '0-9.')
echo "IKM ikm: $ikm_value"
[ "$python3_ok" = 1 ] && echo "IKM pandas: $(cat "$out/pandas.out")"
awk -v w="$wc_secs" -v i="$ikm_secs" -v k="$ikm_kib" -v p="${pandas_secs:-0}" \
	-v im="$ikm_med" -v pm="${pandas_med:-0}" 'BEGIN {
	printf "ikm / wc -l: %.1fx waktu wc\n", i / (w > 0 ? w : 0.01);
	if (p > 0) printf "pandas / ikm: %.1fx lebih cepat (terbaik vs terbaik), %.1fx (median vs median); target >= 20x\n", p / (i > 0 ? i : 0.01), pm / (im > 0 ? im : 0.01);
	printf "memori puncak ikm / peak memory: %.1f MiB (target <= 16 MiB)\n", k / 1024;
}'
