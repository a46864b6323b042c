import re
import unicodedata
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from charter_portal.bangla import TO_ASCII_DIGITS, bengali_digits, search_key
from charters.publishing import translate_published
from pagecache.versions import new_version
from services.models import Service


def glossary_lines(path, shape):
    """(line number, Bengali, English) of a TAB-separated file; '#' starts a comment. A line of
    another shape is refused (``shape`` says what it should be), before anything is written."""
    try:
        lines = Path(path).read_text("utf-8-sig").splitlines()
    except OSError as exc:
        raise CommandError(f"{path} পড়া যায়নি ({exc.strerror}); কিছুই লেখা হয়নি।") from None
    except UnicodeDecodeError:
        raise CommandError(f"{path} UTF-8-এ লেখা নয়; UTF-8-এ সংরক্ষণ করে আবার চালান। কিছুই লেখা হয়নি।") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise CommandError(f"{where(path, number)}: প্রতি লাইনে লিখুন '{shape}'। কিছুই লেখা হয়নি।")
        yield number, parts[0].strip(), parts[1].strip()


def where(path, number):
    """``service-names.en.tsv, লাইন ২``: the file's name as it is, the line in Bengali digits."""
    return f"{Path(path).name}, লাইন {bengali_digits(number)}"


def read_glossary(path):
    """{search_key(Bengali name): English name} from a TAB-separated file; '#' starts a comment."""
    glossary = {}
    for number, bengali, english in glossary_lines(path, "বাংলা নাম<TAB>ইংরেজি নাম"):
        key = search_key(bengali)
        if glossary.get(key, english) != english:
            raise CommandError(
                f"{where(path, number)}: এই নামের আরেকটি ইংরেজি নাম আগের লাইনে আছে; একটি রাখুন। কিছুই লেখা হয়নি।"
            )
        glossary[key] = english
    return glossary


PHRASES_FILE = "phrases.en.tsv"  # read from beside the service-name glossary

_BENGALI_LETTER = re.compile(r"[\u0985-\u09b9\u09ce\u09dc-\u09e1\u09f0\u09f1]")  # letters, not signs or digits
_INSIDE_PHRASE = r"[\s,\-\u2013]*"  # spaces, commas and hyphens a phrase may have anywhere, or not
_BOUNDARY_BEFORE = r"(?<![\u0980-\u09ffA-Za-z])"
_BOUNDARY_AFTER = r"(?![\u0980-\u09ffA-Za-z])"
_TIME_UNITS = {  # pattern: (one, many)
    r"কার্য\s*দিব\s*স": ("working day", "working days"),
    r"দিন": ("day", "days"),
    r"সপ্তাহ": ("week", "weeks"),
    r"মাস": ("month", "months"),
    r"ঘ[ণন]্টা": ("hour", "hours"),
    r"বছর": ("year", "years"),
}
_TIME_LIMIT = re.compile(
    _BOUNDARY_BEFORE
    + r"(?P<number>[0-9০-৯]+)\s*(?:\([\u0980-\u09ff\s]*\)\s*)?"  # "০৫ (পাঁচ)": the number, its word dropped
    + "(?P<unit>"
    + "|".join(f"(?:{unit})" for unit in _TIME_UNITS)
    + ")"
    + _BOUNDARY_AFTER
)


def _normal(text):
    """One spelling of the text to match: NFC, the composite letters composed, no zero-width joiners."""
    text = unicodedata.normalize("NFC", str(text or "")).replace("\u200c", "").replace("\u200d", "")
    for single, pair in (("\u09df", "\u09af\u09bc"), ("\u09dc", "\u09a1\u09bc"), ("\u09dd", "\u09a2\u09bc")):
        text = text.replace(pair, single)
    return text.replace("\u09c7\u09be", "\u09cb").replace("\u09c7\u09d7", "\u09cc")


def _compact(text):
    return re.sub(_INSIDE_PHRASE.replace("*", "+"), "", _normal(text).casefold())


def read_phrases(path):
    """{Bengali phrase: English} from a TAB-separated file; a missing file is no phrases."""
    if not Path(path).exists():
        return {}
    return {bengali: english for _number, bengali, english in glossary_lines(path, "বাংলা বাক্যাংশ<TAB>ইংরেজি")}


