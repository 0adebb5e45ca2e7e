"""Ruled tables from the straight rules of a page: rules snapped and joined, grouped into tables
where they meet, and each table cut into cells along the grid they draw. A merged cell is the
run of grid units no rule separates; its text goes to its first position and the positions it
covers stay empty, as a reader of the printed table sees it."""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field

from gitools.inputs.published.pdfium import Box, Rule

SNAP = 3.0  # points: rules this close are one rule (a border drawn twice, or by two cells)
MIN_LENGTH = 3.0  # points: shorter strokes are no rules


@dataclass
class Grid:
    """One ruled table: its grid lines, and the cell owning each grid unit."""

    xs: list[float]
    ys: list[float]
    owner: list[list[int]]  # [row][column] → index into ``cells``, or -1 outside any cell
    cells: list[Box] = field(default_factory=list)

    @property
    def box(self) -> Box:
        return (min(c[0] for c in self.cells), min(c[1] for c in self.cells),
                max(c[2] for c in self.cells), max(c[3] for c in self.cells))

    def cell_at(self, x: float, y: float) -> int:
        """The cell a point lies in, or -1."""
        i, j = bisect.bisect_right(self.xs, x) - 1, bisect.bisect_right(self.ys, y) - 1
        if 0 <= i < len(self.xs) - 1 and 0 <= j < len(self.ys) - 1:
            return self.owner[j][i]
        return -1

    def rows(self) -> list[tuple[float, list[int]]]:
        """Each row's top and its positions: the cell starting there, or -1 where a merged cell
        above or to the left covers it."""
        tops = sorted({c[1] for c in self.cells})
        lefts = sorted({c[0] for c in self.cells})
        where = {(c[0], c[1]): n for n, c in enumerate(self.cells)}
        return [(top, [where.get((left, top), -1) for left in lefts]) for top in tops]


def grids(rules: list[Rule]) -> list[Grid]:
    """The ruled tables of a page, top first."""
    across, down = _merged([r for r in rules if r.across]), _merged([r for r in rules if not r.across])
    parent = list(range(len(across) + len(down)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for i, h in enumerate(across):
        for j, v in enumerate(down):
            if _meet(h, v):
                parent[root(i)] = root(len(across) + j)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = defaultdict(lambda: ([], []))
    for i, h in enumerate(across):
        groups[root(i)][0].append(h)
    for j, v in enumerate(down):
        groups[root(len(across) + j)][1].append(v)
    out = [g for hs, vs in groups.values() if len(hs) >= 2 and len(vs) >= 2 and (g := _grid(hs, vs)).cells]
    return sorted(out, key=lambda g: g.box[1])


def _merged(rules: list[Rule]) -> list[Rule]:
    """Rules snapped to shared positions, and pieces of one rule joined."""
    rules = sorted(rules, key=lambda r: r.at)
    clusters: list[list[Rule]] = []
    for r in rules:
        if clusters and r.at - clusters[-1][-1].at <= SNAP:
            clusters[-1].append(r)
        else:
            clusters.append([r])
    out: list[Rule] = []
    for cluster in clusters:
        at = sum(r.at for r in cluster) / len(cluster)
        spans: list[list[float]] = []
        for r in sorted(cluster, key=lambda r: r.start):
            if spans and r.start <= spans[-1][1] + SNAP:
                spans[-1][1] = max(spans[-1][1], r.end)
            else:
                spans.append([r.start, r.end])
        out += [Rule(cluster[0].across, at, a, b) for a, b in spans if b - a >= MIN_LENGTH]
    return out


def _meet(h: Rule, v: Rule) -> bool:
    return v.start - SNAP <= h.at <= v.end + SNAP and h.start - SNAP <= v.at <= h.end + SNAP


def _grid(across: list[Rule], down: list[Rule]) -> Grid:
    xs, ys = sorted({v.at for v in down}), sorted({h.at for h in across})
    # ruled[j][i]: a rule along grid line y=ys[j] over column i; walls[i][j]: along x=xs[i] over row j
    ruled = _coverage(across, ys, xs)
    walls = _coverage(down, xs, ys)
    columns, rows = len(xs) - 1, len(ys) - 1
    grid = Grid(xs, ys, [[-1] * columns for _ in range(rows)])
    taken = [[False] * columns for _ in range(rows)]
    for j in range(rows):
        for i in range(columns):
            if taken[j][i]:
                continue
            k = i  # a merged cell runs right until a rule stops it, then down the same way
            while k + 1 < columns and not walls[k + 1][j]:
                k += 1
            m = j
            while m + 1 < rows and not all(ruled[m + 1][i:k + 1]):
                m += 1
            closed = (all(ruled[j][i:k + 1]) and all(ruled[m + 1][i:k + 1])
                      and all(walls[i][j:m + 1]) and all(walls[k + 1][j:m + 1]))
            for row in range(j, m + 1):
                for col in range(i, k + 1):
                    if not taken[row][col]:
                        taken[row][col] = True
                        if closed:
                            grid.owner[row][col] = len(grid.cells)
            if closed:
                grid.cells.append((xs[i], ys[j], xs[k + 1], ys[m + 1]))
    return grid


def _coverage(rules: list[Rule], lines: list[float], across: list[float]) -> list[list[bool]]:
    """For each grid line, which of the grid's spans between ``across`` positions a rule covers."""
    out = [[False] * (len(across) - 1) for _ in lines]
    where = {at: n for n, at in enumerate(lines)}
    for r in rules:
        first = bisect.bisect_left(across, r.start - SNAP)
        last = bisect.bisect_right(across, r.end + SNAP) - 1
        for span in range(first, last):
            out[where[r.at]][span] = True
    return out
