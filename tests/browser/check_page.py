#!/usr/bin/python3
"""Opens bordermap's report.html in real headless Chromium (networking off)
and uses it as a reader would: counts the incident marks, clicks one and
reads its claims, chooses a day on the timeline and checks the table, checks
the phone layout, takes a screenshot; then checks that an incident note
holding <script> stays text.

Usage: check_page.py BORDERMAP_BINARY SOURCE_DIR OUT_DIR
Exit 77 (CTest SKIP_RETURN_CODE) only when Chromium or python3-websocket is
absent, and never under BORDERMAP_REQUIRE_SERVICES (CI installs both).
"""
import csv
import json
import os
import struct
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
try:
    import cdp
except ImportError as e:
    cdp = None
    missing = f"python3-websocket not importable ({e})"
if cdp and not cdp.chromium_path():
    missing = "no chromium on PATH"
    cdp = None
if cdp is None:
    print(f"SKIP: {missing}; apt-get install chromium python3-websocket")
    sys.exit(1 if os.environ.get("BORDERMAP_REQUIRE_SERVICES") else 77)

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def report(binary, out, *args):
    subprocess.run([binary, "report", "-q", "-o", out, *args], check=True,
                   stdout=subprocess.DEVNULL)
    return "file://" + os.path.abspath(os.path.join(out, "report.html"))


