"""Cut a boundary line into stretches: curated intervals first (from proxy
places), the gaps into pieces of about PIECE_M metres of geodesic length."""
from pyproj import Geod
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


def proxy_note(line, named_points):
    parts = []
    for name, p in named_points:
        q = line.interpolate(line.project(p))
        parts.append(f"{name} {GEOD.inv(p.x, p.y, q.x, q.y)[2] / 1000:.1f} km")
    return "Proxy place to nearest boundary point: " + ", ".join(parts) + "."


def geod_len(g):
    return GEOD.geometry_length(g)


__all__ = ["pieces", "nearest_line", "interval", "proxy_note", "geod_len", "LineString", "Point"]
