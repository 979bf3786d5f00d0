#!/usr/bin/env bash
# Whole-process ingest of a realistic company mailbox (issue 14): `gen_mailbox` writes N
# messages (threads with 【类型】 subjects among newsletters and personal mail, Chinese and
# English, attachments, GBK, quoted-printable, replies out of date order); then, on the
# same file, mail-parser's raw parse and `liaison ingest` stored and tracked on SQLite (and
# PostgreSQL when LIAISON_BENCH_DATABASE_URL is set). Prints wall time, CPU time (user +
# sys: steadier on a shared machine), peak RSS and the ratios to mail-parser's raw parse.
#
#   bench/ingest-mailbox.sh [N] [DIR]     (N default 20000; files kept in DIR, default a
#                                          temporary folder)
set -euo pipefail
N="${1:-20000}"
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$(pwd)/target}"
log() { echo "[bench/ingest-mailbox] $*" >&2; }

log "building (release)"
cargo build --release -q -p liaison-cli --bin liaison
cargo build --release -q -p liaison-store --example gen_mailbox --example parse_mbox
bin="$CARGO_TARGET_DIR/release"

if [ -n "${2:-}" ]; then
  work="$2"; mkdir -p "$work"
else
  work=$(mktemp -d /tmp/liaison-bench-mailbox.XXXXXX)
  trap 'rm -rf "$work"' EXIT
fi
[ -s "$work/m$N.mbox" ] || "$bin/examples/gen_mailbox" "$N" > "$work/m$N.mbox"
mbox="$work/m$N.mbox"
cat "$mbox" > /dev/null
# The generator's own people: every …@ours.example.com sender opens collaborations.
me=()
for n in zhangwei wanglei lina liuyang chenjing zhaomin sunli zhoufang amy.chen tom.baker; do
  me+=(--me "$n@ours.example.com")
done

# run NAME CMD…: prints "NAME wall cpu rss_mb" (GNU time).
run() {
  local name="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.$name" "$@" > "$work/out.$name"
  read -r e u s m < "$work/time.$name"
  python3 -c "import sys; n,e,u,s,m=sys.argv[2:]; print(f'{sys.argv[1]:<34} wall {float(e):7.2f} s  cpu {float(u)+float(s):7.2f} s  rss {int(m)//1024:5d} MB  {int(n)/float(e):9,.0f} msg/s')" "$name" "$N" "$e" "$u" "$s" "$m"
}
cpu() { read -r _ u s _ < "$work/time.$1"; python3 -c "import sys; print(float(sys.argv[1])+float(sys.argv[2]))" "$u" "$s"; }

echo "messages: $N ($(( $(stat -L -c %s "$mbox") / 1024 / 1024 )) MiB), load: $(cut -d' ' -f1-3 /proc/loadavg)"
run mail-parser "$bin/examples/parse_mbox" "$mbox"
run liaison-parse "$bin/examples/parse_mbox" "$mbox" --liaison
rm -f "$work"/bench.db*
run sqlite-tracked "$bin/liaison" "${me[@]}" --db "$work/bench.db" ingest --mbox "$mbox" --format json
rm -f "$work"/bench.db*
run sqlite-no-me "$bin/liaison" --db "$work/bench.db" ingest --mbox "$mbox" --format json
if [ -n "${LIAISON_BENCH_DATABASE_URL:-}" ]; then
  url="$LIAISON_BENCH_DATABASE_URL"; sep='?'; case "$url" in *\?*) sep='&';; esac
  run postgres-tracked "$bin/liaison" "${me[@]}" --database-url "${url}${sep}schema=mailbox_$$_$(date +%s)" ingest --mbox "$mbox" --format json
fi
for r in sqlite-tracked sqlite-no-me ${LIAISON_BENCH_DATABASE_URL:+postgres-tracked}; do
  python3 -c "import sys; print(f'ratio (CPU): {sys.argv[1]} runs at {100*float(sys.argv[2])/float(sys.argv[3]):.1f} % of mail-parser raw parse speed')" "$r" "$(cpu mail-parser)" "$(cpu "$r")"
done
