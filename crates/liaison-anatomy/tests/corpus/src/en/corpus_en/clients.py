"""Per-client rendering: the text and HTML bodies, quoting and forwarding styles,
header order, Message-ID shapes and MIME structure of each mail client."""

import base64
import html as htmllib
import re
import uuid

from . import files
from .dates import (gmail_attr_date, h12, in_tz, outlook_sent, parse_local, rfc5322, zh_ampm,
                    MONTHS, DAYS)
from .mime import (CRLF, addr, b64_body, encode_body, encoded_words, fold_addresses, header_value,
                   is_ascii, rfc2231_param, rng_for)
from .model import lookup
from .people import P

CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


class Rendered:
    def __init__(self):
        self.plain = None
        self.html = None          # inner HTML (what a later reply quotes)
        self.quoted_first_line = None
        self.msgid = None
        self.refs = []
        self.dt = None


def person(key):
    return P[key]


def ui_of(spec):
    return spec.fmt.get("ui") or person(spec.frm).ui


def tz_of(spec):
    return spec.fmt.get("tz", person(spec.frm).tz)


def sent_dt(spec):
    d = spec.date
    if d.count("-") == 1:
        d = "2026-" + d
    dt = parse_local(d, tz_of(spec))
    if dt.second == 0 and d.count(":") == 1:
        dt = dt.replace(second=rng_for(spec.n, "sec").randrange(1, 59))
    return dt


def mailbox_text(key):
    """How a quote header prints a person: Name <addr>."""
    if key in P:
        p = P[key]
        return "%s <%s>" % (p.display, p.addr)
    return key


def name_only(key):
    return P[key].display if key in P else key


# ---------------------------------------------------------------- message ids

def message_id(spec):
    r = rng_for(spec.n, "msgid")
    c = spec.client
    frm = person(spec.frm)
    if c in ("outlook", "outlook-web"):
        if frm.addr.endswith(("@outlook.com", "@hotmail.com")):
            host = "%sMB%04d" % (r.choice(["TY0P286", "SEYP216", "PSAP153"]), r.randrange(1000, 9999))
            local = host + "".join(r.choice("0123456789ABCDEF") for _ in range(12))
            region = {"TY0P286": "JPNP286", "SEYP216": "APCP216", "PSAP153": "APCP153"}[host[:7]]
            return "<%s@%s.%s.PROD.OUTLOOK.COM>" % (local, host, region)
        pref = {8: ("TYZPR06", "apcprd06"), 9: ("TYCPR01", "jpnprd01"), 1: ("DB9PR08", "eurprd08"),
                0: ("LO2P265", "GBRP265"), -5: ("BL1PR11", "namprd11"), -8: ("SJ0PR13", "namprd13")}
        p, region = pref.get(frm.tz, ("TYZPR06", "apcprd06"))
        host = "%sMB%04d" % (p, r.randrange(1000, 9999))
        local = host + "".join(r.choice("0123456789ABCDEF") for _ in range(12))
        return "<%s@%s.%s.prod.outlook.com>" % (local, host, region)
    if c == "gmail":
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+_-"
        body = "".join(r.choice(alphabet) for _ in range(r.choice([44, 46, 48])))
        return "<CA%s%s@mail.gmail.com>" % (r.choice(["F", "H", "J", "K", "O", "P"]), body)
    u = uuid.UUID(int=r.getrandbits(128), version=4)
    if c == "apple-mail":
        return "<%s@%s>" % (str(u).upper(), frm.domain)
    return "<%s@%s>" % (str(u), frm.domain)


def boundary(spec, kind):
    r = rng_for(spec.n, "boundary", kind)
    c = spec.client
    if c in ("outlook", "outlook-web"):
        code = {"alt": "_000_", "rel": "_004_", "mix": "_005_", "mixalt": "_002_"}[kind]
        base = rng_for(spec.n, "msgid-b")
        tag = "".join(base.choice("0123456789ABCDEF") for _ in range(28))
        return "%sTYZPR06MB%s_" % (code, tag)
    if c == "gmail":
        tail = "".join(r.choice("0123456789abcdef") for _ in range(16))
        return "000000000000" + tail
    if c == "apple-mail":
        return "Apple-Mail=_" + str(uuid.UUID(int=r.getrandbits(128), version=4)).upper()
    return "------------" + "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(24))


# ---------------------------------------------------------------- text blocks

