import gzip

from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

CACHE = "pages"


def cached_page(request, name, version, render):
    """The page ``name`` as of ``version``: from the cache, or made by ``render()`` and cached.

    Pages are kept gzipped, so each is compressed once per version rather than on every request
    (no HTB padding, which GZipMiddleware adds against BREACH: a public page holds no secret to
    guess), and sent as stored to every browser that accepts gzip, which is all of them.
    """
    if version is None:
        return render()
    key = f"{name}:{version}"
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
