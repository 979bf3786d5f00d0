#!/usr/bin/env python3
"""Quality checks for the c4 author's part of the corpus (1400-1599); the checks themselves are
src/common/checks.py.

    python3 check.py            # exit 1 on any problem; prints counts
    python3 check.py --markdown # the count tables of the corpus README
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "common"))
import checks  # noqa: E402

# the client names this author's .json files may carry
CLIENTS = {
    "outlook", "outlook-web", "foxmail", "apple-mail", "gmail", "thunderbird", "netease", "qqmail",
    "dingtalk", "feishu", "wecom", "exmail", "alimail", "outlook-mobile", "notes", "cmcc-mail",
    "telecom-mail", "sina", "sohu", "huawei", "outlook-mac", "windows-mail", "coremail",
    "roundcube", "zimbra"
}

if __name__ == "__main__":
    checks.main(checks.Config(lo=1400, hi=1599, digits=4, clients=CLIENTS))
