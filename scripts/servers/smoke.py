#!/usr/bin/env python3
"""Smoke test of the test servers (stdlib only): proves Postfix, Dovecot, the fault SMTP
server and the chat receiver do what the Rust tests will rely on. scripts/test runs it after
starting them and before cargo test; by hand:

    eval "$(scripts/servers/mail.sh env)"; eval "$(… fault_smtp.py env)"; eval "$(… chat_receiver.py env)"
    python3 scripts/servers/smoke.py

Reads the LIAISON_TEST_* variables those `env` commands print. Every message and webhook
token carries a fresh tag, so it also works against servers that already hold other mail.
Delivery through Postfix is asynchronous: IMAP is polled a bounded number of times.
"""
import base64
import hashlib
import hmac
import imaplib
import json
import os
import smtplib
import socket
import ssl
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default as default_policy

FAILURES = []


def check(ok, what, hint=""):
    if ok:
        print(f"ok   {what}")
    else:
        print(f"FAIL {what}" + (f"\n     {hint}" if hint else ""))
        FAILURES.append(what)
    return ok


def env(name):
    v = os.environ.get(name)
    if not v:
        sys.exit(f"smoke: {name} is not set; start the servers and eval their env (see "
                 "scripts/servers/README.md)")
    return v


def hostport(name):
    host, port = env(name).rsplit(":", 1)
    return host, int(port)


def expect_error(fn, code_prefix):
    """Runs fn; returns (True, detail) when it raised an SMTP error whose code starts with
    code_prefix (e.g. "5", "451")."""
    try:
        fn()
    except smtplib.SMTPRecipientsRefused as e:
        codes = [str(c) for c, _ in e.recipients.values()]
        return all(c.startswith(code_prefix) for c in codes), f"refused {e.recipients}"
    except smtplib.SMTPResponseException as e:
        return str(e.smtp_code).startswith(code_prefix), f"{e.smtp_code} {e.smtp_error!r}"
    except smtplib.SMTPException as e:
        return False, f"{type(e).__name__}: {e}"
    return False, "no error"


# --- mail -------------------------------------------------------------------------------

def make_message(tag, sender, to, subject):
    m = EmailMessage()
    m["From"] = sender
    m["To"] = ", ".join(to)
    m["Subject"] = subject
    m["Message-ID"] = f"<smoke-{tag}@liaison.test>"
    m["Date"] = "Mon, 30 Nov 2026 10:00:00 +0800"
    m.set_content(f"冒烟测试 {tag}\n请查收。\n")
    return m


def imap_find(connect, user, password, message_id, mailbox="INBOX", attempts=100, pause=0.1):
    """Polls mailbox until a message with message_id appears (bounded); returns its bytes."""
    im = connect()
    try:
        im.login(user, password)
        for _ in range(attempts):
            typ, _ = im.select(mailbox, readonly=True)
            if typ != "OK":
                return None
            typ, data = im.uid("SEARCH", None, "HEADER", "Message-ID", message_id)
            uids = data[0].split() if typ == "OK" and data and data[0] else []
            if uids:
                typ, msg = im.uid("FETCH", uids[-1], "(BODY.PEEK[])")
                return msg[0][1]
            im.close()
            time.sleep(pause)
        return None
    finally:
        try:
            im.logout()
        except Exception:
            pass


