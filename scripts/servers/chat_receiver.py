#!/usr/bin/env python3
"""A local receiver for chat webhooks that checks what DingTalk, Feishu/Lark and WeCom check.

    chat_receiver.py start|stop|status|env    # daemon on 127.0.0.1:52580 (stdlib only)
    chat_receiver.py serve [--port P] …        # in the foreground (what `start` runs)

Webhook URLs (BASE = http://127.0.0.1:PORT, exported as LIAISON_TEST_CHAT):
    DingTalk custom robot   POST BASE/robot/send?access_token=TOKEN[&timestamp=MS&sign=SIGN]
    Feishu/Lark custom bot  POST BASE/open-apis/bot/v2/hook/TOKEN
    WeCom group robot       POST BASE/cgi-bin/webhook/send?key=KEY
Any of them may be prefixed with /now/MS (e.g. BASE/now/1795975200000/robot/send?…): the
request is checked as if the receiver's clock read MS (Unix milliseconds). See "Time".

Bots. A request names a bot by its token. Built in (LIAISON_TEST_CHAT_BOTS lists them):
    dingtalk  dingtalk-signed   secret SECdingtalk-test-secret   (加签 on)
    dingtalk  dingtalk-open     no secret (a keyword/IP-whitelist robot; nothing to check)
    feishu    feishu-signed     secret feishu-test-secret        (签名校验 on)
    feishu    feishu-open       no secret
    wecom     wecom-key         (WeCom robots have no signing; the key is the credential)
A token "BOT.anything" (e.g. dingtalk-signed.test42) is that bot under its own name, so a
test can have requests, failures and records nobody else touches. Unknown tokens are
refused as the vendor refuses them.

Rules checked (a refused request gets the vendor's HTTP 200 + error-code reply; the codes
are the vendors' where known, and any non-zero code means refused):
  All: method POST; Content-Type application/json (charset may follow); a JSON object body.
  DingTalk (open.dingtalk.com, 自定义机器人 / 加签):
    - signed bot: query has timestamp (Unix ms) and sign; |now - timestamp| <= 1 hour
      (else 310000 "invalid timestamp"); sign, after the query string is URL-decoded once,
      equals base64(HMAC-SHA256(key=secret, msg=timestamp + "\n" + secret)) (else 310000
      "sign not match"). So the client must URL-encode the base64 ("+" "/" "=").
    - msgtype is text | markdown | link | actionCard | feedCard; text.content non-empty;
      markdown.title and markdown.text non-empty; link.title, link.text, link.messageUrl;
      actionCard.title and .text; feedCard.links non-empty (else 40035).
    - at (optional): object; at.atMobiles and at.atUserIds lists of strings; at.isAtAll
      boolean (else 40035). Note (accepted, listed in "notes"): a mobile or user id in at
      whose "@MOBILE"/"@USERID" is not in the text — DingTalk then shows no highlighted @.
    - reply {"errcode":0,"errmsg":"ok"}; unknown token 300005 "token is not exist".
  Feishu/Lark (open.feishu.cn, 自定义机器人 / 签名校验):
    - signed bot: body has "timestamp" (Unix seconds, string or integer) and "sign";
      |now - timestamp| <= 1 hour and sign == base64(HMAC-SHA256(key=timestamp + "\n" +
      secret, msg=empty)) (else code 19021 "sign match fail or timestamp is not within one
      hour from current time").
    - body at most 20 KB; msg_type is text | post | image | share_chat | interactive;
      (else 9499 "Bad Request", as for every malformed body below); text: content.text
      non-empty; post: content.post maps a language (zh_cn, en_us, ja_jp) to {title?,
      content: [[element…]…]} where each element has tag text|a|at|img|media|emotion|hr|
      code_block, at elements carry user_id; interactive: card is an object; image:
      content.image_key; share_chat: content.share_chat_id.
    - @ in text is <at user_id="ID">name</at> (user_id="all" for everyone); recorded in
      mentions. Note: an "<at" that is not of that form (Feishu shows it as plain text).
    - reply {"StatusCode":0,"StatusMessage":"success","code":0,"data":{},"msg":"success"};
      unknown token 19001 "param invalid: incoming webhook access token invalid".
  WeCom (developer.work.weixin.qq.com, 群机器人):
    - msgtype is text | markdown | markdown_v2 | image | news | file | voice |
      template_card (else 40008 "invalid message type"); text.content non-empty, at most
      2048 bytes (UTF-8); markdown.content non-empty, at most 4096 bytes (else 40058);
      text.mentioned_list / mentioned_mobile_list lists of strings (else 40058).
    - @ in markdown is <@userid>; mentioned_list on markdown is ignored by WeCom (note).
    - reply {"errcode":0,"errmsg":"ok"}; unknown key 93000 "invalid webhook url".

Time. DingTalk and Feishu refuse a timestamp more than an hour from their clock. Tests never
depend on the wall clock, so the receiver's "now" is, first that applies: the /now/MS path
prefix of the request; the value set by POST /_now?ms=MS (or --now-ms, or
LIAISON_TEST_CHAT_NOW_MS); the wall clock (POST /_now?ms=wall goes back to it).

Control (JSON replies; not recorded):
    GET  /_status                 {"ok": true, "now_ms": …, "count": N, "failures": […]}
    GET  /_received[?vendor=…&token=…&outcome=…]     {"requests": […]}
    POST /_fail?status=S&count=N[&token=T][&vendor=V][&retry_after=SEC][&seconds=SEC]
        the next N webhook requests (for token T / vendor V if given) fail before any
        check: S = 429 (with Retry-After, default 1), 500, 502, 503, timeout (no reply for
        SEC seconds, default 30, then the connection closes), or ratelimit (the vendor's own
        HTTP 200 rate-limit reply: DingTalk 130101, Feishu 11232, WeCom 45009).
    POST /_now?ms=MS|wall          set or clear the receiver's clock
    POST /_reset                   forget requests, failures and the set clock
Every webhook request is recorded (memory and the JSON-lines file received.jsonl) with:
seq, vendor, token, bot, path, query, content_type, body (parsed JSON, else text), now_ms,
outcome (accepted | rejected | injected), http_status, response, reason, notes, signed
(signature verified), msgtype, text, mentions {mobiles, user_ids, all}.
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import re
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import daemon  # noqa: E402

NAME = "chat_receiver"
DEFAULT_DIR = os.environ.get("LIAISON_TEST_CHAT_DIR", "/tmp/liaison-test-chat")
DEFAULT_PORT = int(os.environ.get("LIAISON_TEST_CHAT_PORT", "52580"))

BOTS = {
    ("dingtalk", "dingtalk-signed"): "SECdingtalk-test-secret",
    ("dingtalk", "dingtalk-open"): None,
    ("feishu", "feishu-signed"): "feishu-test-secret",
    ("feishu", "feishu-open"): None,
    ("wecom", "wecom-key"): None,
}
HOUR_MS = 3600 * 1000
FEISHU_MAX_BODY = 20 * 1024
WECOM_TEXT_MAX = 2048
WECOM_MARKDOWN_MAX = 4096

OK_REPLY = {
    "dingtalk": {"errcode": 0, "errmsg": "ok"},
    "feishu": {"StatusCode": 0, "StatusMessage": "success", "code": 0, "data": {},
               "msg": "success"},
    "wecom": {"errcode": 0, "errmsg": "ok"},
}
RATELIMIT_REPLY = {
    "dingtalk": {"errcode": 130101, "errmsg": "send too fast, exceed 20 times per minute"},
    "feishu": {"code": 11232, "data": {}, "msg": "frequency limited"},
    "wecom": {"errcode": 45009, "errmsg": "api freq out of limit"},
}


def bots_env():
    return ",".join(f"{v}:{t}:{s or ''}" for (v, t), s in BOTS.items())


class Refused(Exception):
    """A request the vendor would refuse: the vendor's error code and message."""

    def __init__(self, code, msg):
        super().__init__(msg)
        self.code, self.msg = code, msg


