import gzip
import hashlib
from urllib.parse import urlencode

from django.core.cache import caches
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.text import compress_string

from .versions import current_version

CACHE = "pages"
# The headers a stored page carries besides its body; the rest are added on the way out by the
# middleware around this one (security headers, the CSP, X-Frame-Options).
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary")
# The query parameters each kept path's view reads (public_page's ``query``), learnt from its
# responses: (host, path) -> names. Only paths whose page was kept are learnt, so the map is
# bounded by the portal's public pages (559 offices × 2 languages × 2 kinds, the directory, search).
QUERY_PARAMETERS = {}
MAX_PATHS = 20_000


def page_key(request, query=()):
    """The key a page is kept under: scheme, host, path and the values of the query parameters its
    view reads, in the view's order, and nothing else (the page's own URLs are built from exactly
    these). Hashed: any string may come in a URL."""
    values = urlencode([(name, value) for name in query for value in request.GET.getlist(name)])
    url = f"{request.scheme}://{request.get_host()}{request.path}?{values}"
    return "page:" + hashlib.sha256(url.encode()).hexdigest()


class PublicPageMiddleware:
    """Serve a kept public page before sessions, the language, CSRF, authentication and the
    URL resolver run; keep the pages ``public_page`` views make.

    Pages are filed by host, path and the query parameters the view declared (the language is in
    the path, a search's words in ``q``) with the content version they were made at, and served
    only while that version is current: one in-memory look-up for every GET, and the version
    (from memory with the listener, else one query) only for a path that has a page. Pages are
    kept gzipped, compressed once per version (no padding against BREACH: a public page holds no
    secret to guess), and sent as stored to every browser that accepts gzip, which is all of
    them. Each carries an ETag (the hash of its bytes): a repeat request with If-None-Match gets
    a 304 with no body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "GET":
            return self.get_response(request)
        query = QUERY_PARAMETERS.get((request.get_host(), request.path))
        if query is not None:
            kept = caches[CACHE].get(page_key(request, query))
            if kept is not None:
                request.page_version = current_version()
                if kept[0] == request.page_version:
                    return self.page_response(request, kept)
        response = self.get_response(request)
        version = getattr(response, "public_page_version", None)
        if version is not None:
            query = response.public_page_query
            if len(QUERY_PARAMETERS) >= MAX_PATHS:
                QUERY_PARAMETERS.clear()
            QUERY_PARAMETERS[(request.get_host(), request.path)] = query
            body = compress_string(response.content)
            headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
            headers["ETag"] = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
            headers["Vary"] = vary_with_accept_encoding(headers.get("Vary", ""))
            kept = (version, headers, body)
            # A page made for ``fresh_for`` seconds (public_page) expires from the cache after them.
            fresh_for = getattr(response, "public_page_fresh_for", None)
            expiry = {} if fresh_for is None else {"timeout": fresh_for}
            caches[CACHE].set(page_key(request, query), kept, **expiry)
            return self.page_response(request, kept)
        if getattr(response, "public_page", False):
            # Not kept (the office-not-found page, say), but as public: compressed all the same.
            return GZipMiddleware(self.get_response).process_response(request, response)
        return response

    @staticmethod
    def page_response(request, kept):
        _, headers, gzipped = kept
        if not_modified(request, headers["ETag"]):
            return HttpResponseNotModified(headers={"ETag": headers["ETag"], "Vary": headers["Vary"]})
        if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            body, encoding = gzipped, {"Content-Encoding": "gzip"}
        else:
            body, encoding = gzip.decompress(gzipped), {}
        # With its length, gunicorn sends the page in one write rather than as chunks.
        return HttpResponse(body, headers={**headers, **encoding, "Content-Length": str(len(body))})


def vary_with_accept_encoding(vary):
    names = [name.strip() for name in vary.split(",") if name.strip()]
    if "accept-encoding" not in (name.lower() for name in names):
        names.append("Accept-Encoding")
    return ", ".join(names)


def not_modified(request, etag):
    """Whether If-None-Match names ``etag`` (weakly compared: the gzipped and plain bodies of one
    page carry one tag; nginx turns a strong tag weak when it compresses)."""
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in header.split(",")]
    return "*" in tags or etag in tags
