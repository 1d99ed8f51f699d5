#!/usr/bin/env bash
# Builds capex in release mode and the site into output/. Extra arguments go to `capex build`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product capex
.build/release/capex build "$@"
