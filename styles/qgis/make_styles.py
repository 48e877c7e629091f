#!/usr/bin/python3
"""Writes the QGIS styles of bordermap's export layers (.qml and .sld).

The .qml files are the styles QGIS applies: as sidecars next to each GeoJSON
layer and, in the GeoPackage, as the default rows of `layer_styles` (with the
.sld beside them in `styleSLD`). They are committed; rerun this after
changing it:  QT_QPA_PLATFORM=offscreen /usr/bin/python3 styles/qgis/make_styles.py
Colours follow styles/report.toml so QGIS shows the map the report draws.
"""
import os
import sys

from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsLineSymbol,
                       QgsMapLayer, QgsMarkerSymbol, QgsPalLayerSettings, QgsProperty,
                       QgsRendererCategory, QgsRuleBasedRenderer, QgsSingleSymbolRenderer, QgsTextBufferSettings,
                       QgsTextFormat, QgsVectorLayer, QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtGui import QColor, QFont

HERE = os.path.dirname(os.path.abspath(__file__))

# event_type -> (legend label, colour). Keep in step with README "Incident CSV".
EVENT_TYPES = [
    ("armed_clash", "Armed clash", "#b2182b"),
    ("shelling", "Shelling", "#e66101"),
    ("drone_strike", "Drone strike", "#5e3c99"),
    ("air_strike", "Air strike", "#762a83"),
    ("attack_on_civilians", "Attack on civilians", "#d01c8b"),
    ("property_destruction", "Property destruction", "#8c510a"),
    ("ceasefire", "Ceasefire", "#1a9641"),
    ("talks", "Talks", "#2c7bb6"),
    ("evacuation", "Evacuation", "#01665e"),
    ("casualty_report", "Casualty report", "#4d4d4d"),
]
# status -> (label, colour, width mm, pen style); colours from styles/report.toml.
STATUSES = [
    ("disputed", "Disputed", "#d7191c", 1.2, "dash"),
    ("undemarcated", "Undemarcated", "#f39c12", 0.8, "solid"),
    ("delimited", "Delimited", "#4d4d4d", 0.6, "solid"),
    ("not recorded", "Status not recorded", "#6a3d9a", 0.5, "dot"),
]
# Marker diameter in mm grows with the square root of the highest reported
# death toll, so one large claim does not hide the rest.
SIZE_EXPR = 'min(2.4 + 0.9 * sqrt(coalesce("killed_high", "killed_low", 0)), 11)'

INCIDENT_FIELDS = ("field=id:string&field=event_type:string&field=place:string"
                   "&field=resolved_name:string&field=killed_low:integer"
                   "&field=killed_high:integer")
SEGMENT_FIELDS = "field=id:string&field=name:string&field=status:string"
LINK_FIELDS = "field=incident_id:string&field=segment_id:string&field=distance_m:double"


def text_format(size, bold=False):
    fmt = QgsTextFormat()
    font = QFont("Noto Sans")
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setColor(QColor("#1a1a1a"))
    buf = QgsTextBufferSettings()
    buf.setEnabled(True)
    buf.setSize(0.8)
    buf.setColor(QColor(255, 255, 255, 217))
    fmt.setBuffer(buf)
    return fmt


def labels(layer, expression, size, placement=None):
    s = QgsPalLayerSettings()
    s.fieldName = expression
    s.isExpression = True
    s.setFormat(text_format(size))
    if placement is not None:
        s.placement = placement
    else:
        s.dist = 1.0
    layer.setLabeling(QgsVectorLayerSimpleLabeling(s))
    layer.setLabelsEnabled(True)


def incidents_layer():
    layer = QgsVectorLayer("Point?crs=EPSG:4326&" + INCIDENT_FIELDS, "incidents", "memory")
    cats = []
    for value, label, colour in EVENT_TYPES + [("", "Other", "#7f7f7f")]:
        sym = QgsMarkerSymbol.createSimple(
            {"name": "circle", "color": colour, "outline_color": "#ffffff",
             "outline_width": "0.3", "size": "3"})
        sym.setDataDefinedSize(QgsProperty.fromExpression(SIZE_EXPR))
        cats.append(QgsRendererCategory(value, sym, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("event_type", cats))
    # resolved_name is empty, not null, when the row gave lon/lat itself.
    labels(layer, "coalesce(nullif(\"resolved_name\", ''), \"place\")", 8)
    return layer


def segments_layer():
    layer = QgsVectorLayer("LineString?crs=EPSG:4326&" + SEGMENT_FIELDS, "border_segments",
                           "memory")
    cats = []
    for value, label, colour, width, pen in STATUSES:
        sym = QgsLineSymbol.createSimple(
            {"line_color": colour, "line_width": str(width), "line_style": pen,
             "capstyle": "round"})
        cats.append(QgsRendererCategory(value, sym, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", cats))
    labels(layer, '"name"', 7, QgsPalLayerSettings.Line)
    return layer


def links_layer():
    layer = QgsVectorLayer("LineString?crs=EPSG:4326&" + LINK_FIELDS, "links", "memory")
    sym = QgsLineSymbol.createSimple(
        {"line_color": "#5a5a5a", "line_width": "0.3", "line_style": "dash"})
    layer.setRenderer(QgsSingleSymbolRenderer(sym))
    return layer


def countries_layer():
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=id:string&field=name:string"
                           "&field=focus:boolean", "countries", "memory")
    # The border's two countries lighter, the rest as plain land (report.toml).
    root = QgsRuleBasedRenderer.Rule(None)
    for label, expression, colour in (("Border countries", '"focus"', "#fffdf7"),
                                      ("Other countries", 'NOT coalesce("focus", false)',
                                       "#f3f1ea")):
        sym = QgsFillSymbol.createSimple(
            {"color": colour, "outline_color": "#8c8c8c", "outline_width": "0.26"})
        root.appendChild(QgsRuleBasedRenderer.Rule(sym, 0, 0, expression, label))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return layer


def main():
    app = QgsApplication([], False)
    app.initQgis()
    cats = QgsMapLayer.Symbology | QgsMapLayer.Labeling | QgsMapLayer.Rendering
    for name, make in (("incidents", incidents_layer), ("border_segments", segments_layer),
                       ("links", links_layer),
                       ("countries", countries_layer)):
        layer = make()
        if not layer.isValid():
            sys.exit(f"cannot build the {name} layer")
        msg, ok = layer.saveNamedStyle(os.path.join(HERE, name + ".qml"), cats)
        if not ok:
            sys.exit(f"{name}.qml: {msg}")
        msg, ok = layer.saveSldStyle(os.path.join(HERE, name + ".sld"))
        if not ok:
            sys.exit(f"{name}.sld: {msg}")
        print("wrote", name + ".qml", name + ".sld")
    app.exitQgis()


if __name__ == "__main__":
    main()
