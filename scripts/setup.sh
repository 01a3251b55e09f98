#!/usr/bin/env bash
# Set up kamdesk for development on a fresh Debian/Ubuntu machine (or macOS/other Linux with
# the system libraries already there): system libraries Qt needs, a virtualenv in .venv with
# kamdesk and its dev tools, and the compiled translations.
#
#   scripts/setup.sh            libraries for offscreen Qt (tests, screenshots)
#   scripts/setup.sh --gui      also the X11/xcb libraries a real window needs
set -euo pipefail
cd "$(dirname "$0")/.."

want_gui=0
[ "${1:-}" = "--gui" ] && want_gui=1

# What PySide6 needs to run offscreen on a minimal Debian 12, plus a font so text renders.
debs=(libgl1 libegl1 libglib2.0-0 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0 fonts-dejavu-core)
if [ "$want_gui" = 1 ]; then
  debs+=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
         libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1)
fi

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    sudo_cmd=()
    [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: kamdesk needs Python 3.11 or newer (found: $("$python" --version 2>&1))" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$python" -m venv .venv
fi
# Re-install only when the project's declared dependencies changed since the last setup.
stamp=.venv/.kamdesk-setup
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing kamdesk and its dependencies into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[dev]'
  touch "$stamp"
fi
.venv/bin/python scripts/build_translations.py
