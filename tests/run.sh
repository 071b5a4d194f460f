#!/bin/sh
# Run every test of ikm and print one closing line "N passed, N failed"
# (", N skipped" follows when a test reported "# SKIP").
# Usage: tests/run.sh BUILD_DIR     (VALGRIND=1 runs the tests under valgrind)
# The db suite runs on SQLite always and on PostgreSQL too when
# IKM_TEST_PG_URL is set; when it is not, a throwaway cluster is started
# with scripts/pg-test-cluster (Debian's postgresql package) for the run.
# Unit tests are cmocka binaries (TAP output); end-to-end tests are shell
# scripts tests/e2e/test_*.sh that print TAP through tests/e2e/lib.sh.
set -u
build=${1:?usage: tests/run.sh BUILD_DIR}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
export IKM="$top/$build/ikm" IKM_TOP="$top"
# Passwords hashed at the smallest Argon2id cost: the suite runs under
# valgrind too (the server and `ikm user` read this; production never sets it).
export IKM_PASSWORD_COST=min
# Library caches (fontconfig, pango) are not leaks of ours.
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
passed=0
failed=0
skipped=0
log=$(mktemp)
pgdir=""
cleanup() {
	rm -f "$log"
	if [ -n "$pgdir" ]; then
		scripts/pg-test-cluster stop "$pgdir" >/dev/null 2>&1 || rm -rf "$pgdir"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

if [ -n "${IKM_TEST_PG_URL:-}" ]; then
	echo "PostgreSQL: suite db juga berjalan pada IKM_TEST_PG_URL / the db suite runs on PostgreSQL too (IKM_TEST_PG_URL given)"
else
	pgdir=$(mktemp -d /tmp/ikm-pg.XXXXXX) || pgdir=""
	if [ -n "$pgdir" ] && url=$(scripts/pg-test-cluster start "$pgdir" 2>"$log"); then
		export IKM_TEST_PG_URL="$url"
		echo "PostgreSQL: suite db juga berjalan pada klaster sementara / the db suite runs on PostgreSQL too (throwaway cluster in $pgdir)"
	else
		why=$(grep -m1 'pg-test-cluster:' "$log" | sed 's/^pg-test-cluster: //')
		echo "PostgreSQL: suite db hanya pada SQLite / the db suite runs on SQLite only (${why:-no cluster})"
		if [ -n "$pgdir" ]; then
			scripts/pg-test-cluster stop "$pgdir" >/dev/null 2>&1 || rm -rf "$pgdir"
		fi
		pgdir=""
	fi
fi

run_one() { # name, command...
	name=$1
	shift
	"$@" >"$log" 2>&1 </dev/null
	rc=$?
	p=$(grep '^ok ' "$log" | grep -vc '# SKIP')
	f=$(grep '^not ok ' "$log" | grep -vc '# SKIP')
	k=$(grep -Ec '^(not )?ok .*# SKIP' "$log")
	skipped=$((skipped + k))
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1 # crashed, leaked or failed outside a test case
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -ne 0 ]; then
		echo "FAIL $name (exit $rc):"
		sed 's/^/    /' "$log" | tail -n 80
	elif [ "$k" -gt 0 ]; then
		echo "ok   $name ($p, $k skipped)"
	else
		echo "ok   $name ($p)"
	fi
}

vg=""
use_valgrind=${VALGRIND:-0}
# LibreOffice's soffice script reads VALGRIND itself: do not pass it on.
unset VALGRIND
if [ "$use_valgrind" = 1 ]; then
	vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --suppressions=$top/tests/valgrind.supp"
fi
export VALGRIND_CMD="$vg"
for t in "$build"/tests/test_*; do
	case "$t" in *.o | *.d) continue ;; esac
	[ -x "$t" ] || continue
	# shellcheck disable=SC2086
	CMOCKA_MESSAGE_OUTPUT=TAP run_one "$(basename "$t")" $vg "$t"
done
for t in tests/e2e/test_*.sh; do
	[ -f "$t" ] || continue
	run_one "$(basename "$t")" sh "$t"
done
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
