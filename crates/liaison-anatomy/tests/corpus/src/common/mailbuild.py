"""The corpus builder shared by the zh, c3, c4 and c5 authors (stdlib only): it wraps each
author's hand-written messages of src/<author>/msgs/*.txt into each client's MIME shape.

Each author's build.py holds only what is its own (an `Author`: number range, held-out seed,
client table) and calls `build(AUTHOR)`:

    python3 src/<author>/build.py   # rewrites tune/ and heldout/ for that author's range only

What is built here is only the envelope: headers in the client's order, Message-ID and
boundary shapes, charset and transfer encoding, the client's HTML flavour, its quoting of the
parent message, inline logos and attachment bytes. The text of every message and its
expected reading are hand-written in msgs/*.txt; the .json is that expectation re-shaped.
Everything is deterministic (randomness is seeded by the author and the message id).

History: written for the zh author (engines foxmail, qqmail, netease, outlook, dingtalk,
feishu), extended by c3 (apple, gmail, tbird engines; WeCom, Alimail, exmail app and Outlook
mobile on the older engines), by c4 (engines notes, richmail, ctmail, sina, sohu, huawei,
macol, winmail, roundcube, zimbra) and by c5 (Zoho, Lark, Yahoo, Samsung, Gmail Android,
Outlook for Mac, Spark, Proton, Fastmail, K-9, Superhuman as skins on the older engines).
Each extension only added branches for its own engines, skins and quote styles, so one
module rebuilds every author's files byte for byte.
"""

import base64
import hashlib
import html
import io
import json
import quopri
import random
import re
import struct
import sys
import zipfile
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import srcfmt

CORPUS = Path(__file__).resolve().parent.parent.parent


class Author:
    """What one corpus author owns: its number range, held-out seed, random seed prefix and
    client table (file-name client -> engine). The file-name client is also the message's
    "skin" (the client-specific headers, ids, charsets and quote style layered on an engine),
    except for the names in `skinless`: c4's `outlook-mac` is its own engine (macol), while
    c5's `outlook-mac` is a skin on the Outlook engine."""

    def __init__(self, name, msgs, lo, hi, digits, heldout_seed, clients, skinless=()):
        self.name = name
        self.msgs = Path(msgs)
        self.lo, self.hi, self.digits = lo, hi, digits
        self.heldout_seed = heldout_seed
        self.clients = dict(clients)
        self.skinless = set(skinless)

    def heldout_ids(self, all_ids):
        """One message in every block of four numbers (lo..lo+3, lo+4..lo+7, ...) is held out.

        The choice inside a block is a seeded shuffle of the block, so adding messages later
        never moves an earlier one between tune/ and heldout/."""
        out = set()
        for n in all_ids:
            block = (int(n) - self.lo) // 4
            order = list(range(4))
            random.Random(f"{self.heldout_seed}/{block}").shuffle(order)
            if (int(n) - self.lo) % 4 == order[0]:
                out.add(n)
        return out


# the author being built (set by build(); the engines read it through rng_for and render)
AUTHOR = None

# the ten engines c4 added: their own headers come from c4_headers(), the common ones (Date,
# From, To, Cc, Subject, References/In-Reply-To) from the Foxmail/Coremail branch of render()
C4_ENGINES = {"notes", "richmail", "ctmail", "sina", "sohu", "huawei", "macol", "winmail",
               "roundcube", "zimbra"}
# set by render(): the sender of the message being built (Notes names the forwarder)
CURRENT = {}

WEEK_CN = "一二三四五六日"
WEEK_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MON_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


# ---------------------------------------------------------------- small helpers

def rng_for(mid, salt=""):
    return random.Random(f"{AUTHOR.name}/{mid}/{salt}")


def hexs(r, n, upper=True):
    s = "".join(r.choice("0123456789abcdef") for _ in range(n))
    return s.upper() if upper else s


def digits(r, n):
    return "".join(r.choice("0123456789") for _ in range(n))


def parse_date(s):
    d = datetime.strptime(s, "%Y-%m-%d %H:%M:%S %z")
    return d


def rfc_date(d, paren=False):
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    mons = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    off = d.utcoffset()
    mins = int(off.total_seconds() // 60)
    sign = "+" if mins >= 0 else "-"
    mins = abs(mins)
    s = (f"{days[d.weekday()]}, {d.day} {mons[d.month-1]} {d.year} "
         f"{d:%H:%M:%S} {sign}{mins//60:02d}{mins%60:02d}")
    if paren and sign == "+" and mins == 480:
        s += " (CST)"
    return s


def codec(label):
    label = label.lower()
    # A gb2312 label on GBK text is what most Chinese clients really send.
    return {"gb2312": "gbk", "x-gbk": "gbk", "euc-cn": "gbk"}.get(label, label)


def parse_addr(s):
    s = s.strip()
    m = re.fullmatch(r"(.*?)\s*<([^>]+)>", s)
    if m:
        return (m.group(1).strip().strip('"'), m.group(2).strip())
    return ("", s)


def enc_word(text, charset, mode="B"):
    """RFC 2047 encoded words, split on character boundaries."""
    cs = charset
    py = codec(charset)
    words = []
    cur = ""
    limit = 45 if mode == "B" else 22
    for ch in text:
        if len((cur + ch).encode(py)) > limit:
            words.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        words.append(cur)
    out = []
    for w in words:
        b = w.encode(py)
        if mode == "B":
            out.append(f"=?{cs}?B?{base64.b64encode(b).decode()}?=")
        else:
            q = ""
            for byte in b:
                c = chr(byte)
                if c == " ":
                    q += "_"
                elif 33 <= byte < 127 and c not in "=?_\"(),.:;<>@[\\]":
                    q += c
                else:
                    q += f"={byte:02X}"
            out.append(f"=?{cs}?Q?{q}?=")
    return out


def header_text(name, value, charset, mode, eol):
    """A header with a possibly non-ASCII value. mode: B, Q, raw (8-bit), or none."""
    if all(ord(c) < 128 for c in value) or mode == "none":
        return f"{name}: {value}{eol}".encode("ascii")
    if mode == "raw":
        return f"{name}: ".encode() + value.encode(codec(charset)) + eol.encode()
    words = enc_word(value, charset, mode)
    return (f"{name}: " + f"{eol} ".join(words) + eol).encode("ascii")


def fmt_addr(name, addr, charset, mode, quote_words):
    if not name:
        return f"{addr}"
    if all(ord(c) < 128 for c in name):
        if re.search(r"[,.;:@()]", name) or quote_words:
            return f'"{name}" <{addr}>'
        return f"{name} <{addr}>"
    if mode == "raw":
        return f'"{name}" <{addr}>'
    w = " ".join(enc_word(name, charset, mode if mode in "BQ" else "B"))
    if quote_words:
        return f'"{w}" <{addr}>'
    return f"{w} <{addr}>"


def header_addrs(name, addrs, charset, mode, quote_words, eol):
    parts = [fmt_addr(n, a, charset, mode, quote_words) for n, a in addrs]
    val = f",{eol}\t".join(parts) if len(parts) > 1 else parts[0]
    if mode == "raw":
        return f"{name}: ".encode() + val.encode(codec(charset)) + eol.encode()
    return (f"{name}: {val}{eol}").encode("ascii")


def wrap_b64(b, eol, width=76):
    s = base64.b64encode(b).decode()
    return eol.join(s[i:i + width] for i in range(0, len(s), width))


def qp(b, eol):
    out = quopri.encodestring(b.replace(b"\r\n", b"\n")).decode("ascii")
    return out.replace("\n", eol)


# ---------------------------------------------------------------- files

FIXED_TIME = (2026, 11, 27, 9, 30, 0)


def _zip(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return buf.getvalue()


def make_file(name):
    stem = name.rsplit(".", 1)[0]
    ext = name.rsplit(".", 1)[-1].lower()
    ct_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="xml" ContentType="application/xml"/></Types>')
    if ext == "xlsx":
        sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                 'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" '
                 f't="inlineStr"><is><t>{html.escape(stem)}</t></is></c></row></sheetData></worksheet>')
        return _zip([("[Content_Types].xml", ct_xml), ("xl/worksheets/sheet1.xml", sheet)]), \
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    if ext == "docx":
        doc = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
               'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
               f'{html.escape(stem)}</w:t></w:r></w:p></w:body></w:document>')
        return _zip([("[Content_Types].xml", ct_xml), ("word/document.xml", doc)]), \
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    if ext == "pptx":
        sl = ('<?xml version="1.0" encoding="UTF-8"?><p:sld xmlns:p="http://schemas.'
              'openxmlformats.org/presentationml/2006/main"/>')
        return _zip([("[Content_Types].xml", ct_xml), ("ppt/slides/slide1.xml", sl)]), \
            "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    if ext == "zip" or ext == "rar":
        return _zip([("readme.txt", f"{stem}\n2026-11-27 09:30 export\n"),
                     ("log/app.log", "2026-11-26 21:04:11 ERROR pay-callback timeout order=...\n" * 3)]), \
            "application/zip" if ext == "zip" else "application/octet-stream"
    if ext == "pdf":
        body = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
                f"4 0 obj<</Title({hashlib.md5(stem.encode()).hexdigest()})>>endobj\n"
                "trailer<</Root 1 0 R/Info 4 0 R>>\n%%EOF\n").encode()
        return body, "application/pdf"
    if ext in ("png",):
        return png(24, 8, (30, 90, 160)), "image/png"
    if ext in ("jpg", "jpeg"):
        # a tiny baseline JPEG header followed by an end marker: enough to look like one
        return bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffdb004300") + bytes(64) + \
            bytes.fromhex("ffd9"), "image/jpeg"
    if ext in ("txt", "csv", "log", "md"):
        return (f"{stem}\n").encode("utf-8") + b"2026-11-27,ok\n", "text/plain"
    return hashlib.sha256(name.encode()).digest() * 8, "application/octet-stream"


def png(w, h, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))

    def chunk(t, d):
        c = struct.pack(">I", len(d)) + t + d
        return c + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# ---------------------------------------------------------------- body text -> text / html

URL = re.compile(r"(https?://[^\s<>\"，。）)]+)")


def esc(s):
    return html.escape(s, quote=False)


def linkify(s):
    out = []
    pos = 0
    for m in URL.finditer(s):
        out.append(esc(s[pos:m.start()]))
        u = m.group(1)
        out.append(f'<a href="{html.escape(u)}">{esc(u)}</a>')
        pos = m.end()
    out.append(esc(s[pos:]))
    t = "".join(out)
    # leading spaces survive in HTML only as &nbsp;
    lead = len(t) - len(t.lstrip(" "))
    return "&nbsp;" * lead + t[lead:]


def split_body(lines):
    """(new, rest): lines before the --sig-- marker and after it."""
    if "--sig--" in lines:
        i = lines.index("--sig--")
        return lines[:i], lines[i + 1:]
    return lines, []


def text_lines(lines, logo_cid):
    out = []
    for ln in lines:
        if ln == "[[logo]]":
            if logo_cid and logo_cid.startswith("image0"):
                out.append(f"[cid:{logo_cid}]")
            continue
        if ln.startswith("|") and ln.endswith("|"):
            cells = [c.strip() for c in ln.strip("|").split("|")]
            if all(re.fullmatch(r"-+", c) for c in cells):
                continue
            out.append("\t".join(cells))
            continue
        out.append(ln)
    return out


def html_block(lines, flavour, logo_cid):
    """Render lines in a client's editor flavour."""
    out = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.startswith("|") and ln.endswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|") and lines[i].endswith("|"):
                cells = [c.strip() for c in lines[i].strip("|").split("|")]
                if not all(re.fullmatch(r"-+", c) for c in cells):
                    rows.append(cells)
                i += 1
            out.append(html_table(rows, flavour))
            continue
        i += 1
        if ln == "[[logo]]":
            if logo_cid:
                img = f'<img src="cid:{logo_cid}" width="120" height="40" alt="logo">'
                if flavour == "outlook":
                    out.append(f'<p class=MsoNormal><span lang=EN-US><img width=120 height=40 '
                               f'style="width:1.25in;height:.4166in" id="图片_x0020_1" '
                               f'src="cid:{logo_cid}"></span><o:p></o:p></p>')
                else:
                    out.append(f"<div>{img}</div>")
            continue
        out.append(html_line(ln, flavour))
    return "".join(out)


def html_line(ln, flavour):
    if flavour == "outlook":
        if not ln.strip():
            return "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n"
        return f"<p class=MsoNormal>{linkify(ln)}<span lang=EN-US><o:p></o:p></span></p>\n"
    if flavour == "netease":
        if not ln.strip():
            return '<p style="margin: 0;"><br></p>'
        return f'<p style="margin: 0;">{linkify(ln)}</p>'
    if flavour == "ali":
        if not ln.strip():
            return '<div  style="clear:both;"><br ></div>'
        return f'<div  style="clear:both;">{linkify(ln)}</div>'
    if flavour == "feishu":
        if not ln.strip():
            return '<div style="line-height:1.6"><br></div>'
        return f'<div style="line-height:1.6">{linkify(ln)}</div>'
    if flavour == "apple":
        if not ln.strip():
            return '<div dir="ltr"><br></div>'
        return f'<div dir="ltr">{linkify(ln)}</div>'
    if flavour == "notes":
        if not ln.strip():
            return "<br>"
        return f'<font size=2 face="sans-serif">{linkify(ln)}</font><br>'
    if flavour == "roundcube":
        if not ln.strip():
            return "<p>&nbsp;</p>"
        return f"<p>{linkify(ln)}</p>"
    if flavour == "macol":
        if not ln.strip():
            return '<div><p class="MsoNormal"><span lang="EN-US">&nbsp;</span></p></div>'
        return f'<div><p class="MsoNormal"><span style="font-size:11.0pt">{linkify(ln)}</span></p></div>'
    if flavour == "huawei":
        if not ln.strip():
            return "<p><br></p>"
        return f'<p dir="ltr">{linkify(ln)}</p>'
    if flavour == "yahoo":
        if not ln.strip():
            return '<div dir="ltr" data-setdir="false"><br></div>'
        return f'<div dir="ltr" data-setdir="false">{linkify(ln)}</div>'
    if flavour == "samsung":
        if not ln.strip():
            return '<div dir="auto"><br></div>'
        return f'<div dir="auto">{linkify(ln)}</div>'
    if flavour == "spark":
        if not ln.strip():
            return '<div><br /></div>'
        return f'<div>{linkify(ln)}</div>'
    # foxmail, qq, gmail, thunderbird, 139/189/sina/sohu/zimbra/windows mail, zoho
    if not ln.strip():
        return "<div><br></div>"
    return f"<div>{linkify(ln)}</div>"


def html_table(rows, flavour):
    if flavour == "outlook":
        t = ['<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 '
             'style="border-collapse:collapse;border:none">']
        for r in rows:
            t.append("<tr>" + "".join(
                f'<td valign=top style="border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt">'
                f'<p class=MsoNormal>{linkify(c)}<o:p></o:p></p></td>' for c in r) + "</tr>")
        t.append("</table>\n")
        return "".join(t)
    t = ['<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;'
         'font-size:14px;">']
    for r in rows:
        t.append("<tr>" + "".join(f"<td>{linkify(c)}</td>" for c in r) + "</tr>")
    t.append("</table>")
    return "".join(t)


# ---------------------------------------------------------------- quote headers

def cn_date(d, style):
    if style == "fox":
        return f"{d:%Y-%m-%d %H:%M}"
    if style == "qq":
        h = d.hour
        if h < 12:
            ap, hh = "上午", h
        elif h == 12:
            ap, hh = "中午", 12
        elif h < 19:
            ap, hh = "下午", h - 12
        else:
            ap, hh = "晚上", h - 12
        return f"{d.year}年{d.month}月{d.day}日(星期{WEEK_CN[d.weekday()]}) {ap}{hh}:{d:%M}"
    if style == "ol":
        return f"{d.year}年{d.month}月{d.day}日 {d:%H:%M}"
    if style == "ol-week":
        return f"{d.year}年{d.month}月{d.day}日 星期{WEEK_CN[d.weekday()]} {d:%H:%M}"
    if style == "ol-en":
        h = d.hour % 12 or 12
        ap = "AM" if d.hour < 12 else "PM"
        return f"{WEEK_EN[d.weekday()]}, {MON_EN[d.month-1]} {d.day}, {d.year} {h}:{d:%M} {ap}"
    if style == "ne":
        return f"{d:%Y-%m-%d %H:%M:%S}"
    if style == "ali":
        return f"{d.year}年{d.month}月{d.day}日(星期{WEEK_CN[d.weekday()]}) {d:%H:%M}"
    if style == "fs":
        return f"{d.year}年{d.month}月{d.day}日 周{WEEK_CN[d.weekday()]} {d:%H:%M}"
    if style == "ol-en-s":
        h = d.hour % 12 or 12
        ap = "AM" if d.hour < 12 else "PM"
        return f"{WEEK_EN[d.weekday()]}, {MON_EN[d.month-1]} {d.day}, {d.year} {h}:{d:%M}:{d:%S} {ap}"
    if style == "short-en":
        return f"{WEEK_EN[d.weekday()][:3]}, {MON_EN[d.month-1][:3]} {d.day}, {d.year}"
    raise ValueError(style)


def local(d, tz_hours=8):
    return d.astimezone(timezone(timedelta(hours=tz_hours)))


