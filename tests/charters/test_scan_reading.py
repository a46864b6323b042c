"""How a scan's OCR is put together into cells (issue 20), without running Tesseract: a crooked page
turned straight, lines of a cell joined where the layout broke a number or an address, words the
Bengali model misreads in a known way put right from the charter's vocabulary, and serials that
must go 1, 2, 3 down a table."""

import numpy as np
from PIL import Image

from charters.importer import Table
from charters.importer.grid import tables
from charters.importer.ocr_text import cell_text
from charters.importer.ocr_words import Vocabulary
from charters.importer.scan import Unsure, _number_unread_serials
from charters.importer.skew import skew_angle, straightened
from charters.importer.tables import Row
from tests.charters.test_scan_import import drawn_table


def turned(page, degrees):
    return np.asarray(Image.fromarray(page).rotate(degrees, resample=Image.BICUBIC, fillcolor=255))


def test_a_page_turned_one_degree_is_found_turned_and_its_table_found_again_once_straightened():
    page = turned(drawn_table(), 1.0)
    assert abs(skew_angle(page) - 1.0) < 0.1
    assert not tables(page, 200)  # a crooked table's lines are not found …
    (grid,) = tables(straightened(page), 200)  # … a straightened one's are
    assert (grid.row_count, grid.column_count) == (4, 3)
    assert straightened(drawn_table()) is not None and abs(skew_angle(drawn_table())) < 0.05


def lines(*texts, right=300):
    """OCR lines of a cell 300 px wide, each filling it: (text, right edge, confidence, first width)."""
    return [(text, right, 90, 40) for text in texts]


def test_a_phone_number_broken_across_lines_in_a_cell_is_one_number_again():
    assert cell_text(lines("ফোন:", "+", "৮৮০২৫৮৯৯৬২৪৮", "৮"), 300, 25) == "ফোন:\n+৮৮০২৫৮৯৯৬২৪৮৮"
    assert cell_text(lines("ফোনঃ০১৮১১৮৩২৬৩", "৭"), 300, 25) == "ফোনঃ০১৮১১৮৩২৬৩৭"
    # Two whole numbers, one a line, stay two.
    assert cell_text(lines("০১৭১১০০০০০০", "০১৮১১০০০০০০"), 300, 25) == "০১৭১১০০০০০০\n০১৮১১০০০০০০"


def test_an_email_broken_across_lines_is_one_address_and_a_bengali_line_end_is_a_space():
    assert cell_text(lines("programmer.ma", "gura@gmail.co", "m"), 300, 25) == "programmer.magura@gmail.com"
    assert cell_text(lines("যোগাযোগ/টেলিফোনে", "যোগাযোগ"), 300, 25) == "যোগাযোগ/টেলিফোনে\nযোগাযোগ"
    assert cell_text(lines("সাইট,জেলা,", "কার্যালয়,"), 300, 25) == "সাইট,জেলা,কার্যালয়,"
    assert cell_text(lines("ই-", "নথি"), 300, 25) == "ই-নথি"


def test_words_the_bengali_model_misreads_in_a_known_way_are_put_right_from_the_vocabulary():
    cells = ["উর্ধ্বতন কর্তৃপক্ষের নির্দেশনা"] * 3 + ["নিদেশনা মোতাবেক", "তাতক্ষণিক/কার্ধ দিবস"]
    vocabulary = Vocabulary(cells)
    assert vocabulary.correct_text("নিদেশনা মোতাবেক") == "নির্দেশনা মোতাবেক"  # the charter's own word, reph dropped
    assert vocabulary.correct_text("উধ্বতন কতৃপক্ষের") == "উর্ধ্বতন কর্তৃপক্ষের"
    assert vocabulary.correct_text("তাতক্ষণিক/কার্ধ দিবস") == "তাৎক্ষণিক/কার্য দিবস"  # the time-limit column's words
    # Not a known misreading, an inflection, Latin and digits: left as read.
    for text in ("আইডি কার্ড", "দিনে", "ICT", "০২"):
        assert vocabulary.correct_text(text) == text


def test_serials_misread_down_a_table_are_put_back_in_sequence_and_listed_as_unsure():
    header = Row(1, [(2, "ক্রমিক নং"), (3, "সেবার নাম")])
    rows = [header] + [
        Row(10 * i, [(10 * i + 1, serial), (10 * i + 2, "সেবা")])
        for i, serial in enumerate(["১", "২", "৮", "৪", "চি", "৬", "২", "১৯"], 1)
    ]
    table, unsure = Table(rows, 1), [Unsure(51, "চি", 40)]
    _number_unread_serials(table, unsure)
    assert [row.cells[0][1] for row in table.rows[1:]] == ["১", "২", "৩", "৪", "৫", "৬", "৭", "৮"]
    assert {cell.text for cell in unsure} == {"৮ → ৩", "চি → ৫", "২ → ৭", "১৯ → ৮"}


def test_serials_mostly_in_their_place_put_the_few_misread_ones_in_theirs():
    header = Row(1, [(2, "ক্রমিক নং"), (3, "সেবার নাম")])
    read = ["১", "২", "৯", "৮", "৫", "৬", "৭", "৮"]  # ৩ and ৪ read as ৯ and ৮, one after the other
    rows = [header] + [Row(10 * i, [(10 * i + 1, serial), (10 * i + 2, "সেবা")]) for i, serial in enumerate(read, 1)]
    unsure = []
    _number_unread_serials(Table(rows, 1), unsure)
    assert [row.cells[0][1] for row in rows[1:]] == ["১", "২", "৩", "৪", "৫", "৬", "৭", "৮"]
    assert {cell.text for cell in unsure} == {"৯ → ৩", "৮ → ৪"}
