#!/bin/sh
# Extraction throughput and memory of `bordermap extract` over many English
# articles (our evaluation set and the extract fixtures, repeated as separate
# files), one core. Throughput subtracts the start-up of a one-article run
# (gazetteer load) from the user CPU time of the whole run.
#   bench/extract_speed.sh build/release/bordermap [repeats]
set -eu
BM=${1:?usage: extract_speed.sh BORDERMAP [repeats]}
REPEATS=${2:-60}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
n=0
i=0
while [ "$i" -lt "$REPEATS" ]; do
  for f in "$ROOT"/tests/data/eval/articles/[!r]*.txt "$ROOT"/tests/data/extract/*.txt; do
    n=$((n + 1))
    cp "$f" "$WORK/a$n.txt"
  done
  i=$((i + 1))
done
BYTES=$(cat "$WORK"/a*.txt | wc -c)
one=$( { /usr/bin/time -f "%U %M" "$BM" extract "$WORK/a1.txt" -o "$WORK/one.csv" --date 2024-01-01 2>&1 >/dev/null; } | tail -1)
all=$( { /usr/bin/time -f "%U %M" "$BM" extract "$WORK"/a*.txt -o "$WORK/all.csv" --date 2024-01-01 2>&1 >/dev/null; } | tail -1)
echo "$n articles, $BYTES bytes"
echo "one article: user ${one% *} s, max RSS ${one#* } KB"
echo "all articles: user ${all% *} s, max RSS ${all#* } KB"
awk -v b="$BYTES" -v a="${all% *}" -v o="${one% *}" \
  'BEGIN { t = a - o; if (t <= 0) t = 0.01; printf "throughput: %.1f MB/s (goal 20 MB/s)\n", b / t / 1e6 }'
