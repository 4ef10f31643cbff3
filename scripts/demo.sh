#!/usr/bin/env bash
# Creates a demo dossier with a realistic year of contacts (assets/demo/), for a first
# look at the app and for the README screenshots. Usage: scripts/demo.sh [DIR]
# (default ~/Dossierkluis-demo). The passphrase comes from DOSSIER_PASSPHRASE, else a
# fixed demo passphrase that is printed: never keep real papers in this dossier.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

dir="${1:-$HOME/Dossierkluis-demo}"
if [[ -z "${DOSSIER_PASSPHRASE:-}" ]]; then
  export DOSSIER_PASSPHRASE="demo demo demo"
  demo_pass=1
fi

cargo build --release --locked -p dossier-cli
dossier="$CARGO_TARGET_DIR/release/dossier"

"$dossier" init "$dir" >/dev/null
"$dossier" import "$dir" assets/demo/demo-dossier.json
"$dossier" verify "$dir"

echo
echo "Demo dossier: $dir"
if [[ -n "${demo_pass:-}" ]]; then
  echo "Passphrase (DEMO ONLY, everyone knows it): $DOSSIER_PASSPHRASE"
fi
