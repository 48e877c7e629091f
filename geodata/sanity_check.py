#!/usr/bin/python3
"""Sanity checks for geodata/bordermap.gpkg (see PROVENANCE.md). Exit 1 on failure."""
import sys
from itertools import combinations

from osgeo import ogr
from pyproj import Geod
from shapely import wkb
from shapely.geometry import Point
from shapely.ops import unary_union

ogr.UseExceptions()
path = sys.argv[1] if len(sys.argv) > 1 else "geodata/bordermap.gpkg"
ds = ogr.Open(path)
geod = Geod(ellps="WGS84")
fail = []


def rows(layer, where=None):
    lyr = ds.GetLayer(layer)
    if where:
        lyr.SetAttributeFilter(where)
    for f in lyr:
        g = f.GetGeometryRef()
        yield (wkb.loads(bytes(g.ExportToIsoWkb())) if g else None), f.items()
    lyr.SetAttributeFilter(None)


for i in range(ds.GetLayerCount()):
    lyr = ds.GetLayer(i)
    print(f"count {lyr.GetName()}: {lyr.GetFeatureCount()}")

country = {a["iso2"]: g for g, a in rows("countries") if a["iso2"] in ("KG", "TJ", "UZ")}
border = country["KG"].boundary.intersection(country["TJ"].boundary)
border_m = geod.geometry_length(border)
print(f"KG-TJ border (KG∩TJ boundaries), geodesic: {border_m / 1000:.3f} km")
if not 800e3 < border_m < 1000e3:
    fail.append("border length out of range")

segs = list(rows("border_segments"))
dates = sorted(({a["valid_from"] for _, a in segs} | {a["valid_to"] for _, a in segs}) - {""})
probe = ["1991-12-25"] + dates  # one date in every period
for d in probe:
    live = [(g, a) for g, a in segs if (a["valid_from"] <= d) and (a["valid_to"] == "" or d < a["valid_to"])]
    geoms = [g for g, _ in live if g is not None]
    union_m = geod.geometry_length(unary_union(geoms))
    sum_m = sum(geod.geometry_length(g) for g in geoms)
    overlap_m = sum(geod.geometry_length(a.intersection(b)) for a, b in combinations(geoms, 2)
                    if a.intersection(b).length > 0)
    # symmetric difference against the derived border
    diff_m = geod.geometry_length(unary_union(geoms).symmetric_difference(border))
    ids = sorted(a["segment_id"] for _, a in live)
    print(f"date {d}: {len(live)} segments ({len(geoms)} with geometry), union {union_m / 1000:.3f} km, "
          f"sum {sum_m / 1000:.3f} km, |union-border| {abs(union_m - border_m):.3f} m, "
          f"pairwise overlap {overlap_m:.3f} m, symdiff {diff_m:.3f} m, "
          f"statuses {sorted({a['status'] for _, a in live})}")
    if len(set(ids)) != len(ids):
        fail.append(f"{d}: duplicate segment ids")
    if abs(union_m - border_m) > 1 or overlap_m > 1 or abs(sum_m - border_m) > 1 or diff_m > 1:
        fail.append(f"{d}: coverage")

vorukh = Point(70.577, 39.853)
tj_part = [p for p in country["TJ"].geoms if p.contains(vorukh)][0]
# a point 2 km outside the Vorukh polygon: walk south from its southern edge
minx, miny, maxx, maxy = tj_part.bounds
lon2, lat2, _ = geod.fwd(70.577, miny, 180, 2000)
outside = Point(lon2, lat2)
res = {n: g.contains(vorukh) for n, g in country.items()}
res2 = {n: g.contains(outside) for n, g in country.items()}
d_out = geod.inv(*outside.coords[0], *tj_part.exterior.interpolate(tj_part.exterior.project(outside)).coords[0])[2]
print(f"Vorukh point (70.577, 39.853) in: {[k for k, v in res.items() if v]}")
print(f"point ({lon2:.5f}, {lat2:.5f}), {d_out:.0f} m outside the Vorukh polygon, in: {[k for k, v in res2.items() if v]}")
if [k for k, v in res.items() if v] != ["TJ"] or [k for k, v in res2.items() if v] != ["KG"]:
    fail.append("Vorukh test")

for name in ["Batken", "Osh", "Sughd", "Leninabad"]:
    hits = [a["id"] + ":" + a["name"] for _, a in rows("admin1")
            if name == a["name"] or name in a["alt_names"].split("|")]
    print(f"admin1 '{name}': {hits}")
    if not hits:
        fail.append(f"admin1 {name}")

n_null = sum(1 for g, a in rows("places", "id NOT LIKE 'cj:%'") if g is None)
bad = [a["id"] for g, a in rows("places", "id NOT LIKE 'cj:%'") if g is None and a["coord_precision"] != 3]
print(f"reference places with NULL geometry: {n_null} (all coord_precision 3: {not bad})")
if bad:
    fail.append("null places precision")

print("FAIL: " + "; ".join(fail) if fail else "all sanity checks passed")
sys.exit(1 if fail else 0)
