#!/usr/bin/env bash
# `zan import act` of a generated act in its two languages, side by side in
# one run with `zan check` of the result (docs/performance.md, «Import»).
# The official texts are the generator's act printed by `zan consolidate
# --format text --lang kk|ru`, the layout `zan import` reads.
#
#   benches/import.sh                      # 500, 5000 and 12000 articles (about 50 MB), best of 3
#   ARTICLES="500" RUNS=1 benches/import.sh
#   FEATURES=--no-default-features benches/import.sh   # without typst: a shorter build
#
# Workspaces are generated once into $CARGO_TARGET_DIR/bench (or target/bench).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target=${CARGO_TARGET_DIR:-$root/target}
work=$target/bench
mkdir -p "$work"
counts=${ARTICLES:-500 5000 12000}
runs=${RUNS:-3}

cargo build --quiet --release ${FEATURES:-} --bin zan --example gen-corpus
zan=$target/release/zan

# best CMD...: the best wall time and the best CPU time (user + system) of
# $runs runs, in seconds: "WALL CPU". On a machine shared with other jobs
# the CPU time is the steadier figure.
best() {
    local bw="" bc="" w c
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>&1 || true
        w=$(tail -n 1 "$work/time" | awk '{ print $1 }')
        c=$(tail -n 1 "$work/time" | awk '{ print $2 + $3 }')
        if [ -z "$bw" ] || awk -v a="$w" -v b="$bw" 'BEGIN { exit !(a < b) }'; then bw=$w; fi
        if [ -z "$bc" ] || awk -v a="$c" -v b="$bc" 'BEGIN { exit !(a < b) }'; then bc=$c; fi
    done
    echo "$bw $bc"
}

printf '| articles | input (kk + ru) | import act: wall | CPU | check of the result: wall | CPU | import / check (CPU) |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|\n'
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
    read -r iw ic <<<"$(best "${import[@]}")"
    read -r cw cc <<<"$(best "$zan" check "$dir/out")"
    mb=$(du -cb "$dir/kk.txt" "$dir/ru.txt" | awk 'END { printf "%.1f MB", $1 / 1e6 }')
    ratio=$(awk -v a="$ic" -v b="$cc" 'BEGIN { printf "%.2f", a / b }')
    printf '| %s | %s | %s s | %s s | %s s | %s s | %s |\n' "$n" "$mb" "$iw" "$ic" "$cw" "$cc" "$ratio"
done
