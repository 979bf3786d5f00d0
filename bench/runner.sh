#!/usr/bin/env bash
# Whole-process benchmark of the follow-up loop (issue 11): one `liaison run --once` pass over
# N collaborations, each owing a nudge to its own colleague — plan, draft each nudge from the
# templates, claim it in the outbox, record its event, and send it through Postfix submission
# (STARTTLS + AUTH), each mail recorded at once — against Python smtplib handing the same N
# nudge mails (the bytes liaison sent) to the same server over one connection.
#
#   bench/runner.sh [N]      (default 200; the servers must run and their env be set:
#                             scripts/servers/mail.sh start; eval "$(scripts/servers/mail.sh env)")
#   LIAISON_BENCH_DATABASE_URL=postgres://… adds the liaison pass on PostgreSQL.
set -euo pipefail
N="${1:-200}"
cd "$(dirname "$0")/.."
root=$(pwd)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
log() { echo "[bench/runner] $*" >&2; }
for v in LIAISON_TEST_SMTP_STARTTLS LIAISON_TEST_MAIL_CA LIAISON_TEST_MAIL_DIR \
         LIAISON_TEST_MAIL_SANDBOX_DOMAIN LIAISON_TEST_MAIL_SANDBOX_PASSWORD; do
  [ -n "${!v:-}" ] || { log "$v is not set: start the mail servers and eval their env (scripts/servers/README.md)"; exit 2; }
done
py="${LIAISON_TEST_PYTHON:-python3}"

if [ -z "${LIAISON_BENCH_BIN:-}" ]; then
  log "building (release)"
  cargo build --release -q -p liaison-cli
fi
bin="${LIAISON_BENCH_BIN:-$CARGO_TARGET_DIR/release/liaison}"

work=$(mktemp -d /tmp/liaison-bench-runner.XXXXXX)
[ -n "${LIAISON_BENCH_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
tag="r$$x$(date +%s)"
dom="$LIAISON_TEST_MAIL_SANDBOX_DOMAIN"
export BENCH_PW="$LIAISON_TEST_MAIL_SANDBOX_PASSWORD"
IFS=: read -r smtp_host smtp_port <<<"$LIAISON_TEST_SMTP_STARTTLS"

# A project: N opening mails from us, each to its own colleague (so the one-nudge-per-person
# rule lets every nudge go), and the directory naming everyone.
project() { # $1 = dir, $2 = run name
  "$py" - "$1" "$2" "$N" "$tag" "$dom" "$smtp_host" "$smtp_port" "$LIAISON_TEST_MAIL_CA" <<'EOF'
import base64, os, sys
d, run, n, tag, dom, host, port, ca = sys.argv[1:9]
n = int(n)
os.makedirs(f"{d}/mail", exist_ok=True)
us = f"us-{run}-{tag}@{dom}"
b = lambda s: base64.b64encode(s.encode()).decode()
people = [f"[[department]]\nname = \"产品部\"\nhead = \"{us}\"\n[[department]]\nname = \"市场部\"\n",
          f"[[person]]\nname = \"王磊\"\nemail = \"{us}\"\ndepartment = \"产品部\"\ntitle = \"经理\"\n"]
for i in range(n):
    them = f"them{i}-{run}-{tag}@{dom}"
    people.append(f"[[person]]\nname = \"张伟{i}\"\nemail = \"{them}\"\ndepartment = \"市场部\"\ntitle = \"经理\"\n")
    body = ("张经理，您好！\r\n\r\n特此对接调研{i}需求，请市场部于12月3日17:00前提供用户行为数据报表。\r\n\r\n"
            "背景与目标：根据上周产品会议决议，需启动用户调研。目标是优化新产品功能。\r\n\r\n具体事项：\r\n"
            "1. 做什么：提供2025年用户行为数据报表；谁来做：市场部 张伟；何时完成：12月3日17:00前；交付标准：包含功能使用频率、投诉热点等维度。\r\n\r\n"
            "收到数据后产品部将在两个工作日内完成分析。如有疑问，请于12月2日17:00前回复确认。\r\n\r\n王磊\r\n产品部 经理\r\n").format(i=i)
    raw = (f"From: =?UTF-8?B?{b('王磊')}?= <{us}>\r\nTo: <{them}>\r\nSubject: =?UTF-8?B?{b(f'【需求对接】调研{i}-市场部-一般')}?=\r\n"
           f"Date: Tue, 01 Dec 2026 09:00:00 +0800\r\nMessage-ID: <open{i}.{run}.{tag}@bench.liaison.test>\r\nMIME-Version: 1.0\r\n"
           f"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}")
    open(f"{d}/mail/{i:05d}.eml", "w", encoding="utf-8", newline="").write(raw)
open(f"{d}/directory.toml", "w").write("\n".join(people))
open(f"{d}/liaison.toml", "w").write(f"""[identity]
addresses = ["{us}"]
domain = "bench.liaison.test"
[directory]
path = "directory.toml"
[smtp]
host = "{host}"
port = {port}
security = "starttls"
username = "{us}"
password_env = "BENCH_PW"
ca_file = "{ca}"
[automation]
nudge = "send"
""")
EOF
}

now() { date +%s.%N; }
secs() { "$py" -c "import sys; print(f'{float(sys.argv[2])-float(sys.argv[1]):.3f}')" "$@"; }
rate() { "$py" -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):,.1f}')" "$@"; }

