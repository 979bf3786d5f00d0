#!/usr/bin/env python3
"""Quality checks for the `en` author's corpus messages (numbers 500-999).

    python3 check.py          # exits 1 on any problem, prints counts

- every .eml parses with Python's `email` package, its charsets decode strictly;
- every string the .json quotes (greeting, opening, background, item fields,
  closing, signature parts, quoted_first_line, new_text pieces) occurs in the
  decoded text after whitespace collapsing (text/plain, else HTML through a simple
  HTML-to-text), and in the HTML alternative too when there is one;
- subject parts occur in the decoded Subject;
- attachments listed are exactly the attached files (inline logos excluded);
- every .json has the CORPUS.md shape; Date within 2026-11-23 .. 2026-12-18;
- held-out membership follows the seeded rule in build.py;
- counts per client, lang, type, kind and reply class.
"""

import collections
import email
import email.policy
import html as htmllib
import json
import os
import re
import sys
from datetime import datetime, timezone, timedelta
from email.utils import parsedate_to_datetime

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
from build import HELDOUT  # noqa: E402

CLIENTS = {"outlook", "outlook-web", "foxmail", "apple-mail", "gmail", "thunderbird", "netease", "qqmail",
           "dingtalk", "feishu"}
KINDS = {"kickoff", "request", "issue", "escalation", "result", "progress-sync", "nudge", "confirmation",
         "retrospective", None}
CLASSES = ["acknowledgement", "question", "promise", "partial-delivery", "delivery", "delay", "dispute",
           "auto-reply", "nudge", "sync", "escalation", "confirmation"]
KEYS = ["client", "lang", "type", "direction", "us", "subject", "greeting", "opening", "background", "items",
        "attachments", "closing", "signature", "quoted_first_line", "new_text", "reply", "clean"]
TRAIL = " \t.,;:!?。，；：！？、…"
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


def norm(s):
    return collapse(s).rstrip(TRAIL)


def html2text(h):
    h = re.sub(r"(?is)<(head|style|script)\b.*?</\1>", " ", h)
    h = re.sub(r"(?s)<!--.*?-->", " ", h)
    h = re.sub(r"(?i)<br\s*/?>", "\n", h)
    h = re.sub(r"(?i)</(p|div|tr|li|h\d|blockquote|table|pre)>", "\n", h)
    h = re.sub(r"(?i)<(td|th)\b[^>]*>", "\t", h)
    h = re.sub(r"(?i)<hr\b[^>]*>", "\n", h)
    h = re.sub(r"<[^>]+>", "", h)
    return htmllib.unescape(h).replace("\xa0", " ")


def bodies(msg):
    plain = html = None
    atts = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        disp = part.get_content_disposition()
        ctype = part.get_content_type()
        if disp == "attachment":
            atts.append(part.get_filename())
            continue
        if ctype.startswith("image/"):
            continue
        raw = part.get_payload(decode=True)
        cs = part.get_content_charset() or "us-ascii"
        text = raw.decode(cs)   # strict: a wrong charset fails here
        if ctype == "text/plain" and plain is None:
            plain = text
        elif ctype == "text/html" and html is None:
            html = text
    return plain, html, atts


def quoted_strings(j):
    out = []
    for k in ("greeting", "opening", "closing", "quoted_first_line"):
        if j.get(k):
            out.append((k, j[k]))
    for i, b in enumerate(j.get("background") or []):
        out.append(("background[%d]" % i, b))
    for i, it in enumerate(j.get("items") or []):
        for f in ("what", "owner", "due", "standard"):
            if it.get(f):
                out.append(("items[%d].%s" % (i, f), it[f]))
    sig = j.get("signature")
    if sig:
        for f in ("name", "department", "title"):
            if sig.get(f):
                out.append(("signature.%s" % f, sig[f]))
        for i, c in enumerate(sig.get("contact") or []):
            out.append(("signature.contact[%d]" % i, c))
    nt = j.get("new_text")
    if nt:
        for i, piece in enumerate(p for p in re.split(r"\n\s*\n", nt) if p.strip()):
            out.append(("new_text[%d]" % i, piece))
    return out


