#!/usr/bin/env bash
# Every test of the project, in the order that fails fastest: formatting and lints,
# Rust tests (core, CLI, shell), UI type check and unit tests, then the real app
# end to end under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

step() { printf '\n=== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check
step "UI build (the shell embeds it)"
(cd ui && npm run --silent build)
step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings
step "cargo test"
cargo test --workspace --locked
step "UI type check and unit tests"
(cd ui && npm run --silent check && npm test --silent)
step "end-to-end: the built app under Xvfb"
scripts/e2e.sh
