#!/bin/sh
# Run every test of ikm and print one closing line "N passed, N failed"
# (", N skipped" follows when a test reported "# SKIP").
# Usage: tests/run.sh BUILD_DIR     (VALGRIND=1 runs the tests under valgrind)
# Unit tests are cmocka binaries (TAP output); end-to-end tests are shell
# scripts tests/e2e/test_*.sh that print TAP through tests/e2e/lib.sh.
set -u
build=${1:?usage: tests/run.sh BUILD_DIR}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
export IKM="$top/$build/ikm" IKM_TOP="$top"
# Library caches (fontconfig, pango) are not leaks of ours.
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
passed=0
failed=0
skipped=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

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