def quote_header(style, p, fwd):
    """Return (text_lines, html) of the header block the replying client puts above the
    parent. p is the parent's rendered record."""
    frm_n, frm_a = p["from"]
    to = p["to"]
    cc = p["cc"]
    d = local(p["date"])
    subj = p["subject"]
    nm = lambda n, a: n or a  # noqa: E731

    if style == "box":
        L = ["发件人： " + nm(frm_n, frm_a), "发送时间： " + cn_date(d, "fox"),
             "收件人： " + "; ".join(nm(n, a) for n, a in to)]
        if cc:
            L.append("抄送： " + "; ".join(nm(n, a) for n, a in cc))
        L.append("主题： " + subj)

        def hl(lbl, v):
            return f"<div><b>{lbl}：</b>&nbsp;{v}</div>"
        ppl = lambda xs: "; ".join(f'<a href="mailto:{a}">{esc(nm(n, a))}</a>' for n, a in xs)  # noqa
        H = ('<div>&nbsp;</div><div style="border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
             '<div style="PADDING-RIGHT: 8px; PADDING-LEFT: 8px; FONT-SIZE: 12px;FONT-FAMILY:tahoma;'
             'COLOR:#000000; BACKGROUND: #efefef; PADDING-BOTTOM: 8px; PADDING-TOP: 8px">'
             + hl("发件人", ppl([(frm_n, frm_a)]))
             + hl("发送时间", cn_date(d, "fox").replace(" ", "&nbsp;"))
             + hl("收件人", ppl(to)) + (hl("抄送", ppl(cc)) if cc else "")
             + hl("主题", esc(subj)) + "</div></div>")
        return L, H

    if style == "yuanshi":
        q = lambda xs: "".join(f'"{n or a}"<{a}>;' for n, a in xs)  # noqa
        head = "------------------ 原始邮件 ------------------"
        L = [head, "发件人: " + q([(frm_n, frm_a)]), "发送时间: " + cn_date(d, "qq"),
             "收件人: " + q(to)]
        if cc:
            L.append("抄送: " + q(cc))
        L += ["", "主题: " + subj]
        hq = lambda xs: "".join(f'"{esc(n or a)}"&lt;{a}&gt;;' for n, a in xs)  # noqa
        H = ('<div style="font-size: 12px;font-family: Arial Narrow;padding:2px 0 2px 0;">'
             '------------------&nbsp;原始邮件&nbsp;------------------</div>'
             '<div style="font-size: 12px;background:#efefef;padding:8px;">'
             f'<div><b>发件人:</b>&nbsp;{hq([(frm_n, frm_a)])}</div>'
             f'<div><b>发送时间:</b>&nbsp;{cn_date(d, "qq")}</div>'
             f'<div><b>收件人:</b>&nbsp;{hq(to)}<wbr></div>'
             + (f'<div><b>抄送:</b>&nbsp;{hq(cc)}<wbr></div>' if cc else "")
             + f'<div></div><div><b>主题:</b>&nbsp;{esc(subj)}</div></div><div><br></div>')
        return L, H

    if style in ("xiedao", "xiedao-en"):
        who = f'"{frm_n}" <{frm_a}>' if frm_n else f"{frm_a}"
        if style == "xiedao":
            line = f"在 {cn_date(d, 'ne')}，{who} 写道："
        else:
            line = f"At {cn_date(d, 'ne')}, {who} wrote:"
        H = (f'<br><br><div style="position:relative;zoom:1"></div><div id="divNeteaseMailCard"></div>'
             f'<br><pre><br>{esc(line)}<br></pre>')
        return [line], H

    if style == "master":
        L = ["---- 回复的原邮件 ----" if not fwd else "---- 转发的原邮件 ----",
             f"| 发件人 | {frm_n}<{frm_a}> |", f"| 日期 | {d.year}年{d.month}月{d.day}日 {d:%H:%M} |",
             "| 收件人 | " + "; ".join(f"{n}<{a}>" if n else a for n, a in to) + " |",
             f"| 主题 | {subj} |"]
        rows = [("发件人", f"{frm_n}<{frm_a}>"), ("日期", f"{d.year}年{d.month}月{d.day}日 {d:%H:%M}"),
                ("收件人", "; ".join(f"{n}<{a}>" if n else a for n, a in to)), ("主题", subj)]
        H = (f'<div style="font-size:12px;padding:2px 0;">{L[0]}</div><table class="mail-master-quote" '
             'style="font-size:12px;background:#f2f2f2;">'
             + "".join(f'<tr><td>{esc(a)}</td><td>{esc(b)}</td></tr>' for a, b in rows) + "</table>")
        return L, H

    if style == "zhuanfa":
        L = ["-------- 转发邮件信息 --------", f'发件人："{frm_n}" <{frm_a}>' if frm_n else f"发件人：{frm_a}",
             f"发送日期：{cn_date(d, 'ne')}",
             "收件人：" + ", ".join(f'"{n}" <{a}>' if n else a for n, a in to)]
        if cc:
            L.append("抄送：" + ", ".join(f'"{n}" <{a}>' if n else a for n, a in cc))
        L.append("主题：" + subj)
        H = ('<br><br><div style="position:relative;zoom:1"></div><br>'
             + "".join(f"<div>{esc(x)}</div>" for x in L) + "<br>")
        return L, H

    if style in ("ol", "ol-line", "ol-week", "ol-mailto", "ol-orig", "ol-en", "ol-line-en", "ol-line-zht"):
        en = style in ("ol-en", "ol-line-en")
        lab = (("From", "Sent", "To", "Cc", "Subject") if en else
               ("寄件者", "寄件日期", "收件者", "副本", "主旨") if style == "ol-line-zht" else
               ("发件人", "发送时间", "收件人", "抄送", "主题"))
        if style in ("ol-mailto", "ol-orig"):
            fr = f"{frm_n} [mailto:{frm_a}] " if frm_n else f"{frm_a} "
        else:
            fr = f"{frm_n} <{frm_a}> " if frm_n else f"{frm_a} "
        ds = cn_date(d, "ol-en-s" if style == "ol-line-en" else "ol-en" if en else
                     ("ol-week" if style == "ol-week" else "ol"))
        tol = "; ".join(f"{n} <{a}>" if n else a for n, a in to) if style != "ol-mailto" \
            else "; ".join(n or a for n, a in to)
        ccl = "; ".join(f"{n} <{a}>" if n else a for n, a in cc) if style != "ol-mailto" \
            else "; ".join(n or a for n, a in cc)
        L = []
        if style == "ol-orig":
            L.append("-----原始邮件-----")
        if style in ("ol-line", "ol-line-en", "ol-line-zht"):
            L.append("________________________________")
        L += [f"{lab[0]}: {fr}", f"{lab[1]}: {ds}", f"{lab[2]}: {tol}"]
        if cc:
            L.append(f"{lab[3]}: {ccl}")
        L.append(f"{lab[4]}: {subj}")

        def b(lbl, v, last=False):
            return (f"<b>{lbl}<span lang=EN-US>:</span></b><span lang=EN-US> {esc(v)}"
                    + ("" if last else "<br>") + "</span>")
        inner = (b(lab[0], fr) + b(lab[1], ds) + b(lab[2], tol) + (b(lab[3], ccl) if cc else "")
                 + b(lab[4], subj, True))
        pre = ""
        if style == "ol-orig":
            pre = "<p class=MsoNormal><span lang=EN-US>-----原始邮件-----<o:p></o:p></span></p>\n"
        if style in ("ol-line", "ol-line-en", "ol-line-zht"):
            pre = ('<div class=MsoNormal align=center style="text-align:center"><hr size=2 width="98%" '
                   'align=center></div>\n')
            L[0] = "________________________________"
        H = (f'<div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">{pre}'
             f'<p class=MsoNormal>{inner}<o:p></o:p></p></div></div>\n'
             '<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n')
        if style in ("ol-line", "ol-line-en", "ol-line-zht"):
            # the html rendering of the line is an <hr>, not underscores
            H = (pre + f'<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" '
                 f'style="font-size:11pt" color="#000000">{inner}</font><div>&nbsp;</div></div>\n')
        return L, H

    if style in ("apple", "apple-en", "apple-zht"):
        who = f"{frm_n} <{frm_a}>" if frm_n else frm_a
        if style == "apple":
            line = f"在 {d.year}年{d.month}月{d.day}日，{d:%H:%M}，{who} 写道："
        elif style == "apple-zht":
            line = f"{who} 於 {d.year}年{d.month}月{d.day}日 {d:%H:%M} 寫道："
        else:
            line = f"On {MON_EN[d.month-1][:3]} {d.day}, {d.year}, at {d:%H:%M}, {who} wrote:"
        return [line], f'<div dir="ltr"><br><blockquote type="cite">{esc(line)}<br><br></blockquote></div>'

    if style in ("gmail", "gmail-en"):
        who = f"{frm_n} <{frm_a}>" if frm_n else f"<{frm_a}>"
        hwho = (f'{esc(frm_n)} &lt;<a href="mailto:{frm_a}">{frm_a}</a>&gt;' if frm_n
                else f'&lt;<a href="mailto:{frm_a}">{frm_a}</a>&gt;')
        if style == "gmail":
            tail = f"于{d.year}年{d.month}月{d.day}日周{WEEK_CN[d.weekday()]} {d:%H:%M}写道："
            line = f"{who} {tail}"
            hl = f"{hwho} {tail}"
        else:
            h = d.hour % 12 or 12
            ap = "AM" if d.hour < 12 else "PM"
            head = f"On {cn_date(d, 'short-en')} at {h}:{d:%M} {ap}"
            line = f"{head} {who} wrote:"
            hl = f"{head} {hwho} wrote:"
        return [line], f'<div class="gmail_quote"><div dir="ltr" class="gmail_attr">{hl}<br></div>'

    if style in ("gmail-fwd", "gmail-fwd-en"):
        who = f"{frm_n} <{frm_a}>" if frm_n else f"<{frm_a}>"
        h = d.hour % 12 or 12
        ap = "AM" if d.hour < 12 else "PM"
        if style == "gmail-fwd":
            ds = f"{d.year}年{d.month}月{d.day}日周{WEEK_CN[d.weekday()]} {d:%H:%M}"
            L = ["---------- Forwarded message ---------", f"发件人： {who}", f"Date: {ds}"]
        else:
            ds = f"{cn_date(d, 'short-en')} at {h}:{d:%M} {ap}"
            L = ["---------- Forwarded message ---------", f"From: {who}", f"Date: {ds}"]
        L += [f"Subject: {subj}", "To: " + ", ".join(f"{n} <{a}>" if n else a for n, a in to)]
        if cc:
            L.append("Cc: " + ", ".join(f"{n} <{a}>" if n else a for n, a in cc))
        H = ('<div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
             + "<br>".join(esc(x) for x in L) + "<br></div><br><br>")
        return L, H

    if style in ("tbird-fwd-zht", "tbird-fwd", "tbird-fwd-en"):
        lab = {"tbird-fwd-zht": ("-------- 轉寄的訊息 --------", "主旨：", "日期：", "寄件者：", "收件者："),
               "tbird-fwd": ("-------- 转发的消息 --------", "主题：", "日期：", "发件人：", "收件人："),
               "tbird-fwd-en": ("-------- Forwarded Message --------", "Subject:", "Date:", "From:", "To:")}[style]
        who = f"{frm_n} <{frm_a}>" if frm_n else frm_a
        L = [lab[0], f"{lab[1]} \t{subj}", f"{lab[2]} \t{rfc_date(p['date'])}", f"{lab[3]} \t{who}",
             f"{lab[4]} \t" + ", ".join(f"{n} <{a}>" if n else a for n, a in to)]
        H = ('<div class="moz-forward-container"><br><br>' + esc(lab[0]) + '<table class="moz-email-headers-table">'
             + "".join(f"<tr><th>{esc(x.split(chr(9))[0].strip())}</th><td>{esc(x.split(chr(9))[1])}</td></tr>" for x in L[1:])
             + "</table><br>")
        return L, H

    if style in ("tbird", "tbird-en", "tbird-zht"):
        who = frm_n or frm_a
        if style == "tbird-zht":
            line = f"於 {d.year}/{d.month}/{d.day} {d:%H:%M}, {who} 寫道:"
        elif style == "tbird":
            line = f"在 {d.year}/{d.month}/{d.day} {d:%H:%M}, {who} 写道:"
        else:
            line = f"On {d.month}/{d.day}/{d:%y} {d:%H:%M}, {who} wrote:"
        return [line], f'<div class="moz-cite-prefix">{esc(line)}<br></div>'

    if style == "yuanshi-en":
        q = lambda xs: "".join(f'"{n or a}"<{a}>;' for n, a in xs)  # noqa
        h = d.hour % 12 or 12
        ap = "AM" if d.hour < 12 else "PM"
        ds = f"{cn_date(d, 'short-en')} {h:02d}:{d:%M} {ap}"
        L = ["------------------ Original ------------------", "From: " + q([(frm_n, frm_a)]),
             "Date: " + ds, "To: " + q(to)]
        if cc:
            L.append("Cc: " + q(cc))
        L += ["Subject: " + subj]
        H = ('<div style="font-size: 12px;font-family: Arial Narrow;padding:2px 0 2px 0;">'
             '------------------&nbsp;Original&nbsp;------------------</div>'
             '<div style="font-size: 12px;background:#efefef;padding:8px;">'
             + "".join(f"<div>{esc(x)}</div>" for x in L[1:]) + '</div><div><br></div>')
        return L, H

    if style == "box-en":
        L = ["From: " + nm(frm_n, frm_a), "Date: " + cn_date(d, "fox"),
             "To: " + "; ".join(nm(n, a) for n, a in to)]
        if cc:
            L.append("CC: " + "; ".join(nm(n, a) for n, a in cc))
        L.append("Subject: " + subj)
        H = ('<div>&nbsp;</div><div style="border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
             '<div style="PADDING-RIGHT: 8px; PADDING-LEFT: 8px; FONT-SIZE: 12px;FONT-FAMILY:tahoma;'
             'COLOR:#000000; BACKGROUND: #efefef; PADDING-BOTTOM: 8px; PADDING-TOP: 8px">'
             + "".join(f"<div>{esc(x)}</div>" for x in L) + "</div></div>")
        return L, H

    if style == "ali-en":
        dash = "-" * 66
        ds = f"{d.year} {MON_EN[d.month-1][:3]}. {d.day} ({WEEK_EN[d.weekday()][:3]}.) {d:%H:%M}"
        L = [dash, f"From:{frm_n} <{frm_a}>" if frm_n else f"From:{frm_a}", f"Send Time:{ds}",
             "To:" + "; ".join(f"{n} <{a}>" if n else a for n, a in to)]
        if cc:
            L.append("Cc:" + "; ".join(f"{n} <{a}>" if n else a for n, a in cc))
        L.append("Subject:" + subj)
        H = "".join(f'<div  style="clear:both;">{esc(x)}</div>' for x in L) + \
            '<div  style="clear:both;"><br ></div>'
        return L, H

    if style == "fs-en":
        L = []
        if fwd:
            L.append("---------- Forwarded message ----------")
        L += [f"From: {frm_n} <{frm_a}>" if frm_n else f"From: {frm_a}",
              f"Date: {cn_date(d, 'short-en')}, {d:%H:%M}",
              "Subject: " + subj,
              "To: " + ", ".join(f"{n} <{a}>" if n else a for n, a in to)]
        if cc:
            L.append("Cc: " + ", ".join(f"{n} <{a}>" if n else a for n, a in cc))
        H = ('<div class="history-quote-meta-wrapper history-quote-gap-tag" '
             'style="padding:12px;background:#f5f6f7;border-radius:4px;font-size:12px;">'
             + "".join(f"<div>{esc(x)}</div>" for x in L) + "</div>")
        return L, H

    if style == "ali":
        dash = "-" * 66
        L = [dash, f"发件人：{frm_n} <{frm_a}>" if frm_n else f"发件人：{frm_a}",
             f"发送时间：{cn_date(d, 'ali')}",
             "收件人：" + "; ".join(f"{n} <{a}>" if n else a for n, a in to)]
        if cc:
            L.append("抄　送：" + "; ".join(f"{n} <{a}>" if n else a for n, a in cc))
        L.append("主　题：" + subj)
        H = "".join(f'<div  style="clear:both;">{esc(x)}</div>' for x in L) + \
            '<div  style="clear:both;"><br ></div>'
        return L, H

    if style == "fs":
        L = []
        if fwd:
            L.append("---------- 转发的邮件 ----------")
        L += [f"发件人: {frm_n} <{frm_a}>" if frm_n else f"发件人: {frm_a}",
              f"日期: {cn_date(d, 'fs')}",
              "收件人: " + ", ".join(f"{n} <{a}>" if n else a for n, a in to)]
        if cc:
            L.append("抄送: " + ", ".join(f"{n} <{a}>" if n else a for n, a in cc))
        L.append("主题: " + subj)
        H = ('<div class="history-quote-meta-wrapper history-quote-gap-tag" '
             'style="padding:12px;background:#f5f6f7;border-radius:4px;font-size:12px;">'
             + "".join(f"<div>{esc(x)}</div>" for x in L) + "</div>")
        return L, H
    r4 = c4_quote_header(style, p, fwd)
    if r4 is not None:
        return r4
    raise ValueError(f"unknown quote style {style}")


def notes_name(name, addr):
    """How Notes shows a person: the hierarchical name for the replier's own domino domain,
    the internet address for everybody else."""
    me = CURRENT.get("addr", "")
    if name and me and addr.split("@")[1] == me.split("@")[1]:
        org = addr.split("@")[1].split(".")[0].upper()
        return f"{name}/{org}@{org}"
    return f'"{name}" <{addr}>' if name else addr


