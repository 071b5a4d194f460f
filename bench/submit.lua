-- wrk script of bench/submit.sh. IKM_BENCH_MODE=post: valid questionnaire
-- submissions (form-encoded, as the page sends them), each with its own
-- client id: run, wrk thread and counter in hex (24 digits). Run with one
-- connection per wrk thread (-t N -c N, no pipelining): a reply then
-- belongs to the last request of its thread. Each thread writes to
-- $IKM_BENCH_DIR/ids-<thread> one line per submission: "a ID" acknowledged
-- (HTTP 200 with the thank-you page), "r ID" answered otherwise, "u ID"
-- sent and never answered (its connection broke). done() adds the
-- requests still in flight at the end as "u ID" to ids-end and prints a
-- summary line. IKM_BENCH_MODE=get: GET of the page only.

local threads = {}

function setup(thread)
	table.insert(threads, thread)
	thread:set("tid", #threads)
end

local post = true
local run = 0
local tid = 0
local counter = 0
local out = nil
local headers = {["Content-Type"] = "application/x-www-form-urlencoded"}
local answers = "&lang=id&u1=4&u2=4&u3=3&u4=4&u5=4&u6=4&u7=3&u8=4&u9=4"
	.. "&gender=P&age=34&education=SMA&job=Swasta&suggestion=&website="

-- Globals, read by done() through thread:get.
acked = 0
refused = 0
pending = ""

function init(args)
	post = os.getenv("IKM_BENCH_MODE") ~= "get"
	run = tonumber(os.getenv("IKM_BENCH_RUN") or "0") or 0
	tid = wrk.thread:get("tid")
	local dir = os.getenv("IKM_BENCH_DIR")
	if post and dir ~= nil and dir ~= "" then
		out = assert(io.open(string.format("%s/ids-%d", dir, tid), "w"))
	end
end

function request()
	if not post then
		return wrk.format("GET")
	end
	if pending ~= "" and out ~= nil then
		out:write("u ", pending, "\n") -- its connection broke before the reply
	end
	counter = counter + 1
	pending = string.format("%08x%08x%08x", run, tid, counter)
	return wrk.format("POST", nil, headers, "client_id=" .. pending .. answers)
end

function response(status, hdrs, body)
	if not post then
		if status == 200 then acked = acked + 1 else refused = refused + 1 end
		return
	end
	local ok = status == 200 and body:find("Terima kasih", 1, true) ~= nil
	if ok then acked = acked + 1 else refused = refused + 1 end
	if out ~= nil and pending ~= "" then
		out:write(ok and "a " or "r ", pending, "\n")
	end
	pending = ""
end

function done(summary, latency, requests)
	local a, r = 0, 0
	local dir = os.getenv("IKM_BENCH_DIR")
	local f = nil
	if post and dir ~= nil and dir ~= "" then
		f = assert(io.open(dir .. "/ids-end", "w"))
	end
	for _, t in ipairs(threads) do
		a = a + t:get("acked")
		r = r + t:get("refused")
		local p = t:get("pending")
		if f ~= nil and p ~= nil and p ~= "" then
			f:write("u ", p, "\n")
		end
	end
	if f ~= nil then f:close() end
	local e = summary.errors
	io.write(string.format("RESULT ok=%d refused=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f "
		.. "errors=%d\n", a, r, summary.duration / 1e6, latency:percentile(50) / 1000,
		latency:percentile(99) / 1000, e.connect + e.read + e.write + e.timeout))
end
