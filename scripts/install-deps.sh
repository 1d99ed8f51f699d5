#!/usr/bin/env bash
# Installs the system libraries capex links (cmark-gfm and its GFM extensions, and the mimalloc
# allocator) when missing, libcurl's development files (the release build links Foundation
# statically, and FoundationNetworking, which FlyingFox imports, needs libcurl.so), and
# what the build uses to rasterize charts to PNG: rsvg-convert (librsvg2-bin) and the font the
# charts' stack falls back to on a bare machine (DejaVu Sans, fonts-dejavu-core).
# `install-deps.sh browser` also installs what scripts/browser-check.sh drives: Chromium, its
# WebDriver, a Java runtime (for the Nu Html Checker) and Python's venv.
set -euo pipefail
wanted=(libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev libcurl4-openssl-dev librsvg2-bin fonts-dejavu-core)
[ "${1:-}" != browser ] || wanted+=(chromium chromium-driver default-jre-headless python3-venv)
missing=()
for pkg in "${wanted[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "Installing ${missing[*]}…" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  # apt's own chatter (debconf's notes) is shown only when the install fails.
  if ! log=$("${sudo_cmd[@]}" apt-get update -qq 2>&1 &&
             DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" 2>&1); then
    echo "$log" >&2
    exit 1
  fi
fi
