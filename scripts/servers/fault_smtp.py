#!/usr/bin/env python3
"""A fault-injecting SMTP server for the outbox tests (PyPI aiosmtpd), with an HTTP control.

    fault_smtp.py start|stop|status|env      # daemon on 127.0.0.1 (ports below)
    fault_smtp.py serve [--port P] …          # in the foreground (what `start` runs)

Needs aiosmtpd: run it with the test virtualenv (`.venv-test/bin/python3`, which scripts/test
creates and puts first on PATH).

Modes (what the server does with one SMTP transaction):
    ok                  accept the message (250) and record it
    drop-after-data     read the whole message, record it, close the connection without a
                        reply (the client cannot know whether it was delivered); also
                        drop-mail / drop-rcpt: close instead of answering MAIL / RCPT
    CODE-STAGE          answer CODE (4xx or 5xx, e.g. 451-mail, 451-rcpt, 451-data, 550-mail,
                        550-rcpt, 554-data) to MAIL, RCPT or to the end of DATA
    hang-STAGE          never answer (greeting, mail, rcpt or data): the client times out;
                        the connection is closed after --hang-seconds (default 600)
    greet-421           answer the connection with 421 and close it

How a mode is chosen, the last that applies wins:
  1. the default, --mode or LIAISON_FAULT_SMTP_MODE (ok);
  2. the control queue, one mode per new connection: POST /_mode?mode=M&count=N;
  3. the envelope sender: MAIL FROM:<fault-M@any.domain> (a "+tag" after M is ignored);
  4. a recipient: RCPT TO:<fault-M@any.domain>; a rcpt-stage fault from a recipient applies
     to that recipient only, other recipients of the transaction are accepted.
Address selection (3, 4) is per message and safe for tests that run in parallel; the control
queue is shared by all clients, so tests using it must not run at the same time.

Control (HTTP on --control-port, JSON replies):
    GET  /_status                       {"ok": true, "default": …, "queue": […], "count": N}
    GET  /_received[?outcome=…&rcpt=…&mail_from=…]   {"transactions": […]}
    POST /_mode?mode=M[&count=N]        queue M for the next N connections (default 1)
    POST /_default?mode=M               change the default mode
    POST /_reset                        forget transactions, queue and default
Every transaction is also appended to the JSON-lines file --log (received.jsonl). Fields:
seq, conn, peer, tls, auth, mode, stage (greeting|mail|rcpt|data), outcome (accepted |
rejected | dropped | hung), reply, mail_from, rcpt_tos (accepted recipients), rejected_rcpts,
message_id, subject, size, sha256, data (the message as text, UTF-8 with replacement).
A delivery the client may not know about is outcome "dropped"; count "accepted" and
"dropped" together to know what the server received.

AUTH PLAIN/LOGIN is offered (also without TLS, on loopback) and optional; a login succeeds
with a password from LIAISON_TEST_MAIL_USERS (user:pass,…) or with the sandbox password for
an address in LIAISON_TEST_MAIL_SANDBOX_DOMAIN, like the Postfix test server. STARTTLS is
offered when --tls-cert and --tls-key are given.
"""
import argparse
import asyncio
import hashlib
import json
import os
import re
import ssl
import sys
import threading
import urllib.parse
from email.parser import BytesHeaderParser
from email.policy import default as default_policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import daemon  # noqa: E402

NAME = "fault_smtp"
DEFAULT_DIR = os.environ.get("LIAISON_TEST_FAULT_SMTP_DIR", "/tmp/liaison-test-fault-smtp")
DEFAULT_PORT = int(os.environ.get("LIAISON_TEST_FAULT_SMTP_PORT", "52526"))
DEFAULT_CONTROL_PORT = int(os.environ.get("LIAISON_TEST_FAULT_SMTP_CONTROL_PORT", "52527"))

MODE_RE = re.compile(r"^(ok|greet-421|drop-after-data|drop-(mail|rcpt|data)|"
                     r"hang-(greeting|mail|rcpt|data)|[45]\d\d-(mail|rcpt|data))$")


def valid_mode(mode):
    return bool(MODE_RE.match(mode or ""))


