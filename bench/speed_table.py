#!/usr/bin/python3
"""Issue 21's speed table from the raw logs of bench/speed_table.sh.

usage: speed_table.py RAW_DIR PEERS_MD > table.md

RAW_DIR holds header.txt, export.txt, render.txt (+ render_labels.json),
text.txt, link.txt (+ postgis.txt), world.txt, html.txt as the sections
wrote them (the pair timer's lines, text_speed.sh's and run_html_bench.sh's
output). PEERS_MD is the shared harness's peers.md: the PostGIS reference
time when no fresh PostGIS run was asked for. Every row of the table is
printed; a section that did not run says so in its row.
"""
import json
import os
import re
import statistics
import sys

RAW, PEERS_MD = sys.argv[1], sys.argv[2]
MEDIAN = re.compile(r"^(\S+) (A|B) median wall=([\d.]+) \(min [\d.]+ max [\d.]+\) cpu=([\d.]+) "
                    r"rss_mb=([\d.]+) rcs=\[([^\]]*)\]")
RATIO = re.compile(r"^(\S+) ratio B/A wall median=([\d.]+) \(min ([\d.]+) max ([\d.]+)\) cpu median=([\d.]+)")
LOAD = re.compile(r"^(\S+) load before (.*) after (.*)$")


def read(name):
    path = os.path.join(RAW, name)
    return open(path, encoding="utf-8").read() if os.path.exists(path) else None


def pairs(name):
    """The pair timer's results in RAW/name: {tag: {"A": ..., "B": ..., "ratio": ..., "load": ...}}."""
    out = {}
    for line in (read(name) or "").splitlines():
        if m := MEDIAN.match(line):
            out.setdefault(m[1], {})[m[2]] = dict(wall=float(m[3]), cpu=float(m[4]), rss=float(m[5]),
                                                 rcs=m[6])
        elif m := RATIO.match(line):
            out.setdefault(m[1], {})["ratio"] = tuple(float(x) for x in m.groups()[1:])
        elif m := LOAD.match(line):
            out.setdefault(m[1], {})["load"] = f"{m[2].split()[0]} → {m[3].split()[0]}"
    return out


def missing_peer(name):
    return re.search(r"^PEER_MISSING (\S+)", read(name) or "", re.M)


def secs(s):
    return f"{s:.3f} s" if s < 10 else f"{s:.1f} s"


def mb(x):
    return f"{x:,.0f} MB"


def verdict(ok):
    return "met" if ok else "**not met**"


ROWS = []


def row(stage, ours="not run", peer="—", ratio="—", rss="—", goal="", status="", load=""):
    ROWS.append((stage, ours, peer, ratio, rss, goal, status, load))


def failed(side):
    return side["rcs"] not in ("0", "")


def timed_row(stage, tag, res, peer_name, goal, judge, applies=True, peer_missing=None):
    """One pair-timer row: A = ours, B = the peer; judge(ours, peer ÷ ours or None) -> met?"""
    r = res.get(tag)
    if not r or "A" not in r:
        return row(stage, goal=goal, status="not run")
    a, b, load = r["A"], r.get("B"), r.get("load", "")
    if failed(a):
        return row(stage, f"failed (exit {a['rcs']})", goal=goal, status="failed", load=load)
    ours = f"{secs(a['wall'])} wall, {secs(a['cpu'])} CPU"
    peer, ratio, rss, speedup = "—", "—", mb(a["rss"]), None
    if peer_missing:
        peer = f"{peer_name}: peer not installed"
    elif b:
        peer = f"{peer_name} {secs(b['wall'])} wall, {secs(b['cpu'])} CPU"
        peer += f" (exit {b['rcs']})" if failed(b) else ""
        speedup, lo, hi, cpu = r["ratio"]  # the timer's B/A: the peer's time over ours, pair by pair
        ratio = f"{speedup:.2f}× ({lo:.2f}–{hi:.2f}); CPU {cpu:.2f}×"
        rss = f"{mb(a['rss'])} / {mb(b['rss'])}"
    if not applies:
        status = "n/a at this size"
    elif peer_missing:
        status = "peer not installed"
    else:
        status = verdict(judge(a, speedup))
    row(stage, ours, peer, ratio, rss, goal, status, load)


def header():
    h = dict(line.split(" ", 1) for line in (read("header.txt") or "").splitlines() if " " in line)
    print(f"**Speed table (issue 21)** — commit {h.get('commit', '?')}, {h.get('date', '?')}\n")
    print(f"- machine: {h.get('machine', '?')}")
    print(f"- load average (1/5/15 min): before {h.get('load_before', '?')}, after {h.get('load_after', '?')}")
    print(f"- reproduce: `{h.get('knobs', '?')} bench/speed_table.sh`")
    print()
    return h


def size_of(knobs):
    m = re.search(r"SIZE=(\S+)", knobs)
    return m[1] if m else "?"


