#!/usr/bin/env bash
# The parsing floor: how long the bare tree-sitter parser takes over every .zan
# file of a workspace, with no model building or checking. `zan` cannot be
# faster than this on a cold run.
#
#   benches/parse-floor.sh DIR
#
# Needs the tree-sitter CLI (CI: cargo install tree-sitter-cli --locked --version 0.27.1).
# Fails if any file has an ERROR or MISSING node.
set -euo pipefail

dir=${1:?usage: benches/parse-floor.sh DIR}
grammar=$(cd "$(dirname "$0")/../grammar" && pwd)
list=$(mktemp)
out=$(mktemp)
trap 'rm -f "$list" "$out"' EXIT

find "$(cd "$dir" && pwd)" -name '*.zan' -type f | sort >"$list"
files=$(wc -l <"$list")
[ "$files" -gt 0 ] || { echo "no .zan files under $dir" >&2; exit 1; }
bytes=$(xargs cat <"$list" | wc -c)

cd "$grammar"
# Warm-up: the first run compiles the grammar into the CLI's cache.
tree-sitter parse --quiet "$(head -n1 "$list")" >/dev/null 2>&1 || true

start=$(date +%s%N)
status=0
tree-sitter parse --quiet --time --stat --paths "$list" >"$out" 2>&1 || status=$?
end=$(date +%s%N)

grep -E 'ERROR|MISSING' "$out" | head -n 5 >&2 || true
awk -v files="$files" -v bytes="$bytes" -v wall_ns=$((end - start)) '
    /Parse:/ { for (i = 1; i <= NF; i++) if ($i == "Parse:") parse_ms += $(i + 1) }
    END {
        mb = bytes / 1e6
        printf "files: %d, bytes: %d (%.1f MB)\n", files, bytes, mb
        printf "parse time (sum over files): %.0f ms, %.1f MB/s\n", parse_ms, mb / (parse_ms / 1000)
        printf "wall time (CLI, reading files included): %.0f ms, %.1f MB/s\n", wall_ns / 1e6, mb / (wall_ns / 1e9)
    }' "$out"
grep -E '^Total parses' "$out" || true
exit "$status"
