"""OCR of the pieces of a scanned page (its table cells and the bands of text between tables), each
read on its own but all of a page in one Tesseract run: the pieces are stacked, with white space
between them, on one tall image that Tesseract reads as a single block (`--psm 6`, TSV output with
each word's box and confidence); each word goes back to the piece it was cut from. A process a
piece would cost half a second each, hundreds of times a charter.
"""

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from charters.errors import CharterError

from .ocr_text import address_goes_on, number_goes_on

OCR_SECONDS = 300  # one page's OCR; a page of tables takes a few seconds
GAP = 60  # white pixels between the pieces stacked for Tesseract
MAX_STACK = 30000  # pixels: Tesseract and Leptonica handle images up to 32767 high
_ONE_THREAD = {**os.environ, "OMP_THREAD_LIMIT": "1"}
LANGUAGES = "ben+eng"
INSTALL = "সার্ভারে tesseract-ocr ও tesseract-ocr-ben প্যাকেজ ইনস্টল করুন (Debian: apt-get install tesseract-ocr tesseract-ocr-ben poppler-utils)।"


@dataclass
class Piece:
    """A part of a page read on its own: a table cell, or a band of text between tables."""

    box: tuple  # (left, top, right, bottom) on the page
    words: list = None  # [(line key, left, top, right, text, confidence)] once read


def read_pieces(pieces, page, dpi, languages=LANGUAGES):
    """Read every piece of one page with one Tesseract run; fill each piece's words (page pixels)."""
    from PIL import Image

    image = Image.fromarray(page)
    inked = []
    for piece in pieces:
        piece.words = []
        left, top, right, bottom = piece.box
        if right - left > 4 and bottom - top > 4 and (page[top:bottom, left:right] < 160).sum() > dpi // 10:
            inked.append(piece)
    scale = _scale(dpi)
    for batch in _batches(inked, scale):
        width = max(p.box[2] - p.box[0] for p in batch) + 2 * GAP
        height = sum(p.box[3] - p.box[1] + GAP for p in batch) + GAP
        stack = Image.new("L", (width, height), 255)
        offsets, y = [], GAP
        for piece in batch:
            stack.paste(image.crop(piece.box), (GAP, y))
            offsets.append(y)
            y += piece.box[3] - piece.box[1] + GAP
        if scale != 1:
            stack = stack.resize((round(width * scale), round(height * scale)), Image.LANCZOS)
        for key, *box, text, confidence in _tesseract(stack, round(dpi * scale), languages):
            left, top, right, bottom = (round(v / scale) for v in box)
            index = max(i for i, offset in enumerate(offsets) if offset <= top + GAP // 2)
            dx, dy = batch[index].box[0] - GAP, batch[index].box[1] - offsets[index]
            batch[index].words.append((key, left + dx, top + dy, right + dx, bottom + dy, text, confidence))


READ_AT = 200  # dpi


def _scale(dpi):
    """How much a piece is enlarged before reading: an image scanned under 200 dpi is read as if at
    200, as a PDF's pages are rasterised at no less (enlarging further did not help: at 300 the
    model read more letters wrong than it put right)."""
    return max(1.0, READ_AT / dpi)


# A word of one or two Latin letters or digits in a Bengali charter ("9", "q", "ow", "&") is nearly
# always a Bengali digit or letter the English model claimed (৩, ৭, ০২, ৫); "ICT" and e-mails are
# longer. Such lines are read again with the Bengali model alone.
_LATIN_SLIP = re.compile(r"[A-Za-z0-9&«»]{1,2}[.,)]?")
# The English model reads a danda after a Bengali letter or digit as 1, l or | ("৩1" for ৩।).
_DANDA_SLIP = re.compile(r"(?<=[\u0980-\u09ff])[1l|]$")
_CAPITALS = re.compile(r"[A-Z]{4,}")  # "BROT" for উর্ধ্বতন, beside Bengali words
# A Latin word the English model is unsure of in a Bengali cell ("SPT" for তত্ত্বীয়, "Sate" for
# নির্ভরশীল) is a Bengali word it claimed; a real one ("ICT") it reads at 85 or more.
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}[.,)/]?")
SURE_LATIN = 80


