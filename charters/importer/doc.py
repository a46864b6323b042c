"""Old Word (.doc, Word 97–2003) charters: converted to .docx by LibreOffice, then read as Word.

python-docx cannot open the binary .doc format; LibreOffice headless can convert it
(`soffice --headless --convert-to docx`, Debian's libreoffice-writer-nogui). Each conversion runs
in a temporary directory with its own LibreOffice profile (two at once would otherwise share and
lock one) and a time limit. The fonts named by the runs survive the conversion, so a Bijoy .doc
is read like a Bijoy .docx. Without soffice, the message says what to do.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from charters.errors import CharterError

TIMEOUT = 120  # seconds; a charter converts in a few

NO_SOFFICE = (
    "পুরোনো Word (.doc) ফাইল পড়তে সার্ভারে LibreOffice (soffice) লাগে, যা এই সার্ভারে নেই। "
    "ফাইলটি Word-এ খুলে “Save As” দিয়ে .docx হিসেবে সংরক্ষণ করে পাঠান, "
    "অথবা সার্ভারে libreoffice-writer-nogui ইনস্টল করুন।"
)


def soffice():
    """The LibreOffice program, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(data, suffix, to):
    """The bytes of ``data`` (a file ending ``suffix``) converted by LibreOffice ``to`` a format
    ("docx", "pdf"), or a CharterError saying why not."""
    program = soffice()
    if program is None:
        raise CharterError(NO_SOFFICE)
    with tempfile.TemporaryDirectory(prefix="charter-soffice-") as work:
        source = Path(work) / f"charter.{suffix}"
        source.write_bytes(data)
        out = Path(work) / "out"
        command = [
            program,
            f"-env:UserInstallation=file://{work}/profile",
            "--headless",
            "--norestore",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False, env={**os.environ, "HOME": work})
        except subprocess.TimeoutExpired:
            raise CharterError(
                f"LibreOffice {TIMEOUT} সেকেন্ডে ফাইলটি রূপান্তর করতে পারেনি। ফাইলটি Word-এ খুলে .docx হিসেবে সংরক্ষণ করে পাঠান।"
            ) from None
        converted = out / f"charter.{to}"
        if not converted.exists():
            raise CharterError(
                "LibreOffice ফাইলটি খুলতে পারেনি (ভাঙা বা পাসওয়ার্ড দেওয়া .doc?)। ফাইলটি Word-এ খুলে .docx হিসেবে সংরক্ষণ করে পাঠান।"
            )
        return converted.read_bytes()


def doc_blocks(data, seen=None):
    """The blocks of an old Word (.doc) file: converted to .docx, then read as Word."""
    from .word import docx_blocks

    return docx_blocks(convert(data, "doc", "docx"), seen)
