#!/usr/bin/env bash
# The benchmarks: `zan check` and `zan fmt --check` end to end (wall time,
# MB/s, peak RSS), the tree-sitter parsing floor, and the in-process phases
# (parse, lower, analyze, fmt) on generated 1, 10 and 100 MB workspaces; the
# engine (consolidate, diff, table), the language server (initialize, keystroke
# p50/p99, memory) on the same workspaces, and the redline against git and wdiff.
# Prints one table and rewrites the generated part of docs/performance.md.
#
#   benches/run.sh                 # every size, best of 3 runs
#
# Sizes: 1, 10 and 100 MB of 6 KB articles, and "100s": 100 MB of 2 KB
# articles (about 59,000 of them; issue 3 asks for at least 50,000).
#   SIZES="1 10" RUNS=1 benches/run.sh
#
# Needs GNU time (/usr/bin/time, Debian package `time`); the parsing floor is
# skipped without the tree-sitter CLI. Workspaces are generated once into
# $CARGO_TARGET_DIR/bench (or target/bench) and reused.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target=${CARGO_TARGET_DIR:-$root/target}
work=$target/bench
mkdir -p "$work"
sizes=${SIZES:-1 10 100 100s}
runs=${RUNS:-3}
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }

cargo build --quiet --release --bin zan --example gen-corpus --example bench-phases \
    --example lsp-bench --example redline-bench --example engine-bench
zan=$target/release/zan

# The options of benches/README.md for each size.
gen_options() {
    case $1 in
        1) echo "--size 1MB --acts 2 --amendments 4 --seed 1" ;;
        10) echo "--size 10MB --acts 4 --amendments 8 --seed 1" ;;
        100) echo "--size 100MB --acts 8 --amendments 16 --seed 1" ;;
        100s) echo "--size 100MB --acts 8 --amendments 16 --seed 1 --short" ;;
        *) echo "--size ${1}MB --acts 8 --amendments 16 --seed 1" ;;
    esac
}

# best_of CMD...: runs CMD $runs times; prints the best wall time (s) and the
# largest peak RSS (KB). Exit codes 0 and 1 (findings) are fine, others fail.
best_of() {
    local best="" rss=0 i start end status stats
    stats=$(mktemp)
    for ((i = 0; i < runs; i++)); do
        start=$(date +%s%N)
        status=0
        /usr/bin/time -o "$stats" -f '%M' "$@" >/dev/null 2>&1 || status=$?
        end=$(date +%s%N)
        if [ "$status" -gt 1 ]; then
            echo "failed ($status): $*" >&2
            rm -f "$stats"
            return 1
        fi
        local ns=$((end - start)) kb
        kb=$(tail -n1 "$stats")
        if [ -z "$best" ] || [ "$ns" -lt "$best" ]; then best=$ns; fi
        if [ "$kb" -gt "$rss" ]; then rss=$kb; fi
    done
    rm -f "$stats"
    awk -v ns="$best" -v kb="$rss" 'BEGIN { printf "%.3f %d\n", ns / 1e9, kb }'
}

# cache_of DIR: the cache `zan check DIR` uses: `.zan-cache/` beside the
# nearest zan.toml above DIR (the repository's, for workspaces under
# target/), else in DIR.
cache_of() {
    local d
    d=$(cd "$1" && pwd)
    while [ "$d" != / ] && [ ! -f "$d/zan.toml" ]; do d=$(dirname "$d"); done
    if [ -f "$d/zan.toml" ]; then echo "$d/.zan-cache"; else echo "$1/.zan-cache"; fi
}

# label SIZE: how a size is shown.
label() { case $1 in *s) echo "${1%s} MB, short articles" ;; *) echo "$1 MB" ;; esac; }

# rate BYTES SECONDS: "S s (R MB/s)".
rate() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.2f s (%.1f MB/s)", s, b / 1e6 / s }'; }
max() { printf '%s\n' "$@" | sort -n | tail -n1; }

