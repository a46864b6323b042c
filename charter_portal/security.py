"""What the portal does against attackers beyond Django's own middleware: a Content-Security-Policy
on every response and the client's address behind the reverse proxy (the admin lockout page is
with the other error pages, in ``charter_portal/http.py``).

Our own middleware rather than django-csp: the portal has one fixed policy, no inline script or
style anywhere (so no nonces or hashes), and that is ten lines, not a dependency.
"""

import functools
import ipaddress

from django.conf import settings

# Nothing inline, nothing from elsewhere: the pages use only their own stylesheet, web font and
# (admin only) scripts. Images may be data: URIs (the admin's icons in its stylesheets).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    """Send CONTENT_SECURITY_POLICY with every response, cached pages and errors included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response


def client_address(request):
    """The client's IP address: the peer's (REMOTE_ADDR), or, when the peer is one of our reverse
    proxies (TRUSTED_PROXIES), the last entry of the header named by GRIEVANCES_CLIENT_IP_HEADER
    (X-Forwarded-For), the address the proxy saw. Our nginx overwrites that header with the one
    address it saw (deploy/nginx); a proxy that appends would still put its own entry last.

    A header value that is not an IP address (``not-an-ip``, an empty entry, a port or a zone
    glued on) is ignored and the peer's address used, as is the header of a peer that is not a
    trusted proxy: with gunicorn reachable directly, rotating the header must not escape the
    admin lockout or the filing limit. Used by the grievance rate limit and django-axes."""
    peer = _ip(request.META.get("REMOTE_ADDR", ""))
    header = getattr(settings, "GRIEVANCES_CLIENT_IP_HEADER", "")
    if header and peer is not None and _trusted_proxy(peer):
        forwarded = _ip(request.META.get(header, "").split(",")[-1])
        if forwarded is not None:
            return str(forwarded)
    return str(peer) if peer is not None else "0.0.0.0"


def _ip(value):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted_proxy(peer):
    return any(peer in network for network in _trusted_networks(tuple(getattr(settings, "TRUSTED_PROXIES", ()))))


@functools.cache
def _trusted_networks(proxies):
    return [ipaddress.ip_network(proxy, strict=False) for proxy in proxies]
