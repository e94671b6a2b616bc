#!/usr/bin/env bash
# Builds every fuzz target and runs each for SECONDS (default 20), seeded from
# the shipped .zan files; fails on the first crash, leak or timeout (libFuzzer
# leaves the input under fuzz/artifacts/TARGET/). Needs cargo-fuzz; stable
# Rust accepts its nightly flags with RUSTC_BOOTSTRAP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
export RUSTC_BOOTSTRAP=1
# Its own target directory: the sanitizer flags would rebuild the main one.
if [ -n "${CARGO_TARGET_DIR:-}" ]; then
  export CARGO_TARGET_DIR="$CARGO_TARGET_DIR/fuzz"
fi

fuzz/seed.sh
nice -n 10 cargo fuzz build -O
for target in $(cargo fuzz list); do
  printf '\n--> fuzz %s for %ss\n' "$target" "$seconds"
  # -timeout: one input that takes this long is a finding (a hang).
  nice -n 10 cargo fuzz run -O "$target" -- -max_total_time="$seconds" -timeout=60 -print_final_stats=1
done
