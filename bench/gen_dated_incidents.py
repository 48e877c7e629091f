#!/usr/bin/python3
"""Synthetic dated incidents for the page benchmarks: N rows in bordermap's
incident CSV, located along the Kyrgyz-Tajik border area (lon 69.5-73.5,
lat 39.5-40.6), dates spread over DAYS days from 2022-09-01, a claim or two
each (some conflicting). Deterministic (seed 20240601).

Usage: gen_dated_incidents.py N DAYS OUT.csv
"""
import csv
import datetime
import json
import random
import sys

n, days, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(20240601)
types = ["armed_clash", "shelling", "drone_strike", "evacuation", "talks"]
start = datetime.date(2022, 9, 1)
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "date_start", "date_end", "date_precision", "place", "admin1", "country",
                "lon", "lat", "geo_precision", "event_type", "actors", "claims", "sources", "notes"])
    for k in range(n):
        day = start + datetime.timedelta(days=rng.randrange(days))
        low = rng.randrange(0, 20)
        claims = [{"kind": "killed", "low": low, "high": low, "side": rng.choice(["KG", "TJ"]),
                   "claimant": "ministry A", "source": f"bench-{k % 50}.txt",
                   "quote": "synthetic", "scope": "event"}]
        if k % 7 == 0:
            claims.append(dict(claims[0], low=low + 3, high=low + 3, claimant="ministry B"))
        w.writerow([f"b{k}", day.isoformat(), "", "day", f"Point {k}", "", rng.choice(["KG", "TJ"]),
                    f"{rng.uniform(69.5, 73.5):.5f}", f"{rng.uniform(39.5, 40.6):.5f}", 1,
                    rng.choice(types), "", json.dumps(claims), f"bench-{k % 50}.txt", ""])
