#!/usr/bin/env bash
# Runs every test of zan: Rust (fmt, clippy, unit and integration tests), the
# grammar (drift of the generated parser, tree-sitter corpus and highlight
# tests) and the shipped corpus. Installs what it needs; fails on the first error.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

TS_VERSION=0.27.1
if ! command -v tree-sitter >/dev/null || [ "$(tree-sitter --version | awk '{print $2}')" != "$TS_VERSION" ]; then
  step "installing tree-sitter-cli $TS_VERSION"
  cargo install tree-sitter-cli --locked --version "$TS_VERSION"
fi
export PATH="$HOME/.cargo/bin:$PATH"

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy"
cargo clippy --all-targets --locked -- -D warnings

step "cargo test"
cargo test --locked

step "grammar: the committed parser matches grammar.js"
(cd grammar && tree-sitter generate --js-runtime native)
git diff --exit-code -- grammar/src || { echo "grammar/src drifted from grammar.js: run 'tree-sitter generate' in grammar/ and commit" >&2; exit 1; }

step "grammar: tree-sitter test"
(cd grammar && tree-sitter test -p .)

if compgen -G "corpus/**/*.zan" >/dev/null || [ -n "$(find corpus -name '*.zan' -print -quit)" ]; then
  step "corpus: zan check --deny warnings, zan fmt --check"
  cargo run --quiet --locked -- check --deny warnings corpus
  cargo run --quiet --locked -- fmt --check corpus
fi

for suite in editors/*/test.sh; do
  [ -x "$suite" ] || continue
  step "$suite"
  "$suite"
done

printf '\nall tests passed\n'
