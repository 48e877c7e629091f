#!/usr/bin/python3
"""Loads bordermap's exports in real QGIS (headless) and checks what an
analyst would see: valid layers, feature counts, typed fields, EPSG:4326
without a CRS prompt, the bundled styles applied; renders a PNG of each.

Usage: check_exports.py BORDERMAP_BINARY SOURCE_DIR OUT_DIR
Exit 77 (CTest SKIP_RETURN_CODE) only when QGIS's Python bindings are absent.
"""
import csv
import json
import os
import subprocess
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
try:
    from qgis.core import (NULL, QgsApplication, QgsCoordinateReferenceSystem, QgsMapRendererSequentialJob,
                           QgsMapSettings, QgsProject, QgsRectangle, QgsSettings, QgsVectorLayer)
    from qgis.PyQt.QtCore import QSize, QVariant
    from qgis.PyQt.QtGui import QColor
except ImportError as e:
    print(f"SKIP: QGIS Python bindings not importable ({e}); apt-get install python3-qgis")
    # CI sets BORDERMAP_REQUIRE_SERVICES: there a missing QGIS is a failure, not a skip.
    sys.exit(1 if os.environ.get("BORDERMAP_REQUIRE_SERVICES") else 77)

EVENT_TYPES = {"armed_clash", "shelling", "drone_strike", "air_strike", "attack_on_civilians",
               "property_destruction", "ceasefire", "talks", "evacuation", "casualty_report"}
STATUSES = {"disputed", "undemarcated", "delimited", "not recorded"}
INTS = (QVariant.Int, QVariant.LongLong)
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def field_type(layer, name):
    i = layer.fields().indexOf(name)
    return layer.fields().at(i).type() if i >= 0 else None


def load(uri, name, provider="ogr"):
    layer = QgsVectorLayer(uri, name, provider)
    check(layer.isValid(), f"{name}: valid layer ({uri})")
    return layer


def check_crs(layer):
    check(layer.crs().authid() == "EPSG:4326",
          f"{layer.name()}: CRS from the file is EPSG:4326 (got '{layer.crs().authid()}')")


def check_incidents(layer, expected, schemaless=False):
    check(layer.featureCount() == expected,
          f"{layer.name()}: {expected} features (got {layer.featureCount()})")
    check_crs(layer)
    for f in ("date_start", "date_end"):
        check(field_type(layer, f) == QVariant.Date, f"{layer.name()}: {f} is a date")
    for f in ("killed_low", "killed_high", "injured_low", "n_claims", "geo_precision"):
        # GeoJSON has no schema: a field null in every feature cannot carry a
        # type: readers drop it or call it text. GeoPackage and CSV types are declared.
        if schemaless and (layer.fields().indexOf(f) < 0 or all(
                feat[f] is None or feat[f] == NULL for feat in layer.getFeatures())):
            print(f"note {layer.name()}: {f} is null everywhere; GeoJSON cannot type it")
            continue
        check(field_type(layer, f) in INTS, f"{layer.name()}: {f} is an integer")
    check(field_type(layer, "distance_m") == QVariant.Double, f"{layer.name()}: distance_m is real")
    r = layer.renderer()
    check(r.type() == "categorizedSymbol" and r.classAttribute() == "event_type",
          f"{layer.name()}: categorised by event_type (got {r.type()})")
    if r.type() == "categorizedSymbol":
        categories = r.categories()  # keep alive: symbol() points into it
        values = {c.value() for c in categories}
        check(EVENT_TYPES <= values, f"{layer.name()}: a category per event type")
        sym = categories[0].symbol()
        check(sym.dataDefinedSize().isActive() and "killed" in sym.dataDefinedSize().expressionString(),
              f"{layer.name()}: marker size data-defined by fatalities")
    check(layer.labelsEnabled(), f"{layer.name()}: labels on")


