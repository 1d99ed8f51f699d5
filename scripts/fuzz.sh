#!/usr/bin/env bash
# Runs one libFuzzer harness for a number of seconds, starting from its seed corpus.
#
#   scripts/fuzz.sh HARNESS [SECONDS] [extra libFuzzer flags…]
#   scripts/fuzz.sh list
#
# HARNESS is quantity, formula, front-matter, figure-references or chart-block. The harnesses
# are a separate package (Fuzz/), built with -sanitize=fuzzer,address; the main package's
# `swift build`/`swift test` never compile them. The run grows a working corpus in
# Fuzz/.corpus/<harness>/ (not committed) from the seeds in Fuzz/Corpus/<harness>/; a crash
# leaves its input in Fuzz/.findings/<harness>/. Copy a fixed finding into
# Fuzz/Regressions/<harness>/: the test suite (FuzzRegressionTests) replays those files.
set -euo pipefail
cd "$(dirname "$0")/.."

harnesses=(quantity formula front-matter figure-references chart-block)
if [[ $# -lt 1 || "$1" == list ]]; then
    printf '%s\n' "${harnesses[@]}"
    exit 0
fi
harness=$1
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
case $harness in
    quantity) product=FuzzQuantity ;;
    formula) product=FuzzFormula ;;
    front-matter) product=FuzzFrontMatter ;;
    figure-references) product=FuzzFigureReferences ;;
    chart-block) product=FuzzChartBlock ;;
    *) echo "unknown harness '$harness'; harnesses: ${harnesses[*]}" >&2; exit 2 ;;
esac

scripts/install-deps.sh >/dev/null 2>&1 || true
# SwiftPM keeps a path dependency's file list until the manifest changes: a file added to
# capex's Sources/ since the last fuzz build would be missing ("cannot find … in scope").
touch Fuzz/Package.swift
(cd Fuzz && swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product "$product")
binary=$(cd Fuzz && swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --show-bin-path)/$product

work=Fuzz/.corpus/$harness
findings=Fuzz/.findings/$harness
mkdir -p "$work" "$findings"
# Swift's runtime is not instrumented for leaks of its own caches: leak checks only add noise.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
# The Swift runtime's own backtracer would hold the terminal after a crash: libFuzzer reports instead.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}
exec "$binary" "$work" "Fuzz/Corpus/$harness" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -artifact_prefix="$findings/" -print_final_stats=1 "$@"