def smoke_mail():
    users = dict(u.split(":", 1) for u in env("LIAISON_TEST_MAIL_USERS").split(","))
    ca = env("LIAISON_TEST_MAIL_CA")
    logs = env("LIAISON_TEST_MAIL_LOG")
    sandbox = env("LIAISON_TEST_MAIL_SANDBOX_DOMAIN")
    sandbox_pw = env("LIAISON_TEST_MAIL_SANDBOX_PASSWORD")
    smtp, starttls, smtps = hostport("LIAISON_TEST_SMTP"), hostport(
        "LIAISON_TEST_SMTP_STARTTLS"), hostport("LIAISON_TEST_SMTP_TLS")
    imap, imaps = hostport("LIAISON_TEST_IMAP"), hostport("LIAISON_TEST_IMAPS")
    ctx = ssl.create_default_context(cafile=ca)  # verifies the chain and the IP SAN
    hint = f"read {logs}/postfix.log and {logs}/dovecot.log"
    tag = uuid.uuid4().hex[:12]
    me, zhang, lina = "wanglei@example.com", "zhangwei@example.com", "lina@example.com"
    for u in (me, zhang, lina):
        check(u in users, f"user {u} is in LIAISON_TEST_MAIL_USERS")

    def plain():
        return imaplib.IMAP4(*imap)

    def tls():
        return imaplib.IMAP4_SSL(*imaps, ssl_context=ctx)

    # 1. plain SMTP on loopback, no AUTH, two recipients; Chinese subject.
    subject1 = f"【需求对接】冒烟测试 {tag}"
    m1 = make_message(tag + "-a", me, [zhang, lina], subject1)
    with smtplib.SMTP(*smtp, timeout=10) as s:
        s.ehlo()
        check(s.has_extn("starttls") and s.has_extn("auth"),
              "plain SMTP port offers STARTTLS and AUTH", s.esmtp_features)
        refused = s.send_message(m1)
        check(refused == {}, "plain SMTP accepts mail for two example.com users")
        ok, detail = expect_error(lambda: s.sendmail(me, ["someone@outside.test"], b"x"), "554")
        check(ok, "plain SMTP refuses relaying to an outside domain (554)", detail)
        ok, detail = expect_error(lambda: s.sendmail(me, ["nobody@example.com"], b"x"), "550")
        check(ok, "plain SMTP refuses an unknown user (550)", detail)

    # 2. submission: STARTTLS required before AUTH, AUTH required before mail.
    m2 = make_message(tag + "-b", lina, [me], f"Re: 冒烟测试 {tag}")
    with smtplib.SMTP(*starttls, timeout=10) as s:
        s.ehlo()
        check(not s.has_extn("auth"), "submission port hides AUTH before STARTTLS")
        ok, detail = expect_error(lambda: s.sendmail(lina, [me], b"x"), "5")
        check(ok, "submission port refuses mail before STARTTLS", detail)
    with smtplib.SMTP(*starttls, timeout=10) as s:
        s.starttls(context=ctx)
        s.ehlo()
        check(s.has_extn("auth") and "PLAIN" in s.esmtp_features.get("auth", "")
              and "LOGIN" in s.esmtp_features.get("auth", ""),
              "submission port offers AUTH PLAIN LOGIN after STARTTLS (CA-verified)")
        ok, detail = expect_error(lambda: s.sendmail(lina, [me], b"x"), "5")
        check(ok, "submission port refuses mail without AUTH", detail)
    with smtplib.SMTP(*starttls, timeout=10) as s:
        s.starttls(context=ctx)
        ok, detail = expect_error(lambda: s.login(lina, "wrong-password"), "535")
        check(ok, "submission port refuses a wrong password (535)", detail)
    with smtplib.SMTP(*starttls, timeout=10) as s:
        s.starttls(context=ctx)
        s.login(lina, users[lina])
        check(s.send_message(m2) == {}, "STARTTLS + AUTH LOGIN/PLAIN sends lina -> wanglei")

    # 3. smtps (implicit TLS) + AUTH as a sandbox address.
    box = f"smoke-{tag}@{sandbox}"
    m3 = make_message(tag + "-c", box, [box], f"sandbox {tag}")
    with smtplib.SMTP_SSL(*smtps, context=ctx, timeout=10) as s:
        s.login(box, sandbox_pw)
        check(s.send_message(m3) == {}, "implicit TLS + AUTH as a sandbox address")

    # 4. delivery, read back over IMAP (plain), IMAPS and IMAP STARTTLS.
    for user, conn, msg, how in ((zhang, plain, m1, "IMAP"), (lina, tls, m1, "IMAPS"),
                                 (me, tls, m2, "IMAPS"), (box, plain, m3, "IMAP")):
        password = sandbox_pw if user == box else users[user]
        raw = imap_find(conn, user, password, msg["Message-ID"])
        if check(raw is not None, f"{msg['Message-ID']} reached {user}'s INBOX ({how})",
                 f"not there after 100 polls (10 s); {hint}"):
            got = BytesParser(policy=default_policy).parsebytes(raw)
            check(str(got["Subject"]) == str(msg["Subject"]),
                  f"subject survives delivery to {user}: {got['Subject']}")
    im = imaplib.IMAP4(*imap)
    im.starttls(ssl_context=ctx)
    typ, _ = im.login(zhang, users[zhang])
    check(typ == "OK", "IMAP STARTTLS on the plain port, CA-verified")
    im.logout()
    im = imaplib.IMAP4(*imap)
    try:
        im.login(zhang, "wrong-password")
        check(False, "IMAP refuses a wrong password")
    except imaplib.IMAP4.error:
        check(True, "IMAP refuses a wrong password")
    im.logout()

    # 5. SPECIAL-USE folders and APPEND to Sent.
    im = tls()
    im.login(me, users[me])
    caps = im.capability()[1][0].decode().split()
    check("SPECIAL-USE" in caps and "IDLE" in caps,
          "IMAP capability lists SPECIAL-USE and IDLE after login", caps)
    typ, listing = im.list()
    flags = {}
    for line in listing:
        line = line.decode()
        name = line.rsplit(" ", 1)[-1].strip('"')
        flags[name] = line.split(")", 1)[0]
    for folder, use in (("Sent", "\\Sent"), ("Drafts", "\\Drafts"), ("Trash", "\\Trash"),
                        ("Junk", "\\Junk")):
        check(use in flags.get(folder, ""), f"LIST shows {folder} with {use}", str(listing))
    sent = make_message(tag + "-sent", me, [zhang], f"sent copy {tag}")
    typ, _ = im.append("Sent", "(\\Seen)", imaplib.Time2Internaldate(time.time()),
                       sent.as_bytes())
    check(typ == "OK", "APPEND to Sent")
    im.logout()
    check(imap_find(tls, me, users[me], sent["Message-ID"], mailbox="Sent", attempts=1)
          is not None, "the appended message is in Sent")