def c4_quote_header(style, p, fwd):
    frm_n, frm_a = p["from"]
    to = p["to"]
    cc = p["cc"]
    d = local(p["date"])
    subj = p["subject"]
    people = lambda xs, f: ", ".join(f(n, a) for n, a in xs)  # noqa: E731
    angle = lambda n, a: f"{n} <{a}>" if n else a  # noqa: E731
    quoted = lambda n, a: f'"{n}" <{a}>' if n else a  # noqa: E731
    divs = lambda L: "".join(f"<div>{esc(x)}</div>" for x in L)  # noqa: E731
    if style in ("notes", "notes-fwd"):
        L = []
        if style == "notes-fwd":
            me_n, me_a = CURRENT.get("name", ""), CURRENT.get("addr", "")
            org = me_a.split("@")[1].split(".")[0].upper()
            L.append(f"----- 转发者 {me_n}/{org} 于 {CURRENT['date']:%Y/%m/%d %H:%M} -----")
        L += [f"发件人:\t{notes_name(frm_n, frm_a)}", f"收件人:\t{people(to, notes_name)}"]
        if cc:
            L.append(f"抄送:\t{people(cc, notes_name)}")
        L += [f"日期:\t{d:%Y/%m/%d %H:%M}", f"主题:\t{subj}"]
        H = ('<br><br><font size=1 color=#5f5f5f face="sans-serif">'
             + "<br>".join(esc(x).replace("\t", "&nbsp;&nbsp;") for x in L) + "</font><br><hr><br>")
        return L, H
    if style == "richmail":
        L = ["----邮件原文----", f"发件人：{angle(frm_n, frm_a)}", f"收件人：{people(to, angle)}"]
        if cc:
            L.append(f"抄　送：{people(cc, angle)}")
        L += [f"发送时间：{d:%Y-%m-%d %H:%M:%S}", f"主题：{subj}"]
        H = '<div style="font-size:12px;color:#888;padding:6px 0;">' + divs(L) + "</div>"
        return L, H
    if style == "ctmail":
        L = ["-----原始邮件-----", f"发件人：{quoted(frm_n, frm_a)}",
             f"发送时间：{d.year}年{d.month}月{d.day}日 星期{WEEK_CN[d.weekday()]} {d:%H:%M}",
             f"收件人：{people(to, quoted)}"]
        if cc:
            L.append(f"抄送：{people(cc, quoted)}")
        L.append(f"主题：{subj}")
        H = '<div style="background:#f4f4f4;padding:8px;font-size:12px;">' + divs(L) + "</div>"
        return L, H
    if style == "sina":
        L = ["----- 原始邮件 -----", f"发件人：{quoted(frm_n, frm_a)}", f"收件人：{people(to, quoted)}"]
        if cc:
            L.append(f"抄送：{people(cc, quoted)}")
        L += [f"主题：{subj}", f"日期：{d.year}年{d.month}月{d.day}日 {d:%H}时{d:%M}分"]
        H = '<div style="font-size:12px;">' + divs(L) + "</div>"
        return L, H
    if style == "sohu":
        L = ["--------------原始邮件--------------", f"发件人：{quoted(frm_n, frm_a)}",
             f"发送时间：{d:%Y-%m-%d %H:%M:%S}", f"收件人：{people(to, quoted)}"]
        if cc:
            L.append(f"抄送：{people(cc, quoted)}")
        L.append(f"主题：{subj}")
        H = '<div class="sohu-quote-head" style="font-size:12px;color:#666;">' + divs(L) + "</div>"
        return L, H
    if style == "huawei":
        h = d.hour
        ap, hh = ("上午", h) if h < 12 else ("下午", h - 12 if h > 12 else 12)
        L = ["-------- 原始邮件 --------", f"发件人： {angle(frm_n, frm_a)}",
             f"日期： {d.year}年{d.month}月{d.day}日周{WEEK_CN[d.weekday()]} {ap}{hh}:{d:%M}",
             f"收件人： {people(to, angle)}"]
        if cc:
            L.append(f"抄送： {people(cc, angle)}")
        L.append(f"主题： {subj}")
        H = '<div class="quote">' + "<br>".join(esc(x) for x in L) + "<br><br></div>"
        return L, H
    if style == "macol":
        L = [f"发件人: {angle(frm_n, frm_a)}",
             f"日期: {d.year}年{d.month}月{d.day}日 星期{WEEK_CN[d.weekday()]} {d:%H:%M}",
             f"收件人: {people(to, angle)}"]
        if cc:
            L.append(f"抄送: {people(cc, angle)}")
        L.append(f"主题: {subj}")
        H = ('<div style="border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
             '<p class="MsoNormal" style="margin-bottom:12.0pt">'
             + "<br>".join(f"<b>{esc(x.split(': ', 1)[0])}: </b>{esc(x.split(': ', 1)[1])}" for x in L)
             + "</p></div>")
        return L, H
    if style == "macol-zht":
        L = [f"寄件者: {angle(frm_n, frm_a)}",
             f"日期: {d.year}年{d.month}月{d.day}日 星期{WEEK_CN[d.weekday()]} {d:%H:%M}",
             f"收件者: {people(to, angle)}"]
        if cc:
            L.append(f"副本: {people(cc, angle)}")
        L.append(f"主旨: {subj}")
        H = ('<div style="border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
             '<p class="MsoNormal" style="margin-bottom:12.0pt">'
             + "<br>".join(f"<b>{esc(x.split(': ', 1)[0])}: </b>{esc(x.split(': ', 1)[1])}" for x in L)
             + "</p></div>")
        return L, H
    if style == "macol-en":
        dz = p["date"].astimezone(CURRENT.get("tz") or d.tzinfo)
        L = [f"From: {angle(frm_n, frm_a)}",
             f"Date: {WEEK_EN[dz.weekday()]}, {dz.day} {MON_EN[dz.month-1]} {dz.year} at {dz:%H:%M}",
             f"To: {people(to, angle)}"]
        if cc:
            L.append(f"Cc: {people(cc, angle)}")
        L.append(f"Subject: {subj}")
        H = ('<div style="border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
             '<p class="MsoNormal" style="margin-bottom:12.0pt">'
             + "<br>".join(f"<b>{esc(x.split(': ', 1)[0])}: </b>{esc(x.split(': ', 1)[1])}" for x in L)
             + "</p></div>")
        return L, H
    if style in ("roundcube", "roundcube-en"):
        if style == "roundcube":
            line = f"在 {d:%Y-%m-%d %H:%M}，{frm_n or frm_a} 写道:"
        else:
            dz = p["date"].astimezone(CURRENT.get("tz") or d.tzinfo)
            line = f"On {dz:%Y-%m-%d %H:%M}, {frm_n or frm_a} wrote:"
        return [line], f"<p>{esc(line)}</p>"
    if style == "zimbra":
        h = d.hour
        ap, hh = ("上午", h) if h < 12 else ("下午", h - 12 if h > 12 else 12)
        L = ["----- 原始邮件 -----", f"发件人: {people([(frm_n, frm_a)], quoted)}",
             f"收件人: {people(to, quoted)}"]
        if cc:
            L.append(f"抄送: {people(cc, quoted)}")
        L += [f"发送时间: 星期{WEEK_CN[d.weekday()]}, {d.year}年 {d.month} 月 {d.day:02d}日 {ap} {hh}:{d:%M}:{d:%S}",
              f"主题: {subj}"]
        H = ('<hr id="zwchr" data-marker="__DIVIDER__"><div>----- 原始邮件 -----</div><div data-marker="__HEADERS__">'
             + "".join(f"<b>{esc(x.split(': ', 1)[0])}: </b>{esc(x.split(': ', 1)[1])}<br>" for x in L[1:])
             + "</div><br>")
        return L, H
    return None


# the replier's UTC offset in hours: the c5 quote headers show the parent's time in the
# replying client's own zone, as these clients do (set per message in render)
REPLY_TZ = [8]

C5_STYLES = {"zoho", "zoho-fwd", "yahoo", "yahoo-zht", "olmac-zht", "samsung", "gmail-android", "olmac", "spark", "proton",
             "proton-fwd", "fastmail", "k9", "apple-mac-zht", "superhuman"}
# styles whose text/plain part prefixes the quoted lines with '>'
C5_PREFIX = {"zoho", "gmail-android", "spark", "proton", "fastmail", "k9", "apple-mac-zht",
             "superhuman"}


