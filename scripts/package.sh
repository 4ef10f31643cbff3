#!/usr/bin/env bash
# Builds the installable packages: a .deb and an .rpm, with the Tauri bundler of the npm
# CLI (ui/node_modules, from the lockfile), offline: both bundlers are built into the
# CLI, nothing is downloaded while bundling. No AppImage: its bundler downloads
# linuxdeploy and its plugins at build time. Then checks what was built
# (scripts/package-check.sh). Packages land in $CARGO_TARGET_DIR/release/bundle/{deb,rpm}/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

(cd ui && npm run --silent build)
bundle="$CARGO_TARGET_DIR/release/bundle"
rm -rf "$bundle/deb" "$bundle/rpm"
start=$(date +%s)
# --ci: no prompts. After `--`: arguments for cargo (the lockfile is the truth).
ui/node_modules/.bin/tauri build --ci --bundles deb,rpm -- --locked
echo "package: release build and bundling took $(( $(date +%s) - start )) s"
scripts/package-check.sh
