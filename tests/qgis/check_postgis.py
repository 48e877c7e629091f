#!/usr/bin/python3
"""Exports into a throwaway PostGIS and opens the tables in real QGIS
(headless, the postgres provider): valid layers, typed fields, counts equal
to the GeoPackage export of the same input, and the styles QGIS finds in
layer_styles applied without a sidecar; renders a PNG. Then the same for
the bundled reference tables `data --to PG:` loads (countries, segments).

Usage: check_postgis.py BORDERMAP_BINARY SOURCE_DIR OUT_DIR
Exit 77 (CTest SKIP_RETURN_CODE) only when QGIS's Python bindings or the
PostgreSQL/PostGIS binaries are absent (a failure when CI requires services).
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_exports as ce  # noqa: E402  (skips with 77 without QGIS)
from qgis.core import QgsApplication, QgsDataSourceUri, QgsProject, QgsVectorLayer  # noqa: E402

PG_BIN = "/usr/lib/postgresql/15/bin"
POSTGIS = "/usr/share/postgresql/15/extension/postgis.control"


def skip(why):
    print(f"SKIP: {why}")
    sys.exit(1 if os.environ.get("BORDERMAP_REQUIRE_SERVICES") else 77)


class Cluster:
    """PostgreSQL on a free loopback port in a temporary directory."""

    def __enter__(self):
        self.dir = tempfile.mkdtemp(prefix="bordermap-qgis-pg-")
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.run([f"{PG_BIN}/initdb", "-D", f"{self.dir}/data", "-U", "postgres",
                  "--auth=trust", "--encoding=UTF8", "--no-locale"])
        self.run([f"{PG_BIN}/pg_ctl", "-D", f"{self.dir}/data", "-l", f"{self.dir}/log", "-w",
                  "-o", f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1", "start"])
        subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-qc",
                        "CREATE EXTENSION postgis"], check=True)
        return self

    def run(self, cmd):
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--"] + cmd
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)

    def __exit__(self, *exc):
        subprocess.run((["runuser", "-u", "postgres", "--"] if self.as_postgres else []) +
                       [f"{PG_BIN}/pg_ctl", "-D", f"{self.dir}/data", "-m", "fast", "-w", "stop"],
                       stdout=subprocess.DEVNULL)
        shutil.rmtree(self.dir, ignore_errors=True)


def pg_layer(port, table):
    uri = QgsDataSourceUri()
    uri.setConnection("127.0.0.1", str(port), "postgres", "postgres", "")
    uri.setDataSource("public", table, "geom", "", "fid")
    return ce.load(uri.uri(False), f"pg {table}", "postgres")


def check_tables(binary, source, out):
    """Every layer object lives in here, so it is gone before exitQgis()."""
    data = os.path.join(source, "tests", "data", "incidents_small.csv")
    gpkg = os.path.join(out, "reference.gpkg")
    subprocess.run([binary, "export", data, "--border", "KG-TJ", "-o", gpkg], check=True,
                   stdout=subprocess.DEVNULL)
    with Cluster() as pg:
        conn = f"PG:host=127.0.0.1 port={pg.port} user=postgres dbname=postgres"
        subprocess.run([binary, "export", data, "--border", "KG-TJ", "-o", conn], check=True)
        ref = {n: QgsVectorLayer(f"{gpkg}|layername={n}", n, "ogr")
               for n in ("incidents", "border_segments", "links", "countries")}
        QgsProject.instance().clear()
        inc = pg_layer(pg.port, "incidents")
        seg = pg_layer(pg.port, "border_segments")
        lnk = pg_layer(pg.port, "links")
        land = pg_layer(pg.port, "countries")
        # The styles come from layer_styles alone: QGIS loads a table's default.
        for layer in (inc, seg, lnk, land):
            layer.loadDefaultStyle()
        ce.check_incidents(inc, ref["incidents"].featureCount())
        ce.check_segments(seg, ref["border_segments"].featureCount())
        ce.check_links(lnk, ref["links"].featureCount())
        ce.check_countries(land)
        ce.render([inc, lnk, seg, land], os.path.join(out, "qgis_postgis.png"), seg)
        check_bundle_tables(binary, pg, out)


def count(pg, table):
    return int(subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(pg.port), "-U", "postgres",
                               "-Atc", f"SELECT count(*) FROM {table}"], check=True,
                              capture_output=True, text=True).stdout)


def check_bundle_tables(binary, pg, out):
    """`data --to`'s countries and segments open styled from layer_styles."""
    conn = f"PG:host=127.0.0.1 port={pg.port} user=postgres dbname=postgres"
    subprocess.run([binary, "data", "--to", conn, "--table-prefix", "ref_"], check=True)
    QgsProject.instance().clear()
    seg = pg_layer(pg.port, "ref_border_segments")
    land = pg_layer(pg.port, "ref_countries")
    periods = pg_layer(pg.port, "ref_segment_periods")
    for layer in (seg, land, periods):
        layer.loadDefaultStyle()
    for layer, table in ((seg, "ref_border_segments"), (land, "ref_countries"),
                         (periods, "ref_segment_periods")):
        ce.check(layer.featureCount() == count(pg, table),
                 f"{table}: every row a feature ({layer.featureCount()})")
        ce.check_crs(layer)
    r = seg.renderer()
    ce.check(r.type() == "categorizedSymbol" and r.classAttribute() == "status",
             f"ref_border_segments: categorised by status (got {r.type()})")
    if r.type() == "categorizedSymbol":
        categories = r.categories()  # keep alive: symbol() points into it
        values = {c.value() for c in categories}
        ce.check(ce.STATUSES <= values, "ref_border_segments: a category per status")
        statuses = {f["status"] for f in seg.getFeatures()}
        drawn = statuses <= values or "" in values or None in values
        ce.check(drawn, f"ref_border_segments: every status drawn ({statuses - values})")
    ce.check(land.renderer().type() == "RuleRenderer",
             f"ref_countries: rule-based style (got {land.renderer().type()})")
    ce.render([seg, land], os.path.join(out, "qgis_postgis_bundle.png"), seg)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binary, source, out = sys.argv[1:]
    for needed in (f"{PG_BIN}/initdb", POSTGIS):
        if not os.path.exists(needed):
            skip(f"{needed} is not installed (apt-get install postgresql-15 postgresql-15-postgis-3)")
    os.makedirs(out, exist_ok=True)
    app = QgsApplication([], False)
    app.initQgis()
    check_tables(binary, source, out)
    QgsProject.instance().clear()
    app.exitQgis()
    if ce.failures:
        print(f"{len(ce.failures)} QGIS PostGIS check(s) failed:\n  " + "\n  ".join(ce.failures))
        sys.exit(1)
    print("all QGIS PostGIS checks passed")


if __name__ == "__main__":
    main()
