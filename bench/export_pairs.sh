#!/usr/bin/env bash
# `export` of 1M incidents against ogr2ogr on the same input, GeoJSON
# (RFC 7946) and GeoPackage: interleaved pairs of whole processes (ours,
# ogr2ogr, ours, ...) timed by the shared harness's pair timer, cut from
# /work/shared/bench/side_by_side.sh so both use the same clock, CPU and
# peak-RSS accounting (wait4). ogr2ogr options as in that harness.
#
# usage: bench/export_pairs.sh BORDERMAP INCIDENTS_CSV OUTDIR [RUNS]
#   LAYERS="incidents incidents,segments,countries"  layer sets timed (default: incidents,
#   the like-for-like case: ogr2ogr writes one table)
#   (INCIDENTS_CSV: /work/shared/bench/gen_incidents.py's incidents_1m.csv)
# The ratio printed is B/A = ogr2ogr / ours: ≥ 2 meets issue 21's "≤ 0.5× ogr2ogr".
set -euo pipefail
B=$1 IN=$2 OUT=$3 N=${4:-3}
SHARED=${SHARED:-/work/shared/bench}
LAYERS=${LAYERS:-incidents}
mkdir -p "$OUT"
sed -n "/^cat > \"\$PAIR\" <<'PYEOF'\$/,/^PYEOF\$/p" "$SHARED/side_by_side.sh" | sed '1d;$d' \
  > "$OUT/pairtime.py"
CSVOPTS="-oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -oo KEEP_GEOM_COLUMNS=NO -oo AUTODETECT_TYPE=YES -a_srs EPSG:4326 -nln incidents"
echo "commit $(git -C "$(dirname "$0")" rev-parse --short HEAD), $(nproc) cores," \
  "load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
for layers in $LAYERS; do
  for fmt in geojson gpkg; do
    if [ "$fmt" = geojson ]; then drv="-f GeoJSON -lco RFC7946=YES"; else drv="-f GPKG"; fi
    /usr/bin/python3 "$OUT/pairtime.py" -n "$N" --warmup 0 --tag "export_${fmt}_$layers" \
      --prep "rm -rf $OUT/ours* $OUT/ogr.$fmt" \
      "$B -q export $IN -o $OUT/ours.$fmt --border KG-TJ --layers $layers" \
      "ogr2ogr $drv $OUT/ogr.$fmt $IN $CSVOPTS"
  done
done
