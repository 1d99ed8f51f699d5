#!/usr/bin/env bash
# Installs the system libraries capex links (cmark-gfm and its GFM extensions) when missing, and
# what the build uses to rasterize charts to PNG: rsvg-convert (librsvg2-bin) and the font the
# charts' stack falls back to on a bare machine (DejaVu Sans, fonts-dejavu-core).
set -euo pipefail
missing=()
for pkg in libcmark-gfm-dev libcmark-gfm-extensions-dev librsvg2-bin fonts-dejavu-core; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "Installing ${missing[*]}…" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
