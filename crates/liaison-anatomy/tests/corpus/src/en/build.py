#!/usr/bin/env python3
"""Build the `en` author's corpus messages (numbers 500-999).

    python3 build.py            # writes ../../tune/ and ../../heldout/

The content of every message and its expected reading are hand-written in
messages/*.py. This script only wraps that content into each client's MIME shape
and copies the hand-written expectation into the .json beside the .eml. Two
fields are filled from the wrapping itself, never from liaison: `direction`
(From is one of `us`), and `quoted_first_line` when the message does not state it
(the first line of the quote header this script wrote).
"""

import base64
import importlib
import json
import os
import pkgutil
import random
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from corpus_en import clients, files  # noqa: E402
from corpus_en.clients import (boundary, html_document, flowed, person, render, rfc5322,  # noqa: E402
                               logo_cid, tz_of)
from corpus_en.dates import in_tz  # noqa: E402
from corpus_en.mime import (CRLF, addr, b64_body, encode_body, encoded_words, header_value,  # noqa: E402
                            is_ascii, rfc2231_param, rng_for)
from corpus_en.model import REG, lookup  # noqa: E402
from corpus_en.people import P  # noqa: E402

CORPUS = os.path.normpath(os.path.join(HERE, "..", ".."))

# Held-out part, fixed before any tuning: the numbers 500-999 in blocks of four,
# one number of each block drawn by a seeded RNG. Never change the seed.
_HRNG = random.Random("liaison-corpus-en/heldout/2026-12")
HELDOUT = {500 + 4 * b + _HRNG.randrange(4) for b in range(125)}


def load_messages():
    pkg = os.path.join(HERE, "messages")
    for m in sorted(pkgutil.iter_modules([pkg]), key=lambda m: m.name):
        importlib.import_module("messages." + m.name)


# ------------------------------------------------------------------ headers

def enc_display(spec, key, cs):
    p = P[key] if key in P else None
    if p is None:
        return key
    mode = spec.fmt.get("hdr_mode", "B")
    label = None
    try:
        p.display.encode(cs)
        use = cs
    except UnicodeEncodeError:
        use = "utf-8"
    if spec.client in ("gmail", "thunderbird") and use == "utf-8":
        label = "UTF-8"
    return addr(p.display, p.addr, use, mode) if label is None else \
        "%s <%s>" % (" ".join(encoded_words(p.display, use, mode, label=label)), p.addr) if not is_ascii(p.display) \
        else addr(p.display, p.addr)


def addr_list(spec, keys, cs, sep=", ", fold="\t"):
    items = [enc_display(spec, k, cs) for k in keys]
    return ("," + CRLF + fold).join(items) if len(items) > 1 else (items[0] if items else "")


def subject_header(spec, cs):
    s = spec.subject
    if is_ascii(s):
        return s
    mode = spec.fmt.get("subj_mode", "B")
    try:
        s.encode(cs)
        use = cs
    except UnicodeEncodeError:
        use = "utf-8"
    label = {"gmail": "UTF-8", "thunderbird": "UTF-8"}.get(spec.client, use)
    if use != "utf-8":
        label = use
    words = encoded_words(s, use, mode, label=label)
    return (CRLF + " ").join(words)


def _ti_bytes(spec):
    if spec.parent is None:
        r = rng_for(spec.n, "thread-index")
        return bytes([1, 1, 0xDB]) + bytes(r.getrandbits(8) for _ in range(19))
    r = rng_for(spec.n, "thread-index-child")
    return _ti_bytes(lookup(spec.parent)) + bytes(r.getrandbits(8) for _ in range(5))


def thread_index(spec, rend):
    """Outlook's Thread-Index: 22 bytes for a new thread, 5 more per reply."""
    return base64.b64encode(_ti_bytes(spec)).decode()


def thread_topic(subject):
    s = subject
    for p in ("RE: ", "Re: ", "FW: ", "Fw: ", "Fwd: ", "回覆: ", "答覆: ", "轉寄: ", "回复：", "Automatic reply: ",
              "自動回覆: ", "RE:", "Re:", "AW: "):
        while s.startswith(p):
            s = s[len(p):]
    return s


