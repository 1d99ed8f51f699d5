#!/usr/bin/env bash
# Benchmark: capex build (release) against Hugo on the shared corpus, alternating runs.
# Prints the minimum and median wall time and peak memory of each, the ratios capex/Hugo, and
# how each grows from one corpus size to the next; then the rebuilds of the authoring loop:
# nothing changed, and one page edited, for `capex build`, `capex serve` and `hugo server`
# (each server's own reported rebuild time).
#   Benchmarks/vs-hugo.sh [PAGES...]        default: $N, else 1000 10000
#   N=30000 Benchmarks/vs-hugo.sh           N: one size or several ("1000 10000 30000 100000")
# Fairness: the corpus's own Hugo config turns off its RSS feed, sitemap, robots.txt and 404
# page, which capex always writes. Hugo runs with --buildFuture: the corpus dates its pages an
# hour or so apart from 2015, so beyond about 14,900 pages they lie in the future (after
# 2026-11-30), and Hugo without it skips them (14,921 of 30,000 written) where capex builds all. Hugo runs both ways, alternating with capex: "hugo" as the
# corpus configures it, and "hugo+" with those four outputs on (`hugo-outputs.toml`, written
# beside the corpus); the ratios are given against each.
# This machine is shared with other builds: the minimum of the runs is the figure least
# disturbed by them, and the one the ratios use; the median is printed beside it, and the
# CPU time (user + system), which other builds disturb less than the wall time.
# capex's messages go to <corpus>/<tool>.log.
# Environment: RUNS (default 5 for ≤ 2,000 pages, else 3), BENCH_DIR (default /tmp/capex-bench),
# OUT_DIR: where both write their site (default: a folder in /dev/shm, so the disk's own speed,
# which varies a lot between runs on these machines, does not drown the generators' work;
# OUT_DIR=disk writes beside the corpus), REBUILDS=0 skips the rebuilds, REBUILD_RUNS
# (default 7) how many of each rebuild, CAPEX_BEFORE=<binary> also times that capex (an
# earlier build, say) in the same alternation, as "before", HUGO_FULL=0 skips "hugo+".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
corpus_script=${CORPUS_SCRIPT:-$repo/../shared/bench/make_corpus.py}
bench_dir=${BENCH_DIR:-/tmp/capex-bench}
sizes=("$@")
# shellcheck disable=SC2206
((${#sizes[@]})) || sizes=(${N:-1000 10000})

"$repo/scripts/install-deps.sh"
need=()
command -v hugo >/dev/null || need+=(hugo)
[ -x /usr/bin/time ] || need+=(time)
if ((${#need[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
(cd "$repo" && swift build -c release --product capex --static-swift-stdlib >/dev/null)
capex="$repo/.build/release/capex"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
minimum() { sort -n | head -n 1; }

# Waits until `file` holds more than `count` lines matching `pattern` (at most 120 s).
wait_for() {
  local file=$1 pattern=$2 count=$3
  for ((t = 0; t < 1200; t++)); do
    # grep -c prints nothing while the file does not exist yet: count that as 0.
    local found; found=$(grep -c -- "$pattern" "$file" 2>/dev/null) || true
    [ "${found:-0}" -gt "$count" ] && return 0
    sleep 0.1
  done
  echo "timed out waiting for '$pattern' in $file" >&2
  return 1
}

# The authoring loop on one corpus: `capex build` with nothing changed and after one page is
# edited (process wall time, like the full builds above), then the same edit under
# `capex serve` and `hugo server`, each timed by the server itself. Each edit appends a
# paragraph to a page and is undone afterwards, outside the timing.
rebuilds() {
  local n=$1 dir=$2 out=$3 capex_full=$4 hugo_full=$5
  local runs=${REBUILD_RUNS:-7} page="$dir/content/posts/page-00042.md"
  local original; original=$(cat "$page")
  edit() { printf '%s\n\nOne more paragraph, edit %s.\n' "$original" "$1" > "$page"; }
  undo() { printf '%s\n' "$original" > "$page"; }

  # capex build: a full build first, then rebuilds. Stamps are trusted 2 s after a file
  # changes, as they would be for files saved before the author ran the build.
  rm -rf "$out/output" "$out/.capex-cache"
  "$capex" build --quiet --root "$dir" --output "$out/output" >/dev/null
  sleep 2.1
  : > "$dir/nochange.times"; : > "$dir/onepage.times"
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f '%e' -a -o "$dir/nochange.times" "$capex" build --quiet --root "$dir" --output "$out/output" >/dev/null
    edit "$i"
    /usr/bin/time -f '%e' -a -o "$dir/onepage.times" "$capex" build --quiet --root "$dir" --output "$out/output" >/dev/null
    undo
    "$capex" build --quiet --root "$dir" --output "$out/output" >/dev/null
    sleep 2.1
  done
  local nochange onepage
  nochange=$(median < "$dir/nochange.times"); onepage=$(median < "$dir/onepage.times")

  # capex serve: its own line per rebuild, "… in 0.21 s".
  local port=18431 log="$dir/serve.log"
  rm -rf "$dir/output" "$dir/.capex-cache"
  "$capex" serve --root "$dir" --port "$port" > "$log" 2>&1 &
  local serve_pid=$!
  wait_for "$log" "^Built\|^Up to date" 0
  sleep 2.1
  for ((i = 0; i < runs; i++)); do
    edit "serve $i"; wait_for "$log" "^Rebuilt" $((2 * i))
    undo; wait_for "$log" "^Rebuilt" $((2 * i + 1))
  done
  kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
  local serve_one
  serve_one=$(grep "^Rebuilt" "$log" | awk 'NR % 2 == 1' | sed -E 's/.* in ([0-9.]+) s.*/\1/' | median)
  rm -rf "$dir/output" "$dir/.capex-cache"

  # hugo server, rendering to memory (its default, and its fastest): "Total in 123 ms". Twice:
  # as it starts by default, re-rendering only the changed page and the pages open in a browser
  # (none here), and with --disableFastRender, re-rendering everything the change touches.
  local hlog="$dir/hugo-server.log" hugo_fast hugo_full_render mode before
  for mode in fast full; do
    hugo server --source "$dir" --config "$dir/hugo.toml,$dir/hugo-nohl.toml" --port $((port + 1)) \
      --disableLiveReload $([ "$mode" = full ] && echo --disableFastRender) > "$hlog" 2>&1 &
    local hugo_pid=$!
    wait_for "$hlog" "Web Server is available" 0
    for ((i = 0; i < runs; i++)); do
      before=$(grep -c "Total in" "$hlog" || true)
      edit "hugo $mode $i"; wait_for "$hlog" "Total in" "$before"
      before=$(grep -c "Total in" "$hlog" || true)
      undo; wait_for "$hlog" "Total in" "$before"
    done
    kill "$hugo_pid"; wait "$hugo_pid" 2>/dev/null || true
    local times
    times=$(grep "Total in" "$hlog" | tail -n $((2 * runs)) | awk 'NR % 2 == 1' | sed -E 's/.*Total in ([0-9.]+) ms.*/\1/' | median)
    if [ "$mode" = fast ]; then hugo_fast=$times; else hugo_full_render=$times; fi
  done

  echo "$n pages, rebuilds (medians of $runs):"
  awk -v f="$capex_full" -v a="$nochange" -v b="$onepage" -v s="$serve_one" -v hf="$hugo_full" \
      -v h="$hugo_fast" -v hd="$hugo_full_render" 'BEGIN {
    printf "  capex build, nothing changed      %6.2f s   %4.1f%% of its full build (target <= 5%%)\n", a, 100 * a / f
    printf "  capex build, one page edited      %6.2f s   %4.1f%% of its full build (target <= 10%%)\n", b, 100 * b / f
    printf "  capex serve, one page edited      %6.2f s   (its own timing, writing to disk)\n", s
    printf "  hugo server, one page edited      %6.2f s   (its own timing, in memory, fast render)\n", h / 1000
    printf "  hugo server --disableFastRender   %6.2f s   (its own timing, in memory, everything the edit touches)\n", hd / 1000
    printf "  hugo, nothing changed             %6.2f s   (no incremental builds outside its server: a full build)\n", hf
  }'
}

tools=(capex hugo)
[ "${HUGO_FULL:-1}" = 0 ] || tools+=(hugo+)
[ -z "${CAPEX_BEFORE:-}" ] || tools+=(before)
# Times one tool's build of corpus `dir` into `out`, appending "wall peak-KB" to dir/<tool>.times.
build_once() {
  local tool=$1 dir=$2 out=$3
  case $tool in
    hugo | hugo+)
      local config="$dir/hugo.toml,$dir/hugo-nohl.toml"
      [ "$tool" = hugo+ ] && config+=",$dir/hugo-outputs.toml"
      rm -rf "$out/public" "$dir/resources"; sync
      /usr/bin/time -f '%e %M %U %S' -a -o "$dir/$tool.times" \
        hugo --quiet --buildFuture --source "$dir" --config "$config" --destination "$out/public" >/dev/null ;;
    capex | before)
      local binary=$capex
      [ "$tool" = before ] && binary=$CAPEX_BEFORE
      rm -rf "$out/output"; sync
      /usr/bin/time -f '%e %M %U %S' -a -o "$dir/$tool.times" \
        "$binary" build --quiet --root "$dir" --output "$out/output" >/dev/null 2>"$dir/$tool.log" ;;
  esac
}

declare -A min_wall min_peak min_cpu
printf '%-8s %-6s %10s %10s %12s %12s %10s\n' pages tool "min wall" "median" "min peak" "median peak" "min CPU"
for n in "${sizes[@]}"; do
  dir="$bench_dir/$n"
  if [ ! -f "$dir/content/posts/page-00001.md" ]; then
    rm -rf "$dir"
    python3 "$corpus_script" --pages "$n" --out "$dir" >/dev/null
  fi
  # The same site for capex: its config and templates equivalent to the corpus's Hugo layouts.
  printf 'title: "SSG Bench Site"\nbase_url: https://bench.example.org/\nlanguage: en-us\n' > "$dir/content/site.yaml"
  rm -rf "$dir/templates" && cp -r "$here/templates" "$dir/templates"
  # Hugo with the outputs capex always writes: RSS feeds, sitemap, robots.txt, 404 page.
  printf 'disableKinds = ["taxonomy", "term"]\nenableRobotsTXT = true\n' > "$dir/hugo-outputs.toml"
  runs=${RUNS:-$([ "$n" -le 2000 ] && echo 5 || echo 3)}
  out=${OUT_DIR:-/dev/shm/capex-bench-out}
  [ "$out" = disk ] && out="$dir"
  [ -d /dev/shm ] || out="$dir"
  mkdir -p "$out"
  for tool in "${tools[@]}"; do : > "$dir/$tool.times"; done
  # Each writes into an empty destination, removed outside the timing: the same work for each.
  # Alternating, and starting with a different tool each round, so a drift of the machine's
  # speed falls on all of them.
  for ((i = 0; i < runs; i++)); do
    for ((t = 0; t < ${#tools[@]}; t++)); do
      build_once "${tools[(i + t) % ${#tools[@]}]}" "$dir" "$out"
    done
  done
  for tool in "${tools[@]}"; do
    wall=$(awk '{print $1}' "$dir/$tool.times" | minimum)
    wall_median=$(awk '{print $1}' "$dir/$tool.times" | median)
    peak=$(awk '{print $2}' "$dir/$tool.times" | minimum)
    peak_median=$(awk '{print $2}' "$dir/$tool.times" | median)
    cpu=$(awk '{print $3 + $4}' "$dir/$tool.times" | minimum)
    printf '%-8s %-6s %8.2f s %8.2f s %9.0f MB %9.0f MB %8.2f s\n' "$n" "$tool" "$wall" "$wall_median" \
      "$((${peak%.*} / 1024))" "$((${peak_median%.*} / 1024))" "$cpu"
    min_wall[$tool,$n]=$wall; min_peak[$tool,$n]=$peak; min_cpu[$tool,$n]=$cpu
  done
  for hugo in hugo hugo+; do
    [ -n "${min_wall[$hugo,$n]:-}" ] || continue
    awk -v cw="${min_wall[capex,$n]}" -v hw="${min_wall[$hugo,$n]}" -v cp="${min_peak[capex,$n]}" -v hp="${min_peak[$hugo,$n]}" \
      -v n="$n" -v h="$hugo" 'BEGIN { printf "%-8s capex/%-6s wall %.2f×   peak memory %.2f×\n", n, h, cw/hw, cp/hp }'
  done
  if [ -n "${min_wall[before,$n]:-}" ]; then
    awk -v cw="${min_wall[capex,$n]}" -v bw="${min_wall[before,$n]}" -v cp="${min_peak[capex,$n]}" -v bp="${min_peak[before,$n]}" \
      -v n="$n" 'BEGIN { printf "%-8s capex/before wall %.2f×   peak memory %.2f×\n", n, cw/bw, cp/bp }'
  fi
  echo "pages written: capex $(find "$out/output" -name index.html | wc -l), hugo (its last run) $(find "$out/public" -name index.html | wc -l) (into $out)"
  rm -rf "$out/output" "$out/public"
  [ "${REBUILDS:-1}" = 0 ] || rebuilds "$n" "$dir" "$out" "${min_wall[capex,$n]}" "${min_wall[hugo,$n]}"
done

# Growth: each size against the one before it (the minima), beside the growth in pages.
if ((${#sizes[@]} > 1)); then
  echo "growth (minimum wall time, CPU time and peak memory, from one size to the next):"
  for ((k = 1; k < ${#sizes[@]}; k++)); do
    a=${sizes[k - 1]} b=${sizes[k]}
    line=$(printf '  %s → %s pages (×%s):' "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", b/a }')")
    for tool in "${tools[@]}"; do
      line+=$(awk -v x="${min_wall[$tool,$a]}" -v y="${min_wall[$tool,$b]}" -v p="${min_peak[$tool,$a]}" -v q="${min_peak[$tool,$b]}" \
        -v c="${min_cpu[$tool,$a]}" -v d="${min_cpu[$tool,$b]}" -v t="$tool" 'BEGIN { printf "  %s ×%.2f (CPU ×%.2f, memory ×%.2f)", t, y/x, d/c, q/p }')
    done
    echo "$line"
  done
fi