def exported(out):
    """The incidents as the bundle's CSV has them (an independent reading)."""
    with open(os.path.join(out, "incidents.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open(os.path.join(out, "rejected.csv"), encoding="utf-8") as f:
        rejected = {r["record"] for r in csv.DictReader(f)}
    for r in rows:
        r["claims"] = json.loads(r["claims"]) if r["claims"] else []
        # Drawn without a point of its own: a whole border's line.
        r["on_line"] = not r["lon"] and r["id"] not in rejected
    return rows


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    check(head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is a PNG")
    return struct.unpack(">II", head[16:24])


def centre(b, selector):
    r = b.js(f"(function(){{var e=document.querySelector({json.dumps(selector)});"
             "e.scrollIntoView({block:'center'});var r=e.getBoundingClientRect();"
             "return [r.x+r.width/2, r.y+r.height/2];})()")
    return r[0], r[1]


# Non-violent events (talks, a ceasefire signed in a distant city) more than
# 50 km from the border: docs/render-drawing.md, the renderer lists them
# "(outside this map)" and marks them on the locator, not in the frame.
QUIET_EVENTS = {"ceasefire", "talks", "evacuation"}


def far_venues(rows):
    return {r["id"] for r in rows if r["lon"] and r.get("distance_m")
            and float(r["distance_m"]) > 50000 and r["event_type"] in QUIET_EVENTS}


def check_marks_and_click(b, rows, need_claims):
    far = far_venues(rows)
    located = [r for r in rows if r["lon"] and r["id"] not in far]
    drawn = len(located) + sum(r["on_line"] for r in rows)
    n = b.js("document.querySelectorAll('#bm-marks .bm-mark').length")
    check(n == drawn, f"{drawn} incident marks on the map (points, areas, lines), far venues "
          f"{sorted(far)} in the locator (got {n})")
    spread = sum(r["on_line"] or r["geo_precision"] == "3" for r in rows)
    n = b.js("document.querySelectorAll('#bm-marks .bm-spread').length")
    check(n == spread, f"{spread} area and line incidents have their outline as a mark (got {n})")
    located = [r for r in located if r["geo_precision"] != "3"]  # circles only, below
    # Incidents with claims first; the first whose mark is on top at its centre.
    for r in sorted(located, key=lambda r: not r["claims"]):
        if need_claims and not r["claims"]:
            continue
        x, y = centre(b, f'.bm-mark[data-id="{r["id"]}"]')
        top = b.js(f"(function(){{var e=document.elementFromPoint({x},{y});"
                   "return e&&e.getAttribute('data-id');})()")
        if top != r["id"]:
            continue
        b.click(x, y)
        text = b.js("document.getElementById('bm-detail').textContent")
        check(r["date_start"] in text and r["event_type"] in text,
              f"click on {r['id']} shows its date and type")
        for c in r["claims"]:
            check(f"{c['low']} {c['kind']}" in text and c["claimant"] in text,
                  f"click on {r['id']} shows its {c['kind']} claim by '{c['claimant']}'")
            if c.get("quote"):
                check(c["quote"] in text, f"click on {r['id']} shows the evidence quote")
        if not r["claims"]:
            check("No figures reported" in text and r["notes"][:40] in text,
                  f"click on {r['id']} says it has no figures and shows its notes")
        dim = b.js("Array.from(document.querySelectorAll('.bm-day.bm-dim'))"
                   ".map(function(e){return e.dataset.day})")
        days = {q["date_start"] for q in rows}
        check(r["date_start"] not in dim and len(dim) >= len(days) - 1,
              f"the map's selection dims the other days of the timeline ({dim})")
        shown = b.js("Array.from(document.querySelectorAll('#bm-claims tbody tr[data-id]'))"
                     ".map(function(e){return e.dataset.id})")
        check(shown and set(shown) == {r["id"]},
              f"the map's selection filters the table to {r['id']} (got {set(shown or [])})")
        b.key("Escape")
        rows_after = b.js("document.querySelectorAll('#bm-claims tbody tr[data-id]').length")
        check(rows_after > 1, f"Escape lifts the selection ({rows_after} rows)")
        return
    check(False, "some incident has a clickable mark on top")


def check_spread_click(b, rows):
    """An area's outline or a border line opens its incidents, one per click."""
    # A point of the line mark that is on top (not under a circle or off the frame).
    xy = b.js("""(function(){
      var p=document.querySelector('.bm-spread:not(.bm-area)');
      if(!p) return null;
      p.scrollIntoView({block:'center'});
      var n=p.getTotalLength(), m=p.getScreenCTM();
      for(var k=1;k<200;k++){
        var q=p.getPointAtLength(n*k/200), x=m.a*q.x+m.c*q.y+m.e, y=m.b*q.x+m.d*q.y+m.f;
        var e=document.elementFromPoint(x,y);
        if(e&&e.classList.contains('bm-spread')&&!e.classList.contains('bm-area')) return [x,y];
      }
      return null;})()""")
    group = b.js("(document.querySelector('.bm-spread:not(.bm-area)')||{dataset:{}}).dataset.group")
    check(xy is not None and group, "a border line incident has a clickable line on top")
    if not xy or not group:
        return
    ids = group.split("\n")
    by_id = {r["id"]: r for r in rows}
    for want in ids:
        b.click(*xy)
        text = b.js("document.getElementById('bm-detail').textContent")
        r = by_id[want]
        check(r["date_start"] in text and r["event_type"] in text and
              all(c["claimant"] in text for c in r["claims"]),
              f"a click on the line shows {want} with its date, type and claims")
    b.key("Escape")


def check_timeline(b, rows, day):
    counts = b.js("Array.from(document.querySelectorAll('.bm-day:not([disabled])'))"
                  ".map(function(e){return e.dataset.day})")
    for d in ("2022-09-14", "2022-09-16", "2022-09-17"):
        check(d in counts, f"timeline has a day {d} with incidents ({counts})")
    total = b.js("document.querySelectorAll('#bm-claims tbody tr[data-id]').length")
    x, y = centre(b, f'.bm-day[data-day="{day}"]')
    b.click(x, y)
    dates = b.js("Array.from(document.querySelectorAll('#bm-claims tbody tr[data-id]'))"
                 ".map(function(e){return e.children[1].textContent})")
    check(0 < len(dates) < total, f"choosing {day} leaves {len(dates)} of {total} table rows")
    check(all(t.startswith(day) for t in dates), f"every row left began on {day}")
    far = far_venues(rows)
    expect = {r["id"] for r in rows if r["lon"] and r["date_start"] == day and r["id"] not in far}
    on = b.js("Array.from(document.querySelectorAll('.bm-mark:not(.bm-off)'))"
              ".map(function(e){return e.getAttribute('data-id')})")
    check(set(on) == expect, f"the map keeps the marks of {day} ({sorted(on)})")
    b.click(x, y)  # again: the filter is lifted
    back = b.js("document.querySelectorAll('#bm-claims tbody tr[data-id]').length")
    check(back == total, f"choosing the day again shows every row ({back} of {total})")


def check_keyboard(b):
    """A mark is reached with Tab focus and chosen with Enter, like a button."""
    first = b.js("(function(){var m=document.querySelector('.bm-mark');m.focus();"
                 "return document.activeElement===m?m.getAttribute('data-id'):null;})()")
    check(first is not None, "an incident mark takes keyboard focus")
    b.key("Enter")
    title = b.js("(document.querySelector('#bm-detail h3')||{}).textContent||''")
    n = b.js(f"document.querySelector('.bm-mark[data-id=\"{first}\"]').getAttribute('aria-label')")
    check(bool(title) and n.startswith(title.split(" · ")[0] + ":"),
          f"Enter on the focused mark shows its incident ({title!r} for {n!r})")
    b.key("Escape")


def check_sort_and_filter(b):
    rows = "Array.from(document.querySelectorAll('#bm-claims tbody tr[data-id]'))"
    date_col = rows + ".map(function(e){return e.children[1].textContent})"
    header = "document.querySelector('#bm-claims th[data-key=\"date\"] button').click()"
    b.js(header)
    up = b.js(date_col)
    check(up == sorted(up) and len(set(up)) > 1, "the Date header sorts the table ascending")
    b.js(header)
    down = b.js(date_col)
    check(down == sorted(up, reverse=True), "a second click sorts it descending")
    b.js("(function(){var f=document.getElementById('bm-filter');f.value='Batken';"
         "f.dispatchEvent(new Event('input'));})()")
    texts = b.js(rows + ".map(function(e){return e.textContent.toLowerCase()})")
    check(texts and len(texts) < len(up), f"filtering by 'Batken' leaves {len(texts)} of {len(up)} rows")
    b.js("(function(){var f=document.getElementById('bm-filter');f.value='';"
         "f.dispatchEvent(new Event('input'));})()")


def check_screens(b, out):
    shot = os.path.join(out, "report-screenshot.png")
    # As a reader leaves it: one incident chosen, its claims in the side panel.
    b.js("document.querySelector('.bm-mark').dispatchEvent(new MouseEvent('click'));"
         "window.scrollTo(0,0)")
    data = b.send("Page.captureScreenshot", {"format": "png"})["data"]
    import base64
    with open(shot, "wb") as f:
        f.write(base64.b64decode(data))
    w, h = png_size(shot)
    check((w, h) == (1280, 900), f"screenshot is 1280x900 (got {w}x{h}): {shot}")
    check(os.path.getsize(shot) > 40000, f"screenshot has content ({os.path.getsize(shot)} bytes)")
    map_box = b.js("(function(){var r=document.getElementById('bm-svg').getBoundingClientRect();"
                   "return [r.width, r.height];})()")
    check(map_box[0] > 600 and map_box[1] > 300, f"the map is drawn large on a desktop ({map_box})")
    b.send("Emulation.setDeviceMetricsOverride",
           {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    wide = b.js("document.documentElement.scrollWidth")
    check(wide <= 392, f"on a 390 px phone the page does not scroll sideways (width {wide})")
    mw = b.js("document.getElementById('bm-svg').getBoundingClientRect().width")
    check(mw > 300, f"on a phone the map takes the width ({mw:.0f} px)")
    phone = os.path.join(out, "report-phone.png")
    data = b.send("Page.captureScreenshot", {"format": "png"})["data"]
    with open(phone, "wb") as f:
        f.write(base64.b64decode(data))
    check(png_size(phone) == (390, 844), f"phone screenshot is 390x844: {phone}")


def check_detail_inset(binary, source, out):
    """The render fixture's tight cluster (five villages within a few km)
    has a detail inset in the page's map, and its marks stay clickable."""
    src = os.path.join(source, "tests", "render", "data", "kgtj_render.csv")
    url = report(binary, os.path.join(out, "detail"), src, "--formats", "png")
    b = cdp.Browser(1280, 900)
    try:
        b.open(url)
        check(b.js("Array.from(document.querySelectorAll('#bm-svg text'))"
                   ".some(function(t){return t.textContent.indexOf('Detail (boxed on the map)')===0})"),
              "the map's detail inset is in the page's SVG")
        check(not b.errors(), f"no console errors on the detail page ({b.errors()})")
    finally:
        b.close()


def check_aggregation(binary, source, out):
    """A page with more incidents in view than the mark limit (2000) shows
    counted clusters, whose counts add up to the incidents drawn; a click on
    one zooms in until the incidents there have marks of their own."""
    csv_path = os.path.join(out, "many.csv")
    subprocess.run(["/usr/bin/python3", os.path.join(source, "bench", "gen_dated_incidents.py"),
                    "6000", "30", csv_path], check=True)
    bundle = os.path.join(out, "many")
    url = report(binary, bundle, csv_path, "--border", "KG-TJ", "--formats", "png")
    located = sum(1 for r in exported(bundle) if r["lon"])
    b = cdp.Browser(1280, 900)
    try:
        b.open(url)
        # The incidents drawn in the frame: those the renderer gave a position.
        drawn = b.js("JSON.parse(document.getElementById('bm-data').textContent)"
                     ".incidents.filter(function(i){return i.xy}).length")
        check(drawn >= 0.8 * located, f"{drawn} of {located} located incidents are in the frame")
        counts = b.js("Array.from(document.querySelectorAll('.bm-cluster'))"
                      ".map(function(e){return +e.dataset.count})")
        points = b.js("document.querySelectorAll('#bm-points .bm-mark').length")
        check(len(counts) > 10 and points == 0,
              f"{drawn} incidents in view are drawn as {len(counts)} counted clusters, no single marks")
        check(sum(counts) == drawn, f"the clusters count every drawn incident ({sum(counts)} of {drawn})")
        for step in range(6):
            if not b.js("!!document.querySelector('.bm-cluster')"):
                break
            # The biggest cluster, clicked like a reader would (it zooms in on it).
            b.js("(function(){var c=Array.from(document.querySelectorAll('.bm-cluster'));"
                 "c.sort(function(a,b){return b.dataset.count-a.dataset.count});"
                 "c[0].dispatchEvent(new MouseEvent('click',{bubbles:true}));})()")
            b.js("new Promise(function(r){requestAnimationFrame(function(){requestAnimationFrame(r)})})")
        points = b.js("document.querySelectorAll('#bm-points .bm-mark').length")
        check(0 < points <= 2000, f"zoomed in, the incidents in view have their own marks ({points})")
        if points:
            b.js("document.querySelector('#bm-points .bm-mark').dispatchEvent(new MouseEvent('click'))")
            text = b.js("document.getElementById('bm-detail').textContent")
            check("No. " in text, "a mark after zooming in opens its incident")
        check(not b.errors(), f"no console errors on the 6000-incident page ({b.errors()})")
    finally:
        b.close()


def check_escaping(binary, source, out):
    src = os.path.join(source, "tests", "data", "incidents_small.csv")
    with open(src, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    hostile = "<script>window.bmPwned=1</script><img src=x onerror=\"window.bmPwned=2\">"
    rows[0]["notes"] = "note " + hostile
    csv_path = os.path.join(out, "hostile.csv")
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    url = report(binary, os.path.join(out, "hostile"), csv_path)
    b = cdp.Browser(1280, 900)
    try:
        b.open(url)
        check_marks_and_click(b, exported(os.path.join(out, "hostile")), need_claims=True)
        b.js(f"document.querySelector('#bm-claims tbody tr[data-id=\"{rows[0]['id']}\"]').click()")
        text = b.js("document.getElementById('bm-detail').textContent")
        check(hostile in text, "a note holding <script> and <img onerror> is shown as text")
        check(b.js("window.bmPwned === undefined"), "the note's script never ran")
        check(not b.errors(), f"no console errors on the hostile page ({b.errors()})")
    finally:
        b.close()


def main():
    binary, source, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    bundle = os.path.join(out, "bundle")
    url = report(binary, bundle, "--by", "day")
    rows = exported(bundle)
    b = cdp.Browser(1280, 900)
    try:
        b.open(url)
        check(b.js("document.readyState") == "complete", "report.html loads from disk")
        check_marks_and_click(b, rows, need_claims=False)
        check_spread_click(b, rows)
        check_timeline(b, rows, "2022-09-16")
        check_sort_and_filter(b)
        check_keyboard(b)
        periods = b.js("Array.from(document.querySelectorAll('#bm-periods figcaption'))"
                       ".map(function(e){return e.textContent})")
        for d in ("2022-09-14", "2022-09-16", "2022-09-17"):
            check(any(p.startswith(d) for p in periods), f"--by day has a map for {d}")
        loaded = b.js("Array.from(document.images).every(function(i){return i.complete&&i.naturalWidth>0})")
        check(loaded, "every small map image decodes")
        check_screens(b, out)
        errors = b.errors()
        check(not errors, f"no console errors or exceptions ({errors})")
        net = [u for u in b.requests() if not u.startswith(("file:", "data:", "about:"))]
        check(not net, f"the page asks nothing of the network ({net})")
    finally:
        b.close()
    check_escaping(binary, source, out)
    check_detail_inset(binary, source, out)
    check_aggregation(binary, source, out)
    print(f"{len(failures)} failed" if failures else "all browser checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
