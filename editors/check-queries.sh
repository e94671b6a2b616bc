#!/usr/bin/env bash
# Checks every tree-sitter query in the repository against the grammar: each
# file must compile (an unknown node or field name is an error) and the
# derived copies must match what sync-queries.sh generates.
# Needs the tree-sitter CLI on PATH. Exits non-zero on the first problem class.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
grammar="$root/grammar"
inputs=("$grammar"/test/highlight/*.zan)
failed=0

mapfile -t queries < <(find "$grammar/queries" "$here" -name '*.scm' -not -path '*/node_modules/*' | sort)
if [ "${#queries[@]}" -eq 0 ]; then
  echo "check-queries: no query files found" >&2
  exit 1
fi

for q in "${queries[@]}"; do
  rel="${q#"$root"/}"
  # Run from the grammar folder so the CLI loads this grammar.
  if err="$(cd "$grammar" && tree-sitter query -q "$q" "${inputs[@]}" 2>&1 >/dev/null)"; then
    echo "ok      $rel"
  else
    echo "FAILED  $rel" >&2
    echo "$err" | grep -v -e 'parser directories' -e 'init-config' -e 'configuration file' \
      -e 'language grammars' -e '^Stack backtrace' -e '^ *[0-9]*: ' -e '^ *at ' >&2
    failed=$((failed + 1))
  fi
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$here/sync-queries.sh" "$tmp"
while IFS= read -r generated; do
  rel="${generated#"$tmp"/}"
  if ! diff -u "$here/$rel" "$generated" >&2; then
    echo "STALE   editors/$rel: run editors/sync-queries.sh" >&2
    failed=$((failed + 1))
  fi
done < <(find "$tmp" -name '*.scm' | sort)

echo "${#queries[@]} query files checked, $failed problem(s)"
[ "$failed" -eq 0 ]
