#!/bin/sh
# export of N incidents: ours vs ogr2ogr (RFC 7946 GeoJSON and GPKG), wall
# time and peak RSS by /usr/bin/time, one process after the other.
# usage: bench/run_export_bench.sh BORDERMAP INCIDENTS_CSV OUTDIR
# (incidents from /work/shared/bench/gen_incidents.py: id,lon,lat,fatalities,label)
set -eu
bin=$1 in=$2 out=$3
mkdir -p "$out"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)  commit: $(git -C "$(dirname "$0")" rev-parse --short HEAD)"
for fmt in geojson gpkg; do
  /usr/bin/time -f "ours_$fmt %e s %M KB" "$bin" export "$in" --border KG-TJ -o "$out/ours.$fmt" >/dev/null
  if [ "$fmt" = geojson ]; then drv="-f GeoJSON -lco RFC7946=YES"; else drv="-f GPKG"; fi
  # shellcheck disable=SC2086
  /usr/bin/time -f "ogr2ogr_$fmt %e s %M KB" ogr2ogr $drv "$out/peer.$fmt" "$in" \
    -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -a_srs EPSG:4326 -overwrite
done