def exchange_headers(spec, rend, has_attach, cs):
    r = rng_for(spec.n, "exchange")
    g = uuid.UUID(int=r.getrandbits(128), version=4)
    tz = "+0000"
    host = rend.msgid.split("@")[1].split(".")[0]
    h = [
        ("Thread-Topic", header_value(thread_topic(spec.subject), cs if _enc_ok(thread_topic(spec.subject), cs) else "utf-8")),
        ("Thread-Index", thread_index(spec, rend)),
    ]
    return h, g, host


def _enc_ok(s, cs):
    try:
        s.encode(cs)
        return True
    except UnicodeEncodeError:
        return False


def headers_for(spec, rend, content_type_lines, has_attach, cs):
    c = spec.client
    frm = person(spec.frm)
    dt = rend.dt
    H = []
    to = addr_list(spec, spec.to, cs)
    cc = addr_list(spec, spec.cc, cs) if spec.cc else None
    reply_refs = rend.refs
    irt = reply_refs[-1] if reply_refs and spec.type in ("reply", "auto-reply") else None
    if spec.type == "forward" and reply_refs and c in ("outlook", "outlook-web", "gmail"):
        irt = reply_refs[-1]
    refs = " ".join(reply_refs) if reply_refs else None
    if refs and len(refs) > 70:
        refs = (CRLF + " ").join(reply_refs)
    subj = subject_header(spec, cs)
    extra = list(spec.headers)
    if c in ("outlook", "outlook-web"):
        utc = spec.fmt.get("utc", True)
        hdt = in_tz(dt, 0) if utc else dt
        th, g, host = exchange_headers(spec, rend, has_attach, cs)
        H.append(("From", enc_display(spec, spec.frm, cs)))
        H.append(("To", to))
        if cc:
            H.append(("CC", cc))
        H.append(("Subject", subj))
        H += th
        H.append(("Date", rfc5322(hdt)))
        H.append(("Message-ID", rend.msgid))
        if refs:
            H.append(("References", refs))
        if irt:
            H.append(("In-Reply-To", irt))
        lang = {"en": "en-US", "zh": "zh-CN", "zht": "zh-TW"}[spec.lang]
        if spec.fmt.get("content_language"):
            lang = spec.fmt["content_language"]
        accept = {"en-US": "en-US, zh-CN", "zh-CN": "zh-CN, en-US", "zh-TW": "zh-TW, en-US", "en-GB": "en-GB, en-US",
                  "de": "de-DE, en-US", "zh-HK": "zh-HK, en-US"}.get(frm.ui, "en-US")
        H.append(("Accept-Language", accept))
        H.append(("Content-Language", lang))
        H.append(("X-MS-Has-Attach", "yes" if has_attach else ""))
        H.append(("X-MS-TNEF-Correlator", ""))
        H += extra
        r = rng_for(spec.n, "exch2")
        if c == "outlook-web":
            H.append(("msip_labels", ""))
        H.append(("x-ms-publictraffictype", "Email"))
        H.append(("x-ms-traffictypediagnostic", "%s:EE_|%sMB%04d:EE_" % (host, host[:7], r.randrange(1000, 9999))))
        H.append(("x-ms-office365-filtering-correlation-id", str(g)))
        if c == "outlook-web":
            H.append(("x-ms-exchange-messagesentrepresentingtype", "1"))
        H.append(("x-ms-exchange-senderadcheck", "1"))
        H.append(("x-ms-exchange-antispam-relay", "0"))
        H.append(("x-microsoft-antispam", "BCL:0;ARA:13230040|1800799024|366016|376014|38070700018;"))
        H.append(("x-forefront-antispam-report",
                  "CIP:255.255.255.255;CTRY:;LANG:%s;SCL:1;SRV:;IPV:NLI;SFV:NSPM;H:%s.%s;PTR:;CAT:NONE;SFS:(13230040)(1800799024)(366016)(376014)(38070700018);DIR:OUT;SFP:1101;"
                  % (lang.lower(), host, rend.msgid.split("@")[1].split(".", 1)[1].rstrip(">"))))
        H += [content_type_lines[0]]
        H.append(("MIME-Version", "1.0"))
        if len(content_type_lines) > 1:
            H += content_type_lines[1:]
    elif c == "gmail":
        H.append(("MIME-Version", "1.0"))
        if refs:
            H.append(("References", refs))
        if irt:
            H.append(("In-Reply-To", irt))
        H += extra
        H.append(("From", enc_display(spec, spec.frm, cs)))
        H.append(("Date", rfc5322(dt)))
        H.append(("Message-ID", rend.msgid))
        H.append(("Subject", subj))
        H.append(("To", to.replace(CRLF + "\t", CRLF + " ")))
        if cc:
            H.append(("Cc", cc.replace(CRLF + "\t", CRLF + " ")))
        H += content_type_lines
    elif c == "apple-mail":
        iphone = spec.fmt.get("iphone")
        if iphone:
            H += content_type_lines
            H.append(("From", enc_display(spec, spec.frm, cs)))
            H.append(("Mime-Version", "1.0 (1.0)"))
            H.append(("Date", rfc5322(dt)))
            H.append(("Subject", subj))
            H.append(("Message-Id", rend.msgid))
            if refs:
                H.append(("References", refs))
            if cc:
                H.append(("Cc", cc.replace(CRLF + "\t", CRLF + " ")))
            if irt:
                H.append(("In-Reply-To", irt))
            H.append(("To", to.replace(CRLF + "\t", CRLF + " ")))
            H += extra
            H.append(("X-Mailer", "iPhone Mail (%s)" % spec.fmt.get("ios_build", "22B91")))
        else:
            H.append(("From", enc_display(spec, spec.frm, cs)))
            H += content_type_lines
            H.append(("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3774.600.62\\))"))
            H.append(("Subject", subj))
            H.append(("Date", rfc5322(dt)))
            if irt:
                H.append(("In-Reply-To", irt))
            if cc:
                H.append(("Cc", cc.replace(CRLF + "\t", CRLF + " ")))
            H.append(("To", to.replace(CRLF + "\t", CRLF + " ")))
            if refs:
                H.append(("References", refs))
            H.append(("Message-Id", rend.msgid))
            H += extra
            H.append(("X-Mailer", "Apple Mail (2.3774.600.62)"))
    else:  # thunderbird
        H.append(("Message-ID", rend.msgid))
        H.append(("Date", rfc5322(dt)))
        H.append(("MIME-Version", "1.0"))
        H.append(("User-Agent", "Mozilla Thunderbird"))
        H.append(("Subject", subj))
        lang = spec.fmt.get("content_language") or {"en": "en-US", "zh": "zh-CN", "zht": "zh-TW"}[spec.lang]
        H.append(("Content-Language", lang))
        H.append(("To", to.replace(CRLF + "\t", CRLF + " ")))
        if cc:
            H.append(("Cc", cc.replace(CRLF + "\t", CRLF + " ")))
        if refs:
            H.append(("References", refs))
        H.append(("From", enc_display(spec, spec.frm, cs)))
        if irt:
            H.append(("In-Reply-To", irt))
        H += extra
        H += content_type_lines
    return H


