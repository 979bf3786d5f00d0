"""Low-level MIME helpers: encodings written by hand so that the bytes look like
what each client emits (header order, folding, encoded-words, QP line length)."""

import base64
import hashlib
import random

CRLF = "\r\n"


def rng_for(*parts):
    """A deterministic RNG seeded by the message number and a purpose string."""
    seed = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()
    return random.Random(seed)


def is_ascii(s):
    try:
        s.encode("ascii")
        return True
    except UnicodeEncodeError:
        return False


def qp_encode(data: bytes, maxlen=76) -> str:
    """Quoted-printable (RFC 2045) of bytes whose lines are separated by LF.
    Lines come out CRLF-joined; soft breaks keep lines within maxlen."""
    out_lines = []
    for raw in data.split(b"\n"):
        if raw.endswith(b"\r"):
            raw = raw[:-1]
        enc = []
        for i, b in enumerate(raw):
            c = chr(b)
            last = i == len(raw) - 1
            if b == 0x3D or b > 126 or (b < 32 and b != 9) or (last and b in (9, 32)):
                enc.append("=%02X" % b)
            else:
                enc.append(c)
        line = ""
        for tok in enc:
            if len(line) + len(tok) > maxlen - 1:
                out_lines.append(line + "=")
                line = ""
            line += tok
        out_lines.append(line)
    return CRLF.join(out_lines)


def b64_body(data: bytes, width=76) -> str:
    s = base64.b64encode(data).decode()
    return CRLF.join(s[i:i + width] for i in range(0, len(s), width)) if s else ""


def encode_body(text_bytes: bytes, cte: str) -> str:
    if cte == "quoted-printable":
        return qp_encode(text_bytes)
    if cte == "base64":
        return b64_body(text_bytes)
    # 7bit / 8bit: raw text with CRLF
    return text_bytes.decode("latin-1").replace("\r\n", "\n").replace("\n", CRLF)


def encoded_words(text, charset="utf-8", mode="B", maxword=75, label=None):
    """RFC 2047 encoded-words for `text`, split on character boundaries so that
    no multi-byte character is cut (as Outlook, Gmail and Apple Mail do)."""
    label = label or charset
    words = []
    cur = ""

    def enc(chunk):
        raw = chunk.encode(charset)
        if mode == "B":
            return "=?%s?B?%s?=" % (label, base64.b64encode(raw).decode())
        q = ""
        for b in raw:
            if b == 32:
                q += "_"
            elif (48 <= b <= 57) or (65 <= b <= 90) or (97 <= b <= 122) or chr(b) in "!*+-/":
                q += chr(b)
            else:
                q += "=%02X" % b
        return "=?%s?Q?%s?=" % (label, q)

    for ch in text:
        if cur and len(enc(cur + ch)) > maxword:
            words.append(enc(cur))
            cur = ch
        else:
            cur += ch
    if cur:
        words.append(enc(cur))
    return words


def header_value(text, charset="utf-8", mode="B", label=None):
    """A header value: ASCII as is, otherwise encoded-words joined by folding."""
    if is_ascii(text):
        return text
    words = encoded_words(text, charset, mode, label=label)
    return (CRLF + " ").join(words)


def addr(person_display, address, charset="utf-8", mode="B", quote_ascii=False):
    """One mailbox: `"Display" <addr>`, the display encoded if non-ASCII."""
    if not person_display:
        return address
    if is_ascii(person_display):
        needs_quote = quote_ascii or any(c in person_display for c in ',.()<>@;:"[]')
        d = '"%s"' % person_display if needs_quote else person_display
        return "%s <%s>" % (d, address)
    return "%s <%s>" % (" ".join(encoded_words(person_display, charset, mode)), address)


def fold_addresses(items, sep=","):
    """Address list folded one mailbox per line, as Exchange and Gmail do."""
    return (sep + CRLF + " ").join(items)


def rfc2231_param(name, value, charset="utf-8"):
    """filename*=utf-8''%E6%... (RFC 2231), continued when long."""
    raw = value.encode(charset)
    pct = "".join(chr(b) if (b < 128 and (chr(b).isalnum() or chr(b) in "-._~")) else "%%%02X" % b for b in raw)
    full = "%s''%s" % (charset, pct)
    if len(full) <= 60:
        return "%s*=%s" % (name, full)
    parts = []
    chunk = ""
    i = 0
    # cut only between percent-escapes
    toks = []
    j = 0
    while j < len(full):
        if full[j] == "%":
            toks.append(full[j:j + 3])
            j += 3
        else:
            toks.append(full[j])
            j += 1
    for t in toks:
        if len(chunk) + len(t) > 60:
            parts.append(chunk)
            chunk = ""
        chunk += t
    if chunk:
        parts.append(chunk)
    return (";" + CRLF + " ").join("%s*%d*=%s" % (name, k, p) for k, p in enumerate(parts))
