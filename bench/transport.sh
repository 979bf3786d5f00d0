#!/usr/bin/env bash
# Whole-process benchmark of sending and fetching (issue 11), against the local test servers
# (Postfix + Dovecot; scripts/servers/README.md), each next to a plain Python reference on
# the same servers in the same mode:
#
#   send:  `liaison send` of N composed mails (lint, outbox, SMTP, recorded at once) through
#          Postfix submission (STARTTLS + AUTH), against Python smtplib sending the same
#          bytes over one connection; then both again with a copy APPENDed to the IMAP Sent
#          folder (liaison's [imap]; imaplib's append).
#   fetch: `liaison fetch` of an INBOX holding N messages (IMAPS, through the ingest pipeline
#          into a fresh store), against Python imaplib fetching the same N over IMAPS in
#          chunks of 200 (BODY.PEEK[] into memory, nothing stored).
#
#   bench/transport.sh [N]      (default 300; the servers must run and their env be set:
#                                scripts/servers/mail.sh start; eval "$(scripts/servers/mail.sh env)")
#   LIAISON_BENCH_DATABASE_URL=postgres://… adds the liaison runs on PostgreSQL.
set -euo pipefail
N="${1:-300}"
cd "$(dirname "$0")/.."
root=$(pwd)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
log() { echo "[bench/transport] $*" >&2; }
for v in LIAISON_TEST_SMTP_STARTTLS LIAISON_TEST_IMAPS LIAISON_TEST_MAIL_CA LIAISON_TEST_MAIL_DIR \
         LIAISON_TEST_MAIL_SANDBOX_DOMAIN LIAISON_TEST_MAIL_SANDBOX_PASSWORD; do
  [ -n "${!v:-}" ] || { log "$v is not set: start the mail servers and eval their env (scripts/servers/README.md)"; exit 2; }
done
py="${LIAISON_TEST_PYTHON:-python3}"

log "building (release)"
cargo build --release -q -p liaison-cli
bin="$CARGO_TARGET_DIR/release/liaison"

work=$(mktemp -d /tmp/liaison-bench-transport.XXXXXX)
trap 'rm -rf "$work"' EXIT
tag="b$$x$(date +%s)"
dom="$LIAISON_TEST_MAIL_SANDBOX_DOMAIN"
us="us-$tag@$dom"
export BENCH_PW="$LIAISON_TEST_MAIL_SANDBOX_PASSWORD"
IFS=: read -r smtp_host smtp_port <<<"$LIAISON_TEST_SMTP_STARTTLS"
IFS=: read -r imap_host imap_port <<<"$LIAISON_TEST_IMAPS"

# One project per recipient mailbox, so every run reads or fills a mailbox of its own.
config() { # $1 = dir, $2 = imap user (empty: no [imap]), $3 = sent folder appends wanted
  mkdir -p "$1"
  cat >"$1/liaison.toml" <<EOF
[identity]
addresses = ["$us"]
domain = "bench.liaison.test"
[directory]
path = "$work/directory.toml"
[smtp]
host = "$smtp_host"
port = $smtp_port
security = "starttls"
username = "$us"
password_env = "BENCH_PW"
ca_file = "$LIAISON_TEST_MAIL_CA"
EOF
  if [ -n "$2" ]; then
    cat >>"$1/liaison.toml" <<EOF
[imap]
host = "$imap_host"
port = $imap_port
security = "tls"
username = "$2"
password_env = "BENCH_PW"
ca_file = "$LIAISON_TEST_MAIL_CA"
EOF
  fi
}

cat >"$work/directory.toml" <<EOF
[[department]]
name = "产品部"
head = "$us"
[[department]]
name = "市场部"
[[person]]
name = "王磊"
email = "$us"
department = "产品部"
title = "经理"
chat = { dingtalk = "wanglei01" }
[[person]]
name = "张伟"
email = "them-$tag@$dom"
department = "市场部"
title = "经理"
EOF
cat >"$work/brief.toml" <<EOF
kind = "需求对接"
project = "Q3新产品用户调研"
departments = ["市场部"]
urgency = "紧急"
from = "$us"
to = ["them-$tag@$dom"]
purpose = "特此对接Q3新产品用户调研需求，请市场部于12月3日17:00前提供用户行为数据报表"
background = "根据上周产品会议决议，需启动用户调研"
goal = "目标是优化Q3新产品功能、提升用户体验"
reply_by = "12月1日17:00前"
next_step = "收到数据后产品部将在两个工作日内完成分析"
[[item]]
what = "提供2025年用户行为数据报表"
owner = "them-$tag@$dom"
due = "12月3日17:00前"
standard = "包含功能使用频率、投诉热点等维度"
EOF
config "$work/gen" "" 0
NOW=2026-12-01T09:00:00+08:00
# N composed mails, each its own project (its own collaboration), as a person would send.
log "composing $N mails"
mkdir -p "$work/base"
for i in $(seq 0 $((N - 1))); do
  sed "s/^project = .*/project = \"Q3新产品用户调研$i\"/" "$work/brief.toml" >"$work/b.toml"
  "$bin" --config "$work/gen/liaison.toml" --now "$NOW" new 需求对接 --brief "$work/b.toml" --out "$work/base/$i.eml" 2>/dev/null
