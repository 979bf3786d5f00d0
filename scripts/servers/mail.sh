#!/usr/bin/env bash
# Postfix + Dovecot for the tests, run from a private folder on loopback ports.
#
#   scripts/servers/mail.sh start    # idempotent; a fresh start empties the mailboxes
#   scripts/servers/mail.sh env      # shell exports for the tests (eval "$(… env)")
#   scripts/servers/mail.sh status   # exit 0 when both daemons run
#   scripts/servers/mail.sh reset    # empty every mailbox (restarts Dovecot)
#   scripts/servers/mail.sh stop     # stops the daemons of this folder, nothing else
#
# Postfix accepts SMTP for example.com, example.org and sandbox.example.com and hands every
# message to Dovecot over LMTP; nothing is relayed outside. Dovecot serves the Maildirs over
# IMAP. Nothing under /etc is read or written: `postfix -c DIR` and `dovecot -c FILE` use the
# generated config below. Needs root (Postfix refuses to start otherwise) and the Debian
# packages postfix, dovecot-imapd, dovecot-lmtpd and openssl (scripts/test installs them).
# See scripts/servers/README.md for ports, users and variables.
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"

dir="${LIAISON_TEST_MAIL_DIR:-/tmp/liaison-test-mail}"
smtp_port="${LIAISON_TEST_SMTP_PORT:-52525}"
submission_port="${LIAISON_TEST_SUBMISSION_PORT:-52587}"
smtps_port="${LIAISON_TEST_SMTPS_PORT:-52465}"
imap_port="${LIAISON_TEST_IMAP_PORT:-51143}"
imaps_port="${LIAISON_TEST_IMAPS_PORT:-51993}"

# Named test users (address:password). The sandbox domain accepts any local part with one
# password, so a test can own a mailbox nobody else writes to.
users=(
  wanglei@example.com:wanglei-pass
  zhangwei@example.com:zhangwei-pass
  lina@example.com:lina-pass
  liuyang@example.com:liuyang-pass
  chenjing@example.com:chenjing-pass
  zhaomin@example.com:zhaomin-pass
  wangfang@example.org:wangfang-pass
  liqiang@example.org:liqiang-pass
  sunli@example.org:sunli-pass
)
sandbox_domain=sandbox.example.com
sandbox_password=sandbox-pass

pf="$dir/postfix"           # Postfix config directory (main.cf, master.cf, maps)
dconf="$dir/etc/dovecot.conf"
dbase="$dir/run/dovecot"    # Dovecot base_dir: sockets and master.pid
log() { echo "[mail.sh] $*" >&2; }
die() { echo "[mail.sh] error: $*" >&2; exit 1; }