def gmt_off(d, colon=False):
    mins = int(d.utcoffset().total_seconds() // 60)
    sign = "+" if mins >= 0 else "-"
    mins = abs(mins)
    if colon:
        return f"GMT{sign}{mins // 60:02d}:{mins % 60:02d}"
    return f"GMT{sign}{mins // 60}" + (f":{mins % 60:02d}" if mins % 60 else "")


def ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def parent_fields(p):
    """The parent's fields as the c5 and c6 quote styles write them: sender name and
    address, local date, subject, `Name <addr>`, a people formatter, the 12-hour clock,
    English weekday and month, and the parent's plain and HTML text."""
    frm_n, frm_a = p["from"]
    d = local(p["date"], REPLY_TZ[0])
    who = f"{frm_n} <{frm_a}>" if frm_n else frm_a
    ppl = lambda xs: ", ".join(f"{n} <{a}>" if n else a for n, a in xs)  # noqa: E731
    return (frm_n, frm_a, d, p["subject"], who, ppl, d.hour % 12 or 12,
            "AM" if d.hour < 12 else "PM", WEEK_EN[d.weekday()], MON_EN[d.month - 1],
            p["plain"], p["inner"])


def quote_c5(style, p, fwd):
    """(text, html) of the quoted parent for the c5 clients."""
    frm_n, frm_a, d, subj, who, ppl, h12, ap, wd, mon, ptext, inner = parent_fields(p)
    if style == "zoho":
        L = [f"---- On {rfc_date(d)} {who} wrote ---"]
        H = ('<div class="zmail_extra_hr" style="border-top: 1px solid rgb(204, 204, 204); height: 0px; '
             'margin-top: 10px; margin-bottom: 10px; line-height: 0px;"><br></div>'
             f'<div class="zmail_extra" data-zmail_extra=""><div><br></div><div id="Zm-_Id_-Sgn1">{esc(L[0])}<br></div>'
             '<div><br></div></div><blockquote style="border-left: 1px solid rgb(204, 204, 204); padding-left: 6px; '
             f'margin: 0px 0px 0px 5px;">{inner}</blockquote>')
    elif style == "zoho-fwd":
        L = ["============ Forwarded message ============", f"From: {who}", f"To: {ppl(p['to'])}",
             f"Date: {rfc_date(d)}", f"Subject: {subj}", "============ Forwarded message ============"]
        H = ('<div class="zmail_extra" data-zmail_extra=""><div><br></div>'
             + "".join(f"<div>{esc(x)}<br></div>" for x in L) + f'</div><div><br></div>{inner}')
    elif style == "yahoo":
        L = [f"On {wd}, {mon} {d.day}, {d.year} at {h12}:{d:%M}:{d:%S} {ap} {gmt_off(d)}, {who} wrote:"]
        H = (f'<div id="yahoo_quoted_{digits(random.Random(p["msgid"]), 10)}" class="yahoo_quoted">'
             '<div style="font-family:\'Helvetica Neue\', Helvetica, Arial, sans-serif;font-size:13px;color:#26282a;">'
             f'<div>{esc(L[0])}</div><div><br></div><div><br></div><div><div dir="ltr">{inner}</div></div></div></div>')
    elif style == "yahoo-zht":
        ap_zh = "上午" if d.hour < 12 else "下午"
        L = [f"於 {d.year}年{d.month}月{d.day}日 星期{WEEK_CN[d.weekday()].replace('日', '日')} {ap_zh}{h12}:{d:%M}:{d:%S} "
             f"[{gmt_off(d)}], {who} 寫道:"]
        H = (f'<div id="yahoo_quoted_{digits(random.Random(p["msgid"]), 10)}" class="yahoo_quoted">'
             '<div style="font-family:\'Helvetica Neue\', Helvetica, Arial, sans-serif;font-size:13px;color:#26282a;">'
             f'<div>{esc(L[0])}</div><div><br></div><div><br></div><div><div dir="ltr">{inner}</div></div></div></div>')
    elif style == "olmac-zht":
        ap_zh = "上午" if d.hour < 12 else "下午"
        L = [f"寄件者: {who}", f"日期: {d.year}年{d.month}月{d.day}日 星期{WEEK_CN[d.weekday()]} {ap_zh}{h12}:{d:%M}",
             f"收件者: {ppl(p['to'])}"]
        if p["cc"]:
            L.append(f"副本: {ppl(p['cc'])}")
        L.append(f"主旨: {subj}")

        def bz(x):
            k, v = x.split(": ", 1)
            return (f'<b><span style="font-size:12.0pt;color:black">{k}: </span></b>'
                    f'<span style="font-size:12.0pt;color:black">{esc(v)}<br></span>')
        H = ('<div style="border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
             '<p class=MsoNormal style="margin-bottom:12.0pt">' + "".join(bz(x) for x in L)
             + f"</p></div>{inner}")
    elif style == "samsung":
        L = ["-------- Original message --------", f"From: {who} ", f"Date: {d:%d/%m/%Y %H:%M} ({gmt_off(d, True)}) ",
             f"To: {ppl(p['to'])} "]
        if p["cc"]:
            L.append(f"Cc: {ppl(p['cc'])} ")
        L.append(f"Subject: {subj} ")
        H = ('<div><br></div><div><br></div><div align="left" dir="auto" style="font-size:100%;color:#000000">'
             + "".join(f"<div>{esc(x)}</div>" for x in L) + f"</div><br>{inner}")
    elif style == "gmail-android":
        L = [f"On {wd[:3]}, {d.day} {mon[:3]} {d.year}, {d:%H:%M} {frm_n}, <{frm_a}> wrote:"]
        H = ('<div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
             f'{esc(L[0])}<br></div><blockquote class="gmail_quote" style="margin:0 0 0 .8ex;'
             f'border-left:1px #ccc solid;padding-left:1ex">{inner}</blockquote></div>')
    elif style == "olmac":
        L = [f"From: {who}", f"Date: {wd}, {d.day} {mon} {d.year} at {d:%H:%M}", f"To: {ppl(p['to'])}"]
        if p["cc"]:
            L.append(f"Cc: {ppl(p['cc'])}")
        L.append(f"Subject: {subj}")

        def b(x):
            k, v = x.split(": ", 1)
            return (f'<b><span style="font-size:12.0pt;color:black">{k}: </span></b>'
                    f'<span style="font-size:12.0pt;color:black">{esc(v)}<br></span>')
        H = ('<div style="border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
             '<p class=MsoNormal style="margin-bottom:12.0pt">' + "".join(b(x) for x in L)
             + f"</p></div>{inner}")
    elif style == "spark":
        L = [f"On {d.day} {mon[:3]} {d.year} at {d:%H:%M} {rfc_date(d)[-5:]}, {who}, wrote:"]
        H = (f'<div name="messageReplySection">{esc(L[0])}<br><blockquote type="cite" '
             f'style="margin: 5px 5px; padding-left: 10px; border-left: thin solid #1abc9c;">{inner}</blockquote></div>')
    elif style == "proton":
        L = ["------- Original Message -------",
             f"On {wd}, {mon} {ordinal(d.day)}, {d.year} at {d:%H:%M}, {who} wrote:"]
        H = ('<div class="protonmail_quote">' + "<br>".join(esc(x) for x in L)
             + f'<br><br><blockquote class="protonmail_quote" type="cite">{inner}</blockquote><br></div>')
    elif style == "proton-fwd":
        L = ["------- Forwarded Message -------", f"From: {who}",
             f"Date: On {wd}, {mon} {ordinal(d.day)}, {d.year} at {d:%H:%M}", f"Subject: {subj}",
             f"To: {ppl(p['to'])}"]
        H = ('<div class="protonmail_quote">' + "<br>".join(esc(x) for x in L)
             + f'<br><br><blockquote class="protonmail_quote" type="cite">{inner}</blockquote><br></div>')
    elif style == "fastmail":
        L = [f"On {wd[:3]}, {d.day} {mon[:3]} {d.year}, at {d:%H:%M}, {frm_n or frm_a} wrote:"]
        H = (f'<div>{esc(L[0])}<br></div><blockquote type="cite" id="qt" style="">{inner}</blockquote>')
    elif style == "k9":
        L = [f"On {d.day} {mon} {d.year} {d:%H:%M:%S} {gmt_off(d, True)}, {who} wrote:"]
        H = (f'<div class="gmail_quote">{esc(L[0])}<blockquote class="gmail_quote" style="margin: 0pt 0pt 0pt 0.8ex; '
             f'border-left: 1px solid rgb(204, 204, 204); padding-left: 1ex;">{inner}</blockquote></div>')
    elif style == "apple-mac-zht":
        ap_zh = "上午" if d.hour < 12 else "下午"
        L = [f"{who} 於 {d.year}年{d.month}月{d.day}日 {ap_zh}{h12}:{d:%M} 寫道："]
        H = (f'<div><br><blockquote type="cite"><div>{esc(L[0])}</div><br class="Apple-interchange-newline">'
             f'<div>{inner}</div></blockquote></div>')
    elif style == "superhuman":
        L = [f"On {wd[:3]}, {mon[:3]} {d.day}, {d.year} at {h12}:{d:%M} {ap}, {who} wrote:"]
        H = ('<div class="gmail_quote sh-quote"><div dir="ltr" class="gmail_attr">'
             f'{esc(L[0])}<br></div><blockquote class="gmail_quote" style="margin:0 0 0 .8ex;'
             f'border-left:1px #ccc solid;padding-left:1ex">{inner}</blockquote></div>')
    else:
        raise ValueError(style)
    if style == "apple-mac-zht":
        body = "\n".join("> " + x if x else ">" for x in ptext.split("\n"))
        return "> " + L[0] + "\n> \n" + body, H
    if style in C5_PREFIX:
        body = "\n".join(("> " + x if not x.startswith(">") else ">" + x) if x else ">" for x in ptext.split("\n"))
        return "\n".join(L) + "\n" + body, H
    return "\n".join(L) + "\n\n" + ptext, H


# ---------------------------------------------------------------- c6 clients (skins)

# quote styles of the clients c6 added; "master" (Mail Master) and "ol-orig" (Outlook 2010)
# are the existing ones
C6_STYLES = {"c6-263", "c6-35", "c6-wps", "emclient", "mailbird", "mutt", "mutt-fwd", "evolution", "claws",
             "bluemail", "edison", "airmail", "wlmail", "wlmail-en", "ol2010-en"}
# styles whose text/plain part prefixes the quoted lines with '>'
C6_PREFIX = {"c6-35", "mailbird", "mutt", "evolution", "claws", "bluemail", "edison", "airmail"}


def quote_c6(style, p, fwd):
    """(text, html) of the quoted parent for the c6 clients."""
    frm_n, frm_a, d, subj, who, ppl, h12, ap, wd, mon, ptext, inner = parent_fields(p)
    bq = ('<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">'
          f'{inner}</blockquote>')
    if style == "c6-263":
        L = ["-----原始邮件-----", f'发件人:"{frm_n or frm_a}" <{frm_a}>', f"发送时间:{d:%Y-%m-%d %H:%M:%S}",
             "收件人:" + "; ".join(f'"{n or a}" <{a}>' for n, a in p["to"])]
        if p["cc"]:
            L.append("抄送:" + "; ".join(f'"{n or a}" <{a}>' for n, a in p["cc"]))
        L.append(f"主题:{subj}")
        H = ('<div style="font-size:12px;color:#666;"><br>' + "".join(f"<div>{esc(x)}</div>" for x in L)
             + f"</div><br>{inner}")
    elif style == "c6-35":
        L = [f'"{frm_n or frm_a}" <{frm_a}> 在 {d.year}-{d.month}-{d.day} {d:%H:%M} 写道：']
        H = f"<div><br></div><div>{esc(L[0])}</div>{bq}"
    elif style == "c6-wps":
        L = ["---原始邮件---", f"发件人：{frm_n}<{frm_a}>" if frm_n else f"发件人：{frm_a}",
             f"时间：{d.year}年{d.month}月{d.day}日 周{WEEK_CN[d.weekday()]} {d:%H:%M}",
             "收件人：" + "；".join(f"{n}<{a}>" if n else a for n, a in p["to"]), f"主题：{subj}"]
        H = ('<div class="wps-mail-quote" style="border-left:2px solid #d9d9d9;padding-left:8px;margin-top:12px;">'
             + "".join(f"<div>{esc(x)}</div>" for x in L) + f'<div style="margin-top:8px;">{inner}</div></div>')
    elif style == "emclient":
        L = ["------ Original Message ------", f'From "{frm_n or frm_a}" <{frm_a}>',
             "To " + ", ".join(f'"{n or a}" <{a}>' for n, a in p["to"])]
        if p["cc"]:
            L.append("Cc " + ", ".join(f'"{n or a}" <{a}>' for n, a in p["cc"]))
        L += [f"Date {d.day:02d}/{d.month:02d}/{d.year} {d:%H:%M:%S}", f"Subject {subj}"]
        H = ('<div>&nbsp;</div><div>------ Original Message ------</div>'
             + "".join(f'<div><b>{esc(x.split(" ", 1)[0])}</b> {esc(x.split(" ", 1)[1])}</div>' for x in L[1:])
             + f'<div>&nbsp;</div><div id="x-emclient-quote"><blockquote class="cite2" type="cite">{inner}</blockquote></div>')
    elif style == "mailbird":
        L = [f"On {d.day:02d}/{d.month:02d}/{d.year} {d:%H:%M:%S}, {frm_n or frm_a} wrote:"]
        H = (f'<div class="mb_sig"></div><blockquote class="history_container" type="cite" style="border-left-style:solid;'
             f'border-width:1px;margin-top:20px;margin-left:0px;padding-left:10px;"><p style="color:#AAAAAA;margin-top:10px;">'
             f'{esc(L[0])}</p>{inner}</blockquote>')
    elif style == "mutt":
        L = [f"* {who} [{d:%Y-%m-%d %H:%M}]:"]
        H = f"<pre>{esc(L[0])}</pre>{bq}"
    elif style == "mutt-fwd":
        L = [f"----- Forwarded message from {who} -----", "", f"Date: {wd[:3]}, {d.day} {mon[:3]} {d.year} {d:%H:%M:%S} {rfc_date(d)[-5:]}",
             f"From: {who}", f"To: {ppl(p['to'])}", f"Subject: {subj}"]
        text = "\n".join(L) + "\n\n" + ptext + "\n\n" + f"----- End forwarded message -----"
        return text, "<pre>" + esc("\n".join(L)) + "</pre>" + inner
    elif style == "evolution":
        L = [f"On {wd[:3]}, {d:%Y-%m-%d} at {d:%H:%M} {rfc_date(d)[-5:]}, {who} wrote:"]
        H = f"<div>{esc(L[0])}</div>{bq}"
    elif style == "claws":
        L = [f"On {wd[:3]}, {d.day} {mon[:3]} {d.year} {d:%H:%M:%S} {rfc_date(d)[-5:]}", f"{who} wrote:"]
        H = f"<div>{esc(L[0])}<br>{esc(L[1])}</div>{bq}"
    elif style == "bluemail":
        L = [f"On {mon} {d.day}, {d.year} {h12}:{d:%M}:{d:%S} {ap} {gmt_off(d, True)}, {who} wrote:"]
        H = (f'<div class="gmail_quote">{esc(L[0])}<blockquote class="gmail_quote" style="margin: 0pt 0pt 0pt 0.8ex; '
             f'border-left: 1px solid rgb(204, 204, 204); padding-left: 1ex;">{inner}</blockquote></div>')
    elif style == "edison":
        L = [f"On {mon[:3]} {d.day} {d.year}, at {h12}:{d:%M} {ap.lower()}, {who} wrote:"]
        H = (f'<div class="edo-quote-header">{esc(L[0])}</div><blockquote type="cite" class="edo-quote" '
             f'style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">{inner}</blockquote>')
    elif style == "airmail":
        L = [f"On {d.day} {mon} {d.year} at {d:%H:%M:%S}, {frm_n or frm_a} ({frm_a}) wrote:"]
        H = (f'<div id="bloop_sign"></div><p class="airmail_on">{esc(L[0])}</p>'
             f'<blockquote type="cite" class="clean_bq">{inner}</blockquote>')
    elif style == "ol2010-en":
        L = ["-----Original Message-----", f"From: {frm_n} [mailto:{frm_a}] " if frm_n else f"From: {frm_a} ",
             f"Sent: {wd}, {mon} {d.day}, {d.year} {h12}:{d:%M} {ap}",
             "To: " + "; ".join(n or a for n, a in p["to"])]
        if p["cc"]:
            L.append("Cc: " + "; ".join(n or a for n, a in p["cc"]))
        L.append(f"Subject: {subj}")
        H = ('<div><div style="border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
             '<p class=MsoNormal><b><span lang=EN-US>-----Original Message-----</span></b></p><p class=MsoNormal>'
             + "<br>".join(f"<b>{esc(x.split(': ', 1)[0])}:</b> {esc(x.split(': ', 1)[1])}" for x in L[1:])
             + f"</p></div></div>{inner}")
    elif style in ("wlmail", "wlmail-en"):
        if style == "wlmail":
            L = ["----- 原始邮件 ----- ", f"发件人: {frm_n or frm_a} ", "收件人: " + "; ".join(n or a for n, a in p["to"]) + " "]
            if p["cc"]:
                L.append("抄送: " + "; ".join(n or a for n, a in p["cc"]) + " ")
            L += [f"发送时间: {d.year}年{d.month}月{d.day}日 {d:%H:%M}", f"主题: {subj}"]
        else:
            L = ["----- Original Message ----- ", f"From: {frm_n or frm_a} ", "To: " + "; ".join(n or a for n, a in p["to"]) + " "]
            if p["cc"]:
                L.append("Cc: " + "; ".join(n or a for n, a in p["cc"]) + " ")
            L += [f"Sent: {wd}, {mon} {d.day:02d}, {d.year} {h12}:{d:%M} {ap}", f"Subject: {subj}"]
        H = ('<blockquote style="PADDING-LEFT: 5px; MARGIN-LEFT: 5px; BORDER-LEFT: #000000 2px solid; MARGIN-RIGHT: 0px">'
             f'<div style="FONT: 10pt arial">{esc(L[0].strip())}</div><div style="FONT: 10pt arial; BACKGROUND: #e4e4e4">'
             + "".join(f"<div>{esc(x.strip())}</div>" for x in L[1:]) + f"</div><div><br></div>{inner}</blockquote>")
    else:
        raise ValueError(style)
    if style in C6_PREFIX:
        body = "\n".join(("> " + x if not x.startswith(">") else ">" + x) if x else ">" for x in ptext.split("\n"))
        return "\n".join(L) + "\n" + body, H
    return "\n".join(L) + "\n\n" + ptext, H


C6_QUOTE = {"mailmaster": "master", "263mail": "c6-263", "35mail": "c6-35", "wps": "c6-wps",
            "qqmail-android": "yuanshi", "emclient": "emclient", "mailbird": "mailbird", "mutt": "mutt",
            "evolution": "evolution", "claws": "claws", "bluemail": "bluemail", "edison": "edison",
            "airmail": "airmail", "wlmail": "wlmail", "outlook2010": "ol-orig"}
C6_FWD_QUOTE = {"mutt": "mutt-fwd", "wlmail": "wlmail", "outlook2010": "ol-orig"}
# plain-text-only clients
C6_PLAIN = {"mutt", "claws", "evolution"}
C6_TBIRD_UA = {"mutt": "NeoMutt/20231103", "evolution": "Evolution 3.50.2-1",
               "claws": "Claws Mail 4.2.0 (GTK 3.24.41; x86_64-pc-linux-gnu)"}
C6_DEFAULTS = {
    "mailmaster": dict(charset="UTF-8", text_cte="base64", html_cte="base64"),
    "263mail": dict(charset="GBK", text_cte="quoted-printable", html_cte="quoted-printable"),
    "35mail": dict(charset="gb2312", text_cte="base64", html_cte="base64"),
    "wps": dict(charset="UTF-8", text_cte="quoted-printable", html_cte="quoted-printable"),
    "qqmail-android": dict(charset="utf-8", text_cte="base64", html_cte="base64"),
    "emclient": dict(charset="utf-8", text_cte="quoted-printable", html_cte="quoted-printable"),
    "mailbird": dict(charset="utf-8", text_cte="quoted-printable", html_cte="quoted-printable"),
    "mutt": dict(charset="utf-8", text_cte="8bit", html_cte="8bit", eol="\n"),
    "evolution": dict(charset="UTF-8", text_cte="8bit", html_cte="8bit"),
    "claws": dict(charset="UTF-8", text_cte="quoted-printable", html_cte="quoted-printable"),
    "bluemail": dict(charset="utf-8", text_cte="base64", html_cte="base64"),
    "edison": dict(charset="utf-8", text_cte="quoted-printable", html_cte="quoted-printable"),
    "airmail": dict(charset="utf-8", text_cte="quoted-printable", html_cte="quoted-printable"),
    "wlmail": dict(charset="gb2312", text_cte="base64", html_cte="base64"),
    "outlook2010": dict(charset="gb2312", text_cte="base64", html_cte="base64"),
}


def c6_message_id(ctx, cn, domain):
    """Message-ID of a c6 client; None keeps the engine's."""
    r, d = ctx.r, ctx.date
    an = "abcdefghijklmnopqrstuvwxyz0123456789"
    uuid = lambda up=False: (f"{hexs(r, 8, up)}-{hexs(r, 4, up)}-{hexs(r, 4, up)}-{hexs(r, 4, up)}"  # noqa: E731
                             f"-{hexs(r, 12, up)}")
    return {
        "263mail": lambda: f"<{int(d.timestamp())}.{digits(r, 6)}.{hexs(r, 8, False)}@net263.com>",
        "35mail": lambda: f"<{d:%Y%m%d%H%M%S}.{hexs(r, 8)}@{domain}>",
        "wps": lambda: f"<{hexs(r, 32, False)}@wpsmail.wps.cn>",
        "emclient": lambda: f"<em{uuid()}@{ctx.meta.get('host', 'desktop-' + hexs(r, 7))}>",
        "mailbird": lambda: f"<{uuid()}@getmailbird.com>",
        "mutt": lambda: f"<{d.astimezone(timezone.utc):%Y%m%d%H%M%S}.{''.join(r.choice(an) for _ in range(6))}@{ctx.meta.get('host', domain)}>",
        "evolution": lambda: f"<{hexs(r, 40, False)}.camel@{ctx.meta.get('host', domain)}>",
        "claws": lambda: f"<{d:%Y%m%d%H%M%S}.{hexs(r, 8, False)}@{ctx.meta.get('host', domain)}>",
        "bluemail": lambda: f"<{uuid()}@typeapp.com>",
        "edison": lambda: f"<{uuid(True)}@edison.tech>",
        "airmail": lambda: f"<etPan.{hexs(r, 8, False)}.{hexs(r, 8, False)}.{digits(r, 5)}@{domain}>",
        "wlmail": lambda: f"<{hexs(r, 24)}@{ctx.meta.get('host', 'USER-PC')}>",
    }.get(cn, lambda: None)()


def c6_headers(ctx, cn, top, mid, end):
    v = ctx.meta.get("variant", "")
    r = ctx.r
    drop = lambda xs, *pre: [x for x in xs if not x.startswith(pre)]  # noqa: E731
    if cn == "mailmaster":
        mid[:] = drop(mid, "X-Mailer")
        mid.append("X-Mailer: " + {"pc": "NetEase MailMaster PC 4.17.9.1016", "android": "NetEase MailMaster Android 7.19.3"}
                   .get(v, "NetEase MailMaster iOS 7.18.2"))
    elif cn in ("263mail", "35mail"):
        mid[:] = drop(mid, "X-Mailer", "X-CM-", "X-NTES")
        end[:] = drop(end, "X-Coremail", "X-CM-", "X-Originating-IP")
        if cn == "263mail":
            mid += ["X-Mailer: 263mail web 8.3", "X-ABS-CHECKED: 1", "X-SKE-CHECKED: 1"]
            end.append(f"X-263-Originating-IP: 10.{r.randint(1, 250)}.{r.randint(1, 250)}.{r.randint(1, 250)}")
        else:
            mid.append("X-Mailer: 35MAIL Webmail V5.8")
            end.append(f"X-35-Mail-ID: {hexs(r, 16)}")
    elif cn == "wps":
        top[:] = []
        mid[:] = ["X-Mailer: WPS Mail 2.3.1 (Windows)"]
    elif cn == "qqmail-android":
        end[:] = drop(end, "X-Mailer", "X-QQ-Mailer") + ["X-Mailer: QQMail Android 6.7.3"]
    elif cn == "emclient":
        mid.append(f"User-Agent: eM_Client/10.1.4588.0")
    elif cn == "mailbird":
        mid.append("User-Agent: Mailbird/3.0.26.0")
        mid.append("X-Mailbird-ID: " + hexs(r, 16, False))
    elif cn == "bluemail":
        mid.append("X-Mailer: BlueMail 1.9.8.30")
        mid.append(f"X-Type-App-Id: {digits(r, 10)}")
    elif cn == "edison":
        mid.append("X-Mailer: Edison Mail " + ("Android 1.55.0" if v == "android" else "iOS 1.60.2"))
    elif cn == "airmail":
        end[:] = drop(end, "X-Mailer") + ["X-Mailer: Airmail (717)"]
    elif cn in ("wlmail", "outlook2010"):
        end[:] = drop(end, "X-Mailer")
        if cn == "wlmail":
            end[:] = drop(end, "Thread-Index", "Content-Language")
            end += ["X-Priority: 3", "X-MSMail-Priority: Normal", "Importance: Normal",
                    "X-Mailer: Microsoft Windows Live Mail 16.4.3528.331",
                    "X-MimeOLE: Produced By Microsoft MimeOLE V16.4.3528.331"]
        else:
            end.insert(0, "X-Mailer: Microsoft Outlook 14.0")


def c6_boundary(ctx, cn, level):
    r = rng_for(ctx.m["id"], f"b{level}")
    an = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return {
        "263mail": lambda: f"----=_263mail_{digits(r, 6)}_{hexs(r, 8, False)}",
        "35mail": lambda: f"----=_NextPart_35_{hexs(r, 8)}_{level}",
        "wps": lambda: f"----=_WPSMail_{hexs(r, 16, False)}",
        "emclient": lambda: f"------=_MB{hexs(r, 8)}-{hexs(r, 4)}-{hexs(r, 4)}-{hexs(r, 4)}-{hexs(r, 12)}",
        "mailbird": lambda: f"----=_MAILBIRD_{level}_{hexs(r, 20, False)}",
        "mutt": lambda: "".join(r.choice(an) for _ in range(16)),
        "evolution": lambda: "=-" + "".join(r.choice(an) for _ in range(22)),
        "claws": lambda: "MP_/" + "".join(r.choice(an + "._") for _ in range(24)),
        "bluemail": lambda: f"----{hexs(r, 8)}{hexs(r, 4)}{level}",
        "edison": lambda: f"Edison-{hexs(r, 24, False)}",
        "airmail": lambda: f"{hexs(r, 8, False)}_{hexs(r, 8, False)}_{digits(r, 4)}",
    }.get(cn, lambda: None)()


DEFAULT_QUOTE = {"foxmail": "box", "qqmail": "yuanshi", "netease": "xiedao", "outlook": "ol",
                 "dingtalk": "ali", "feishu": "fs", "apple": "apple", "gmail": "gmail", "tbird": "tbird",
                 "outlook-mobile": "ol-line", "notes": "notes", "richmail": "richmail",
                 "ctmail": "ctmail", "sina": "sina", "sohu": "sohu", "huawei": "huawei",
                 "macol": "macol", "winmail": "ol-line", "roundcube": "roundcube", "zimbra": "zimbra",
                 "zoho": "zoho", "lark": "fs-en", "yahoo": "yahoo", "samsung": "samsung",
                 "gmail-android": "gmail-android", "outlook-mac": "olmac", "spark": "spark",
                 "proton": "proton", "fastmail": "fastmail", "k9": "k9", "superhuman": "superhuman"}
FWD_QUOTE = {"zoho": "zoho-fwd", "proton": "proton-fwd", "gmail-android": "gmail-fwd-en",
             "superhuman": "gmail-fwd-en", "lark": "fs-en", "fastmail": "gmail-fwd-en"}
# a replier whose client runs in English gets the English form of its client's quote header
EN_STYLE = {"box": "box-en", "yuanshi": "yuanshi-en", "ol": "ol-en", "ol-line": "ol-line-en",
            "ali": "ali-en", "fs": "fs-en", "apple": "apple-en", "gmail": "gmail-en", "tbird": "tbird-en",
            "xiedao": "xiedao-en", "macol": "macol-en", "roundcube": "roundcube-en"}


def quote_parts(style, parent, fwd):
    """(text, html) of the whole quoted part: header block + the parent's own text/html."""
    if style in C5_STYLES:
        return quote_c5(style, parent, fwd)
    if style in C6_STYLES:
        return quote_c6(style, parent, fwd)
    L, H = quote_header(style, parent, fwd)
    ptext = parent["plain"]
    if style in ("roundcube", "roundcube-en"):
        body = "\n".join(("> " + x if not x.startswith(">") else ">" + x) if x else ">" for x in ptext.split("\n"))
        return L[0] + "\n" + body, H + ('<blockquote type="cite" style="padding: 0 0.4em; border-left: #1010ff 2px '
                                         f'solid; margin: 0">{parent["inner"]}</blockquote>')
    if style in ("notes", "notes-fwd", "richmail", "ctmail", "sina", "sohu", "huawei", "macol", "macol-en", "macol-zht",
                 "zimbra"):
        text = "\n".join(L) + "\n\n" + ptext
        if style == "zimbra":
            return text, H + parent["inner"]
        if style.startswith("notes"):
            return text, H + parent["inner"]
        return text, H + ('<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">'
                          f'{parent["inner"]}</blockquote>')
    if style in ("xiedao", "xiedao-en"):
        body = "\n".join(">" + x if x else ">" for x in ptext.split("\n"))
        text = "\n".join(L) + "\n" + body
        html_ = H + ('<blockquote id="isReplyContent" style="PADDING-LEFT: 1ex; MARGIN: 0px 0px 0px 0.8ex; '
                     f'BORDER-LEFT: #ccc 1px solid">{parent["inner"]}</blockquote>')
        return text, html_
    if style in ("apple", "apple-en", "apple-zht"):
        body = "\n".join("> " + x if x else ">" for x in ptext.split("\n"))
        text = "> " + L[0] + "\n> \n" + body
        return text, H + f'<blockquote type="cite"><div dir="ltr">{parent["inner"]}</div></blockquote>'
    if style in ("gmail-fwd", "gmail-fwd-en"):
        text = "\n".join(L) + "\n\n\n" + ptext
        return text, H + parent["inner"] + "</div>"
    if style in ("tbird-fwd-zht", "tbird-fwd", "tbird-fwd-en"):
        text = "\n".join(L) + "\n\n\n" + ptext
        return text, H + parent["inner"] + "</div>"
    if style in ("gmail", "gmail-en", "tbird", "tbird-en", "tbird-zht"):
        body = "\n".join(("> " + x if not x.startswith(">") else ">" + x) if x else ">" for x in ptext.split("\n"))
        text = L[0] + "\n" + body
        if style.startswith("gmail"):
            return text, H + ('<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid '
                              f'rgb(204,204,204);padding-left:1ex">{parent["inner"]}</blockquote></div>')
        return text, H + f'<blockquote type="cite">{parent["inner"]}</blockquote>'
    text = "\n".join(L) + "\n" + ("\n" if style not in ("yuanshi", "yuanshi-en") else "") + ptext
    if style == "box":
        html_ = ('<blockquote style="margin-Top: 0px; margin-Bottom: 0px; margin-Left: 0.5em; '
                 f'margin-Right: inherit">{H}<div>{parent["inner"]}</div></blockquote>')
    elif style in ("yuanshi", "yuanshi-en"):
        html_ = H + parent["inner"]
    elif style.startswith("ol"):
        html_ = H + parent["inner"]
    elif style == "ali":
        html_ = ('<div  style="clear:both;"><br ></div><blockquote  style="margin-right:0;margin-top:0;'
                 f'margin-bottom:0;">{H}{parent["inner"]}</blockquote>')
    elif style in ("fs", "fs-en"):
        html_ = ('<div class="history-quote-wrapper"><div data-html-block="quote" '
                 'style="border-left:2px solid #dee0e3;padding-left:8px;margin-top:12px;">'
                 f'{H}<div style="margin-top:8px;">{parent["inner"]}</div></div></div>')
    elif style in ("box-en",):
        html_ = ('<blockquote style="margin-Top: 0px; margin-Bottom: 0px; margin-Left: 0.5em; '
                 f'margin-Right: inherit">{H}<div>{parent["inner"]}</div></blockquote>')
    elif style == "ali-en":
        html_ = ('<div  style="clear:both;"><br ></div><blockquote  style="margin-right:0;margin-top:0;'
                 f'margin-bottom:0;">{H}{parent["inner"]}</blockquote>')
    elif style in ("master", "zhuanfa"):
        html_ = H + f'<blockquote style="margin:0 0 0 8px;">{parent["inner"]}</blockquote>'
    else:
        raise ValueError(style)
    return text, html_


# ---------------------------------------------------------------- client envelopes

class Ctx:
    def __init__(self, m, r):
        self.m = m
        self.meta = m["meta"]
        self.r = r


CLIENT_DEFAULTS = {
    "foxmail": dict(charset="GB2312", text_cte="base64", html_cte="quoted-printable", subj="B",
                    eol="\r\n", quote_words=True, flavour="foxmail"),
    "qqmail": dict(charset="gb18030", text_cte="base64", html_cte="base64", subj="B",
                   eol="\r\n", quote_words=True, flavour="qq"),
    "netease": dict(charset="GBK", text_cte="base64", html_cte="base64", subj="B",
                    eol="\r\n", quote_words=True, flavour="netease"),
    "outlook": dict(charset="gb2312", text_cte="base64", html_cte="base64", subj="B",
                    eol="\r\n", quote_words=False, flavour="outlook"),
    "dingtalk": dict(charset="UTF-8", text_cte="quoted-printable", html_cte="quoted-printable",
                     subj="B", eol="\n", quote_words=True, flavour="ali"),
    "feishu": dict(charset="UTF-8", text_cte="base64", html_cte="base64", subj="B",
                   eol="\r\n", quote_words=False, flavour="feishu"),
    "apple": dict(charset="utf-8", text_cte="quoted-printable", html_cte="quoted-printable", subj="B",
                  eol="\r\n", quote_words=False, flavour="apple"),
    "gmail": dict(charset="UTF-8", text_cte="base64", html_cte="quoted-printable", subj="B",
                  eol="\r\n", quote_words=False, flavour="gmail"),
    "tbird": dict(charset="UTF-8", text_cte="8bit", html_cte="8bit", subj="B",
                  eol="\r\n", quote_words=False, flavour="tbird"),
    "notes": dict(charset="GB2312", text_cte="base64", html_cte="base64", subj="B",
                  eol="\r\n", quote_words=True, flavour="notes"),
    "richmail": dict(charset="GBK", text_cte="base64", html_cte="base64", subj="B",
                     eol="\r\n", quote_words=True, flavour="plain"),
    "ctmail": dict(charset="UTF-8", text_cte="base64", html_cte="base64", subj="B",
                   eol="\r\n", quote_words=True, flavour="plain"),
    "sina": dict(charset="GBK", text_cte="quoted-printable", html_cte="quoted-printable", subj="B",
                 eol="\r\n", quote_words=True, flavour="plain"),
    "sohu": dict(charset="UTF-8", text_cte="quoted-printable", html_cte="base64", subj="B",
                 eol="\n", quote_words=True, flavour="plain"),
    "huawei": dict(charset="UTF-8", text_cte="base64", html_cte="base64", subj="B",
                   eol="\r\n", quote_words=False, flavour="huawei"),
    "macol": dict(charset="utf-8", text_cte="quoted-printable", html_cte="quoted-printable", subj="B",
                  eol="\r\n", quote_words=False, flavour="macol"),
    "winmail": dict(charset="utf-8", text_cte="base64", html_cte="base64", subj="B",
                    eol="\r\n", quote_words=False, flavour="plain"),
    "roundcube": dict(charset="UTF-8", text_cte="quoted-printable", html_cte="quoted-printable", subj="Q",
                      eol="\r\n", quote_words=False, flavour="roundcube"),
    "zimbra": dict(charset="utf-8", text_cte="quoted-printable", html_cte="quoted-printable", subj="B",
                   eol="\r\n", quote_words=True, flavour="plain"),
}


def opt(ctx, key):
    v = ctx.meta.get(key)
    if v is not None:
        return v
    variant = ctx.meta.get("variant", "")
    d = dict(CLIENT_DEFAULTS[ctx.meta["client"]])
    c = ctx.meta["client"]
    if c == "outlook" and variant in ("smtp", "smtp-plain"):
        d.update(text_cte="quoted-printable", html_cte="quoted-printable")
    if c == "outlook" and variant == "o365":
        d.update(charset="utf-8")
    if c == "foxmail" and variant in ("fox6",):
        d.update(text_cte="8bit", html_cte="8bit", charset="gb2312")
    if c == "qqmail" and variant == "exmail":
        d.update(charset="utf-8")
    if c == "tbird" and variant == "html":
        d.update(text_cte="8bit", html_cte="8bit")
    d.update(CNAME_DEFAULTS.get(ctx.meta.get("skin"), {}))
    d.update(C6_DEFAULTS.get(ctx.meta.get("skin"), {}))
    return d[key]


CNAME_DEFAULTS = {
    "zoho": dict(charset="UTF-8", text_cte="quoted-printable", html_cte="quoted-printable", flavour="zoho"),
    "yahoo": dict(charset="UTF-8", text_cte="quoted-printable", html_cte="quoted-printable", flavour="yahoo"),
    "samsung": dict(charset="UTF-8", text_cte="base64", html_cte="base64", flavour="samsung"),
    "outlook-mac": dict(charset="utf-8", text_cte="quoted-printable", html_cte="quoted-printable"),
    "proton": dict(charset="utf-8", text_cte="quoted-printable", html_cte="base64", eol="\r\n"),
    "fastmail": dict(charset="utf-8", text_cte="quoted-printable", html_cte="quoted-printable"),
    "k9": dict(charset="UTF-8", text_cte="quoted-printable", html_cte="quoted-printable"),
    "superhuman": dict(charset="UTF-8", text_cte="quoted-printable", html_cte="quoted-printable"),
    "spark": dict(charset="utf-8", text_cte="quoted-printable", html_cte="quoted-printable", flavour="spark"),
}


def message_id(ctx, domain):
    c = ctx.meta["client"]
    v = ctx.meta.get("variant", "")
    r = ctx.r
    d = ctx.date
    frm = ctx.frm[1]
    cn = ctx.meta.get("skin")
    an = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    if cn in C6_DEFAULTS:
        mid6 = c6_message_id(ctx, cn, domain)
        if mid6:
            return mid6
    if cn == "zoho":
        return f"<{int(d.timestamp() * 1000):x}.{hexs(r, 16, False)}.{digits(r, 19)}@{domain}>"
    if cn == "lark":
        return f"<{hexs(r, 32, False)}@larksuite.com>"
    if cn == "yahoo":
        return f"<{digits(r, 10)}.{digits(r, 7)}.{int(d.timestamp() * 1000)}@mail.yahoo.com>"
    if cn in ("samsung", "k9"):
        return f"<{''.join(r.choice(an) for _ in range(24))}@email.android.com>"
    if cn == "outlook-mac":
        return f"<{hexs(r, 8)}-{hexs(r, 4)}-{hexs(r, 4)}-{hexs(r, 4)}-{hexs(r, 12)}@{domain}>"
    if cn == "spark":
        return f"<{hexs(r, 8, False)}-{hexs(r, 4, False)}-{hexs(r, 4, False)}-{hexs(r, 4, False)}-{hexs(r, 12, False)}@Spark>"
    if cn == "proton":
        a = an + "-_"
        return f"<{''.join(r.choice(a) for _ in range(86))}=@proton.me>"
    if cn == "fastmail":
        return f"<{hexs(r, 8, False)}-{hexs(r, 4, False)}-{hexs(r, 4, False)}-{hexs(r, 4, False)}-{hexs(r, 12, False)}@app.fastmail.com>"
    if cn == "superhuman":
        return f"<{''.join(r.choice(an) for _ in range(16)).lower()}.{hexs(r, 8, False)}@we.are.superhuman.com>"
    if c == "foxmail":
        return f"<{d:%Y%m%d%H%M%S}{digits(r, 7)}@{domain}>"
    if c == "qqmail":
        return f"<tencent_{hexs(r, 40)}{hexs(r, 8)}@qq.com>"
    if c == "netease":
        return f"<{hexs(r, 8, False)}.{hexs(r, 4, False)}.{hexs(r, 11, False)}.Coremail.{frm.replace('@', '@')}>"
    if c == "outlook":
        if v == "o365":
            box = f"{r.choice(['TYZPR', 'SEZPR', 'PUZPR', 'KL1PR'])}0{r.choice('1234')}MB{digits(r, 4)}"
            return f"<{box}{hexs(r, 40)}@{box}.apcprd0{r.choice('1236')}.prod.outlook.com>"
        if v == "exchange":
            return f"<{hexs(r, 32)}@EXMBX0{r.choice('12')}.{domain}>"
        return f"<000{hexs(r, 1, False)}01db{hexs(r, 4, False)}${hexs(r, 8, False)}${hexs(r, 8, False)}@{domain}>"
    if c == "dingtalk":
        u = f"{hexs(r, 8, False)}-{hexs(r, 4, False)}-{hexs(r, 4, False)}-{hexs(r, 4, False)}-{hexs(r, 12, False)}"
        return f"<{u}.{frm}>"
    if c == "feishu":
        return f"<{hexs(r, 32, False)}@{domain}>"
    if c == "apple":
        return f"<{hexs(r, 8)}-{hexs(r, 4)}-{hexs(r, 4)}-{hexs(r, 4)}-{hexs(r, 12)}@{domain}>"
    if c == "gmail":
        a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        return f"<CA{''.join(r.choice(a) for _ in range(10))}+{''.join(r.choice(a) for _ in range(38))}@mail.gmail.com>"
    if c == "tbird":
        return f"<{hexs(r, 8, False)}-{hexs(r, 4, False)}-{hexs(r, 4, False)}-{hexs(r, 4, False)}-{hexs(r, 12, False)}@{domain}>"
    if c == "notes":
        return f"<OF{hexs(r, 8)}.{hexs(r, 8)}-ON4825{hexs(r, 4)}.00{hexs(r, 6)}-4825{hexs(r, 4)}.00{hexs(r, 6)}@{ctx.meta.get('notes_domain', 'LocalDomain')}>"
    if c == "richmail":
        return f"<{hexs(r, 4, False)}{hexs(r, 12, False)}-{digits(r, 5)}@139.com>" if frm.endswith("139.com") \
            else f"<{hexs(r, 4, False)}{hexs(r, 12, False)}-{digits(r, 5)}@{domain}>"
    if c == "ctmail":
        return f"<{d:%Y%m%d%H%M%S}{digits(r, 3)}.{digits(r, 8)}.{hexs(r, 6, False)}@{domain}>"
    if c == "sina":
        return f"<{d:%Y%m%d%H%M%S}.{hexs(r, 6)}@vip.sina.net>" if v == "corp" else f"<{hexs(r, 8)}{digits(r, 6)}@sina.com>"
    if c == "sohu":
        return f"<{digits(r, 13)}.{digits(r, 6)}.{hexs(r, 8, False)}@{domain}>"
    if c == "huawei":
        return f"<{hexs(r, 16, False)}.{digits(r, 13)}@email.android.com>" if v == "phone" \
            else f"<{hexs(r, 32, False)}@welink.huaweicloud.com>"
    if c == "macol":
        return f"<{hexs(r, 8)}-{hexs(r, 4)}-{hexs(r, 4)}-{hexs(r, 4)}-{hexs(r, 12)}@{domain}>"
    if c == "winmail":
        return f"<{hexs(r, 8, False)}.{hexs(r, 8, False)}.{hexs(r, 4, False)}.{hexs(r, 4, False)}@mx.{domain}>"
    if c == "roundcube":
        return f"<{hexs(r, 32, False)}@{domain}>"
    if c == "zimbra":
        return f"<{digits(r, 9)}.{digits(r, 6)}.{int(d.timestamp())}{digits(r, 3)}.JavaMail.zimbra@{domain}>"
    raise ValueError(c)


def client_headers(ctx):
    """Client-specific headers: list of (position, bytes) where position is 'top' (before
    Date/From) or 'mid' (after Subject) or 'end' (after MIME-Version)."""
    c = ctx.meta["client"]
    v = ctx.meta.get("variant", "")
    r = ctx.r
    e = ctx.eol
    d = ctx.date
    top, mid, end = [], [], []
    frm = ctx.frm[1]
    dom = frm.split("@")[1]
    ip = f"{r.choice([58, 101, 113, 114, 117, 120, 183, 222])}.{r.randint(1, 254)}.{r.randint(1, 254)}.{r.randint(1, 254)}"
    if c == "foxmail":
        if v == "fox6":
            end.append(f"X-mailer: Foxmail 6, 15, 201, 26 [cn]")
        else:
            ver = ctx.meta.get("xmailer") or r.choice(["Foxmail 7.2.25.228[cn]", "Foxmail 7.2.23.121[cn]",
                                                       "Foxmail 7.2.25.375[cn]", "Foxmail 7.2.19.158[cn]"])
            mid.append("X-Priority: 3")
            mid.append(f"X-GUID: {hexs(r, 8)}-{hexs(r, 4)}-{hexs(r, 4)}-{hexs(r, 4)}-{hexs(r, 12)}")
            mid.append(f"X-Has-Attach: {'yes' if ctx.meta.get('attach') else 'no'}")
            mid.append(f"X-Mailer: {ver}")
    elif c == "qqmail":
        if v == "exmail":
            top.append(f"X-QQ-mid: bizesmtp{r.randint(10, 99)}t{int(d.timestamp())}t{hexs(r, 8, False)}")
            top.append(f"X-QQ-Originating-IP: {ip}")
            top.append("X-QQ-SSF: 00400000000000F0FM000000A0000000")
            top.append(f"X-QQ-FEAT: {base64.b64encode(r.randbytes(30)).decode()}")
            top.append("X-QQ-GoodBg: 0")
            top.append(f"X-BIZMAIL-ID: {digits(r, 19)}")
            top.append(f"Feedback-ID: bizesmtp:{dom}:qybglogicsvrgz:qybglogicsvrgz5a-0")
        else:
            top.append(f"X-QQ-FEAT: {base64.b64encode(r.randbytes(30)).decode()}")
            top.append(f"X-QQ-SSF: 00000000000000F0000000000000")
            top.append(f"X-QQ-XMAILINFO: {base64.b64encode(r.randbytes(45)).decode()}")
            top.append(f"X-QQ-STYLE: ")
            top.append(f"X-QQ-mid: webmail{r.randint(100, 999)}t{int(d.timestamp())}t{digits(r, 7)}")
        end.append("X-QQ-MIME: TCMime 1.0 by Tencent")
        if v == "mobile":
            end.append("X-Mailer: QQMail iPhone 6.6.1")
        else:
            end.append("X-Mailer: QQMail 2.x")
            end.append("X-QQ-Mailer: QQMail 2.x")
    elif c == "netease":
        mid.append("X-Priority: 3")
        if v == "master":
            mid.append("X-Mailer: NetEase MailMaster iOS 7.18.2")
        else:
            brand = {"163": "163com", "126": "126com"}.get(v, dom)
            mid.append("X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)"
                       f"{e} Copyright (c) 2002-2026 www.mailtech.cn {brand}")
        if v in ("163", "126"):
            mid.append(f"X-NTES-SC: AL_Qu2a{base64.b64encode(r.randbytes(40)).decode()}")
        mid.append(f"X-CM-CTRLDATA: {base64.b64encode(r.randbytes(18)).decode()}")
        end.append(f"X-Coremail-Locale: {ctx.meta.get('locale', 'zh_CN')}")
        end.append(f"X-CM-TRANSID:{base64.b64encode(r.randbytes(18)).decode().replace('+', '_')}--.{r.randint(10000, 99999)}S2")
        end.append("X-Coremail-Antispam: 1Uf129KBjDUn29KB7ZKAUJUUUUU529EdanIXcx71UUUUU7v73"
                   f"{e}\tVFW2AGmfu7bjvjm3AaLaJ3UbIYCTnIWIevJa73UjIFyTuYvjxU{hexs(r, 6)}UUUUU")
        end.append(f"X-Originating-IP: [{ip}]")
        end.append(f"X-CM-SenderInfo: {hexs(r, 20, False)}/1tbi{base64.b64encode(r.randbytes(15)).decode()}")
    elif c == "outlook":
        if v in ("smtp", "smtp-plain"):
            end.append("X-Mailer: Microsoft Outlook 16.0")
            end.append(f"Thread-Index: {ctx.thread_index}")
            end.append(f"Content-Language: {ctx.meta.get('content_language', 'en-GB' if ctx.meta.get('skin') == 'outlook-mac' else 'zh-cn')}")
        else:
            mid.append(f"Thread-Topic: {ctx.thread_topic_hdr}")
            mid.append(f"Thread-Index: {ctx.thread_index}")
    elif c == "dingtalk":
        top.append("X-Alimail-AntiSpam: AC=PASS;BC=-1|-1;BR=01201311R141e4;CH=green;DM=||false|;DS=||;"
                   f"FP=0|-1|-1|-1|0|-1|-1|-1;HT=ay29a0330180{digits(r, 5)};MF={frm};NM=1;PH=DW;"
                   f"RN={len(ctx.to) + len(ctx.cc)};SR=0;TI=W4_0.1.30_v5ForWebDing_{hexs(r, 8)}_{int(d.timestamp())}123_o7001c{digits(r, 4)};")
        ua = "[DingTalk][iOS]" if v == "mobile" else "[v5ForWebDing][Chrome]"
        mid.append(f"X-Mailer: [Alimail-Mailagent revision 4][W4_0.1.30]{ua}")
        end.append('x-aliyun-im-through: {"version":"v1.0"}')
        end.append(f"x-aliyun-mail-creator: W4_0.1.30_v5ForWebDing_{base64.b64encode(r.randbytes(21)).decode()}")
    elif c == "feishu":
        top.append(f"X-Lms-Return-Path: <lba+2{hexs(r, 8, False)}+{hexs(r, 2, False)}+{dom}+{frm.split('@')[0]}@feishu.cn>")
        mid.append("X-Mailer: Feishu Mail")
        mid.append(f"X-Original-From: {ctx.frm[0]} <{frm}>" if all(ord(ch) < 128 for ch in ctx.frm[0])
                   else f"X-Original-From: =?UTF-8?B?{base64.b64encode(ctx.frm[0].encode()).decode()}?= <{frm}>")
    elif c == "apple":
        dflt = "Apple Mail (2.3826.300.87.2.22)" if v == "mac" else "iPhone Mail (22B91)"
        end.append(f"X-Mailer: {ctx.meta.get('xmailer', dflt)}")
    elif c == "tbird":
        pass
    elif c in C4_ENGINES:
        c4_headers(ctx, c, v, r, d, frm, dom, ip, top, mid, end)
    cn = ctx.meta.get("skin")
    if cn in ("wecom", "exmail"):
        end[:] = [x for x in end if not x.startswith(("X-Mailer", "X-QQ-Mailer"))]
        if cn == "wecom":
            end.append(f"X-Mailer: {ctx.meta.get('xmailer', 'WeCom Mail 4.1.33 [iPhone]')}")
        else:
            end.append(f"X-Mailer: {ctx.meta.get('xmailer', 'Tencent Exmail iPhone 5.6.2')}")
    if cn == "zoho":
        mid += ["Importance: Medium", "User-Agent: Zoho Mail", "X-Mailer: Zoho Mail"]
    elif cn == "lark":
        top[:] = [x.replace("@feishu.cn", "@larksuite.com") for x in top]
        mid[:] = [x for x in mid if not x.startswith("X-Mailer")] + ["X-Mailer: Lark Mail"]
    elif cn == "yahoo":
        ver = "YahooMailIosMobile" if v == "mobile" else "YMailNorrin"
        mid.append(f"X-Mailer: WebService/1.1.{r.randint(22800, 23200)} {ver}")
        mid.append(f"X-Sonic-MF: <{frm}>")
    elif cn == "samsung":
        mid += ["Importance: Normal", "X-Priority: 3"]
    elif cn == "outlook-mac":
        end[:] = [x for x in end if not x.startswith("X-Mailer")]
        end.append(f"User-Agent: {ctx.meta.get('xmailer', 'Microsoft-MacOutlook/16.91.24111020')}")
    elif cn == "spark":
        end[:] = [x for x in end if not x.startswith("X-Mailer")]
        end.append(f"X-Readdle-Message-ID: {ctx.msgid.strip('<>')}")
    elif cn == "proton":
        mid.append(f"X-Pm-Message-ID: {base64.b64encode(r.randbytes(64)).decode()}")
        mid += ["X-Pm-Origin: internal", "X-Pm-Content-Encryption: end-to-end"]
    elif cn == "fastmail":
        mid.append("User-Agent: Cyrus-JMAP/3.11.0-alpha0-1108-g3a29173c6-fm-20241125.001-g3a29173c")
        mid.append(f"X-ME-Sender: <xms:{base64.b64encode(r.randbytes(30)).decode()}>")
    elif cn == "superhuman":
        mid.append(f"X-Mailer: Superhuman Desktop ({(d - timedelta(days=5)):%Y-%m-%dT%H:%M:%S}Z)")
        mid.append(f"X-Superhuman-ID: {hexs(r, 8, False)}")
        mid.append(f"X-Superhuman-Draft-ID: draft00{hexs(r, 14, False)}")
    if cn == "alimail":
        mid[:] = [x for x in mid if not x.startswith("X-Mailer")]
        ua = "[AliMail][iOS]" if v == "mobile" else "[ForAliMail][Chrome]"
        mid.append(f"X-Mailer: [Alimail-Mailagent revision 4][W4_0.2.11]{ua}")
    if cn in C6_DEFAULTS:
        c6_headers(ctx, cn, top, mid, end)
    return top, mid, end


def c4_headers(ctx, c, v, r, d, frm, dom, ip, top, mid, end):
    xm = ctx.meta.get("xmailer")
    mid.append(f"Message-ID: {ctx.msgid}")
    if c == "notes":
        end.append(f"X-Mailer: {xm or 'HCL Notes Release 12.0.2 November 03, 2022'}")
        end.append(f"X-KeepSent: {hexs(r, 8)}:{hexs(r, 8)}-4825{hexs(r, 4)}:00{hexs(r, 6)}; type=4; name=$KeepSent")
        srv = ctx.meta.get("notes_server", "MAIL01/" + dom.split(".")[0].upper())
        end.append(f"X-MIMETrack: Serialize by Router on {srv}({xm and xm.split()[2] or 'Release 12.0.2'}|November 03, 2022) at"
                   f"{ctx.eol} {d:%Y/%m/%d %H:%M:%S}")
        end.append("X-TNEFEvaluated: 1")
    elif c == "richmail":
        top.append(f"X-RM-TRANSID:{hexs(r, 4, False)}{hexs(r, 12, False)}-{digits(r, 5)}")
        top.append("X-RM-TagInfo: emlType=0                                       ")
        top.append("X-RM-SPAM-FLAG:00000000")
        end.append(f"X-Mailer: {xm or ('139Mail Android 10.3.1' if v == 'phone' else 'Richmail_Webapp(2.8.3.21)')}")
    elif c == "ctmail":
        top.append(f"HMM_SOURCE_IP:{ip}")
        top.append("HMM_ATTACHE_NUM:" + f"{len(ctx.meta.get('attach', [])):04d}")
        top.append("HMM_SOURCE_TYPE:SMTP")
        end.append(f"X-Mailer: {xm or ('189Mail Android 7.5.0' if v == 'phone' else '189Mail Webmail Server 4.0')}")
    elif c == "sina":
        end.append(f"X-Mailer: {xm or 'Sina WebMail 4.0'}")
        end.append(f"X-Sina-MID: {hexs(r, 16, False)}")
        end.append(f"X-Originating-IP: [{ip}]")
    elif c == "sohu":
        end.append(f"X-Mailer: {xm or 'Sohu Enterprise Mail 5.0'}")
        end.append(f"X-Sohu-Antispam-Language: 1")
        end.append(f"X-SOHU-ANTISPAM-Source-Ip: {ip}")
    elif c == "huawei":
        end.append(f"X-Mailer: {xm or ('Huawei Email 12.1.0.309' if v == 'phone' else 'WeLink Mail 7.42.6')}")
        if v == "phone":
            end.append("Importance: Normal")
    elif c == "macol":
        mid.insert(0, f"Thread-Topic: {ctx.thread_topic_hdr}")
        mid.insert(1, f"Thread-Index: {ctx.thread_index}")
        end.append(f"User-Agent: {xm or 'Microsoft-MacOutlook/16.91.24111020'}")
        end.append(f"Content-Language: {ctx.meta.get('content_language', 'zh-CN')}")
    elif c == "winmail":
        end.append("Importance: normal")
        end.append("X-Priority: 3")
    elif c == "roundcube":
        end.append(f"User-Agent: {xm or 'Roundcube Webmail/1.6.9'}")
        end.append(f"X-Sender: {frm}")
        end.append(f"Organization: {ctx.meta.get('org', '')}" if ctx.meta.get("org") else "X-Priority: 3 (Normal)")
    elif c == "zimbra":
        mid.insert(0, f"Thread-Topic: {ctx.thread_topic_hdr}")
        mid.insert(1, f"Thread-Index: {ctx.thread_index[:28]}")
        end.append(f"X-Originating-IP: [{ip}]")
        end.append(f"X-Mailer: {xm or 'Zimbra 9.0.0_GA_4546 (ZimbraWebClient - GC119 (Win)/9.0.0_GA_4546)'}")


def boundary(ctx, level):
    c = ctx.meta["client"]
    v = ctx.meta.get("variant", "")
    r = rng_for(ctx.m["id"], f"b{level}")
    cn = ctx.meta.get("skin")
    an = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    if cn in C6_DEFAULTS and c6_boundary(ctx, cn, level):
        return c6_boundary(ctx, cn, level)
    if cn == "zoho":
        return f"----=_Part_{digits(r, 6)}_{digits(r, 9)}.{int(ctx.date.timestamp())}{digits(r, 3)}"
    if cn == "yahoo":
        return f"----=_Part_{digits(r, 7)}_{digits(r, 9)}.{int(ctx.date.timestamp())}{digits(r, 3)}"
    if cn == "samsung":
        return f"--_com.samsung.android.email_{digits(r, 16)}{level}"
    if cn == "outlook-mac":
        return f"B_{int(ctx.date.timestamp()) + 2082844800}_{digits(r, 7)}"
    if cn == "spark":
        return f"{hexs(r, 8, False)}_{hexs(r, 8, False)}_{hexs(r, 4, False)}"
    if cn == "proton":
        return f"b{level}_{''.join(r.choice(an) for _ in range(43))}"
    if cn == "fastmail":
        return f"{hexs(r, 32, False)}"
    if cn == "k9":
        return f"----{''.join(r.choice(an.upper()[:36]) for _ in range(30))}"
    if c == "foxmail":
        if v == "fox6":
            return f"=====00{level}_Dragon{digits(r, 6)}{digits(r, 6)}_====="
        return f"----=_00{level}_NextPart{digits(r, 12)}_=----"
    if c == "qqmail":
        return f"----=_NextPart_{hexs(r, 8)}_{hexs(r, 8)}_{hexs(r, 8)}"
    if c == "netease":
        return f"----=_Part_{digits(r, 6)}_{digits(r, 10)}.{int(ctx.date.timestamp())}{digits(r, 3)}"
    if c == "outlook":
        if v in ("smtp", "smtp-plain"):
            return f"----=_NextPart_00{level}_{hexs(r, 4)}_01DB{hexs(r, 4)}.{hexs(r, 8)}"
        return f"_00{level}_{ctx.msgid_local}_"
    if c == "dingtalk":
        return f"----=ALIBOUNDARY_{digits(r, 5)}_{hexs(r, 8, False)}_{hexs(r, 8, False)}_{hexs(r, 6, False)}"
    if c == "feishu":
        return f"{hexs(r, 28, False)}"
    if c == "apple":
        return f"Apple-Mail-{hexs(r, 8)}-{hexs(r, 4)}-{hexs(r, 4)}-{hexs(r, 4)}-{hexs(r, 12)}"
    if c == "gmail":
        return f"000000000000{hexs(r, 16, False)}"
    if c == "tbird":
        a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        return f"------------{''.join(r.choice(a) for _ in range(24))}"
    if c == "notes":
        return f"=_{['alternative', 'related', 'mixed'][min(level, 3) - 1]} 00{hexs(r, 6)}4825{hexs(r, 4)}_="
    if c == "richmail":
        return f"----=_Part_{digits(r, 7)}_{digits(r, 9)}.{int(ctx.date.timestamp())}{digits(r, 3)}"
    if c == "ctmail":
        return f"----=_Part_{digits(r, 5)}_{digits(r, 8)}.{int(ctx.date.timestamp())}{digits(r, 3)}"
    if c == "sina":
        return f"=_SinaMail_{hexs(r, 8)}_{level}"
    if c == "sohu":
        return f"----=_Part_{digits(r, 6)}_{hexs(r, 10, False)}"
    if c == "huawei":
        return f"--_com.android.email_{digits(r, 16)}{level}"
    if c == "macol":
        return f"B_{digits(r, 10)}_{digits(r, 10)}"
    if c == "winmail":
        return f"_{hexs(r, 8)}-{hexs(r, 4)}-{hexs(r, 4)}-{hexs(r, 4)}-{hexs(r, 12)}_"
    if c == "roundcube":
        return f"=_{hexs(r, 32, False)}"
    if c == "zimbra":
        return f"----=_Part_{digits(r, 6)}_{digits(r, 9)}.{int(ctx.date.timestamp())}{digits(r, 3)}"
    raise ValueError(c)


def part_bytes(ctype, charset, cte, payload_text, eol, extra=()):
    cs = charset
    b = payload_text.replace("\n", "\r\n" if eol == "\r\n" else "\n").encode(codec(cs))
    h = [f"Content-Type: {ctype};{eol}\tcharset=\"{cs}\"" if ctype.startswith("text/") else f"Content-Type: {ctype}"]
    h.append(f"Content-Transfer-Encoding: {cte}")
    h += list(extra)
    head = eol.join(h) + eol + eol
    if cte == "base64":
        body = wrap_b64(b, eol).encode()
    elif cte == "quoted-printable":
        body = qp(b, eol).encode("ascii")
    else:
        body = b
    return head.encode("ascii") + body + eol.encode()


def multipart(ctype, bnd, parts, eol, preamble=None):
    out = []
    if preamble:
        out.append((preamble + eol + eol).encode())
    for p in parts:
        out.append(f"--{bnd}{eol}".encode() + p)
    out.append(f"--{bnd}--{eol}".encode())
    return b"".join(out)


def attachment_part(ctx, name, eol, logo=False, cid=None):
    data, ctype = make_file(name)
    c = ctx.meta["client"]
    mode = ctx.meta.get("attach_name", None)
    cs = opt(ctx, "charset")
    if mode is None:
        mode = {"foxmail": "2047", "qqmail": "2047", "netease": "2047", "outlook": "2047",
                "dingtalk": "2231", "feishu": "2231", "apple": "2231", "gmail": "2047",
                "tbird": "2231", "notes": "2047", "richmail": "2047", "ctmail": "2047",
                "sina": "2047", "sohu": "2231", "huawei": "2231", "macol": "2231",
                "winmail": "2047", "roundcube": "2231", "zimbra": "2047"}[c]
    ascii_name = all(ord(ch) < 128 for ch in name)
    if ascii_name:
        nm_ct = f'name="{name}"'
        nm_cd = f'filename="{name}"'
    elif mode == "2231":
        from urllib.parse import quote
        enc = quote(name.encode("utf-8"), safe="")
        nm_ct = f"name*=UTF-8''{enc}"
        nm_cd = f"filename*=UTF-8''{enc}"
    elif mode == "raw":
        nm_ct = None
        nm_cd = None
    else:
        w = "".join(enc_word(name, "UTF-8" if codec(cs) == "utf-8" else cs, "B"))
        nm_ct = f'name="{w}"'
        nm_cd = f'filename="{w}"'
    if c == "foxmail" and not logo:
        ctype = "application/octet-stream"
    h = []
    if nm_ct:
        h.append(f"Content-Type: {ctype};{eol}\t{nm_ct}")
    else:
        h.append(f"Content-Type: {ctype};{eol}\tname=\"")
    h.append("Content-Transfer-Encoding: base64")
    if logo:
        h.append(f"Content-ID: <{cid}>")
        h.append(f"Content-Disposition: inline;{eol}\t{nm_cd}")
    else:
        h.append(f"Content-Disposition: attachment;{eol}\t{nm_cd}")
    hb = eol.join(h).encode("ascii")
    if mode == "raw" and not ascii_name:
        rawn = name.encode(codec(cs))
        hb = (f"Content-Type: {ctype};{eol}\tname=\"").encode() + rawn + b'"' + eol.encode() + \
            b"Content-Transfer-Encoding: base64" + eol.encode() + \
            (f"Content-Disposition: attachment;{eol}\tfilename=\"").encode() + rawn + b'"'
    return hb + (eol + eol).encode() + wrap_b64(data, eol).encode() + eol.encode()


# ---------------------------------------------------------------- render one message

def html_doc(ctx, inner, charset):
    c = ctx.meta["client"]
    if c == "foxmail":
        return (f'<html><head><meta http-equiv="content-type" content="text/html; charset={charset}">'
                '<style>body { line-height: 1.5; }blockquote { margin-top: 0px; margin-bottom: 0px; '
                'margin-left: 0.5em; }body { font-size: 10.5pt; font-family: 微软雅黑; color: rgb(0, 0, 0); '
                'line-height: 1.5; }</style></head><body>\n' + inner + "\n</body></html>")
    if c == "qqmail":
        return (f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
                + inner)
    if c == "netease":
        return ('<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial">'
                + inner + "</div>")
    if ctx.meta.get("skin") == "outlook-mac":
        return ('<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" '
                'xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">'
                f'<head>\n<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
                '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n<style><!--\n'
                'p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\tfont-size:11.0pt;\n\tfont-family:"Calibri",sans-serif;}\n'
                'span.EmailStyle19\n\t{mso-style-type:personal-reply;}\n--></style>\n</head>\n'
                '<body lang="EN-GB" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">\n'
                '<div class="WordSection1">\n' + inner + "\n</div>\n</body>\n</html>")
    if ctx.meta.get("skin") == "yahoo":
        return ('<html><head></head><body><div class="ydp2f5d3c8ayahoo-style-wrap" style="font-family:Helvetica Neue, '
                'Helvetica, Arial, sans-serif;font-size:13px;">' + inner + "</div></body></html>")
    if ctx.meta.get("skin") == "zoho":
        return ('<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><html><head><meta content="text/html;'
                'charset=UTF-8" http-equiv="Content-Type"></head><body ><div style="font-family: Verdana, Arial, '
                'Helvetica, sans-serif; font-size: 10pt;">' + inner + "</div><br></body></html>")
    if ctx.meta.get("skin") == "proton":
        return ('<div style="font-family: Arial, sans-serif; font-size: 14px;">' + inner + "</div>")
    if ctx.meta.get("skin") == "samsung":
        return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body>'
                + inner + "</body></html>")
    if c == "outlook":
        return ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
                'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
                'xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
                f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
                '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
                '<style><!--\n/* Font Definitions */\n@font-face\n\t{font-family:等线;\n\tpanose-1:2 1 6 0 3 1 1 1 1 1;}\n'
                'p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\ttext-align:justify;\n\ttext-justify:inter-ideograph;\n'
                '\tfont-size:10.5pt;\n\tfont-family:等线;}\n@page WordSection1\n\t{size:612.0pt 792.0pt;}\n'
                'div.WordSection1\n\t{page:WordSection1;}\n--></style>\n</head>\n'
                '<body lang="ZH-CN" link="#0563C1" vlink="#954F72" style="text-justify-trim:punctuation">\n'
                '<div class="WordSection1">\n' + inner + "\n</div>\n</body>\n</html>")
    if c == "dingtalk":
        return ('<div class="__aliyun_email_body_block"><div  style="line-height:1.7;font-family:Tahoma, Arial, '
                'STHeiti, SimSun;font-size:14px;color:#000000;">' + inner + "</div></div>")
    if c == "apple":
        return ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
                '<body dir="auto">' + inner + "</body></html>")
    if c == "gmail":
        return '<div dir="ltr">' + inner + "</div>\n"
    if c == "tbird":
        return ('<!DOCTYPE html>\n<html>\n  <head>\n    <meta http-equiv="Content-Type" content="text/html; '
                'charset=UTF-8">\n  </head>\n  <body>\n' + inner + "\n  </body>\n</html>")
    if c == "notes":
        return f'<html><body><font size=2 face="sans-serif">{inner}</font></body></html>'
    if c == "roundcube":
        return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /></head>'
                "<body style='font-size: 10pt; font-family: Verdana,Geneva,sans-serif'>\n" + inner + "\n</body></html>\n")
    if c == "macol":
        return ('<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" '
                'xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">'
                '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="Generator" '
                'content="Microsoft Word 15 (filtered medium)"></head><body lang="ZH-CN" link="#0563C1" '
                'vlink="#954F72" style="word-wrap:break-word"><div class="WordSection1">' + inner + "</div></body></html>")
    if c == "zimbra":
        return ('<html><body><div style="font-family: 宋体; font-size: 12pt; color: #000000">'
                + inner + "</div></body></html>")
    if c == "huawei":
        return '<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body>' + inner + "</body></html>"
    if c == "winmail":
        return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>'
                '<div dir="ltr">' + inner + "</div></body></html>")
    if c in ("richmail", "ctmail", "sina", "sohu"):
        font = {"richmail": "微软雅黑", "ctmail": "宋体", "sina": "宋体", "sohu": "Microsoft YaHei"}[c]
        return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}"></head>'
                f'<body><div style="font-family:{font};font-size:14px;">' + inner + "</div></body></html>")
    if c == "feishu":
        return ('<html><head><meta charset="UTF-8"></head><body><div id="lark-mail-body" '
                'style="font-family:-apple-system,BlinkMacSystemFont,\'PingFang SC\',sans-serif;font-size:14px;">'
                + inner + "</div></body></html>")
    raise ValueError(c)


