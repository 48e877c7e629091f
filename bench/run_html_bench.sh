#!/usr/bin/env bash
# report.html and report --by day on N synthetic incidents over DAYS days:
# page size, first paint in headless Chromium, and the time --by day adds.
#
# usage: bench/run_html_bench.sh            (N=10000 DAYS=30 REPS=3)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="${BORDERMAP:-$HERE/../build/release/bordermap}"
N="${N:-10000}" DAYS="${DAYS:-30}" REPS="${REPS:-3}"
W="${HTMLBENCH:-/tmp/htmlbench}"
mkdir -p "$W"
/usr/bin/python3 "$HERE/gen_dated_incidents.py" "$N" "$DAYS" "$W/incidents.csv"
run() {  # run NAME ARGS...: wall and CPU seconds of one report
  local name=$1; shift
  /usr/bin/time -f "$name wall %e s cpu %U+%S s maxrss %M kB" \
    "$BIN" -q report "$W/incidents.csv" --border KG-TJ --formats png "$@" >/dev/null
}
for r in $(seq "$REPS"); do
  run plain -o "$W/plain"
  run by_day -o "$W/by_day" --by day
done
ls -l "$W/plain/report.html" | awk '{print "report.html bytes", $5}'
/usr/bin/python3 "$HERE/html_first_paint.py" "$W/plain/report.html" "$REPS"