def reread_latin_slips(pieces, page, dpi):
    lines = []
    for piece in pieces:
        above = ""
        in_bengali = any(re.search(r"[\u0980-\u09ff]", w[5]) for w in piece.words)
        for key, words in _line_words(piece):
            texts, in_address = [w[5] for w in words], address_goes_on(above, " ".join(w[5] for w in words))
            above = " ".join(texts)
            if in_address:  # "m", the end of "…@gmail.co" broken off, is no Bengali letter
                continue
            bengali = any(re.search(r"[\u0980-\u09ff]", t) for t in texts)
            slips = [t for t in texts if _LATIN_SLIP.fullmatch(t) or (bengali and _CAPITALS.fullmatch(t))]
            slips += [w[5] for w in words if in_bengali and _LATIN_WORD.fullmatch(w[5]) and w[6] < SURE_LATIN]
            if slips and not any(re.search(r"@|://|www", t) for t in texts):
                box = (min(w[1] for w in words) - 6, min(w[2] for w in words) - 6)
                box += (max(w[3] for w in words) + 6, max(w[4] for w in words) + 6)
                lines.append((piece, key, Piece(box)))
    if not lines:
        return
    read_pieces([line for _, _, line in lines], page, dpi, "ben")
    for piece, key, line in lines:
        if line.words:
            before = [w for w in piece.words if w[0] == key]
            after = [_kept_latin(w, before) for w in line.words]
            piece.words = [w for w in piece.words if w[0] != key] + [(key, *w[1:]) for w in after]


def _kept_latin(word, before):
    """A word of the Bengali-only reading, or the English reading of it when that was a Latin word
    of three letters or more read surely ("ICT", which the Bengali model reads as "ঢো")."""
    for old in before:
        overlap = min(word[3], old[3]) - max(word[1], old[1])
        if overlap > (word[3] - word[1]) // 2 and re.fullmatch(r"[A-Za-z]{3,}", old[5]) and old[6] >= SURE_LATIN:
            return old
    return word


# Tesseract reads a lone digit badly (৬ as ঙ, ৫ as "&", 1. as রা): it has no line around it. The
# short cells of a page (serial numbers, "(৫)") are read again side by side on one line, without the
# letters and symbols no short cell of a charter holds, and as numbers only.
SHORT = 4  # characters
_NOT_IN_SHORT_CELLS = "&@©€«»%" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"  # ৮ read as b, ৭ as q
_NUMBERS = "০১২৩৪৫৬৭৮৯0123456789()."  # serials are typed in either
_TO_BENGALI_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")


