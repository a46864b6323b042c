from functools import wraps

from .versions import current_version


def public_page(view=None, *, query=(), fresh_for=None):
    """Mark a view's pages as the same for every visitor: PublicPageMiddleware keeps them until
    the data changes. A response that turns out to be per-visitor (an error, a cookie, a CSRF
    token, the session read) is never kept.

    ``query`` names the query parameters the page reads (search: ``("q", "district")``): they,
    and only they, are part of the page's key, so any other parameter (``?cb=<random>``) is
    served the same kept page and adds no entry. A page that names none is one page whatever
    its query string. A view must not read a parameter it does not name.

    ``fresh_for`` (seconds) also ends a kept page that long after it was made, whatever the
    content version: for pages of figures counted from rows whose saving does not renew the
    version (the service register: a row recorded at any counter of the country must not renew
    every charter page), and of "today".
    """
    if view is None:
        return lambda view: public_page(view, query=query, fresh_for=fresh_for)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        version = getattr(request, "page_version", None) or current_version()
        request.page_query = tuple(query)  # what the page's own URL may carry (charter_portal.languages.page_urls)
        response = view(request, *args, **kwargs)
        response.public_page = True
        response.public_page_query = tuple(query)
        response.public_page_fresh_for = fresh_for
        if version is not None and not _is_per_visitor(request, response):
            response.public_page_version = version
        return response

    return wrapped


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
