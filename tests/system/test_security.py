"""The Content-Security-Policy (no inline script or style anywhere, the admin included) and the
admin login lockout (django-axes). The production headers over HTTP: test_production_server.py."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from charter_portal.security import CONTENT_SECURITY_POLICY

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
# Every template of the project's own (not the virtualenv's).
TEMPLATES = sorted(p for p in ROOT.glob("**/templates/**/*.html") if ".venv" not in p.parts)
INLINE = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.I)

PUBLIC = [
    "/",
    "/office/joypurhat/",
    "/office/no-such-office/",
    "/office/joypurhat.json",
    "/search/?q=প্রশিক্ষণ",
    "/office/joypurhat/services/1-1/",
    "/office/joypurhat/grievance/",
    "/grievance/",
    "/no/such/page/",
]
ADMIN = [
    "/admin/",
    "/admin/offices/office/",
    "/admin/offices/office/117/change/",
    "/admin/services/service/add/",
    "/admin/grievances/grievance/",
    "/admin/auth/user/",
    "/admin/grievances/grievancedesk/add/",
    "/grievances/dashboard/",
]


def test_templates_have_no_inline_script_style_or_event_handlers():
    assert TEMPLATES
    offending = {str(p.relative_to(ROOT)): INLINE.findall(p.read_text("utf-8")) for p in TEMPLATES}
    assert not {name: found for name, found in offending.items() if found}


@pytest.mark.parametrize("url", PUBLIC)
def test_public_pages_carry_the_policy_and_nothing_it_would_block(client, url):
    response = client.get(url)
    assert response.status_code < 500
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert not INLINE.findall(response.content.decode())


@pytest.mark.parametrize("url", ADMIN)
def test_the_admin_works_under_the_same_policy(admin_client, url):
    """Django 5.2's admin and modeltranslation's tabs need nothing inline: no exception for /admin/."""
    response = admin_client.get(url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert not INLINE.findall(response.content.decode())


def test_the_policy_forbids_inline_script_framing_and_plugins():
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"


# ---- the admin login lockout


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def login(client, username, password):
    return client.post(reverse("admin:login"), {"username": username, "password": password, "next": "/admin/"})


@pytest.fixture
def officer():
    return User.objects.create_user("joypurhat", password="the-right-password", is_staff=True)


def test_five_failures_lock_that_username_from_that_address(officer):
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(attacker, "joypurhat", "guess").status_code == 200  # the form again
    response = login(attacker, "joypurhat", "guess")
    assert response.status_code == 429
    assert "লগইন সাময়িকভাবে বন্ধ" in response.content.decode() and "১৫ মিনিট" in response.content.decode()
    assert response["Retry-After"] == "900"
    # Even the right password is refused from there, for the cool-off.
    assert login(attacker, "joypurhat", "the-right-password").status_code == 429
    # The officer, from the office's own address, still logs in; so does another user from the attacker's.
    assert login(Client(REMOTE_ADDR="198.51.100.20"), "joypurhat", "the-right-password").status_code == 302
    User.objects.create_user("kachua", password="another-password", is_staff=True)
    assert login(attacker, "kachua", "another-password").status_code == 302


def test_behind_the_proxy_the_lockout_counts_the_citizen_not_the_proxy(officer, settings):
    settings.GRIEVANCES_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7"), "joypurhat", "guess")
    locked = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert login(locked, "joypurhat", "the-right-password").status_code == 429
    # A spoofed first entry does not help the attacker: the proxy's own entry is last.
    spoofed = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.7")
    assert login(spoofed, "joypurhat", "the-right-password").status_code == 429
    colleague = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert login(colleague, "joypurhat", "the-right-password").status_code == 302


def test_a_successful_login_clears_the_failures(officer):
    client = Client(REMOTE_ADDR="203.0.113.8")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "joypurhat", "typo")
    assert login(client, "joypurhat", "the-right-password").status_code == 302
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(Client(REMOTE_ADDR="203.0.113.8"), "joypurhat", "typo").status_code == 200
