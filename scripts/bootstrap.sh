#!/usr/bin/env bash
# Idempotent setup: system packages (Debian/Ubuntu) and the Python venv in .venv.
#
#   scripts/bootstrap.sh run    # what the app needs (Qt offscreen + X11 libs, poppler, fonts, venv)
#   scripts/bootstrap.sh test   # the above plus PostgreSQL for the server tests
#   scripts/bootstrap.sh venv   # only the Python venv
#
# Repeat runs are fast: apt is touched only when a package is missing, pip only when
# pyproject.toml is newer than .venv/.installed-stamp.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}

# Qt offscreen (tests, screenshots): without these `import PySide6.QtCore` fails.
qt_offscreen=(libegl1 libgl1 libx11-6 libbrotli1 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
              libxkbcommon0)
# Qt on a real X display (the xcb platform plugin).
qt_x11=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0
        libxkbcommon-x11-0)
# Everything else: PDF tools for report checks, a Unicode font, venv support, make itself.
tools=(poppler-utils fonts-dejavu-core python3-venv make)

case "$mode" in
    run)  packages=("${qt_offscreen[@]}" "${qt_x11[@]}" "${tools[@]}") ;;
    test) packages=("${qt_offscreen[@]}" "${qt_x11[@]}" "${tools[@]}" postgresql) ;;
    venv) packages=() ;;
    *)    echo "usage: $0 [run|test|venv]" >&2; exit 2 ;;
esac

# --- system packages ---------------------------------------------------------------------------
if ((${#packages[@]})); then
    if ! command -v dpkg-query >/dev/null; then
        echo "bootstrap: not a Debian-like system; install the equivalents of these yourself:" >&2
        echo "  ${packages[*]}" >&2
    else
        missing=()
        for pkg in "${packages[@]}"; do
            dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
                || missing+=("$pkg")
        done
        if ((${#missing[@]})); then
            if [[ $(id -u) -eq 0 ]]; then
                echo "bootstrap: installing ${missing[*]}"
                export DEBIAN_FRONTEND=noninteractive
                apt-get update
                apt-get install -y --no-install-recommends "${missing[@]}"
            else
                echo "bootstrap: missing system packages; run this and try again:" >&2
                echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
                exit 1
            fi
        fi
    fi
fi

# --- Python venv -------------------------------------------------------------------------------
if [[ ! -x .venv/bin/python ]]; then
    python=""
    for candidate in python3 python3.13 python3.12 python3.11; do
        if command -v "$candidate" >/dev/null &&
           "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            python=$candidate
            break
        fi
    done
    if [[ -z $python ]]; then
        echo "bootstrap: citydesk needs Python 3.11 or newer; found: $(python3 --version 2>&1 || echo none)" >&2
        exit 1
    fi
    echo "bootstrap: creating .venv with $python ($("$python" --version))"
    "$python" -m venv .venv
fi

stamp=.venv/.installed-stamp
if [[ ! -e $stamp || pyproject.toml -nt $stamp ]]; then
    echo "bootstrap: pip install -e '.[dev]'"
    .venv/bin/python -m pip install --disable-pip-version-check -q -e '.[dev]'
    touch "$stamp"
fi