# --- fault SMTP -------------------------------------------------------------------------

def control(base, path, method="GET"):
    req = urllib.request.Request(base + path, method=method)
    with urllib.request.urlopen(req, timeout=5) as r:
        return json.load(r)


def smoke_fault():
    host, port = hostport("LIAISON_TEST_FAULT_SMTP")
    ctl = env("LIAISON_TEST_FAULT_SMTP_CONTROL")
    tag = uuid.uuid4().hex[:12]
    sender = "wanglei@example.com"
    body = f"Subject: fault {tag}\r\nMessage-ID: <fault-{tag}@liaison.test>\r\n\r\nx\r\n"

    def send(mail_from, rcpts, timeout=5, login=None):
        with smtplib.SMTP(host, port, timeout=timeout) as s:
            if login:
                s.login(*login)
            return s.sendmail(mail_from, rcpts, body.encode())

    ok_rcpt = f"zhangwei+{tag}@example.com"
    check(send(sender, [ok_rcpt]) == {}, "fault server accepts a message in mode ok")
    for frm, rcpt, code, what in (
            (f"fault-451-mail+{tag}@example.com", ok_rcpt, "451", "451 to MAIL (by sender)"),
            (sender, f"fault-451-rcpt+{tag}@example.com", "451", "451 to RCPT (by recipient)"),
            (sender, f"fault-550-rcpt+{tag}@example.com", "550", "550 to RCPT"),
            (sender, f"fault-451-data+{tag}@example.com", "451", "451 after DATA"),
            (sender, f"fault-554-data+{tag}@example.com", "554", "554 after DATA")):
        ok, detail = expect_error(lambda: send(frm, [rcpt]), code)
        check(ok, f"fault server answers {what}", detail)
    drop = f"fault-drop-after-data+{tag}@example.com"
    try:
        send(sender, [drop])
        check(False, "drop-after-data closes the connection without a reply")
    except smtplib.SMTPServerDisconnected:
        check(True, "drop-after-data closes the connection without a reply")
    hang = f"fault-hang-data+{tag}@example.com"
    try:
        send(sender, [hang], timeout=1)
        check(False, "hang-data never answers (client times out)")
    except (socket.timeout, smtplib.SMTPServerDisconnected) as e:
        check("timed out" in str(e), "hang-data never answers (client times out)", repr(e))
    users = dict(u.split(":", 1) for u in env("LIAISON_TEST_MAIL_USERS").split(","))
    check(send(sender, [ok_rcpt], login=("lina@example.com", users["lina@example.com"])) == {},
          "fault server takes AUTH with a test user's password")

    got = control(ctl, "/_received?rcpt=" + urllib.parse.quote(ok_rcpt))["transactions"]
    accepted = [t for t in got if t["outcome"] == "accepted"]
    check(len(accepted) == 2 and accepted[0]["message_id"] == f"<fault-{tag}@liaison.test>",
          "control /_received counts the two accepted deliveries", json.dumps(got)[:300])
    dropped = control(ctl, "/_received?rcpt=" + urllib.parse.quote(drop))["transactions"]
    check([t["outcome"] for t in dropped] == ["dropped"] and dropped[0]["size"] > 0,
          "the dropped message was received in full and recorded as dropped")
    log_lines = open(env("LIAISON_TEST_FAULT_SMTP_LOG"), encoding="utf-8").read()
    check(tag in log_lines, "transactions are in LIAISON_TEST_FAULT_SMTP_LOG")

    # A queued per-connection mode: the next connection is greeted with 421. The queue is
    # shared, so make sure nothing else is queued first.
    if control(ctl, "/_status")["queue"]:
        check(False, "fault server control queue is empty before the queued-mode check")
        return
    control(ctl, "/_mode?mode=greet-421&count=1", "POST")
    try:
        send(sender, [ok_rcpt])
        check(False, "a queued greet-421 answers the next connection with 421")
    except smtplib.SMTPConnectError as e:
        check(e.smtp_code == 421, "a queued greet-421 answers the next connection with 421")
    check(send(sender, [ok_rcpt]) == {}, "the connection after it is back to the default")


