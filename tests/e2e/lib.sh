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

# need_curl DESC: end the script with one skip when curl is missing.
need_curl() {
	if ! command -v curl >/dev/null 2>&1; then
		skip "$1" "curl not installed"
		done_testing
		exit 0
	fi
}

# start_server NAME ARGS...: `ikm serve --listen 127.0.0.1:0 ARGS` in the
# background (output in $T/NAME.out and $T/NAME.err, a new file per start);
# sets $url (with the port it bound) and $pid and adds the pid to
# $server_pids. When no URL appears within 10 s it reports, stops what it
# started and ends the script.
server_pids=""
start_server() {
	name=$1
	shift
	${VALGRIND_CMD:-} "$IKM" serve --listen 127.0.0.1:0 "$@" >"$T/$name.out" 2>"$T/$name.err" &
	pid=$!
	server_pids="$server_pids $pid"
	url=""
	for _ in $(seq 1 100); do
		url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$T/$name.out" "$T/$name.err" 2>/dev/null |
			head -n 1 | sed 's/^[^:]*:http/http/')
		[ -n "$url" ] && break
		sleep 0.1
	done
	if [ -z "$url" ]; then
		not_ok "server $name started" "$(cat "$T/$name.err")"
		for p in $server_pids; do kill "$p" 2>/dev/null; done
		done_testing
		exit 1
	fi
}

# need_browser DESC: sets $chromium (IKM_CHROMIUM, default /usr/bin/chromium)
# when the browser suites can run; otherwise ends the script with one SKIP
# naming what is missing, or with a failure when IKM_REQUIRE_BROWSER is set.
need_browser() {
	chromium=${IKM_CHROMIUM:-/usr/bin/chromium}
	why=""
	if [ ! -x "$chromium" ]; then
		why="$chromium tidak ada / missing (apt-get install chromium; .ci/run does)"
	elif ! command -v node >/dev/null 2>&1; then
		why="node tidak ada / missing"
	elif [ ! -f "$IKM_TOP/tests/browser/node_modules/playwright-core/package.json" ]; then
		why="tests/browser/node_modules tidak ada / missing (cd tests/browser && npm ci; .ci/run does)"
	elif ! command -v python3 >/dev/null 2>&1; then
		why="python3 tidak ada / missing"
	fi
	[ -z "$why" ] && return 0
	if [ -n "${IKM_REQUIRE_BROWSER:-}" ]; then
		not_ok "$1" "IKM_REQUIRE_BROWSER is set (CI), but: $why"
		done_testing
		exit 1
	fi
	skip "$1" "$why"
	done_testing
	exit 0
}

# run_node SCRIPT: runs tests/browser/SCRIPT with the environment already
# exported, its TAP numbered after ours; adds its counts to ours.
run_node() {
	TAP_START="$tap_n" TAP_RESULT="$T/tap" node "$IKM_TOP/tests/browser/$1"
	node_rc=$?
	if [ -f "$T/tap" ]; then
		read -r tap_n node_failed <"$T/tap"
		tap_failed=$((tap_failed + node_failed))
		[ "$node_rc" -eq 0 ] || [ "$node_failed" -gt 0 ] || not_ok "$1 exit status" "exit $node_rc"
	else
		not_ok "$1 finished" "exit $node_rc"
	fi
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
