#!/usr/bin/env python3
"""Quality checks for the c6 author's part of the corpus (1800-1999): src/common/checks.py with the
range, client table and held-out rule of build.py.

    python3 check.py            # exit 1 on any problem; prints counts
    python3 check.py --markdown # the count tables of the corpus README
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "common"))
sys.path.insert(0, str(HERE))
import checks  # noqa: E402
from build import AUTHOR  # noqa: E402

if __name__ == "__main__":
    checks.main(checks.Config.of(AUTHOR))