def mode_stage(mode):
    """The SMTP stage a mode acts at (None for ok)."""
    if mode in (None, "ok"):
        return None
    if mode == "greet-421":
        return "greeting"
    if mode == "drop-after-data":
        return "data"
    return mode.rsplit("-", 1)[1]


def mode_from_address(address):
    """fault-MODE[+tag]@domain -> MODE, else None."""
    local = (address or "").split("@", 1)[0].lower()
    local = local.split("+", 1)[0]
    if local.startswith("fault-") and valid_mode(local[len("fault-"):]):
        return local[len("fault-"):]
    return None


class State:
    """What the control endpoint and the SMTP side share (guarded by one lock)."""

    def __init__(self, default_mode, log_path):
        self.lock = threading.Lock()
        self.env_default = default_mode
        self.default = default_mode
        self.queue = []
        self.transactions = []
        self.conn_seq = 0
        self.log_path = log_path

    def next_connection(self):
        with self.lock:
            self.conn_seq += 1
            mode = self.queue.pop(0) if self.queue else self.default
            return self.conn_seq, mode

    def record(self, rec):
        with self.lock:
            rec["seq"] = len(self.transactions) + 1
            self.transactions.append(rec)
            daemon.append_json_line(self.log_path, rec)


def auth_passwords():
    users = {}
    for item in filter(None, os.environ.get("LIAISON_TEST_MAIL_USERS", "").split(",")):
        user, _, password = item.partition(":")
        users[user.lower()] = password
    return users, os.environ.get("LIAISON_TEST_MAIL_SANDBOX_DOMAIN", "").lower(), \
        os.environ.get("LIAISON_TEST_MAIL_SANDBOX_PASSWORD", "")