def split_blocks(text):
    """Lines of the hand-written text; rows starting with '|' form tables."""
    out = []
    table = []
    for line in text.split("\n"):
        if line.startswith("|"):
            table.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        if table:
            out.append(("table", table))
            table = []
        out.append(("line", line))
    if table:
        out.append(("table", table))
    return out


def plain_of_text(text, client):
    """The text/plain rendition of the writer's text (tables as the client prints them)."""
    lines = []
    for kind, v in split_blocks(text):
        if kind == "line":
            if client == "outlook" and v.startswith("• "):
                lines.append("  *   " + v[2:])
            else:
                lines.append(v)
        else:
            if client in ("outlook", "outlook-web"):
                for row in v:
                    for cell in row:
                        lines.append(cell)
                        lines.append("")
            else:
                for row in v:
                    lines.append("\t".join(row))
    return "\n".join(lines)


def esc(s):
    return htmllib.escape(s, quote=False)


def outlook_span(line, lang):
    if not line:
        return "<o:p>&nbsp;</o:p>"
    if CJK.search(line):
        l = "ZH-TW" if lang == "zht" else "ZH-CN"
        font = "&quot;PMingLiU&quot;,serif" if lang == "zht" else "DengXian"
        return "<span lang=\"%s\" style=\"font-family:%s\">%s</span><span lang=\"EN-US\"><o:p></o:p></span>" % (l, font, esc(line))
    return "<span lang=\"EN-US\">%s<o:p></o:p></span>" % esc(line)


def html_of_text(text, client, lang):
    out = []
    for kind, v in split_blocks(text):
        if kind == "table":
            out.append(html_table(v, client, lang))
            continue
        line = v
        if client == "outlook":
            if line.startswith(("• ", "* ")):
                out.append("<p class=\"MsoListParagraph\" style=\"margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1\">"
                           "<![if !supportLists]><span lang=\"EN-US\" style=\"font-family:Symbol\">\u00b7<span style=\"font:7.0pt &quot;Times New Roman&quot;\">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>"
                           "%s</p>" % outlook_span(line[2:], lang))
            else:
                out.append("<p class=\"MsoNormal\">%s</p>" % outlook_span(line, lang))
        elif client == "outlook-web":
            style = "font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);"
            out.append("<div class=\"elementToProof\" style=\"%s\">%s</div>" % (style, esc(line) if line else "<br>"))
        elif client == "gmail":
            out.append("<div>%s</div>" % (esc(line) if line else "<br>"))
        elif client == "apple-mail":
            out.append("<div>%s</div>" % (esc(line) if line else "<br>"))
        else:  # thunderbird
            out.append("%s<br>" % esc(line))
    if client == "thunderbird":
        # paragraphs for Thunderbird: blank lines end a <p>
        joined = "\n".join(out)
        paras = [p for p in re.split(r"(?:^|\n)<br>(?:\n|$)", joined)]
        return "\n".join("<p>%s</p>" % p.rstrip("<br>") if not p.startswith("<table") else p for p in paras if p.strip())
    return "\n".join(out)


def html_table(rows, client, lang):
    if client == "outlook":
        trs = []
        for i, row in enumerate(rows):
            tds = "".join(
                "<td style=\"border:solid #BFBFBF 1.0pt;padding:0cm 5.4pt 0cm 5.4pt\"><p class=\"MsoNormal\">%s%s</p></td>"
                % ("<b>" if i == 0 else "", outlook_span(c, lang) + ("</b>" if i == 0 else "")) for c in row)
            trs.append("<tr>%s</tr>" % tds)
        return ("<table class=\"MsoTableGrid\" border=\"1\" cellspacing=\"0\" cellpadding=\"0\" "
                "style=\"border-collapse:collapse;border:none\">%s</table>" % "".join(trs))
    trs = []
    for i, row in enumerate(rows):
        tag = "th" if i == 0 else "td"
        trs.append("<tr>%s</tr>" % "".join("<%s style=\"border:1px solid #999;padding:4px\">%s</%s>" % (tag, esc(c), tag) for c in row))
    return "<table style=\"border-collapse:collapse\" border=\"1\">%s</table>" % "".join(trs)


# ---------------------------------------------------------------- quote headers