# --- chat receiver ----------------------------------------------------------------------

NOW_MS = 1795975200000  # 2026-11-30T10:00:00+08:00, the receiver's clock for these checks


def post(url, payload, ctype="application/json; charset=utf-8", timeout=5):
    data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    req = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": ctype})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, dict(r.headers), json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), json.load(e)


def dingtalk_sign(secret, ts):
    d = hmac.new(secret.encode(), f"{ts}\n{secret}".encode(), hashlib.sha256).digest()
    return base64.b64encode(d).decode()


def feishu_sign(secret, ts):
    d = hmac.new(f"{ts}\n{secret}".encode(), b"", hashlib.sha256).digest()
    return base64.b64encode(d).decode()


def smoke_chat():
    base = env("LIAISON_TEST_CHAT")
    bots = {}
    for item in env("LIAISON_TEST_CHAT_BOTS").split(","):
        vendor, token, secret = item.split(":", 2)
        bots[token] = secret
    tag = uuid.uuid4().hex[:12]
    at = f"{base}/now/{NOW_MS}"

    # DingTalk
    token, secret = f"dingtalk-signed.{tag}", bots["dingtalk-signed"]
    ts = NOW_MS - 60_000
    q = lambda ts, sign: urllib.parse.urlencode(  # noqa: E731
        {"access_token": token, "timestamp": ts, "sign": sign})
    msg = {"msgtype": "text", "text": {"content": "@13800000001 请反馈需求评审意见"},
           "at": {"atMobiles": ["13800000001"], "atUserIds": [], "isAtAll": False}}
    _, _, r = post(f"{at}/robot/send?{q(ts, dingtalk_sign(secret, ts))}", msg)
    check(r == {"errcode": 0, "errmsg": "ok"}, "DingTalk: a correctly signed text is accepted", r)
    _, _, r = post(f"{at}/robot/send?{q(ts, dingtalk_sign('SECwrong', ts))}", msg)
    check(r.get("errcode") == 310000, "DingTalk: a wrong signature is refused (310000)", r)
    old = NOW_MS - 2 * 3600_000
    _, _, r = post(f"{at}/robot/send?{q(old, dingtalk_sign(secret, old))}", msg)
    check(r.get("errcode") == 310000, "DingTalk: a timestamp 2 h old is refused", r)
    plus_ts = next(t for t in range(ts, ts + 1000) if "+" in dingtalk_sign(secret, t))
    raw = (f"{at}/robot/send?access_token={token}&timestamp={plus_ts}"
           f"&sign={dingtalk_sign(secret, plus_ts)}")
    _, _, r = post(raw, msg)
    check(r.get("errcode") == 310000, "DingTalk: a sign sent without URL-encoding is refused", r)
    _, _, r = post(f"{at}/robot/send?{q(ts, dingtalk_sign(secret, ts))}",
                   {"msgtype": "markdown", "markdown": {"title": "催办", "text": "### 催办"}})
    check(r.get("errcode") == 0, "DingTalk: markdown is accepted", r)
    _, _, r = post(f"{at}/robot/send?access_token=no-such-token", msg)
    check(r.get("errcode") not in (0, None), "DingTalk: an unknown token is refused", r)

    # Feishu
    token, secret = f"feishu-signed.{tag}", bots["feishu-signed"]
    fts = NOW_MS // 1000 - 30
    card = {"msg_type": "text",
            "content": {"text": '<at user_id="ou_lina">李娜</at> 请反馈需求评审意见'}}
    _, _, r = post(f"{at}/open-apis/bot/v2/hook/{token}",
                   {"timestamp": str(fts), "sign": feishu_sign(secret, fts), **card})
    check(r.get("code") == 0 and r.get("msg") == "success",
          "Feishu: a correctly signed text is accepted", r)
    _, _, r = post(f"{at}/open-apis/bot/v2/hook/{token}",
                   {"timestamp": str(fts), "sign": feishu_sign("wrong", fts), **card})
    check(r.get("code") == 19021, "Feishu: a wrong signature is refused (19021)", r)
    _, _, r = post(f"{at}/open-apis/bot/v2/hook/{token}", card)
    check(r.get("code") == 19021, "Feishu: an unsigned request to a signed bot is refused", r)
    post_msg = {"msg_type": "post", "content": {"post": {"zh_cn": {
        "title": "催办", "content": [[{"tag": "at", "user_id": "ou_lina"},
                                     {"tag": "text", "text": " 请反馈"}]]}}}}
    _, _, r = post(f"{at}/open-apis/bot/v2/hook/feishu-open.{tag}", post_msg)
    check(r.get("code") == 0, "Feishu: a post to an unsigned bot is accepted", r)

    # WeCom
    key = f"wecom-key.{tag}"
    _, _, r = post(f"{base}/cgi-bin/webhook/send?key={key}",
                   {"msgtype": "text", "text": {"content": "请反馈需求评审意见",
                                                "mentioned_mobile_list": ["13800000001"]}})
    check(r == {"errcode": 0, "errmsg": "ok"}, "WeCom: a text with a mention is accepted", r)
    _, _, r = post(f"{base}/cgi-bin/webhook/send?key={key}",
                   {"msgtype": "text", "text": {"content": "长" * 700}})
    check(r.get("errcode") == 40058, "WeCom: a text over 2048 bytes is refused", r)
    _, _, r = post(f"{base}/cgi-bin/webhook/send?key=no-such-key",
                   {"msgtype": "text", "text": {"content": "x"}})
    check(r.get("errcode") == 93000, "WeCom: an unknown key is refused (93000)", r)

    # Failure injection, scoped to this run's WeCom key.
    control(base, f"/_fail?status=429&count=2&retry_after=3&token={key}", "POST")
    statuses = []
    for _ in range(3):
        status, headers, _ = post(f"{base}/cgi-bin/webhook/send?key={key}",
                                  {"msgtype": "text", "text": {"content": "重试"}})
        statuses.append((status, headers.get("Retry-After")))
    check(statuses == [(429, "3"), (429, "3"), (200, None)],
          "two injected 429s with Retry-After, then success", statuses)
    control(base, f"/_fail?status=timeout&seconds=2&token={key}", "POST")
    try:
        post(f"{base}/cgi-bin/webhook/send?key={key}",
             {"msgtype": "text", "text": {"content": "x"}}, timeout=0.5)
        check(False, "an injected timeout gives no reply")
    except (socket.timeout, urllib.error.URLError) as e:
        check("timed out" in str(e), "an injected timeout gives no reply", repr(e))

    got = control(base, f"/_received?token={key}")["requests"]
    outcomes = [g["outcome"] for g in got]
    check(outcomes == ["accepted", "rejected", "injected", "injected", "accepted", "injected"],
          "the receiver recorded every WeCom request with its outcome", outcomes)
    check(got[0]["mentions"]["mobiles"] == ["13800000001"], "the WeCom mention is recorded")
    dt = control(base, f"/_received?token=dingtalk-signed.{tag}")["requests"]
    check([d["outcome"] for d in dt] == ["accepted", "rejected", "rejected", "rejected",
                                         "accepted"] and dt[0]["signed"],
          "the receiver recorded the DingTalk requests", [d["outcome"] for d in dt])


def main():
    for name, fn in (("mail (Postfix + Dovecot)", smoke_mail), ("fault SMTP", smoke_fault),
                     ("chat receiver", smoke_chat)):
        print(f"# {name}")
        try:
            fn()
        except Exception as e:  # a crash is a failure with its cause, not a traceback only
            check(False, f"{name}: {type(e).__name__}: {e}")
    if FAILURES:
        print(f"smoke: {len(FAILURES)} check(s) failed", file=sys.stderr)
        return 1
    print("smoke: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
