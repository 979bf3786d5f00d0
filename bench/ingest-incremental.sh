#!/usr/bin/env bash
# A small ingest into a large store (issue 14): the daily case of a team server that holds
# years of mail and takes in a few hundred new messages per run. For each N, the first N
# messages of `gen_mailbox` are ingested once into a base store (kept in DIR, so a 10^6 base
# is built once: about five minutes), then the next K messages (the same thread stream, so
# many are replies to mail already stored) are ingested into a fresh copy of that store, and
# ingested again (every message already stored: the cost of a run that finds nothing new).
# Prints one Markdown row per N: wall and CPU (user + sys) of both runs, peak RSS.
#
#   bench/ingest-incremental.sh DIR K N...   e.g. bench/ingest-incremental.sh \
#                                                 /work/bench-scale/inc 100 10000 100000 1000000
#
# LIAISON_BIN overrides the binary (the base stores are built by it too; delete DIR/base-*.db
# when comparing binaries whose schemas differ). Needs about 6 GB in DIR at N = 10^6.
set -euo pipefail
work="$1"; k="$2"; shift 2
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$(pwd)/target}"
cargo build --release -q -p liaison-cli --bin liaison
cargo build --release -q -p liaison-store --example gen_mailbox
bin="$CARGO_TARGET_DIR/release"
liaison="${LIAISON_BIN:-$bin/liaison}"
mkdir -p "$work"
me=()
for n in zhangwei wanglei lina liuyang chenjing zhaomin sunli zhoufang amy.chen tom.baker; do
  me+=(--me "$n@ours.example.com")
done
# split FILE FROM TO OUT: messages FROM+1 … TO of an mbox (the generator escapes body lines
# that begin with "From ").
split() {
  awk -v a="$2" -v b="$3" -v out="$4" '/^From / { n++ } { if (n > a && n <= b) print > out; else if (n > b) exit }' "$1"
}
echo "| store | new messages | wall | CPU (user+sys) | again: wall | again: CPU | peak RSS |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in "$@"; do
  base="$work/base-$n.db"; tail="$work/tail-$n-$k.mbox"; db="$work/run.db"
  if [ ! -s "$base" ] || [ ! -s "$tail" ]; then
    all="$work/all.mbox"
    "$bin/examples/gen_mailbox" "$((n + k))" > "$all"
    split "$all" "$n" "$((n + k))" "$tail"
    if [ ! -s "$base" ]; then
      split "$all" 0 "$n" "$work/base.mbox"
      rm -f "$all" "$base" "$base"-*
      "$liaison" "${me[@]}" --db "$base" ingest --mbox "$work/base.mbox" --format json > /dev/null 2>&1
      rm -f "$work/base.mbox"
    fi
    rm -f "$all"
  fi
  rm -f "$db" "$db"-*
  cp "$base" "$db"
  # The copy's dirty pages would otherwise be written back inside the timed run (by the
  # checkpoint's fsync when the store closes).
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.first" \
    "$liaison" "${me[@]}" --db "$db" ingest --mbox "$tail" --format json > /dev/null 2>&1
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.again" \
    "$liaison" "${me[@]}" --db "$db" ingest --mbox "$tail" --format json > /dev/null 2>&1
  read -r e1 u1 s1 m1 < "$work/time.first"
  read -r e2 u2 s2 m2 < "$work/time.again"
  python3 - "$n" "$k" "$e1" "$u1" "$s1" "$m1" "$e2" "$u2" "$s2" "$m2" <<'PY'
import sys
n, k, e1, u1, s1, m1, e2, u2, s2, m2 = sys.argv[1:]
cpu = lambda u, s: float(u) + float(s)
print(f"| {int(n):,} | {int(k):,} | {float(e1):.2f} s | {cpu(u1, s1):.2f} s | {float(e2):.2f} s | "
      f"{cpu(u2, s2):.2f} s | {max(int(m1), int(m2)) // 1024} MB |")
PY
  rm -f "$db" "$db"-* "$db".tracker-lock
done