LABELS = {
    "en-US": ("From", "Sent", "To", "Cc", "Subject"),
    "en-GB": ("From", "Sent", "To", "Cc", "Subject"),
    "de": ("Von", "Gesendet", "An", "Cc", "Betreff"),
    "zh-CN": ("发件人", "发送时间", "收件人", "抄送", "主题"),
    "zh-TW": ("寄件者", "寄件日期", "收件者", "副本", "主旨"),
    "zh-HK": ("寄件者", "寄件日期", "收件者", "副本", "主旨"),
}


def outlook_header_lines(q, qdt, ui, client):
    lab = LABELS[ui]
    sep = "; "
    lines = [
        "%s: %s" % (lab[0], mailbox_text(q.frm)),
        "%s: %s" % (lab[1], outlook_sent(qdt, ui)),
        "%s: %s" % (lab[2], sep.join(mailbox_text(k) for k in q.to)),
    ]
    if q.cc:
        lines.append("%s: %s" % (lab[3], sep.join(mailbox_text(k) for k in q.cc)))
    lines.append("%s: %s" % (lab[4], q.subject))
    return lines


def attribution(spec, q, qdt):
    """The line a reply puts above the quoted mail, in the replier's client and UI."""
    ui = ui_of(spec)
    c = spec.client
    qp = person(q.frm)
    if c == "gmail":
        who = "%s <%s>" % (qp.display, qp.addr)
        if ui == "zh-CN":
            return "%s 于%s写道：" % (who, gmail_attr_date(qdt, ui))
        if ui in ("zh-TW", "zh-HK"):
            return "%s 於 %s寫道：" % (who, gmail_attr_date(qdt, ui))
        if ui == "en-GB":
            return "On %s, %s wrote:" % (gmail_attr_date(qdt, ui), who)
        return "On %s %s wrote:" % (gmail_attr_date(qdt, ui), who)
    if c == "apple-mail":
        who = "%s <%s>" % (qp.display, qp.addr)
        if ui == "zh-CN":
            return "在 %d年%d月%d日，%02d:%02d，%s 写道：" % (qdt.year, qdt.month, qdt.day, qdt.hour, qdt.minute, who)
        if ui in ("zh-TW", "zh-HK"):
            return "%d年%d月%d日 %s，%s 寫道：" % (qdt.year, qdt.month, qdt.day, zh_ampm(qdt, pad=False), who)
        if ui == "en-GB":
            return "On %d %s %d, at %02d:%02d, %s wrote:" % (qdt.day, MONTHS[qdt.month - 1][:3], qdt.year, qdt.hour, qdt.minute, who)
        return "On %s %d, %d, at %s, %s wrote:" % (MONTHS[qdt.month - 1][:3], qdt.day, qdt.year, h12(qdt), who)
    if c == "thunderbird":
        name = qp.display
        if ui == "de":
            return "Am %02d.%02d.%02d um %02d:%02d schrieb %s:" % (qdt.day, qdt.month, qdt.year % 100, qdt.hour, qdt.minute, name)
        if ui == "en-GB":
            return "On %02d/%02d/%d %02d:%02d, %s wrote:" % (qdt.day, qdt.month, qdt.year, qdt.hour, qdt.minute, name)
        if ui == "zh-CN":
            return "在 %d/%d/%d %d:%02d, %s 写道:" % (qdt.year, qdt.month, qdt.day, qdt.hour, qdt.minute, name)
        if ui in ("zh-TW", "zh-HK"):
            return "於 %d/%d/%d %s, %s 寫道:" % (qdt.year, qdt.month, qdt.day, zh_ampm(qdt), name)
        return "On %d/%d/%02d %s, %s wrote:" % (qdt.month, qdt.day, qdt.year % 100, h12(qdt), name)
    raise ValueError(c)


