# Sourced by the scripts: where builds and tools are cached, outside the clone, so a
# fresh clone (as in CI) reuses the previous build.
export DOSSIER_CACHE="${DOSSIER_CACHE:-$HOME/.cache/dossierkluis}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$DOSSIER_CACHE/target}"
export DOSSIER_TOOLS="$DOSSIER_CACHE/tools"
