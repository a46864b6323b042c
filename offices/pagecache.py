"""The public pages, rendered once and served from a per-process cache until the data changes.

A citizen's page (the directory, an office's charter) is built from many rows, and a national
portal gets its readers in bursts, so each page is rendered once and kept, gzipped, in the
"pages" cache: a LocMemCache, one per gunicorn worker. A per-process cache cannot be emptied
from another process (the other worker, or ``manage.py loaddata``), so nothing is ever deleted
from it. Instead every page is filed under a *content version* that lives in the database
(``ContentVersion``, one row), which every request reads in one primary-key query. A write to
anything a public page shows (``offices.signals.PUBLISHED_MODELS``: an admin save or delete, a row
loaddata saves raw, in any process) sets a new version in the same transaction, so the next
request of every worker files its pages under a key nothing has used yet, and the pages of
the old version age out of the cache unread.

Because the version is a database row, it is exactly as current as the data: a rolled-back
edit takes its version back with it, and no worker caches a page under a version whose data it
cannot see. Writes that send no signals (``QuerySet.update``, ``bulk_create``) must call
``new_version()`` themselves. A deploy starts new processes, so new templates and code start
from an empty cache.
"""

import gzip
import uuid
from functools import cache

from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string
from django.utils.translation import get_language

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


def cached_page(request, name, version, render):
    """The page ``name`` as of ``version``: from the cache, or made by ``render()`` and cached.

    Pages are kept gzipped, so each is compressed once per version rather than on every request
    (no HTB padding, which GZipMiddleware adds against BREACH: a public page holds no secret to
    guess), and sent as stored to every browser that accepts gzip, which is all of them.

    A page is filed under the active language as well: the same page exists in Bengali and in
    English, and a reader of one must never be served the other.
    """
    if version is None:
        return render()
    key = f"{get_language()}:{name}:{version}"
    page = caches[CACHE].get(key)
    if page is None:
        response = render()
        if _is_per_visitor(request, response):
            return response
        page = (response["Content-Type"], compress_string(response.content))
        caches[CACHE].set(key, page)
    content_type, gzipped = page
    if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        response = HttpResponse(gzipped, content_type=content_type, headers={"Content-Encoding": "gzip"})
    else:
        response = HttpResponse(gzip.decompress(gzipped), content_type=content_type)
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def _is_per_visitor(request, response):
    """Whether the response must not be shown to anyone else: an error, a cookie, a form's CSRF
    token, anything read from the session."""
    session = getattr(request, "session", None)
    return (response.status_code != 200 or bool(response.cookies)
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False) or bool(session and session.accessed))
