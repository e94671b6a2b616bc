#!/usr/bin/env bash
# Derives every editor's copy of the tree-sitter queries from grammar/queries,
# the single source of truth. Helix and Zed name some captures differently;
# the renames below are the whole difference.
# Usage: editors/sync-queries.sh [OUT_ROOT]   (OUT_ROOT defaults to editors/)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$here/../grammar/queries"
out="${1:-$here}"

header() { printf ';; Generated from grammar/queries/%s by editors/sync-queries.sh; do not edit.\n\n' "$1"; }

# Neovim understands the standard names as they are.
mkdir -p "$out/neovim/queries/zan"
for q in highlights folds; do
  { header "$q.scm"; cat "$src/$q.scm"; } >"$out/neovim/queries/zan/$q.scm"
done

# Helix: numbers and escapes live under constant.*, links under markup.link.{url,text}.
mkdir -p "$out/helix/queries/zan"
{ header highlights.scm; sed -E \
    -e '/^;;/!s/@number\b/@constant.numeric/' \
    -e '/^;;/!s/@string\.escape\b/@constant.character.escape/' \
    -e '/^;;/!s/@markup\.link\.label\b/@markup.link.text/' \
    -e '/^;;/!s/@markup\.link$/@markup.link.url/' \
    "$src/highlights.scm"; } >"$out/helix/queries/zan/highlights.scm"

# Zed: links are link_text / link_uri; everything else matches its theme keys.
mkdir -p "$out/zed/languages/zan"
{ header highlights.scm; sed -E \
    -e '/^;;/!s/@markup\.link\.label\b/@link_text/' \
    -e '/^;;/!s/@markup\.link$/@link_uri/' \
    "$src/highlights.scm"; } >"$out/zed/languages/zan/highlights.scm"
