"""Build gaps/data/world_map.json, the country shapes of the /countries/ map, from the
npm package @svg-maps/world (CC BY 4.0, Victor Cazanave; pinned in package.json).

    npm ci && python3 scripts/build_world_map.py

The package's paths (1.2 MB) are made small enough to inline in a page (about a
tenth): points closer than TOLERANCE to the last one kept are dropped, islands
smaller than MIN_SIZE are left out (unless they are all a country has), and
coordinates are rounded to one decimal. The map is drawn in a 1010 x 666 box, so
both are well under a pixel on a desktop screen. Run again only to update the shapes;
the output is committed, so serving the portal needs neither npm nor this script.
"""

import itertools
import json
import math
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules" / "@svg-maps" / "world" / "index.js"
TARGET = ROOT / "gaps" / "data" / "world_map.json"
TOLERANCE = 1.5
MIN_SIZE = 1.2
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[mMzZ]")


def subpaths(path: str) -> list[list[tuple[float, float]]]:
    """The absolute points of each closed ring of a path made of `m`, implicit
    relative line-tos and `z` (all the package uses)."""
    rings: list[list[tuple[float, float]]] = []
    tokens = NUMBER.findall(path)
    x = y = 0.0
    start = (0.0, 0.0)
    numbers: list[float] = []
    ring: list[tuple[float, float]] = []

    def flush() -> None:
        nonlocal x, y, ring, start
        for i in range(0, len(numbers) - 1, 2):
            x, y = x + numbers[i], y + numbers[i + 1]
            if not ring:
                start = (x, y)
            ring.append((x, y))
        numbers.clear()

    for part in tokens:
        if part in "mM":
            flush()
            if ring:
                rings.append(ring)
            ring = []
        elif part in "zZ":
            flush()
            if ring:
                rings.append(ring)
            ring = []
            x, y = start
        else:
            numbers.append(float(part))
    flush()
    if ring:
        rings.append(ring)
    return rings


def simplified(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    kept = [ring[0]]
    for point in ring[1:]:
        if math.dist(point, kept[-1]) >= TOLERANCE:
            kept.append(point)
    return kept


def size(ring: list[tuple[float, float]]) -> float:
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return max(max(xs) - min(xs), max(ys) - min(ys))


def as_path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        points = [(round(x, 1), round(y, 1)) for x, y in ring]
        text = f"M{points[0][0]:g} {points[0][1]:g}"
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            text += f"l{round(x1 - x0, 1):g} {round(y1 - y0, 1):g}"
        parts.append(text + "z")
    return "".join(parts)


def main() -> None:
    source = SOURCE.read_text(encoding="utf-8")
    data = json.loads(source.removeprefix("export default ").rstrip().rstrip(";"))
    shapes = {}
    for location in data["locations"]:
        rings = subpaths(location["path"])
        large = [simplified(r) for r in rings if size(r) >= MIN_SIZE]
        if not large:
            large = [max(rings, key=size)]
        shapes[location["id"].upper()] = as_path([r for r in large if len(r) >= 2])
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(
        json.dumps(
            {
                "source": "@svg-maps/world 2.0.0, © Victor Cazanave, CC BY 4.0",
                "viewBox": data["viewBox"],
                "shapes": shapes,
            },
            separators=(",", ":"),
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(shapes)} shapes, {TARGET.stat().st_size:,} bytes: {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
