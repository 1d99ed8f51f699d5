#!/usr/bin/env bash
# Runs the whole test suite: unit tests, then a release build of the real site.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests
swift test --skip-build 2>&1 | tee /tmp/capex-test.log
