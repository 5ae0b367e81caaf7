#!/usr/bin/env bash
# Installs the desktop bundle for the current user on Linux: a menu entry, the icon, the
# .annotator file type (double-click opens the project in the app) and `annotator` on PATH.
# Usage: dist/annotator/_internal/linux/install.sh   (inside the bundle: installs that bundle)
#        packaging/linux/install.sh BUNDLE_DIR      (from the source tree, BUNDLE_DIR from make dist)
# Files go to $XDG_DATA_HOME (default ~/.local/share) and ~/.local/bin; where xdg-mime is
# installed it also makes the entry the default for .annotator files (~/.config/mimeapps.list).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ $# -ge 1 ]; then
  bundle="$(cd "$1" && pwd)"
elif [ -x "$here/../../annotator" ]; then
  bundle="$(cd "$here/../.." && pwd)"
else
  echo "usage: install.sh BUNDLE_DIR" >&2; exit 2
fi
[ -x "$bundle/annotator" ] || { echo "install.sh: $bundle/annotator is missing" >&2; exit 1; }
icons="$bundle/_internal/annotator/resources/icons"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
bin="$HOME/.local/bin"

mkdir -p "$data/applications" "$data/mime/packages" "$bin" \
         "$data/icons/hicolor/scalable/apps" "$data/icons/hicolor/256x256/apps"
cp "$icons/annotator.svg" "$data/icons/hicolor/scalable/apps/annotator.svg"
cp "$icons/annotator-256.png" "$data/icons/hicolor/256x256/apps/annotator.png"
cp "$here/annotator-mime.xml" "$data/mime/packages/annotator.xml"
# The entry runs the bundle by its full path (the menu may not see ~/.local/bin on PATH).
sed -e "s|^Exec=annotator |Exec=\"$bundle/annotator\" |" -e "s|^TryExec=annotator$|TryExec=$bundle/annotator|" \
    "$here/annotator.desktop" > "$data/applications/annotator.desktop"
ln -sfn "$bundle/annotator" "$bin/annotator"

command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v xdg-mime >/dev/null && \
  xdg-mime default annotator.desktop application/x-annotator-project || true
echo "installed: $data/applications/annotator.desktop, the icon, the .annotator file type, $bin/annotator"
