"""Stage 1 of the border build: the shared boundary of every pair of
neighbouring countries in the OSM-derived 10 m land polygons, oriented so
that country_a lies on the left, plus the enclaves (parts of one country
lying inside another's polygon, which the source leaves without a hole).

Usage: shared_lines.py LAND10M_GEOJSON ISO_JSON OUT.gpkg
Slow (minutes): the output is an intermediate, not committed.
"""
import json
import os
import sys

os.environ.setdefault("OGR_GEOJSON_MAX_OBJ_SIZE", "0")
from osgeo import ogr  # noqa: E402
from shapely import wkb  # noqa: E402
from shapely.geometry import LineString, MultiLineString, Point
from shapely.geometry import box as mkbox  # noqa: E402
from shapely.ops import clip_by_rect, linemerge  # noqa: E402
from shapely.prepared import prep  # noqa: E402
from shapely.strtree import STRtree  # noqa: E402

ogr.UseExceptions()
EPS = 1e-7  # bbox slack (degrees) when pairing candidate neighbours
OFFSET = 2e-6  # degrees left of an edge for the side test (~20 cm)


def iso2_of(iso_json):
    rows = json.load(open(iso_json, encoding="utf-8"))["3166-1"]
    m = {r["alpha_3"]: r["alpha_2"] for r in rows}
    m["XKX"] = "XK"  # Kosovo: the code GeoNames and the bundle use
    return m


def load(path, a3_to_2):
    ds = ogr.Open(path)
    out = {}
    for f in ds.GetLayer(0):
        a3 = f.GetField("A3")
        iso2 = a3_to_2.get(a3)
        if not iso2:
            print(f"skipped {a3}: no ISO 3166-1 alpha-2", file=sys.stderr)
            continue
        g = wkb.loads(bytes(f.GetGeometryRef().ExportToWkb()))
        out[iso2] = list(getattr(g, "geoms", [g]))
    return out


def enclaves(parts):
    """(iso_inner, part_index, iso_outer): a part of one country lying inside
    another country's polygon (the source draws it on top, with no hole)."""
    flat = [(c, k, p) for c, ps in parts.items() for k, p in enumerate(ps)]
    tree = STRtree([p for _, _, p in flat])
    owner = {id(p): (c, k) for c, k, p in flat}
    found, prepared = [], {}
    for inner, k, p in flat:
        rp = p.representative_point()
        b = p.bounds
        for q in tree.query(rp):
            outer, _ = owner[id(q)]
            c = q.bounds
            if outer == inner or not (c[0] <= b[0] and c[1] <= b[1] and c[2] >= b[2] and c[3] >= b[3]):
                continue
            if id(q) not in prepared:
                prepared[id(q)] = prep(q)
            if q.area > p.area and prepared[id(q)].contains(rp):
                found.append((inner, k, outer))
    return sorted(set(found))


def lines_of(g):
    if g.is_empty:
        return []
    if g.geom_type == "LineString":
        return [g]
    if g.geom_type == "LinearRing":  # what a difference that removed nothing returns
        return [LineString(g.coords)]
    if g.geom_type in ("MultiLineString", "GeometryCollection"):
        return [x for h in g.geoms for x in lines_of(h)]
    return []


BOUNDARY = {}  # id(part) -> its boundary, computed once


def boundary(p):
    if id(p) not in BOUNDARY:
        BOUNDARY[id(p)] = p.boundary
    return BOUNDARY[id(p)]


def shared_of(part_pairs):
    """Shared boundary of two countries from their touching parts."""
    out = []
    for p, q in part_pairs:
        b1, b2 = p.bounds, q.bounds
        clip = (max(b1[0], b2[0]) - EPS, max(b1[1], b2[1]) - EPS, min(b1[2], b2[2]) + EPS, min(b1[3], b2[3]) + EPS)
        out += lines_of(clip_by_rect(boundary(p), *clip).intersection(clip_by_rect(boundary(q), *clip)))
    if not out:
        return []
    return lines_of(linemerge(MultiLineString(out)))