def shape_errors(name, j):
    errs = []
    keys = list(j)
    if any(k not in KEYS for k in keys):
        errs.append("unknown keys %s" % [k for k in keys if k not in KEYS])
    if keys != [k for k in KEYS if k in j]:
        errs.append("keys out of order")
    client, lang, num = re.match(r"^(.+)-(en|zh|zht)-(\d{3})$", name).groups()
    if j["client"] != client or j["lang"] != lang:
        errs.append("file name and client/lang disagree")
    if j["client"] not in CLIENTS:
        errs.append("bad client")
    if j["type"] not in ("original", "reply", "forward", "auto-reply"):
        errs.append("bad type")
    if j["direction"] not in ("outgoing", "incoming"):
        errs.append("bad direction")
    if not isinstance(j["us"], list) or not j["us"]:
        errs.append("us must be a non-empty list")
    s = j.get("subject")
    if not isinstance(s, dict) or set(s) != {"kind", "tag", "project", "departments", "urgency"}:
        errs.append("subject shape")
    elif s["kind"] not in KINDS or not isinstance(s["departments"], list):
        errs.append("subject kind/departments")
    for it in j.get("items") or []:
        if set(it) != {"what", "owner", "due", "due_value", "standard"}:
            errs.append("item shape %s" % it)
        if it.get("due_value") and not ISO.match(it["due_value"]):
            errs.append("due_value not ISO: %s" % it["due_value"])
        if it.get("due_value") and not it.get("due"):
            errs.append("due_value without due")
    sig = j.get("signature")
    if sig is not None and set(sig) != {"name", "department", "title", "contact"}:
        errs.append("signature shape")
    if j["type"] == "original":
        if "new_text" in j or "reply" in j:
            errs.append("original with new_text/reply")
    else:
        if not j.get("new_text"):
            errs.append("missing new_text")
        if not j.get("quoted_first_line") and j["type"] == "forward":
            errs.append("forward without quoted_first_line")
    if j["type"] in ("reply", "auto-reply"):
        r = j.get("reply")
        if not isinstance(r, dict) or set(r) != {"class", "promised", "items"} or r["class"] not in CLASSES:
            errs.append("reply shape")
        else:
            if r["promised"] and not ISO.match(r["promised"]):
                errs.append("promised not ISO")
            if j["type"] == "auto-reply" and r["class"] != "auto-reply":
                errs.append("auto-reply type with another class")
            if r["class"] in ("nudge", "sync", "escalation", "confirmation") and j["direction"] != "outgoing":
                errs.append("%s must be outgoing" % r["class"])
            if r["class"] == "auto-reply" and j["direction"] != "incoming":
                errs.append("auto-reply must be incoming")
    if "clean" in j and j["clean"] is not True:
        errs.append("clean must be true when present")
    return errs


def main():
    problems = 0
    counts = collections.defaultdict(collections.Counter)
    lo = datetime(2026, 11, 23, tzinfo=timezone(timedelta(hours=8)))
    hi = datetime(2026, 12, 19, tzinfo=timezone(timedelta(hours=8)))
    seen = set()
    for part in ("tune", "heldout"):
        d = os.path.join(CORPUS, part)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            m = re.match(r"^(.+)-(en|zh|zht)-(\d{3})\.eml$", f)
            if not m or not (500 <= int(m.group(3)) <= 999):
                continue
            num = int(m.group(3))
            name = f[:-4]
            errs = []
            if num in seen:
                errs.append("number used twice")
            seen.add(num)
            if (num in HELDOUT) != (part == "heldout"):
                errs.append("in the wrong part")
            data = open(os.path.join(d, f), "rb").read()
            try:
                j = json.load(open(os.path.join(d, name + ".json"), encoding="utf-8"))
            except Exception as e:  # noqa: BLE001
                print("%s/%s: json: %s" % (part, name, e))
                problems += 1
                continue
            errs += shape_errors(name, j)
            try:
                msg = email.message_from_bytes(data, policy=email.policy.default)
                subject = str(msg["subject"])
                date = parsedate_to_datetime(str(msg["date"]))
                plain, html, atts = bodies(msg)
            except Exception as e:  # noqa: BLE001
                print("%s/%s: parse: %r" % (part, name, e))
                problems += 1
                continue
            if msg.defects:
                errs.append("defects: %s" % msg.defects)
            if not (lo <= date < hi):
                errs.append("date out of range: %s" % date)
            if sorted(atts) != sorted(j["attachments"]):
                errs.append("attachments %s != %s" % (atts, j["attachments"]))
            texts = []
            if plain is not None:
                texts.append(("text/plain", collapse(plain)))
            if html is not None:
                texts.append(("html", collapse(html2text(html))))
            for field, value in quoted_strings(j):
                for label, t in texts:
                    if norm(value) not in t:
                        errs.append("%s not in %s: %r" % (field, label, value))
            s = j["subject"]
            for field in ("tag", "project", "urgency"):
                if s.get(field) and s[field] not in subject:
                    errs.append("subject.%s not in subject: %r" % (field, s[field]))
            for dep in s["departments"]:
                if dep not in subject:
                    errs.append("subject department not in subject: %r" % dep)
            for e in errs:
                print("%s/%s: %s" % (part, name, e))
            problems += len(errs)
            counts["part"][part] += 1
            counts["client"][j["client"]] += 1
            counts["lang"][j["lang"]] += 1
            counts["type"][j["type"]] += 1
            counts["direction"][j["direction"]] += 1
            if j["type"] == "original":
                counts["kind (originals)"][str(j["subject"]["kind"])] += 1
            if j.get("reply"):
                counts["reply class"][j["reply"]["class"]] += 1
                counts["reply class (%s)" % part][j["reply"]["class"]] += 1
            if j.get("clean"):
                counts["clean"]["clean"] += 1
            cs = set()
            for p in msg.walk():
                if not p.is_multipart() and p.get_content_maintype() == "text" and p.get_content_disposition() != "attachment":
                    cs.add(p.get_content_charset())
            for c in cs:
                counts["charset"][c] += 1
    total = sum(counts["part"].values())
    print("messages: %d" % total)
    for k in ("part", "client", "lang", "type", "direction", "kind (originals)", "reply class",
              "reply class (heldout)", "charset", "clean"):
        print("%-22s %s" % (k, ", ".join("%s %d" % kv for kv in sorted(counts[k].items()))))
    low = [c for c in CLASSES if counts["reply class"][c] < 6]
    if low and "--final" in sys.argv:
        print("classes with fewer than 6 messages: %s" % low)
        problems += 1
    print("problems: %d" % problems)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
