#!/bin/bash
# Benchmark of the store (issue 4): batched and single inserts per second
# and the latency of one unit-period's IKM (store_aggregate + score_compute)
# with 10^5, 10^6 and 10^7 stored responses, on SQLite (a file in
# bench/out) and on PostgreSQL (a throwaway cluster from
# scripts/pg-test-cluster, fsync off as in tests; when PostgreSQL is not
# installed that half is skipped). Target: the IKM of one unit-period in
# under 100 ms with 10 million responses.
# Usage: bench/store.sh [SIZES...]   (default: 100000 1000000 10000000)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
make -s build/release/libikm.a
cc -std=c17 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc/core -Isrc/store \
	bench/store_bench.c build/release/libikm.a \
	$(pkg-config --libs gmp sqlite3 libpq) -lm -pthread -o "$out/store_bench"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000 10000000)

echo "SQLite (WAL, synchronous=FULL):"
for n in "${sizes[@]}"; do
	rm -f "$out/store-$n.db" "$out/store-$n.db-wal" "$out/store-$n.db-shm"
	"$out/store_bench" "$out/store-$n.db" "$n"
	rm -f "$out/store-$n.db" "$out/store-$n.db-wal" "$out/store-$n.db-shm"
done

pgdir=$(mktemp -d)
if url=$(scripts/pg-test-cluster start "$pgdir" 2>/dev/null); then
	trap 'scripts/pg-test-cluster stop "$pgdir" >/dev/null 2>&1 || true' EXIT
	echo "PostgreSQL (throwaway cluster, fsync off):"
	for n in "${sizes[@]}"; do
		psql -q "$url" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null
		"$out/store_bench" "$url" "$n"
	done
else
	echo "PostgreSQL: skipped (scripts/pg-test-cluster could not start a cluster)"
	rmdir "$pgdir"
fi