def export_rows(size):
    res, gone = pairs("export.txt"), missing_peer("export.txt")
    ok = lambda a, s: s is not None and s >= 2 and a["rss"] <= 300  # noqa: E731
    for fmt, name, peer in (("geojson", "RFC 7946 GeoJSON", "ogr2ogr -lco RFC7946=YES"), ("gpkg", "GPKG", "ogr2ogr")):
        timed_row(f"export {size} → {name} (`--layers incidents`)", f"export_{fmt}_incidents", res, peer,
                  "≥ 2× (≤ 0.5× ogr2ogr), RSS ≤ 300 MB", ok, size == "1m", gone)


def render_rows():
    res, gone = pairs("render.txt"), missing_peer("render.txt")
    for fmt in ("png", "svg", "pdf"):
        timed_row(f"render 2000×1500, 10k incidents, 1k labels, {fmt.upper()} (like for like)", f"render_{fmt}",
                  res, "Mapnik (whole process)", "≥ 4×", lambda a, s: s is not None and s >= 4, True, gone)
    text = read("render_labels.json")
    if not text:
        return row("render labels (`--json`, like for like)", goal="≥ 99 % placed, 0 overlaps", status="not run")
    lab = json.loads(text)["labels"]
    share = 100.0 * lab["placed"] / max(lab["requested"], 1)
    peer, theirs = "—", read("render_labels_mapnik.json")
    if theirs:
        m = json.loads(theirs)
        peer = (f"Mapnik {m['placed']} of {m['requested']} placed "
                f"({100.0 * m['placed'] / max(m['requested'], 1):.1f} %; its labels may cover markers)")
    row("render labels (`--json`, like for like)", f"{lab['placed']} of {lab['requested']} placed ({share:.1f} %), "
        f"{lab['overlapping']} overlapping", peer=peer, goal="≥ 99 % placed, 0 overlaps",
        status=verdict(share >= 99 and lab["overlapping"] == 0))


def text_rows():
    t = read("text.txt")
    specs = [
        ("gazetteer exact lookups per core", r"gazetteer exact lookups \| ([\d.]+) M/s", "≥ 2 M/s",
         lambda m: (f"{m[1]} M/s", float(m[1]) >= 2)),
        ("gazetteer fuzzy lookups per core", r"gazetteer fuzzy lookups \| ([\d.]+) k/s", "≥ 100 k/s",
         lambda m: (f"{m[1]} k/s", float(m[1]) >= 100)),
        ("cold `resolve Batken` (best of 5)", r"resolve Batken`, best of 5 \| (\d+) ms CPU", "≤ 100 ms CPU",
         lambda m: (f"{m[1]} ms CPU", int(m[1]) <= 100)),
    ]
    for stage, rx, goal, fmt in specs:
        m = re.search(rx, t or "")
        if m:
            value, ok = fmt(m)
            row(stage, value, goal=goal, status=verdict(ok))
        else:
            why = "not run" if t is None else "gazetteer_bench not built (BUILD_BENCH=1 builds it; see bench_build.log)"
            row(stage, why if "gazetteer" in stage else "not run", goal=goal, status="not run")
    many = re.search(r"extract, (\d+) articles \(([\d.]+) MB\) \| ([\d.]+) MB/s \(([\d.]+) s CPU less start-up "
                     r"([\d.]+) s\), RSS (\d+) MB", t or "")
    if many:
        row(f"extract, {many[1]} articles ({many[2]} MB)", f"{many[3]} MB/s (CPU less start-up)",
            rss=mb(int(many[6])), goal="≥ 20 MB/s", status=verdict(float(many[3]) >= 20))
    else:
        row("extract, many articles", goal="≥ 20 MB/s", status="not run")
    one = re.search(r"extract, one (\d+) MB article \| ([\d.]+) MB/s \(([\d.]+) s CPU\), RSS (\d+) MB \| "
                    r"RSS <= (\d+) MB", t or "")
    if one:
        ok = float(one[2]) >= 20 and int(one[4]) <= int(one[5])
        row(f"extract, one {one[1]} MB text", f"{one[2]} MB/s ({one[3]} s CPU)", rss=mb(int(one[4])),
            goal=f"≥ 20 MB/s, RSS ≤ {one[5]} MB (2× text + 200)", status=verdict(ok))
    elif stop := re.search(r"^TIMEOUT (.*)$", t or "", re.M):
        row("extract, one long text", f"did not finish: {stop[1]}", goal="≥ 20 MB/s, RSS ≤ 2× text + 200 MB",
            status="**not met**")
    else:
        row("extract, one long text", goal="≥ 20 MB/s, RSS ≤ 2× text + 200 MB", status="not run")


def postgis_reference(size):
    """(load s, exact geodesic query s, where from) at size, fresh (postgis.txt) or from peers.md."""
    fresh = read("postgis.txt")
    if fresh is not None:
        if missing_peer("postgis.txt"):
            return None
        runs = {}
        for line in fresh.splitlines():
            if m := re.match(r"^(postgis_load|postgis_knn_geog) \d+ ([\d.]+)$", line):
                runs.setdefault(m[1], []).append(float(m[2]))
        if len(runs) == 2:
            return (statistics.median(runs["postgis_load"]), statistics.median(runs["postgis_knn_geog"]),
                    "fresh run")
        return None
    ref = {}
    for line in open(PEERS_MD, encoding="utf-8"):
        if m := re.match(r"^\| link: (load|query \(exact geodesic\)) \| PostGIS[^|]*\| (\S+) \| [\d.]+ \| ([\d.]+) \|",
                         line):
            ref[(m[1], m[2].lower())] = float(m[3])
    load, query = ref.get(("load", size)), ref.get(("query (exact geodesic)", size))
    return (load, query, "peers.md") if load and query else None


