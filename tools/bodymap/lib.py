"""Geometry helpers for drawing the body map: limb frames, smooth closed curves through
points (with optional sharp corners), straps along a centre line, and SVG path output."""
import math


class K(tuple):
    """A point that is a sharp corner of a smooth outline."""


def corner(p):
    return K((p[0], p[1]))


def frame(origin, angle_deg):
    """Local limb frame: u runs down the limb (tilted angle_deg outward from vertical),
    v runs across it, positive = lateral (away from the midline)."""
    a = math.radians(angle_deg)
    d = (math.sin(a), math.cos(a))
    n = (math.cos(a), -math.sin(a))

    def f(u, v=0.0):
        return (origin[0] + u * d[0] + v * n[0], origin[1] + u * d[1] + v * n[1])

    return f


def _sub(a, b):
    return (a[0] - b[0], a[1] - b[1])


def _len(a):
    return math.hypot(a[0], a[1])


def _unit(a):
    l = _len(a)
    return (a[0] / l, a[1] / l) if l > 1e-9 else (0.0, 0.0)


def smooth_closed(pts, tension=0.36):
    """Closed piecewise cubic through pts. Returns list of segments (p0, c1, c2, p1)."""
    n = len(pts)
    segs = []
    tangents = []
    for i in range(n):
        p = pts[i]
        prev = pts[i - 1]
        nxt = pts[(i + 1) % n]
        if isinstance(p, K):
            tangents.append(None)
        else:
            tangents.append(_unit(_sub(nxt, prev)))
    for i in range(n):
        p0 = pts[i]
        p1 = pts[(i + 1) % n]
        L = _len(_sub(p1, p0))
        t0 = tangents[i]
        t1 = tangents[(i + 1) % n]
        chord = _unit(_sub(p1, p0))
        if t0 is None:
            c1 = (p0[0] + chord[0] * L * 0.12, p0[1] + chord[1] * L * 0.12)
        else:
            c1 = (p0[0] + t0[0] * L * tension, p0[1] + t0[1] * L * tension)
        if t1 is None:
            c2 = (p1[0] - chord[0] * L * 0.12, p1[1] - chord[1] * L * 0.12)
        else:
            c2 = (p1[0] - t1[0] * L * tension, p1[1] - t1[1] * L * tension)
        segs.append((p0, c1, c2, p1))
    return segs


def strap(center, widths, round_ends=False):
    """Closed outline of a strap of given widths along a centre line (pointed/cornered ends)."""
    n = len(center)
    left, right = [], []
    for i in range(n):
        a = center[max(i - 1, 0)]
        b = center[min(i + 1, n - 1)]
        t = _unit(_sub(b, a))
        nrm = (-t[1], t[0])
        w = widths[i] / 2.0
        c = center[i]
        left.append((c[0] + nrm[0] * w, c[1] + nrm[1] * w))
        right.append((c[0] - nrm[0] * w, c[1] - nrm[1] * w))
    pts = []
    for i, p in enumerate(left):
        pts.append(K(p) if (i == 0 or i == n - 1) and not round_ends else p)
    for i, p in enumerate(reversed(right)):
        pts.append(K(p) if (i == 0 or i == n - 1) and not round_ends else p)
    # collapse zero-width ends into a single corner
    out = []
    for p in pts:
        if out and _len(_sub(p, out[-1])) < 0.05:
            continue
        out.append(p)
    if len(out) > 1 and _len(_sub(out[0], out[-1])) < 0.05:
        out.pop()
    return out


def fmt(v):
    s = f"{v:.1f}"
    if s.endswith(".0"):
        s = s[:-2]
    if s == "-0":
        s = "0"
    return s


def path_d(subpaths, tf):
    """subpaths: list of point lists (each a closed smooth outline). tf maps canonical->svg."""
    out = []
    for pts in subpaths:
        segs = smooth_closed(pts)
        p0 = tf(segs[0][0])
        out.append((" " if out else "") + f"M{fmt(p0[0])} {fmt(p0[1])}")
        for (_, c1, c2, p1) in segs:
            a, b, c = tf(c1), tf(c2), tf(p1)
            out.append(f" C{fmt(a[0])} {fmt(a[1])} {fmt(b[0])} {fmt(b[1])} {fmt(c[0])} {fmt(c[1])}")
        out.append(" Z")
    return "".join(out)