rows=()
engine_rows=()
one_rows=()
cache_rows=()
# secs S: "S s"; ratio A B: "A s (A/B)", A as a share of B.
secs() { awk -v s="$1" 'BEGIN { printf "%.2f s", s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f s (%.0f %%)", a, 100 * a / b }'; }
for size in $sizes; do
    dir=$work/corpus-${size}mb
    options=$(gen_options "$size")
    if [ "$(cat "$dir.options" 2>/dev/null)" != "$options" ]; then
        rm -rf "$dir"
        # shellcheck disable=SC2086 # the options are words
        "$target/release/examples/gen-corpus" --out "$dir" $options 2>"$dir.log"
        echo "$options" >"$dir.options"
    fi
    files=$(find "$dir" -name '*.zan' -type f | wc -l)
    bytes=$(find "$dir" -name '*.zan' -type f -print0 | xargs -0 cat | wc -c)
    articles=$(grep -oE '[0-9]+ articles' "$dir.log" | cut -d' ' -f1)

    # Cold: without the on-disk cache (issue 19 item 2 is measured below).
    read -r check_s check_kb < <(best_of "$zan" check --no-cache "$dir")
    read -r fmt_s fmt_kb < <(best_of "$zan" fmt --check "$dir")
    floor_ms="-"
    if command -v tree-sitter >/dev/null; then
        floor_ms=$(benches/parse-floor.sh "$dir" 2>/dev/null | awk '/^parse time/ { print $6 }') || floor_ms="-"
    fi
    phases=$("$target/release/examples/bench-phases" "$dir" 2>/dev/null | awk '{ printf "%s=%s ", $1, $2 }')
    rows+=("$size $files $bytes $articles $check_s $check_kb $fmt_s $fmt_kb $floor_ms $phases")

    # The engine on the first act and its first amendment: whole processes,
    # which parse what the command needs (`loader::needed`), side by side
    # with the same command parsing every file (`--all-files`) and with
    # `check` of the workspace.
    read -r cons_s cons_kb < <(best_of "$zan" consolidate kz.act1 --include draft --workspace "$dir" --no-cache)
    read -r diff_s diff_kb < <(best_of "$zan" diff kz.act1.am1 --format unified --workspace "$dir" --no-cache)
    read -r table_s table_kb < <(best_of "$zan" table kz.act1.am1 --format html --workspace "$dir" --no-cache)
    read -r bill_s _ < <(best_of "$zan" bill kz.act1.am1 --lang kk --workspace "$dir" --no-cache)
    read -r diff_all_s _ < <(best_of "$zan" diff kz.act1.am1 --format unified --workspace "$dir" --all-files --no-cache)
    # The on-disk cache (issue 19 item 2): a run that fills it (every file
    # parsed and its entry written), then warm runs, against the cold ones.
    cache=$(cache_of "$dir")
    rm -rf "$cache"
    read -r fill_s _ < <(runs=1 best_of "$zan" check "$dir")
    read -r warm_s warm_kb < <(best_of "$zan" check "$dir")
    read -r warm_diff_s _ < <(best_of "$zan" diff kz.act1.am1 --format unified --workspace "$dir")
    read -r warm_table_s _ < <(best_of "$zan" table kz.act1.am1 --format html --workspace "$dir")
    read -r warm_bill_s _ < <(best_of "$zan" bill kz.act1.am1 --lang kk --workspace "$dir")
    read -r warm_cons_s _ < <(best_of "$zan" consolidate kz.act1 --include draft --workspace "$dir")
    cache_rows+=("| $(label "$size") | $(secs "$check_s") | $(ratio "$fill_s" "$check_s") | $(ratio "$warm_s" "$check_s") | $(awk -v kb="$warm_kb" 'BEGIN { printf "%.0f MB", kb / 1024 }') | $(ratio "$warm_diff_s" "$check_s") | $(ratio "$warm_table_s" "$check_s") | $(ratio "$warm_bill_s" "$check_s") | $(ratio "$warm_cons_s" "$check_s") | $(du -sm "$cache" | cut -f1) MB |")
    one_rows+=("| $(label "$size") | $(secs "$check_s") | $(ratio "$diff_s" "$check_s") | $(ratio "$table_s" "$check_s") | $(ratio "$bill_s" "$check_s") | $(ratio "$cons_s" "$check_s") | $(ratio "$diff_all_s" "$check_s") |")
    # The language server, in process over its own transport (see the example).
    lsp=$(/usr/bin/time -f 'peak %M' "$target/release/examples/lsp-bench" "$dir" "${KEYSTROKES:-20}" 2>&1)
    lsp_init=$(awk -F': ' '/^initialize, index and first diagnostics/ { print $2 }' <<<"$lsp")
    lsp_p50=$(sed -n 's/^keystroke to diagnostics.*median \([0-9.]* ms\), p99 \([0-9.]* ms\).*/\1/p' <<<"$lsp")
    lsp_p99=$(sed -n 's/^keystroke to diagnostics.*median \([0-9.]* ms\), p99 \([0-9.]* ms\).*/\2/p' <<<"$lsp")
    lsp_kb=$(awk '/^peak / { print $2 }' <<<"$lsp")
    engine_rows+=("| $(label "$size") | $(rate "$bytes" "$cons_s") | $(rate "$bytes" "$diff_s") | $(rate "$bytes" "$table_s") | $(awk -v kb="$(max "$cons_kb" "$diff_kb" "$table_kb")" 'BEGIN { printf "%.0f MB", kb / 1024 }') | ${lsp_init:-–} | ${lsp_p50:-–} | ${lsp_p99:-–} | $(awk -v kb="${lsp_kb:-0}" 'BEGIN { printf "%.0f MB", kb / 1024 }') |")
    echo "measured ${size} MB" >&2
