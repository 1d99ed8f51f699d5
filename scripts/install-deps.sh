#!/usr/bin/env bash
# Installs the system libraries capex links (cmark-gfm and its GFM extensions) when missing.
set -euo pipefail
missing=()
for pkg in libcmark-gfm-dev libcmark-gfm-extensions-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "Installing ${missing[*]}…" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
