"""Quality checks shared by the zh, c3, c4 and c5 authors' parts of the corpus (stdlib only).

Each author's check.py calls `main(...)` with its number range and client names:

    python3 src/<author>/check.py               # exit 1 on any problem; prints counts
    python3 src/<author>/check.py --markdown    # the count tables of the corpus README

For every <client>-<lang>-<number>.eml/.json of the author's range under tune/ and heldout/:
  * the .eml parses with Python's email package, has a Date between 2026-11-23 and
    2026-12-18, and its text parts decode with their declared charset (gb2312 read as GBK,
    as browsers do);
  * every quoted string of the .json (greeting, opening, background, item fields, closing,
    signature parts, quoted_first_line, each line of new_text) occurs in EVERY text
    rendition of the body (text/plain, and text/html after a simple HTML-to-text) after
    whitespace collapsing, ignoring trailing punctuation;
  * subject parts occur in the decoded Subject; attachments equal the attached file names;
  * the .json has the CORPUS.md shape and values;
  * when the author passes its held-out set, each file lies in the part its rule puts it in;
and prints counts per client, lang, type and reply class, and the held-out count.
"""

import email
import email.policy
import json
import re
import sys
from collections import Counter
from datetime import datetime, timezone, timedelta
from email.header import decode_header
from email.utils import parsedate_to_datetime, getaddresses
from html.parser import HTMLParser
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent
KINDS = {"kickoff", "request", "issue", "escalation", "result", "progress-sync", "nudge",
         "confirmation", "retrospective"}
CLASSES = ["acknowledgement", "question", "promise", "partial-delivery", "delivery", "delay",
           "dispute", "auto-reply", "nudge", "sync", "escalation", "confirmation"]