# ------------------------------------------------------------------ MIME parts

class Part:
    def __init__(self, headers, body=None, children=None, boundary=None, preamble=None):
        self.headers = headers
        self.body = body
        self.children = children
        self.boundary = boundary
        self.preamble = preamble

    def render(self, include_headers=True):
        out = []
        if include_headers:
            for k, v in self.headers:
                out.append("%s: %s" % (k, v) if v != "" else "%s: " % k)
            out.append("")
        if self.children is None:
            out.append(self.body)
        else:
            if self.preamble:
                out.append(self.preamble)
                out.append("")
            for ch in self.children:
                out.append("--" + self.boundary)
                out.append(ch.render())
            out.append("--" + self.boundary + "--")
            out.append("")
        return CRLF.join(out)


def default_charset(spec):
    cs = spec.fmt.get("charset")
    if cs:
        return cs
    if spec.lang == "zht" and spec.client == "outlook":
        return "big5"
    return "utf-8"


def default_cte(spec, text, kind):
    cte = spec.fmt.get("cte_" + kind) or spec.fmt.get("cte")
    if cte:
        return cte
    c = spec.client
    if c in ("outlook", "outlook-web"):
        return "quoted-printable"
    if c == "gmail":
        if is_ascii(text):
            return "7bit" if kind == "text" else "quoted-printable"
        cjk = sum(1 for ch in text if ord(ch) > 0x2e80)
        return "base64" if cjk > len(text) * 0.15 else "quoted-printable"
    if c == "apple-mail":
        return "quoted-printable"
    return "8bit" if not is_ascii(text) else "7bit"


