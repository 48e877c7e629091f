#!/usr/bin/python3
"""N incidents spread over the world's land borders: each at a random point
of a random current segment of geodata/borders.gpkg (weighted by length),
moved up to 20 km in a random direction. Deterministic (seed 15).

usage: bench/gen_world_incidents.py N OUT.csv     (columns id,lon,lat)
"""
import random
import sys

from osgeo import ogr
from shapely import wkb

ogr.UseExceptions()


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    ds = ogr.Open("geodata/borders.gpkg")
    lines, weights = [], []
    for f in ds.GetLayer("land_borders"):
        if f.GetField("valid_to"):
            continue
        g = wkb.loads(bytes(f.GetGeometryRef().ExportToWkb()))
        lines.append(g)
        weights.append(f.GetField("length_m"))
    rnd = random.Random(15)
    picks = rnd.choices(range(len(lines)), weights=weights, k=n)
    with open(out, "w") as w:
        w.write("id,lon,lat\n")
        for k, i in enumerate(picks):
            p = lines[i].interpolate(rnd.random(), normalized=True)
            r = 0.18 * rnd.random() ** 0.5  # up to ~20 km (in latitude)
            dx, dy = rnd.uniform(-1, 1), rnd.uniform(-1, 1)
            norm = max((dx * dx + dy * dy) ** 0.5, 1e-9)
            lat = max(-89.9, min(89.9, p.y + r * dy / norm))
            w.write(f"w{k},{p.x + r * dx / norm:.6f},{lat:.6f}\n")


if __name__ == "__main__":
    main()