done
"$bin" --config "$work/gen/liaison.toml" --now "$NOW" lint "$work/base/0.eml" >/dev/null || { log "the composed mail does not lint clean"; exit 1; }

# The N mails for one run: each with a Message-ID of the run and the run's recipient mailbox.
gen() { # $1 = run name, $2 = recipient local part
  mkdir -p "$work/$1/mail"
  "$py" - "$work/base" "$work/$1/mail" "$N" "$1" "them-$tag@$dom" "$2@$dom" <<'EOF'
import re, sys
src, out, n, run, old_to, new_to = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
for i in range(n):
    b = open(f"{src}/{i}.eml", "rb").read()
    m = re.sub(rb"Message-ID: <[^>]+>", b"Message-ID: <%s.%d.%s>" % (run.encode(), i, b"bench@liaison.test"), b, count=1)
    m = m.replace(old_to.encode(), new_to.encode())
    open(f"{out}/{i:05d}.eml", "wb").write(m)
EOF
}

now() { date +%s.%N; }
secs() { "$py" -c "import sys; print(f'{float(sys.argv[2])-float(sys.argv[1]):.3f}')" "$@"; }
rate() { "$py" -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):,.1f}')" "$@"; }

# Bounded polling until a mailbox holds N messages (delivery is asynchronous).
wait_inbox() { # $1 = local part
  local dir="$LIAISON_TEST_MAIL_DIR/mail/$dom/$1/Maildir" i=0
  while [ "$(ls "$dir/new" "$dir/cur" 2>/dev/null | grep -c .)" -lt "$N" ]; do
    i=$((i + 1)); [ $i -lt 1200 ] || { log "timed out waiting for $N messages in $1"; exit 1; }
    sleep 0.1
  done
}

liaison_send() { # $1 = run, $2 = recipient, $3 = imap user or "", $4 = db args…
  local run=$1 rcpt=$2 imap=$3; shift 3
  gen "$run" "$rcpt"
  config "$work/$run" "$imap" 1
  local t0 t1
  t0=$(now)
  "$bin" --config "$work/$run/liaison.toml" --now "$NOW" "$@" send --format json "$work/$run/mail/"*.eml >"$work/$run/out.json"
  t1=$(now)
  local ok
  ok=$("$py" -c "import json,sys; print(sum(1 for x in json.load(open(sys.argv[1]))['send'] if x['outcome']=='sent'))" "$work/$run/out.json")
  [ "$ok" = "$N" ] || { log "$run: $ok of $N sent"; exit 1; }
  secs "$t0" "$t1"
}

py_send() { # $1 = run, $2 = recipient, $3 = append to Sent (1/0)
  gen "$1" "$2"
  "$py" - "$work/$1/mail" "$smtp_host" "$smtp_port" "$imap_host" "$imap_port" "$us" "$2@$dom" "$3" <<'EOF'
import glob, imaplib, smtplib, ssl, sys, time, os
d, sh, sp, ih, ip, us, rcpt, app = sys.argv[1:9]
ctx = ssl.create_default_context(cafile=os.environ["LIAISON_TEST_MAIL_CA"])
files = sorted(glob.glob(d + "/*.eml"))
msgs = [open(f, "rb").read() for f in files]
t0 = time.perf_counter()
s = smtplib.SMTP(sh, int(sp))
s.starttls(context=ctx)
s.login(us, os.environ["BENCH_PW"])
im = None
if app == "1":
    im = imaplib.IMAP4_SSL(ih, int(ip), ssl_context=ctx)
    im.login(us, os.environ["BENCH_PW"])
for m in msgs:
    s.sendmail(us, [rcpt], m)
    if im:
        im.append("Sent", "(\\Seen)", None, m)
s.quit()
if im:
    im.logout()
print(f"{time.perf_counter() - t0:.3f}")
EOF
}

