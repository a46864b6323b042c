"""Read the national geography (bd-geocode CSVs) into fixture objects.

The dataset's known flaws are handled here, not copied: whitespace around
names and urls, upazilas whose url is the string "null" (they get a key in the
national pattern: lower-case English name, a dot, the district's key), and
urls that name a district other than the row's own.
"""

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from charter_portal.bangla import bengali_digits

from .models import OFFICE_KEY_PATTERN

HQ_PK = 1
DISTRICT_OFFICE_PK_BASE = 100
UPAZILA_OFFICE_PK_BASE = 1000

_KEY = re.compile(rf"^{OFFICE_KEY_PATTERN}\Z")


class GeocodeError(ValueError):
    """A row of the geography files that cannot be read; the message (Bengali) names file and line.
    Ids are quoted as the file writes them, for finding the row."""


@dataclass
class Row:
    path: Path
    line: int
    cells: list

    def where(self):
        return f"{self.path.name}, লাইন {bengali_digits(self.line)}"


def _rows(path, width):
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except UnicodeDecodeError as exc:
        raise GeocodeError(f"{path.name}: UTF-8-এ লেখা নয় ({exc.reason})") from exc
    except OSError as exc:
        raise GeocodeError(f"{path} পড়া যায়নি ({exc.strerror})") from exc
    result = []
    for number, cells in enumerate(rows, start=1):
        if not cells or all(not c.strip() for c in cells):
            continue
        if len(cells) != width:
            raise GeocodeError(
                f"{Row(path, number, cells).where()}: {bengali_digits(width)}টি কলাম থাকার কথা, আছে {bengali_digits(len(cells))}টি"
            )
        result.append(Row(path, number, [c.strip() for c in cells]))
    return result


def _int(row, index, what):
    try:
        return int(row.cells[index])
    except ValueError:
        raise GeocodeError(f"{row.where()}: {what} “{row.cells[index]}” সংখ্যা নয়") from None


def _domain(url):
    url = url.strip().lower()
    if url in ("", "null"):
        return ""
    url = re.sub(r"^https?://", "", url).rstrip("/")
    return url[4:] if url.startswith("www.") else url


def _key(domain):
    return domain[: -len(".gov.bd")] if domain.endswith(".gov.bd") else domain


def _english_key(name):
    return re.sub(r"[^a-z0-9]", "", name.lower())


def read_geocode(folder):
    """Return (geography objects, office objects) as loaddata-ready dicts."""
    folder = Path(folder)
    divisions, districts, upazilas = {}, {}, {}
    geography, offices = [], []

    for row in _rows(folder / "divisions.csv", 4):
        pk = _int(row, 0, "আইডি")
        name_en, name_bn, url = row.cells[1:]
        domain = _domain(url)
        divisions[pk] = {"key": _key(domain) or _english_key(name_en), "name_bn": name_bn}
        geography.append(_area("offices.division", pk, name_bn, name_en, divisions[pk]["key"], domain, row))

    for row in _rows(folder / "districts.csv", 7):
        pk, division = _int(row, 0, "আইডি"), _int(row, 1, "বিভাগের আইডি")
        if division not in divisions:
            raise GeocodeError(f"{row.where()}: “{division}” আইডির কোনো বিভাগ নেই")
        name_en, name_bn = row.cells[2:4]
        domain = _domain(row.cells[6])
        key = _key(domain) or _english_key(name_en)
        districts[pk] = {"key": key, "name_bn": name_bn, "name_en": name_en}
        obj = _area("offices.district", pk, name_bn, name_en, key, domain, row)
        obj["fields"]["division"] = division
        geography.append(obj)

    for row in _rows(folder / "upazilas.csv", 5):
        pk, district = _int(row, 0, "আইডি"), _int(row, 1, "জেলার আইডি")
        if district not in districts:
            raise GeocodeError(f"{row.where()}: “{district}” আইডির কোনো জেলা নেই")
        name_en, name_bn, url = row.cells[2:]
        domain = _domain(url)
        district_key = districts[district]["key"]
        key = _key(domain) if domain else f"{_english_key(name_en)}.{district_key}"
        if not key.endswith(f".{district_key}"):
            raise GeocodeError(f"{row.where()}: ঠিকানা “{url}” {district_key} জেলার অধীনে নয়")
        upazilas[pk] = {"key": key, "name_bn": name_bn, "name_en": name_en, "district": district}
        obj = _area("offices.upazila", pk, name_bn, name_en, key, domain, row)
        obj["fields"]["district"] = district
        geography.append(obj)

    keys = [o["fields"]["key"] for o in geography if o["model"] != "offices.division"]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise GeocodeError(f"একই কী একাধিকবার আছে: {', '.join(duplicates)}")

    offices.append(
        _office(HQ_PK, "hq", "hq", None, None, None, "প্রধান কার্যালয়, ঢাকা", "Head Office, Dhaka", "http://www.doict.gov.bd")
    )
    for pk, district in districts.items():
        offices.append(
            _office(
                DISTRICT_OFFICE_PK_BASE + pk,
                district["key"],
                "district",
                HQ_PK,
                pk,
                None,
                f"জেলা কার্যালয়, {district['name_bn']}",
                f"District Office, {district['name_en']}",
                f"http://doict.{district['key']}.gov.bd",
            )
        )
    for pk, upazila in upazilas.items():
        district = districts[upazila["district"]]
        offices.append(
            _office(
                UPAZILA_OFFICE_PK_BASE + pk,
                upazila["key"],
                "upazila",
                DISTRICT_OFFICE_PK_BASE + upazila["district"],
                None,
                pk,
                f"উপজেলা কার্যালয়, {upazila['name_bn']}, {district['name_bn']}",
                f"Upazila Office, {upazila['name_en']}, {district['name_en']}",
                f"http://doict.{upazila['key']}.gov.bd",
            )
        )
    return geography, offices


def _area(model, pk, name_bn, name_en, key, domain, row):
    if not name_bn or not name_en:
        raise GeocodeError(f"{row.where()}: বাংলা বা ইংরেজি নাম নেই")
    if not _KEY.match(key):
        raise GeocodeError(f"{row.where()}: “{key}” কী হিসেবে চলে না")
    return {"model": model, "pk": pk, "fields": {"name_bn": name_bn, "name_en": name_en, "key": key, "domain": domain}}


def _office(pk, key, level, parent, district, upazila, name_bn, name_en, site):
    return {
        "model": "offices.office",
        "pk": pk,
        "fields": {
            "key": key,
            "level": level,
            "name_bn": name_bn,
            "name_en": name_en,
            "parent": parent,
            "district": district,
            "upazila": upazila,
            "address_bn": "",
            "address_en": "",
            "site": site,
            "phone": "",
            "email": "",
        },
    }
