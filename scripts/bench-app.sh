#!/usr/bin/env bash
# The app's figures for `make bench` (bench/app/app-bench.mjs): package sizes, cold
# start to the welcome screen and memory with 10,000 entries on the timeline, measured
# on the release binary under Xvfb. Uses the binary `make package` built when it is
# there (the packaged one), else builds it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

# The CLI only makes the dossiers (debug is enough: its crypto is optimised, and a
# release build of the CLI alone would recompile the PDF crates with other features).
cargo build --locked -p dossier-cli
app="$CARGO_TARGET_DIR/release/dossierkluis"
if [[ ! -x $app || -n $(find ui/src src-tauri/src src-tauri/tauri.conf.json crates/core/src -newer "$app" -type f -print -quit) ]]; then
  (cd ui && npm run --silent build)
  cargo build --release --locked -p dossierkluis --features custom-protocol
fi
export DOSSIERKLUIS_APP="$app" DOSSIER_CLI="$CARGO_TARGET_DIR/debug/dossier"
export BUNDLE_DIR="$CARGO_TARGET_DIR/release/bundle"
export TAURI_DRIVER="$DOSSIER_TOOLS/bin/tauri-driver" TZ=Europe/Amsterdam
echo
echo "== the app (release build under Xvfb)"
xvfb-run -a -s "-screen 0 1280x800x24" node bench/app/app-bench.mjs