def text_part(spec, body, cs, kind):
    c = spec.client
    subtype = "plain" if kind == "text" else "html"
    cte = default_cte(spec, body, kind)
    data = body.encode(cs)
    if c == "thunderbird" and kind == "text" and spec.fmt.get("flowed", True):
        ctype = "text/plain; charset=%s; format=flowed" % (cs.upper() if cs == "utf-8" else cs)
    elif c == "gmail":
        ctype = "text/%s; charset=\"%s\"" % (subtype, cs.upper() if cs == "utf-8" else cs)
    elif c == "apple-mail":
        ctype = "text/%s;%s\tcharset=%s" % (subtype, CRLF, cs)
    elif c == "thunderbird":
        ctype = "text/%s; charset=%s" % (subtype, cs.upper() if cs == "utf-8" else cs)
    else:
        label = cs if not (kind == "text" and is_ascii(body)) else "us-ascii"
        ctype = "text/%s; charset=\"%s\"" % (subtype, label)
    headers = [("Content-Type", ctype)]
    if not (c == "gmail" and cte == "7bit"):
        headers.append(("Content-Transfer-Encoding", cte))
    if c == "apple-mail":
        headers = [("Content-Transfer-Encoding", cte), ("Content-Type", ctype)]
    return Part(headers, encode_body(data, cte))


def attachment_part(spec, fname, content, idx, dt):
    c = spec.client
    ext = fname.rsplit(".", 1)[-1].lower()
    mt = files.MIME_TYPES[ext]
    if c == "gmail" and ext == "zip":
        mt = "application/zip"
    if c in ("thunderbird",) and ext == "zip":
        mt = "application/zip"
    b64 = b64_body(content)
    r = rng_for(spec.n, "att", idx)
    if c in ("outlook", "outlook-web"):
        cs = "utf-8"
        name = header_value(fname, cs, "B") if not is_ascii(fname) else fname
        stamp = rfc5322(in_tz(dt, 0)).replace("+0000", "GMT")
        hdrs = [("Content-Type", "%s;%s\tname=\"%s\"" % (mt, CRLF, name)),
                ("Content-Description", name),
                ("Content-Disposition", "attachment;%s\tfilename=\"%s\"; size=%d;%s\tcreation-date=\"%s\";%s\tmodification-date=\"%s\""
                 % (CRLF, name, len(content), CRLF, stamp, CRLF, stamp)),
                ("Content-Transfer-Encoding", "base64")]
    elif c == "gmail":
        name = header_value(fname, "utf-8", "B").replace("=?utf-8?", "=?UTF-8?") if not is_ascii(fname) else fname
        hdrs = [("Content-Type", "%s; name=\"%s\"" % (mt, name)),
                ("Content-Disposition", "attachment; filename=\"%s\"" % name),
                ("Content-Transfer-Encoding", "base64"),
                ("Content-ID", "<f_m%s%d>" % ("".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(8)), idx)),
                ("X-Attachment-Id", "f_m%s%d" % ("".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(8)), idx))]
    elif c == "apple-mail":
        if is_ascii(fname):
            disp = "attachment;%s\tfilename=%s" % (CRLF, fname if " " not in fname else '"%s"' % fname)
            ctn = "%s;%s\tname=\"%s\"" % (mt, CRLF, fname)
        else:
            disp = "attachment;%s\t%s" % (CRLF, rfc2231_param("filename", fname).replace(CRLF + " ", CRLF + "\t"))
            ctn = "%s;%s\tx-unix-mode=0644;%s\t%s" % (mt, CRLF, CRLF, rfc2231_param("name", fname).replace(CRLF + " ", CRLF + "\t"))
        hdrs = [("Content-Disposition", disp), ("Content-Type", ctn), ("Content-Transfer-Encoding", "base64")]
    else:
        if is_ascii(fname):
            hdrs = [("Content-Type", "%s; name=\"%s\"" % (mt, fname)),
                    ("Content-Disposition", "attachment; filename=\"%s\"" % fname)]
        else:
            hdrs = [("Content-Type", "%s; %s" % (mt, rfc2231_param("name", fname))),
                    ("Content-Disposition", "attachment; %s" % rfc2231_param("filename", fname))]
        hdrs.append(("Content-Transfer-Encoding", "base64"))
    return Part(hdrs, b64)


