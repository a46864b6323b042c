#!/usr/bin/env python
"""Benchmark the bulk import: a folder of 100 Word charters into 100 offices' drafts.

    .venv/bin/python benchmarks/bulk_import.py [--files 100]

Builds a fresh SQLite database in a temporary directory (the national tree and the five seed
charters, as the demo has them; nothing else is touched), writes 100 Word files made from the
five seeds with tests/support/word.py, each given to a different office without a charter
(its site in the document and its file name `<office key>.docx` both that office's), and runs
`import_charters` on the folder twice: the first run imports every file, the second finds every
file already imported. It prints the times and, as its last line, one JSON object.
"""

import argparse
import json
import os
import sys
import tempfile
import time
from io import StringIO
from itertools import cycle
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=100)
    files = parser.parse_args().files
    with tempfile.TemporaryDirectory(prefix="bulk-import-bench-") as tmp:
        os.environ["SQLITE_PATH"] = str(Path(tmp) / "bench.sqlite3")
        os.environ.pop("DATABASE_URL", None)
        os.environ.pop("PGDATABASE", None)
        os.environ["DJANGO_SETTINGS_MODULE"] = "charter_portal.settings"
        import django

        django.setup()
        from django.core.management import call_command

        from charters.management.commands.demo import demo_fixtures

        call_command("migrate", interactive=False, verbosity=0)
        call_command("loaddata", *demo_fixtures(), verbosity=0)
        folder = Path(tmp) / "charters"
        made = time.perf_counter()
        keys = write_folder(folder, files)
        made = time.perf_counter() - made

        figures = {"files": len(keys), "megabytes": round(sum(p.stat().st_size for p in folder.iterdir()) / 2**20, 2)}
        for run in ("first", "second"):
            out = StringIO()
            started = time.perf_counter()
            call_command("import_charters", str(folder), stdout=out, stderr=StringIO())
            figures[f"{run}_run_s"] = round(time.perf_counter() - started, 2)
            figures[f"{run}_run_summary"] = out.getvalue().strip().splitlines()[-1]
        from imports.models import ImportBatch

        first = ImportBatch.objects.order_by("pk").first().counts()
        figures["imported"], figures["refused"] = first["imported"], first["refused"]
        figures["per_file_ms"] = round(1000 * figures["first_run_s"] / len(keys), 1)
        for item in ImportBatch.objects.order_by("pk").first().files.filter(status="refused")[:5]:
            print(f"refused: {item.name}: {item.error}")
        print(f"generated {len(keys)} Word files ({figures['megabytes']} MB) in {made:.1f} s")
        print(
            f"first run:  {figures['first_run_s']:.2f} s ({figures['per_file_ms']} ms a file) — {figures['first_run_summary']}"
        )
        print(f"second run: {figures['second_run_s']:.2f} s — {figures['second_run_summary']}")
        print(json.dumps(figures, ensure_ascii=False))


def write_folder(folder, count):
    """``count`` Word files, each a seed charter of the same level (district or upazila) written
    for an office that has none: the seed's site, district and upazila names made the office's,
    as that office's own charter would have them."""
    from charters.models import Charter
    from offices.models import Office
    from tests.support import SEEDS
    from tests.support.charters import SEED_FILES
    from tests.support.word import docx_from_text

    folder.mkdir()
    offices = Office.objects.select_related("district", "upazila__district")
    seeds = {level: [] for level in Office.Level.values}
    for key, name in sorted(SEED_FILES.items()):
        office = offices.get(key=key)
        seeds[office.level].append((office, (SEEDS / name).read_text("utf-8")))
    taken = set(Charter.objects.values_list("office_id", flat=True))
    free = offices.exclude(pk__in=taken).exclude(site="").order_by("key")
    districts = list(free.filter(level=Office.Level.DISTRICT)[: count // 5])
    targets = districts + list(free.filter(level=Office.Level.UPAZILA)[: count - len(districts)])
    cycles = {level: cycle(found) for level, found in seeds.items() if found}
    for office in targets:
        seed, text = next(cycles[office.level])
        text = text.replace(f"doict.{seed.key}.gov.bd", office.site.split("//")[-1].strip("/"))
        text = text.replace(_district(seed).name_bn, _district(office).name_bn)
        if seed.upazila_id:
            text = text.replace(seed.upazila.name_bn, office.upazila.name_bn)
        (folder / f"{office.key}.docx").write_bytes(docx_from_text(text.encode()))
    return [o.key for o in targets]


def _district(office):
    return office.district if office.district_id else office.upazila.district


if __name__ == "__main__":
    main()
