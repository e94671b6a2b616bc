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
parser=""
if "$nvim" --headless --clean -c 'lua io.stdout:write(vim.fn.has("nvim-0.9"))' -c 'qa!' 2>/dev/null | grep -q 1; then
  parser="$tmp/zan.so"
  "${CC:-cc}" -shared -fPIC -O2 -std=c11 -I "$plugin/../../grammar/src" "$plugin/../../grammar/src/parser.c" -o "$parser"
fi

# The queries Neovim loads must be the generated copies, not stale ones.
"$plugin/../sync-queries.sh" "$tmp/gen"
diff -r "$tmp/gen/neovim/queries" "$plugin/queries"

cp "$plugin/../../grammar/test/highlight/act.zan" "$tmp/fixture.zan"
status=0
ZAN_FIXTURE="$tmp/fixture.zan" ZAN_STUB="$plugin/../test/stub_lsp.py" ZAN_PARSER="$parser" \
  ZAN_RESULT="$tmp/result.txt" timeout 60 "$nvim" --headless --clean \
  --cmd "set runtimepath^=$plugin" -c "luafile $here/zan_test.lua" || status=$?
cat "$tmp/result.txt" 2>/dev/null || echo "no result written (nvim exited with $status)"
exit "$status"
