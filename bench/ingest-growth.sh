#!/usr/bin/env bash
# How SQLite ingest (stored and tracked, with the generator's ten people as `--me`) grows
# with the mailbox (issue 14): for each N, `gen_mailbox N`, mail-parser's raw parse of the
# file and `liaison ingest` into a fresh database; prints one Markdown row per N (wall, CPU
# = user + sys, peak RSS, msg/s, µs of CPU per message, % of mail-parser's CPU speed) and
# writes an SVG of CPU µs per message against N (flat = linear growth).
#
#   bench/ingest-growth.sh DIR SVG N...    e.g. bench/ingest-growth.sh /work/bench-scale/g \
#                                                docs/ingest-growth.svg 1000 10000 100000
#   bench/ingest-growth.sh --svg ROWS SVG   redraws the SVG from DIR/rows.tsv (N, µs, MB)
#
# Each mailbox and database is deleted after its run (10^5 messages: 0.5 GB of mbox and
# 0.8 GB of database; 10^6: about ten times that). LIAISON_BIN overrides the binary.
set -euo pipefail
draw() {
python3 - "$1" "$2" <<'PY'
import math, sys
rows = [l.split("\t") for l in open(sys.argv[1]).read().splitlines() if l]
pts = [(int(n), float(us), int(mb)) for n, us, mb in rows]
W, H, L, B = 480, 260, 60, 40
xs = [math.log10(n) for n, _, _ in pts]
x0, x1 = math.floor(min(xs)), math.ceil(max(xs))
x1 = max(x1, x0 + 1)
ymax = max(us for _, us, _ in pts) * 1.25
X = lambda n: L + (math.log10(n) - x0) / (x1 - x0) * (W - L - 70)
Y = lambda v: H - B - v / ymax * (H - B - 20)
out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="11">',
       f'<text x="{W/2}" y="14" text-anchor="middle">SQLite ingest, stored and tracked: CPU µs per message</text>',
       f'<line x1="{L}" y1="{H-B}" x2="{W-70}" y2="{H-B}" stroke="black"/>',
       f'<line x1="{L}" y1="{H-B}" x2="{L}" y2="20" stroke="black"/>']
for e in range(x0, x1 + 1):
    out.append(f'<text x="{X(10**e)}" y="{H-B+15}" text-anchor="middle">10^{e}</text>')
out.append(f'<text x="{W/2}" y="{H-5}" text-anchor="middle">messages in the mailbox</text>')
for i in range(5):
    v = ymax * i / 4
    out.append(f'<text x="{L-5}" y="{Y(v)+4}" text-anchor="end">{v:.0f}</text>')
out.append('<polyline fill="none" stroke="steelblue" stroke-width="2" points="'
           + " ".join(f"{X(n):.1f},{Y(us):.1f}" for n, us, _ in pts) + '"/>')
for n, us, mb in pts:
    out.append(f'<circle cx="{X(n):.1f}" cy="{Y(us):.1f}" r="3" fill="steelblue"/>')
    out.append(f'<text x="{X(n):.1f}" y="{Y(us)-8:.1f}" text-anchor="middle">{us:.0f} µs, {mb} MB</text>')
out.append("</svg>")
open(sys.argv[2], "w").write("\n".join(out) + "\n")
PY
}
if [ "${1:-}" = --svg ]; then draw "$2" "$3"; exit; fi
work="$1"; svg="$2"; shift 2
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$(pwd)/target}"
cargo build --release -q -p liaison-cli --bin liaison
cargo build --release -q -p liaison-store --example gen_mailbox --example parse_mbox
bin="$CARGO_TARGET_DIR/release"
liaison="${LIAISON_BIN:-$bin/liaison}"
mkdir -p "$work"
me=()
for n in zhangwei wanglei lina liuyang chenjing zhaomin sunli zhoufang amy.chen tom.baker; do
  me+=(--me "$n@ours.example.com")
done
rows="$work/rows.tsv"; : > "$rows"
echo "| messages | mbox | load | wall | CPU (user+sys) | peak RSS | msg/s (wall) | CPU µs/msg | % of mail-parser (CPU) |"
echo "|---:|---:|---|---:|---:|---:|---:|---:|---:|"
for n in "$@"; do
  mbox="$work/m$n.mbox"; db="$work/g$n.db"
  [ -s "$mbox" ] || "$bin/examples/gen_mailbox" "$n" > "$mbox"
  cat "$mbox" > /dev/null
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.parse" "$bin/examples/parse_mbox" "$mbox" > /dev/null
  rm -f "$db" "$db"-*
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.ingest" \
    "$liaison" "${me[@]}" --db "$db" ingest --mbox "$mbox" --format json > /dev/null
  read -r pe pu ps _ < "$work/time.parse"
  read -r e u s m < "$work/time.ingest"
  size=$(stat -c %s "$mbox")
  python3 - "$n" "$size" "$load" "$e" "$u" "$s" "$m" "$pu" "$ps" "$rows" <<'PY'
import sys
n, size, load, e, u, s, m, pu, ps, rows = sys.argv[1:]
n = int(n); cpu = float(u) + float(s); pcpu = float(pu) + float(ps)
us = cpu / n * 1e6
print(f"| {n:,} | {int(size) / 2**20:.0f} MiB | {load} | {float(e):.2f} s | {cpu:.2f} s | "
      f"{int(m) // 1024} MB | {n / float(e):,.0f} | {us:.0f} | {100 * pcpu / cpu:.1f} % |")
open(rows, "a").write(f"{n}\t{us}\t{int(m) // 1024}\n")
PY
  rm -f "$db" "$db"-* "$db".tracker-lock "$mbox"
done
draw "$rows" "$svg"
