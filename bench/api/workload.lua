-- One wrk run against one server. Environment:
--   API_KEY        bearer key
--   WRK_METHOD     GET (default) or POST
--   WRK_BODY_FILE  request body for POST; every @NAME@ in it becomes a unique name per request and record
--   WRK_PREFIX     prefix of those names, unique per run
--   WRK_LABEL      tab-separated label written before the figures
--   WRK_RESULT     file the figures are appended to (one line per run)
wrk.headers["Authorization"] = "Bearer " .. os.getenv("API_KEY")

local method = os.getenv("WRK_METHOD") or "GET"
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

if method == "POST" then
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  local file = assert(io.open(os.getenv("WRK_BODY_FILE"), "r"))
  local template = file:read("*a")
  file:close()
  if string.find(template, "@NAME@", 1, true) then
    local prefix = os.getenv("WRK_PREFIX") or "bench"
    local counter = 0
    local function unique()
      counter = counter + 1
      return string.format("%s-%d-%d", prefix, thread_id or 0, counter)
    end
    function request()
      return wrk.format(nil, nil, nil, (string.gsub(template, "@NAME@", unique)))
    end
  else
    wrk.body = template
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local out = assert(io.open(os.getenv("WRK_RESULT"), "a"))
  out:write(string.format("%s\t%d\t%.1f\t%.2f\t%.2f\t%d\t%d\n", os.getenv("WRK_LABEL"), summary.requests,
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, socket_errors))
  out:close()
end
