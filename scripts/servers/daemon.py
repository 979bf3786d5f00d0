"""Start/stop/status plumbing shared by the Python test servers (fault_smtp.py, chat_receiver.py).

A server is started as `python3 SCRIPT serve ARGS…` in its own session, with stdin from
/dev/null and stdout/stderr appended to a log file: a daemon that kept the caller's
stdout/stderr open would make a caller that captures `start` wait forever. Its pid goes to
a pid file in the server's folder; `stop` signals only that pid.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_pid(pidfile):
    try:
        with open(pidfile) as f:
            pid = int(f.read().strip())
    except (OSError, ValueError):
        return None
    return pid if pid_alive(pid) else None


def http_ok(url, timeout=1.0):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status == 200
    except OSError:
        return False


def port_taken(port):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def log_tail(logfile, lines=3):
    try:
        with open(logfile, encoding="utf-8", errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError:
        return ""


def start(name, script, serve_args, workdir, status_url, env_text, ports=()):
    """Starts the server unless its pid file names a live process that answers status_url."""
    os.makedirs(workdir, exist_ok=True)
    pidfile = os.path.join(workdir, "pid")
    logfile = os.path.join(workdir, "server.log")
    pid = read_pid(pidfile)
    if pid and http_ok(status_url):
        print(f"[{name}] already running (pid {pid})", file=sys.stderr)
        write_env(workdir, env_text)
        return 0
    if pid:
        print(f"[{name}] pid {pid} does not answer {status_url}; stopping it", file=sys.stderr)
        stop(name, workdir)
    for port in ports:
        if port_taken(port):
            print(f"[{name}] 127.0.0.1:{port} is taken by another program; stop it or choose "
                  "another port (scripts/servers/README.md)", file=sys.stderr)
            return 1
    with open(logfile, "ab") as log, open(os.devnull, "rb") as devnull:
        proc = subprocess.Popen(
            [sys.executable, script, "serve", *serve_args],
            stdin=devnull, stdout=log, stderr=log, start_new_session=True, close_fds=True,
        )
    with open(pidfile, "w") as f:
        f.write(f"{proc.pid}\n")
    # Bounded wait for the server to answer; a short poll interval is fine here (setup, not
    # a timed test).
    for _ in range(100):
        if proc.poll() is not None:
            print(f"[{name}] exited at start (status {proc.returncode}); read {logfile}:\n"
                  + log_tail(logfile), file=sys.stderr)
            return 1
        if http_ok(status_url, timeout=0.5):
            print(f"[{name}] started (pid {proc.pid}); log {logfile}", file=sys.stderr)
            write_env(workdir, env_text)
            return 0
        time.sleep(0.1)
    print(f"[{name}] no answer from {status_url} after 10 s; read {logfile}", file=sys.stderr)
    proc.terminate()
    return 1


def write_env(workdir, env_text):
    with open(os.path.join(workdir, "env"), "w") as f:
        f.write(env_text)


def stop(name, workdir):
    pidfile = os.path.join(workdir, "pid")
    pid = read_pid(pidfile)
    if pid is None:
        return 0
    print(f"[{name}] stopping (pid {pid})", file=sys.stderr)
    os.kill(pid, signal.SIGTERM)
    for _ in range(100):
        if not pid_alive(pid):
            break
        time.sleep(0.1)
    else:
        print(f"[{name}] pid {pid} ignored SIGTERM for 10 s; killing it", file=sys.stderr)
        os.kill(pid, signal.SIGKILL)
    try:
        os.remove(pidfile)
    except OSError:
        pass
    return 0


def status(name, workdir, status_url):
    pid = read_pid(os.path.join(workdir, "pid"))
    if pid and http_ok(status_url):
        print(f"{name}: running (pid {pid})")
        return 0
    print(f"{name}: stopped")
    return 1


def print_env(name, workdir):
    try:
        with open(os.path.join(workdir, "env")) as f:
            sys.stdout.write(f.read())
        return 0
    except OSError:
        print(f"[{name}] not started: no {workdir}/env", file=sys.stderr)
        return 1


def exit_on_term():
    """Makes SIGTERM end the serving process through SystemExit (finally blocks run)."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))


def append_json_line(path, record):
    """Appends one record to a JSON-lines file (callers serialise calls with their lock)."""
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
