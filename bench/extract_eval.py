#!/usr/bin/env python3
"""Scores `bordermap extract` against the evaluation set's gold files.

Usage:
  bench/extract_eval.py BORDERMAP [--eval DIR] [--seeds DIR] [--ratchet FILE]
                        [--check] [--write-ratchet] [--verbose]

Prints precision and recall per field for each set (our own articles, per
language, and the seed articles). --check exits 1 when a field is worse than
the ratchet file records; --write-ratchet records the current figures.
The fields and how they are matched are described in docs/extract-eval.md.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile

KIND_CLASS = {"evacuated": "moved", "displaced": "moved", "houses_destroyed": "houses",
              "houses_damaged": "houses"}
PLACE_KINDS = ["settlement", "region", "district", "country", "border", "facility"]
# Fields where a higher number is worse; every other field must not drop.
LOWER_IS_BETTER = {"side.wrong", "claimant.wrong"}


def kind_class(kind):
    return KIND_CLASS.get(kind, kind)


def norm(text):
    t = text.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u2011", "-")
    t = re.sub(r"['\u2019]s\b", "", t)
    t = re.sub(r"^the\s+", "", t.strip())
    return re.sub(r"\s+", " ", t)


def contains_words(big, small):
    return re.search(r"(^|[\s-])" + re.escape(small) + r"($|[\s-])", big) is not None


def same_place(gold_text, found_text):
    g, f = norm(gold_text), norm(found_text)
    return g == f or contains_words(g, f) or contains_words(f, g)


def km(a, b):
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (math.sin((lat2 - lat1) / 2) ** 2 +
         math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def run_extract(bordermap, article, date):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "drafts.json")
        cmd = [bordermap, "extract", article, "-o", out]
        if date:
            cmd += ["--date", date]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(out, encoding="utf-8") as f:
            return json.load(f)


class Tally:
    """Counts per field: hits and the two denominators."""

    def __init__(self):
        self.n = {}

    def add(self, field, key, amount=1):
        self.n.setdefault(field, {}).setdefault(key, 0)
        self.n[field][key] += amount

    def ratio(self, field, num, den):
        c = self.n.get(field, {})
        return c.get(num, 0) / c[den] if c.get(den) else None


def score_figures(gold, doc, tally, log):
    found = {}
    for c in doc["claims"]:
        # A headline figure the body tells again ("Dozens killed" over "35
        # killed") is drafted once, with the body's: one figure, not two.
        if (c.get("placed") or "").startswith("headline figure told again"):
            continue
        key = (kind_class(c["kind"]), c["low"], c["high"], c.get("scope") == "increment")
        found.setdefault(key, c)
    found = list(found.values())
    used = set()
    tally.add("figures", "found", len(found))
    for g in gold["figures"]:
        tally.add("figures", "gold")
        match = None
        for i, c in enumerate(found):
            stated = c["low"] if c["low"] is not None else c["high"]  # "nearly 100"
            if i in used or kind_class(c["kind"]) != kind_class(g["kind"]) or stated != g["value"]:
                continue
            if g.get("high") is not None and c["high"] != g["high"]:
                continue
            if g.get("increment", False) != (c.get("scope") == "increment"):
                continue
            match = i
            break
        if match is None:
            log(f"  missed figure {g['kind']} {g['value']}")
            continue
        used.add(match)
        tally.add("figures", "hit")
        score_side(g, found[match], tally, log)
        score_claimant(g, found[match], tally, log)
    for i, c in enumerate(found):
        if i not in used:
            log(f"  extra figure {c['kind']} {c['low']}-{c['high']} ({c.get('scope')})")


def score_side(g, c, tally, log):
    if not g.get("side"):
        return
    tally.add("side", "gold")
    side = c.get("side") or "unknown"
    if side == "unknown":
        log(f"  side not found {g['kind']} {g['value']}: gold {g['side']}")
        return
    tally.add("side", "known")
    if side != g["side"]:
        tally.add("side", "wrong")
        log(f"  wrong side {g['kind']} {g['value']}: {side} not {g['side']}")


def score_claimant(g, c, tally, log):
    said = (c.get("claimant") or "").lower()
    if not g.get("claimant"):
        if said:
            tally.add("claimant", "known")
            tally.add("claimant", "wrong")
            log(f"  claimant where the text names none: {said!r}")
        return
    tally.add("claimant", "gold")
    if not said:
        log(f"  claimant not found {g['kind']} {g['value']}: gold {g['claimant']!r}")
        return
    tally.add("claimant", "known")
    want = g["claimant"].lower()
    if want not in said and said not in want:
        tally.add("claimant", "wrong")
        log(f"  wrong claimant {g['kind']} {g['value']}: {said!r} not {want!r}")


def event_intervals(result):
    out = set()
    for inc in result["incidents"]:
        scopes = {c.get("scope") for c in inc["claims"]}
        if inc["claims"] and not scopes & {"event", "increment"}:
            continue  # a conflict-wide or background figure, dated when said
        if inc.get("date_precision") not in ("day", "range"):
            continue  # no day told ("last week", undated, the week before publication): abstains
        out.add((inc["date_start"], inc["date_end"]))
    return out


def score_dates(gold, result, tally, log):
    want = set()
    for d in gold["event_dates"]:
        a, _, b = d.partition("/")
        want.add((a, b or a))
    got = event_intervals(result)
    tally.add("event_date", "gold", len(want))
    tally.add("event_date", "found", len(got))
    tally.add("event_date", "hit", len(want & got))
    for d in sorted(want - got):
        log(f"  missed event date {d}")
    for d in sorted(got - want):
        log(f"  extra event date {d}")


SETTLEMENT_KINDS = {"city", "town", "village", "settlement", "enclave"}


def town_mention(gold_text, mentions):
    """The mention that places a gold town: of all the mentions whose words
    match, one written exactly as the gold before one that only contains it,
    and one the tool resolved to a settlement before a region of that name
    ("Batken" the town, not "the regions of Batken and Osh" earlier)."""
    def rank(p):
        return (norm(p["text"]) != norm(gold_text), p.get("kind") not in SETTLEMENT_KINDS)
    hits = [p for p in mentions if same_place(gold_text, p["text"])]
    return min(hits, key=rank) if hits else None


def score_places(gold, doc, tally, log):
    found = {}
    for p in doc["places"]:
        found.setdefault(norm(p["text"]), p)
    matched = set()
    for g in gold["places"]:
        kind = g["kind"] if g["kind"] != "line" else "border"
        tally.add("places." + kind, "gold")
        tally.add("places", "gold")
        hits = [k for k, p in found.items() if same_place(g["text"], p["text"])]
        if not hits:
            log(f"  missed place {g['text']} ({g['kind']})")
            if "lonlat" in g and kind == "settlement":
                tally.add("towns_10km", "gold")
            continue
        matched.update(hits)
        tally.add("places." + kind, "hit")
        tally.add("places", "hit")
        if "lonlat" in g and kind == "settlement":
            tally.add("towns_10km", "gold")
            at = town_mention(g["text"], doc["places"]).get("lonlat")
            if at and km(at, g["lonlat"]) <= 10.0:
                tally.add("towns_10km", "hit")
            else:
                log(f"  place {g['text']} placed at {at}, gold {g['lonlat']}")
    tally.add("places", "found", len(found))
    tally.add("places", "found_hit", len(matched))
    for k in sorted(set(found) - matched):
        log(f"  extra place {found[k]['text']}")


def summary(tally):
    r = {}

    def put(name, value):
        if value is not None:
            r[name] = round(value, 3)

    put("figures.recall", tally.ratio("figures", "hit", "gold"))
    put("figures.precision", tally.ratio("figures", "hit", "found"))
    put("side.known", tally.ratio("side", "known", "gold"))
    put("side.wrong", tally.ratio("side", "wrong", "known"))
    put("claimant.known", tally.ratio("claimant", "known", "gold"))
    put("claimant.wrong", tally.ratio("claimant", "wrong", "known"))
    put("event_date.recall", tally.ratio("event_date", "hit", "gold"))
    put("event_date.precision", tally.ratio("event_date", "hit", "found"))
    put("places.recall", tally.ratio("places", "hit", "gold"))
    put("places.precision", tally.ratio("places", "found_hit", "found"))
    for k in PLACE_KINDS:
        put(f"places.{k}.recall", tally.ratio("places." + k, "hit", "gold"))
    put("towns_10km", tally.ratio("towns_10km", "hit", "gold"))
    return r


def articles(eval_dir, seeds_dir, seed_text_dir):
    """(set name, article path, gold, date) for every gold file."""
    for name in sorted(os.listdir(eval_dir)):
        if name.endswith(".gold.json"):
            gold = json.load(open(os.path.join(eval_dir, name), encoding="utf-8"))
            text = os.path.join(eval_dir, name[: -len(".gold.json")] + ".txt")
            yield "articles." + gold["lang"], text, gold, None
    if not seed_text_dir:
        return
    for name in sorted(os.listdir(seeds_dir)):
        if name.endswith(".gold.json"):
            gold = json.load(open(os.path.join(seeds_dir, name), encoding="utf-8"))
            text = os.path.join(seed_text_dir, name[: -len(".gold.json")] + ".txt")
            yield "seeds", text, gold, gold.get("date")


def find_seed_texts(repo):
    for d in (os.path.join(repo, "..", "..", "shared", "seeds"),
              os.path.join(repo, "..", "shared", "seeds"), "/work/shared/seeds"):
        if os.path.isdir(d):
            return d
    return None


def check(results, ratchet):
    bad = []
    for group, fields in ratchet.items():
        for field, floor in fields.items():
            now = results.get(group, {}).get(field)
            if now is None:
                continue
            worse = now > floor + 1e-9 if field in LOWER_IS_BETTER else now < floor - 1e-9
            if worse:
                bad.append(f"{group} {field}: {now} (ratchet {floor})")
    return bad


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bordermap")
    ap.add_argument("--eval", default=os.path.join(repo, "tests/data/eval/articles"))
    ap.add_argument("--seeds", default=os.path.join(repo, "tests/data/eval/seeds"))
    ap.add_argument("--ratchet", default=os.path.join(repo, "tests/data/eval/ratchet.json"))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--write-ratchet", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    seed_texts = find_seed_texts(repo)
    tallies = {}
    for group, text, gold, date in articles(args.eval, args.seeds, seed_texts):
        lines = []
        log = lines.append
        result = run_extract(args.bordermap, text, date)
        doc = result["documents"][0]
        for g in dict.fromkeys((group, group.split(".")[0])):  # "seeds" once
            t = tallies.setdefault(g, Tally())
            quiet = (lambda _: None) if g != group else log
            score_figures(gold, doc, t, quiet)
            score_dates(gold, result, t, quiet)
            score_places(gold, doc, t, quiet)
        if args.verbose and lines:
            print(os.path.basename(text))
            print("\n".join(lines))
    if seed_texts is None:
        print("seed articles not found beside the repository: seeds not scored")
    results = {g: summary(t) for g, t in sorted(tallies.items())}
    print(json.dumps(results, indent=1))
    if args.write_ratchet:
        with open(args.ratchet, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
            f.write("\n")
    if args.check:
        bad = check(results, json.load(open(args.ratchet, encoding="utf-8")))
        for b in bad:
            print("dropped below the ratchet: " + b, file=sys.stderr)
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
