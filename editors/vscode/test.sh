#!/usr/bin/env bash
# Tests the VS Code extension without VS Code: installs the locked
# dependencies, typechecks, runs the TextMate grammar tests and the unit tests,
# checks that every snippet parses as zan, and packages a .vsix around a
# stand-in server binary to check its contents. Needs node >= 20, npm, unzip
# and the tree-sitter CLI. Any failure stops the script with a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")"
step() { printf '\n=== %s\n' "$*"; }
trap 'echo "editors/vscode/test.sh: FAILED at line $LINENO" >&2' ERR

step "npm ci"
npm ci --no-audit --no-fund

step "typecheck"
npm run --silent typecheck

step "TextMate grammar tests"
npm run --silent test:grammar

step "unit tests"
npm run --silent test:unit

step "snippets parse as zan"
command -v tree-sitter >/dev/null || { echo "tree-sitter CLI not on PATH" >&2; exit 1; }
mkdir -p out
node scripts/expand-snippets.mjs >out/snippets.zan
(cd ../../grammar && tree-sitter parse -q "$OLDPWD/out/snippets.zan" 2>/dev/null)
echo "$(grep -c '^# snippet:' out/snippets.zan) snippets parse without errors"

step "package a .vsix with a stand-in server"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp" server' EXIT
printf '#!/bin/sh\necho stand-in zan\n' >"$tmp/zan"
ZAN_SERVER_BINARY="$tmp/zan" VSCE_TARGET=linux-x64 VSIX_OUT="$tmp/zan.vsix" npm run --silent package
unzip -Z1 "$tmp/zan.vsix" | sort >"$tmp/files"
for f in extension/package.json extension/dist/extension.js extension/server/zan \
  extension/syntaxes/zan.tmLanguage.json extension/snippets/zan.json extension/language-configuration.json; do
  grep -qx "$f" "$tmp/files" || { echo "missing from .vsix: $f" >&2; exit 1; }
done
if grep -E '^extension/(src|test|e2e|node_modules|scripts)/' "$tmp/files"; then
  echo "the .vsix contains development files (listed above)" >&2
  exit 1
fi
grep -q 'TargetPlatform="linux-x64"' <(unzip -p "$tmp/zan.vsix" extension.vsixmanifest) \
  || { echo ".vsix is not platform-specific" >&2; exit 1; }
echo ".vsix contents ok ($(wc -l <"$tmp/files") files)"

step "all editors/vscode tests passed"
