"""Words Tesseract's Bengali model misreads in a known way, put right from a vocabulary.

The model drops a reph (র্) or a hasanta (্) it cannot see ("নিদেশনা" for নির্দেশনা, "নিরভরশীল"
for নির্ভরশীল) and confuses a few look-alike letters (ৎ read as ত, য under a reph as ধ, ূ as ু).
A word that is not in the vocabulary and becomes a vocabulary word by exactly one of those edits is
taken as that word. The vocabulary is the words the parser knows a charter by (column names,
designations, section headings, the time-limit and fee columns' few words) and the charter's own
words, read at least twice and more often than the misread form. Nothing else is changed: an edit
outside that list ("কার্ড" is not "কার্য"), an inflection ("দিনে" stays) or a word with Latin
letters or digits is left as read, and the cell stays listed as unsure if it was.
"""

import re
from collections import Counter

from .officers import DESIGNATIONS
from .tables import SERVICE_COLUMNS

# The time-limit and fee columns are written with a few words (services/promises.py reads them).
COLUMN_PHRASES = (
    "তাৎক্ষণিক তাৎক্ষনিক কার্যদিবস কর্মদিবস কার্য দিবস দিন ঘণ্টা মাস প্রযোজ্য ক্ষেত্রে অনুযায়ী "
    "বিনামূল্যে বিনা মূল্যে টাকা সরকারি নির্ধারিত ফি পরিশোধ সর্বোচ্চ সময়"
)
REPH = "\ue000"  # র্ as one letter while comparing: the model drops it as one
_MARKS = ("্", REPH)  # what the model drops
_LOOK_ALIKES = ("তৎ", "যধ", "ুূ")  # what it confuses
_TOKEN = re.compile(r"[^\s/,;:()।.!\"“”'-]+")


def _units(word):
    return word.replace("র্", REPH)


def _variants(word):
    """Every word one known misreading away from ``word`` (as units)."""
    found = set()
    for i in range(len(word) + 1):
        for mark in _MARKS:
            found.add(word[:i] + mark + word[i:])
    for i, letter in enumerate(word):
        if letter == "্":
            found.add(word[:i] + REPH + word[i + 1 :])
        for group in _LOOK_ALIKES:
            if letter in group:
                found.update(word[:i] + other + word[i + 1 :] for other in group if other != letter)
    found.discard(word)
    return found


def known_words(*texts):
    """The Bengali words of the given texts, as units."""
    return {_units(w) for text in texts for w in _TOKEN.findall(text) if _bengali(w)}


def _bengali(word):
    return len(word) >= 3 and re.fullmatch(r"[\u0980-\u09ff\u200c\u200d]+", word)


PARSER_WORDS = known_words(
    COLUMN_PHRASES, " ".join(DESIGNATIONS), " ".join(w for words in SERVICE_COLUMNS.values() for w in words)
)
# A long word broken by a stray space keeps its first part ("কার্যদিব স", which the promise parser
# reads as কার্যদিবস).
PARSER_WORDS |= {word[:-1] for word in PARSER_WORDS if len(word) >= 6}


class Vocabulary:
    """The parser's words and a charter's own (``texts``: every cell of its tables)."""

    def __init__(self, texts, extra=()):
        self.counts = Counter(_units(w) for text in texts for w in _TOKEN.findall(text) if _bengali(w))
        self.lexicon = PARSER_WORDS | known_words(*extra)

    def _known(self, word, than):
        return word in self.lexicon or self.counts[word] >= max(2, than + 1)

    def correct(self, word):
        """The vocabulary word ``word`` is a known misreading of, or ``word``."""
        units = _units(word)
        if not _bengali(word) or units in self.lexicon:
            return word
        candidates = [v for v in _variants(units) if self._known(v, self.counts[units])]
        if not candidates:
            return word
        best = sorted(candidates, key=lambda v: (v not in self.lexicon, -self.counts[v]))
        if len(best) > 1 and (best[0] in self.lexicon) == (best[1] in self.lexicon):
            if self.counts[best[0]] == self.counts[best[1]]:
                return word  # two words as near: leave it as read
        return best[0].replace(REPH, "র্")

    def correct_text(self, text):
        return _TOKEN.sub(lambda match: self.correct(match.group()), text)
