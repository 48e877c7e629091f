#!/bin/sh
# Runs every libFuzzer target (or the TARGETS named, e.g. "ogr style") for
# SECONDS each (default 12: CI's budget is one minute) on its seed corpus; a
# crash, leak or sanitizer report fails.
# Build first: cmake --preset fuzz && cmake --build build/fuzz -j2
# Long runs (the ≥ 10 minutes per target of docs/errors.md):
#   nice -n 19 tests/fuzz/run.sh 600
#   nice -n 19 tests/fuzz/run.sh 600 "extract style"
set -eu
seconds=${1:-12}
targets=${2:-tables ogr extract style config}
here=$(cd "$(dirname "$0")" && pwd)
build=${BORDERMAP_FUZZ_BUILD:-$here/../../build/fuzz/tests/fuzz}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in $targets; do
  mkdir -p "$work/$target"
  echo "fuzz_$target: ${seconds}s"
  # New inputs go to a scratch corpus; the seeds in the repository stay as they are.
  ASAN_OPTIONS=detect_leaks=0 "$build/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 \
    -max_len=65536 -artifact_prefix="$work/$target-" -print_final_stats=1 \
    "$work/$target" "$here/$target" 2>"$work/$target.log" || {
    tail -n 40 "$work/$target.log"
    mkdir -p "$here/findings" && cp "$work/$target"-* "$here/findings/" 2>/dev/null || true
    echo "fuzz_$target: FINDING (inputs copied to tests/fuzz/findings/)"
    exit 1
  }
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$work/$target.log" || true
  echo "fuzz_$target: corpus $(ls "$work/$target" | wc -l) new inputs, no finding"
done