def reread_short_cells(pieces, page, dpi):
    import numpy as np
    from PIL import Image

    short = []  # (piece, the line key it replaces or None for the whole cell, box, digits only)
    for piece in pieces:
        text = "".join(w[5] for w in piece.words)
        if piece.words and len(text) <= SHORT:
            left, top, right, bottom = piece.box
            ys, xs = np.nonzero(page[top:bottom, left:right] < 160)
            if len(ys) and ys.max() - ys.min() < dpi // 3:  # one line of ink
                box = (left + xs.min(), top + ys.min(), left + xs.max() + 1, top + ys.max() + 1)
                short.append((piece, None, box, False))
        else:
            short += [(piece, key, box, True) for key, box in _number_tails(piece)]
    if not short:
        return
    image, gap = Image.fromarray(page), dpi // 3
    height = max(box[3] - box[1] for _, _, box, _ in short) + 2 * GAP
    line = Image.new("L", (sum(box[2] - box[0] + gap for _, _, box, _ in short) + gap, height), 255)
    spans, x = [], gap
    for _, _, box, _ in short:
        line.paste(image.crop(box), (x, (height - (box[3] - box[1])) // 2))
        spans.append((x - gap // 2, x + box[2] - box[0] + gap // 2))
        x += box[2] - box[0] + gap
    # Read twice as large (a digit is a few dozen pixels), once as any short text and once as
    # numbers only; each cell takes the reading Tesseract is surer of.
    line = line.resize((line.width * 2, line.height * 2), Image.LANCZOS)
    readings = [
        _tesseract(line, dpi * 2, LANGUAGES, psm="7", blacklist=_NOT_IN_SHORT_CELLS),
        _tesseract(line, dpi * 2, LANGUAGES, psm="7", whitelist=_NUMBERS),
    ]
    for (piece, key, box, digits_only), (start, end) in zip(short, spans, strict=True):
        best = None
        for words in readings[1:] if digits_only else readings:
            mine = sorted(w for w in words if start * 2 <= (w[1] + w[3]) // 2 < end * 2)
            if mine:
                text, confidence = "".join(w[5] for w in mine), min(w[6] for w in mine)
                # Short cells are mostly numbers: a reading with a digit wins unless far less sure.
                score = confidence + (30 if re.search(r"[0-9০-৯]", text) else 0)
                if best is None or score > best[2]:
                    best = (text, confidence, score)
        if not best:
            continue
        # The Bengali model reads ৪ as 8: a short cell's number is written in Bengali digits, the
        # end of a number in the digits of its start.
        text = (
            best[0]
            if key and re.search(r"[0-9][^০-৯]*$", _text_before(piece, key))
            else best[0].translate(_TO_BENGALI_DIGITS)
        )
        word = (key or ("short",), *box, text, best[1])
        piece.words = [w for w in piece.words if key and w[0] != key] + [word]


def _line_words(piece):
    """The piece's words by line, top to bottom: [(key, [words left to right])]."""
    lines = {}
    for word in piece.words:
        lines.setdefault(word[0], []).append(word)
    return sorted(
        ((key, sorted(words, key=lambda w: w[1])) for key, words in lines.items()),
        key=lambda kw: min(w[2] for w in kw[1]),
    )


def _text_before(piece, key):
    lines = _line_words(piece)
    index = next(i for i, (k, _) in enumerate(lines) if k == key)
    return " ".join(w[5] for w in lines[index - 1][1]) if index else ""


def _number_tails(piece):
    """The lines of a cell that are the broken-off end of a phone number: a line of at most three
    characters under a line ending in a number that is not yet whole ("০১৮১১৮৩২৬৩" / "৭" read as
    "চ" or "b": a lone digit has no context). (line key, box) of each."""
    lines = _line_words(piece)
    tails = []
    for (_, above), (key, words) in zip(lines, lines[1:], strict=False):
        text = "".join(w[5] for w in words)
        if len(text) <= 3 and number_goes_on(" ".join(w[5] for w in above), "0"):
            tails.append(
                (
                    key,
                    (
                        min(w[1] for w in words),
                        min(w[2] for w in words),
                        max(w[3] for w in words),
                        max(w[4] for w in words),
                    ),
                )
            )
    return tails


def _batches(pieces, scale=1):
    batch, height = [], 0
    for piece in pieces:
        size = (piece.box[3] - piece.box[1] + GAP) * scale
        if batch and height + size > MAX_STACK:
            yield batch
            batch, height = [], 0
        batch.append(piece)
        height += size
    if batch:
        yield batch


def _tesseract(image, dpi, languages, psm="6", blacklist="", whitelist=""):
    """Tesseract's words of an image: (line key, left, top, right, bottom, text, confidence)."""
    with tempfile.TemporaryDirectory(prefix="charter-ocr-") as work:
        source = Path(work) / "stack.png"
        image.save(source, dpi=(dpi, dpi))
        command = ["tesseract", str(source), "stdout", "-l", languages, "--psm", psm, "--dpi", str(dpi)]
        command += ["-c", f"tessedit_char_blacklist={blacklist}"] if blacklist else []
        command += ["-c", f"tessedit_char_whitelist={whitelist}"] if whitelist else []
        # Tesseract drops as noise a line of one long word joined by commas ("সাইট,জেলা,কার্যালয়,").
        command += ["-c", "textord_noise_rejrows=0"]
        command.append("tsv")
        try:
            # One thread: Tesseract's OpenMP threads cost more than they give on a busy server.
            done = subprocess.run(command, capture_output=True, timeout=OCR_SECONDS, env=_ONE_THREAD)
        except FileNotFoundError:
            raise CharterError("স্ক্যান করা চার্টার পড়ার OCR (tesseract) এই সার্ভারে নেই। " + INSTALL) from None
        except subprocess.TimeoutExpired:
            raise CharterError("OCR সময়মতো শেষ হয়নি; স্ক্যানটি ছোট করে বা পাতা ভাগ করে পাঠান।") from None
    if done.returncode:
        raise CharterError("OCR ছবিটি পড়তে পারেনি: " + done.stderr.decode("utf-8", "replace").strip()[:200])
    words = []
    for row in done.stdout.decode("utf-8", "replace").splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) < 12 or fields[0] != "5" or not fields[11].strip():
            continue
        block, paragraph, line = (int(f) for f in fields[2:5])
        left, top, width, height = (int(f) for f in fields[6:10])
        words.append(
            ((block, paragraph, line), left, top, left + width, top + height, fields[11], round(float(fields[10])))
        )
    return words


def lines_of(piece):
    """The piece's text lines in order: [(text, right edge, lowest confidence, first word's width)]."""
    lines = {}
    for key, left, top, right, _, text, confidence in piece.words:
        lines.setdefault(key, []).append((left, top, right, text, confidence))
    ordered = sorted(lines.values(), key=lambda words: min(w[1] for w in words))
    result = []
    for words in ordered:
        words.sort()
        text = " ".join(_DANDA_SLIP.sub("।", w[3]) for w in words)
        result.append((text, max(w[2] for w in words), min(w[4] for w in words), words[0][2] - words[0][0]))
    return result
