#!/usr/bin/env bash
# The review site (zan review) opened in real headless Chromium through
# Playwright: navigation, permalinks, language switch, search, themes, print
# rules, no console error, and axe-core with no serious violation
# (tests/review-site/check.js lists the checks). Installs what it needs:
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
site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
"$target/debug/zan" review --workspace corpus --lang kk --out "$site/site"
cp tests/review-site/check.js "$tools/check.js"
node "$tools/check.js" "$site/site" "$shots"
