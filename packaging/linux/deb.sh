#!/usr/bin/env bash
# The Linux package, built the way Debian packages are, from jpackage's app image:
#   deb.sh strip APP_IMAGE
#       strips the runtime's native libraries and programs (the build runs it before it trains the class cache);
#   deb.sh build APP_IMAGE VERSION DEST MAINTAINER
#       writes DEST/socket-workbench_VERSION_ARCH.deb.
# The package puts the app under /usr/lib/socket-workbench, links /usr/bin/socket-workbench to its launcher, and
# installs the menu entry, the icons in every hicolor size and the man page as plain files. It has no maintainer
# scripts: the icon cache, the menu and the man index are refreshed by the triggers of the packages that own them
# (gtk-update-icon-cache, desktop-file-utils, man-db), so a system without them installs and removes it all the same.
# jpackage's own .deb could not do that: its scripts call xdg-desktop-menu, which fails on a system without a menu
# folder and then leaves apt broken, and it installs under /opt, which Debian's policy keeps for local software.
set -euo pipefail

NAME=socket-workbench
HERE=$(cd "$(dirname "$0")" && pwd)
PACKAGING=$(dirname "$HERE")

is_elf() { cmp -s -n 4 "$1" <(printf '\177ELF'); }

strip_image() {
  local app=$1 f count=0
  command -v strip > /dev/null || { echo "deb.sh: strip (binutils) is needed" >&2; exit 1; }
  while IFS= read -r -d '' f; do
    is_elf "$f" || continue
    chmod u+w "$f"
    # What dh_strip does: shared objects lose their unneeded symbols, programs their debug sections.
    case "$f" in
      *.so) strip --strip-unneeded --remove-section=.comment --remove-section=.note "$f" ;;
      *) strip --remove-section=.comment --remove-section=.note "$f" ;;
    esac
    count=$((count + 1))
  done < <(find "$app" -type f -print0)
  echo "deb.sh: stripped $count native files in $app"
}

build() {
  local app=$1 version=$2 dest=$3 maintainer=$4
  local arch root lib doc epoch
  arch=$(dpkg --print-architecture)
  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT
  root=$WORK/root
  lib=$root/usr/lib/$NAME
  doc=$root/usr/share/doc/$NAME
  # Dates in the package (the changelog, file times) are the last commit's, so that two builds of one commit match.
  epoch=${SOURCE_DATE_EPOCH:-$(git -C "$PACKAGING" log -1 --format=%ct 2> /dev/null || date +%s)}

  mkdir -p "$lib" "$root/usr/bin" "$doc" "$root/usr/share/applications" "$root/usr/share/man/man1" \
    "$root/usr/share/lintian/overrides" "$root/usr/share/mime/packages"
  cp -a "$app/." "$lib/"
  # jpackage's native launcher and its library are not used: bin/socket-workbench is launcher.sh, and the icons
  # live in hicolor.
  rm -f "$lib/lib/libapplauncher.so" "$lib/lib/$NAME.png"
  ln -s "../lib/$NAME/bin/$NAME" "$root/usr/bin/$NAME"

  install -m 644 "$HERE/$NAME.desktop" "$root/usr/share/applications/$NAME.desktop"
  # The workspace file type (*.swb.json): shared-mime-info's own trigger adds it, where it is installed.
  install -m 644 "$HERE/$NAME.xml" "$root/usr/share/mime/packages/$NAME.xml"
  local size
  for size in 16 22 24 32 36 48 64 72 96 128 192 256 512; do
    install -D -m 644 "$PACKAGING/icon/$NAME-$size.png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/$NAME.png"
  done
  install -D -m 644 "$PACKAGING/icon/$NAME.svg" "$root/usr/share/icons/hicolor/scalable/apps/$NAME.svg"

  # The man page, made from the command line's own model by the app's own runtime.
  "$lib/lib/runtime/bin/java" -Xshare:auto -m io.socketworkbench/io.socketworkbench.cli.ManPage \
    | gzip -9n > "$root/usr/share/man/man1/$NAME.1.gz"

  install -m 644 "$HERE/copyright" "$doc/copyright"
  {
    echo "$NAME ($version) unstable; urgency=medium"
    echo
    echo "  * Release $version: see the README for what is in it."
    echo
    echo " -- $maintainer  $(LC_ALL=C date -u -R -d "@$epoch")"
  } | gzip -9n > "$doc/changelog.gz"
  install -m 644 "$HERE/lintian-overrides" "$root/usr/share/lintian/overrides/$NAME"

  # Debian's modes: directories 755, files 644, programs 755.
  find "$root" -type d -exec chmod 755 {} +
  find "$root" -type f -exec chmod 644 {} +
  local f
  while IFS= read -r -d '' f; do
    if is_elf "$f" && [[ "$f" != *.so ]] || cmp -s -n 2 "$f" <(printf '#!'); then chmod 755 "$f"; fi
  done < <(find "$lib" -type f -print0)
  find "$root" -exec touch -h -d "@$epoch" {} +

  mkdir -p "$root/DEBIAN"
  local installed
  installed=$(du -sk --apparent-size "$root/usr" | cut -f1)
  sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@MAINTAINER@/$maintainer/" \
    -e "s/@INSTALLED_SIZE@/$installed/" "$HERE/control" > "$root/DEBIAN/control"
  (cd "$root" && find usr -type f -printf '%P\n' | LC_ALL=C sort | sed 's|^|usr/|' | xargs -d '\n' md5sum) \
    > "$root/DEBIAN/md5sums"
  chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

  mkdir -p "$dest"
  local deb=$dest/${NAME}_${version}_${arch}.deb
  rm -f "$deb"
  dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" > /dev/null
  echo "deb.sh: $deb ($(du -h "$deb" | cut -f1))"
}

case "${1:-}" in
  strip) strip_image "$2" ;;
  build) build "$2" "$3" "$4" "$5" ;;
  *) echo "usage: deb.sh strip APP_IMAGE | deb.sh build APP_IMAGE VERSION DEST MAINTAINER" >&2; exit 2 ;;
esac
