#!/usr/bin/env bash
# Whole-process comparison: `liaison lint` and textlint (npm) on the same corpus of ~2 KB
# drafts, each pinned to one core, best of 3 runs. Prints drafts per second and the ratio.
#
#   bench/lint/run.sh            # N=2000 drafts
#   N=5000 bench/lint/run.sh
#   LIAISON_BIN=path/to/liaison bench/lint/run.sh   # skip the release build
set -euo pipefail
cd "$(dirname "$0")"
N=${N:-2000}
root=$(cd ../.. && pwd)
if [ -z "${LIAISON_BIN:-}" ]; then
  cargo build --release -q -p liaison-cli --manifest-path "$root/Cargo.toml"
  LIAISON_BIN="${CARGO_TARGET_DIR:-$root/target}/release/liaison"
fi
[ -x node_modules/.bin/textlint ] || npm ci --no-audit --no-fund >/dev/null
python3 make_corpus.py "$N" corpus
pin=""; command -v taskset >/dev/null && pin="taskset -c 0"
python3 - "$N" "$LIAISON_BIN" "$pin" <<'PY'
import glob, subprocess, sys, time
n, liaison, pin = int(sys.argv[1]), sys.argv[2], sys.argv[3].split()
files = sorted(glob.glob("corpus/*.md"))
def best(cmd):
    t = []
    for _ in range(3):
        s = time.perf_counter()
        r = subprocess.run(pin + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t.append(time.perf_counter() - s)
        if r.returncode not in (0, 1):
            sys.exit(f"{cmd[0]} failed with exit code {r.returncode}")
    return min(t)
tl = best([liaison, "lint", "--format", "json", "--now", "2026-11-30T10:00:00+08:00"] + files)
tt = best(["node_modules/.bin/textlint", "--format", "json"] + files)
print(f"liaison lint: {n} drafts in {tl:.3f} s = {n / tl:,.0f} drafts/s (one core, whole process)")
print(f"textlint:     {n} drafts in {tt:.3f} s = {n / tt:,.0f} drafts/s (one core, whole process)")
print(f"ratio: liaison is {tt / tl:.1f}x textlint")
PY
