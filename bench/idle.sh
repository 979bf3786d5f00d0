#!/usr/bin/env bash
# Whole-process benchmark of the daemon's wait (issue 11): how long after a mail is handed to
# Postfix does `liaison run` report it fetched and applied — waiting with IMAP IDLE, and
# polling every P seconds — next to two references on the same delivery: the message file
# appearing in the Maildir (Dovecot's delivery itself) and a plain Python IDLE connection
# being told `* N EXISTS`. Harness: bench/idle.py.
#
#   bench/idle.sh [K] [P]    (K mails per mode, default 20; poll interval P, default 5 s;
#                             the servers must run and their env be set:
#                             scripts/servers/mail.sh start; eval "$(scripts/servers/mail.sh env)")
set -euo pipefail
K="${1:-20}"
P="${2:-5}"
cd "$(dirname "$0")/.."
root=$(pwd)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
log() { echo "[bench/idle] $*" >&2; }
for v in LIAISON_TEST_SMTP LIAISON_TEST_IMAPS LIAISON_TEST_MAIL_CA LIAISON_TEST_MAIL_DIR \
         LIAISON_TEST_MAIL_SANDBOX_DOMAIN LIAISON_TEST_MAIL_SANDBOX_PASSWORD; do
  [ -n "${!v:-}" ] || { log "$v is not set: start the mail servers and eval their env (scripts/servers/README.md)"; exit 2; }
done
py="${LIAISON_TEST_PYTHON:-python3}"
if [ -z "${LIAISON_BENCH_BIN:-}" ]; then
  log "building (release)"
  cargo build --release -q -p liaison-cli
fi
bin="${LIAISON_BENCH_BIN:-$CARGO_TARGET_DIR/release/liaison}"
work=$(mktemp -d /tmp/liaison-bench-idle.XXXXXX)
trap 'rm -rf "$work"' EXIT
us="idle-bench-$$-$(date +%s)@$LIAISON_TEST_MAIL_SANDBOX_DOMAIN"
IFS=: read -r host port <<<"$LIAISON_TEST_IMAPS"
cat >"$work/liaison.toml" <<TOML
[identity]
addresses = ["$us"]
domain = "bench.liaison.test"
[imap]
host = "$host"
port = $port
security = "tls"
username = "$us"
password_env = "LIAISON_TEST_MAIL_SANDBOX_PASSWORD"
ca_file = "$LIAISON_TEST_MAIL_CA"
TOML
stats() { "$py" -c '
import json, statistics, sys
r = json.loads(sys.argv[1]); k = sys.argv[2]
v = sorted(r[k]); print(f"{statistics.median(v)*1000:,.0f} ms | {v[int(0.9*(len(v)-1))]*1000:,.0f} ms")' "$@"; }
log "IDLE: $K mails"
idle=$(BENCH_MODE=idle "$py" bench/idle.py "$bin" "$work" "$us" "$K" "$P")
log "polling every $P s: $K mails"
poll=$(BENCH_MODE=poll "$py" bench/idle.py "$bin" "$work" "$us" "$K" "$P")
echo "| from SMTP hand-over to … | median | 90th percentile |"
echo "|---|---|---|"
echo "| the file in the Maildir (Dovecot delivered it) | $(stats "$idle" disk) |"
echo "| a plain Python IDLE connection told EXISTS | $(stats "$idle" python_idle) |"
echo "| liaison run (IDLE) reports it fetched and applied | $(stats "$idle" liaison) |"
echo "| liaison run (--poll $P, idle = false) reports it | $(stats "$poll" liaison) |"
