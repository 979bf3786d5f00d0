"""Reader for the hand-written message sources in src/<author>/msgs/*.txt (zh, c3, c4, c5).

A source file holds several messages. Each one is:

    ### 001
    client: foxmail            (meta lines: how the client wraps the mail)
    ...
    --- body
    the text exactly as the writer typed it (signature, disclaimer, mobile tag included)
    --- expect
    the expected reading, written by hand (see README.md, "Source format")

The body is kept verbatim. The expectation is only re-shaped into the CORPUS.md JSON;
nothing in it is derived from the body except `new_text` when the writer marked the end of
the new text with a `--sig--` line (a hand-placed marker, not a heuristic).
"""

import re
from pathlib import Path

LIST_META = {"to", "cc", "attach", "hdr"}
LIST_EXPECT = {"us", "departments", "attachments"}
REPEAT_EXPECT = {"background", "sig_contact"}


class SourceError(Exception):
    pass


def _strip_value(v):
    v = v.strip()
    if v in ("~", "null", ""):
        return None
    return v


def parse_file(path):
    text = Path(path).read_text(encoding="utf-8")
    msgs = []
    cur = None
    section = None
    lineno = 0
    for raw in text.split("\n"):
        lineno += 1
        if raw.startswith("### "):
            if cur:
                msgs.append(cur)
            cur = {"id": raw[4:].strip(), "meta": {}, "body": [], "expect": [], "file": str(path),
                   "line": lineno}
            section = "meta"
            continue
        if cur is None:
            if raw.strip() and not raw.startswith("#"):
                raise SourceError(f"{path}:{lineno}: text before the first ### header")
            continue
        if raw == "--- body":
            section = "body"
            continue
        if raw == "--- expect":
            section = "expect"
            continue
        if section == "meta":
            if not raw.strip() or raw.startswith("#"):
                continue
            if ":" not in raw:
                raise SourceError(f"{path}:{lineno}: meta line without ':'")
            k, v = raw.split(":", 1)
            k = k.strip()
            v = v.strip()
            if k in LIST_META:
                cur["meta"].setdefault(k, [])
                cur["meta"][k] += [x.strip() for x in v.split(";") if x.strip()]
            else:
                cur["meta"][k] = v
        elif section == "body":
            cur["body"].append(raw)
        else:
            cur["expect"].append((lineno, raw))
    if cur:
        msgs.append(cur)
    for m in msgs:
        # trailing blank lines of the body belong to no one
        while m["body"] and not m["body"][-1].strip():
            m["body"].pop()
        while m["body"] and not m["body"][0].strip():
            m["body"].pop(0)
        m["exp"] = parse_expect(m)
    return msgs


def parse_expect(m):
    out = {"background": [], "items": [], "sig_contact": []}
    lines = m["expect"]
    i = 0
    path = m["file"]
    while i < len(lines):
        lineno, raw = lines[i]
        i += 1
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw.startswith(" "):
            raise SourceError(f"{path}:{lineno}: indented line outside a block")
        if ":" not in raw:
            raise SourceError(f"{path}:{lineno}: expect line without ':'")
        k, v = raw.split(":", 1)
        k = k.strip()
        if k == "item":
            item = {}
            while i < len(lines) and lines[i][1].startswith("  ") and lines[i][1].strip():
                ln, r = lines[i]
                i += 1
                if ":" not in r:
                    raise SourceError(f"{path}:{ln}: item field without ':'")
                fk, fv = r.strip().split(":", 1)
                fk = fk.strip()
                if fk not in ("what", "owner", "due", "due_value", "standard"):
                    raise SourceError(f"{path}:{ln}: unknown item field {fk}")
                item[fk] = _strip_value(fv)
            out["items"].append(item)
            continue
        if v.strip() == "" and i < len(lines) and lines[i][1].startswith("  "):
            block = []
            while i < len(lines) and (lines[i][1].startswith("  ") or not lines[i][1].strip()):
                # a blank line inside a block is kept only if more block lines follow
                if not lines[i][1].strip():
                    j = i
                    while j < len(lines) and not lines[j][1].strip():
                        j += 1
                    if j < len(lines) and lines[j][1].startswith("  "):
                        block.append("")
                        i += 1
                        continue
                    break
                block.append(lines[i][1][2:])
                i += 1
            val = "\n".join(block)
        else:
            val = _strip_value(v)
        if k in REPEAT_EXPECT:
            if val is not None:
                out[k].append(val)
        elif k in LIST_EXPECT:
            out[k] = [x.strip() for x in val.split(";")] if val else []
        else:
            if k in out and k not in ("background", "items", "sig_contact"):
                raise SourceError(f"{path}:{lineno}: {k} given twice")
            out[k] = val
    return out


def load_all(folder, lo, hi, digits):
    """Every message of folder/*.txt; ids are `digits` wide and lie in the author's range lo-hi."""
    msgs = []
    for p in sorted(Path(folder).glob("*.txt")):
        msgs += parse_file(p)
    seen = {}
    for m in msgs:
        if m["id"] in seen:
            raise SourceError(f"{m['file']}:{m['line']}: message {m['id']} also in {seen[m['id']]}")
        if not re.fullmatch(r"\d{%d}" % digits, m["id"]) or not (lo <= int(m["id"]) <= hi):
            raise SourceError(f"{m['file']}:{m['line']}: id must be {lo:0{digits}d}-{hi}")
        seen[m["id"]] = m["file"]
    return msgs
