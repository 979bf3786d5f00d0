#!/usr/bin/env bash
# Whole-process planner benchmark: ingest a generated mailbox of C collaborations (10
# messages each, from liaison-store's `gen` example) into a fresh SQLite store, then time
# `liaison due --format json` and `liaison list --format json` over it (process start,
# store read, planning, JSON out). The criterion bench (`cargo bench -p liaison-engine
# --bench planner`) measures plan() alone; this shows what a user waits for.
#
#   bench/planner.sh [C...]      (default: 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$(pwd)/target}"
log() { echo "[bench/planner] $*" >&2; }
log "building (release)"
cargo build --release -q -p liaison-cli
cargo build --release -q -p liaison-store --example gen
bin="$CARGO_TARGET_DIR/release"
work=$(mktemp -d /tmp/liaison-bench-planner.XXXXXX)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[2])-float(sys.argv[1]):.3f}')" "$@"; }
echo "| collaborations | messages | liaison due | liaison list | due actions |"
echo "|---:|---:|---:|---:|---:|"
for C in "${@:-1000 10000}"; do
  for c in $C; do
    n=$((c * 10))
    "$bin/examples/gen" "$n" > "$work/m.mbox"
    db="$work/l$c.db"
    "$bin/liaison" ingest --mbox "$work/m.mbox" --db "$db" --me zhangwei@ours.example.com >/dev/null 2>&1
    args=(--db "$db" --now 2026-12-31T12:00:00+08:00 --format json)
    "$bin/liaison" due "${args[@]}" > /dev/null   # warm the page cache
    t0=$(now); "$bin/liaison" due "${args[@]}" > "$work/due.json"; t1=$(now)
    "$bin/liaison" list "${args[@]}" > /dev/null; t2=$(now)
    k=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['due']))" "$work/due.json")
    echo "| $c | $n | $(secs "$t0" "$t1") s | $(secs "$t1" "$t2") s | $k |"
  done
done
