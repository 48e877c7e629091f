#!/bin/sh
# Issue 21's text-speed figures in one table: gazetteer lookups (exact,
# fuzzy; needs the bench build), cold `resolve`, `extract` throughput over
# many articles and over one long article, and peak RSS. Inputs are made
# here from our own test texts (tests/data/eval/articles in English and
# tests/data/extract/*.txt), repeated; nothing is downloaded.
#   bench/text_speed.sh BUILD_DIR [repeats] [long_MB]
# BUILD_DIR holds bordermap and, when configured with -DBORDERMAP_BENCH=ON,
# bench/gazetteer_bench. CPU figures are user + system CPU (one core); wall time is
# not reported because the machine is shared.
set -eu
BUILD=${1:?usage: text_speed.sh BUILD_DIR [repeats] [long_MB]}
REPEATS=${2:-200}
LONG_MB=${3:-50}
BM=$BUILD/bordermap
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/many"
n=0
i=0
while [ "$i" -lt "$REPEATS" ]; do
  for f in "$ROOT"/tests/data/eval/articles/[!r]*.txt "$ROOT"/tests/data/extract/*.txt; do
    n=$((n + 1))
    cp "$f" "$WORK/many/a$n.txt"
  done
  i=$((i + 1))
done
# One long article: the same texts one after another until LONG_MB.
cat "$ROOT"/tests/data/eval/articles/[!r]*.txt "$ROOT"/tests/data/extract/*.txt > "$WORK/unit.txt"
: > "$WORK/long.txt"
while [ "$(wc -c < "$WORK/long.txt")" -lt $((LONG_MB * 1000000)) ]; do
  cat "$WORK/unit.txt" "$WORK/unit.txt" "$WORK/unit.txt" "$WORK/unit.txt" >> "$WORK/long.txt"
done
run() {  # prints "cpu_s max_rss_kb" of a command (CPU = user + system)
  /usr/bin/time -f "%U %S %M" "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.2f %d\n", $1 + $2, $3 }'
}
ex() { run "$BM" extract "$@" -o "$WORK/out.csv" --date 2024-01-01 --allow-partial; }
echo "commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| measure | result | goal |"
echo "|---|---|---|"
if [ -x "$BUILD/bench/gazetteer_bench" ]; then
  "$BUILD/bench/gazetteer_bench" --benchmark_filter='BM_(Exact|Fuzzy)$' \
      --benchmark_format=csv 2>/dev/null |
    awk -F, '/BM_Exact"?,/ { printf "| gazetteer exact lookups | %.2f M/s per core | 2 M/s |\n", 1e3 / $4 }
             /BM_Fuzzy"?,/ { printf "| gazetteer fuzzy lookups | %.0f k/s per core | 100 k/s |\n", 1e6 / $4 }'
fi
best=999
for k in 1 2 3 4 5; do
  t=$(run "$BM" resolve Batken | cut -d' ' -f1)
  best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (b < a ? b : a) }')
done
echo "| cold \`resolve Batken\`, best of 5 | $(awk -v t="$best" 'BEGIN { printf "%d", t * 1000 }') ms CPU | 100 ms |"
one=$(ex "$WORK/many/a1.txt")
all=$(ex "$WORK"/many/a*.txt)
bytes=$(cat "$WORK"/many/a*.txt | wc -c)
awk -v b="$bytes" -v n="$n" -v a="${all% *}" -v o="${one% *}" -v r="${all#* }" 'BEGIN {
  t = a - o; if (t <= 0) t = 0.01
  printf "| extract, %d articles (%.1f MB) | %.1f MB/s (%.2f s CPU less start-up %.2f s), RSS %d MB | 20 MB/s |\n",
         n, b / 1e6, b / t / 1e6, a, o, r / 1024 }'
long=$(ex "$WORK/long.txt" --max-article $((LONG_MB * 2000000)))
lbytes=$(wc -c < "$WORK/long.txt")
awk -v b="$lbytes" -v a="${long% *}" -v o="${one% *}" -v r="${long#* }" 'BEGIN {
  t = a - o; if (t <= 0) t = 0.01
  printf "| extract, one %.0f MB article | %.1f MB/s (%.2f s CPU), RSS %d MB | RSS <= %d MB |\n",
         b / 1e6, b / t / 1e6, a, r / 1024, 2 * b / 1048576 + 200 }'
