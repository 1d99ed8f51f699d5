#!/usr/bin/env bash
# Runs the whole test suite, then a strict build of the story (content/) with the
# capex binary the tests used, into a temporary folder. Prints one summary: compiler errors
# and warnings, every failing test with its issues, the test count, and the build's line.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

# --quiet keeps the compiler to its errors and warnings.
swift build --build-tests --quiet

# No XCTest tests exist, so XCTest (and its "Executed 0 tests") is off. --quiet reaches Swift
# Testing: it prints only issues, failures and the final count; the banner lines are dropped.
status=0
log=.build/test.log
swift test --skip-build --disable-xctest --quiet >"$log" 2>&1 || status=1
grep -vE '^(◇ Test run started\.|↳ Testing Library Version:|↳ Target Platform:)' "$log" || true

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
.build/debug/capex build --root . --output "$out/output" --strict || status=1
exit "$status"
