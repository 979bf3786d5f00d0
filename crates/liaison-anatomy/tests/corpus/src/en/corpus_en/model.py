"""The message specs (hand-written content) and helpers for hand-written expectations."""

from dataclasses import dataclass, field
from typing import Any

from .people import P

REG = {}      # n -> Spec (emitted messages)
GHOSTS = {}   # name -> Spec (earlier mails that are only quoted, not emitted)


@dataclass
class Spec:
    n: Any
    client: str
    lang: str
    type: str                      # original | reply | forward | auto-reply
    frm: str
    to: list
    date: str                      # "MM-DD HH:MM" in the sender's zone (year 2026)
    subject: str
    text: str = ""                 # the writer's own text (greeting .. closing)
    sig: str = ""                  # signature block (valediction included)
    cc: list = field(default_factory=list)
    disclaimer: str = ""
    mobile: str = ""               # "Sent from my iPhone" etc.
    attach: list = field(default_factory=list)   # [(filename, spec)] or filename
    parent: Any = None             # n or ghost name of the quoted/forwarded mail
    quote: str = "top"             # top | bottom | inline | none
    inline: list = field(default_factory=list)   # [("q", text) | ("a", text)]
    fmt: dict = field(default_factory=dict)
    headers: list = field(default_factory=list)  # extra (name, value) headers
    us: list = field(default_factory=list)
    exp: dict = field(default_factory=dict)
    emit: bool = True


def _norm_people(xs):
    return list(xs or [])


def msg(n, client, lang, type, **kw):
    kw["to"] = _norm_people(kw.get("to"))
    kw["cc"] = _norm_people(kw.get("cc"))
    s = Spec(n=n, client=client, lang=lang, type=type, **kw)
    if n in REG:
        raise ValueError("duplicate message number %s" % n)
    REG[n] = s
    return s


def ghost(name, client, lang, type="original", **kw):
    kw["to"] = _norm_people(kw.get("to"))
    kw["cc"] = _norm_people(kw.get("cc"))
    s = Spec(n=name, client=client, lang=lang, type=type, emit=False, **kw)
    GHOSTS[name] = s
    return s


def lookup(key):
    if key in REG:
        return REG[key]
    return GHOSTS[key]


# ---- expectation helpers (what a careful colleague reads) ----

def S(kind=None, tag=None, project=None, departments=(), urgency=None):
    return {"kind": kind, "tag": tag, "project": project,
            "departments": list(departments), "urgency": urgency}


def I(what, owner=None, due=None, due_value=None, standard=None):
    return {"what": what, "owner": owner, "due": due, "due_value": due_value, "standard": standard}


def SIG(name=None, department=None, title=None, contact=()):
    return {"name": name, "department": department, "title": title, "contact": list(contact)}


def R(cls, promised=None, items=None):
    return {"class": cls, "promised": promised, "items": items}


def addr_of(key):
    return P[key].addr if key in P else key
