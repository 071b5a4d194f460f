#!/bin/sh
# Benchmark of durable questionnaire submissions (issue 5) on loopback.
# `ikm serve` (the release build, --rate-limit 0) runs on a throwaway
# SQLite database in a temporary directory; wrk (bench/submit.lua) POSTs
# valid form submissions for SECONDS, each with its own client id, one
# connection per wrk thread, and notes every client id it sent: answered
# with the thank-you page (acknowledged), answered otherwise, or never
# answered (in flight when wrk stopped, or on a broken connection). Then:
#   1. POST: submissions/s, p50/p99 latency; every acknowledged client id
#      is stored, every stored one was sent and not refused, and the
#      counts of `ikm compute` equal the stored rows;
#   2. GET of the form page for SECONDS: requests/s, p99;
#   3. kill -9 of the server KILL_AFTER s into a POST run, restarting
#      nothing: no acknowledged submission may be missing.
# With IKM_BENCH_PG_URL=postgresql://... runs 1 and 3 repeat on that
# PostgreSQL database, which must be a throwaway one: its public schema is
# dropped first.
# Target (issue 5): at least 5000 durable submissions/s on the 2-core
# machine (wrk shares the cores), goal 20000.
# Needs wrk and sqlite3 (scripts/bench-packages.txt: apt-get install wrk
# sqlite3), and psql for PostgreSQL; installs nothing itself.
# Usage: bench/submit.sh [SECONDS]   (default 10)
# Environment: IKM_BENCH_CONNS wrk connections = wrk threads (default 32);
# IKM_BENCH_THREADS ikm serve --threads (default: its own); KILL_AFTER
# seconds before the kill -9 (default 4). Exit 1 when a check fails.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
secs=${1:-10}
conns=${IKM_BENCH_CONNS:-32}
kill_after=${KILL_AFTER:-4}
case "$secs$conns$kill_after" in *[!0-9]*) echo "usage: bench/submit.sh [SECONDS]" >&2 && exit 2 ;; esac

need() { # command, package
	if ! command -v "$1" >/dev/null 2>&1; then
		echo "bench/submit.sh: $1 tidak ada / missing: apt-get install $2, or scripts/install-deps scripts/bench-packages.txt" >&2
		exit 2
	fi
}
need wrk wrk
need sqlite3 sqlite3
[ -z "${IKM_BENCH_PG_URL:-}" ] || need psql postgresql-client

make -s build/release/ikm
ikm=$top/build/release/ikm
lua=$top/bench/submit.lua
tmp=$(mktemp -d /tmp/ikm-submit.XXXXXX)
srv_pid=""
# shellcheck disable=SC2317 # called by the trap
cleanup() {
	if [ -n "$srv_pid" ]; then kill -9 "$srv_pid" 2>/dev/null || true; fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
status=0
run_no=0

# ---- helpers ------------------------------------------------------------

# fresh_db LABEL -> $db: a new database with unit "bench" and period
# "bench" (yesterday to tomorrow in WIB, the organisation's zone).
fresh_db() {
	if [ "$1" = sqlite ]; then
		db=$tmp/bench-$run_no.db
	else
		db=$IKM_BENCH_PG_URL
		psql -q "$db" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null 2>&1
	fi
	"$ikm" init --db "$db" --name "Pemerintah Kota Bench" >/dev/null
	"$ikm" unit add bench --db "$db" --name "Dinas Bench" >/dev/null
	"$ikm" period add bench --db "$db" --from "$(TZ=Asia/Jakarta date -d yesterday +%F)" \
		--to "$(TZ=Asia/Jakarta date -d tomorrow +%F)" --name "Bench" >/dev/null
}

# start_server -> $srv_pid, $url
start_server() {
	set -- serve --db "$db" --listen 127.0.0.1:0 --rate-limit 0
	[ -z "${IKM_BENCH_THREADS:-}" ] || set -- "$@" --threads "$IKM_BENCH_THREADS"
	"$ikm" "$@" >"$tmp/serve.out" 2>"$tmp/serve.err" &
	srv_pid=$!
	url=""
	for _ in $(seq 1 100); do
		url=$(sed -n 's|^ikm serve: \(http://127\.0\.0\.1:[0-9]*/\)$|\1|p' \
			"$tmp/serve.out" 2>/dev/null || true)
		[ -n "$url" ] && return 0
		sleep 0.1
	done
	echo "bench/submit.sh: the server did not start: $(cat "$tmp/serve.err")" >&2
	exit 1
}

stop_server() { # SIGTERM: it finishes the requests in flight
	kill -TERM "$srv_pid" 2>/dev/null || true
	wait "$srv_pid" 2>/dev/null || true
	srv_pid=""
}

# wrk_run MODE SECONDS [KILL_AFTER] -> $ok $refused $seconds $p99_ms
# $errors (and the ids files in $tmp/ids for MODE post)
wrk_run() {
	run_no=$((run_no + 1))
	rm -rf "$tmp/ids"
	mkdir "$tmp/ids"
	IKM_BENCH_MODE=$1 IKM_BENCH_RUN=$run_no IKM_BENCH_DIR=$tmp/ids \
		wrk -t "$conns" -c "$conns" -d "${2}s" --latency -s "$lua" "${url}u/bench" \
		>"$tmp/wrk.out" 2>&1 &
	wrk_pid=$!
	if [ -n "${3:-}" ]; then
		sleep "$3"
		kill -9 "$srv_pid"
		wait "$srv_pid" 2>/dev/null || true
		srv_pid=""
	fi
	wait "$wrk_pid" || true
	line=$(grep '^RESULT ' "$tmp/wrk.out") || {
		echo "bench/submit.sh: wrk failed: $(cat "$tmp/wrk.out")" >&2
		exit 1
	}
	ok=$(field ok)
	refused=$(field refused)
	seconds=$(field seconds)
	p99_ms=$(field p99_ms)
	errors=$(field errors)
}

field() { # NAME: its value in $line ("RESULT a=1 b=2")
	printf '%s\n' "$line" | tr ' ' '\n' | sed -n "s/^$1=\([0-9.]*\)\$/\1/p"
}

# stored_ids: the client ids in the database, sorted, into $tmp/stored.
stored_ids() {
	q="SELECT client_id FROM response WHERE client_id IS NOT NULL"
	case "$db" in
	postgres*) psql -At "$db" -c "$q" ;;
	*) sqlite3 "$db" "$q" ;;
	esac | sort >"$tmp/stored"
}

