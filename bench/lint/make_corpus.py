#!/usr/bin/env python3
"""Writes N drafts of about 2 KB into a folder, cycling through the lint fixtures (good drafts
of every kind and the flawed variants), each padded to ~2 KB with an extra paragraph after the
opening. Usage: make_corpus.py N OUT_DIR"""
import glob, os, sys

n, out = int(sys.argv[1]), sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
fx = os.path.join(here, "../../crates/liaison-lint/tests/fixtures")
srcs = sorted(glob.glob(os.path.join(fx, "good/*.md")) + glob.glob(os.path.join(fx, "rules/*.md")))
os.makedirs(out, exist_ok=True)
for f in glob.glob(os.path.join(out, "*.md")):
    os.remove(f)
total = 0
for i in range(n):
    text = open(srcs[i % len(srcs)], encoding="utf-8").read()
    zh = any("\u4e00" <= c <= "\u9fff" for c in text[text.find("\n\n"):])
    filler_line = ("其他说明：本项目的历史资料已整理到共享文件夹，供各部门参考。" if zh
                   else "Note: earlier project documents are in the shared folder for reference. ")
    parts = text.split("\n\n")
    # parts[0] headers, [1] greeting, [2] opening, then the rest.
    pad = ""
    while len(text.encode()) + len(pad.encode()) < 2000:
        pad += filler_line
    if len(parts) > 3:
        parts.insert(3, pad)
    text = "\n\n".join(parts)
    total += len(text.encode())
    with open(os.path.join(out, f"d{i:05}.md"), "w", encoding="utf-8") as fh:
        fh.write(text)
print(f"{n} drafts, {total / n:.0f} bytes on average", file=sys.stderr)
