#!/bin/sh
# End-to-end test of `ikm serve`: started on 127.0.0.1:0 with a throwaway
# database it prints the URL with the port it bound; /healthz answers ok,
# an unknown page 404, both with the security headers and an access-log
# line; a second server on the same port and bad options fail with their
# exit codes; SIGTERM, and SIGINT, stop it with exit 0 in time.
. "$IKM_TOP/tests/e2e/lib.sh"

pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$T"' EXIT
# Valgrind starts and stops slowly.
if [ -n "${VALGRIND_CMD:-}" ]; then limit=60; else limit=5; fi

# fetch URL: sets $status; the body in $T/body, the headers in $T/head.
fetch() {
	if command -v curl >/dev/null 2>&1; then
		status=$(curl -s -m 10 -o "$T/body" -D "$T/head" -w '%{http_code}' "$1")
	else
		status=$(python3 - "$1" "$T" <<'EOF'
import sys, urllib.request, urllib.error
url, d = sys.argv[1], sys.argv[2]
try:
    r = urllib.request.urlopen(url, timeout=10)
except urllib.error.HTTPError as e:
    r = e
open(d + "/body", "wb").write(r.read())
open(d + "/head", "w").write("".join("%s: %s\r\n" % kv for kv in r.headers.items()))
print(r.status if hasattr(r, "status") else r.code)
EOF
)
	fi
}

# wait_gone SECONDS: 0 when $pid ended in time.
wait_gone() {
	i=0
	while kill -0 "$pid" 2>/dev/null; do
		[ "$i" -ge $(($1 * 10)) ] && return 1
		sleep 0.1
		i=$((i + 1))
	done
	return 0
}

# start_server LOG: starts serve on 127.0.0.1:0 in the background ($pid),
# waits for the URL line, sets $url and $port. Each start writes new
# files: the URL line of an earlier server must not be taken for this
# one's (the shell truncates the file only after it forks).
starts=0
start_server() {
	starts=$((starts + 1))
	out_file="$T/serve$starts.out"
	err_file="$T/serve$starts.err"
	# shellcheck disable=SC2086
	${VALGRIND_CMD:-} "$IKM" serve --listen 127.0.0.1:0 --db "$T/ikm.db" \
		--access-log "$1" --threads 2 >"$out_file" 2>"$err_file" &
	pid=$!
	i=0
	while ! grep -q '^ikm serve: http://' "$out_file" 2>/dev/null; do
		if ! kill -0 "$pid" 2>/dev/null || [ "$i" -ge $((limit * 20)) ]; then
			break
		fi
		sleep 0.1
		i=$((i + 1))
	done
	url=$(sed -n 's/^ikm serve: \(http:\/\/127\.0\.0\.1:[0-9]*\/\)$/\1/p' "$out_file")
	port=${url#http://127.0.0.1:}
	port=${port%/}
}

# stop_server SIGNAL: sends it, expects exit 0 in time.
stop_server() {
	kill -"$1" "$pid"
	if wait_gone "$limit"; then
		wait "$pid"
		rc=$?
		pid=""
		if [ "$rc" -eq 0 ]; then
			ok "$1: exit 0 within ${limit} s"
		else
			not_ok "$1: exit 0 within ${limit} s" "exit $rc: $(cat "$err_file")"
		fi
	else
		not_ok "$1: exit 0 within ${limit} s" "still running"
	fi
}

start_server "$T/access.log"
if [ -n "$url" ] && [ "$port" -gt 0 ]; then
	ok "serve prints the URL with the port it bound ($url)"
else
	not_ok "serve prints the URL with the port it bound" "$(cat "$out_file" "$err_file")"
	done_testing
	exit 1
fi

fetch "${url}healthz"
if [ "$status" = 200 ] && [ "$(cat "$T/body")" = ok ]; then
	ok "/healthz answers 200 ok"
else
	not_ok "/healthz answers 200 ok" "status $status: $(cat "$T/body")"
fi
if grep -qi '^content-type: text/plain' "$T/head" &&
	grep -qi "^content-security-policy: default-src 'self'" "$T/head" &&
	grep -qi '^x-frame-options: DENY' "$T/head"; then
	ok "/healthz: text/plain with the security headers"
else
	not_ok "/healthz: text/plain with the security headers" "$(cat "$T/head")"
fi

fetch "${url}tidak-ada?x=1"
if [ "$status" = 404 ] && grep -q 'Halaman tidak ditemukan' "$T/body"; then
	ok "an unknown page answers 404"
else
	not_ok "an unknown page answers 404" "status $status: $(cat "$T/body")"
fi

run serve --listen "127.0.0.1:$port" --db "$T/ikm.db"
expect_rc "a second server on the same port: exit 1" 1
expect_err "a second server: the port is in use" "sudah dipakai"
run serve --listen "127.0.0.1:99999" --db "$T/ikm.db"
expect_rc "a bad --listen: usage error" 2
expect_err "a bad --listen: says HOST:PORT" "HOST:PORT"
run serve --threads 0 --db "$T/ikm.db"
expect_rc "--threads 0: usage error" 2

stop_server TERM

if grep -q 'remote=127.0.0.1 method=GET path=/healthz status=200 bytes=3 ms=' "$T/access.log" &&
	grep -q 'path=/tidak-ada status=404' "$T/access.log" &&
	[ "$(wc -l <"$T/access.log")" -eq 2 ]; then
	ok "the access log has one line per request"
else
	not_ok "the access log has one line per request" "$(cat "$T/access.log")"
fi

# SIGINT (Ctrl+C) too.
start_server /dev/null
if [ -n "$url" ]; then
	stop_server INT
else
	not_ok "serve starts again" "out: $(cat "$out_file"); err: $(cat "$err_file"); waited $i"
fi
done_testing