liaison_pass() { # $1 = run, then db args…
  local run=$1; shift
  project "$work/$run" "$run"
  "$bin" --config "$work/$run/liaison.toml" --now 2026-12-01T09:30:00+08:00 "$@" ingest "$work/$run/mail" >/dev/null 2>&1
  local t0 t1 ok
  t0=$(now)
  ${LIAISON_BENCH_WRAP:-} "$bin" --config "$work/$run/liaison.toml" --now 2026-12-02T10:00:00+08:00 "$@" run --once --format json >"$work/$run/out.json" 2>/dev/null
  t1=$(now)
  ok=$("$py" -c "import json,sys; r=json.load(open(sys.argv[1])); print(sum(1 for x in r['sent'] if x['outcome']=='sent'))" "$work/$run/out.json")
  [ "$ok" = "$N" ] || { log "$run: $ok of $N nudges sent"; exit 1; }
  "$bin" --config "$work/$run/liaison.toml" "$@" outbox --format json >"$work/$run/outbox.json"
  # A second pass the same morning: every nudge went out, nothing is due; what it costs is
  # reading what is due (the stored plans) and the one-nudge-per-day bookkeeping.
  local t2 t3
  t2=$(now)
  "$bin" --config "$work/$run/liaison.toml" --now 2026-12-02T10:30:00+08:00 "$@" run --once --format json >"$work/$run/out2.json" 2>/dev/null
  t3=$(now)
  ok=$("$py" -c "import json,sys; r=json.load(open(sys.argv[1])); print(len(r['sent']) + sum(1 for a in r['acted'] if a['outcome'] != 'skipped'))" "$work/$run/out2.json")
  [ "$ok" = "0" ] || { log "$run: the second pass acted"; exit 1; }
  echo "$(secs "$t0" "$t1") $(secs "$t2" "$t3")"
}

py_send() { # the nudges liaison sent in run $1, to the same recipients, over one connection
  "$py" - "$work/$1/liaison.toml" "$work/$1/outbox.json" "$work/$1/liaison.db" "$smtp_host" "$smtp_port" <<'EOF'
import json, os, re, smtplib, sqlite3, ssl, sys, time
cfg, outbox, db, sh, sp = sys.argv[1:6]
us = re.search(r'username = "([^"]+)"', open(cfg).read()).group(1)
con = sqlite3.connect(db)
rows = con.execute("SELECT bytes, recipients FROM outbox WHERE action = 'nudge'").fetchall()
ctx = ssl.create_default_context(cafile=os.environ["LIAISON_TEST_MAIL_CA"])
msgs = [(bytes(b), json.loads(r)) for b, r in rows]
t0 = time.perf_counter()
s = smtplib.SMTP(sh, int(sp))
s.starttls(context=ctx)
s.login(us, os.environ["BENCH_PW"])
for b, rcpts in msgs:
    s.sendmail(us, rcpts, b)
s.quit()
print(f"{time.perf_counter() - t0:.3f}")
EOF
}

declare -A R
log "liaison run --once: $N nudges (SQLite)"
read -r R[l] R[l2] <<<"$(liaison_pass sq --db "$work/sq/liaison.db")"
log "Python smtplib: the same $N nudge mails"
R[p]=$(py_send sq)
if [ -n "${LIAISON_BENCH_DATABASE_URL:-}" ]; then
  url="$LIAISON_BENCH_DATABASE_URL"; sep='?'; case "$url" in *\?*) sep='&';; esac
  log "liaison run --once: $N nudges (PostgreSQL)"
  read -r R[pg] R[pg2] <<<"$(liaison_pass pg --database-url "${url}${sep}schema=bench_run_$$")"
fi

echo "| run | liaison | liaison rate | Python smtplib | Python rate | liaison / Python speed |"
echo "|---|---|---|---|---|---|"
ratio=$("$py" -c "import sys; print(f'{float(sys.argv[2])/float(sys.argv[1]):.2f}')" "${R[l]}" "${R[p]}")
echo "| run --once, $N nudges, SQLite | ${R[l]} s | $(rate "$N" "${R[l]}")/s | ${R[p]} s | $(rate "$N" "${R[p]}")/s | $ratio |"
if [ -n "${R[pg]:-}" ]; then
  echo "| run --once, $N nudges, PostgreSQL 15 | ${R[pg]} s | $(rate "$N" "${R[pg]}")/s | | | |"
fi
echo "| the next pass, nothing due, $N collaborations, SQLite | ${R[l2]} s | | | | |"
if [ -n "${R[pg2]:-}" ]; then
  echo "| the next pass, nothing due, $N collaborations, PostgreSQL 15 | ${R[pg2]} s | | | | |"
fi
