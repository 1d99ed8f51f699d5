#!/usr/bin/env bash
# Benchmark: capex build (release) against Hugo on the shared corpus, alternating runs.
# Prints the median wall time and peak memory of each, and the ratios capex/Hugo.
#   Benchmarks/vs-hugo.sh [PAGES...]        default: 1000 10000
# Environment: RUNS (default 5 for ≤ 2,000 pages, else 3), BENCH_DIR (default /tmp/capex-bench),
# OUT_DIR: where both write their site (default: a folder in /dev/shm, so the disk's own speed,
# which varies a lot between runs on these machines, does not drown the generators' work;
# OUT_DIR=disk writes beside the corpus).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
corpus_script=${CORPUS_SCRIPT:-$repo/../shared/bench/make_corpus.py}
bench_dir=${BENCH_DIR:-/tmp/capex-bench}
sizes=("$@")
((${#sizes[@]})) || sizes=(1000 10000)

"$repo/scripts/install-deps.sh"
need=()
command -v hugo >/dev/null || need+=(hugo)
[ -x /usr/bin/time ] || need+=(time)
if ((${#need[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
(cd "$repo" && swift build -c release --product capex >/dev/null)
capex="$repo/.build/release/capex"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf '%-8s %-6s %12s %14s\n' pages tool "median wall" "median peak"
for n in "${sizes[@]}"; do
  dir="$bench_dir/$n"
  if [ ! -f "$dir/content/posts/page-00001.md" ]; then
    rm -rf "$dir"
    python3 "$corpus_script" --pages "$n" --out "$dir" >/dev/null
  fi
  # The same site for capex: its config and templates equivalent to the corpus's Hugo layouts.
  printf 'title: "SSG Bench Site"\nbase_url: https://bench.example.org/\nlanguage: en-us\n' > "$dir/content/site.yaml"
  rm -rf "$dir/templates" && cp -r "$here/templates" "$dir/templates"
  runs=${RUNS:-$([ "$n" -le 2000 ] && echo 5 || echo 3)}
  out=${OUT_DIR:-/dev/shm/capex-bench-out}
  [ "$out" = disk ] && out="$dir"
  [ -d /dev/shm ] || out="$dir"
  mkdir -p "$out"
  : > "$dir/capex.times"; : > "$dir/hugo.times"
  # Both write into an empty destination, removed outside the timing: the same work for each.
  for ((i = 0; i < runs; i++)); do
    rm -rf "$out/public" "$dir/resources"; sync
    /usr/bin/time -f '%e %M' -a -o "$dir/hugo.times" \
      hugo --quiet --source "$dir" --config "$dir/hugo.toml,$dir/hugo-nohl.toml" --destination "$out/public" >/dev/null
    rm -rf "$out/output"; sync
    /usr/bin/time -f '%e %M' -a -o "$dir/capex.times" \
      "$capex" build --quiet --root "$dir" --output "$out/output" >/dev/null
  done
  for tool in capex hugo; do
    wall=$(awk '{print $1}' "$dir/$tool.times" | median)
    peak=$(awk '{print $2}' "$dir/$tool.times" | median)
    printf '%-8s %-6s %10.2f s %11.0f MB\n' "$n" "$tool" "$wall" "$((${peak%.*} / 1024))"
    eval "${tool}_wall=$wall ${tool}_peak=$peak"
  done
  awk -v cw="$capex_wall" -v hw="$hugo_wall" -v cp="$capex_peak" -v hp="$hugo_peak" -v n="$n" \
    'BEGIN { printf "%-8s ratio  wall %.2f×   peak memory %.2f×  (capex/Hugo)\n", n, cw/hw, cp/hp }'
  echo "pages written: capex $(find "$out/output" -name index.html | wc -l), hugo $(find "$out/public" -name index.html | wc -l) (into $out)"
  rm -rf "$out/output" "$out/public"
done
