# Tiny TAP helpers for end-to-end tests of the real `ikm` binary.
# IKM (the binary) and IKM_TOP (the repository) come from tests/run.sh;
# VALGRIND_CMD, when set, wraps every run.
: "${IKM:?run through tests/run.sh}"
tap_n=0
tap_failed=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

ok() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1"
}

not_ok() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
	[ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/#   /'
	return 0
}

skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

# run ARGS...: runs ikm, sets $out, $err and $rc.
run() {
	# shellcheck disable=SC2086
	${VALGRIND_CMD:-} "$IKM" "$@" >"$T/out" 2>"$T/err"
	rc=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}

# expect_rc DESC CODE
expect_rc() {
	if [ "$rc" -eq "$2" ]; then ok "$1"; else not_ok "$1" "exit $rc, expected $2; stderr: $err"; fi
}

# expect_out DESC FIXED-STRING: stdout contains the string.
expect_out() {
	if printf '%s' "$out" | grep -qF -- "$2"; then ok "$1"; else not_ok "$1" "stdout lacks: $2
$out"; fi
}

# expect_err DESC FIXED-STRING: stderr contains the string.
expect_err() {
	if printf '%s' "$err" | grep -qF -- "$2"; then ok "$1"; else not_ok "$1" "stderr lacks: $2
$err"; fi
}

# expect_json DESC PYTHON-EXPR: evaluates with d = parsed stdout.
expect_json() {
	if printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); sys.exit(0 if ($2) else 1)" 2>"$T/py"; then
		ok "$1"
	else
		not_ok "$1" "JSON check failed: $2 $(cat "$T/py")"
	fi
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