def render(m, byrec):
    cname = m["meta"]["client"]
    if cname not in AUTHOR.clients:
        raise srcfmt.SourceError(f"{m['file']}:{m['line']}: unknown client {cname}")
    # the engines read meta["client"]; the skin (the file-name client, unless the author's
    # engine for it is the whole client) stays in meta["skin"]
    skin = None if cname in AUTHOR.skinless else cname
    m = dict(m, meta=dict(m["meta"], client=AUTHOR.clients[cname], skin=skin))
    meta = m["meta"]
    c = meta["client"]
    if "variant" not in meta:
        d0 = {"wecom": "exmail", "exmail": "exmail", "outlook-mobile": "o365", "alimail": "",
              "thunderbird": "plain", "apple-mail": "plain", "outlook-mac": "smtp",
              "k9": "plain", "mutt": "plain", "claws": "plain", "evolution": "plain",
              "wlmail": "smtp", "outlook2010": "smtp"}.get(skin)
        if d0 is not None:
            meta["variant"] = d0
    if skin == "coremail":
        meta.setdefault("variant", "corp")
    if meta.get("variant") == "plain" and "shape" not in meta:
        meta["shape"] = "plain"
    r = rng_for(m["id"])
    ctx = Ctx(m, r)
    ctx.date = parse_date(meta["date"])
    ctx.frm = parse_addr(meta["from"])
    CURRENT.update(name=ctx.frm[0], addr=ctx.frm[1])
    ctx.to = [parse_addr(x) for x in meta.get("to", [])]
    ctx.cc = [parse_addr(x) for x in meta.get("cc", [])]
    eol = opt(ctx, "eol")
    ctx.eol = eol
    charset = opt(ctx, "charset")
    subj_mode = opt(ctx, "subj")
    quote_words = opt(ctx, "quote_words")
    flavour = opt(ctx, "flavour")
    shape = meta.get("shape", "alt")
    variant = meta.get("variant", "")
    parent = byrec.get(meta["parent"]) if meta.get("parent") else None
    irt = byrec.get(meta["inreplyto"]) if meta.get("inreplyto") else None
    if meta.get("inreplyto") and irt is None:
        raise srcfmt.SourceError(f"{m['file']}:{m['line']}: inreplyto {meta['inreplyto']} not built yet")
    if meta.get("parent") and parent is None:
        raise srcfmt.SourceError(f"{m['file']}:{m['line']}: parent {meta['parent']} not built yet")
    fwd = meta.get("fwd") == "yes"
    refp = parent if parent is not None else irt

    body = m["body"]
    new, rest = split_body(body)
    logo = meta.get("logo") == "yes"
    logo_cid = None
    if logo:
        if c == "outlook":
            logo_cid = f"image001.png@01DB{hexs(r, 4)}.{hexs(r, 8)}"
        elif c == "foxmail":
            logo_cid = f"_Foxmail.1@{hexs(r, 8, False)}-{hexs(r, 4, False)}-{hexs(r, 4, False)}-{hexs(r, 4, False)}-{hexs(r, 12, False)}"
        elif c == "netease":
            logo_cid = f"{hexs(r, 8, False)}$1${hexs(r, 11, False)}$Coremail${ctx.frm[1].replace('@', '$')}"
        else:
            logo_cid = f"{hexs(r, 16, False)}@{ctx.frm[1].split('@')[1]}"

    # text rendition
    tl_new = text_lines(new, logo_cid)
    tl_rest = text_lines(rest, logo_cid)
    if c == "qqmail" and meta.get("qqsig") == "yes":
        tl_rest = ["", "", "------------------"] + tl_rest
    if c == "foxmail" and rest and variant != "fox6":
        tl_rest = ["", ""] + tl_rest
    elif rest and new and new[-1].strip() and meta.get("tight") != "yes" and c != "qqmail":
        # a signature inserted by the client sits below a blank line
        tl_rest = [""] + tl_rest
    if meta.get("sigdash") == "yes" and rest:
        # Gmail and Thunderbird put the "-- " separator line above the signature
        if tl_rest and tl_rest[0] == "":
            tl_rest = ["", "-- "] + tl_rest[1:]
        else:
            tl_rest = ["-- "] + tl_rest
    own_text = "\n".join(tl_new + tl_rest)

    # html rendition
    h_new = html_block(new, flavour, logo_cid)
    h_rest = html_block(rest, flavour, logo_cid) if rest else ""
    if c == "foxmail" and rest:
        h_rest = ('<div><br></div><hr style="width: 210px; height: 1px;" color="#b5c4df" size="1" align="left">'
                  '<div><span><div style="MARGIN: 10px; FONT-FAMILY: verdana; FONT-SIZE: 10pt">'
                  + h_rest + "</div></span></div>")
    elif c == "qqmail" and rest and meta.get("qqsig") == "yes":
        h_rest = ('<div><br></div><div><div style="color:#909090;font-family:Arial Narrow;font-size:12px">'
                  '------------------</div><div style="font-size:14px;font-family:Verdana;color:#000;">'
                  + h_rest + "</div></div>")
    elif c == "netease" and rest:
        h_rest = '<div style="position:relative;zoom:1">' + h_rest + "</div>"
    elif c == "dingtalk" and rest:
        h_rest = '<div  style="clear:both;"><br ></div><div style="clear:both;">' + h_rest + "</div>"
    if meta.get("sigdash") == "yes" and rest:
        if c == "gmail":
            h_rest = ('<br clear="all"><div><br></div><span class="gmail_signature_prefix">-- </span><br>'
                      '<div dir="ltr" class="gmail_signature">' + h_rest + "</div>")
        else:
            h_rest = '<div class="moz-signature">-- <br>' + h_rest + "</div>"
    elif rest and new and new[-1].strip() and meta.get("tight") != "yes" and c not in ("foxmail", "qqmail"):
        h_rest = html_line("", flavour) + h_rest
    own_inner = h_new + h_rest

    text = own_text
    inner = own_inner
    if parent is not None:
        style = meta.get("quote") or DEFAULT_QUOTE.get(skin) or C6_QUOTE.get(skin) or DEFAULT_QUOTE[c]
        if meta.get("ui") == "en" and not meta.get("quote"):
            style = EN_STYLE[style]
        if c == "netease" and fwd and not meta.get("quote"):
            style = "zhuanfa"
        if c == "notes" and fwd and not meta.get("quote"):
            style = "notes-fwd"
        CURRENT.update(name=ctx.frm[0], addr=ctx.frm[1], date=local(ctx.date), tz=ctx.date.tzinfo)
        if fwd and not meta.get("quote") and skin in FWD_QUOTE:
            style = FWD_QUOTE[skin]
        if fwd and not meta.get("quote") and skin in C6_FWD_QUOTE:
            style = C6_FWD_QUOTE[skin]
        if skin == "wlmail" and meta.get("lang") == "en" and style == "wlmail":
            style = "wlmail-en"
        if skin == "outlook2010" and meta.get("lang") == "en" and style == "ol-orig":
            style = "ol2010-en"
        REPLY_TZ[0] = ctx.date.utcoffset().total_seconds() / 3600
        qt, qh = quote_parts(style, parent, fwd)
        sep = "\n\n" if style not in ("xiedao", "xiedao-en") else "\n\n\n"
        if style in ("gmail", "gmail-en") and meta.get("sigdash") != "yes":
            sep = "\n\n"
        text = own_text + sep + qt
        inner = own_inner + qh

    # headers
    dom = ctx.frm[1].split("@")[1]
    ctx.msgid = meta.get("message_id") or message_id(ctx, dom)
    ctx.msgid_local = re.sub(r"[^A-Za-z0-9]", "", ctx.msgid.split("@")[0])[:60]
    subject = meta["subject"]
    tr = rng_for(m["id"], "thread")
    if parent is not None:
        ctx.thread_index = parent.get("thread_index_root", "") + base64.b64encode(tr.randbytes(5)).decode()
        root_ti = parent.get("thread_index_root") or base64.b64encode(tr.randbytes(22)).decode()
        ctx.thread_index = base64.b64encode(base64.b64decode(root_ti) + tr.randbytes(5)).decode()
        thread_root = root_ti
    else:
        thread_root = base64.b64encode(tr.randbytes(22)).decode()
        ctx.thread_index = thread_root
    topic = re.sub(r"^((回复|答复|转发|RE|Re|FW|Fw|Fwd|自动答复|自动回复)\s*[:：]\s*)+", "", subject)
    ctx.thread_topic_hdr = (" ".join(enc_word(topic, charset, "B")) if not all(ord(x) < 128 for x in topic)
                            else topic)

    H = []
    top, midh, end = client_headers(ctx)
    for hh in meta.get("hdr", []):
        # hand-given extra headers (auto-reply markers, Importance, ...)
        k, v = hh.split(":", 1)
        if k.lower() in ("auto-submitted", "x-autoreply", "x-auto-response-suppress", "precedence",
                         "x-autorespond", "x-ms-exchange-generated-message-source", "importance",
                         "x-priority", "disposition-notification-to", "x-qq-autoreply"):
            midh.append(f"{k}:{v}")
        else:
            end.append(f"{k}:{v}")
    # a received line as the recipient's server stamps it
    rcv_host = {"foxmail": "smtp.exmail.qq.com", "qqmail": "smtpbguseast1.qq.com", "netease": "m16.mail.163.com",
                "outlook": "mail-sgaapc01on2070.outbound.protection.outlook.com", "dingtalk": "out30-131.freemail.mail.aliyun.com",
                "feishu": "va-1-19.ptr.blmpb.com", "apple": f"smtp.{dom}",
                "gmail": "mail-pj1-f54.google.com", "tbird": f"smtp.{dom}",
                "richmail": "n139-rmsmtp-01.mail.10086.cn", "ctmail": "smtp.189.cn",
                "sina": "mail3-166.sinamail.sina.com.cn", "sohu": "smtp.sohu.com",
                "huawei": "szxga01-in.huawei.com" if variant != "phone" else f"smtp.{dom}",
                "macol": f"smtp.{dom}", "winmail": f"smtp.{dom}", "notes": f"notes01.{dom}",
                "roundcube": f"mail.{dom}", "zimbra": f"mail.{dom}"}[c]
    if skin == "wecom" or skin == "exmail":
        rcv_host = "smtpbg150.qq.com"
    rcv_host = {"zoho": "sender4-op-o12.zoho.com", "lark": "sg-1-22.ptr.larksuite.com",
                "yahoo": "sonic301-21.consmr.mail.sg3.yahoo.com", "proton": "mail-40131.protonmail.ch",
                "fastmail": "fout-a1-smtp.messagingengine.com"}.get(skin, rcv_host)
    if (variant == "corp" and c == "netease") or (c == "outlook" and variant != "o365"):
        rcv_host = f"mail.{dom}"
    rcv_host = {"263mail": "smtp.263.net", "35mail": "mx.35.cn", "wps": "smtp.wpsmail.wps.cn",
                "qqmail-android": "smtpbg.qq.com", "mailmaster": "m16.mail.163.com" if dom in ("163.com", "126.com")
                else f"mail.{dom}"}.get(skin, rcv_host)
    rd = ctx.date + timedelta(seconds=rng_for(m["id"], "rcv").randint(2, 40))
    H.append(f"Received: from {rcv_host} ({rcv_host} [{rng_for(m['id'], 'ip').randint(20, 220)}.{rng_for(m['id'], 'ip2').randint(1, 254)}.9.{rng_for(m['id'], 'ip3').randint(1, 254)}])"
             f"{eol}\tby mx.recipient.local (Postfix) with ESMTPS id {hexs(rng_for(m['id'], 'rid'), 10)}{eol}\t; {rfc_date(rd)}".encode())
    for x in top:
        H.append(x.encode())
    date_hdr = rfc_date(ctx.date.astimezone(timezone.utc) if (c == "outlook" and variant == "o365")
                        else ctx.date, paren=(c == "netease"))

    def add(b):
        H.append(b.rstrip(b"\r\n") if isinstance(b, bytes) else b.encode())

    addr_mode = "raw" if subj_mode == "raw" else ("B" if subj_mode == "none" else subj_mode)
    if meta.get("addr_enc"):
        addr_mode = meta["addr_enc"]
    if c in ("apple", "gmail", "tbird"):
        refs_h = [f"References: {refp['refs']}", f"In-Reply-To: {refp['msgid']}"] if refp is not None else []
        fr = header_addrs("From", [ctx.frm], charset, addr_mode, quote_words, eol)
        to_h = header_addrs("To", ctx.to, charset, addr_mode, quote_words, eol) if ctx.to else None
        cc_h = header_addrs("Cc", ctx.cc, charset, addr_mode, quote_words, eol) if ctx.cc else None
        sj = header_text("Subject", subject, charset, subj_mode, eol)
        if c == "gmail":
            add("MIME-Version: 1.0")
            for x in refs_h:
                add(x)
            add(fr)
            add(f"Date: {date_hdr}")
            add(f"Message-ID: {ctx.msgid}")
            add(sj)
            for x in (to_h, cc_h):
                if x:
                    add(x)
        elif c == "tbird":
            add(f"Message-ID: {ctx.msgid}")
            add(f"Date: {date_hdr}")
            add("MIME-Version: 1.0")
            add(f"User-Agent: {meta.get('xmailer', C6_TBIRD_UA.get(skin, 'K-9 Mail for Android' if skin == 'k9' else 'Mozilla Thunderbird'))}")
            add(sj)
            add(f"Content-Language: {meta.get('content_language', {'en': 'en-US', 'zht': 'zh-TW'}.get(meta['lang'], 'zh-CN'))}")
            for x in (to_h, cc_h):
                if x:
                    add(x)
            if refp is not None:
                add(refs_h[0])
            add(fr)
            if refp is not None:
                add(refs_h[1])
        else:
            add(fr)
            if variant == "mac":
                add("Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.300.87.2.22\\))")
            else:
                add("Mime-Version: 1.0 (1.0)" if skin != "spark" else "MIME-Version: 1.0")
            add(f"Date: {date_hdr}")
            add(sj)
            add(f"Message-Id: {ctx.msgid}")
            for x in refs_h:
                add(x)
            for x in (cc_h, to_h):
                if x:
                    add(x)
        for x in midh:
            add(x)
    elif c in ("outlook",):
        add(header_addrs("From", [ctx.frm], charset, addr_mode, quote_words, eol))
        if ctx.to:
            add(header_addrs("To", ctx.to, charset, addr_mode, quote_words, eol))
        if ctx.cc:
            add(header_addrs("CC", ctx.cc, charset, addr_mode, quote_words, eol))
        add(header_text("Subject", subject, charset, subj_mode, eol))
        for x in midh:
            add(x)
        add(f"Date: {date_hdr}")
        add(f"Message-ID: {ctx.msgid}")
        if refp is not None:
            add(f"References: {refp['refs']}")
            add(f"In-Reply-To: {refp['msgid']}")
        if variant not in ("smtp", "smtp-plain"):
            add("Accept-Language: zh-CN, en-US")
            add(f"Content-Language: {meta.get('content_language', 'zh-CN')}")
            add(f"X-MS-Has-Attach: {'yes' if meta.get('attach') or logo else ''}")
            add("X-MS-TNEF-Correlator: ")
            add(f"x-originating-ip: [10.{r.randint(1, 250)}.{r.randint(1, 250)}.{r.randint(1, 250)}]")
    else:
        if c in ("netease", "foxmail", "feishu", "dingtalk") or c in C4_ENGINES:
            add(f"Date: {date_hdr}")
        add(header_addrs("From", [ctx.frm], charset, addr_mode, quote_words, eol))
        if ctx.to:
            add(header_addrs("To", ctx.to, charset, addr_mode, quote_words, eol))
        if ctx.cc:
            add(header_addrs("Cc", ctx.cc, charset, addr_mode, quote_words, eol))
        if c == "dingtalk":
            add(f"Message-ID: {ctx.msgid}")
        add(header_text("Subject", subject, charset, subj_mode, eol))
        if refp is not None and (c in ("foxmail", "netease", "dingtalk", "feishu") or c in C4_ENGINES):
            add(f"References: {refp['refs']}")
            add(f"In-Reply-To: {refp['msgid']}")
        for x in midh:
            add(x)
        if c == "qqmail":
            pass
    ctx_mime = []
    if c not in ("apple", "gmail", "tbird"):
        ctx_mime.append("MIME-Version: 1.0" if c not in ("foxmail",) else "Mime-Version: 1.0")
    if c == "foxmail":
        for x in ctx_mime:
            add(x)
        add(f"Message-ID: {ctx.msgid}")
        ctx_mime = []

    # body structure
    text_cte = opt(ctx, "text_cte")
    html_cte = opt(ctx, "html_cte")
    all_atts = list(meta.get("attach", []))
    if fwd and parent is not None and meta.get("fwd_attach") == "yes":
        all_atts = parent["attach"] + all_atts
    if shape == "plain":
        plain_b = part_bytes("text/plain", charset, text_cte, text + "\n", eol)
        if all_atts:
            # a plain-text mail with files: multipart/mixed of the text and the files
            bm = boundary(ctx, 1)
            aps = [attachment_part(ctx, a, eol) for a in all_atts]
            plain_b = (f"Content-Type: multipart/mixed;{eol} boundary=\"{bm}\"{eol}{eol}").encode() + \
                multipart("mixed", bm, [plain_b] + aps, eol,
                          preamble="This is a multi-part message in MIME format." if c == "tbird" else None)
        main_head, main_body = plain_b.split((eol + eol).encode(), 1)
        main = (main_head, main_body)
        struct_parts = None
    else:
        hdoc = html_doc(ctx, inner, charset)
        hp = part_bytes("text/html", charset, html_cte, hdoc, eol)
        tp = part_bytes("text/plain", charset, text_cte, text + "\n", eol)
        if shape == "html":
            alt = hp
            alt_is_single = True
        else:
            parts = [hp, tp] if shape == "html-first" else [tp, hp]
            b = boundary(ctx, 1 if not (logo or all_atts) else 3)
            top_level = not (logo or all_atts)
            alt = (f"Content-Type: multipart/alternative;{eol}\tboundary=\"{b}\"{eol}{eol}").encode() + \
                multipart("alternative", b, parts, eol,
                          preamble="This is a multi-part message in MIME format."
                          if top_level and c in ("foxmail", "qqmail", "outlook") else None)
            alt_is_single = False
        cur = alt
        if logo:
            b = boundary(ctx, 2)
            lp = attachment_part(ctx, "image001.png", eol, logo=True, cid=logo_cid)
            cur = (f"Content-Type: multipart/related;{eol}\ttype=\"{'text/html' if alt_is_single else 'multipart/alternative'}\";{eol}"
                   f"\tboundary=\"{b}\"{eol}{eol}").encode() + multipart("related", b, [cur, lp], eol)
        atts = all_atts
        if atts:
            b = boundary(ctx, 1)
            aps = [attachment_part(ctx, a, eol) for a in atts]
            cur = (f"Content-Type: multipart/mixed;{eol}\tboundary=\"{b}\"{eol}{eol}").encode() + \
                multipart("mixed", b, [cur] + aps, eol,
                          preamble="This is a multi-part message in MIME format." if c in ("foxmail", "qqmail", "outlook") else None)
        head, bod = cur.split((eol + eol).encode(), 1)
        main = (head, bod)
    for x in ctx_mime:
        add(x)
    # the main content headers
    H.append(main[0])
    if c == "qqmail":
        add(f"Date: {date_hdr}")
        add("X-Priority: 3")
        add(f"Message-ID: {ctx.msgid}")
        if refp is not None:
            add(f"In-Reply-To: {refp['msgid']}")
            add(f"References: {refp['refs']}")
    if c == "feishu":
        add(f"Message-Id: {ctx.msgid}")
    for x in end:
        add(x)
    raw = eol.encode().join(H) + (eol + eol).encode() + main[1]
    refs = (refp["refs"] + " " + ctx.msgid) if refp is not None else ctx.msgid
    rec = {"from": ctx.frm, "to": ctx.to, "cc": ctx.cc, "date": ctx.date, "subject": subject,
           "plain": text, "inner": inner, "msgid": ctx.msgid, "refs": refs,
           "thread_index_root": thread_root, "attach": list(meta.get("attach", []))}
    return raw, rec


