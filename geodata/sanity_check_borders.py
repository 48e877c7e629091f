#!/usr/bin/python3
"""Checks geodata/borders.gpkg: for every pair of countries and each of two
dates, the segments in force tile the border (no overlap, no gap between
periods), every segment has a name and a status, ids are unique per period.

Usage: sanity_check_borders.py [borders.gpkg]   exit 0 = all good."""
import sys
from collections import defaultdict

from osgeo import ogr
from shapely import wkb
from shapely.ops import unary_union

path = sys.argv[1] if len(sys.argv) > 1 else "geodata/borders.gpkg"
ogr.UseExceptions()
ds = ogr.Open(path)
rows = defaultdict(list)
bad = 0
for f in ds.GetLayer("land_borders"):
    r = f.items()
    if not r["name"] or not r["status"]:
        print(f"{r['segment_id']}: no name or status")
        bad += 1
    rows[(r["country_a"], r["country_b"])].append((wkb.loads(bytes(f.GetGeometryRef().ExportToWkb())), r))


def active(r, day):
    return (not r["valid_from"] or day >= r["valid_from"]) and (not r["valid_to"] or day < r["valid_to"])


total = 0.0
for pair, rs in sorted(rows.items()):
    lengths = []
    for day in ("2022-09-14", "9999-12-31"):
        now = [(g, r) for g, r in rs if active(r, day)]
        ids = [r["segment_id"] for _, r in now]
        if len(ids) != len(set(ids)):
            print(f"{pair} {day}: a segment id twice")
            bad += 1
        s = sum(g.length for g, _ in now)
        u = unary_union([g for g, _ in now]).length
        if s - u > 1e-6 * max(s, 1e-9) + 1e-9:
            print(f"{pair} {day}: segments overlap by {s - u:.6f} degrees")
            bad += 1
        lengths.append(sum(r["length_m"] for _, r in now))
    if abs(lengths[0] - lengths[1]) > 0.005 * lengths[1]:
        print(f"{pair}: {lengths[0]:.0f} m in 2022, {lengths[1]:.0f} m now")
        bad += 1
    total += lengths[1]
print(f"{len(rows)} pairs, {total / 1000:.0f} km of land border; {bad} problems")
sys.exit(1 if bad else 0)
