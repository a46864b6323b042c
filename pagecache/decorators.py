from functools import wraps

from .versions import current_version


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
