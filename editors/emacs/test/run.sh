#!/usr/bin/env bash
# Runs the Emacs batch tests. EMACS selects the binary (default: emacs).
# Debian keeps eglot (elpa-eglot, for Emacs 28) outside the -Q load-path,
# so its folders are added by hand.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
elpa=()
for d in /usr/share/emacs/site-lisp/elpa/*/; do
  [ -d "$d" ] && elpa+=(-L "$d")
done
exec timeout 120 "${EMACS:-emacs}" --batch -Q "${elpa[@]}" -L "$here/.." \
  -l "$here/zan-test.el" -f ert-run-tests-batch-and-exit