def logo_part(spec, dt):
    data = files.png(96, 28, (0x0B, 0x3D, 0x6E))
    cid = logo_cid(spec)
    if spec.client in ("outlook", "outlook-web"):
        stamp = rfc5322(in_tz(dt, 0)).replace("+0000", "GMT")
        return Part([("Content-Type", "image/png; name=\"image001.png\""),
                     ("Content-Description", "image001.png"),
                     ("Content-Disposition", "inline; filename=\"image001.png\"; size=%d;%s\tcreation-date=\"%s\";%s\tmodification-date=\"%s\""
                      % (len(data), CRLF, stamp, CRLF, stamp)),
                     ("Content-ID", "<%s>" % cid),
                     ("Content-Transfer-Encoding", "base64")], b64_body(data))
    return Part([("Content-Transfer-Encoding", "base64"),
                 ("Content-Disposition", "inline;%s\tfilename=logo.png" % CRLF),
                 ("Content-Type", "image/png;%s\tx-unix-mode=0666;%s\tname=\"logo.png\"" % (CRLF, CRLF)),
                 ("Content-Id", "<%s>" % cid)], b64_body(data))


def build_eml(spec):
    rend = render(spec)
    cs = default_charset(spec)
    c = spec.client
    plain = rend.plain.rstrip("\n") + "\n"
    try:
        plain.encode(cs)
        html_document(spec, rend.html, cs).encode(cs)
    except UnicodeEncodeError:
        # as Outlook does: a legacy charset that cannot carry the text falls back to UTF-8
        if spec.fmt.get("charset"):
            raise
        cs = "utf-8"
    if c == "thunderbird" and spec.fmt.get("flowed", True):
        plain = flowed(plain)
    html = html_document(spec, rend.html, cs)
    mode = spec.fmt.get("html", "alt")
    if c == "apple-mail" and spec.fmt.get("iphone") and "html" not in spec.fmt:
        mode = "plain"
    if c == "thunderbird" and "html" not in spec.fmt:
        mode = "plain"
    if c == "apple-mail" and "html" not in spec.fmt and not spec.fmt.get("logo"):
        mode = "plain"
    tp = text_part(spec, plain, cs, "text")
    hp = text_part(spec, html, cs, "html")
    if mode == "plain":
        body = tp
    elif mode == "only":
        body = hp
    else:
        body = Part([("Content-Type", "multipart/alternative;%s\tboundary=\"%s\"" % (CRLF, boundary(spec, "alt")))],
                    children=[tp, hp], boundary=boundary(spec, "alt"))
    if spec.fmt.get("logo") and mode != "plain":
        lp = logo_part(spec, rend.dt)
        if c == "apple-mail":
            rel = Part([("Content-Type", "multipart/related;%s\ttype=\"text/html\";%s\tboundary=\"%s\"" % (CRLF, CRLF, boundary(spec, "rel")))],
                       children=[hp, lp], boundary=boundary(spec, "rel"))
            body = Part([("Content-Type", "multipart/alternative;%s\tboundary=\"%s\"" % (CRLF, boundary(spec, "alt")))],
                        children=[tp, rel], boundary=boundary(spec, "alt"))
        else:
            body = Part([("Content-Type", "multipart/related;%s\tboundary=\"%s\";%s\ttype=\"multipart/alternative\"" % (CRLF, boundary(spec, "rel"), CRLF))],
                        children=[body, lp], boundary=boundary(spec, "rel"))
    atts = []
    for i, a in enumerate(spec.attach):
        fname, content_spec = (a, None) if isinstance(a, str) else a
        atts.append(attachment_part(spec, fname, files.make(fname, content_spec), i, rend.dt))
    if atts:
        pre = "This is a multi-part message in MIME format." if c == "thunderbird" else None
        body = Part([("Content-Type", "multipart/mixed;%s\tboundary=\"%s\"" % (CRLF, boundary(spec, "mix")))],
                    children=[body] + atts, boundary=boundary(spec, "mix"), preamble=pre)
    ct_lines = [h for h in body.headers]
    headers = headers_for(spec, rend, ct_lines, bool(atts), cs)
    top = Part(headers, body.body, body.children, body.boundary, body.preamble)
    data = top.render()
    if not data.endswith(CRLF):
        data += CRLF
    # headers are ASCII; 8bit bodies were kept as latin-1 code points of their bytes
    return data.encode("latin-1")


