#!/usr/bin/env bash
# Installs the system libraries capex links (cmark-gfm and its GFM extensions) when missing.
# `install-deps.sh browser` also installs what scripts/browser-check.sh drives: Chromium, its
# WebDriver, a Java runtime (for the Nu Html Checker) and Python's venv.
set -euo pipefail
wanted=(libcmark-gfm-dev libcmark-gfm-extensions-dev)
[ "${1:-}" != browser ] || wanted+=(chromium chromium-driver default-jre-headless python3-venv)
missing=()
for pkg in "${wanted[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "Installing ${missing[*]}…" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
