"""The files of a bulk import: a folder, a zip, or files uploaded together, as (name, bytes or a
refusal) in a stable order. The limits are checked before a file is read whole: how many files,
each file's size (from the folder or the zip's directory), and a zip's total, so a zip bomb is
refused before it is unpacked. A single file's own limits are the importer's (charters.importer.limits).
"""

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from charter_portal.bangla import bengali_digits
from charters.errors import CharterError
from charters.importer.limits import MAX_BYTES, size_refusal

MAX_FILES = 1000  # one file an office: 559 offices
MAX_ZIP_BYTES = 500 * 1024 * 1024  # everything a zip declares, unpacked


@dataclass
class Incoming:
    name: str
    data: bytes = b""
    refusal: str = ""  # why the file was not even read (too large, a zip inside the zip)


def _skipped(name):
    """Not a charter: folders' own files (macOS, Windows), Word's lock files, hidden files."""
    parts = PurePosixPath(name).parts
    base = parts[-1] if parts else ""
    return not base or base.startswith((".", "~$")) or "__MACOSX" in parts or base.lower() in ("thumbs.db",)


def _too_many(count):
    return CharterError(
        f"{bengali_digits(str(count))}টি ফাইল; একবারে {bengali_digits(str(MAX_FILES))}টির বেশি নেওয়া হয় না। ভাগ করে দিন।"
    )


def from_folder(path):
    """Every file under the folder (sub-folders too), sorted by path."""
    root = Path(path)
    paths = [p for p in sorted(root.rglob("*")) if p.is_file() and not _skipped(p.relative_to(root).as_posix())]
    if len(paths) > MAX_FILES:
        raise _too_many(len(paths))
    for p in paths:
        name = p.relative_to(root).as_posix()
        refusal = size_refusal(p.stat().st_size)
        yield Incoming(name, b"" if refusal else p.read_bytes(), refusal)


def from_zip(data, name="zip"):
    """Every file of a zip, checked against its directory before one is unpacked."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in package.infolist() if not m.is_dir() and not _skipped(m.filename)]
    except (zipfile.BadZipFile, ValueError, OSError):
        raise CharterError(f"{name}: zip ফাইলটি ভাঙা; খোলা যায়নি।") from None
    if len(members) > MAX_FILES:
        raise _too_many(len(members))
    declared = sum(m.file_size for m in members)
    if declared > MAX_ZIP_BYTES:
        raise CharterError(
            f"{name}: zip খুললে {bengali_digits(str(declared))} বাইট হয়; একবারে "
            f"{bengali_digits(str(MAX_ZIP_BYTES // (1024 * 1024)))} MB-এর বেশি নেওয়া হয় না (zip বোমা?)।"
        )
    for member in sorted(members, key=lambda m: m.filename):
        refusal = size_refusal(member.file_size)
        if not refusal and member.filename.lower().endswith(".zip"):
            refusal = "zip-এর ভেতরের zip খোলা হয় না; ফাইলগুলো একটি zip-এ রাখুন।"
        if refusal:
            yield Incoming(member.filename, refusal=refusal)
            continue
        try:
            with package.open(member) as handle:
                content = handle.read(MAX_BYTES + 1)  # a directory that lies about the size is caught here
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
            yield Incoming(member.filename, refusal="zip-এর এই ফাইলটি খোলা যায়নি (ভাঙা বা পাসওয়ার্ড দেওয়া)।")
            continue
        yield Incoming(member.filename, content, size_refusal(len(content)))


def from_path(path):
    """A folder or a zip file on disk."""
    path = Path(path)
    if path.is_dir():
        return list(from_folder(path))
    if not path.is_file():
        raise CharterError(f"{path}: এমন কোনো ফোল্ডার বা ফাইল নেই।")
    if path.stat().st_size > MAX_ZIP_BYTES or not zipfile.is_zipfile(path):
        raise CharterError(f"{path.name}: একটি ফোল্ডার বা zip ফাইল দিন।")
    return list(from_zip(path.read_bytes(), path.name))


def from_uploads(uploads):
    """Files uploaded in the admin: each a charter file, or a zip of them."""
    if len(uploads) > MAX_FILES:
        raise _too_many(len(uploads))
    found = []
    for upload in uploads:
        if upload.name.lower().endswith(".zip"):
            if upload.size > MAX_ZIP_BYTES:
                raise CharterError(f"{upload.name}: zip ফাইলটি অনেক বড়।")
            found += from_zip(b"".join(upload.chunks()), upload.name)
        else:
            refusal = size_refusal(upload.size)
            found.append(Incoming(upload.name, b"" if refusal else b"".join(upload.chunks()), refusal))
        if len(found) > MAX_FILES:
            raise _too_many(len(found))
    return found