def make_handler_and_protocol(state, hang_seconds):
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

    users, sandbox_domain, sandbox_password = auth_passwords()

    def authenticator(server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login = auth_data.login.decode("utf-8", "replace").lower()
        password = auth_data.password.decode("utf-8", "replace")
        ok = users.get(login) == password or (
            sandbox_domain and login.endswith("@" + sandbox_domain)
            and password == sandbox_password)
        return AuthResult(success=bool(ok), handled=False, auth_data=auth_data)

    class Handler:
        def base_record(self, server, envelope, mode, stage):
            return {
                "conn": server.conn_id,
                "peer": "%s:%s" % tuple(server.session.peer[:2]) if server.session.peer else None,
                "tls": server.session.ssl is not None,
                "auth": (server.session.auth_data.login.decode("utf-8", "replace")
                         if server.session.authenticated else None),
                "mode": mode,
                "stage": stage,
                "mail_from": envelope.mail_from,
                "rcpt_tos": list(envelope.rcpt_tos),
                "rejected_rcpts": list(getattr(envelope, "rejected_rcpts", [])),
                "message_id": None, "subject": None, "size": None, "sha256": None,
                "data": None, "reply": None,
            }

        async def fault(self, server, envelope, mode, stage):
            """Acts out a non-ok mode at its stage; returns the reply, or never returns."""
            rec = self.base_record(server, envelope, mode, stage)
            if stage == "data":
                add_message(rec, envelope.original_content or b"")
            if mode.startswith("drop-"):
                rec["outcome"] = "dropped"
                state.record(rec)
                server.transport.abort()
                await asyncio.sleep(hang_seconds)  # cancelled by connection_lost
                return "421 4.3.0 dropped"  # not reached in practice
            if mode.startswith("hang-"):
                rec["outcome"] = "hung"
                state.record(rec)
                await asyncio.sleep(hang_seconds)
                server.transport.close()
                return "421 4.4.2 hang ended"
            code = mode.split("-", 1)[0]
            reply = f"{code} {code[0]}.3.0 fault injected by liaison test server ({mode})"
            rec["outcome"] = "rejected"
            rec["reply"] = reply
            state.record(rec)
            return reply

        async def handle_MAIL(self, server, session, envelope, address, mail_options):
            mode = mode_from_address(address) or server.conn_mode
            envelope.fault_mode = mode
            envelope.rejected_rcpts = []
            envelope.mail_from = address
            envelope.mail_options.extend(mail_options)
            if mode_stage(mode) == "mail":
                reply = await self.fault(server, envelope, mode, "mail")
                envelope.mail_from = None  # a refused MAIL opens no transaction
                return reply
            return "250 2.1.0 OK"

        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            own = mode_from_address(address)
            mode = getattr(envelope, "fault_mode", server.conn_mode)
            if own and mode_stage(own) == "rcpt":
                envelope.rejected_rcpts.append(address)
                return await self.fault(server, envelope, own, "rcpt")
            if own:
                envelope.fault_mode = mode = own
            if mode_stage(mode) == "rcpt":
                envelope.rejected_rcpts.append(address)
                return await self.fault(server, envelope, mode, "rcpt")
            envelope.rcpt_tos.append(address)
            envelope.rcpt_options.extend(rcpt_options)
            return "250 2.1.5 OK"

        async def handle_DATA(self, server, session, envelope):
            mode = getattr(envelope, "fault_mode", server.conn_mode)
            if mode_stage(mode) == "data":
                return await self.fault(server, envelope, mode, "data")
            rec = self.base_record(server, envelope, mode or "ok", "data")
            add_message(rec, envelope.original_content or b"")
            rec["outcome"] = "accepted"
            rec["reply"] = "250 2.0.0 OK"
            state.record(rec)
            return "250 2.0.0 OK queued as %d" % rec["seq"]

    class FaultSMTP(SMTP):
        async def _handle_client(self):
            self.conn_id, self.conn_mode = state.next_connection()
            if self.conn_mode == "greet-421":
                rec = Handler().base_record(self, self.envelope, "greet-421", "greeting")
                rec["outcome"] = "rejected"
                rec["reply"] = "421 4.3.2 fault injected by liaison test server (greet-421)"
                state.record(rec)
                await self.push(rec["reply"])
                self.transport.close()
                return
            if self.conn_mode == "hang-greeting":
                rec = Handler().base_record(self, self.envelope, "hang-greeting", "greeting")
                rec["outcome"] = "hung"
                state.record(rec)
                await asyncio.sleep(hang_seconds)
                self.transport.close()
                return
            await super()._handle_client()

    return Handler(), FaultSMTP, authenticator


def add_message(rec, raw):
    rec["size"] = len(raw)
    rec["sha256"] = hashlib.sha256(raw).hexdigest()
    rec["data"] = raw.decode("utf-8", "replace")
    try:
        headers = BytesHeaderParser(policy=default_policy).parsebytes(raw)
        rec["message_id"] = str(headers.get("Message-ID", "")).strip() or None
        rec["subject"] = str(headers.get("Subject", "")) or None
    except Exception:  # a malformed header is recorded as data only
        pass


def control_server(state, port):
    class Control(BaseHTTPRequestHandler):
        def log_message(self, fmt, *args):
            sys.stderr.write("control: " + (fmt % args) + "\n")

        def reply(self, status, obj):
            body = json.dumps(obj, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def parse(self):
            url = urllib.parse.urlsplit(self.path)
            return url.path, {k: v[-1] for k, v in urllib.parse.parse_qs(url.query).items()}

        def do_GET(self):
            path, q = self.parse()
            if path == "/_status":
                with state.lock:
                    return self.reply(200, {"ok": True, "default": state.default,
                                            "queue": list(state.queue),
                                            "count": len(state.transactions)})
            if path == "/_received":
                with state.lock:
                    items = list(state.transactions)
                if "outcome" in q:
                    items = [t for t in items if t["outcome"] == q["outcome"]]
                if "rcpt" in q:
                    r = q["rcpt"].lower()
                    items = [t for t in items
                             if r in [a.lower() for a in t["rcpt_tos"] + t["rejected_rcpts"]]]
                if "mail_from" in q:
                    items = [t for t in items if (t["mail_from"] or "").lower()
                             == q["mail_from"].lower()]
                return self.reply(200, {"transactions": items})
            self.reply(404, {"error": f"unknown path {path}"})

        def do_POST(self):
            path, q = self.parse()
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            if path in ("/_mode", "/_default"):
                mode = q.get("mode", "")
                if not valid_mode(mode):
                    return self.reply(400, {"error": f"unknown mode {mode!r}; see the header "
                                            "of scripts/servers/fault_smtp.py"})
                with state.lock:
                    if path == "/_default":
                        state.default = mode
                    else:
                        try:
                            count = int(q.get("count", "1"))
                        except ValueError:
                            return self.reply(400, {"error": "count must be an integer"})
                        state.queue.extend([mode] * count)
                    return self.reply(200, {"ok": True, "default": state.default,
                                            "queue": list(state.queue)})
            if path == "/_reset":
                with state.lock:
                    state.queue.clear()
                    state.default = state.env_default
                    state.transactions.clear()
                    open(state.log_path, "w").close()
                return self.reply(200, {"ok": True})
            self.reply(404, {"error": f"unknown path {path}"})

    server = ThreadingHTTPServer(("127.0.0.1", port), Control)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def serve(args):
    daemon.exit_on_term()
    mode = args.mode or os.environ.get("LIAISON_FAULT_SMTP_MODE", "ok")
    if not valid_mode(mode):
        sys.exit(f"unknown mode {mode!r}")
    os.makedirs(args.dir, exist_ok=True)
    log_path = os.path.join(args.dir, "received.jsonl")
    open(log_path, "w").close()
    state = State(mode, log_path)
    handler, protocol, authenticator = make_handler_and_protocol(state, args.hang_seconds)
    tls = None
    if args.tls_cert and args.tls_key:
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls.load_cert_chain(args.tls_cert, args.tls_key)

    def factory():
        return protocol(handler, hostname="fault.example.com", ident="liaison-test-fault",
                        enable_SMTPUTF8=True, tls_context=tls, auth_require_tls=False,
                        authenticator=authenticator, timeout=args.hang_seconds + 60)

    control_server(state, args.control_port)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    srv = loop.run_until_complete(loop.create_server(factory, "127.0.0.1", args.port))
    print(f"fault SMTP on 127.0.0.1:{args.port}, control http://127.0.0.1:{args.control_port}, "
          f"default mode {mode}", file=sys.stderr, flush=True)
    try:
        loop.run_forever()
    finally:
        srv.close()


def env_text(args):
    return (f"export LIAISON_TEST_FAULT_SMTP=127.0.0.1:{args.port}\n"
            f"export LIAISON_TEST_FAULT_SMTP_CONTROL=http://127.0.0.1:{args.control_port}\n"
            f"export LIAISON_TEST_FAULT_SMTP_LOG={os.path.join(args.dir, 'received.jsonl')}\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("command", choices=["start", "stop", "status", "env", "serve"])
    p.add_argument("--port", type=int, default=DEFAULT_PORT)
    p.add_argument("--control-port", type=int, default=DEFAULT_CONTROL_PORT)
    p.add_argument("--dir", default=DEFAULT_DIR, help="pid, log and received.jsonl")
    p.add_argument("--mode", help="default mode (else LIAISON_FAULT_SMTP_MODE, else ok)")
    p.add_argument("--hang-seconds", type=float, default=600.0)
    p.add_argument("--tls-cert", help="certificate (PEM) to offer STARTTLS with")
    p.add_argument("--tls-key")
    args = p.parse_args()
    status_url = f"http://127.0.0.1:{args.control_port}/_status"
    if args.command == "serve":
        return serve(args)
    if args.command == "start":
        try:
            import aiosmtpd  # noqa: F401
        except ImportError:
            sys.exit("[fault_smtp] aiosmtpd is missing: run with .venv-test/bin/python3 "
                     "(scripts/test creates it) or pip install aiosmtpd")
        fwd = ["--port", str(args.port), "--control-port", str(args.control_port),
               "--dir", args.dir, "--hang-seconds", str(args.hang_seconds)]
        if args.mode:
            fwd += ["--mode", args.mode]
        if args.tls_cert and args.tls_key:
            fwd += ["--tls-cert", args.tls_cert, "--tls-key", args.tls_key]
        return daemon.start(NAME, os.path.abspath(__file__), fwd, args.dir, status_url,
                            env_text(args), ports=(args.port, args.control_port))
    if args.command == "stop":
        return daemon.stop(NAME, args.dir)
    if args.command == "status":
        return daemon.status(NAME, args.dir, status_url)
    return daemon.print_env(NAME, args.dir)


if __name__ == "__main__":
    sys.exit(main())
