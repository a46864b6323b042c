"""PDFs with a text layer read back against the text export: each seed charter saved as a PDF
by LibreOffice from its Word file (tests/support/pdf.py), typed in Unicode and in Bijoy, in each
layout the tests make (and, with --browser, printed by Chromium from the same file). Prints per
seed, kind and layout the share of the text export's words read back (every field, in order) and
the fields that differ, expected then read.

    .venv/bin/python -m benchmarks.pdfs [--browser] [seed key …]
"""

import os
import sys
import time


def main(args):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "charter_portal.settings")
    django.setup()
    from charters.errors import CharterError
    from charters.importer import read_charter_file, read_charter_text
    from tests.support import SEEDS
    from tests.support.charters import SEED_FILES
    from tests.support.pdf import LAYOUTS, browser_pdf, differing_fields, seed_pdf, share_of_words_right

    makers = {layout: (lambda key, bijoy, layout=layout: seed_pdf(key, bijoy, layout)) for layout in LAYOUTS}
    if "--browser" in args:
        makers["chromium"] = browser_pdf
    keys = [arg for arg in args if not arg.startswith("--")] or list(SEED_FILES)
    print(f"{'seed':24} {'kind':8} {'layout':10} {'words right':>12} {'fields differing':>17} {'s':>5}")
    for key in keys:
        expected = read_charter_text((SEEDS / SEED_FILES[key]).read_bytes()).document
        for layout, make in makers.items():
            for bijoy in (False, True):
                kind = "bijoy" if bijoy else "unicode"
                data = make(key, bijoy)
                started = time.perf_counter()
                try:
                    got = read_charter_file(data, f"{key}.pdf").document
                except CharterError as error:
                    print(f"{key:24} {kind:8} {layout:10} not read: {error}")
                    continue
                seconds = time.perf_counter() - started
                differing = differing_fields(expected, got)
                share = share_of_words_right(expected, got)
                print(f"{key:24} {kind:8} {layout:10} {share * 100:>11.2f}% {len(differing):>17} {seconds:>5.1f}")
                for where, want, have in differing:
                    print(f"    {where}\n      expected {want!r}\n      read     {have!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
