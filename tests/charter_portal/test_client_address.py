"""The client's address behind the reverse proxy (charter_portal.security.client_address)."""

import pytest
from django.test import Client, RequestFactory

from charter_portal.security import client_address


@pytest.fixture
def behind_proxy(settings):
    settings.GRIEVANCES_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1", "10.8.0.0/16"]
    return RequestFactory()


@pytest.mark.parametrize(
    "peer, header, seen",
    [
        ("127.0.0.1", "203.0.113.7", "203.0.113.7"),  # the proxy's one address
        ("127.0.0.1", "10.9.9.9, 203.0.113.7", "203.0.113.7"),  # a spoofed first entry does not help
        ("10.8.3.4", "2001:db8::7", "2001:db8::7"),  # a proxy of the trusted network, IPv6 client
        ("::1", " 198.51.100.1 ", "198.51.100.1"),
        # Not an IP address: the peer's own address, never a 500.
        ("127.0.0.1", "not-an-ip", "127.0.0.1"),
        ("127.0.0.1", "203.0.113.7, ", "127.0.0.1"),
        ("127.0.0.1", "203.0.113.7:4431", "127.0.0.1"),
        ("127.0.0.1", "<script>", "127.0.0.1"),
        ("127.0.0.1", "১৯২.০.২.১", "127.0.0.1"),  # Bengali digits are not an address
        ("127.0.0.1", "", "127.0.0.1"),
        # A peer that is not our proxy (gunicorn reached directly): its header is not believed.
        ("198.51.100.20", "203.0.113.99", "198.51.100.20"),
        ("garbage", "203.0.113.7", "0.0.0.0"),
    ],
)
def test_the_header_counts_only_from_the_proxy_and_only_when_it_is_an_address(behind_proxy, peer, header, seen):
    request = behind_proxy.get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=header)
    assert client_address(request) == seen


def test_without_a_configured_header_the_peer_is_the_client(settings):
    settings.GRIEVANCES_CLIENT_IP_HEADER = ""
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.5", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert client_address(request) == "192.0.2.5"


@pytest.mark.django_db
def test_a_bad_header_on_the_admin_login_is_no_500(behind_proxy):
    client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="not-an-ip")
    response = client.post("/admin/login/", {"username": "joypurhat", "password": "guess", "next": "/admin/"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_rotating_the_header_from_outside_the_proxy_does_not_escape_the_lockout(behind_proxy, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        client = Client(REMOTE_ADDR="198.51.100.66", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
        client.post("/admin/login/", {"username": "joypurhat", "password": "guess", "next": "/admin/"})
    client = Client(REMOTE_ADDR="198.51.100.66", HTTP_X_FORWARDED_FOR="203.0.113.200")
    response = client.post("/admin/login/", {"username": "joypurhat", "password": "guess", "next": "/admin/"})
    assert response.status_code == 429