done

# gen DIR OPTIONS...: a workspace written once and reused while its options stay.
gen() {
    local dir=$1
    shift
    if [ "$(cat "$dir.options" 2>/dev/null)" != "$*" ]; then
        rm -rf "$dir"
        "$target/release/examples/gen-corpus" --out "$dir" "$@" 2>"$dir.log"
        echo "$*" >"$dir.options"
    fi
}

# Issue 14 item 12: one act as large as a workspace costs what that
# workspace does (check time linear in the units of one act): each size in
# one act and in 8 acts, side by side in one run.
one_act=$(
    printf '| check | one act | 8 acts | one act / 8 acts |\n|---|---|---|---|\n'
    for mb in ${ONE_ACT_MB:-16 50}; do
        gen "$work/one-act-${mb}mb" --size "${mb}MB" --acts 1 --amendments 8 --seed 1
        gen "$work/many-acts-${mb}mb" --size "${mb}MB" --acts 8 --amendments 8 --seed 1
        read -r one_s _ < <(best_of "$zan" check "$work/one-act-${mb}mb")
        read -r many_s _ < <(best_of "$zan" check "$work/many-acts-${mb}mb")
        printf '| %s MB | %s | %s | %s |\n' "$mb" "$(secs "$one_s")" "$(secs "$many_s")" \
            "$(awk -v a="$one_s" -v b="$many_s" 'BEGIN { printf "%.2f", a / b }')"
    done
)

# The language server on many small acts to a file (150 acts of about 22 KB
# to each 3.3 MB file), beside the generator's layout above.
small_dir=$work/small-acts
gen "$small_dir" --articles 14400 --acts 1200 --amendments 16 --seed 1 --short --acts-per-file 150
small_lsp=$("$target/release/examples/lsp-bench" "$small_dir" "${KEYSTROKES:-20}" 2>&1 | sed 's/^/    /')

