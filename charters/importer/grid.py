"""Tables found on a scanned page from their ruling lines, as grids of cells (merged cells included).

A page is a greyscale NumPy array. Long dark runs along a row are candidate horizontal lines, long
runs down a column candidate vertical lines; Bengali's headline (matra) over a word is a long
horizontal run too, and a letter's stem a short vertical one, so a candidate is kept only while it
meets at least two candidates of the other direction (a table's line ends on, or crosses, two
others; a headline touches at most its stems, a stem at most its headline). The lines left, joined
where they meet, are tables. A table's grid is every line's position; two neighbouring grid cells
with no line between them are one merged cell. NumPy does the run-lengths; OpenCV would add 60 MB
for two morphological operations.
"""

from dataclasses import dataclass

import numpy as np

DARK = 160  # grey level below which a pixel is ink
GAP = 3  # pixels of a line a scan may lose and still be one line


@dataclass(frozen=True)
class Segment:
    """A ruling line: along ``start``..``end`` at ``position`` (y for horizontal, x for vertical)."""

    position: int
    start: int
    end: int
    thickness: int


@dataclass
class Cell:
    row: int  # grid row and column of its top left
    column: int
    rows: int  # how many grid rows and columns it spans
    columns: int
    box: tuple  # (left, top, right, bottom) inside its lines, in page pixels


@dataclass
class Grid:
    box: tuple  # (left, top, right, bottom) of the whole table
    row_count: int
    column_count: int
    cells: list  # [Cell], in reading order (row by row, left to right)
    lines: tuple = ()  # its ruling lines: (horizontal Segments, vertical Segments)


