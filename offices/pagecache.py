"""The public pages, rendered once and served from a per-process cache until the data changes.

A citizen's page (the directory, an office's charter, a search, an office's JSON) is built from
many rows, and a national portal gets its readers in bursts, so each page is rendered once and
kept, gzipped, in the "pages" cache: a LocMemCache, one per gunicorn worker. A per-process cache
cannot be emptied from another process (the other worker, or ``manage.py loaddata``), so a page
is kept with the *content version* it was made at, a token that lives in the database
(``ContentVersion``, one row), and served only while that is still the current version. A write
to anything a public page shows (``offices.signals.PUBLISHED_MODELS``: an admin save or delete, a
row loaddata saves raw, in any process) sets a new token in the same transaction, so the next
request of every worker renders its page again.

Because the version is a database row, it is exactly as current as the data: a rolled-back
edit takes its version back with it, and no worker keeps a page under a version whose data it
cannot see. Writes that send no signals (``QuerySet.update``, ``bulk_create``) must call
``new_version()`` themselves. A deploy starts new processes, so new templates and code start
from an empty cache.
"""

import gzip
import hashlib
import uuid
from functools import cache, wraps

from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

from .models import ContentVersion

ROW = 1


def current_version():
    """The current token; None when the row is missing (a test's flush removes it).

    Every public page reads it, so the query is compiled once per process: compiling it
    again on every request costs more than running it.
    """
    with connection.cursor() as cursor:
        cursor.execute(*_current_version_sql())
        row = cursor.fetchone()
    return row[0] if row else None


@cache
def _current_version_sql():
    return ContentVersion.objects.filter(pk=ROW).values_list("token").query.sql_with_params()


def new_version():
    token = uuid.uuid4().hex
    if not ContentVersion.objects.filter(pk=ROW).update(token=token):
        ContentVersion.objects.get_or_create(pk=ROW, defaults={"token": token})


CACHE = "pages"
# The headers a stored page carries besides its body; the rest are added on the way out by the
# middleware around this one (security headers, the CSP, X-Frame-Options).
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary")


def page_key(request):
    # Hashed: a search's query string can be long, and any string may come in a URL.
    return "page:" + hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()


def public_page(view):
    """Mark a view's pages as the same for every visitor: PublicPageMiddleware keeps them until
    the data changes. A response that turns out to be per-visitor (an error, a cookie, a CSRF
    token, the session read) is never kept."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        version = getattr(request, "page_version", None) or current_version()
        response = view(request, *args, **kwargs)
        response.public_page = True
        if version is not None and not _is_per_visitor(request, response):
            response.public_page_version = version
        return response

    return wrapped


class PublicPageMiddleware:
    """Serve a kept public page before sessions, the language, CSRF, authentication and the
    URL resolver run; keep the pages ``public_page`` views make.

    Pages are filed by host and full path (the language is in the path, a search's query in its
    query string) with the content version they were made at, and served only while that version
    is current: one in-memory look-up for every GET, and the version's one query only for a path
    that has a page. Pages are kept gzipped, compressed once per version (no padding against
    BREACH: a public page holds no secret to guess), and sent as stored to every browser that
    accepts gzip, which is all of them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = page_key(request) if request.method == "GET" else None
        if key is not None:
            kept = caches[CACHE].get(key)
            if kept is not None:
                request.page_version = current_version()
                if kept[0] == request.page_version:
                    return self.page_response(request, kept)
        response = self.get_response(request)
        version = getattr(response, "public_page_version", None)
        if key is not None and version is not None:
            kept = (
                version,
                {name: response[name] for name in STORED_HEADERS if response.has_header(name)},
                compress_string(response.content),
            )
            caches[CACHE].set(key, kept)
            return self.page_response(request, kept)
        if getattr(response, "public_page", False):
            # Not kept (the office-not-found page, say), but as public: compressed all the same.
            return GZipMiddleware(self.get_response).process_response(request, response)
        return response

    @staticmethod
    def page_response(request, kept):
        _, headers, gzipped = kept
        if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            response = HttpResponse(gzipped, headers={**headers, "Content-Encoding": "gzip"})
        else:
            response = HttpResponse(gzip.decompress(gzipped), headers=headers)
        patch_vary_headers(response, ["Accept-Encoding"])
        return response


def _is_per_visitor(request, response):
    """Whether the response must not be shown to anyone else: an error, a cookie, a form's CSRF
    token, anything read from the session."""
    session = getattr(request, "session", None)
    return (
        response.status_code != 200
        or bool(response.cookies)
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False)
        or bool(session and session.accessed)
    )
