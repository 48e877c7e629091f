#!/usr/bin/python3
"""A sample of incidents near some land borders, and those borders' current
segments as a GeoJSON the PostGIS peer (shared bench/peers/postgis.sh) loads.

usage: bench/gen_border_sample.py N OUT_DIR PAIR [PAIR...]     e.g. 100000 /tmp/agree KG-TJ AM-AZ CN-IN

Writes OUT_DIR/segments.geojson (one LineString feature per line of each
current segment of geodata/borders.gpkg between the pairs; `id` numbers the
segment, `segment_id` is the bundle's id, so a segment's lines share an id)
and OUT_DIR/incidents_<N/1000>k.csv (id,lon,lat,fatalities,label: points of
random segments weighted by length, moved up to ~20 km in a random
direction, as bench/gen_world_incidents.py; seed 15). Run from the
repository root.
"""
import json
import os
import random
import sys

from osgeo import ogr
from shapely import wkb


def main():
    n, out, pairs = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    want = {tuple(sorted(p.split("-"))) for p in pairs}
    ds = ogr.Open("geodata/borders.gpkg")
    lines, weights, features = [], [], []
    for f in ds.GetLayer("land_borders"):
        if f.GetField("valid_to"):
            continue
        if tuple(sorted((f.GetField("country_a"), f.GetField("country_b")))) not in want:
            continue
        g = wkb.loads(bytes(f.GetGeometryRef().ExportToWkb()))
        sid = len(lines) + 1
        lines.append(g)
        weights.append(f.GetField("length_m"))
        for part in getattr(g, "geoms", [g]):
            features.append({"type": "Feature",
                             "properties": {"id": sid, "segment_id": f.GetField("segment_id")},
                             "geometry": {"type": "LineString", "coordinates": list(part.coords)}})
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "segments.geojson"), "w") as w:
        json.dump({"type": "FeatureCollection", "features": features}, w)
    rnd = random.Random(15)
    picks = rnd.choices(range(len(lines)), weights=weights, k=n)
    with open(os.path.join(out, f"incidents_{n // 1000}k.csv"), "w") as w:
        w.write("id,lon,lat,fatalities,label\n")
        for k, i in enumerate(picks):
            p = lines[i].interpolate(rnd.random(), normalized=True)
            r = 0.18 * rnd.random() ** 0.5  # up to ~20 km (in latitude)
            dx, dy = rnd.uniform(-1, 1), rnd.uniform(-1, 1)
            norm = max((dx * dx + dy * dy) ** 0.5, 1e-9)
            w.write(f"{k + 1},{p.x + r * dx / norm:.6f},{p.y + r * dy / norm:.6f},0,s{k + 1}\n")
    print(f"{len(lines)} segments, {len(features)} lines, {n} incidents", file=sys.stderr)


if __name__ == "__main__":
    main()
