#!/usr/bin/env bash
# Set up kamdesk and run the whole test suite (headless). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

# The sync-server tests use the machine's PostgreSQL (127.0.0.1:5432, database "test"); start it
# if it is installed but stopped. Tests that need it are skipped with a reason when it is absent.
if command -v pg_ctlcluster >/dev/null 2>&1 && ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  version=$(ls /etc/postgresql 2>/dev/null | head -n1)
  [ -n "$version" ] && pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
fi

# The IMAP tests start a throw-away dovecot on 127.0.0.1 (never the system's own service); they
# are skipped with a reason when it cannot be installed.
if ! [ -x /usr/sbin/dovecot ] && command -v apt-get >/dev/null 2>&1; then
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  echo "run-tests: installing dovecot-imapd for the IMAP tests"
  { "${sudo_cmd[@]}" apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq dovecot-imapd >/dev/null; } ||
    echo "run-tests: could not install dovecot-imapd; the IMAP tests will be skipped" >&2
fi

export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
