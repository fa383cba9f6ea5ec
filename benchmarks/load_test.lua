-- wrk script for benchmarks/load_test.py (see benchmarks/README.md).
--
--     wrk -t 2 -c 32 -d 60s -s benchmarks/load_test.lua http://127.0.0.1:PORT -- PATHS_FILE
--
-- PATHS_FILE holds one path per line (with its query string), already weighted and shuffled by
-- load_test.py. Each connection sends them round robin, each wrk thread starting at a different
-- point of the list. The requests are formatted once, in init(), and no response() function is
-- defined, so that wrk, which shares the machine with the server, spends as little CPU as it can.
-- done() prints one line, "WRK_RESULT key=value ...", that load_test.py reads.

local threads = {}
local requests = {}
local next_request = 0

function setup(thread)
    table.insert(threads, thread)
    thread:set("thread_number", #threads)
end

function init(args)
    local file = assert(io.open(args[1], "r"))
    for line in file:lines() do
        if line ~= "" then
            table.insert(requests, wrk.format("GET", line))
        end
    end
    file:close()
    assert(#requests > 0, "no paths in " .. args[1])
    next_request = ((thread_number or 1) - 1) * 7919 % #requests
end

function request()
    next_request = next_request % #requests + 1
    return requests[next_request]
end

function done(summary, latency, _requests)
    local errors = summary.errors
    io.write(string.format(
        "WRK_RESULT requests=%d duration_us=%d bytes=%d p50_us=%d p95_us=%d p99_us=%d "
            .. "max_us=%d mean_us=%d connect=%d read=%d write=%d timeout=%d status=%d\n",
        summary.requests, summary.duration, summary.bytes,
        latency:percentile(50), latency:percentile(95), latency:percentile(99),
        latency.max, latency.mean,
        errors.connect, errors.read, errors.write, errors.timeout, errors.status
    ))
end
