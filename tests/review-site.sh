#!/usr/bin/env bash
# The review site (zan review) opened in real headless Chromium through
# Playwright: navigation, permalinks, language switch, search, themes, print
# rules, no console error, and axe-core with no serious violation; remarks
# beside their units, and a comment written in the site, exported, imported
# back into the source and listed by `zan check` (tests/review-site/check.js
# lists the checks in the browser). Installs what it needs:
# Debian's chromium, and playwright-core and axe-core from npm (locked in
# tests/review-site/package-lock.json), cached under $CARGO_TARGET_DIR.
# Screenshots go to docs/review/ (REVIEW_SCREENSHOTS overrides it).
set -euo pipefail
cd "$(dirname "$0")/.."
target="$(realpath -m "${CARGO_TARGET_DIR:-target}")"
shots="$(realpath -m "${REVIEW_SCREENSHOTS:-docs/review}")"
mkdir -p "$shots"

if ! command -v chromium >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
command -v node >/dev/null || { echo "review-site: node (>= 20) is needed" >&2; exit 1; }
tools="$target/review-site-tools"
if ! cmp -s tests/review-site/package-lock.json "$tools/package-lock.json" || [ ! -d "$tools/node_modules" ]; then
  rm -rf "$tools"
  mkdir -p "$tools"
  cp tests/review-site/package.json tests/review-site/package-lock.json "$tools/"
  (cd "$tools" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
fi

cargo build --locked --quiet
zan="$target/debug/zan"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# A copy of the corpus with reviewers' remarks (one open with a reply, one
# resolved) brought in as the site's export is: the site shows them.
cp -r corpus "$tmp/ws"
"$zan" review import tests/review-site/remarks.json --workspace "$tmp/ws"
"$zan" review --workspace "$tmp/ws" --lang kk --out "$tmp/site"
cp tests/review-site/check.js "$tools/check.js"
node "$tools/check.js" "$tmp/site" "$shots" "$tmp/export.json"

# The comment the reviewer wrote in the site and exported comes back into
# the source, in part 2 of article 15, and `zan check` lists it as open.
"$zan" review import "$tmp/export.json" --workspace "$tmp/ws"
python3 - "$tmp/ws/kz/criminal-code/act.zan" <<'PY'
import datetime, sys
source = open(sys.argv[1], encoding="utf-8").read()
article = source[source.index("\n  article 15 {"):]
part = article[article.index("\n    part 2 {"):]
part = part[:part.index("\n    }\n") + 1]
block = (f'      remark open "Тест Рецензент" {datetime.date.today().isoformat()} {{\n'
         '        "Бірінші абзац, бір жол."\n        "Екінші абзац."\n      }\n')
if block not in part:
    sys.exit("review-site: the exported comment is not in part 2 of article 15:\n" + part)
print("ok   import: the exported comment is a remark of part 2 of article 15")
PY
# The comment on the part the amendment adds goes into the `add` that brings
# it in, before the block's closing brace.
python3 - "$tmp/ws/amendments/age-14.zan" <<'PY'
import datetime, sys
source = open(sys.argv[1], encoding="utf-8").read()
add = source[source.index("\n  add part 2-1 after article 15 part 2 {"):]
add = add[:add.index("\n  }\n") + 1]
block = (f'    remark open "Тест Рецензент" {datetime.date.today().isoformat()} {{\n'
         '      "Жаңа бөлікке ескерту."\n    }\n')
if not add.endswith(block):
    sys.exit("review-site: the comment on the new part is not at the end of its add block:\n" + add)
print("ok   import: the comment on the new part is a remark of its add block")
PY
check="$(NO_COLOR=1 "$zan" check "$tmp/ws/kz/criminal-code/act.zan" || true)"
grep -qF "note[open-remark]: open remark by Тест Рецензент ($(date +%F)): «Бірінші абзац, бір жол.»; replies: 0" <<<"$check" \
  || { echo "review-site: zan check does not list the imported remark as open:" >&2; echo "$check" >&2; exit 1; }
echo "ok   check: the imported comment is an open remark"
