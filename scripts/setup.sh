#!/usr/bin/env bash
# Installs what littlestack needs on a fresh Debian machine with Swift, idempotently:
#   - libyaml-dev and pkg-config (apt-get, only when missing), and zlib1g-dev, which the HTTP
#     client's compression module links against (Swift's own install usually brings it)
#   - the local AWS emulator: a project-local virtualenv (.venv/) with moto[server] pinned,
#     plus pytest for the emulator extension's own tests.
# Safe to run twice: the second run installs nothing and says so.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MOTO_VERSION="5.2.5"
PYTEST_VERSION="9.0.3"
VENV="$ROOT/.venv"

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# --- system packages --------------------------------------------------------
missing=()
for pkg in libyaml-dev pkg-config zlib1g-dev; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    command -v apt-get >/dev/null || die "apt-get not found; install ${missing[*]} by hand"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    say "installing ${missing[*]} with apt-get"
    $SUDO apt-get update -qq || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null \
        || die "apt-get install ${missing[*]} failed"
else
    say "libyaml-dev, pkg-config and zlib1g-dev already installed"
fi
pkg-config --exists yaml-0.1 || die "pkg-config cannot find yaml-0.1 after installing libyaml-dev"

# --- the emulator's virtualenv -----------------------------------------------
PY="${PYTHON:-python3}"
command -v "$PY" >/dev/null || die "python3 not found; install python3 and python3-venv"
if [ ! -x "$VENV/bin/python" ]; then
    say "creating virtualenv $VENV"
    "$PY" -m venv "$VENV" 2>/dev/null || {
        say "python3 -m venv failed; installing python3-venv"
        SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
        $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null \
            || die "cannot install python3-venv"
        "$PY" -m venv "$VENV" || die "cannot create virtualenv at $VENV"
    }
fi
have() { "$VENV/bin/python" -m pip show "$1" 2>/dev/null | sed -n 's/^Version: //p'; }
if [ "$(have moto)" != "$MOTO_VERSION" ] || [ "$(have pytest)" != "$PYTEST_VERSION" ] \
   || ! "$VENV/bin/python" -c 'import flask, flask_cors, moto.server' 2>/dev/null; then
    say "installing moto[server]==$MOTO_VERSION and pytest==$PYTEST_VERSION into $VENV"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
        "moto[server]==$MOTO_VERSION" "pytest==$PYTEST_VERSION" \
        || die "pip install moto[server]==$MOTO_VERSION failed (is PyPI reachable?)"
else
    say "moto $MOTO_VERSION and pytest $PYTEST_VERSION already installed in $VENV"
fi
say "done"