# The engine as it grows: one act of N articles, N/5 amendments.
engine_growth=$(
    for n in 250 500 1000; do
        gen "$work/engine-grow-${n}" --articles "$n" --acts 1 --amendments $((n / 5)) --seed 1
        echo "$n articles, $((n / 5)) amendments:"
        "$target/release/examples/engine-bench" "$work/engine-grow-${n}"
    done | sed 's/^/    /'
)

# One markdown table, printed and written to the docs.
table=$(
    printf '| workspace | files | articles | check | check MB/s | check peak RSS | RSS / input | fmt --check | fmt MB/s | parse floor (tree-sitter CLI) | parse | lower | analyze | fmt (in process) |\n'
    printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
    for row in "${rows[@]}"; do
        # shellcheck disable=SC2086 # the row is words
        set -- $row
        awk -v size="$(label "$1")" -v files="$2" -v bytes="$3" -v articles="$4" -v cs="$5" -v ckb="$6" \
            -v fs="$7" -v fkb="$8" -v floor="$9" -v phases="${*:10}" 'BEGIN {
            mb = bytes / 1e6
            n = split(phases, kv, " ")
            for (i = 1; i <= n; i++) { split(kv[i], p, "="); t[p[1]] = p[2] }
            floor_cell = (floor == "-" || floor == "") ? "–" : sprintf("%.2f s (%.0f MB/s)", floor / 1000, mb / (floor / 1000))
            printf "| %s (%.1f MB) | %d | %d | %.2f s | %.1f | %.0f MB | %.1f× | %.2f s | %.1f | %s | %.2f s | %.2f s | %.2f s | %.2f s |\n",
                size, mb, files, articles, cs, mb / cs, ckb / 1024, ckb * 1024 / bytes, fs, mb / fs, floor_cell,
                t["parse"], t["lower"], t["analyze"], t["fmt"]
        }'
    done
)
growth=$(
    for ((i = 1; i < ${#rows[@]}; i++)); do
        # Between sizes of the same article shape only.
        [[ ${rows[i]%% *} == *s ]] && continue
        # shellcheck disable=SC2086 # the rows are words
        awk -v a="${rows[i - 1]}" -v b="${rows[i]}" 'BEGIN {
            split(a, x, " "); split(b, y, " ")
            printf "- %d MB → %d MB: input ×%.1f, check time ×%.1f, check peak RSS ×%.1f\n", x[1], y[1], y[3] / x[3], y[5] / x[5], y[6] / x[6]
        }'
    done
)
engine_table=$(
    printf '| workspace | consolidate (act + all amendments) | diff (one amendment) | table, HTML (one amendment) | their peak RSS | LSP: initialize to first diagnostics | LSP: keystroke p50 | LSP: keystroke p99 | LSP bench peak RSS |\n'
    printf '|---|---|---|---|---|---|---|---|---|\n'
    printf '%s\n' "${engine_rows[@]}"
)
one_table=$(
    printf '| workspace | check | diff (one amendment), %% of check | table | bill | consolidate (act, every amendment) | diff, every file parsed (`--all-files`) |\n'
    printf '|---|---|---|---|---|---|---|\n'
    printf '%s\n' "${one_rows[@]}"
)
cache_table=$(
    printf '| workspace | check, cold (`--no-cache`) | check filling the cache, %% of cold | check, warm | warm peak RSS | diff, warm (%% of cold check) | table, warm | bill, warm | consolidate, warm | cache size |\n'
    printf '|---|---|---|---|---|---|---|---|---|---|\n'
    printf '%s\n' "${cache_rows[@]}"
)
engine_dir=$work/engine-500
if [ ! -d "$engine_dir" ]; then
    "$target/release/examples/gen-corpus" --out "$engine_dir" --articles 500 --acts 1 --amendments 10 2>/dev/null
fi
engine=$("$target/release/examples/engine-bench" "$engine_dir" | sed 's/^/    /')
redline=$("$target/release/examples/redline-bench" | sed 's/^/    /')
library=$(cargo bench --quiet --bench library 2>/dev/null | sed 's/^/    /')
echo
echo "$table"
echo
echo "$growth"
echo
echo "$engine_table"
echo
echo "$one_table"
echo
echo "$cache_table"
echo
echo "$one_act"
echo
echo "$engine"
echo
echo "$engine_growth"
echo
echo "$small_lsp"
echo
echo "$redline"
echo
echo "$library"

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
generated=$(
    cat <<EOF
<!-- The part between these markers is written by benches/run.sh; edit the rest by hand. -->
<!-- bench:begin -->
Measured $(date -u +%Y-%m-%d) at commit \`$(git rev-parse --short HEAD)\`$(git diff --quiet HEAD -- src examples || echo ' (with uncommitted changes)')
on $(nproc) cores of ${cpu:-an unknown CPU}, $mem of memory, $(uname -sr);
best wall time of $runs runs, largest peak RSS (GNU time).

$table

Growth from one size to the next (linear: time and memory grow like the input):

$growth

The amendment engine and the language server on the same workspaces. The
engine commands are whole processes that read and check the workspace
first, so their MB/s are of the workspace; the language-server figures come
from \`examples/lsp-bench.rs\` (${KEYSTROKES:-20} keystrokes typed one at a time
into a string of the file closest to 2 MB, each waiting for its
diagnostics; with fewer than 100 keystrokes p99 is the slowest one).

$engine_table

Commands on one amendment or act parse only the files it needs
(\`loader::needed\`); side by side with \`zan check\` of the same workspace,
in the same run (issue 19's target: at most 10 % of check):

$one_table

The on-disk cache (\`.zan-cache/\`, issue 19 item 2: a warm \`check\` at
most a third of a cold one): a \`check\` that fills it, then warm runs of
\`check\` and of the commands on one amendment, each as a share of the
cold \`check\` above (\`--no-cache\`), in the same run:

$cache_table

\`zan check\` of one act as large as a workspace, against the same size in
8 acts (issue 14 item 12: linear in the units of one act):

$one_act

The amendment engine on one act of 500 articles with 10 amendments of
every operation kind (\`examples/engine-bench.rs\`):

$engine

The engine as the act and the amendments grow (one act of N articles with
N/5 amendments; issue 19: 136 operations on 500 articles ≤ 50 ms, 500
articles with 100 amendments ≤ 200 ms, linear growth):

$engine_growth

The language server on many small acts to a file (\`gen-corpus --acts 1200
--acts-per-file 150 --short\`: files of 150 acts, 3.3 MB), \`lsp-bench\`:

$small_lsp

Word-level redline of 20,000 paragraphs against git and wdiff, same texts,
same run (\`examples/redline-bench.rs\`):

$redline

The library's phases on the shipped corpus (divan, \`benches/library.rs\`):

$library

Reproduce:

\`\`\`
benches/run.sh                          # SIZES="1 10 100 100s" RUNS=3 by default
cargo run --release --example gen-corpus -- --out target/bench/corpus-10mb $(gen_options 10)
/usr/bin/time -v target/release/zan check target/bench/corpus-10mb >/dev/null
cargo run --release --example bench-phases -- target/bench/corpus-10mb
benches/parse-floor.sh target/bench/corpus-10mb
cargo run --release --example lsp-bench -- target/bench/corpus-10mb 20
cargo run --release --example redline-bench
cargo bench --bench library
\`\`\`
<!-- bench:end -->
EOF
)
doc=docs/performance.md
if [ -f "$doc" ] && grep -q '<!-- bench:begin -->' "$doc"; then
    BLOCK=$generated awk '
        /^<!-- The part between these markers/ { next }
        /<!-- bench:begin -->/ { print ENVIRON["BLOCK"]; skip = 1; next }
        /<!-- bench:end -->/ { skip = 0; next }
        !skip' "$doc" >"$doc.tmp"
    mv "$doc.tmp" "$doc"
else
    printf '# Performance\n\n%s\n' "$generated" >"$doc"
fi
echo "wrote $doc" >&2
