#!/usr/bin/env python3
"""Wrap the c5 author's hand-written messages of msgs/*.txt into each client's MIME shape.

    python3 build.py            # writes ../../tune and ../../heldout (c5 files 1600-1799 only)

The engines are src/common/mailbuild.py (c5 added to it the skins Zoho Mail, Lark, Yahoo Mail,
Samsung Email, the Gmail Android app, Outlook for Mac, Spark, Proton Mail, Fastmail, K-9 Mail
and Superhuman, the macOS variant of Apple Mail, and their quote styles); what is c5's own is
below: the number range, the held-out seed (committed before the first message, 861203d)
and the client table.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "common"))
import mailbuild  # noqa: E402

AUTHOR = mailbuild.Author(
    name="c5", msgs=HERE / "msgs", lo=1600, hi=1799, digits=4,
    heldout_seed="liaison-corpus-c5-2026",
    # file-name client -> the engine that shapes its MIME (headers differ by file-name client)
    clients={"foxmail": "foxmail", "qqmail": "qqmail", "netease": "netease", "outlook": "outlook",
             "dingtalk": "dingtalk", "feishu": "feishu", "wecom": "qqmail", "exmail": "qqmail",
             "alimail": "dingtalk", "outlook-mobile": "outlook", "apple-mail": "apple",
             "gmail": "gmail", "thunderbird": "tbird",
             # c5: each new client is shaped by the engine closest to its MIME layout, then its
             # own headers, ids, boundaries, charsets and quote style are applied by its skin
             "zoho": "gmail", "lark": "feishu", "yahoo": "gmail", "samsung": "gmail",
             "gmail-android": "gmail", "outlook-mac": "outlook", "spark": "apple", "proton": "gmail",
             "fastmail": "gmail", "k9": "tbird", "superhuman": "gmail"})
heldout_ids = AUTHOR.heldout_ids

if __name__ == "__main__":
    mailbuild.build(AUTHOR)