def forward_header(spec, q, qdt):
    """(first line, [header lines]) of a forwarded block."""
    ui = ui_of(spec)
    c = spec.client
    qp = person(q.frm)
    to = ", ".join(mailbox_text(k) for k in q.to)
    if c == "gmail":
        lines = ["From: %s" % mailbox_text(q.frm), "Date: %s" % gmail_attr_date(qdt, ui),
                 "Subject: %s" % q.subject, "To: %s" % to]
        if q.cc:
            lines.append("Cc: %s" % ", ".join(mailbox_text(k) for k in q.cc))
        return "---------- Forwarded message ---------", lines
    if c == "apple-mail":
        if ui == "zh-CN":
            return "转发的邮件：", ["发件人: %s" % mailbox_text(q.frm), "主题: %s" % q.subject,
                                   "日期: %d年%d月%d日 GMT+8 %02d:%02d:%02d" % (qdt.year, qdt.month, qdt.day, qdt.hour, qdt.minute, qdt.second),
                                   "收件人: %s" % to]
        if ui in ("zh-TW", "zh-HK"):
            return "轉寄的郵件：", ["寄件者: %s" % mailbox_text(q.frm), "主旨: %s" % q.subject,
                                   "日期: %d年%d月%d日 %s:%02d GMT+8" % (qdt.year, qdt.month, qdt.day, zh_ampm(qdt, pad=False), qdt.second),
                                   "收件者: %s" % to]
        off = int(qdt.utcoffset().total_seconds() // 3600)
        return "Begin forwarded message:", ["From: %s" % mailbox_text(q.frm), "Subject: %s" % q.subject,
                                            "Date: %s %d, %d at %s GMT%+d" % (MONTHS[qdt.month - 1], qdt.day, qdt.year, h12(qdt), off),
                                            "To: %s" % to]
    if c == "thunderbird":
        if ui == "zh-CN":
            return "-------- 转发的消息 --------", ["主题：\t%s" % q.subject, "日期：\t%s" % rfc5322(qdt),
                                                  "发件人：\t%s" % mailbox_text(q.frm), "收件人：\t%s" % to]
        return "-------- Forwarded Message --------", ["Subject: \t%s" % q.subject, "Date: \t%s" % rfc5322(qdt),
                                                   "From: \t%s" % mailbox_text(q.frm), "To: \t%s" % to]
    lines = outlook_header_lines(q, qdt, ui, c)
    return lines[0], lines[1:]


# ---------------------------------------------------------------- rendering

CACHE = {}


def quote_plain(text):
    out = []
    for line in text.split("\n"):
        if line.startswith(">"):
            out.append(">" + line)
        elif line == "":
            out.append(">")
        else:
            out.append("> " + line)
    return "\n".join(out)


def logo_cid(spec):
    r = rng_for(spec.frm, "logo")
    return "image001.png@01DB%04X.%08X" % (r.randrange(0x4000, 0x7FFF), r.getrandbits(32))


def own_parts(spec):
    """(plain, html) of the writer's own part: text, signature, mobile tag, disclaimer."""
    c = spec.client
    lang = spec.lang
    plain = [plain_of_text(spec.text, c)] if spec.text else []
    html = [html_of_text(spec.text, c, lang)] if spec.text else []
    sig = spec.sig
    if sig:
        # the writer's signature as typed; a "-- " line, when present, starts the
        # client-inserted signature (Gmail/Thunderbird render it in their own markup)
        plain.append(sig)
        before, dash, after = sig.partition("\n-- \n") if not sig.startswith("-- \n") else ("", "-- ", sig[4:])
        pre_html = html_of_text(before, c, lang) if before else ""
        if not dash:
            if c == "outlook-web":
                html.append("<div id=\"Signature\">%s</div>" % pre_html)
            else:
                html.append(pre_html)
        elif c == "gmail":
            html.append(pre_html + "<div><br></div><span class=\"gmail_signature_prefix\">-- </span><br>"
                        "<div dir=\"ltr\" class=\"gmail_signature\" data-smartmail=\"gmail_signature\"><div dir=\"ltr\">%s</div></div>"
                        % "<br>".join(esc(l) for l in after.split("\n")))
        elif c == "thunderbird":
            html.append(pre_html + "<pre class=\"moz-signature\" cols=\"72\">-- \n%s</pre>" % esc(after))
        else:
            html.append(pre_html + "<div>-- <br>%s</div>" % "<br>".join(esc(l) for l in after.split("\n")))
    if spec.fmt.get("logo"):
        cid = logo_cid(spec)
        if c in ("outlook", "outlook-web"):
            plain.append("[cid:%s]" % cid)
            img = "<img width=\"120\" height=\"36\" style=\"width:1.25in;height:.375in\" id=\"Picture_x0020_1\" src=\"cid:%s\" alt=\"%s\">" % (cid, spec.fmt.get("logo_alt", "logo"))
            html.append("<p class=\"MsoNormal\"><span lang=\"EN-US\">%s</span><o:p></o:p></p>" % img if c == "outlook" else "<div>%s</div>" % img)
        else:
            html.append("<div><img apple-inline=\"yes\" id=\"%s\" src=\"cid:%s\" alt=\"logo.png\"></div>" % (cid[:8], cid))
    if spec.mobile:
        plain.append(spec.mobile)
        html.append("<div>%s</div>" % esc(spec.mobile))
    if spec.disclaimer:
        plain.append(spec.disclaimer)
        if c == "outlook":
            html.append("<p class=\"MsoNormal\"><span lang=\"EN-US\" style=\"font-size:8.0pt;color:gray\">%s</span></p>"
                        % "<br>".join(esc(l) for l in spec.disclaimer.split("\n")))
        else:
            html.append("<div style=\"font-size:10px;color:#888888\">%s</div>" % "<br>".join(esc(l) for l in spec.disclaimer.split("\n")))
    return "\n\n".join(plain), "\n".join(html)


def render(spec):
    if spec.n in CACHE:
        return CACHE[spec.n]
    r = Rendered()
    r.dt = sent_dt(spec)
    r.msgid = spec.fmt.get("msgid") or message_id(spec)
    own_plain, own_html = own_parts(spec)
    c = spec.client
    if spec.parent is None or spec.quote == "none":
        r.plain, r.html = own_plain, own_html
        if spec.parent is not None:
            q = lookup(spec.parent)
            qr = render(q)
            r.refs = qr.refs + [qr.msgid]
        CACHE[spec.n] = r
        return r
    q = lookup(spec.parent)
    qr = render(q)
    r.refs = (qr.refs + [qr.msgid])[-8:]
    qdt = in_tz(qr.dt, tz_of(spec))
    forward = spec.type == "forward"
    ui = ui_of(spec)

    if c in ("outlook", "outlook-web"):
        head_lines = outlook_header_lines(q, qdt, ui, c)
        if spec.fmt.get("plainquote") == "original-message":
            sep = "-----Original Message-----"
            r.quoted_first_line = sep
            qplain = sep + "\n" + "\n".join(head_lines) + "\n\n" + qr.plain
        elif c == "outlook-web":
            r.quoted_first_line = head_lines[0]
            qplain = "________________________________\n" + "\n".join(head_lines) + "\n\n" + qr.plain
        else:
            r.quoted_first_line = head_lines[0]
            qplain = "\n".join(head_lines) + "\n\n" + qr.plain
        hl = "<br>\n".join("<b>%s:</b> %s" % tuple(esc(x) for x in l.split(": ", 1)) for l in head_lines)
        if c == "outlook":
            qhtml = ("<div>\n<div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\">\n"
                     "<p class=\"MsoNormal\"><span lang=\"EN-US\">%s<o:p></o:p></span></p>\n</div>\n</div>\n"
                     "<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>\n%s" % (hl, qr.html))
            if spec.fmt.get("plainquote") == "original-message":
                qhtml = "<p class=\"MsoNormal\">-----Original Message-----<br>\n%s</p>\n%s" % (hl, qr.html)
        else:
            qhtml = ("<div id=\"appendonsend\"></div>\n<hr style=\"display:inline-block;width:98%%\" tabindex=\"-1\">\n"
                     "<div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri, sans-serif\" style=\"font-size:11pt\" color=\"#000000\">%s</font>\n"
                     "<div>&nbsp;</div>\n</div>\n%s" % (hl, qr.html))
        if spec.quote == "inline":
            # inline answers inside the quoted mail: the writer's pieces go between parts of it
            pieces_p, pieces_h = [], []
            for kind, t in spec.inline:
                if kind == "q":
                    pieces_p.append(t)
                    pieces_h.append(html_of_text(t, c, spec.lang))
                else:
                    pieces_p.append(t)
                    pieces_h.append("<p class=\"MsoNormal\"><b><span style=\"color:#0070C0\">%s</span></b></p>" % esc(t).replace("\n", "<br>"))
            qplain = qplain.replace(qr.plain, "\n\n".join(pieces_p)) if qr.plain in qplain else qplain
            qhtml = qhtml.replace(qr.html, "\n".join(pieces_h))
        r.plain = own_plain + "\n\n" + qplain
        r.html = own_html + "\n" + qhtml
    else:
        if forward:
            first, lines = forward_header(spec, q, qdt)
            r.quoted_first_line = first
            if c == "apple-mail":
                block = first + "\n\n" + quote_plain("\n".join(lines) + "\n\n" + qr.plain)
                qhtml = ("<div><br><blockquote type=\"cite\"><div>%s</div><br class=\"Apple-interchange-newline\">"
                         "<div><div style=\"margin: 0px;\">%s</div>%s</div></blockquote></div>"
                         % (esc(first), "<br>".join(esc(l) for l in lines), qr.html))
            elif c == "gmail":
                block = first + "\n" + "\n".join(lines) + "\n\n\n" + qr.plain
                qhtml = ("<div class=\"gmail_quote gmail_quote_container\"><div dir=\"ltr\" class=\"gmail_attr\">%s<br>%s<br></div><br><br>%s</div>"
                         % (esc(first), "<br>".join(esc(l) for l in lines), qr.html))
            else:
                block = first + "\n" + "\n".join(lines) + "\n\n\n" + qr.plain
                qhtml = ("<div class=\"moz-forward-container\"><br><br>%s<br><table class=\"moz-email-headers-table\">%s</table><br>%s</div>"
                         % (esc(first), "".join("<tr><th>%s</th><td>%s</td></tr>" % tuple(esc(x.strip()) for x in l.split("\t", 1)) if "\t" in l else "<tr><td>%s</td></tr>" % esc(l) for l in lines), qr.html))
        else:
            attr = attribution(spec, q, qdt)
            r.quoted_first_line = attr
            if c == "apple-mail":
                block = quote_plain(attr + "\n\n" + qr.plain)
                qhtml = ("<div><br><blockquote type=\"cite\"><div>%s</div><br class=\"Apple-interchange-newline\"><div>%s</div></blockquote></div>"
                         % (esc(attr), qr.html))
            elif c == "gmail":
                wrap = spec.fmt.get("wrap_attr")
                a = attr
                if wrap and " wrote:" in attr:
                    a = attr.replace(" wrote:", "\nwrote:")
                block = a + "\n\n" + quote_plain(qr.plain)
                qhtml = ("<div class=\"gmail_quote gmail_quote_container\"><div dir=\"ltr\" class=\"gmail_attr\">%s<br></div>"
                         "<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex\">%s</blockquote></div>"
                         % (esc(attr), qr.html))
            else:
                block = attr + "\n" + quote_plain(qr.plain)
                qhtml = ("<div class=\"moz-cite-prefix\">%s<br></div>\n<blockquote type=\"cite\" cite=\"mid:%s\">%s</blockquote>"
                         % (esc(attr), qr.msgid.strip("<>"), qr.html))
            if spec.quote == "inline":
                parts_p = [attr if c != "apple-mail" else quote_plain(attr)]
                if c == "gmail":
                    parts_h = ["<div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">%s<br></div></div>" % esc(attr)]
                    bq = "<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex\">%s</blockquote>"
                else:
                    parts_h = ["<div class=\"moz-cite-prefix\">%s<br></div>" % esc(attr)]
                    bq = "<blockquote type=\"cite\">%s</blockquote>"
                for kind, t in spec.inline:
                    if kind == "q":
                        parts_p.append(quote_plain(t))
                        parts_h.append(bq % html_of_text(t, c, spec.lang))
                    else:
                        parts_p.append(t)
                        parts_h.append(html_of_text(t, c, spec.lang))
                block = "\n\n".join(parts_p)
                qhtml = "\n".join(parts_h)
        if spec.quote == "inline":
            # inline answers: the writer's opening line on top, answers between the
            # quoted parts, then the signature at the very end
            import dataclasses
            top_p, top_h = own_parts(dataclasses.replace(spec, sig="", mobile="", disclaimer="", fmt={**spec.fmt, "logo": False}))
            tail_p, tail_h = own_parts(dataclasses.replace(spec, text=""))
            r.plain = "\n\n".join(x for x in (top_p, block, tail_p) if x)
            r.html = "\n".join(x for x in (top_h, qhtml, tail_h) if x)
        elif spec.quote == "bottom":
            # Thunderbird's default: the reply below the quote, the signature last
            r.plain = block + "\n\n" + own_plain
            r.html = qhtml + "\n" + own_html
        else:
            r.plain = own_plain + "\n\n" + block
            r.html = own_html + ("\n<br>\n" if c == "gmail" else "\n") + qhtml
    CACHE[spec.n] = r
    return r


# ---------------------------------------------------------------- whole documents

OUTLOOK_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=%(cs)s">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<!--[if !mso]><style>v\\:* {behavior:url(#default#VML);}
o\\:* {behavior:url(#default#VML);}
w\\:* {behavior:url(#default#VML);}
.shape {behavior:url(#default#VML);}
</style><![endif]--><style><!--
/* Font Definitions */
@font-face
	{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face
	{font-family:DengXian;
	panose-1:2 1 6 0 3 1 1 1 1 1;}
@font-face
	{font-family:Aptos;}
@font-face
	{font-family:PMingLiU;
	panose-1:2 1 6 1 0 1 1 1 1 1;}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0cm;
	font-size:11.0pt;
	font-family:"Aptos",sans-serif;
	mso-ligatures:standardcontextual;}
p.MsoListParagraph, li.MsoListParagraph, div.MsoListParagraph
	{mso-style-priority:34;
	margin-top:0cm;
	margin-right:0cm;
	margin-bottom:0cm;
	margin-left:36.0pt;
	font-size:11.0pt;
	font-family:"Aptos",sans-serif;}
span.EmailStyle19
	{mso-style-type:personal-reply;
	font-family:"Aptos",sans-serif;
	color:windowtext;}
.MsoChpDefault
	{mso-style-type:export-only;
	font-size:10.0pt;}
@page WordSection1
	{size:612.0pt 792.0pt;
	margin:72.0pt 72.0pt 72.0pt 72.0pt;}
div.WordSection1
	{page:WordSection1;}
/* List Definitions */
@list l0
	{mso-list-id:1093211584;
	mso-list-type:hybrid;}
@list l0:level1
	{mso-level-number-format:bullet;
	mso-level-text:\\F0B7;
	mso-level-tab-stop:none;
	mso-level-number-position:left;
	text-indent:-18.0pt;
	font-family:Symbol;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]--><!--[if gte mso 9]><xml>
<o:shapelayout v:ext="edit">
<o:idmap v:ext="edit" data="1" />
</o:shapelayout></xml><![endif]-->
</head>
<body lang="%(lang)s" link="#467886" vlink="#96607D" style="word-wrap:break-word%(tw)s">
<div class="WordSection1">
"""


def html_document(spec, inner, charset):
    c = spec.client
    if c == "outlook":
        lang = {"en": "EN-US", "zh": "ZH-CN", "zht": "ZH-TW"}[spec.lang]
        tw = ";text-justify-trim:punctuation" if spec.lang != "en" else ""
        return OUTLOOK_HEAD % {"cs": charset, "lang": lang, "tw": tw} + inner + "\n</div>\n</body>\n</html>\n"
    if c == "outlook-web":
        return ("<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\">\n"
                "<style type=\"text/css\" style=\"display:none;\"> P {margin-top:0;margin-bottom:0;} </style>\n"
                "</head>\n<body dir=\"ltr\">\n%s\n</body>\n</html>\n" % (charset, inner))
    if c == "gmail":
        # Gmail's HTML part is a fragment; the writer's part sits in <div dir="ltr">
        if "<div class=\"gmail_quote" in inner:
            head, tail = inner.split("<div class=\"gmail_quote", 1)
            return "<div dir=\"ltr\">%s</div>%s\n" % (head, "<div class=\"gmail_quote" + tail)
        return "<div dir=\"ltr\">%s</div>\n" % inner
    if c == "apple-mail":
        return ("<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=%s\"></head>"
                "<body style=\"overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;\">%s</body></html>"
                % (charset, inner))
    return ("<!DOCTYPE html>\n<html>\n  <head>\n    <meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\">\n"
            "  </head>\n  <body>\n%s\n  </body>\n</html>\n" % (charset.upper() if charset == "utf-8" else charset, inner))


def flowed(text):
    """format=flowed (RFC 3676) as Thunderbird writes it: long lines broken at spaces
    with a trailing space, space-stuffing of lines starting with a space or 'From '."""
    out = []
    for line in text.split("\n"):
        if line == "-- ":
            out.append(line)
            continue
        prefix = ""
        m = re.match(r"^(>+ ?)", line)
        if m:
            prefix = m.group(1)
            line = line[len(prefix):]
        if line.startswith((" ", "From ")) and not prefix:
            line = " " + line
        line = line.rstrip(" ")
        while len(line) + len(prefix) > 72 and " " in line[:72 - len(prefix)]:
            cut = line.rfind(" ", 0, 72 - len(prefix))
            if cut <= 0:
                break
            out.append(prefix + line[:cut + 1])
            line = line[cut + 1:]
        out.append(prefix + line)
    return "\n".join(out)