postfix_running() { [ -f "$pf/main.cf" ] && postfix -c "$pf" status >/dev/null 2>&1; }
dovecot_pid() {
  local pid
  pid=$(cat "$dbase/master.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}
dovecot_running() { dovecot_pid >/dev/null; }
postfix_pid() {
  local pid
  pid=$(tr -d ' ' <"$dir/spool/pid/master.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Waits (bounded) until a TCP port accepts connections.
wait_port() {
  local port=$1 what=$2
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  die "$what is not listening on 127.0.0.1:$port after 10 s; read $dir/log/"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

make_tls() {
  local t="$dir/tls"
  if [ -s "$t/server.pem" ] && [ -s "$t/ca.pem" ] &&
     openssl x509 -checkend 86400 -noout -in "$t/server.pem" >/dev/null 2>&1; then
    return 0
  fi
  log "generating a test CA and server certificate in $t"
  rm -rf "$t"; mkdir -p "$t"
  # Our own minimal openssl config, so the system openssl.cnf does not add or clash with
  # extensions. A CA plus a leaf (not one self-signed leaf): webpki-based clients (rustls)
  # reject a CA certificate used as the server's own certificate.
  cat >"$t/openssl.cnf" <<'EOF'
[req]
distinguished_name = dn
prompt = no
[dn]
CN = liaison test CA
[ca_ext]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, DNS:mail.example.com, IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
  openssl req -x509 -new -config "$t/openssl.cnf" -extensions ca_ext \
    -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout "$t/ca.key" -out "$t/ca.pem" -days 3650 2>/dev/null
  openssl req -new -config "$t/openssl.cnf" -subj "/CN=localhost" \
    -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout "$t/server.key" -out "$t/server.csr" 2>/dev/null
  openssl x509 -req -in "$t/server.csr" -CA "$t/ca.pem" -CAkey "$t/ca.key" \
    -CAcreateserial -days 825 -extfile "$t/openssl.cnf" -extensions server_ext \
    -out "$t/server.pem" 2>/dev/null
  chmod 0644 "$t/ca.pem" "$t/server.pem"
  chmod 0600 "$t/ca.key" "$t/server.key"
}

write_config() {
  mkdir -p "$pf" "$dir/etc" "$dir/log" "$dir/data" "$dir/spool" "$dir/state/dovecot" "$dir/mail"
  chown postfix "$dir/data"
  local mail_uid mail_gid u addr pass
  mail_uid=$(id -u mail); mail_gid=$(id -g mail)
  chown mail:mail "$dir/mail"

  # Dovecot users: named users in a passwd-file; the sandbox domain is looked up by domain
  # (username_format=%d), so any local part there logs in with the one sandbox password.
  : >"$dir/etc/users"
  : >"$pf/vmailbox"
  for u in "${users[@]}"; do
    addr=${u%%:*}; pass=${u#*:}
    printf '%s:{PLAIN}%s::::%s/mail/%s/%s\n' "$addr" "$pass" "$dir" "${addr#*@}" "${addr%@*}" \
      >>"$dir/etc/users"
    printf '%s OK\n' "$addr" >>"$pf/vmailbox"
  done
  printf '%s:{PLAIN}%s\n' "$sandbox_domain" "$sandbox_password" >"$dir/etc/domains"
  chgrp dovecot "$dir/etc/users" "$dir/etc/domains"
  chmod 0640 "$dir/etc/users" "$dir/etc/domains"
  printf '/@%s$/ OK\n' "${sandbox_domain//./\\.}" >"$pf/sandbox.regexp"

  local ssl_dh=""
  [ -s /usr/share/dovecot/dh.pem ] && ssl_dh="ssl_dh = </usr/share/dovecot/dh.pem"
  cat >"$dconf" <<EOF
# Generated by scripts/servers/mail.sh; standalone (does not include /etc/dovecot).
instance_name = liaison-test
base_dir = $dbase
state_dir = $dir/state/dovecot
protocols = imap lmtp
listen = 127.0.0.1
log_path = $dir/log/dovecot.log
info_log_path = $dir/log/dovecot.log
# The tests run on loopback; plaintext AUTH is allowed there (TLS is offered as well).
disable_plaintext_auth = no
auth_mechanisms = plain login
# A wrong password is answered at once (default: 2 s), so failing-login tests stay fast.
auth_failure_delay = 0
ssl = yes
ssl_cert = <$dir/tls/server.pem
ssl_key = <$dir/tls/server.key
ssl_min_protocol = TLSv1.2
$ssl_dh
# Mail is stored as the Debian 'mail' user (uid $mail_uid), below Dovecot's default
# first_valid_uid of 500, so the bound is lowered to it.
mail_uid = mail
mail_gid = mail
first_valid_uid = $mail_uid
first_valid_gid = $mail_gid
mail_location = maildir:~/Maildir
recipient_delimiter = +
lmtp_save_to_detail_mailbox = no
mail_max_userip_connections = 200

passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%Lu $dir/etc/users
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%Ld $dir/etc/domains
}
userdb {
  driver = passwd-file
  args = username_format=%Lu $dir/etc/users
}
userdb {
  driver = static
  args = home=$dir/mail/%Ld/%Ln allow_all_users=yes
}

namespace inbox {
  inbox = yes
  separator = /
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
}

service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap_port
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $imaps_port
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
  inet_listener pop3s {
    port = 0
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0666
  }
}
service auth {
  # Postfix's SASL (AUTH on the SMTP ports) asks Dovecot through this socket.
  unix_listener auth-postfix {
    mode = 0666
  }
}
EOF

  local ca="$dir/tls"
  cat >"$pf/main.cf" <<EOF
# Generated by scripts/servers/mail.sh; used with 'postfix -c $pf'.
compatibility_level = 3.6
queue_directory = $dir/spool
data_directory = $dir/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mail.example.com
mydomain = example.com
myorigin = example.com
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
# No syslogd here: Postfix logs through postlogd into a file, which must lie under the
# prefixes (else it exits 1 with a message shown only on a terminal).
maillog_file_prefixes = $dir/log
maillog_file = $dir/log/postfix.log

# Every accepted recipient is local: the three domains go to Dovecot over LMTP; other
# domains are refused at RCPT and nothing could leave this machine anyway.
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
virtual_mailbox_domains = example.com example.org $sandbox_domain
virtual_mailbox_maps = texthash:$pf/vmailbox regexp:$pf/sandbox.regexp
virtual_transport = lmtp:unix:$dbase/lmtp
local_transport = error:5.7.1 local delivery is off in the liaison test server
default_transport = error:5.7.1 outside delivery is off in the liaison test server
relay_transport = error:5.7.1 outside delivery is off in the liaison test server
smtpd_relay_restrictions = reject_unauth_destination
recipient_delimiter = +

# Messages arrive as the client sent them: no header rewriting, no added headers.
local_header_rewrite_clients =
always_add_missing_headers = no

# Fast and quiet for tests: no DNS, no error pauses, no inflow throttling, quick retries.
smtp_dns_support_level = disabled
smtpd_peername_lookup = no
smtpd_error_sleep_time = 0
smtpd_soft_error_limit = 1000
smtpd_hard_error_limit = 2000
in_flow_delay = 0
queue_run_delay = 5s
minimal_backoff_time = 5s
maximal_backoff_time = 30s
biff = no
smtpd_banner = \$myhostname ESMTP liaison-test

# AUTH PLAIN/LOGIN through Dovecot; STARTTLS offered on the plain port, required on the
# submission port; the smtps port is implicit TLS.
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = $dbase/auth-postfix
smtpd_tls_security_level = may
smtpd_tls_cert_file = $ca/server.pem
smtpd_tls_key_file = $ca/server.key
smtpd_tls_loglevel = 1
EOF

  cat >"$pf/master.cf" <<EOF
# Generated by scripts/servers/mail.sh. Nothing is chrooted (paths are absolute).
127.0.0.1:$smtp_port inet n - n - - smtpd
127.0.0.1:$submission_port inet n - n - - smtpd
  -o syslog_name=postfix/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_tls_auth_only=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject
127.0.0.1:$smtps_port inet n - n - - smtpd
  -o syslog_name=postfix/smtps
  -o smtpd_tls_wrappermode=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
}

write_env() {
  local list="" u
  for u in "${users[@]}"; do list+="${list:+,}$u"; done
  cat >"$dir/env" <<EOF
export LIAISON_TEST_SMTP=127.0.0.1:$smtp_port
export LIAISON_TEST_SMTP_STARTTLS=127.0.0.1:$submission_port
export LIAISON_TEST_SMTP_TLS=127.0.0.1:$smtps_port
export LIAISON_TEST_IMAP=127.0.0.1:$imap_port
export LIAISON_TEST_IMAPS=127.0.0.1:$imaps_port
export LIAISON_TEST_MAIL_CA=$dir/tls/ca.pem
export LIAISON_TEST_MAIL_USERS=$list
export LIAISON_TEST_MAIL_SANDBOX_DOMAIN=$sandbox_domain
export LIAISON_TEST_MAIL_SANDBOX_PASSWORD=$sandbox_password
export LIAISON_TEST_MAIL_DIR=$dir
export LIAISON_TEST_MAIL_LOG=$dir/log
EOF
}

wipe_mail() {
  rm -rf "$dir/mail" "$dir/spool"
  mkdir -p "$dir/mail"; chown mail:mail "$dir/mail"
  local f
  for f in postfix.log dovecot.log; do
    [ -f "$dir/log/$f" ] && mv -f "$dir/log/$f" "$dir/log/$f.1"
  done
  return 0
}

start_dovecot() {
  # setsid and /dev/null: the daemon must not keep the caller's stdout/stderr open, or a
  # caller that captures the output of 'start' waits forever.
  setsid dovecot -c "$dconf" </dev/null >>"$dir/log/dovecot.start.log" 2>&1 ||
    die "dovecot did not start: read $dir/log/dovecot.start.log and $dir/log/dovecot.log"
  # No failed-login penalty (2 s, 4 s, … 15 s added to every login from an IP after a failed
  # one; all test clients are 127.0.0.1, so one wrong-password test would slow and couple
  # the others). The auth process keeps it in anvil through this socket and turns it off
  # silently when the socket does not exist (it would retry for 5 s if it were only
  # unreachable). The master has created it by now; no auth process has connected yet.
  rm -f "$dbase/anvil-auth-penalty"
}

cmd_start() {
  [ "$(id -u)" = 0 ] || die "Postfix needs root: run as root (scripts/test does)"
  { command -v postfix >/dev/null && command -v dovecot >/dev/null; } ||
    die "postfix/dovecot missing: apt-get install postfix dovecot-imapd dovecot-lmtpd (scripts/test does)"
  if postfix_running && dovecot_running; then
    log "already running in $dir"; write_env; return 0
  fi
  local p
  if ! postfix_running && ! dovecot_running; then
    for p in "$smtp_port" "$submission_port" "$smtps_port" "$imap_port" "$imaps_port"; do
      port_free "$p" || die "127.0.0.1:$p is taken by another program; choose other ports (LIAISON_TEST_*_PORT)"
    done
    wipe_mail
  fi
  mkdir -p "$dir"; chmod 0755 "$dir"
  make_tls
  write_config
  write_env
  if ! dovecot_running; then
    log "starting Dovecot (IMAP 127.0.0.1:$imap_port, IMAPS :$imaps_port)"
    start_dovecot
  fi
  if ! postfix_running; then
    log "starting Postfix (SMTP 127.0.0.1:$smtp_port, submission :$submission_port, smtps :$smtps_port)"
    postfix -c "$pf" check </dev/null >>"$dir/log/postfix.start.log" 2>&1 ||
      die "postfix check failed: read $dir/log/postfix.start.log"
    setsid postfix -c "$pf" start </dev/null >>"$dir/log/postfix.start.log" 2>&1 ||
      die "postfix did not start: read $dir/log/postfix.start.log and $dir/log/postfix.log"
  fi
  for p in "$imap_port" "$imaps_port"; do wait_port "$p" Dovecot; done
  for p in "$smtp_port" "$submission_port" "$smtps_port"; do wait_port "$p" Postfix; done
}

# Sends TERM to a master process and waits (bounded) for it to exit.
wait_gone() {
  local pid=$1 what=$2
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  log "$what (pid $pid) still running after 10 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

cmd_stop() {
  local pid
  if pid=$(postfix_pid); then
    log "stopping Postfix (pid $pid)"
    postfix -c "$pf" stop </dev/null >>"$dir/log/postfix.start.log" 2>&1 || kill "$pid" 2>/dev/null || true
    wait_gone "$pid" Postfix
  fi
  if pid=$(dovecot_pid); then
    log "stopping Dovecot (pid $pid)"
    kill "$pid" 2>/dev/null || true
    wait_gone "$pid" Dovecot
  fi
  return 0
}

cmd_status() {
  local ok=0
  if postfix_running; then echo "postfix: running (pid $(postfix_pid))"; else echo "postfix: stopped"; ok=1; fi
  if dovecot_running; then echo "dovecot: running (pid $(dovecot_pid))"; else echo "dovecot: stopped"; ok=1; fi
  return $ok
}

cmd_env() {
  [ -f "$dir/env" ] || die "no $dir/env: run scripts/servers/mail.sh start first"
  cat "$dir/env"
}

cmd_reset() {
  dovecot_running || die "not running: scripts/servers/mail.sh start"
  local pid; pid=$(dovecot_pid)
  kill "$pid"; wait_gone "$pid" Dovecot
  rm -rf "$dir/mail"; mkdir -p "$dir/mail"; chown mail:mail "$dir/mail"
  start_dovecot
  wait_port "$imap_port" Dovecot
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  reset) cmd_reset ;;
  *) echo "usage: $0 start|stop|status|env|reset" >&2; exit 2 ;;
esac