def check_segments(layer, expected):
    check(layer.featureCount() == expected,
          f"{layer.name()}: {expected} features (got {layer.featureCount()})")
    check_crs(layer)
    check(field_type(layer, "as_of") == QVariant.Date, f"{layer.name()}: as_of is a date")
    r = layer.renderer()
    check(r.type() == "categorizedSymbol" and r.classAttribute() == "status",
          f"{layer.name()}: categorised by status")
    if r.type() == "categorizedSymbol":
        categories = r.categories()  # keep alive: symbol() points into it
        colours = {c.value(): c.symbol().color().name() for c in categories}
        cats = set(colours)
        check(STATUSES <= cats, f"{layer.name()}: a category per status")
        check(colours.get("disputed") not in {colours[v] for v in colours if v != "disputed"},
              f"{layer.name()}: disputed has its own colour ({colours.get('disputed')})")
        statuses = {f["status"] for f in layer.getFeatures()}
        check(statuses <= cats, f"{layer.name()}: every status drawn ({statuses})")
    check(layer.labelsEnabled(), f"{layer.name()}: labels on")


def check_links(layer, minimum):
    check(layer.featureCount() >= minimum,
          f"{layer.name()}: at least {minimum} features (got {layer.featureCount()})")
    check_crs(layer)
    check(field_type(layer, "distance_m") == QVariant.Double, f"{layer.name()}: distance_m is real")
    check(layer.renderer().type() == "singleSymbol", f"{layer.name()}: styled")


def check_countries(layer):
    check(layer.featureCount() >= 2, f"{layer.name()}: the border's countries at least")
    check_crs(layer)
    r = layer.renderer()
    check(r.type() == "RuleRenderer", f"{layer.name()}: rule-based style (got {r.type()})")
    focus = [f for f in layer.getFeatures() if f["focus"]]
    check(len(focus) == 2, f"{layer.name()}: two focus countries (got {len(focus)})")


def render(layers, path, frame):
    settings = QgsMapSettings()
    settings.setLayers(layers)  # first on top
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    extent = QgsRectangle(frame.extent())  # the border, like the report map
    for layer in layers[:2]:
        extent.combineExtentWith(layer.extent())
    extent.scale(1.3)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(1200, 900))
    settings.setBackgroundColor(QColor("#dbe7f0"))  # report.toml background
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(path, "png")
    check(os.path.getsize(path) > 10000, f"rendered {path}")


def check_ogrinfo(path):
    r = subprocess.run(["ogrinfo", "-ro", "-al", "-so", path], capture_output=True, text=True)
    check(r.returncode == 0 and not r.stderr.strip(),
          f"ogrinfo reads {os.path.basename(path)} without warnings {r.stderr.strip()[:200]}")


def decimals(x):
    s = repr(float(x))
    return len(s.split(".")[1]) if "." in s and "e" not in s else 0


def ring_area(ring):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:])) / 2


def check_rfc7946(path, precision=6):
    """RFC 7946: no crs member, lon/lat order and range, exterior rings
    counter-clockwise and holes clockwise, at most `precision` decimals."""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    name = os.path.basename(path)
    check(doc.get("type") == "FeatureCollection" and "crs" not in doc,
          f"{name}: FeatureCollection without a crs member")
    bad = []

    def positions(coords):
        if coords and isinstance(coords[0], (int, float)):
            yield coords
        else:
            for c in coords:
                yield from positions(c)

    ids = [feat.get("id") for feat in doc["features"]]
    check(all(isinstance(i, str) and i for i in ids) and len(set(ids)) == len(ids),
          f"{name}: every feature has a unique id")
    for feat in doc["features"]:
        g = feat.get("geometry")
        if not g:
            continue
        for p in positions(g["coordinates"]):
            if not (-180 <= p[0] <= 180 and -90 <= p[1] <= 90) or len(p) != 2:
                bad.append(f"{feat.get('id')}: position {p} not lon,lat")
            if decimals(p[0]) > precision or decimals(p[1]) > precision:
                bad.append(f"{feat.get('id')}: {p} has more than {precision} decimals")
        polys = {"Polygon": [g["coordinates"]],
                 "MultiPolygon": g["coordinates"]}.get(g["type"], [])
        for poly in polys:
            for k, ring in enumerate(poly):
                if (ring_area(ring) > 0) != (k == 0):
                    bad.append(f"{feat.get('id')}: ring {k} winds the wrong way")
    check(not bad, f"{name}: RFC 7946 positions {bad[:3]}")


