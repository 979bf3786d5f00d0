#!/usr/bin/env python3
"""Wrap the c6 author's hand-written messages of msgs/*.txt into each client's MIME shape.

    python3 build.py            # writes ../../tune and ../../heldout (c6 files 1800-1999 only)

The engines are src/common/mailbuild.py (c6 added to it, keyed by skin, NetEase Mail Master
desktop and mobile, 263 and 35 enterprise mail, WPS mail, the QQ Mail Android app, eM Client,
Mailbird, NeoMutt, GNOME Evolution, Claws Mail, BlueMail, Edison Mail, Airmail, Windows Live
Mail 2012 and Outlook 2010, and their quote styles); what is c6's own is below: the number
range, the held-out seed (committed before the first message) and the client table.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "common"))
import mailbuild  # noqa: E402

AUTHOR = mailbuild.Author(
    name="c6", msgs=HERE / "msgs", lo=1800, hi=1999, digits=4,
    heldout_seed="liaison-corpus-c6-2026",
    # file-name client -> the engine that shapes its MIME (headers differ by file-name client)
    clients={"foxmail": "foxmail", "qqmail": "qqmail", "netease": "netease", "outlook": "outlook",
             "dingtalk": "dingtalk", "feishu": "feishu", "apple-mail": "apple", "gmail": "gmail",
             "thunderbird": "tbird",
             # c6: each new client is shaped by the engine closest to its MIME layout, then its
             # own headers, ids, boundaries, charsets and quote style are applied by its skin
             "mailmaster": "netease", "263mail": "netease", "35mail": "netease", "wps": "feishu",
             "qqmail-android": "qqmail", "emclient": "gmail", "mailbird": "gmail", "mutt": "tbird",
             "evolution": "tbird", "claws": "tbird", "bluemail": "gmail", "edison": "gmail",
             "airmail": "apple", "wlmail": "outlook", "outlook2010": "outlook"})
heldout_ids = AUTHOR.heldout_ids

if __name__ == "__main__":
    mailbuild.build(AUTHOR)