def vendor_error(vendor, code, msg):
    if vendor == "feishu":
        return {"code": code, "data": {}, "msg": msg}
    return {"errcode": code, "errmsg": msg}


def find_bot(vendor, token):
    """(bot name, secret) for a token, also for the BOT.suffix form; None when unknown."""
    if not token:
        return None
    base = token.split(".", 1)[0]
    if (vendor, base) in BOTS:
        return base, BOTS[(vendor, base)]
    return None


def b64_hmac(key, msg):
    return base64.b64encode(hmac.new(key.encode(), msg.encode(), hashlib.sha256).digest()).decode()


def dingtalk_sign(secret, timestamp):
    return b64_hmac(secret, f"{timestamp}\n{secret}")


def feishu_sign(secret, timestamp):
    return b64_hmac(f"{timestamp}\n{secret}", "")


def is_str_list(v):
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def nonempty_str(v):
    return isinstance(v, str) and v.strip() != ""


# --- DingTalk ---------------------------------------------------------------------------

def check_dingtalk(query, body, secret, now_ms, rec):
    bad = 40035
    if secret is not None:
        ts, sign = query.get("timestamp"), query.get("sign")
        if not ts or sign is None:
            raise Refused(310000, "sign not match")
        if not ts.isdigit() or abs(now_ms - int(ts)) > HOUR_MS:
            raise Refused(310000, "invalid timestamp")
        if not hmac.compare_digest(sign, dingtalk_sign(secret, ts)):
            raise Refused(310000, "sign not match")
        rec["signed"] = True
    mt = body.get("msgtype")
    rec["msgtype"] = mt
    part = body.get(mt) if isinstance(mt, str) else None
    if mt not in ("text", "markdown", "link", "actionCard", "feedCard") or not isinstance(part, dict):
        raise Refused(bad, f"不合法的参数: msgtype {mt!r} (or its object) is missing or unknown")
    if mt == "text":
        if not nonempty_str(part.get("content")):
            raise Refused(bad, "不合法的参数: text.content is empty")
        rec["text"] = part["content"]
    elif mt == "markdown":
        if not nonempty_str(part.get("title")) or not nonempty_str(part.get("text")):
            raise Refused(bad, "不合法的参数: markdown.title and markdown.text are required")
        rec["text"] = part["text"]
    elif mt == "link":
        if not all(nonempty_str(part.get(k)) for k in ("title", "text", "messageUrl")):
            raise Refused(bad, "不合法的参数: link.title, link.text, link.messageUrl are required")
        rec["text"] = part["text"]
    elif mt == "actionCard":
        if not nonempty_str(part.get("title")) or not nonempty_str(part.get("text")):
            raise Refused(bad, "不合法的参数: actionCard.title and actionCard.text are required")
        rec["text"] = part["text"]
    elif mt == "feedCard":
        if not isinstance(part.get("links"), list) or not part["links"]:
            raise Refused(bad, "不合法的参数: feedCard.links is empty")
    at = body.get("at", {})
    if not isinstance(at, dict):
        raise Refused(bad, "不合法的参数: at must be an object")
    mobiles, user_ids = at.get("atMobiles", []), at.get("atUserIds", [])
    if not is_str_list(mobiles) or not is_str_list(user_ids):
        raise Refused(bad, "不合法的参数: at.atMobiles and at.atUserIds must be lists of strings")
    is_all = at.get("isAtAll", False)
    if not isinstance(is_all, bool):
        raise Refused(bad, "不合法的参数: at.isAtAll must be a boolean")
    rec["mentions"] = {"mobiles": mobiles, "user_ids": user_ids, "all": is_all}
    if mt in ("text", "markdown") and rec.get("text"):
        for who in mobiles + user_ids:
            if f"@{who}" not in rec["text"]:
                rec["notes"].append(f"@{who} is in at but not in the text: DingTalk shows "
                                    "no highlighted @ for it")


