#!/usr/bin/env bash
# `zan import act` of a generated act in its two languages, side by side in
# one run with `zan check` of the result (docs/performance.md, «Import»).
# The official texts are the generator's act printed by `zan consolidate
# --format text --lang kk|ru`, the layout `zan import` reads.
#
#   benches/import.sh                      # 500 and 5000 articles, best of 3
#   ARTICLES="500" RUNS=1 benches/import.sh
#
# Workspaces are generated once into $CARGO_TARGET_DIR/bench (or target/bench).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target=${CARGO_TARGET_DIR:-$root/target}
work=$target/bench
mkdir -p "$work"
counts=${ARTICLES:-500 5000}
runs=${RUNS:-3}

cargo build --quiet --release --bin zan --example gen-corpus
zan=$target/release/zan

# best CMD...: the best wall time of $runs runs, in seconds.
best() {
    local b="" t0 t1 t
    for _ in $(seq "$runs"); do
        t0=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        t1=$(date +%s%N)
        t=$(( (t1 - t0) / 1000000 ))
        if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
    done
    awk -v ms="$b" 'BEGIN { printf "%.3f", ms / 1000 }'
}

printf '| articles | input (kk + ru) | import act | check of the result | import / check |\n'
printf '|---:|---:|---:|---:|---:|\n'
for n in $counts; do
    dir=$work/import-$n
    if [ ! -f "$dir/kk.txt" ]; then
        rm -rf "$dir"
        "$target/release/examples/gen-corpus" --out "$dir/ws" --articles "$n" --acts 1 --amendments 1 --seed 1 \
            2>"$dir.log"
        for l in kk ru; do
            "$zan" consolidate kz.act1 --workspace "$dir/ws" --format text --lang $l >"$dir/$l.txt" 2>/dev/null
        done
    fi
    mkdir -p "$dir/out"
    import=(
        "$zan" import act "$dir/kk.txt" "$dir/ru.txt" --lang kk,ru --id kz.imported
        --retrieved 2024-01-01 -o "$dir/out/imported.zan"
    )
    "${import[@]}" >/dev/null 2>&1 || true
    [ -s "$dir/out/imported.zan" ] || { echo "import of $n articles wrote nothing" >&2; exit 1; }
    ti=$(best "${import[@]}")
    tc=$(best "$zan" check "$dir/out")
    mb=$(du -cb "$dir/kk.txt" "$dir/ru.txt" | awk 'END { printf "%.1f MB", $1 / 1e6 }')
    ratio=$(awk -v a="$ti" -v b="$tc" 'BEGIN { printf "%.2f", a / b }')
    printf '| %s | %s | %s s | %s s | %s |\n' "$n" "$mb" "$ti" "$tc" "$ratio"
done
