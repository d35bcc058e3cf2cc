#!/usr/bin/env bash
# Benchmarks `budgetlens serve` with wrk on loopback (docs/benchmarks.md, "Server"):
#   1. GET the findings of one document (seed 001), bearer-authenticated;
#   2. upload + read + check + store of a 25-page PDF (财政局), each request a distinct file (a comment line
#      appended after %%EOF, so the SHA-256 differs and nothing is a duplicate).
# Prints wrk's figures and the server's resident memory (VmRSS, VmHWM).
# Usage: scripts/bench-server.sh [BINARY] [SECONDS]   (default .build/release/budgetlens, 15 s per run)
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-.build/release/budgetlens}"
seconds="${2:-15}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
echo "bench-password" | "$binary" user add bench --admin --db "$work/lens.sqlite" >/dev/null
"$binary" serve --db "$work/lens.sqlite" --port 0 --log-level warning --uploads-per-minute 1000000 \
    --upload-burst 1000000 >"$work/out" 2>"$work/err" &
server=$!
for _ in $(seq 1 100); do grep -q "listening on" "$work/out" 2>/dev/null && break; sleep 0.1; done
base="$(grep -o 'http://[0-9.:]*' "$work/out" | head -1)"
token="$(curl -s -X POST "$base/api/login" -H 'Content-Type: application/json' \
    -d '{"username":"bench","password":"bench-password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
id="$(curl -s -X POST "$base/api/documents" -H "Authorization: Bearer $token" -H 'X-File-Name: 001.txt' \
    --data-binary @../shared/seeds/001_06590241d827de43.txt | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
rss() { grep -E 'VmRSS|VmHWM' "/proc/$server/status" | tr -s ' \t' ' ' | tr '\n' ' '; echo; }

echo "== GET /api/documents/$id/findings (wrk -t2 -c32 -d${seconds}s)"
wrk -t2 -c32 -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$base/api/documents/$id/findings"
rss

pdf="../shared/corpus/pdf/上海市普陀区财政局2024年度部门决算.pdf"
cat >"$work/upload.lua" <<LUA
local file = io.open("$pdf", "rb")
local pdf = file:read("*all")
file:close()
local counter = 0
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
request = function()
  counter = counter + 1
  local body = pdf .. "\n% bench " .. tid .. "-" .. counter .. "\n"
  return wrk.format("POST", "/api/documents", {
    ["Authorization"] = "Bearer $token", ["X-File-Name"] = "bench.pdf",
    ["Content-Type"] = "application/pdf" }, body)
end
response = function(status)
  if status ~= 201 then io.stderr:write("status " .. status .. "\n") end
end
LUA
echo "== POST /api/documents, 25-page PDF, read + check + store (wrk -t2 -c4 -d${seconds}s)"
wrk -t2 -c4 -d"${seconds}s" --timeout 30s --latency -s "$work/upload.lua" "$base/api/documents" 2>"$work/statuses"
echo "answers other than 201: $(sort "$work/statuses" | uniq -c | tr '\n' ' ')"
rss
echo "documents stored: $(curl -s "$base/api/documents?limit=1" -H "Authorization: Bearer $token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