class Phrasebook:
    """Translates the text the charters repeat, phrase by phrase.

    Every phrase of the glossary and every place name is one alternative of a single regular
    expression, longest first; a number with a unit of time is translated by its pattern. Text
    that still has a Bengali letter left is not translated (``translate`` returns None): a
    citizen reads the whole Bengali, marked as Bengali, rather than a mixture."""

    def __init__(self, phrases, places=()):
        english = {}
        for bengali, text in [*places, *phrases.items()]:  # the glossary's word wins over a place's
            key = _compact(bengali)
            if key:
                english[key] = text
        self.english = english
        alternatives = sorted(english, key=len, reverse=True)
        body = "|".join(_INSIDE_PHRASE.join(re.escape(ch) for ch in key) for key in alternatives)
        self.pattern = re.compile(f"{_BOUNDARY_BEFORE}(?:{body}){_BOUNDARY_AFTER}", re.IGNORECASE) if body else None

    def _phrase(self, match):
        return self.english[_compact(match.group())]

    @staticmethod
    def _time(match):
        number = int(match.group("number").translate(TO_ASCII_DIGITS))
        unit = next(names for unit, names in _TIME_UNITS.items() if re.fullmatch(unit, match.group("unit")))
        return f"{number} {unit[0] if number == 1 else unit[1]}"

    def translate(self, text):
        if not text:
            return None
        english = _TIME_LIMIT.sub(self._time, _normal(text))
        if self.pattern:
            english = self.pattern.sub(self._phrase, english)
        if _BENGALI_LETTER.search(english):
            return None
        english = english.translate(TO_ASCII_DIGITS).replace("\u0964", ".").replace("\u0983", ":")
        english = re.sub(r"[ \t]*/[ \t]*", " / ", english)  # "e-mail /in person" → "e-mail / in person"
        return re.sub(r"[ \t]+", " ", english).strip()


def place_names():
    """(Bengali, English) for every office, division, district and upazila: the places charters name."""
    from offices.models import District, Division, Office, Upazila

    for model in (Office, Division, District, Upazila):
        yield from model.objects.exclude(name_en="").exclude(name_en=None).values_list("name_bn", "name_en")


# The fields the phrasebook translates: (model, fields). Names of people are left as they are.
def phrase_fields():
    from grievances.models import GrievanceTier
    from offices.models import Officer
    from services.models import Expectation

    return [
        (Service, ["delivery_method", "required_papers", "papers_source", "fee", "time_limit"]),
        (Expectation, ["text"]),
        (GrievanceTier, ["when_to_contact", "contact_title"]),
        (Officer, ["designation", "branch"]),
    ]


def published_english(names, phrasebook):
    """The same rules for the published versions' documents as for the rows: a service's name
    from the name glossary; the repeated phrases where no English was written."""

    def english_for(kind, field, bengali, english):
        if kind == "service" and field == "name":
            return names.get(search_key(bengali))
        return None if english else phrasebook.translate(bengali)

    return english_for


class Command(BaseCommand):
    help = (
        "Give services their English names from a glossary (Bengali name, TAB, English name): every "
        "service in the country whose Bengali name matches, however its letters and spaces are written. "
        "The standard charters repeat the same services, so one line names hundreds of rows."
    )

    def add_arguments(self, parser):
        parser.add_argument("glossary", help="e.g. fixtures/translations/service-names.en.tsv")
        parser.add_argument(
            "--phrases",
            help=f"the phrase glossary (default: {PHRASES_FILE} beside the service-name glossary, if there is one)",
        )

    @transaction.atomic
    def handle(self, glossary, phrases=None, **options):
        names = read_glossary(glossary)
        phrasebook = Phrasebook(read_phrases(phrases or Path(glossary).with_name(PHRASES_FILE)), place_names())
        used, named, fields_translated, touched_offices = set(), 0, 0, set()
        for model, fields in phrase_fields():
            is_service = model is Service
            updated = []
            for row in model.objects.all().iterator(chunk_size=1000):
                dirty = False
                if is_service:
                    english = names.get(search_key(row.name_bn))
                    if english:
                        used.add(search_key(row.name_bn))
                    if english and (english != row.name_en or "name" in row.stale_english()):
                        row.name_en, dirty = english, True
                        row.english_written("name")
                        named += 1
                # The repeated phrases, in every field that has no English yet (English someone wrote is kept).
                stale = row.stale_english()  # English written for another Bengali is no English
                for field in fields:
                    if getattr(row, f"{field}_en") and field not in stale:
                        continue
                    english = phrasebook.translate(getattr(row, f"{field}_bn"))
                    if english:
                        setattr(row, f"{field}_en", english)
                        row.english_written(field)
                        dirty = True
                        fields_translated += 1
                if dirty:
                    updated.append(row)
                    touched_offices.add(getattr(row, "office_id", None))
            # One statement per batch: saving row by row would renew the pages' version each time.
            written = [f"{f}_en" for f in fields] + ["english_of"] + (["name_en"] if is_service else [])
            model.objects.bulk_update(updated, written, batch_size=500)
        versions = translate_published(published_english(names, phrasebook))
        if touched_offices or versions:
            new_version()
        n = bengali_digits
        self.stdout.write(
            f"ইংরেজি নাম পেয়েছে {n(named)}টি সেবা; নামের শব্দকোষের {n(len(names) - len(used))}টি লাইন কোনো সেবার "
            f"সঙ্গে মেলেনি; বাক্যাংশের শব্দকোষ থেকে ইংরেজি পেয়েছে {n(fields_translated)}টি ঘর; "
            f"হালনাগাদ হয়েছে {n(versions)}টি প্রকাশিত সংস্করণ।"
        )
