#!/usr/bin/env python3
"""Compare liaison's deadline scanner with chrono-node (npm) and JioNLP (PyPI) on the same
sentences: the table cases in crates/liaison-time/tests/cases.tsv (or other files given with
--cases) that use the default reference (Monday 2026-11-30 10:00 +08:00, calendar cn), whose
gold answers follow TIME.md.

For each tool: exact-instant accuracy under our conventions (deadline sentences), date-only
accuracy, false resolutions of vague/placeholder/invalid text (sentences whose gold has no
deadline, yet the tool returned an instant), and sentences per second (in-process loop, one
core). --section keeps only the cases under `# ----` headers that contain one of the given
words (the office files group their cases by TIME.md section).

Usage (from the repository root):
  cargo build --release -p liaison-time --example scan_lines
  (cd bench/time && npm ci --no-audit --no-fund)    # chrono-node
  python3 -m venv bench/time/.venv && bench/time/.venv/bin/pip install jionlp==1.5.31
  bench/time/.venv/bin/python bench/time/compare.py [--target-dir DIR] [--cases FILE ...]
      [--section WORD ...]
"""
import argparse, json, os, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
NOW = "2026-11-30T10:00:00+08:00"


def load_cases(path, sections=None):
    out, default, keep = [], True, not sections
    for line in Path(path).read_text().splitlines():
        if line.startswith("# ----"):
            keep = not sections or any(w.lower() in line.lower() for w in sections)
            continue
        if not line or line.startswith("#"):
            continue
        if line.startswith("@now"):
            default = line.split()[1] == NOW
            continue
        if line.startswith("@calendar"):
            default = default and line.split()[1] == "cn"
            continue
        if not default or not keep:
            continue
        text, exp = line.split("\t", 1)
        items = [] if exp == "-" else [e.split("|") for e in exp.split(";")]
        out.append((text, items))
    return out


def gold_of(items):
    """(kind, value): the first deadline's value, else the first item's kind."""
    for it in items:
        if it[1] == "deadline":
            return "deadline", it[2]
    if items:
        return items[0][1], None
    return "none", None


def score(name, values, cases, rate):
    n_dl = exact = dateok = n_vp = false_res = n_none = false_pos = 0
    n_zh = exact_zh = 0
    for (text, items), v in zip(cases, values):
        kind, gold = gold_of(items)
        zh = any("\u4e00" <= c <= "\u9fff" for c in text)
        if kind == "deadline":
            n_dl += 1
            n_zh += zh
            if v == gold:
                exact += 1
                exact_zh += zh
            if v and v[:10] == gold[:10]:
                dateok += 1
        elif kind in ("vague", "placeholder", "invalid"):
            n_vp += 1
            false_res += v is not None
        else:
            n_none += 1
            false_pos += v is not None
    return {
        "tool": name,
        "exact": f"{exact}/{n_dl} ({100 * exact / n_dl:.0f}%)",
        "exact_zh": f"{exact_zh}/{n_zh} ({100 * exact_zh / max(n_zh, 1):.0f}%)",
        "date": f"{dateok}/{n_dl} ({100 * dateok / n_dl:.0f}%)",
        "false_vague_placeholder": f"{false_res}/{n_vp}",
        "false_on_no_time": f"{false_pos}/{n_none}",
        "sentences_per_s": f"{rate:,.0f}",
    }


def run_liaison(sentences, target):
    exe = Path(target) / "release/examples/scan_lines"
    if not exe.exists():
        sys.exit(f"{exe} missing: cargo build --release -p liaison-time --example scan_lines")
    inp = "\n".join(sentences) + "\n"
    out = subprocess.run([exe, "--now", NOW], input=inp, capture_output=True, text=True, check=True).stdout
    values = []
    for line in out.splitlines():
        exprs = json.loads(line)["expressions"]
        dl = [e for e in exprs if e["kind"] == "deadline"]
        values.append(dl[0]["value"][:19] if dl else None)
    rate = float(subprocess.run([exe, "--now", NOW, "--repeat", "2000"], input=inp, capture_output=True,
                                text=True, check=True).stdout.strip())
    return values, rate


def run_chrono(sentences):
    if not (HERE / "node_modules/chrono-node").exists():
        sys.exit("chrono-node missing: (cd bench/time && npm install --no-audit --no-fund)")
    env = dict(os.environ, TZ="Asia/Shanghai")
    out = subprocess.run(["node", HERE / "chrono_run.js", NOW], input="\n".join(sentences) + "\n",
                         capture_output=True, text=True, check=True, env=env).stdout.splitlines()
    values = [json.loads(l).get("value") for l in out[:-1]]
    return values, json.loads(out[-1])["rate"]


def run_jionlp(sentences):
    import contextlib, io
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp as jio
    base = {"year": 2026, "month": 11, "day": 30, "hour": 10, "minute": 0, "second": 0}

    def one(text):
        try:
            rs = jio.ner.extract_time(text, time_base=base, with_parsing=True)
        except Exception:
            return None
        for r in rs:
            d = r.get("detail") or {}
            t = d.get("time")
            if d.get("type") in ("time_point", "time_span") and isinstance(t, list) and len(t) == 2:
                if t[1] in ("inf", "-inf"):
                    continue
                return t[1].replace(" ", "T")
        return None

    values = [one(s) for s in sentences]
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < 2.0:
        for s in sentences:
            try:
                jio.ner.extract_time(s, time_base=base, with_parsing=True)
            except Exception:
                pass
            n += 1
    return values, n / (time.perf_counter() - t0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--target-dir", default=os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target")))
    ap.add_argument("--cases", nargs="+", default=[str(ROOT / "crates/liaison-time/tests/cases.tsv")],
                    help="sentences with gold answers (bench/time/heldout.tsv: not used for tuning)")
    ap.add_argument("--section", nargs="+", help="only the cases under headers with these words")
    a = ap.parse_args()
    cases = [c for f in a.cases for c in load_cases(f, a.section)]
    sentences = [c[0] for c in cases]
    rows = []
    v, r = run_liaison(sentences, a.target_dir)
    rows.append(score("liaison", v, cases, r))
    v, r = run_chrono(sentences)
    rows.append(score("chrono-node", v, cases, r))
    v, r = run_jionlp(sentences)
    rows.append(score("JioNLP", v, cases, r))
    cols = ["tool", "exact", "exact_zh", "date", "false_vague_placeholder", "false_on_no_time", "sentences_per_s"]
    what = " ".join(a.cases) + (f" (sections: {', '.join(a.section)})" if a.section else "")
    print(f"{what}: {len(sentences)} sentences, reference {NOW}")
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for row in rows:
        print("| " + " | ".join(row[c] for c in cols) + " |")


if __name__ == "__main__":
    main()
