-- wrk script of the SAS load (bench/README.md, « Unscheduled care and the SAS (issue 12) »), started by `-- sas-load`:
--   wrk -t2 -c200 -d20s --timeout 10s --latency -s paths.lua http://127.0.0.1:PORT -- PATHS_FILE [TOKEN]
-- PATHS_FILE holds one request path per line (e.g. 64 SAS searches naming different effectors); each thread cycles through them from its
-- own starting point. TOKEN, when given, goes in « Authorization: Bearer … » (the SAS platform's API token). At the end one line
-- « WRK_JSON {…} » gives the figures in microseconds, for the program to read.
local requests = {}
local next_index = 1

function init(args)
  local token = args[2]
  local headers = { ["Accept"] = "application/fhir+json" }
  if token ~= nil and token ~= "" and token ~= "-" then
    headers["Authorization"] = "Bearer " .. token
  end
  for line in io.lines(args[1]) do
    if line ~= "" then
      requests[#requests + 1] = wrk.format("GET", line, headers)
    end
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000)
  next_index = math.random(#requests)
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"mean_us":%.1f,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\n',
    summary.requests, summary.duration, summary.bytes, latency.mean, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
