#!/usr/bin/env bash
# Screenshots of built pages at 360 and 1,280 px, for reading the site as its reader does.
# Usage: scripts/screenshots.sh [OUTPUT_DIR] [PAGE…]   (pages as URL paths: / /deals/ …)
# Writes /tmp/capex-shots/<page>-<width>.png. Needs chromium (Debian package).
# SCHEME=dark takes them with prefers-color-scheme: dark (<page>-<width>-dark.png); WIDTHS="360 600"
# and HEIGHT=700 change the window (an embed page: scripts/screenshots.sh output /charts/money-flow/).
set -euo pipefail
out=${1:-output}; shift || true
pages=("$@"); ((${#pages[@]})) || pages=(/ /money/ /power/ /loop/ /deals/ /figures/ /companies/openai/)
shots=/tmp/capex-shots; mkdir -p "$shots"
port=$((8500 + RANDOM % 400))
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$out" >/dev/null 2>&1 &
server=$!; trap 'kill $server' EXIT; sleep 0.5
for page in "${pages[@]}"; do
  name=$(echo "$page" | tr '/' '_' | sed 's/^_//;s/_$//'); name=${name:-home}
  scheme=(); suffix=""
  if [ "${SCHEME:-light}" = dark ]; then scheme=(--force-dark-mode --blink-settings=preferredColorScheme=0); suffix="-dark"; fi
  for width in ${WIDTHS:-360 1280}; do
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 "${scheme[@]}" \
      --window-size="$width,${HEIGHT:-2400}" --screenshot="$shots/$name-$width$suffix.png" \
      "http://127.0.0.1:$port$page" >/dev/null 2>&1
    echo "$shots/$name-$width$suffix.png"
  done
done
