"""Bijoy (SutonnyMJ) to Unicode (issue 20): every word of every seed charter written in Bijoy reads
back exactly; words typed by hand in Bijoy (not by our encoder) read as they should; Bijoy text
is told from English and Unicode by its content, and Bijoy fonts from the others by their name."""

import unicodedata

import pytest

from charters.importer.bijoy import bijoy_likelihood, is_bijoy_font, looks_like_bijoy, text_to_unicode, to_unicode
from tests.support import SEEDS
from tests.support.bijoy import segments, to_bijoy
from tests.support.charters import SEED_FILES


def through_bijoy(text):
    """The text as a Bijoy typist's file holds it (Latin pieces apart), read back by the importer."""
    return "".join(to_unicode(piece) if bijoy else piece for piece, bijoy in segments(text))


@pytest.mark.parametrize("key", SEED_FILES)
def test_every_word_of_each_seed_reads_back_from_bijoy_exactly(key):
    text = (SEEDS / SEED_FILES[key]).read_text()
    # NFC: one seed writes য় as one code point, the others as য + nukta; the same letter.
    words = sorted({unicodedata.normalize("NFC", word) for word in text.split()})
    wrong = [(word, through_bijoy(word)) for word in words if through_bijoy(word) != word]
    assert wrong == []
    assert len(words) > 190
    # and whole lines, where a vowel sign or reph could jump a space
    lines = [unicodedata.normalize("NFC", line) for line in text.splitlines()]
    assert [through_bijoy(line) for line in lines] == lines


# Typed in Bijoy by hand (REFERENCE.md, Bijoy pages of the national portal), not by our encoder.
KNOWN = {
    "‡Rjv cÖkvm‡Ki Kvh©vjq": "জেলা প্রশাসকের কার্যালয়",
    "†Rjv": "জেলা",  # the other code of ে
    "Kvh©vjq": "কার্যালয়",  # reph after its cluster
    "‡KŠkj": "কৌশল",  # ৌ: ‡ before, Š after
    "mswkøó": "সংশ্লিষ্ট",  # ø is the la-phala, not স্ন
    "‡cÖvMÖvgvi": "প্রোগ্রামার",  # ো around a ra-phala cluster
    "‡dvb: +8801712345678": "ফোন: +৮৮০১৭১২৩৪৫৬৭৮",  # "+" after a space kept
    "Òmyi¶vÓ-‡Z": "“সুরক্ষা”-তে",  # Bijoy's own quotation marks
    "“myi¶v”-‡Z": "“সুরক্ষা”-তে",  # Word's curly quotes typed in a SutonnyMJ run
    "gš¿Yvjq": "মন্ত্রণালয়",
    "¯’vb": "স্থান",
    "‡¶‡Î": "ক্ষেত্রে",
    "Kg©KZ©v": "কর্মকর্তা",
    "DaŸ©Zb": "উর্ধ্বতন",  # reph over a b-phala cluster
    "¸iæZ¡c~Y©": "গুরুত্বপূর্ণ",
    "AšÍf©y³": "অন্তর্ভুক্ত",  # the other lower ত
    "Awa`ß‡ii": "অধিদপ্তরের",
    "e…w×": "বৃদ্ধি",
    "¯^v¯’¨": "স্বাস্থ্য",
    "wbe©vnx": "নির্বাহী",
    "Kgx©": "কর্মী",  # a reph typed after the vowel sign
    "i¨ve": "র\u200d্যাব",  # র with a ya-phala, not a reph
    "‡gvt bvRgyj †nv‡mb": "মোঃ নাজমুল হোসেন",
    "05/12/2023 wLª÷vã": "০৫/১২/২০২৩ খ্রিস্টাব্দ",
}


@pytest.mark.parametrize("bijoy", KNOWN)
def test_words_typed_in_bijoy_by_hand_read_right(bijoy):
    assert to_unicode(bijoy) == unicodedata.normalize("NFC", KNOWN[bijoy])


def test_our_encoder_writes_the_hand_typed_words_as_a_typist_does():
    for bijoy in ("‡Rjv cÖkvm‡Ki Kvh©vjq", "‡KŠkj", "mswkøó", "‡cÖvMÖvgvi", "Kg©KZ©v"):
        assert to_bijoy(KNOWN[bijoy]) == bijoy


@pytest.mark.parametrize("key", SEED_FILES)
def test_a_seed_in_bijoy_is_told_from_english_and_unicode(key):
    text = (SEEDS / SEED_FILES[key]).read_text()
    bijoy = "".join(piece for piece, _ in segments(text))
    assert looks_like_bijoy(bijoy)
    assert not looks_like_bijoy(text)
    english = "The office gives ICT training and advice to citizens; write to doict.joypurhat@gmail.com."
    assert not looks_like_bijoy(english) and bijoy_likelihood(english) < 0.2
    assert bijoy_likelihood(bijoy) > 0.9


def test_a_text_without_fonts_keeps_its_e_mails_and_urls():
    text = "‡dvb: 02589 B-‡gBj: doict.joypurhat@gmail.com I‡qe: http://doict.joypurhat.gov.bd"
    assert text_to_unicode(text) == "ফোন: ০২৫৮৯ ই-মেইল: doict.joypurhat@gmail.com ওয়েব: http://doict.joypurhat.gov.bd"
    assert text_to_unicode("<b>‡mev</b> <http://doict.gov.bd>") == "<b>সেবা</b> <http://doict.gov.bd>"


def test_bijoy_fonts_are_known_by_their_name():
    for name in ("SutonnyMJ", "SutonnyOMJ", "Sutonny MJ", "SutonnyEMJ", "TorsaMJ", "ABCDEF+SutonnyMJ,Bold"):
        assert is_bijoy_font(name), name
    for name in ("Nikosh", "Kalpurush", "SolaimanLipi", "Times New Roman", "Calibri", "NikoshBAN", None, ""):
        assert not is_bijoy_font(name), name
