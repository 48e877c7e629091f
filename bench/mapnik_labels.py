#!/usr/bin/python3
"""How many incident labels Mapnik places on the render benchmark's map.

usage: mapnik_labels.py HARNESS_DIR DATA_DIR [SIZE]
  HARNESS_DIR: the shared harness (its peers/mapnik_render.py draws the map)
  DATA_DIR:    its data/ (countries.geojson, segments.geojson, incidents_SIZE.csv)

Renders the same map as peers/mapnik_render.py (the same style XML, view and
size) through Mapnik's label collision detector, twice: with and without
the incident-label style. Every label Mapnik places puts its box in the
detector, so the difference is the number of incident labels placed.
Prints JSON: {"requested": N, "placed": P} (requested: rows with id <= 1000,
the style's filter).
"""
import csv
import importlib.util
import json
import os
import sys

import mapnik


def main():
    harness, data = sys.argv[1], os.path.abspath(sys.argv[2])
    size = sys.argv[3] if len(sys.argv) > 3 else "10k"
    spec = importlib.util.spec_from_file_location("mapnik_render", os.path.join(harness, "peers", "mapnik_render.py"))
    peer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(peer)
    mapnik.register_fonts(peer.FONT_DIR)
    xml = peer.style_xml(data, size)
    tr = mapnik.ProjTransform(mapnik.Projection(peer.SRS_LL), mapnik.Projection(peer.SRS_MAP))
    box = tr.forward(mapnik.Box2d(69.0, 39.0, 74.0, 41.5))  # as mapnik_render.py: 2 % margin
    dx, dy = box.width() * 0.02, box.height() * 0.02
    box = mapnik.Box2d(box.minx - dx, box.miny - dy, box.maxx + dx, box.maxy + dy)

    def boxes(style):
        m = mapnik.Map(peer.W, peer.H)
        mapnik.load_map_from_string(m, style)
        m.zoom_to_box(box)
        detector = mapnik.LabelCollisionDetector(m)
        mapnik.render_with_detector(m, mapnik.Image(peer.W, peer.H), detector)
        return len(list(detector.boxes()))

    placed = boxes(xml) - boxes(xml.replace("<StyleName>incident-labels</StyleName>", ""))
    with open(os.path.join(data, "incidents_%s.csv" % size), newline="") as f:
        requested = sum(1 for r in csv.DictReader(f) if int(r["id"]) <= 1000)
    print(json.dumps({"requested": requested, "placed": placed}))


if __name__ == "__main__":
    main()