def located_rows(csv_path):
    with open(csv_path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return rows, sum(1 for r in rows if r["lon"] and r["lat"])


def check_report(binary, out, args):
    print(f"== bordermap report {' '.join(args)} -o {out}")
    subprocess.run([binary, "report", *args, "-o", out], check=True)
    rows, located = located_rows(os.path.join(out, "incidents.csv"))
    project = QgsProject.instance()
    project.clear()
    geojsons = ("incidents.geojson", "incidents_border_segments.geojson",
                "incidents_links.geojson", "incidents_countries.geojson")
    for f in geojsons:
        check_rfc7946(os.path.join(out, f))
    for f in geojsons + ("bordermap.gpkg", "incidents.csv"):
        check_ogrinfo(os.path.join(out, f))

    # GeoJSON, styled by the .qml sidecars.
    inc = load(os.path.join(out, "incidents.geojson"), "incidents")
    seg = load(os.path.join(out, "incidents_border_segments.geojson"), "border_segments")
    lnk = load(os.path.join(out, "incidents_links.geojson"), "links")
    check_incidents(inc, located, schemaless=True)
    seg_count = seg.featureCount()
    check(seg_count > 0, "border_segments: not empty")
    check_segments(seg, seg_count)
    check_links(lnk, located)
    land = load(os.path.join(out, "incidents_countries.geojson"), "countries")
    check_countries(land)
    project.addMapLayers([land, seg, lnk, inc])
    render([inc, lnk, seg, land], os.path.join(out, "qgis_geojson.png"), seg)
    project.write(os.path.join(out, "qgis_geojson.qgz"))

    # GeoPackage: styles from its layer_styles table (there is no sidecar).
    gpkg = os.path.join(out, "bordermap.gpkg")
    check(not os.path.exists(os.path.join(out, "bordermap.qml")), "gpkg: no sidecar to fall back on")
    ginc = load(gpkg + "|layername=incidents", "gpkg incidents")
    gseg = load(gpkg + "|layername=border_segments", "gpkg border_segments")
    glnk = load(gpkg + "|layername=links", "gpkg links")
    check_incidents(ginc, located)
    check_segments(gseg, seg_count)
    check_links(glnk, lnk.featureCount())
    gland = load(gpkg + "|layername=countries", "gpkg countries")
    check_countries(gland)
    check(gland.featureCount() == land.featureCount(), "gpkg countries: as many as in GeoJSON")
    render([ginc, glnk, gseg, gland], os.path.join(out, "qgis_gpkg.png"), gseg)

    # CSV through QGIS's delimited-text provider, points from lon/lat.
    uri = ("file://" + os.path.join(out, "incidents.csv") +
           "?delimiter=,&xField=lon&yField=lat&crs=EPSG:4326&detectTypes=yes&geomType=point")
    cinc = load(uri, "csv incidents", "delimitedtext")
    check(cinc.featureCount() == len(rows),
          f"csv incidents: {len(rows)} rows (got {cinc.featureCount()})")
    check_crs(cinc)
    check(field_type(cinc, "killed_high") in INTS, "csv incidents: killed_high is an integer")
    check(field_type(cinc, "lon") == QVariant.Double, "csv incidents: lon is real")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binary, source, out = sys.argv[1:]
    app = QgsApplication([], False)
    app.initQgis()
    # A layer without a CRS of its own must not be silently given one.
    QgsSettings().setValue("/Projections/unknownCrsBehavior", "NoAction")
    QgsSettings().setValue("/app/projections/unknownCrsBehavior", "NoAction")
    default_csv = os.path.join(source, "geodata", "incidents", "kgtj_2022-09.csv")
    if os.path.exists(default_csv):
        check_report(binary, os.path.join(out, "default"), [])
    else:
        print(f"note: {default_csv} not present yet; only the test fixture is checked")
    check_report(binary, os.path.join(out, "small"),
                 [os.path.join(source, "tests", "data", "incidents_small.csv"), "--border", "KG-TJ"])
    app.exitQgis()
    if failures:
        print(f"{len(failures)} QGIS check(s) failed:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print("all QGIS checks passed")


if __name__ == "__main__":
    main()