# --- Feishu / Lark ----------------------------------------------------------------------

FEISHU_AT_RE = re.compile(r'<at user_id="([^"]+)">([^<]*)</at>')
FEISHU_TAGS = {"text", "a", "at", "img", "media", "emotion", "hr", "code_block"}


def check_feishu(body, raw_len, secret, now_ms, rec):
    bad = 9499
    if raw_len > FEISHU_MAX_BODY:
        raise Refused(bad, f"Bad Request: body is {raw_len} bytes, the limit is 20 KB")
    if secret is not None:
        ts, sign = body.get("timestamp"), body.get("sign")
        fail = "sign match fail or timestamp is not within one hour from current time"
        if isinstance(ts, int) and not isinstance(ts, bool):
            ts = str(ts)
        if not isinstance(ts, str) or not ts.isdigit() or not isinstance(sign, str):
            raise Refused(19021, fail)
        if abs(now_ms - int(ts) * 1000) > HOUR_MS:
            raise Refused(19021, fail)
        if not hmac.compare_digest(sign, feishu_sign(secret, ts)):
            raise Refused(19021, fail)
        rec["signed"] = True
    mt = body.get("msg_type")
    rec["msgtype"] = mt
    content = body.get("content")
    user_ids, is_all = [], False
    if mt == "text":
        text = content.get("text") if isinstance(content, dict) else None
        if not nonempty_str(text):
            raise Refused(bad, "Bad Request: content.text is empty")
        rec["text"] = text
        for uid, _name in FEISHU_AT_RE.findall(text):
            if uid == "all":
                is_all = True
            else:
                user_ids.append(uid)
        if text.count("<at") != len(FEISHU_AT_RE.findall(text)):
            rec["notes"].append('an "<at" that is not <at user_id="…">…</at>: Feishu shows '
                                "it as plain text")
    elif mt == "post":
        post = content.get("post") if isinstance(content, dict) else None
        if not isinstance(post, dict) or not post:
            raise Refused(bad, "Bad Request: content.post is empty")
        texts = []
        for lang, doc in post.items():
            paras = doc.get("content") if isinstance(doc, dict) else None
            if not isinstance(paras, list) or not all(isinstance(p, list) for p in paras):
                raise Refused(bad, f"Bad Request: content.post.{lang}.content must be a list "
                              "of paragraphs (lists of elements)")
            for para in paras:
                for el in para:
                    tag = el.get("tag") if isinstance(el, dict) else None
                    if tag not in FEISHU_TAGS:
                        raise Refused(bad, f"Bad Request: unknown post element tag {tag!r}")
                    if tag in ("text", "a") and isinstance(el.get("text"), str):
                        texts.append(el["text"])
                    if tag == "at":
                        uid = el.get("user_id")
                        if not nonempty_str(uid):
                            raise Refused(bad, "Bad Request: an at element needs user_id")
                        if uid == "all":
                            is_all = True
                        else:
                            user_ids.append(uid)
            if isinstance(doc.get("title"), str):
                texts.insert(0, doc["title"])
        rec["text"] = "\n".join(texts)
    elif mt == "interactive":
        card = body.get("card")
        if not isinstance(card, dict) or not card:
            raise Refused(bad, "Bad Request: card must be a non-empty object")
        rec["text"] = json.dumps(card, ensure_ascii=False)
    elif mt == "image":
        if not isinstance(content, dict) or not nonempty_str(content.get("image_key")):
            raise Refused(bad, "Bad Request: content.image_key is required")
    elif mt == "share_chat":
        if not isinstance(content, dict) or not nonempty_str(content.get("share_chat_id")):
            raise Refused(bad, "Bad Request: content.share_chat_id is required")
    else:
        raise Refused(bad, f"Bad Request: unknown msg_type {mt!r}")
    rec["mentions"] = {"mobiles": [], "user_ids": user_ids, "all": is_all}