def _runs(mask, minimum):
    """(line index, start, end) of every run of True at least ``minimum`` long along axis 1."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    change = np.diff(padded, axis=1)
    starts_y, starts_x = np.nonzero(change == 1)
    ends_y, ends_x = np.nonzero(change == -1)
    keep = (ends_x - starts_x) >= minimum
    return starts_y[keep], starts_x[keep], ends_x[keep]


def _segments(mask, minimum):
    """Long runs along axis 1, joined across neighbouring lines into segments with a thickness."""
    ys, starts, ends = _runs(mask, minimum)
    segments = []
    open_segments = []  # [position first, last line, start, end]
    for y, start, end in sorted(zip(ys.tolist(), starts.tolist(), ends.tolist(), strict=True)):
        for item in open_segments:
            if y - item[1] <= 1 and start <= item[3] + GAP and end >= item[2] - GAP:
                item[1], item[2], item[3] = y, min(item[2], start), max(item[3], end)
                break
        else:
            open_segments.append([y, y, start, end])
        still = []
        for item in open_segments:
            (still if y - item[1] <= 1 else segments).append(item)
        open_segments = still
    segments += open_segments
    return [Segment((first + last) // 2, start, end - 1, last - first + 1) for first, last, start, end in segments]


def _meets(horizontal, vertical, tolerance):
    return (
        horizontal.start - tolerance <= vertical.position <= horizontal.end + tolerance
        and vertical.start - tolerance <= horizontal.position <= vertical.end + tolerance
    )


def ruling_lines(page, dpi):
    """The page's table lines: (horizontal segments, vertical segments)."""
    ink = page < DARK
    horizontals = [s for s in _segments(ink, dpi // 4) if s.thickness <= dpi // 25]
    verticals = [s for s in _segments(ink.T, dpi // 8) if s.thickness <= dpi // 25]
    tolerance = max(4, dpi // 50)

    def spans(met):  # two lines of the other kind met, at least a small cell's size apart
        return len(met) >= 2 and max(met) - min(met) >= dpi // 8

    while True:  # drop lines that do not span two of the other kind, until none is dropped
        kept_h = [h for h in horizontals if spans([v.position for v in verticals if _meets(h, v, tolerance)])]
        kept_v = [v for v in verticals if spans([h.position for h in kept_h if _meets(h, v, tolerance)])]
        if len(kept_h) == len(horizontals) and len(kept_v) == len(verticals):
            return kept_h, kept_v
        horizontals, verticals = kept_h, kept_v


def _cluster(values, tolerance):
    """Positions within ``tolerance`` of each other as one (their mean), in order."""
    groups = []
    for value in sorted(values):
        if groups and value - groups[-1][-1] <= tolerance:
            groups[-1].append(value)
        else:
            groups.append([value])
    return [sum(group) // len(group) for group in groups]


def tables(page, dpi):
    """The page's tables as Grids, top to bottom."""
    horizontals, verticals = ruling_lines(page, dpi)
    tolerance = max(4, dpi // 50)
    # Lines that meet belong to one table (union-find over the meetings).
    lines = horizontals + verticals
    parent = list(range(len(lines)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(horizontals):
        for j, v in enumerate(verticals):
            if _meets(h, v, tolerance):
                parent[root(i)] = root(len(horizontals) + j)
    groups = {}
    for i in range(len(lines)):
        groups.setdefault(root(i), []).append(i)
    grids = []
    for members in groups.values():
        hs = [lines[i] for i in members if i < len(horizontals)]
        vs = [lines[i] for i in members if i >= len(horizontals)]
        if len(hs) >= 2 and len(vs) >= 2:
            grids.append(_grid(hs, vs, tolerance))
            grids[-1].lines = (hs, vs)
    return sorted(grids, key=lambda grid: (grid.box[1], grid.box[0]))


def _grid(horizontals, verticals, tolerance):
    ys = _cluster([h.position for h in horizontals], tolerance)
    xs = _cluster([v.position for v in verticals], tolerance)
    thick = max(s.thickness for s in horizontals + verticals)

    def has_vertical(x, top, bottom):  # a line at x along the middle of top..bottom
        middle = (top + bottom) // 2
        return any(
            abs(v.position - x) <= tolerance and v.start - tolerance <= middle <= v.end + tolerance for v in verticals
        )

    def has_horizontal(y, left, right):
        middle = (left + right) // 2
        return any(
            abs(h.position - y) <= tolerance and h.start - tolerance <= middle <= h.end + tolerance for h in horizontals
        )

    rows, columns = len(ys) - 1, len(xs) - 1
    owner = {}  # (row, column) -> the (row, column) of the merged cell's top left
    cells = []
    for r in range(rows):
        for c in range(columns):
            if (r, c) in owner:
                continue
            width = 1
            while c + width < columns and not has_vertical(xs[c + width], ys[r], ys[r + 1]):
                width += 1
            height = 1
            while r + height < rows and not has_horizontal(ys[r + height], xs[c], xs[c + width]):
                height += 1
            for dr in range(height):
                for dc in range(width):
                    owner.setdefault((r + dr, c + dc), (r, c))
            inset = thick // 2 + 1  # the lines are erased before reading (without_lines)
            box = (xs[c] + inset, ys[r] + inset, xs[c + width] - inset, ys[r + height] - inset)
            cells.append(Cell(r, c, height, width, box))
    return Grid((xs[0], ys[0], xs[-1], ys[-1]), rows, columns, cells)


def without_lines(page, grids):
    """The page with its tables' ruling lines made white, so that a cell can be cut out up to its
    lines: the reph over a first line's word ("নির্দেশনা") is a pixel or two under the cell's top
    line, and a cut further in loses it. A row (or column) of pixels near a line is erased where it
    is grey or dark along most of the line; a letter never runs along a line."""
    page = page.copy()
    for grid in grids:
        horizontals, verticals = grid.lines
        for lines, view in ((horizontals, page), (verticals, page.T)):
            for line in lines:
                reach = line.thickness // 2 + 2
                for position in range(max(line.position - reach, 0), min(line.position + reach + 1, view.shape[0])):
                    along = view[position, line.start : line.end + 1]
                    if along.size and np.median(along) < 230:
                        along[:] = 255
    return page
