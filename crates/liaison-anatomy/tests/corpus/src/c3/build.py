#!/usr/bin/env python3
"""Wrap the third author's (c3) hand-written messages of msgs/*.txt into each client's MIME shape.

    python3 build.py            # writes ../../tune and ../../heldout (c3 files 1000-1399 only)

The engines are src/common/mailbuild.py (c3 added the apple, gmail and tbird engines and the
WeCom, exmail, Alimail and Outlook-mobile skins to it); what is c3's own is below: the number
range, the held-out seed (committed before the first message, 28bcd26) and the client table.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "common"))
import mailbuild  # noqa: E402

AUTHOR = mailbuild.Author(
    name="c3", msgs=HERE / "msgs", lo=1000, hi=1399, digits=4,
    heldout_seed="liaison-corpus-c3-2026",
    # file-name client -> the engine that shapes its MIME (headers differ by file-name client)
    clients={"foxmail": "foxmail", "qqmail": "qqmail", "netease": "netease", "outlook": "outlook",
             "dingtalk": "dingtalk", "feishu": "feishu", "wecom": "qqmail", "exmail": "qqmail",
             "alimail": "dingtalk", "outlook-mobile": "outlook", "apple-mail": "apple",
             "gmail": "gmail", "thunderbird": "tbird"})
heldout_ids = AUTHOR.heldout_ids

if __name__ == "__main__":
    mailbuild.build(AUTHOR)
