#!/usr/bin/env bash
# Compiles grammar/src/parser.c and scanner.c into editors/neovim/parser/zan.so (what Neovim
# loads from 'runtimepath') and refreshes queries/zan/ from grammar/queries.
# Usage: editors/neovim/build-parser.sh [OUTPUT.so]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$here/../../grammar/src"
out="${1:-$here/parser/zan.so}"
mkdir -p "$(dirname "$out")"
"${CC:-cc}" -shared -fPIC -O2 -std=c11 -I "$src" "$src/parser.c" "$src/scanner.c" -o "$out"
"$here/../sync-queries.sh"
echo "built $out"