OUTGOING_CLASSES = {"nudge", "sync", "escalation", "confirmation"}
TOP_KEYS = {"client", "lang", "type", "direction", "us", "subject", "greeting", "opening",
            "background", "items", "attachments", "closing", "signature", "quoted_first_line",
            "new_text", "reply", "clean"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")
TRAIL = "。，、；：！？.,;:!?…~～ "


def codec(cs):
    cs = (cs or "").lower().strip('"')
    return {"gb2312": "gbk", "x-gbk": "gbk", "euc-cn": "gbk", "": "gbk"}.get(cs, cs)


class H2T(HTMLParser):
    BLOCK = {"div", "p", "br", "tr", "li", "blockquote", "h1", "h2", "h3", "h4", "table", "hr",
             "pre", "ul", "ol"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "head", "title"):
            self.skip += 1
        elif tag in self.BLOCK:
            self.out.append("\n")
        elif tag == "td":
            self.out.append("\t")

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head", "title"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def html_to_text(h):
    p = H2T()
    p.feed(h)
    return "".join(p.out)


def norm(s):
    return " ".join(s.split())


def raw_header(raw, name):
    """A header's unfolded value straight from the bytes (8-bit headers decode as GBK)."""
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    head = re.sub(rb"\r?\n[ \t]", b" ", head)
    for line in head.split(b"\n"):
        k, _, v = line.rstrip(b"\r").partition(b":")
        if k.strip().lower() == name.lower().encode():
            v = v.strip()
            if re.search(rb"[\x80-\xff]", v):
                return v.decode("gbk")
            return decode_hdr(v.decode("ascii"))
    return None


def decode_hdr(raw_value):
    out = []
    for b, cs in decode_header(raw_value):
        if isinstance(b, bytes):
            out.append(b.decode(codec(cs) if cs else "ascii"))
        else:
            out.append(b)
    return "".join(out)


def renditions(msg, errs):
    """The decoded text of each body rendition (plain, html->text), and attachment names."""
    texts = []
    atts = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        disp = (part.get("Content-Disposition") or "").lower()
        fn = part.get_filename()
        if fn is not None:
            fn = decode_hdr(fn) if "=?" in fn else fn
        if disp.startswith("attachment"):
            atts.append(fn)
            continue
        if ctype in ("text/plain", "text/html") and not fn:
            payload = part.get_payload(decode=True)
            cs = part.get_content_charset()
            try:
                t = payload.decode(codec(cs))
            except (UnicodeDecodeError, LookupError) as e:
                errs.append(f"{ctype} does not decode as {cs}: {e}")
                t = payload.decode(codec(cs), "replace")
            if ctype == "text/html":
                t = html_to_text(t)
            texts.append((ctype, t))
        elif ctype.startswith("image/") and "inline" in disp:
            pass
        elif fn:
            atts.append(fn)
    return texts, atts


def check_shape(j, errs, clients):
    for k in j:
        if k not in TOP_KEYS:
            errs.append(f"unknown key {k}")
    if j.get("client") not in clients:
        errs.append("bad client")
    if j.get("lang") not in ("zh", "zht", "en"):
        errs.append("bad lang")
    if j.get("type") not in ("original", "reply", "forward", "auto-reply"):
        errs.append("bad type")
    if j.get("direction") not in ("outgoing", "incoming"):
        errs.append("bad direction")
    if not j.get("us") or not all("@" in u for u in j["us"]):
        errs.append("us must list addresses")
    s = j.get("subject")
    if not isinstance(s, dict) or set(s) != {"kind", "tag", "project", "departments", "urgency"}:
        errs.append("subject shape")
    else:
        if s["kind"] is not None and s["kind"] not in KINDS:
            errs.append(f"bad kind {s['kind']}")
        if not isinstance(s["departments"], list):
            errs.append("departments must be a list")
    for k in ("background", "items", "attachments"):
        if not isinstance(j.get(k, []), list):
            errs.append(f"{k} must be a list")
    for it in j.get("items", []):
        if set(it) != {"what", "owner", "due", "due_value", "standard"}:
            errs.append("item shape")
        if it.get("due_value") is not None and not ISO.match(it["due_value"]):
            errs.append(f"due_value not ISO: {it['due_value']}")
        if it.get("due_value") and not it.get("due"):
            errs.append("due_value without due")
        if not it.get("what"):
            errs.append("item without what")
    sig = j.get("signature")
    if sig is not None and set(sig) != {"name", "department", "title", "contact"}:
        errs.append("signature shape")
    t = j.get("type")
    if t in ("reply", "forward", "auto-reply"):
        if not isinstance(j.get("new_text"), str):
            errs.append("reply/forward without new_text")
    elif "new_text" in j:
        errs.append("new_text on an original")
    if t in ("reply", "auto-reply"):
        r = j.get("reply")
        if not isinstance(r, dict) or set(r) != {"class", "promised", "items"}:
            errs.append("reply shape")
        else:
            if r["class"] not in CLASSES:
                errs.append(f"bad class {r['class']}")
            if (t == "auto-reply") != (r["class"] == "auto-reply"):
                errs.append("auto-reply type and class disagree")
            if r["class"] in OUTGOING_CLASSES and j["direction"] != "outgoing":
                errs.append(f"{r['class']} must be outgoing")
            if r["class"] not in OUTGOING_CLASSES and j["direction"] != "incoming":
                errs.append(f"{r['class']} must be incoming")
            if r["promised"] is not None and not ISO.match(r["promised"]):
                errs.append("promised not ISO")
            if r["items"] is not None and not all(isinstance(x, int) and x >= 1 for x in r["items"]):
                errs.append("reply items must be 1-based ints")
    elif "reply" in j:
        errs.append("reply on a non-reply")
    if t in ("reply", "forward") and not j.get("quoted_first_line"):
        errs.append("reply/forward without quoted_first_line")


def strings_of(j):
    out = []
    for k in ("greeting", "opening", "closing", "quoted_first_line"):
        if j.get(k):
            out.append((k, j[k]))
    for b in j.get("background", []):
        out.append(("background", b))
    for i, it in enumerate(j.get("items", []), 1):
        for k in ("what", "owner", "due", "standard"):
            if it.get(k):
                out.append((f"item{i}.{k}", it[k]))
    sig = j.get("signature")
    if sig:
        for k in ("name", "department", "title"):
            if sig.get(k):
                out.append((f"signature.{k}", sig[k]))
        for c in sig.get("contact", []):
            out.append(("signature.contact", c))
    if j.get("new_text"):
        for ln in j["new_text"].split("\n"):
            if ln.strip():
                out.append(("new_text", ln))
    return out


def check_one(eml, jf, errs, cfg):
    raw = eml.read_bytes()
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    j = json.loads(jf.read_text(encoding="utf-8"))
    check_shape(j, errs, cfg.clients)
    m = cfg.stem.fullmatch(eml.stem)
    if j.get("client") != m.group(1) or j.get("lang") != m.group(2):
        errs.append("file name and client/lang disagree")
    d = parsedate_to_datetime(msg["Date"])
    lo = datetime(2026, 11, 23, tzinfo=timezone(timedelta(hours=8)))
    hi = datetime(2026, 12, 19, tzinfo=timezone(timedelta(hours=8)))
    if not lo <= d < hi:
        errs.append(f"Date {msg['Date']} outside 2026-11-23..12-18")
    subj = raw_header(raw, "Subject")
    s = j.get("subject") or {}
    for k in ("tag", "project", "urgency"):
        if s.get(k) and norm(s[k]) not in norm(subj):
            errs.append(f"subject.{k} {s[k]!r} not in subject {subj!r}")
    for dep in s.get("departments", []):
        if dep not in subj:
            errs.append(f"department {dep!r} not in subject {subj!r}")
    texts, atts = renditions(msg, errs)
    if not texts:
        errs.append("no text rendition")
    if sorted(atts) != sorted(j.get("attachments", [])):
        errs.append(f"attachments {atts} != expected {j.get('attachments')}")
    frm = getaddresses([raw_header(raw, "From")])[0][1].lower()
    us = [u.lower() for u in j.get("us", [])]
    if j.get("direction") == "outgoing" and frm not in us:
        errs.append("outgoing but From is not in us")
    if j.get("direction") == "incoming" and frm in us:
        errs.append("incoming but From is in us")
    for ctype, t in texts:
        nt = norm(t)
        for label, sv in strings_of(j):
            want = norm(sv).rstrip(TRAIL)
            if want and want not in nt:
                errs.append(f"{label} {sv!r} not found in {ctype}")
        q = j.get("quoted_first_line")
        if q and j.get("new_text"):
            qi = nt.find(norm(q).rstrip(TRAIL))
            last = [x for x in j["new_text"].split("\n") if x.strip()]
            if last:
                li = nt.find(norm(last[-1]).rstrip(TRAIL))
                if qi >= 0 and li > qi:
                    errs.append(f"new_text runs past the quote in {ctype}")
    return j


def markdown(rows, langs):
    """Count tables for README.md (python3 check.py --markdown)."""
    clients = sorted({r["client"] for r in rows})
    print("| client | " + " | ".join(langs) + " | original | reply | forward | auto-reply | held out | total |")
    print("|---|" + "---|" * len(langs) + "---|---|---|---|---|---|")
    for c in clients + ["all"]:
        rs = [r for r in rows if c in ("all", r["client"])]
        cnt = Counter(r["type"] for r in rs)
        lang = Counter(r["lang"] for r in rs)
        held = sum(1 for r in rs if r["part"] == "heldout")
        print(f"| {c} | " + " | ".join(str(lang[x]) for x in langs) + f" | {cnt['original']} | {cnt['reply']} | "
              f"{cnt['forward']} | {cnt['auto-reply']} | {held} | {len(rs)} |")
    print()
    print("| reply class | tune | held out | total |")
    print("|---|---|---|---|")
    for k in CLASSES:
        t = sum(1 for r in rows if r["class"] == k and r["part"] == "tune")
        h = sum(1 for r in rows if r["class"] == k and r["part"] == "heldout")
        print(f"| {k} | {t} | {h} | {t + h} |")
    print()
    kinds = Counter(r["kind"] for r in rows if r["type"] == "original")
    print("| original kind (subject tag) | count |")
    print("|---|---|")
    for k in sorted(kinds, key=lambda x: str(x)):
        print(f"| {k or '(no tag)'} | {kinds[k]} |")


class Config:
    """What differs between authors: the number range (and its width in file names), the
    client names the .json may carry, the language columns of the --markdown table, and
    optionally the held-out numbers to verify each file's part against."""

    def __init__(self, lo, hi, digits, clients, langs=("zh", "zht", "en"), held=None):
        self.lo, self.hi = lo, hi
        self.clients = set(clients)
        self.langs = list(langs)
        self.held = held
        self.stem = re.compile(r"([a-z0-9-]+)-(zh|zht|en)-(\d{%d})" % digits)

    @classmethod
    def of(cls, author, langs=("zh", "zht", "en")):
        """The checks for a mailbuild.Author: its range, its client table and its held-out rule."""
        every = [f"{n:0{author.digits}d}" for n in range(author.lo, author.hi + 1)]
        return cls(author.lo, author.hi, author.digits, author.clients, langs,
                   held=author.heldout_ids(every))


def main(cfg):
    rows = []
    counts = {k: Counter() for k in ("client", "lang", "type", "class", "part", "kind", "direction")}
    n = 0
    bad = 0
    clean = 0
    for part in ("tune", "heldout"):
        for eml in sorted((CORPUS / part).glob("*.eml")):
            m = cfg.stem.fullmatch(eml.stem)
            if not m or not (cfg.lo <= int(m.group(3)) <= cfg.hi):
                continue
            jf = eml.with_suffix(".json")
            errs = []
            if cfg.held is not None and (m.group(3) in cfg.held) != (part == "heldout"):
                errs.append("in the wrong part for the held-out rule")
            if not jf.exists():
                print(f"{eml}: no .json")
                bad += 1
                continue
            try:
                j = check_one(eml, jf, errs, cfg)
            except Exception as e:  # a crash here is a finding too
                errs.append(f"crash: {e!r}")
                j = {}
            n += 1
            if errs:
                bad += 1
                for e in errs:
                    print(f"{part}/{eml.name}: {e}")
            rows.append({"client": j.get("client"), "lang": j.get("lang"), "type": j.get("type"),
                         "part": part, "class": (j.get("reply") or {}).get("class"),
                         "kind": (j.get("subject") or {}).get("kind")})
            counts["client"][j.get("client")] += 1
            counts["lang"][j.get("lang")] += 1
            counts["type"][j.get("type")] += 1
            counts["direction"][j.get("direction")] += 1
            counts["part"][part] += 1
            if j.get("reply"):
                counts["class"][j["reply"]["class"]] += 1
            if j.get("type") == "original":
                counts["kind"][(j.get("subject") or {}).get("kind")] += 1
            if j.get("clean"):
                clean += 1
    if "--markdown" in sys.argv:
        markdown(rows, cfg.langs)
        sys.exit(1 if bad else 0)
    print(f"\n{n} messages, {bad} with problems, {clean} marked clean")
    for k, c in counts.items():
        print(f"{k:10s} " + ", ".join(f"{a}={b}" for a, b in sorted(c.items(), key=lambda x: str(x[0]))))
    missing = [c for c in CLASSES if counts["class"][c] < 7]
    if missing:
        print("classes under 7: " + ", ".join(f"{c}={counts['class'][c]}" for c in missing))
    sys.exit(1 if bad else 0)

