"""OCR of scanned charters: each seed charter printed to PDF (LibreOffice, the portal's own Bengali
font), rasterised into an image-only PDF as a scanner saves it, and imported. Prints per seed and
scan: the services found in order (against the text export), the share of the cells' words read
right in reading order (as encoded, and with য় ড় ঢ় in one encoding: an image cannot show which of
the two the file had), the cells listed as unsure, and the seconds per page.

The scan is 200 dpi; --variants adds scans made elsewhere (tests/support/scans.py VARIANTS):
300 and 150 dpi, the page turned 1° either way, grey noise with strong JPEG compression.

    .venv/bin/python -m benchmarks.scans [--variants] [seed key …]
"""

import os
import sys
import time

import django


def main(args):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "charter_portal.settings")
    django.setup()
    from charters.errors import CharterError
    from charters.importer import read_charter_file, read_charter_text
    from charters.importer.scan import missing_ocr
    from tests.support import SEEDS
    from tests.support.charters import SEED_FILES
    from tests.support.scans import VARIANTS, missing_tools, scan_accuracy, variant_scan

    reason = missing_tools() or missing_ocr()
    if reason:
        sys.exit(f"cannot run: {reason}")
    variants = list(VARIANTS) if "--variants" in args else ["200 dpi"]
    keys = [arg for arg in args if not arg.startswith("--")] or list(SEED_FILES)
    print(
        f"{'seed':22} {'scan':17} {'pages':>5} {'services in order':>18} {'words right':>12} "
        f"{'(য় one way)':>12} {'unsure cells':>13} {'s/page':>7}"
    )
    for key in keys:
        expected = read_charter_text((SEEDS / SEED_FILES[key]).read_bytes())
        for variant in variants:
            data, pages = variant_scan(key, variant)
            started = time.perf_counter()
            try:
                scanned = read_charter_file(data, f"{key}.pdf")
            except CharterError as error:
                print(f"{key:22} {variant:17} {pages:>5} not read: {error}")
                continue
            seconds = time.perf_counter() - started
            figures = scan_accuracy(scanned.document, expected.document)
            unsure = sum(1 for _, message in scanned.warnings if message.startswith("OCR"))
            print(
                f"{key:22} {variant:17} {pages:>5} {figures['services_in_order']:>8}/{figures['services']:<9} "
                f"{figures['words_right'] * 100:>11.1f}% {figures['words_right_one_encoding'] * 100:>11.1f}% "
                f"{unsure:>13} {seconds / pages:>7.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main(sys.argv[1:])