def link_rows(size):
    r = pairs("link.txt").get(f"link_{size}")
    goal = "≤ 0.8 s quiet (≤ 1.2 s one core busy)"
    if not r or "A" not in r:
        return row(f"link {size} KG–TJ", goal=goal, status="not run")
    a, pg = r["A"], postgis_reference(size)
    if failed(a):
        return row(f"link {size} KG–TJ", f"failed (exit {a['rcs']})", goal=goal, status="failed")
    peer, ratio = "PostGIS: peer not installed or no reference", "—"
    if pg:
        peer = f"PostGIS {secs(pg[0] + pg[1])} (load {secs(pg[0])} + query {secs(pg[1])}, in-process, {pg[2]})"
        ratio = f"{(pg[0] + pg[1]) / a['wall']:.1f}×"
    status = verdict(a["wall"] <= 0.8) if size == "1m" else "n/a at this size"
    row(f"link {size} KG–TJ (`--segments`)", f"{secs(a['wall'])} wall, {secs(a['cpu'])} CPU", peer, ratio,
        mb(a["rss"]), goal, status, r.get("load", ""))


def world_rows():
    res = pairs("world.txt")
    goals = {1000000: ("≤ 1.5 s, RSS ≤ 2 GB", 1.5), 10000000: ("≤ 15 s, RSS ≤ 2 GB", 15.0)}
    tags = sorted((int(t.split("_")[1]) for t in res), key=int) or [1000000, 10000000]
    for n in tags:
        goal, limit = goals.get(n, ("(goals at 1M and 10M)", None))
        ok = lambda a, s, limit=limit: a["wall"] <= limit and a["rss"] <= 2048  # noqa: E731
        timed_row(f"link world {n:,} (issue 15, no `--border`)", f"world_{n}", res, "", goal, ok, limit is not None)


def html_rows():
    t = read("html.txt")
    if t is None:
        return row("`report --by day` added time (issue 20)", goal="≤ 2 s", status="not run")
    runs = {}
    for m in re.finditer(r"^(plain|by_day) wall ([\d.]+) s cpu ([\d.]+)\+([\d.]+) s maxrss (\d+) kB", t, re.M):
        runs.setdefault(m[1], []).append((float(m[2]), float(m[3]) + float(m[4]), int(m[5]) / 1024))
    n = re.search(r"HTML_N=(\d+) DAYS=(\d+)", (read("header.txt") or ""))
    applies = n and n[1] == "10000" and n[2] == "30"
    if "plain" in runs and "by_day" in runs:
        med = {k: [statistics.median(x[i] for x in v) for i in range(3)] for k, v in runs.items()}
        added = med["by_day"][0] - med["plain"][0]
        row(f"`report --by day` added time, {n[1] if n else '?'} incidents over {n[2] if n else '?'} days",
            f"{added:+.3f} s wall ({med['by_day'][1] - med['plain'][1]:+.3f} s CPU); plain {secs(med['plain'][0])}",
            rss=mb(med["by_day"][2]), goal="≤ 2 s added (10k, 30 days)",
            status=verdict(added <= 2) if applies else "n/a at this size")
    else:
        row("`report --by day` added time (issue 20)", "failed (see html.txt)", goal="≤ 2 s", status="failed")
    size = re.search(r"report.html bytes (\d+)", t)
    paint = re.search(r"first_contentful_paint_ms (\d+)", t)
    if size:
        why = "Chromium not installed" if missing_peer("html.txt") else "html_first_paint.py failed (html.txt)"
        paint_s = f", first paint {paint[1]} ms" if paint else f", first paint: {why}"
        ok = int(size[1]) <= 5e6 and paint is not None and int(paint[1]) <= 1000
        row("report.html (issue 20)", f"{int(size[1]) / 1e6:.2f} MB{paint_s}",
            goal="≤ 5 MB, first paint ≤ 1 s (10k)",
            status=verdict(ok) if applies else "n/a at this size")


def main():
    h = header()
    size = size_of(h.get("knobs", ""))
    export_rows(size)
    render_rows()
    text_rows()
    link_rows(size)
    world_rows()
    html_rows()
    print("| stage | ours | peer | peer ÷ ours: wall (range); CPU | peak RSS ours / peer | goal | status | load |")
    print("|---|---|---|---|---|---|---|---|")
    for r in ROWS:
        print("| " + " | ".join(r) + " |")
    failed_sections = read("failed.txt")
    if failed_sections:
        print("\nSections that failed: " + ", ".join(line.split()[1] for line in failed_sections.splitlines()))


if __name__ == "__main__":
    main()
