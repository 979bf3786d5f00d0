#!/usr/bin/env bash
# Whole-process ingest benchmark (DESIGN §9): `liaison ingest --mbox` of a generated
# N-message mbox (default 100,000), against mail-parser's raw parse of the same file and
# Debian's `notmuch new` on the same messages as a Maildir. Prints messages/second and
# ratios; docs/performance.md records a run.
#
#   bench/ingest.sh [N]        (PostgreSQL too when LIAISON_BENCH_DATABASE_URL is set)
set -euo pipefail
N="${1:-100000}"
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$(pwd)/target}"
log() { echo "[bench/ingest] $*" >&2; }

if ! command -v notmuch >/dev/null && [ "$(id -u)" = 0 ]; then
  log "installing Debian notmuch (the peer)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq notmuch >/dev/null || true
fi

log "building (release)"
cargo build --release -q -p liaison-cli
cargo build --release -q -p liaison-store --example gen --example parse_mbox
bin="$CARGO_TARGET_DIR/release"

work=$(mktemp -d /tmp/liaison-bench-ingest.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$bin/examples/gen" "$N" > "$work/big.mbox"
size=$(stat -c %s "$work/big.mbox")
log "generated $N messages, $((size / 1024 / 1024)) MiB"

now() { date +%s.%N; }
rate() { python3 -c "import sys; n,s=float(sys.argv[1]),float(sys.argv[2]); print(f'{n/s:,.0f}')" "$@"; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[2])-float(sys.argv[1]):.2f}')" "$@"; }

# Warm the page cache so every contender reads from memory.
cat "$work/big.mbox" > /dev/null

read -r n_mp s_mp _ < <("$bin/examples/parse_mbox" "$work/big.mbox")
read -r n_lp s_lp _ < <("$bin/examples/parse_mbox" "$work/big.mbox" --liaison)

t0=$(now)
"$bin/liaison" --me zhangwei@ours.example.com --db "$work/bench.db" ingest --mbox "$work/big.mbox" --format json > "$work/sqlite.json"
t1=$(now)
s_sq=$(secs "$t0" "$t1")
imported=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['imported'])" "$work/sqlite.json")
tracked=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['tracked'])" "$work/sqlite.json")
[ "$imported" = "$N" ] && [ "$tracked" = "$N" ] || { log "expected $N imported and tracked, got $imported/$tracked"; exit 1; }
collabs=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from collaborations').fetchone()[0])" "$work/bench.db")
log "SQLite: $collabs collaborations"

t0=$(now)
"$bin/liaison" --me zhangwei@ours.example.com --db "$work/bench.db" ingest --mbox "$work/big.mbox" --format json > "$work/again.json"
t1=$(now)
s_again=$(secs "$t0" "$t1")

s_pg=""
if [ -n "${LIAISON_BENCH_DATABASE_URL:-}" ]; then
  url="$LIAISON_BENCH_DATABASE_URL"; sep='?'; case "$url" in *\?*) sep='&';; esac
  url="${url}${sep}schema=bench_$$"
  t0=$(now)
  "$bin/liaison" --me zhangwei@ours.example.com --database-url "$url" ingest --mbox "$work/big.mbox" --format json > /dev/null
  t1=$(now)
  s_pg=$(secs "$t0" "$t1")
fi

s_nm=""
if command -v notmuch >/dev/null; then
  python3 - "$work/big.mbox" "$work/maildir" <<'PY'
import mailbox, sys
src = mailbox.mbox(sys.argv[1], create=False)
dst = mailbox.Maildir(sys.argv[2], create=True)
for m in src:
    dst.add(mailbox.MaildirMessage(m))
PY
  cat > "$work/notmuch-config" <<CFG
[database]
path=$work/maildir
[user]
name=bench
primary_email=bench@example.com
[new]
tags=inbox;
[maildir]
synchronize_flags=false
CFG
  find "$work/maildir" -type f -exec cat {} + > /dev/null
  t0=$(now)
  NOTMUCH_CONFIG="$work/notmuch-config" notmuch new --quiet
  t1=$(now)
  s_nm=$(secs "$t0" "$t1")
fi

echo "messages: $N ($((size / 1024 / 1024)) MiB mbox)"
printf '%-44s %8ss %12s msg/s\n' "mail-parser raw parse (stream + parse)" "$s_mp" "$(rate "$N" "$s_mp")"
printf '%-44s %8ss %12s msg/s\n' "liaison parse + threading keys" "$s_lp" "$(rate "$N" "$s_lp")"
printf '%-44s %8ss %12s msg/s\n' "liaison ingest, SQLite (whole process)" "$s_sq" "$(rate "$N" "$s_sq")"
printf '%-44s %8ss %12s msg/s\n' "liaison ingest again (all duplicates)" "$s_again" "$(rate "$N" "$s_again")"
[ -n "$s_pg" ] && printf '%-44s %8ss %12s msg/s\n' "liaison ingest, PostgreSQL (whole process)" "$s_pg" "$(rate "$N" "$s_pg")"
[ -n "$s_nm" ] && printf '%-44s %8ss %12s msg/s\n' "notmuch new (Maildir of the same messages)" "$s_nm" "$(rate "$N" "$s_nm")"
python3 -c "import sys; print(f'ratio: liaison ingest (SQLite) takes {float(sys.argv[1])/float(sys.argv[2]):.1f}x the time of mail-parser raw parse')" "$s_sq" "$s_mp"
[ -n "$s_nm" ] && python3 -c "import sys; print(f'ratio: notmuch new takes {float(sys.argv[1])/float(sys.argv[2]):.2f}x the time of liaison ingest (SQLite)')" "$s_nm" "$s_sq"
exit 0
