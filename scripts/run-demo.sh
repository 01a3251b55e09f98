#!/usr/bin/env bash
# Set up kamdesk and open it on the demo database (created on first run in ./demo-data).
# Extra arguments go to kamdesk, e.g. `scripts/run-demo.sh --lang fr`.
set -euo pipefail
cd "$(dirname "$0")/.."

has_display=1
if [ "$(uname)" = "Linux" ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  has_display=0
fi
if [ "$has_display" = 1 ]; then scripts/setup.sh --gui; else scripts/setup.sh; fi

db=demo-data/demo.sqlite
if [ ! -f "$db" ]; then
  mkdir -p demo-data
  .venv/bin/kamdesk --db "$db" demo
fi

if [ "$has_display" = 0 ]; then
  # No screen to open a window on (a server, CI): show the app as pictures instead.
  echo "run-demo: no display found (DISPLAY/WAYLAND_DISPLAY unset): rendering the app's screens to ./screenshots"
  QT_QPA_PLATFORM=offscreen .venv/bin/kamdesk --db "$db" "$@" screenshots screenshots
  echo "run-demo: on a desktop session the same command opens the kamdesk window"
  exit 0
fi
exec .venv/bin/kamdesk --db "$db" "$@"