# --- WeCom ------------------------------------------------------------------------------

WECOM_AT_RE = re.compile(r"<@([^>\s]+)>")
WECOM_TYPES = {"text", "markdown", "markdown_v2", "image", "news", "file", "voice",
               "template_card"}


def check_wecom(body, rec):
    mt = body.get("msgtype")
    rec["msgtype"] = mt
    part = body.get(mt) if isinstance(mt, str) else None
    if mt not in WECOM_TYPES or not isinstance(part, dict):
        raise Refused(40008, "invalid message type")
    mobiles, user_ids, is_all = [], [], False
    if mt == "text":
        content = part.get("content")
        if not nonempty_str(content):
            raise Refused(44004, "empty content")
        if len(content.encode()) > WECOM_TEXT_MAX:
            raise Refused(40058, f"content exceed max length {WECOM_TEXT_MAX}")
        ml, mml = part.get("mentioned_list", []), part.get("mentioned_mobile_list", [])
        if not is_str_list(ml) or not is_str_list(mml):
            raise Refused(40058, "mentioned_list and mentioned_mobile_list must be lists of "
                          "strings")
        is_all = "@all" in ml or "@all" in mml
        user_ids = [x for x in ml if x != "@all"]
        mobiles = [x for x in mml if x != "@all"]
        rec["text"] = content
    elif mt in ("markdown", "markdown_v2"):
        content = part.get("content")
        if not nonempty_str(content):
            raise Refused(44004, "empty content")
        if len(content.encode()) > WECOM_MARKDOWN_MAX:
            raise Refused(40058, f"markdown.content exceed max length {WECOM_MARKDOWN_MAX}")
        user_ids = WECOM_AT_RE.findall(content)
        if "mentioned_list" in part or "mentioned_mobile_list" in part:
            rec["notes"].append("mentioned_list on markdown is ignored by WeCom; use <@userid> "
                                "in the content")
        rec["text"] = content
    rec["mentions"] = {"mobiles": mobiles, "user_ids": user_ids, "all": is_all}


