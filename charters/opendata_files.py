"""The national open data files, built once per content version and kept gzipped on disk.

``/opendata/charters.json`` (15 MB) and ``/opendata/services.csv`` (8 MB) take seconds to build
on the national dataset, so they are built once for each content version (pagecache), written
gzipped into OPENDATA_DIR and served from there: with sendfile to every client that accepts gzip,
decompressed on the fly to one that does not, with an ETag and Last-Modified, and a 304 to a
repeat request. The workers of one machine share the files; a lock file makes one of them build
while the others wait for it. A file is named by what makes its bytes: the document, the content
version, the site (its URLs are absolute) and FORMAT, so a new version is a new file and the files
of superseded versions are removed a minute after the next one is built. A deploy that changes
what the files hold bumps FORMAT (or empties the directory: the systemd unit does on every start).
"""

import fcntl
import gzip
import hashlib
import os
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, HttpResponseNotModified, StreamingHttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.http import http_date, parse_http_date_safe

from pagecache.middleware import not_modified
from pagecache.versions import current_version

FORMAT = "1"
CHUNK = 64 * 1024
SUPERSEDED_AFTER_S = 60
# (file path) -> (ETag, mtime) of the files this process has seen built.
_KNOWN = {}


def directory():
    path = Path(settings.OPENDATA_DIR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def served(request, name, build, content_type, attachment=False):
    """The document ``name`` (``charters.json``) for the current content version: built by
    ``build(request)`` (an iterable of str) if no file holds it yet."""
    version = current_version()
    if version is None:  # no version row (a flushed test database): nothing to key a file by
        return _response(request, build(request), content_type, name, attachment)
    site = f"{request.scheme}://{request.get_host()}"
    digest = hashlib.sha256(f"{site} {FORMAT}".encode()).hexdigest()[:16]
    path = directory() / f"{name}.{version}.{digest}.gz"
    for _ in range(2):
        etag, mtime = _KNOWN.get(path) or _ensure(path, name, build, request)
        if _fresh(request, etag, mtime):
            return HttpResponseNotModified(headers={"ETag": etag, "Last-Modified": http_date(mtime)})
        try:
            file = open(path, "rb")  # noqa: SIM115 (closed by the response)
        except FileNotFoundError:  # removed under us (an emptied directory): build it again
            _KNOWN.pop(path, None)
            continue
        if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            response = FileResponse(file, content_type=content_type, as_attachment=attachment, filename=name)
            response["Content-Encoding"] = "gzip"
        else:
            response = _response(request, _decompressed(file), content_type, name, attachment)
        response["ETag"], response["Last-Modified"] = etag, http_date(mtime)
        response["Vary"] = "Accept-Encoding"
        # Public and the same for everyone; a client may keep it, asking again (304) after five minutes.
        response["Cache-Control"] = "public, max-age=300"
        return response
    raise FileNotFoundError(path)


def _response(request, chunks, content_type, name, attachment):
    response = StreamingHttpResponse(chunks, content_type=content_type)
    if attachment:
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _decompressed(file):
    with file, gzip.GzipFile(fileobj=file) as unpacked:
        while chunk := unpacked.read(CHUNK):
            yield chunk


def _fresh(request, etag, mtime):
    if request.META.get("HTTP_IF_NONE_MATCH"):
        return not_modified(request, etag)
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and int(mtime) <= since


def _ensure(path, name, build, request):
    """Build the file unless it exists; one builder per machine (the others wait on the lock)."""
    with open(directory() / f".{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            _build(path, build(request))
            _remove_superseded(path, name)
    mtime = path.stat().st_mtime
    if len(_KNOWN) > 64:  # the entries of superseded versions
        _KNOWN.clear()
    with open(path, "rb") as file:
        etag = f'"{hashlib.sha256(file.read()).hexdigest()[:32]}"'
    _KNOWN[path] = (etag, mtime)
    return etag, mtime


def _build(path, chunks):
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".building-")
    try:
        with os.fdopen(handle, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as out:
            pending = []
            for chunk in chunks:
                pending.append(chunk)
                if len(pending) >= 256:
                    out.write("".join(pending).encode())
                    pending = []
            out.write("".join(pending).encode())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _remove_superseded(path, name):
    cutoff = time.time() - SUPERSEDED_AFTER_S
    for other in path.parent.glob(f"{name}.*.gz"):
        if other != path and other.stat().st_mtime < cutoff:
            other.unlink(missing_ok=True)
            _KNOWN.pop(other, None)
