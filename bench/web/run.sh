#!/usr/bin/env bash
# Load benchmark of `liaison serve` (not a test): the due page, the list page and the due
# API at N collaborations, next to a static file from the same server. Needs wrk (apt-get install
# wrk) and a release build (cargo build --release -p liaison-cli).
#   N=100000 DURATION=20s bench/web/run.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin="$root/target/release/liaison"
n=${N:-100000}
dur=${DURATION:-20s}
conns=${CONNECTIONS:-8}
now=2026-12-02T10:00:00+08:00
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" demo --dir "$work/demo" >/dev/null
cd "$work/demo"
export LIAISON_DB="$work/web.db"
"$bin" ingest mails >/dev/null 2>&1
python3 "$root/bench/web/seed.py" "$work/web.db" "$n" >/dev/null
# Plan every collaboration once (stored plans), as a running server would have.
"$bin" --now "$now" due --format json >/dev/null
"$bin" --now "$now" serve --listen 127.0.0.1:18181 2>/dev/null &
pid=$!
until curl -fs http://127.0.0.1:18181/healthz >/dev/null; do sleep 0.2; done
cookie=$(curl -s -D - -o /dev/null http://127.0.0.1:18181/due | sed -n 's/^set-cookie: \(liaison_session=[^;]*\).*/\1/ip')
echo "collaborations: $n; wrk -t2 -c$conns -d$dur --timeout 30s --latency; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for path in /static/app.css "/collaborations" "/collaborations?overdue=1" "/due" "/due?per=200"; do
  echo "== GET $path"
  wrk -t2 -c"$conns" -d"$dur" --timeout 30s --latency -H "Cookie: $cookie" "http://127.0.0.1:18181$path" |
    grep -E "Requests/sec|99%|50%|Non-2xx"
done
# The API needs a token, so a user; the pages above ran as the local user (no users).
kill "$pid"; wait "$pid" 2>/dev/null || true
printf 'bench-pass-1\n' | "$bin" user add bench --role admin --password-stdin 2>/dev/null
token=$("$bin" user token bench)
"$bin" --now "$now" serve --listen 127.0.0.1:18181 2>/dev/null &
pid=$!
until curl -fs http://127.0.0.1:18181/healthz >/dev/null; do sleep 0.2; done
echo "== GET /api/v1/due?limit=50"
wrk -t2 -c"$conns" -d"$dur" --timeout 30s --latency -H "Authorization: Bearer $token" \
  "http://127.0.0.1:18181/api/v1/due?limit=50" | grep -E "Requests/sec|99%|50%|Non-2xx"
echo "== GET /api/v1/due (every action; curl, 3 runs)"
for _ in 1 2 3; do
  curl -s -o /dev/null -w '%{time_total} s, %{size_download} bytes\n' \
    -H "Authorization: Bearer $token" "http://127.0.0.1:18181/api/v1/due"
done
