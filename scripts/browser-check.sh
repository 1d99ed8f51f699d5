#!/usr/bin/env bash
# Opens every page of the story and of a `capex new` site in headless Chromium at 360 and
# 1,280 px, checks links, accessibility (axe-core) and markup (Nu Html Checker), and prints a
# table of what it checked; exit 1 on any failure (scripts/browser_check.py says what fails).
# Installs what it needs: Debian packages (install-deps.sh browser) and a venv with the pinned
# scripts/browser-check-requirements.txt, kept in ~/.cache/capex/ so that reruns start at once.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
scripts/install-deps.sh browser

python=${PYTHON:-python3}
requirements=scripts/browser-check-requirements.txt
key=$({ cat "$requirements"; "$python" --version; } | sha256sum | cut -c1-12)
venv=${XDG_CACHE_HOME:-$HOME/.cache}/capex/browser-check-$key
if [ ! -f "$venv/.complete" ]; then
  echo "Setting up $venv…" >&2
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check --no-deps -r "$requirements"
  touch "$venv/.complete"
fi

swift build --quiet --product capex
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/debug/capex build -q --root . --output "$work/story"
.build/debug/capex new "$work/new-site" >/dev/null
.build/debug/capex build -q --root "$work/new-site" --output "$work/new"
# First the checker itself: on pages made to fail, every kind of failure must be caught.
"$venv/bin/python" scripts/browser_check.py --expect-faults faults=Tests/Fixtures/browser-check \
  >"$work/self-test.log" 2>&1 || { cat "$work/self-test.log"; exit 1; }
tail -n 1 "$work/self-test.log"
BROWSER_CHECK_SETUP_SECONDS=$((SECONDS - started)) \
  "$venv/bin/python" scripts/browser_check.py story="$work/story" new="$work/new"
