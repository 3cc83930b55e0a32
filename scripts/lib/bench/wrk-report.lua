-- Loaded by wrk (scripts/lib/bench/wrk.ts): when the run ends, its summary as one JSON line,
-- marked so the parser finds it among wrk's own text. Times are in microseconds.
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '\nLONGHAND_WRK {"requests":%d,"durationUs":%d,"bytes":%d,"p99Us":%d,' ..
      '"socketErrors":%d,"non2xx3xx":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(99),
    errors.connect + errors.read + errors.write, errors.status, errors.timeout))
end