# --- the server -------------------------------------------------------------------------

class State:
    def __init__(self, log_path, now_ms):
        self.lock = threading.Lock()
        self.log_path = log_path
        self.requests = []
        self.failures = []  # dicts: status, remaining, token, vendor, retry_after, seconds
        self.env_now_ms = now_ms
        self.now_ms = now_ms

    def clock(self):
        with self.lock:
            return self.now_ms if self.now_ms is not None else int(time.time() * 1000)

    def take_failure(self, vendor, token):
        with self.lock:
            for f in self.failures:
                if (f["token"] in (None, token)) and (f["vendor"] in (None, vendor)):
                    f["remaining"] -= 1
                    if f["remaining"] <= 0:
                        self.failures.remove(f)
                    return dict(f)
        return None

    def record(self, rec):
        with self.lock:
            rec["seq"] = len(self.requests) + 1
            self.requests.append(rec)
            daemon.append_json_line(self.log_path, rec)


ROUTES = [
    (re.compile(r"^/robot/send$"), "dingtalk"),
    (re.compile(r"^/open-apis/bot/v2/hook/([^/]+)$"), "feishu"),
    (re.compile(r"^/cgi-bin/webhook/send$"), "wecom"),
]
NOW_PREFIX = re.compile(r"^/now/(\d+)(/.*)$")


