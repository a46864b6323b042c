import gzip
import hashlib

from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

from .versions import current_version

CACHE = "pages"
# The headers a stored page carries besides its body; the rest are added on the way out by the
# middleware around this one (security headers, the CSP, X-Frame-Options).
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary")


def page_key(request):
    # Hashed: a search's query string can be long, and any string may come in a URL.
    return "page:" + hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()


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
