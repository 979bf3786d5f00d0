#!/usr/bin/env python3
"""Quality checks for the c5 author's part of the corpus (1600-1799); the checks themselves are
src/common/checks.py.

    python3 check.py            # exit 1 on any problem; prints counts
    python3 check.py --markdown # the count tables of the corpus README
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "common"))
sys.path.insert(0, str(HERE))
from build import heldout_ids  # noqa: E402
import checks  # noqa: E402

# the client names this author's .json files may carry
CLIENTS = {
    "outlook", "outlook-web", "foxmail", "apple-mail", "gmail", "thunderbird", "netease", "qqmail",
    "dingtalk", "feishu", "wecom", "exmail", "alimail", "outlook-mobile", "zoho", "lark", "yahoo",
    "samsung", "gmail-android", "outlook-mac", "spark", "proton", "fastmail", "k9", "superhuman"
}

if __name__ == "__main__":
    checks.main(checks.Config(lo=1600, hi=1799, digits=4, clients=CLIENTS,
                              held=heldout_ids([str(n) for n in range(1600, 1800)])))
