#!/usr/bin/env python3
"""Wrap the fourth author's (c4) hand-written messages of msgs/*.txt into each client's MIME shape.

    python3 build.py            # writes ../../tune and ../../heldout (c4 files 1400-1599 only)

The engines are src/common/mailbuild.py (c4 added ten engines to it: notes, richmail, ctmail,
sina, sohu, huawei, macol, winmail, roundcube, zimbra, with their quote styles); what is c4's
own is below: the number range, the held-out seed (committed before the first message,
d40ab3c) and the client table.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "common"))
import mailbuild  # noqa: E402

AUTHOR = mailbuild.Author(
    name="c4", msgs=HERE / "msgs", lo=1400, hi=1599, digits=4,
    heldout_seed="liaison-corpus-c4-2026",
    # file-name client -> the engine that shapes its MIME (headers differ by file-name client)
    clients={"foxmail": "foxmail", "qqmail": "qqmail", "netease": "netease", "outlook": "outlook",
             "dingtalk": "dingtalk", "feishu": "feishu", "wecom": "qqmail", "exmail": "qqmail",
             "alimail": "dingtalk", "outlook-mobile": "outlook", "apple-mail": "apple",
             "gmail": "gmail", "thunderbird": "tbird",
             # c4: new engines, and Coremail XT self-hosted on the NetEase/Coremail engine
             "notes": "notes", "cmcc-mail": "richmail", "telecom-mail": "ctmail", "sina": "sina",
             "sohu": "sohu", "huawei": "huawei", "outlook-mac": "macol", "windows-mail": "winmail",
             "coremail": "netease", "roundcube": "roundcube", "zimbra": "zimbra"},
    # c4's Outlook for Mac is a whole engine (macol), not c5's skin on the Outlook engine
    skinless={"outlook-mac"})
heldout_ids = AUTHOR.heldout_ids

if __name__ == "__main__":
    mailbuild.build(AUTHOR)
