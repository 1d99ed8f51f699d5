#!/usr/bin/env bash
# Screenshots of built pages at 360 and 1,280 px, for reading the site as its reader does.
# Usage: scripts/screenshots.sh [OUTPUT_DIR] [PAGE…]   (pages as URL paths: / /deals/ …)
# Writes /tmp/capex-shots/<page>-<width>.png. Needs chromium (Debian package).
set -euo pipefail
out=${1:-output}; shift || true
pages=("$@"); ((${#pages[@]})) || pages=(/ /money/ /power/ /loop/ /deals/ /figures/ /companies/openai/)
shots=/tmp/capex-shots; mkdir -p "$shots"
port=$((8500 + RANDOM % 400))
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$out" >/dev/null 2>&1 &
server=$!; trap 'kill $server' EXIT; sleep 0.5
for page in "${pages[@]}"; do
  name=$(echo "$page" | tr '/' '_' | sed 's/^_//;s/_$//'); name=${name:-home}
  for width in 360 1280; do
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
      --window-size="$width,${HEIGHT:-2400}" --screenshot="$shots/$name-$width.png" \
      "http://127.0.0.1:$port$page" >/dev/null 2>&1
    echo "$shots/$name-$width.png"
  done
done