# ---------------------------------------------------------------- expectation -> json

def expect_json(m, byjson):
    e = m["exp"]
    meta = m["meta"]
    j = {"client": meta["client"], "lang": meta["lang"], "type": e.get("type"),
         "direction": e.get("direction"), "us": e.get("us", [])}
    if e.get("subject_like"):
        src = byjson[e["subject_like"]]
        j["subject"] = dict(src["subject"])
    else:
        j["subject"] = {"kind": e.get("kind"), "tag": e.get("tag"), "project": e.get("project"),
                        "departments": e.get("departments", []), "urgency": e.get("urgency")}
    j["greeting"] = e.get("greeting")
    j["opening"] = e.get("opening")
    j["background"] = e.get("background", [])
    items = []
    for it in e.get("items", []):
        items.append({k: it.get(k) for k in ("what", "owner", "due", "due_value", "standard")})
    j["items"] = items
    j["attachments"] = e.get("attachments", [])
    j["closing"] = e.get("closing")
    if e.get("sig") == "none" or not (e.get("sig_name") or e.get("sig_dept") or e.get("sig_title")
                                      or e.get("sig_contact")):
        j["signature"] = None
    else:
        j["signature"] = {"name": e.get("sig_name"), "department": e.get("sig_dept"),
                          "title": e.get("sig_title"), "contact": e.get("sig_contact", [])}
    j["quoted_first_line"] = e.get("quoted_first_line")
    if j["type"] in ("reply", "forward", "auto-reply"):
        if e.get("new_text") is not None:
            j["new_text"] = e["new_text"]
        else:
            new, _ = split_body(m["body"])
            if "--sig--" not in m["body"]:
                raise srcfmt.SourceError(f"{m['file']}:{m['line']}: reply {m['id']} needs --sig-- or new_text")
            j["new_text"] = "\n".join(x for x in new if x != "[[logo]]").strip()
    if j["type"] in ("reply", "auto-reply"):
        items = e.get("items_ref")
        j["reply"] = {"class": e.get("class"), "promised": e.get("promised"),
                      "items": [int(x) for x in items.split(",")] if items else None}
    if e.get("clean") == "yes":
        j["clean"] = True
    return j


