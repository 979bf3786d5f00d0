#!/usr/bin/env python3
"""Wrap the zh author's hand-written messages of msgs/*.txt into each client's MIME shape.

    python3 build.py            # writes ../../tune and ../../heldout (zh files 001-499 only)

The engines are src/common/mailbuild.py; what is the zh author's own is below: the number
range, the held-out seed and the six clients, each on its own engine.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "common"))
import mailbuild  # noqa: E402

AUTHOR = mailbuild.Author(
    name="zh", msgs=HERE / "msgs", lo=1, hi=499, digits=3,
    heldout_seed="liaison-corpus-zh-2026",
    clients={"foxmail": "foxmail", "qqmail": "qqmail", "netease": "netease", "outlook": "outlook",
             "dingtalk": "dingtalk", "feishu": "feishu"})
heldout_ids = AUTHOR.heldout_ids

if __name__ == "__main__":
    mailbuild.build(AUTHOR)
