"""Issue 14: English that reads as English. The phrase glossary HQ keeps and the time-limit pattern,
applied to every office in the country by translate_services."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from charters.management.commands.translate_services import Phrasebook, read_phrases
from services.models import Expectation, Service, ServiceListing
from tests.support import FIXTURES, SEED_OFFICES

pytestmark = pytest.mark.django_db

GLOSSARY = FIXTURES / "translations" / "service-names.en.tsv"
PHRASES = FIXTURES / "translations" / "phrases.en.tsv"
BENGALI_LETTER = re.compile(r"[\u0985-\u09b9\u09ce\u09dc-\u09e1]")


@pytest.fixture
def book():
    return Phrasebook(read_phrases(PHRASES), [("জেলা কার্যালয়, জয়পুরহাট", "District Office, Joypurhat")])


@pytest.mark.parametrize(
    "bengali, english",
    [
        ("০৫ (পাঁচ) কার্যদিবস (প্রযোজ্য ক্ষেত্রে)", "5 working days (where applicable)"),
        ("তাৎক্ষনিক/ 7 কার্যদিবস (প্রযোজ্য ক্ষেত্রে)", "immediately / 7 working days (where applicable)"),
        ("১ কার্যদিবস", "1 working day"),
        ("৩ দিন", "3 days"),
        ("২ মাস", "2 months"),
        ("তাৎক্ষণিক/কার্যদিব স (প্রযোজ্য ক্ষেত্রে)", "immediately / working days (where applicable)"),
    ],
)
def test_time_limits_are_translated_by_their_pattern(book, bengali, english):
    assert book.translate(bengali) == english


def test_spelling_variants_of_a_phrase_meet_one_line_of_the_glossary(book):
    assert book.translate("দাপ্তরিক ওয়েব সাইট/ টেলিফোন/ ই- মেইল/ই- নথি/সরাসরি") == (
        "office website / telephone / e-mail / e-Nothi / in person"
    )
    assert book.translate("বিনামূল্যে") == "free of charge"
    # য় written as য + nukta, and the place named as the charter writes it (no comma)
    assert book.translate("প্রযোজ্য ক্ষেত্রে আবেদনপত্র/ জেলা কার্যালয় জ\u09af\u09bcপুরহাট") == (
        "an application, where applicable / District Office, Joypurhat"
    )
    assert book.translate("১. দাপ্তরিক ওয়েব সাইটের মাধ্যমে ২. টেলিফোনে যোগাযোগ") == (
        "1. through the office's website 2. by telephone"
    )


def test_text_with_any_word_the_glossary_lacks_keeps_its_bengali(book):
    assert book.translate("বিনামূল্যে, তবে অগ্রিম জানাতে হবে") is None
    assert book.translate("জনাব মোঃ নাজমুল হোসেন") is None
    assert book.translate("") is None


def test_a_broken_phrase_line_is_refused_with_its_line(tmp_path):
    (tmp_path / "service-names.en.tsv").write_text("", "utf-8")
    (tmp_path / "phrases.en.tsv").write_text("# c\nবিনামূল্যে free\n", "utf-8")
    with pytest.raises(
        CommandError, match="phrases.en.tsv, লাইন ২: প্রতি লাইনে লিখুন 'বাংলা বাক্যাংশ<TAB>ইংরেজি'। কিছুই লেখা হয়নি"
    ):
        call_command("translate_services", str(tmp_path / "service-names.en.tsv"))


def test_the_command_translates_every_office_in_few_statements_and_keeps_written_english(
    django_assert_max_num_queries,
):
    written = Service.objects.filter(office__key="joypurhat").first()
    written.fee_en = "Free (written by the office)"
    written.save()
    out = StringIO()
    # Whatever the number of services: batches, not rows (the published GRS chain adds a fixed 6).
    with django_assert_max_num_queries(46):
        call_command("translate_services", str(GLOSSARY), stdout=out)
    assert "বাক্যাংশের শব্দকোষ থেকে ইংরেজি পেয়েছে" in out.getvalue()
    written.refresh_from_db()
    assert written.fee_en == "Free (written by the office)"
    free = Service.objects.filter(fee_bn="বিনামূল্যে").exclude(pk=written.pk)
    assert free.count() > 50 and set(free.values_list("fee_en", flat=True)) == {"free of charge"}
    offices = set(free.values_list("office__key", flat=True))
    assert len(offices) >= 4  # applied nationwide, not office by office
    assert Expectation.objects.filter(text_en="Hand in a complete application").exists()
    # the search text of the published services follows: found by their delivery method in English
    by_website = ServiceListing.objects.filter(delivery_method_en__icontains="office website")
    assert by_website.count() >= 10
    assert all("office website" in listing.search_text for listing in by_website)


def test_english_charter_pages_are_at_most_a_fifth_bengali(client):
    call_command("translate_services", str(GLOSSARY), stdout=StringIO())
    shares = {}
    for key in SEED_OFFICES:
        html = client.get(f"/en/office/{key}/").content.decode()
        body = html.split("<body>", 1)[1]
        text = re.sub(r"<[^>]+>", " ", re.sub(r"<wbr>", "", body))
        letters = [ch for ch in text if ch.isalpha()]
        shares[key] = sum(1 for ch in letters if BENGALI_LETTER.match(ch)) / len(letters)
    assert shares["joypurhat"] <= 0.20 and all(share <= 0.20 for share in shares.values()), shares
