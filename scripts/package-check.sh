#!/usr/bin/env bash
# Checks the built packages as a user's package manager would see them, without
# installing: name, version (equal to the app's, from Cargo.toml), dependencies, the
# file list (binary, desktop entry, icons), the desktop entry itself, and that the
# binary serves the embedded UI (not the Vite dev server). Usage:
# scripts/package-check.sh [DEB] [RPM] (default: the newest in the bundle folder).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

bundle="$CARGO_TARGET_DIR/release/bundle"
deb="${1:-$(ls -t "$bundle"/deb/*.deb 2>/dev/null | head -1)}"
rpm="${2:-$(ls -t "$bundle"/rpm/*.rpm 2>/dev/null | head -1)}"
[[ -f $deb && -f $rpm ]] || { echo "package-check: no .deb/.rpm in $bundle (run make package)" >&2; exit 1; }

fails=0
ok() { printf '  ok   %s\n' "$*"; }
bad() { printf '  FAIL %s\n' "$*"; fails=$((fails + 1)); }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }

version=$(python3 -c 'import tomllib; print(tomllib.load(open("Cargo.toml","rb"))["workspace"]["package"]["version"])')
echo "package-check: app version $version"

# The files every package must hold (paths as installed).
files=(
  /usr/bin/dossierkluis
  /usr/share/applications/Dossierkluis.desktop
  /usr/share/icons/hicolor/32x32/apps/dossierkluis.png
  /usr/share/icons/hicolor/48x48/apps/dossierkluis.png
  /usr/share/icons/hicolor/64x64/apps/dossierkluis.png
  /usr/share/icons/hicolor/128x128/apps/dossierkluis.png
  /usr/share/icons/hicolor/256x256/apps/dossierkluis.png
)
has_all() { # LIST-FILE
  local f missing=0
  for f in "${files[@]}"; do grep -qxF "$f" "$1" || { echo "       missing: $f"; missing=1; }; done
  return $missing
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "package-check: $deb ($(du -k "$deb" | cut -f1) KB)"
field() { dpkg-deb -f "$deb" "$1"; }
check "deb Package is dossierkluis" test "$(field Package)" = dossierkluis
check "deb Version is $version" test "$(field Version)" = "$version"
depends=$(field Depends)
for d in libwebkit2gtk-4.1-0 libgtk-3-0 libtesseract5 tesseract-ocr-nld; do
  check "deb Depends has $d" grep -qE "(^|, )$d( |,|$)" <<<"$depends"
done
dpkg-deb -c "$deb" | awk '{print $6}' | sed -E 's|^(\./)?|/|' >"$work/deb.list"
check "deb holds the binary, desktop entry and icons" has_all "$work/deb.list"
dpkg-deb -x "$deb" "$work/deb"
desktop="$work/deb/usr/share/applications/Dossierkluis.desktop"
check "desktop entry passes desktop-file-validate" desktop-file-validate "$desktop"
for line in "Name=Dossierkluis" "Exec=dossierkluis" "Icon=dossierkluis" "Categories=Office;" "Terminal=false"; do
  check "desktop entry has $line" grep -qxF "$line" "$desktop"
done
check "desktop entry has a Dutch comment" grep -qE '^Comment\[nl\]=.*uitkeringsinstantie' "$desktop"
for size in 32 48 64 128 256; do
  png="$work/deb/usr/share/icons/hicolor/${size}x${size}/apps/dossierkluis.png"
  check "icon ${size}x${size} is a ${size}x${size} PNG" grep -q "PNG image data, $size x $size" <(file "$png")
done
bin="$work/deb/usr/bin/dossierkluis"
check "binary is a 64-bit ELF executable" grep -qE 'ELF 64-bit.*executable' <(file "$bin")
# A build without the embedded UI loads the Vite server (devUrl) and shows a blank page:
# the packaged binary must hold the built UI's script under its hashed name.
script=$(ls ui/dist/assets/ | grep -E '^index-.*\.js$' | head -1)
check "binary embeds the built UI ($script)" grep -qaF "$script" "$bin"

echo "package-check: $rpm ($(du -k "$rpm" | cut -f1) KB)"
if command -v rpm >/dev/null; then
  q() { rpm -qp --nosignature --queryformat "$1" "$rpm" 2>/dev/null; }
  check "rpm Name is dossierkluis" test "$(q '%{NAME}')" = dossierkluis
  check "rpm Version is $version" test "$(q '%{VERSION}')" = "$version"
  rpm -qpR --nosignature "$rpm" 2>/dev/null >"$work/rpm.requires"
  for d in webkit2gtk4.1 gtk3 tesseract-libs tesseract-langpack-nld; do
    check "rpm Requires has $d" grep -qE "^$d( |$)" "$work/rpm.requires"
  done
  rpm -qlp --nosignature "$rpm" 2>/dev/null >"$work/rpm.list"
  check "rpm holds the binary, desktop entry and icons" has_all "$work/rpm.list"
else
  bad "rpm is not installed (scripts/setup.sh --test installs it)"
fi

if (( fails )); then echo "package-check: $fails check(s) failed" >&2; exit 1; fi
echo "package-check: all checks passed"
