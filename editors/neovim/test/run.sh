#!/usr/bin/env bash
# Runs the headless Neovim test. NVIM selects the binary (default: nvim);
# Neovim 0.9+ is needed for the tree-sitter checks (the committed parser uses
# ABI 15), and the LSP checks need python3 for the stand-in server.
# Usage: editors/neovim/test/run.sh   (exit code 0 only if every check passed)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
plugin="$(cd "$here/.." && pwd)"
nvim="${NVIM:-nvim}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$nvim" --version | head -n 1
# Built for every version: before 0.9 the plugin must refuse it gracefully.
parser="$tmp/ws/parser/zan.so"
mkdir -p "$tmp/ws/parser"
"${CC:-cc}" -shared -fPIC -O2 -std=c11 -I "$plugin/../../grammar/src" "$plugin/../../grammar/src/parser.c" "$plugin/../../grammar/src/scanner.c" -o "$parser"

# The queries Neovim loads must be the generated copies, not stale ones.
"$plugin/../sync-queries.sh" "$tmp/gen"
diff -r "$tmp/gen/neovim/queries" "$plugin/queries"

# A workspace marked by zan.toml inside a git repository: the root is the
# folder of zan.toml.
mkdir -p "$tmp/.git" "$tmp/ws/acts"
touch "$tmp/ws/zan.toml"
cp "$plugin/../../grammar/test/highlight/act.zan" "$tmp/ws/acts/fixture.zan"
cp "$tmp/ws/acts/fixture.zan" "$tmp/ws/acts/second.zan"
status=0
ZAN_FIXTURE="$tmp/ws/acts/fixture.zan" ZAN_STUB="$plugin/../test/stub_lsp.py" ZAN_PARSER="$parser" \
  ZAN_RESULT="$tmp/result.txt" timeout 60 "$nvim" --headless --clean \
  --cmd "set runtimepath^=$plugin" -c "luafile $here/zan_test.lua" || status=$?
cat "$tmp/result.txt" 2>/dev/null || echo "no result written (nvim exited with $status)"
exit "$status"
