"""Cut a boundary line into stretches: curated intervals first (from proxy
places), the gaps into pieces of about PIECE_M metres of geodesic length."""
import math

from pyproj import Geod
from shapely import affinity
from shapely.geometry import LineString, Point
from shapely.ops import substring

GEOD = Geod(ellps="WGS84")
PIECE_M = 15000.0  # target stretch length (task: about 10-20 km)


def cumulative(line):
    """Planar and geodesic cumulative lengths at each vertex."""
    cs = list(line.coords)
    lons = [c[0] for c in cs]
    lats = [c[1] for c in cs]
    geo = GEOD.line_lengths(lons, lats) if len(cs) > 1 else []
    plan, g, p, gs = [0.0], [0.0], 0.0, 0.0
    for k in range(1, len(cs)):
        dx, dy = cs[k][0] - cs[k - 1][0], cs[k][1] - cs[k - 1][1]
        p += (dx * dx + dy * dy) ** 0.5
        gs += geo[k - 1]
        plan.append(p)
        g.append(gs)
    return plan, g


def planar_at(plan, geo, target):
    """Planar distance along the line where the geodesic distance is target."""
    lo, hi = 0, len(geo) - 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if geo[mid] <= target:
            lo = mid
        else:
            hi = mid
    span = geo[hi] - geo[lo]
    t = 0.0 if span == 0 else (target - geo[lo]) / span
    return plan[lo] + t * (plan[hi] - plan[lo])


def geo_at(plan, geo, d):
    """Geodesic distance along the line at planar distance d."""
    lo, hi = 0, len(plan) - 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if plan[mid] <= d:
            lo = mid
        else:
            hi = mid
    span = plan[hi] - plan[lo]
    t = 0.0 if span == 0 else (d - plan[lo]) / span
    return geo[lo] + t * (geo[hi] - geo[lo])


def split_gap(line, plan, geo, d0, d1):
    """Planar cut positions splitting [d0, d1] into ~PIECE_M geodesic pieces."""
    g0, g1 = geo_at(plan, geo, d0), geo_at(plan, geo, d1)
    n = max(1, round((g1 - g0) / PIECE_M))
    cuts = [d0] + [planar_at(plan, geo, g0 + (g1 - g0) * k / n) for k in range(1, n)] + [d1]
    return list(zip(cuts, cuts[1:]))


def pieces(line, intervals):
    """[(kind, key, LineString)] covering the line in order: ('curated', key)
    for each (d0, d1, key) interval (planar, non-overlapping, sorted), and
    ('piece', None) for the gaps' ~15 km pieces."""
    plan, geo = cumulative(line)
    total = plan[-1]
    out, pos = [], 0.0
    for d0, d1, key in sorted(intervals) + [(total, total, None)]:
        if d0 > pos:
            for a, b in split_gap(line, plan, geo, pos, d0):
                out.append(("piece", None, substring(line, a, b)))
        if key is not None and d1 > d0:
            out.append(("curated", key, substring(line, d0, d1)))
        pos = max(pos, d1)
    return out


def nearest_line(lines, points):
    """Index of the line closest (summed planar distance) to the points."""
    return min(range(len(lines)), key=lambda i: sum(lines[i].distance(p) for p in points))


def interval(line, ends):
    """Planar interval between the boundary points nearest to two groups of
    proxy points; with two proxies per end the innermost (shorter) is used."""
    e1 = [line.project(p) for p in ends[0]]
    e2 = [line.project(p) for p in ends[1]]
    if sum(e1) / len(e1) > sum(e2) / len(e2):
        e1, e2 = e2, e1
    a, b = max(e1), min(e2)
    if a >= b:
        a, b = sorted((sum(e1) / len(e1), sum(e2) / len(e2)))
    return a, b


LISTED_REACH_M = 10000.0  # a listed village farther from the line is not on this stretch
LISTED_MARGIN = 0.003  # degrees (~300 m) of line beyond a listed village's nearest point


def nearest_position(line, p):
    """Planar position along line of the point nearest to p in local metres
    (longitude scaled by cos(latitude)): plain degrees would pick another
    point than the geodesic nearest one the linker finds."""
    k = math.cos(math.radians(p.y))
    scaled = affinity.scale(line, xfact=k, yfact=1.0, origin=(0, 0))
    q = scaled.interpolate(scaled.project(Point(p.x * k, p.y)))
    q = Point(q.x / k, q.y)
    return line.project(q), q


def cover_listed(lines, i, core, listed, others):
    """Grow the planar core interval of lines[i] to the boundary points
    nearest to each listed village whose nearest line it is (within reach,
    with a margin), never past another stretch's core on this line
    (`others`: their (c0, c1)). A stretch that names a village must be the
    stretch that village is near."""
    a, b = core
    line = lines[i]
    lo, hi = a, b
    for _, p in listed:
        if nearest_line(lines, [p]) != i:
            continue
        d, q = nearest_position(line, p)
        if GEOD.inv(p.x, p.y, q.x, q.y)[2] <= LISTED_REACH_M:
            lo, hi = min(lo, d - LISTED_MARGIN), max(hi, d + LISTED_MARGIN)
    lo, hi = max(0.0, lo), min(line.length, hi)
    for c0, c1 in others:
        if c1 <= a:
            lo = max(lo, c1)
        elif c0 >= b:
            hi = min(hi, c0)
    return lo, hi


def settle_overlaps(iv):
    """Intervals [a, b, key, core_a, core_b] of one line, sorted; where two
    overlap, cut at the overlap's middle kept between their cores (when the
    cores themselves overlap, the earlier start wins)."""
    iv.sort()
    for prev, cur in zip(iv, iv[1:]):
        if cur[0] >= prev[1]:
            continue
        if prev[4] <= cur[3]:
            cut = min(max((cur[0] + prev[1]) / 2, prev[4]), cur[3])
        else:
            cut = prev[1]
        prev[1] = min(prev[1], cut)
        cur[0] = max(cur[0], cut)
    return [(a, b, key) for a, b, key, _, _ in iv]


def centred(line, a, b, length_m):
    """The planar interval of geodesic length length_m centred on the middle
    of [a, b] (clamped to the line)."""
    plan, geo = cumulative(line)
    g0, g1 = geo_at(plan, geo, a), geo_at(plan, geo, b)
    mid = (g0 + g1) / 2
    lo = max(0.0, mid - length_m / 2)
    hi = min(geo[-1], lo + length_m)
    lo = max(0.0, hi - length_m)
    return planar_at(plan, geo, lo), planar_at(plan, geo, hi)


def proxy_note(line, named_points):
    parts = []
    for name, p in named_points:
        q = line.interpolate(line.project(p))
        parts.append(f"{name} {GEOD.inv(p.x, p.y, q.x, q.y)[2] / 1000:.1f} km")
    return "Proxy place to nearest boundary point: " + ", ".join(parts) + "."


def geod_len(g):
    return GEOD.geometry_length(g)


__all__ = ["pieces", "nearest_line", "interval", "proxy_note", "geod_len", "LineString", "Point"]
