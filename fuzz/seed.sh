#!/usr/bin/env bash
# Seeds the fuzz corpora with the lint fixtures and the mail-reading corpus (issue 10):
# fuzz/corpus/anatomy and fuzz/corpus/lint get every fixture draft and every corpus .eml.
# Run from anywhere; the corpora are not committed (fuzz/corpus is listed in .gitignore).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
for target in anatomy lint; do
  dest="$here/corpus/$target"
  mkdir -p "$dest"
  find "$root/crates/liaison-lint/tests/fixtures" -type f \( -name '*.md' -o -name '*.eml' \) \
    -exec cp {} "$dest/" \;
  for part in tune heldout; do
    for f in "$root/crates/liaison-anatomy/tests/corpus/$part"/*.eml; do
      cp "$f" "$dest/$part-$(basename "$f")"
    done
  done
  echo "$dest: $(ls "$dest" | wc -l) seeds" >&2
done
