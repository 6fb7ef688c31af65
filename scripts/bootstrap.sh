#!/usr/bin/env bash
# Set up everything Löftesgrafen needs, then run the demo or the tests.
#   bash scripts/bootstrap.sh demo   # install, ingest corpus/, print the status table
#   bash scripts/bootstrap.sh test   # install, lint, type-check and run the test suite
# Safe to run again: it installs only what is missing and ingest skips unchanged files.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-demo}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages: Tesseract with Swedish, Chromium for the web-page tests.
missing=()
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
tesseract --list-langs 2>/dev/null | grep -qx swe || missing+=(tesseract-ocr-swe)
python3 -c 'import ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
# The web-page tests drive Debian's Chromium through Playwright; it needs fonts too.
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "bootstrap: installing Debian packages: ${missing[*]}" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A virtual environment with pinned dependencies.
python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "bootstrap: need Python >= 3.11" >&2; exit 2; }
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=.venv/.lock-sha
want="$(sha256sum requirements.lock pyproject.toml | sha256sum | cut -c1-16)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "bootstrap: installing Python packages into .venv" >&2
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.lock
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
fi
export OMP_THREAD_LIMIT=1

case "$what" in
  demo)
    # The main job: the bundled corpus into the default embedded store, then the status table.
    .venv/bin/lofte ingest corpus/ --db lofte.db || echo "bootstrap: some files failed (see above)" >&2
    .venv/bin/lofte status --db lofte.db
    ;;
  test)
    .venv/bin/ruff check pipeline tests scripts corpus models
    .venv/bin/ruff format --check pipeline tests scripts corpus models
    .venv/bin/mypy
    # One package per stage: no import cycles, short modules and functions.
    .venv/bin/python scripts/import_cycles.py --packages
    .venv/bin/python scripts/check_layout.py
    .venv/bin/python -m pytest
    ;;
  *)
    echo "usage: bash scripts/bootstrap.sh [demo|test]" >&2
    exit 2
    ;;
esac