declare -A R
log "send: liaison, SMTP only (SQLite)"
R[send_l]=$(liaison_send sl "rl-$tag" "" --db "$work/sl.db")
log "send: Python smtplib"
R[send_p]=$(py_send sp "rp-$tag" 0)
log "send: liaison with [imap] (APPEND to Sent)"
R[sendi_l]=$(liaison_send sli "rli-$tag" "$us" --db "$work/sli.db")
log "send: Python smtplib + imaplib append"
R[sendi_p]=$(py_send spi "rpi-$tag" 1)
if [ -n "${LIAISON_BENCH_DATABASE_URL:-}" ]; then
  url="$LIAISON_BENCH_DATABASE_URL"; sep='?'; case "$url" in *\?*) sep='&';; esac
  log "send: liaison, SMTP only (PostgreSQL)"
  R[send_pg]=$(liaison_send spg "rpg-$tag" "" --database-url "${url}${sep}schema=bench_send_$$")
fi

log "waiting for delivery into Dovecot"
wait_inbox "rl-$tag"; wait_inbox "rp-$tag"

log "fetch: liaison (IMAPS, ingest into a fresh SQLite store)"
config "$work/fl" "rl-$tag@$dom" 0
t0=$(now)
"$bin" --config "$work/fl/liaison.toml" --now "$NOW" --db "$work/fl.db" fetch --format json >"$work/fl.json"
t1=$(now)
R[fetch_l]=$(secs "$t0" "$t1")
got=$("$py" -c "import json,sys; print(json.load(open(sys.argv[1]))['ingest']['imported'])" "$work/fl.json")
[ "$got" = "$N" ] || { log "fetch imported $got of $N"; exit 1; }
if [ -n "${LIAISON_BENCH_DATABASE_URL:-}" ]; then
  log "fetch: liaison (PostgreSQL)"
  t0=$(now)
  "$bin" --config "$work/fl/liaison.toml" --now "$NOW" --database-url "${url}${sep}schema=bench_fetch_$$" fetch --format json >/dev/null
  t1=$(now)
  R[fetch_pg]=$(secs "$t0" "$t1")
fi

log "fetch: Python imaplib"
R[fetch_p]=$("$py" - "$imap_host" "$imap_port" "rp-$tag@$dom" "$N" <<'EOF'
import imaplib, ssl, sys, time, os
h, p, user, n = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
ctx = ssl.create_default_context(cafile=os.environ["LIAISON_TEST_MAIL_CA"])
t0 = time.perf_counter()
im = imaplib.IMAP4_SSL(h, p, ssl_context=ctx)
im.login(user, os.environ["BENCH_PW"])
im.select("INBOX", readonly=True)
typ, data = im.uid("SEARCH", None, "ALL")
uids = data[0].split()
got = []
for i in range(0, len(uids), 200):
    typ, parts = im.uid("FETCH", b",".join(uids[i:i + 200]), "(UID BODY.PEEK[])")
    got.extend(x[1] for x in parts if isinstance(x, tuple))
im.logout()
assert len(got) == n, (len(got), n)
print(f"{time.perf_counter() - t0:.3f}")
EOF
)

row() { # label, liaison secs, python secs
  local rl rp ratio
  rl=$(rate "$N" "$2"); rp=$(rate "$N" "$3")
  ratio=$("$py" -c "import sys; print(f'{float(sys.argv[2])/float(sys.argv[1]):.2f}')" "$2" "$3")
  printf '| %s | %s s | %s/s | %s s | %s/s | %s |\n' "$1" "$2" "$rl" "$3" "$rp" "$ratio"
}
echo
echo "N = $N messages (about $(wc -c <"$work/base/0.eml") bytes each); $(nproc) cores"
echo
echo "| run | liaison | liaison rate | Python | Python rate | liaison / Python speed |"
echo "|---|---|---|---|---|---|"
row "send (SMTP STARTTLS+AUTH)" "${R[send_l]}" "${R[send_p]}"
row "send + APPEND to Sent" "${R[sendi_l]}" "${R[sendi_p]}"
row "fetch + ingest (IMAPS)" "${R[fetch_l]}" "${R[fetch_p]}"
if [ -n "${R[send_pg]:-}" ]; then
  echo
  echo "PostgreSQL: send $(rate "$N" "${R[send_pg]}")/s (${R[send_pg]} s), fetch + ingest $(rate "$N" "${R[fetch_pg]}")/s (${R[fetch_pg]} s)"
fi
