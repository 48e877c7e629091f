#!/usr/bin/python3
"""First contentful paint and load time of a report.html in headless
Chromium (networking off), median of REPS fresh browsers.

Usage: html_first_paint.py PAGE.html [REPS]
"""
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "browser"))
import cdp  # noqa: E402

FCP = "(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime ?? -1"


def paint_time(browser, wait_s=10.0):
    """The page's first contentful paint (ms). Chromium records the entry after the
    load event on a busy machine, so it is polled for instead of read once."""
    deadline = time.monotonic() + wait_s
    while (t := browser.js(FCP)) < 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    if t < 0:
        raise RuntimeError(f"no first-contentful-paint entry within {wait_s} s")
    return t


page, reps = os.path.abspath(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 3
fcp, load, marks, clusters = [], [], 0, 0
for _ in range(reps):
    b = cdp.Browser(1280, 900)
    try:
        b.open("file://" + page, timeout=600)
        fcp.append(paint_time(b))
        load.append(b.js("performance.getEntriesByType('navigation')[0].loadEventEnd"))
        parsed = b.js("performance.getEntriesByType('navigation')[0].domInteractive")
        print(f"dom_interactive_ms {parsed:.0f}")
        marks = b.js("document.querySelectorAll('.bm-mark').length")
        clusters = b.js("document.querySelectorAll('.bm-cluster').length")
        errors = b.errors()
        if errors:
            print("console errors:", errors)
    finally:
        b.close()
print(f"first_contentful_paint_ms {statistics.median(fcp):.0f} load_ms {statistics.median(load):.0f} "
      f"marks {marks} clusters {clusters} bytes {os.path.getsize(page)}")
