"""A scanned page laid crooked on the glass, turned straight before its tables are looked for.

A table's ruling lines must run along the pixel rows and columns to be found (grid.py); a page
turned 1° moves a line 40 pixels over its length. The angle is where the page's ink, summed along
slightly sloping rows, is most bunched: the ruling lines and every Bengali word's headline (matra)
line up then. NumPy bincounts over the ink's coordinates, a coarse search then a fine one.
"""

import numpy as np

DARK = 160
MOST = 3.0  # degrees: a scan turned further is refused by its tables not being found
LEAST = 0.05  # degrees: nearer straight than this the page is left as it is (turning blurs it)
SAMPLE = 400_000  # ink pixels enough to place the lines


def skew_angle(page):
    """The angle (degrees, counter-clockwise) by which the page is turned."""
    ys, xs = np.nonzero(page < DARK)
    if len(ys) < 1000:
        return 0.0
    if len(ys) > SAMPLE:
        keep = np.linspace(0, len(ys) - 1, SAMPLE).astype(np.int64)
        ys, xs = ys[keep], xs[keep]
    ys, xs = ys.astype(np.float64), xs.astype(np.float64)

    def bunching(angle):
        rows = np.round(ys + xs * np.tan(np.radians(angle))).astype(np.int64)
        counts = np.bincount(rows - rows.min())
        return float(np.dot(counts, counts))

    best = max(np.arange(-MOST, MOST + 0.001, 0.1), key=bunching)
    return float(max(np.arange(best - 0.1, best + 0.101, 0.01), key=bunching))


def straightened(page):
    """The page turned straight (a NumPy greyscale array), or itself when it already is."""
    from PIL import Image

    angle = skew_angle(page)
    if abs(angle) < LEAST:
        return page
    turned = Image.fromarray(page).rotate(-angle, resample=Image.BICUBIC, fillcolor=255)
    return np.asarray(turned)
