#!/usr/bin/env bash
# Our linker against the peers on the shared benchmark inputs, in one session.
#
# usage: bench/run_link_bench.sh [BENCH_DIR]      (default: ../shared/bench beside the repo)
#
# 1. Copies the shared harness into a private directory (LINKBENCH, default
#    /tmp/linkbench) whose data/ links to the shared inputs and PostGIS
#    reference CSVs, so concurrent runs by others do not clobber results.
# 2. Runs the peers (PostGIS, GeoPandas, QGIS) at SIZES (default "10k 100k")
#    and our `bordermap link` at 10k/100k/1m through run_ours.sh.
# 3. Settles every disagreement with the PostGIS reference independently
#    (verify_disagreements.py, pyproj only).
# Environment: REPS=3, SIZES="10k 100k", PEERS=1 (0: ours only), PGPORT=55439,
#   BORDERMAP=build/release/bordermap (or build/dev/bordermap). SIZES also
#   limits our runs when set (e.g. SIZES=1m GPD_STRTREE_1M=1 REPS=1 for the
#   peers at 1M, GeoPandas' slow loop included).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
SHARED="${1:-$(cd "$REPO/../../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)}"
LB="${LINKBENCH:-/tmp/linkbench}"
REPS="${REPS:-3}"
SIZES="${SIZES:-10k 100k}"
BIN="${BORDERMAP:-$REPO/build/release/bordermap}"
[[ -x "$BIN" ]] || BIN="$REPO/build/dev/bordermap"
[[ -x "$BIN" ]] || { echo "build bordermap first (cmake --workflow --preset report)" >&2; exit 2; }

"$SHARED/prep.sh" 2>/dev/null
mkdir -p "$LB/data/results"
cp -r "$SHARED"/*.sh "$SHARED"/*.py "$SHARED/peers" "$LB/"
for f in countries.geojson segments.geojson incidents_10k.csv incidents_100k.csv incidents_1m.csv \
         SHA256SUMS world-atlas; do
  ln -sfn "$SHARED/data/$f" "$LB/data/$f"
done
if [[ ! -s "$SHARED/data/results/postgis_nearest_1m.csv" ]]; then
  (cd "$SHARED" && PGPORT="${PGPORT:-55439}" peers/postgis.sh 1 10k 100k 1m >/dev/null)
fi
for s in 10k 100k 1m; do
  ln -sfn "$SHARED/data/results/postgis_nearest_$s.csv" "$LB/data/results/postgis_nearest_$s.csv"
done

if [[ "${PEERS:-1}" == 1 ]]; then
  PGPORT="${PGPORT:-55439}" SKIP="mapnik export" SIZES="$SIZES" REPS="$REPS" "$LB/run_peers.sh"
fi
OURS_NEAREST="$BIN link {incidents} -o {out} --segments {segments}" REPS="$REPS" "$LB/run_ours.sh"
for s in 100k 1m; do
  [[ -s "$LB/data/results/ours_nearest_$s.csv" ]] || continue  # SIZES left it out
  /usr/bin/python3 "$HERE/verify_disagreements.py" "$LB/data/segments.geojson" \
    "$LB/data/incidents_$s.csv" "$LB/data/results/postgis_nearest_$s.csv" \
    "$LB/data/results/ours_nearest_$s.csv"
done