def make_handler(state):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):
            sys.stderr.write("%s\n" % (fmt % args))

        def send_json(self, status, obj, headers=()):
            body = json.dumps(obj, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def read_body(self):
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            q = {k: v[-1] for k, v in urllib.parse.parse_qs(url.query).items()}
            if url.path == "/_status":
                with state.lock:
                    failures = [dict(f) for f in state.failures]
                    count = len(state.requests)
                return self.send_json(200, {"ok": True, "now_ms": state.clock(),
                                            "count": count, "failures": failures})
            if url.path == "/_received":
                with state.lock:
                    items = list(state.requests)
                for key in ("vendor", "token", "outcome", "bot"):
                    if key in q:
                        items = [r for r in items if r.get(key) == q[key]]
                return self.send_json(200, {"requests": items})
            self.send_json(405 if self.route(url.path)[0] else 404,
                           {"error": f"{self.command} {url.path} is not served here"})

        def route(self, path):
            for rx, vendor in ROUTES:
                m = rx.match(path)
                if m:
                    return vendor, (m.group(1) if m.groups() else None)
            return None, None

        def do_POST(self):
            raw = self.read_body()
            url = urllib.parse.urlsplit(self.path)
            path = url.path
            if path.startswith("/_"):
                return self.control(path, url.query)
            now_override = None
            m = NOW_PREFIX.match(path)
            if m:
                now_override, path = int(m.group(1)), m.group(2)
            vendor, path_token = self.route(path)
            if vendor is None:
                return self.send_json(404, {"error": f"no webhook at {path}; see the header "
                                            "of scripts/servers/chat_receiver.py"})
            # parse_qs decodes the query once, as the vendors do: a base64 sign sent without
            # URL-encoding has its "+" turned into " " and no longer matches.
            query = {k: v[-1] for k, v in
                     urllib.parse.parse_qs(url.query, keep_blank_values=True).items()}
            token = path_token if vendor == "feishu" else query.get(
                "access_token" if vendor == "dingtalk" else "key")
            now_ms = now_override if now_override is not None else state.clock()
            ctype = self.headers.get("Content-Type", "")
            rec = {"vendor": vendor, "token": token, "bot": None, "path": self.path,
                   "query": query, "content_type": ctype, "now_ms": now_ms,
                   "body": None, "outcome": None, "http_status": 200, "response": None,
                   "reason": None, "notes": [], "signed": False, "msgtype": None,
                   "text": None, "mentions": None}
            try:
                rec["body"] = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                rec["body"] = raw.decode("utf-8", "replace")

            fail = state.take_failure(vendor, token)
            if fail:
                return self.inject(fail, vendor, rec)

            try:
                bot = find_bot(vendor, token)
                if bot is None:
                    raise Refused(*{
                        "dingtalk": (300005, "token is not exist"),
                        "feishu": (19001, "param invalid: incoming webhook access token invalid"),
                        "wecom": (93000, "invalid webhook url"),
                    }[vendor])
                rec["bot"], secret = bot
                if not ctype.split(";")[0].strip().lower() == "application/json":
                    raise Refused(*{"dingtalk": (43004, "无效的HTTP HEADER Content-Type"),
                                    "feishu": (9499, "Bad Request: Content-Type must be "
                                                     "application/json"),
                                    "wecom": (40058, "Content-Type must be application/json")
                                    }[vendor])
                if not isinstance(rec["body"], dict):
                    raise Refused(*{"dingtalk": (40035, "不合法的参数: body is not a JSON object"),
                                    "feishu": (9499, "Bad Request: body is not a JSON object"),
                                    "wecom": (40058, "body is not a JSON object")}[vendor])
                if vendor == "dingtalk":
                    check_dingtalk(query, rec["body"], secret, now_ms, rec)
                elif vendor == "feishu":
                    check_feishu(rec["body"], len(raw), secret, now_ms, rec)
                else:
                    check_wecom(rec["body"], rec)
            except Refused as e:
                rec["outcome"] = "rejected"
                rec["reason"] = e.msg
                rec["response"] = vendor_error(vendor, e.code, e.msg)
                state.record(rec)
                return self.send_json(200, rec["response"])
            rec["outcome"] = "accepted"
            rec["response"] = OK_REPLY[vendor]
            state.record(rec)
            self.send_json(200, rec["response"])

        def inject(self, fail, vendor, rec):
            status = fail["status"]
            rec["outcome"] = "injected"
            rec["reason"] = f"failure injected: {status}"
            if status == "timeout":
                rec["http_status"] = None
                state.record(rec)
                deadline = time.monotonic() + fail["seconds"]
                while time.monotonic() < deadline:
                    time.sleep(0.05)
                self.close_connection = True
                return
            if status == "ratelimit":
                rec["response"] = RATELIMIT_REPLY[vendor]
                state.record(rec)
                return self.send_json(200, rec["response"])
            code = int(status)
            rec["http_status"] = code
            rec["response"] = vendor_error(vendor, code, f"HTTP {code} injected by the test "
                                           "receiver")
            headers = [("Retry-After", str(fail["retry_after"]))] if code == 429 else []
            state.record(rec)
            self.send_json(code, rec["response"], headers)

        def control(self, path, query_string):
            q = {k: v[-1] for k, v in urllib.parse.parse_qs(query_string).items()}
            if path == "/_fail":
                status = q.get("status", "")
                if status not in ("429", "500", "502", "503", "timeout", "ratelimit"):
                    return self.send_json(400, {"error": "status must be 429, 500, 502, 503, "
                                                "timeout or ratelimit"})
                try:
                    f = {"status": status, "remaining": int(q.get("count", "1")),
                         "token": q.get("token"), "vendor": q.get("vendor"),
                         "retry_after": int(q.get("retry_after", "1")),
                         "seconds": float(q.get("seconds", "30"))}
                except ValueError:
                    return self.send_json(400, {"error": "count, retry_after and seconds are "
                                                "numbers"})
                with state.lock:
                    state.failures.append(f)
                    failures = [dict(x) for x in state.failures]
                return self.send_json(200, {"ok": True, "failures": failures})
            if path == "/_now":
                ms = q.get("ms", "")
                if ms != "wall" and not ms.isdigit():
                    return self.send_json(400, {"error": "ms must be Unix milliseconds or "
                                                "'wall'"})
                with state.lock:
                    state.now_ms = None if ms == "wall" else int(ms)
                return self.send_json(200, {"ok": True, "now_ms": state.clock()})
            if path == "/_reset":
                with state.lock:
                    state.requests.clear()
                    state.failures.clear()
                    state.now_ms = state.env_now_ms
                    open(state.log_path, "w").close()
                return self.send_json(200, {"ok": True})
            self.send_json(404, {"error": f"unknown control path {path}"})

    return Handler


def serve(args):
    daemon.exit_on_term()
    os.makedirs(args.dir, exist_ok=True)
    log_path = os.path.join(args.dir, "received.jsonl")
    open(log_path, "w").close()
    now = args.now_ms if args.now_ms is not None else (
        int(os.environ["LIAISON_TEST_CHAT_NOW_MS"]) if os.environ.get("LIAISON_TEST_CHAT_NOW_MS")
        else None)
    state = State(log_path, now)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(state))
    server.daemon_threads = True
    print(f"chat receiver on http://127.0.0.1:{args.port}", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


def env_text(args):
    return (f"export LIAISON_TEST_CHAT=http://127.0.0.1:{args.port}\n"
            f"export LIAISON_TEST_CHAT_LOG={os.path.join(args.dir, 'received.jsonl')}\n"
            f"export LIAISON_TEST_CHAT_BOTS={bots_env()}\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("command", choices=["start", "stop", "status", "env", "serve"])
    p.add_argument("--port", type=int, default=DEFAULT_PORT)
    p.add_argument("--dir", default=DEFAULT_DIR, help="pid, log and received.jsonl")
    p.add_argument("--now-ms", type=int, help="the receiver's clock (Unix ms); default: wall")
    args = p.parse_args()
    status_url = f"http://127.0.0.1:{args.port}/_status"
    if args.command == "serve":
        return serve(args)
    if args.command == "start":
        fwd = ["--port", str(args.port), "--dir", args.dir]
        if args.now_ms is not None:
            fwd += ["--now-ms", str(args.now_ms)]
        return daemon.start(NAME, os.path.abspath(__file__), fwd, args.dir, status_url,
                            env_text(args), ports=(args.port,))
    if args.command == "stop":
        return daemon.stop(NAME, args.dir)
    if args.command == "status":
        return daemon.status(NAME, args.dir, status_url)
    return daemon.print_env(NAME, args.dir)


if __name__ == "__main__":
    sys.exit(main())
