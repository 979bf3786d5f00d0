"""Harness of bench/idle.sh: how long after a mail is handed to Postfix does the `liaison run`
daemon report it fetched and applied, when it waits with IMAP IDLE (and, for comparison,
when it polls)? Two references on the same delivery: the moment the message file appears in
the recipient's Maildir (Dovecot's LMTP delivery; nothing can be faster), and the moment a
plain Python IDLE connection (ssl + raw IMAP, imaplib has no IDLE before 3.14) is told
`* N EXISTS`.

    python3 bench/idle.py BIN PROJECT_DIR US_ADDRESS K POLL_SECONDS

Prints one JSON object: the per-mail latencies (seconds) of each.
"""

import json
import os
import queue
import smtplib
import socket
import ssl
import subprocess
import sys
import threading
import time

bin_, proj, us, k, poll = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
smtp_host, smtp_port = os.environ["LIAISON_TEST_SMTP"].rsplit(":", 1)
imap_host, imap_port = os.environ["LIAISON_TEST_IMAPS"].rsplit(":", 1)
local, domain = us.split("@")
maildir = os.path.join(os.environ["LIAISON_TEST_MAIL_DIR"], "mail", domain.lower(), local.lower(), "Maildir")


def lines(stream, q):
    for line in iter(stream.readline, b""):
        q.put((time.perf_counter(), line.decode("utf-8", "replace")))
    q.put((time.perf_counter(), None))


def wait_for(q, pred, bound=120):
    end = time.perf_counter() + bound
    while True:
        t, line = q.get(timeout=max(0.01, end - time.perf_counter()))
        if line is None:
            raise SystemExit("the daemon exited")
        if pred(line):
            return t, line


class PyIdle(threading.Thread):
    """A plain IDLE watcher of the same inbox: records when each EXISTS arrives."""

    def __init__(self):
        super().__init__(daemon=True)
        ctx = ssl.create_default_context(cafile=os.environ["LIAISON_TEST_MAIL_CA"])
        self.s = ctx.wrap_socket(socket.create_connection((imap_host, int(imap_port))), server_hostname=imap_host)
        self.f = self.s.makefile("rb")
        self.f.readline()
        pw = os.environ["LIAISON_TEST_MAIL_SANDBOX_PASSWORD"]
        self.cmd(b'a1 LOGIN "%s" "%s"' % (us.encode(), pw.encode()), b"a1 ")
        self.cmd(b"a2 EXAMINE INBOX", b"a2 ")
        self.s.sendall(b"a3 IDLE\r\n")
        while not self.f.readline().startswith(b"+"):
            pass
        self.seen = queue.Queue()

    def cmd(self, c, tag):
        self.s.sendall(c + b"\r\n")
        while True:
            line = self.f.readline()
            if line.startswith(tag):
                return line

    def run(self):
        for line in iter(self.f.readline, b""):
            if line.endswith(b"EXISTS\r\n"):
                self.seen.put(time.perf_counter())


def on_disk(before):
    names = set()
    for d in ("new", "cur"):
        try:
            names |= set(os.listdir(os.path.join(maildir, d)))
        except FileNotFoundError:
            pass
    return len(names - before) > 0, names


def measure(mode):
    args = [bin_, "--config", os.path.join(proj, "liaison.toml"), "--db", os.path.join(proj, f"{mode}.db"),
            "--now", "2026-12-01T10:00:00+08:00", "run", "--poll", str(poll if mode == "poll" else 3600),
            "--format", "json", "-v"]
    env = dict(os.environ, LIAISON_LANG="en")
    if mode == "poll":
        cfg = open(os.path.join(proj, "liaison.toml")).read().replace("[imap]\n", "[imap]\nidle = false\n")
        open(os.path.join(proj, "poll.toml"), "w").write(cfg)
        args[2] = os.path.join(proj, "poll.toml")
    p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out, err = queue.Queue(), queue.Queue()
    threading.Thread(target=lines, args=(p.stdout, out), daemon=True).start()
    threading.Thread(target=lines, args=(p.stderr, err), daemon=True).start()
    py = PyIdle() if mode == "idle" else None
    if py:
        py.start()
    res = {"liaison": [], "disk": [], "python_idle": []}
    s = smtplib.SMTP(smtp_host, int(smtp_port))
    for i in range(k):
        wait_for(err, lambda line: "liaison::run: waiting" in line)
        _, before = on_disk(set())
        msg = (f"From: <them@example.com>\r\nTo: <{us}>\r\nSubject: idle bench {i}\r\n"
               f"Date: Tue, 01 Dec 2026 10:00:00 +0800\r\nMessage-ID: <idle{i}.{mode}.{os.getpid()}@bench.test>\r\n\r\nhello {i}\r\n")
        t0 = time.perf_counter()
        s.sendmail("them@example.com", [us], msg.encode())
        t_disk = None
        while True:
            try:
                t, line = out.get(timeout=0.001)
                r = json.loads(line)
                # A report read before the hand-over is about older mail (the first pass).
                if t > t0 and sum(f["fetched"] for f in (r.get("fetched") or {}).get("folders", []) if f["role"] == "inbox"):
                    break
            except queue.Empty:
                pass
            if t_disk is None and on_disk(before)[0]:
                t_disk = time.perf_counter()
            if time.perf_counter() - t0 > poll + 120:
                raise SystemExit("no report")
        res["liaison"].append(t - t0)
        res["disk"].append((t_disk or t) - t0)
        if py:
            res["python_idle"].append(py.seen.get(timeout=60) - t0)
    s.quit()
    p.terminate()
    p.wait(timeout=30)
    return res


mode = os.environ.get("BENCH_MODE", "idle")
print(json.dumps(measure(mode)))
