#!/usr/bin/env bash
# Seeds the corpora of the text targets (parse_model, fmt, positions) with
# every .zan file shipped in corpus/ and tests/fixtures/, named by content so
# seeding twice adds nothing. The other targets take structured input
# (`arbitrary`) and grow their corpora from empty.
set -euo pipefail
cd "$(dirname "$0")/.."
for target in parse_model fmt positions; do
  mkdir -p "fuzz/corpus/$target"
  find corpus tests/fixtures -name '*.zan' -type f -print0 | while IFS= read -r -d '' f; do
    cp "$f" "fuzz/corpus/$target/seed-$(sha1sum "$f" | cut -c1-16)"
  done
done
