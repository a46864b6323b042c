"""OCR of scanned charters: each seed charter printed to PDF (LibreOffice, the portal's own Bengali
font), rasterised at 200 dpi into an image-only PDF as a scanner saves it, and imported. Prints per
seed: the services found in order (against the text export), the share of the cells' words read
right in reading order (as encoded, and with য় ড় ঢ় in one encoding: an image cannot show which of
the two the file had), the cells listed as unsure, and the seconds per page.

    .venv/bin/python -m benchmarks.scans [seed key …]
"""

import os
import sys
import time

import django


def main(keys):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "charter_portal.settings")
    django.setup()
    from charters.errors import CharterError
    from charters.importer import read_charter_file, read_charter_text
    from charters.importer.scan import missing_ocr
    from tests.support import SEEDS
    from tests.support.charters import SEED_FILES
    from tests.support.scans import image_pdf, missing_tools, scan_accuracy, seed_scan

    reason = missing_tools() or missing_ocr()
    if reason:
        sys.exit(f"cannot run: {reason}")
    print(
        f"{'seed':24} {'pages':>5} {'services in order':>18} {'words right':>12} {'(য় one way)':>12} "
        f"{'unsure cells':>13} {'s/page':>7}"
    )
    for key in keys or list(SEED_FILES):
        pages, _ = seed_scan(key)
        data = image_pdf(pages)
        started = time.perf_counter()
        try:
            scanned = read_charter_file(data, f"{key}.pdf")
        except CharterError as error:
            print(f"{key:24} {len(pages):>5} not read: {error}")
            continue
        seconds = time.perf_counter() - started
        expected = read_charter_text((SEEDS / SEED_FILES[key]).read_bytes())
        figures = scan_accuracy(scanned.document, expected.document)
        unsure = sum(1 for _, message in scanned.warnings if message.startswith("OCR"))
        print(
            f"{key:24} {len(pages):>5} {figures['services_in_order']:>8}/{figures['services']:<9} "
            f"{figures['words_right'] * 100:>11.1f}% {figures['words_right_one_encoding'] * 100:>11.1f}% "
            f"{unsure:>13} {seconds / len(pages):>7.1f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
