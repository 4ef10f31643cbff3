#!/usr/bin/env bash
# Installs what Dossierkluis needs on a fresh Debian/Ubuntu machine, and nothing that is
# already there: Debian packages (with sudo when not root), the UI's npm packages from
# the lockfile (which include the Tauri CLI), and — with --test — tauri-driver.
# Idempotent: a second run takes a second or two.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

WANT_TEST_TOOLS=0
WANT_BENCH_TOOLS=0
WANT_PACKAGE_TOOLS=0
[[ "${1:-}" == "--test" ]] && WANT_TEST_TOOLS=1
# Checking and install-testing the .deb/.rpm (make package, make package-test). Building
# them needs nothing more: Tauri's deb and rpm bundlers are written in Rust.
[[ "${1:-}" == "--package" ]] && WANT_PACKAGE_TOOLS=1
# The PDF benchmark compares against headless Chromium printing the same chronology, and
# against Typst (the `typst` package from PyPI, in a venv of its own under the cache).
[[ "${1:-}" == "--bench" ]] && WANT_BENCH_TOOLS=1

BUILD_PACKAGES=(
  libwebkit2gtk-4.1-dev libjavascriptcoregtk-4.1-dev libgtk-3-dev libsoup-3.0-dev
  librsvg2-dev libssl-dev libayatana-appindicator3-dev libxdo-dev build-essential
  pkg-config file
  # Reading scanned letters (OCR, issue 15): libtesseract to link, the engine's data and
  # its Dutch model.
  libtesseract-dev tesseract-ocr tesseract-ocr-nld
)
# age: the Debian age tool decrypts our backups in the interop tests (F11). unzip reads
# the .docx letters back (F12); poppler-utils' pdftotext/pdfinfo/pdfimages the PDFs;
# exiftool checks that no photo metadata (GPS, camera) reaches a PDF (F9); LittleCMS'
# transicc reads the bundle's sRGB profile (PDF/A output intent).
# xdotool types into the app where WebDriver cannot drive it (e2e 24: the webview's
# private mode, as people run it).
TEST_PACKAGES=(xvfb xauth webkit2gtk-driver poppler-utils qpdf imagemagick python3-icalendar age unzip libimage-exiftool-perl liblcms2-utils xdotool)
# rpm reads the .rpm's metadata; desktop-file-utils checks the desktop entry; debootstrap
# makes the fresh Debian the .deb is installed into.
PACKAGE_TOOLS=(rpm desktop-file-utils file debootstrap xvfb xauth imagemagick)

missing=()
packages=("${BUILD_PACKAGES[@]}")
(( WANT_TEST_TOOLS )) && packages+=("${TEST_PACKAGES[@]}")
# The OCR bench renders its letters with pdftoppm (poppler-utils).
(( WANT_BENCH_TOOLS )) && packages+=(chromium age python3-venv poppler-utils xvfb xauth webkit2gtk-driver)
(( WANT_PACKAGE_TOOLS )) && packages+=("${PACKAGE_TOOLS[@]}")
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if (( ${#missing[@]} )); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v cargo >/dev/null || { echo "setup: Rust (cargo) is needed: https://rustup.rs" >&2; exit 1; }
command -v node >/dev/null || { echo "setup: Node.js >= 20.19 is needed" >&2; exit 1; }
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || { echo "setup: Node.js >= 20.19 is needed (found $(node --version))" >&2; exit 1; }

# npm ci only when the lockfile changed since the last install.
stamp=ui/node_modules/.dossierkluis-lock
if [[ ! -f $stamp ]] || ! cmp -s ui/package-lock.json "$stamp"; then
  echo "setup: installing UI packages (npm ci)"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  cp ui/package-lock.json "$stamp"
fi

if (( WANT_TEST_TOOLS || WANT_BENCH_TOOLS )) && [[ ! -x "$DOSSIER_TOOLS/bin/tauri-driver" ]]; then
  echo "setup: installing tauri-driver 2.x (about a minute, once)"
  CARGO_INSTALL_ROOT="$DOSSIER_TOOLS" CARGO_TARGET_DIR="$DOSSIER_CACHE/tools-target" \
    cargo install tauri-driver --locked --version "^2" --quiet
fi

# Typst for the bundle benchmark, pinned; in its own venv so nothing else sees it.
if (( WANT_BENCH_TOOLS )) && ! "$DOSSIER_CACHE/bench-venv/bin/python" -c 'import typst' 2>/dev/null; then
  echo "setup: installing typst 0.15.2 for the benchmark (PyPI, once)"
  python3 -m venv "$DOSSIER_CACHE/bench-venv"
  "$DOSSIER_CACHE/bench-venv/bin/pip" install --quiet --disable-pip-version-check "typst==0.15.2"
fi
