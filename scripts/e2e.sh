#!/usr/bin/env bash
# Builds the app with the UI embedded and runs the end-to-end scenarios against the real
# binary under Xvfb, through tauri-driver + WebKitWebDriver. Screenshots land in
# tests/e2e/out/. Usage: scripts/e2e.sh [SCENARIO.test.mjs...] (default: all). The UI
# must be built first (`npm run build` in ui/; `make test` does).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

cargo build --locked -p dossierkluis --features custom-protocol
# The CLI too: scenario 11 asks `dossier deadline` for the legal last day.
cargo build --locked -p dossier-cli
export DOSSIERKLUIS_APP="$CARGO_TARGET_DIR/debug/dossierkluis"
export DOSSIER_CLI="$CARGO_TARGET_DIR/debug/dossier"
export TAURI_DRIVER="$DOSSIER_TOOLS/bin/tauri-driver"
if [[ $# -gt 0 ]]; then
  files=("$@")
  mkdir -p tests/e2e/out
else
  files=(tests/e2e/*.test.mjs)
  rm -rf tests/e2e/out && mkdir -p tests/e2e/out
fi
# The scenarios compute "today" the way the user sees it; the app counts in the Dutch
# day. Run them in Dutch time so both agree between 23:00 and 01:00 UTC too.
export TZ=Europe/Amsterdam
# One scenario file at a time: two WebKit processes on 2 cores only slow each other.
xvfb-run -a -s "-screen 0 1280x800x24" \
  node --test --test-concurrency=1 "${files[@]}"
