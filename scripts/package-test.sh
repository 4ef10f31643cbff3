#!/usr/bin/env bash
# The install test a user would do, in a fresh minimal Debian: debootstrap one into a
# folder (from the Debian mirror this machine's apt uses), `apt-get install` the built
# .deb in it (no recommends: the package's Depends alone must be enough), start the
# installed app under Xvfb, screenshot the welcome screen, then `apt-get purge` it and
# check that none of its files is left. Needs root (chroot). Usage:
# scripts/package-test.sh [DEB] (default: the newest from `make package`).
# The screenshot: tests/package/out/welcome.png.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
[[ $(id -u) -eq 0 ]] || { echo "package-test: needs root (debootstrap, chroot)" >&2; exit 1; }

deb="${1:-$(ls -t "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb 2>/dev/null | head -1)}"
[[ -f $deb ]] || { echo "package-test: no .deb (run make package)" >&2; exit 1; }
out=tests/package/out
mkdir -p "$out"
rm -f "$out"/*.png

# The Debian mirror and release this machine installs from (deb822 or one-line sources).
suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
mirror=$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
  | grep -oE 'https?://[^ ]+/debian/?( |$)' | grep -v security | head -1 | tr -d ' ' || true)
mirror=${mirror:-http://deb.debian.org/debian}
echo "package-test: Debian $suite from $mirror, package $(basename "$deb")"

t0=$(date +%s)
lap() { echo "package-test: $1 ($(( $(date +%s) - t0 )) s)"; t0=$(date +%s); }

root=$(mktemp -d /var/tmp/dk-package-test.XXXXXX)
chmod 755 "$root" # mktemp makes it 0700: the user inside could not reach /usr
xvfb_pid=""
cleanup() {
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
  for m in tmp dev/pts dev sys proc; do umount -l "$root/$m" 2>/dev/null || true; done
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT

# Downloaded .debs are kept between runs (the system itself is fresh every time).
cache="$DOSSIER_CACHE/debootstrap-$suite"
mkdir -p "$cache"
debootstrap --variant=minbase --cache-dir="$cache" "$suite" "$root" "$mirror" >"$out/debootstrap.log" 2>&1 \
  || { tail -20 "$out/debootstrap.log"; exit 1; }
lap "fresh minimal Debian made ($(du -sm --one-file-system "$root" | cut -f1) MB)"

mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
# /tmp is shared so that the app reaches the X server's socket (/tmp/.X11-unix).
mount --bind /tmp "$root/tmp"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }

cp "$deb" "$root/root/"
before=$(in_root dpkg-query -W -f='${Package}\n' | sort)
in_root apt-get update -qq
in_root apt-get install -y -qq --no-install-recommends "/root/$(basename "$deb")" >"$out/install.log" 2>&1 \
  || { tail -30 "$out/install.log"; exit 1; }
added=$(comm -13 <(echo "$before") <(in_root dpkg-query -W -f='${Package}\n' | sort) | wc -l)
lap "installed with apt ($added packages added, system now $(du -sm --one-file-system "$root" | cut -f1) MB)"
in_root dpkg -L dossierkluis >"$out/files.txt"
grep -qx /usr/bin/dossierkluis "$out/files.txt"

# A user account, as on a union PC; the app runs as that user.
in_root useradd -m -u 4242 -s /bin/bash vrijwilliger
mkdir -p "$root/run/user/4242" && chown 4242:4242 "$root/run/user/4242" && chmod 700 "$root/run/user/4242"

display=":$(( 90 + RANDOM % 100 ))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [[ -S /tmp/.X11-unix/X${display#:} ]] && break; sleep 0.1; done
# The desktop entry's Exec line, as a menu would start it.
exec_line=$(sed -n 's/^Exec=//p' "$root/usr/share/applications/"*.desktop | head -1)
chroot --userspec=4242:4242 "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/home/vrijwilliger \
  USER=vrijwilliger DISPLAY="$display" XDG_RUNTIME_DIR=/run/user/4242 LANG=C.UTF-8 \
  $exec_line >"$out/app.log" 2>&1 &
app_pid=$!
# The welcome screen is there once its heading is painted: wait until the window's
# picture has text in it (many colours) and stops changing, not for a fixed time.
shown=0 last=""
for _ in $(seq 120); do
  sleep 0.5
  kill -0 "$app_pid" 2>/dev/null || { cat "$out/app.log"; echo "package-test: the app quit" >&2; exit 1; }
  import -display "$display" -window root "$out/welcome.png" 2>/dev/null || continue
  colours=$(convert "$out/welcome.png" -format %k info:)
  sum=$(md5sum <"$out/welcome.png")
  if (( colours > 200 )) && [[ $sum == "$last" ]]; then shown=1; break; fi
  last=$sum
done
(( shown )) || { cat "$out/app.log"; echo "package-test: no welcome screen after 60 s" >&2; exit 1; }
lap "the installed app shows its window ($out/welcome.png, $colours colours)"
# Quit as a logout does (SIGTERM); WebKit's helper processes are the app's children.
descendants() { local c; for c in $(ps -o pid= --ppid "$1"); do echo "$c"; descendants "$c"; done; }
helpers=$(descendants "$app_pid")
kill -TERM "$app_pid" 2>/dev/null || true
for pid in "$app_pid" $helpers; do
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
done
echo "package-test: left in the user's home: $(cd "$root/home/vrijwilliger" && find . -mindepth 1 -newer "$root/root/$(basename "$deb")" | tr '\n' ' ')"

in_root apt-get purge -y -qq dossierkluis >"$out/purge.log" 2>&1 || { tail -20 "$out/purge.log"; exit 1; }
status=$(in_root dpkg-query -W -f='${Status}' dossierkluis 2>/dev/null || true)
left=0
while read -r f; do
  [[ -e $root$f && ! -d $root$f ]] && { echo "package-test: left after purge: $f"; left=$((left + 1)); }
done <"$out/files.txt"
# Folders of the package's own (not shared ones like /usr/share/icons) must be gone too.
for d in /usr/lib/dossierkluis /usr/share/doc/dossierkluis; do
  [[ -e $root$d ]] && { echo "package-test: left after purge: $d"; left=$((left + 1)); }
done
lap "purged (dpkg status: '${status:-unknown}')"
(( left == 0 )) || { echo "package-test: $left file(s) of the package left after purge" >&2; exit 1; }
echo "package-test: passed: installed, started, screenshot taken, purged without leftovers"