# check -> $n_acked $n_stored $n_counted $lost $extra $in_flight (and
# status=1 when a check failed): acknowledged but not stored (lost),
# stored although refused or never sent (extra), stored from the ones
# never answered (in_flight).
check() {
	stored_ids
	cat "$tmp"/ids/ids-* | sed -n 's/^a //p' | sort >"$tmp/acked"
	cat "$tmp"/ids/ids-* | sed -n 's/^u //p' | sort -u >"$tmp/unanswered"
	n_acked=$(wc -l <"$tmp/acked")
	n_stored=$(wc -l <"$tmp/stored")
	lost=$(comm -23 "$tmp/acked" "$tmp/stored" | wc -l)
	in_flight=$(comm -12 "$tmp/unanswered" "$tmp/stored" | wc -l)
	extra=$(comm -13 "$tmp/acked" "$tmp/stored" | comm -23 - "$tmp/unanswered" | wc -l)
	n_counted=$("$ikm" compute --db "$db" --unit bench --period bench --json 2>/dev/null |
		sed -n 's/^ *"respondents": *\([0-9]*\).*/\1/p' | head -n 1)
	n_counted=${n_counted:-0}
	if [ "$lost" -ne 0 ] || [ "$extra" -ne 0 ] || [ "$n_counted" -ne "$n_stored" ] ||
		[ "$n_acked" -ne "$ok" ]; then
		status=1
		verdict=GAGAL/FAIL
	else
		verdict=ok
	fi
}

rows=$tmp/rows
: >"$rows"
row() { # label rate p99 acked stored counted lost in_flight extra verdict
	printf '%-26s %9s %8s %8s %8s %8s %5s %9s %5s  %s\n' "$@" >>"$rows"
}
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }

post_bench() { # label
	fresh_db "$1"
	start_server
	wrk_run post "$secs"
	stop_server
	check
	post_rate=$(rate "$ok" "$seconds")
	[ "$1" = sqlite ] && sqlite_rate=$post_rate
	row "$1 POST ${secs} s" "$post_rate" "$p99_ms" "$n_acked" "$n_stored" \
		"$n_counted" "$lost" "$in_flight" "$extra" "$verdict"
	[ "$refused" -eq 0 ] || echo "catatan / note: $1: $refused replies were not the thank-you page" >&2
	[ "$errors" -eq 0 ] || echo "catatan / note: $1: wrk counted $errors socket errors" >&2
}

kill_bench() { # label
	fresh_db "$1"
	start_server
	wrk_run post $((kill_after + 2)) "$kill_after"
	check
	row "$1 kill -9 at ${kill_after} s" "-" "-" "$n_acked" "$n_stored" "$n_counted" "$lost" \
		"$in_flight" "$extra" "$verdict"
}

get_bench() { # label
	fresh_db "$1"
	start_server
	wrk_run get "$secs"
	stop_server
	row "$1 GET form ${secs} s" "$(rate "$ok" "$seconds")" "$p99_ms" "-" "-" "-" "-" "-" "-" \
		"$([ "$refused" -eq 0 ] && echo ok || echo "$refused not 200")"
}

# ---- the runs -----------------------------------------------------------

echo "ikm serve ${IKM_BENCH_THREADS:+--threads $IKM_BENCH_THREADS }on 127.0.0.1, wrk -t $conns -c $conns," \
	"$(nproc) CPU, beban / load $(cut -d' ' -f1-3 /proc/loadavg)"
post_bench sqlite
get_bench sqlite
kill_bench sqlite
if [ -n "${IKM_BENCH_PG_URL:-}" ]; then
	post_bench postgresql
	kill_bench postgresql
fi

echo
printf '%-26s %9s %8s %8s %8s %8s %5s %9s %5s  %s\n' "run" "per s" "p99 ms" "acked" "stored" \
	"counted" "lost" "in flight" "extra" "check"
cat "$rows"
echo
echo "acked: replied with the thank-you page; stored: rows in the database; counted: ikm compute"
echo "respondents; lost: acked but not stored (must be 0); in flight: stored, sent but never"
echo "answered (wrk stopped or the server died); extra: stored but refused or never sent (must be 0)."
best=$sqlite_rate
if [ "$best" -ge 20000 ]; then
	echo "SQLite POST: $best/s >= 20000 (goal)"
elif [ "$best" -ge 5000 ]; then
	echo "SQLite POST: $best/s >= 5000 (target), goal 20000"
else
	echo "SQLite POST: $best/s < 5000 (target)"
fi
exit "$status"
