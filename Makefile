# Thin wrappers over scripts/. The two commands a newcomer needs: `make run`, `make test`.
SHELL := /bin/bash
.PHONY: run test setup setup-test ui app e2e bench bench-typst bench-ocr bench-backup bindings demo fmt fuzz package package-check package-test

run: setup ui
	source scripts/env.sh && cargo build --release --locked -p dossierkluis --features custom-protocol \
	  && "$$CARGO_TARGET_DIR/release/dossierkluis"

test: setup-test
	scripts/test.sh

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

ui:
	cd ui && npm run --silent build

e2e: setup-test ui
	scripts/e2e.sh

bench:
	scripts/setup.sh --bench
	source scripts/env.sh && cargo run --release --locked -p dossier-bench
	scripts/bench-app.sh

# The .deb and .rpm (Tauri bundler, offline; a release build: many minutes cold), then
# their metadata check. Packages land in $CARGO_TARGET_DIR/release/bundle/.
package:
	scripts/setup.sh --package
	scripts/package.sh

# Only the metadata and file-list check of the packages built last.
package-check:
	scripts/setup.sh --package
	scripts/package-check.sh

# Install the .deb into a fresh debootstrapped Debian, start it under Xvfb, screenshot,
# purge (root; downloads from the Debian mirror).
package-test:
	scripts/setup.sh --package
	scripts/package-test.sh

bench-typst:
	scripts/setup.sh --bench
	source scripts/env.sh && cargo run --release --locked -p dossier-bench -- typst

# Only the OCR figures (CER per class, suggestion precision and recall, s/page).
bench-ocr:
	scripts/setup.sh --bench
	source scripts/env.sh && cargo run --release --locked -p dossier-bench -- ocr

bench-backup:
	scripts/setup.sh --bench
	source scripts/env.sh && cargo run --release --locked -p dossier-bench -- backup

# Every parser of untrusted bytes under libFuzzer (nightly; long): RUNS=1000000 by default.
fuzz:
	scripts/fuzz.sh $(RUNS)

# A demo dossier with a year of contacts in ~/Dossierkluis-demo (or DIR=...).
demo:
	scripts/demo.sh $(DIR)

# Regenerate ui/src/lib/bindings.ts after changing a command or a DTO.
bindings:
	source scripts/env.sh && UPDATE_BINDINGS=1 cargo test -p dossierkluis --lib committed_typescript_bindings_are_current

fmt:
	cargo fmt --all