class Side:
    """Which of two countries lies just left of a line, enclaves first."""

    def __init__(self, parts, encl):
        self.prep = {c: [prep(p) for p in ps] for c, ps in parts.items()}
        self.encl = {}  # iso -> prepared enclave parts of it
        for inner, k, _ in encl:
            self.encl.setdefault(inner, []).append(prep(parts[inner][k]))

    def country(self, q, a, b):
        for c in (a, b):
            if any(e.contains(q) for e in self.encl.get(c, [])):
                return c
        for c in (a, b):
            if any(p.contains(q) for p in self.prep[c]):
                return c
        return None

    def left_is(self, line, a, b):
        votes = {a: 0, b: 0}
        cs = list(line.coords)
        n = len(cs) - 1
        for k in sorted({0, n // 3, n // 2, (2 * n) // 3, n - 1}):
            (x1, y1), (x2, y2) = cs[k], cs[k + 1]
            dx, dy = x2 - x1, y2 - y1
            d = (dx * dx + dy * dy) ** 0.5
            if d == 0:
                continue
            q = Point((x1 + x2) / 2 - dy / d * OFFSET, (y1 + y2) / 2 + dx / d * OFFSET)
            c = self.country(q, a, b)
            if c:
                votes[c] += 1
        return a if votes[a] >= votes[b] else b


def candidate_pairs(parts):
    """{(a, b): [(part_a, part_b)]}: parts of two countries whose boxes meet."""
    only = set(filter(None, os.environ.get("BORDERS_ONLY", "").split(",")))  # development subsets
    flat = [(c, p) for c, ps in sorted(parts.items()) for p in ps if not only or c in only]
    tree = STRtree([p for _, p in flat])
    owner = {id(p): c for c, p in flat}
    pairs, prepared = {}, {}
    for c, p in flat:
        for q in tree.query(p):
            d = owner[id(q)]
            if c >= d:
                continue
            # Prepared once per part: a huge mainland against many islands
            # whose boxes merely overlap it is then cheap to rule out.
            big, small = (p, q) if len(p.exterior.coords) >= len(q.exterior.coords) else (q, p)
            if id(big) not in prepared:
                prepared[id(big)] = prep(big)
            if prepared[id(big)].intersects(small):
                pairs.setdefault((c, d), []).append((p, q))
    return pairs


def load_cached(src, a3_to_2):
    """Parsing the GeoJSON takes minutes; BORDERS_CACHE keeps the parts
    between development runs (never used by build_borders.sh)."""
    cache = os.environ.get("BORDERS_CACHE")
    if cache and os.path.exists(cache):
        import pickle
        return pickle.load(open(cache, "rb"))
    parts = load(src, a3_to_2)
    if cache:
        import pickle
        pickle.dump(parts, open(cache, "wb"))
    return parts


ENCLAVE_MAX_DEG2 = 0.5  # larger "enclaves" are double claims (Crimea), not enclaves


def bounds_key(g):
    return tuple(round(v, 9) for v in g.bounds)


def drop_duplicates(parts, rows):
    """Drop closed shared rings that are a whole part of both countries: the
    source repeats overseas territories inside their state (PF in FR, SJ in
    NO, AX in FI ...); a coastline drawn twice is no land border."""
    ext = {}
    for c, ps in parts.items():
        for p in ps:
            ext.setdefault((c, bounds_key(p)), []).append(p)
    out = []
    for a, b, line in rows:
        if line.is_ring and (a, bounds_key(line)) in ext and (b, bounds_key(line)) in ext:
            continue
        out.append((a, b, line))
    return out


def enclave_lines(parts, encl, side):
    """The boundary of each enclave inside the country around it (the source
    draws the enclave on top, so the two polygons share no edge there)."""
    out = []
    for inner, k, outer in encl:
        p = parts[inner][k]
        if p.area > ENCLAVE_MAX_DEG2:
            continue
        x0, y0, x1, y1 = p.bounds
        rp = p.representative_point()
        around = [q for q in parts[outer] if q.bounds[0] <= rp.x <= q.bounds[2] and
                  q.bounds[1] <= rp.y <= q.bounds[3] and q.area > p.area and prep(q).contains(rp)]
        if not around:
            continue
        coast = clip_by_rect(boundary(around[0]), x0 - EPS, y0 - EPS, x1 + EPS, y1 + EPS)
        a, b = sorted((inner, outer))
        try:
            ring = lines_of(p.exterior.difference(coast))
        except Exception as e:  # an invalid source ring: reported, not guessed
            print(f"enclave {inner} in {outer}: {e}", file=sys.stderr)
            continue
        for line in ring:
            if line.length > 0:
                if side.left_is(line, a, b) != a:
                    line = LineString(line.coords[::-1])
                out.append((a, b, line))
    return out


def main():
    src, iso_json, out = sys.argv[1:4]
    parts = load_cached(src, iso2_of(iso_json))
    encl = enclaves(parts)
    print(f"enclaves: {len(encl)}", file=sys.stderr)
    side = Side(parts, encl)
    rows = []
    resume = os.environ.get("BORDERS_RESUME")  # development: lines of an earlier run
    pairs = {} if resume else candidate_pairs(parts)
    if resume:
        src_ds = ogr.Open(resume)  # kept alive: its layer dies with it
        for f in src_ds.GetLayer("shared_lines"):
            rows.append((f.GetField("country_a"), f.GetField("country_b"),
                         wkb.loads(bytes(f.GetGeometryRef().ExportToWkb()))))
    for (a, b), pp in sorted(pairs.items()):
        for line in shared_of(pp):
            if side.left_is(line, a, b) != a:
                line = LineString(line.coords[::-1])
            rows.append((a, b, line))
    rows = drop_duplicates(parts, rows) + enclave_lines(parts, encl, side)
    rows.sort(key=lambda r: (r[0], r[1], -r[2].length, r[2].coords[0]))
    drv = ogr.GetDriverByName("GPKG")
    if os.path.exists(out):
        os.remove(out)
    ds = drv.CreateDataSource(out)
    lyr = ds.CreateLayer("shared_lines", geom_type=ogr.wkbLineString)
    for name in ("country_a", "country_b"):
        lyr.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for a, b, line in rows:
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField("country_a", a)
        f.SetField("country_b", b)
        f.SetGeometry(ogr.CreateGeometryFromWkb(line.wkb))
        lyr.CreateFeature(f)
    el = ds.CreateLayer("enclaves", geom_type=ogr.wkbPolygon)
    for name in ("country", "surrounded_by"):
        el.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for inner, k, outer in encl:
        f = ogr.Feature(el.GetLayerDefn())
        f.SetField("country", inner)
        f.SetField("surrounded_by", outer)
        f.SetGeometry(ogr.CreateGeometryFromWkb(parts[inner][k].wkb))
        el.CreateFeature(f)
    ds = None
    print(f"\nshared lines: {len(rows)}", file=sys.stderr)


if __name__ == "__main__":
    main()