def build(author):
    """Rewrite tune/ and heldout/ for the author's number range from its msgs/*.txt."""
    global AUTHOR
    AUTHOR = author
    msgs = srcfmt.load_all(author.msgs, author.lo, author.hi, author.digits)
    byid = {m["id"]: m for m in msgs}
    held = author.heldout_ids(list(byid))
    own = re.compile(r"[a-z0-9-]+-(zh|zht|en)-(\d{%d})\.(eml|json)" % author.digits)
    for part in ("tune", "heldout"):
        d = CORPUS / part
        d.mkdir(parents=True, exist_ok=True)
        for f in d.iterdir():
            mm = own.fullmatch(f.name)
            if mm and author.lo <= int(mm.group(2)) <= author.hi:
                f.unlink()
    byrec = {}
    byjson = {}
    # parents first: a message can only quote one built before it
    order = sorted(msgs, key=lambda m: int(m["id"]))
    pending = list(order)
    while pending:
        progressed = False
        for m in list(pending):
            p = m["meta"].get("parent") or m["meta"].get("inreplyto")
            if p and p not in byrec:
                continue
            try:
                raw, rec = render(m, byrec)
            except UnicodeEncodeError as e:
                raise srcfmt.SourceError(f"{m['file']}:{m['line']}: message {m['id']}: {e}")
            byrec[m["id"]] = rec
            j = expect_json(m, byjson)
            root = m
            while root["meta"].get("parent") or root["meta"].get("inreplyto"):
                root = byid[root["meta"].get("parent") or root["meta"].get("inreplyto")]
            orig = byjson.get(root["id"]) if root is not m else None
            refs = (j.get("reply") or {}).get("items") or []
            if orig and refs and max(refs) > len(orig["items"]):
                raise srcfmt.SourceError(f"{m['file']}:{m['line']}: reply {m['id']} names item "
                                         f"{max(refs)} but the original has {len(orig['items'])}")
            byjson[m["id"]] = j
            name = f"{m['meta']['client']}-{m['meta']['lang']}-{m['id']}"
            part = "heldout" if m["id"] in held else "tune"
            (CORPUS / part / f"{name}.eml").write_bytes(raw)
            (CORPUS / part / f"{name}.json").write_text(
                json.dumps(j, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            pending.remove(m)
            progressed = True
        if not progressed:
            raise srcfmt.SourceError("parent cycle or missing parent: " + ", ".join(m["id"] for m in pending))
    print(f"built {len(msgs)} messages ({len(held & set(byid))} held out)", file=sys.stderr)
