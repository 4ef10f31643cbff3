#!/usr/bin/env bash
# Fuzzes every parser of untrusted bytes (attachments: sniffing, search text, previews;
# exhibits as printed; e-mail) with libFuzzer through cargo fuzz, each for RUNS inputs
# (default 1,000,000), failing on a panic, a hang (>10 s for one input) or more than
# 512 MB of memory. Seeds are public test files that ship with our own dependencies
# (mail-parser's e-mail corpus, the image and PDF crates' test files) plus our fixtures.
# Not part of `make test` (it takes long and needs the nightly toolchain); run
# `make fuzz` and put the figures in the note of a change to a parser.
# Usage: scripts/fuzz.sh [RUNS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
runs=${1:-1000000}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(attachment exhibit email)

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
# Its own target folder beside the others: sanitizer builds share nothing with them.
export CARGO_TARGET_DIR="$DOSSIER_CACHE/fuzz-target"
# Fetch the fuzz crate's dependencies first, so the seeds below are on disk.
(cd fuzz && cargo +nightly fetch)

registry=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/ | head -1)
images=()
for pat in "png-*" "jpeg-decoder-*" "zune-jpeg-*" "image-webp-*" "gif-*" "image-0.25*"; do
  for d in "$registry"$pat; do [[ -d "$d" ]] && images+=("$d"); done
done
pdfs=()
for d in "$registry"lopdf-*; do [[ -d "$d" ]] && pdfs+=("$d"); done
mails=()
for d in "$registry"mail-parser-*; do [[ -d "$d/resources" ]] && mails+=("$d/resources"); done
img_find() { find "${images[@]}" \( -name '*.png' -o -name '*.jpg' -o -name '*.gif' -o -name '*.webp' \) -size -1024k 2>/dev/null; }
pdf_find() { find "${pdfs[@]}" -name '*.pdf' -size -1024k 2>/dev/null; }
mail_find() { find "${mails[@]}" -name '*.eml' -size -1024k 2>/dev/null; }
failed=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  case $t in
    email) files=$( (mail_find | head -400; ls crates/core/tests/fixtures/mail/*) ) ;;
    *) files=$( (img_find | head -150; pdf_find | head -100; mail_find | head -100; find crates/core/tests/fixtures -type f) ) ;;
  esac
  for f in $files; do cp "$f" "fuzz/corpus/$t/$(sha256sum "$f" | cut -c1-16)"; done
  seeds=$(ls "fuzz/corpus/$t" | wc -l)
  start=$(date +%s)
  log="fuzz/$t.log"
  status=0
  # Built as users run it (-O: release, so dependencies' debug_assert!s are compiled out,
  # as in the shipped app; one in mail-parser fires on hostile mail and would stop every
  # run), with integer overflow checks on everywhere, which release would hide.
  (cd fuzz && RUSTFLAGS="-Coverflow-checks=on" cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
      -runs="$runs" -rss_limit_mb=512 -malloc_limit_mb=512 -timeout=10 -max_len=1048576 \
      -print_final_stats=1) >"$log" 2>&1 || status=$?
  grep -E 'stat::(number_of_executed_units|peak_rss_mb)|Done [0-9]+ runs|ERROR|SUMMARY|panicked' "$log" || true
  echo "fuzz $t: $runs runs from $seeds seeds in $(( $(date +%s) - start )) s, exit $status (log: $log)"
  [[ $status -eq 0 ]] || failed=1
done
exit $failed