def expectation(spec):
    rend = render(spec)
    e = dict(spec.exp)
    us = [P[k].addr if k in P else k for k in spec.us]
    if not us:
        raise ValueError("%s: no `us`" % spec.n)
    frm = P[spec.frm].addr
    out = {
        "client": spec.client,
        "lang": spec.lang,
        "type": spec.type,
        "direction": "outgoing" if frm in us else "incoming",
        "us": us,
        "subject": e.pop("subject"),
        "greeting": e.pop("greeting", None),
        "opening": e.pop("opening", None),
        "background": e.pop("background", []),
        "items": e.pop("items", []),
        "attachments": [a if isinstance(a, str) else a[0] for a in spec.attach],
        "closing": e.pop("closing", None),
        "signature": e.pop("signature", None),
        "quoted_first_line": e.pop("quoted_first_line", rend.quoted_first_line),
    }
    if spec.type != "original":
        nt = e.pop("new_text", None)
        if nt is None:
            if spec.quote == "inline":
                pieces = ([spec.text] if spec.text else []) + [t for k, t in spec.inline if k == "a"]
                nt = "\n\n".join(pieces)
            else:
                nt = spec.text
        out["new_text"] = nt.strip()
    if spec.type in ("reply", "auto-reply"):
        out["reply"] = e.pop("reply")
    if e.pop("clean", False):
        out["clean"] = True
    if e:
        raise ValueError("%s: unknown expectation keys %s" % (spec.n, sorted(e)))
    return out


def main():
    load_messages()
    for part in ("tune", "heldout"):
        os.makedirs(os.path.join(CORPUS, part), exist_ok=True)
        for f in os.listdir(os.path.join(CORPUS, part)):
            stem = f.rsplit(".", 1)[0]
            num = stem.rsplit("-", 1)[-1]
            if num.isdigit() and 500 <= int(num) <= 999:
                os.remove(os.path.join(CORPUS, part, f))
    n = 0
    for num in sorted(REG):
        spec = REG[num]
        if not (500 <= num <= 999):
            raise ValueError("number out of range: %s" % num)
        part = "heldout" if num in HELDOUT else "tune"
        stem = "%s-%s-%03d" % (spec.client, spec.lang, num)
        eml = build_eml(spec)
        exp = expectation(spec)
        with open(os.path.join(CORPUS, part, stem + ".eml"), "wb") as f:
            f.write(eml)
        with open(os.path.join(CORPUS, part, stem + ".json"), "w", encoding="utf-8") as f:
            json.dump(exp, f, ensure_ascii=False, indent=2)
            f.write("\n")
        n += 1
    print("built %d messages" % n, file=sys.stderr)


if __name__ == "__main__":
    main()
