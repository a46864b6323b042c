"""Every error page a person can meet is in the portal's frame and web font, in the page's language,
with a way back; the admin's say "not yours" when a row exists but is not the account's."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings
from django.urls import path, reverse

from charter_portal import http
from charter_portal.urls import urlpatterns as portal_urls
from offices.models import Office
from tests.support.permissions import charter_editor

pytestmark = pytest.mark.django_db

BENGALI = re.compile(r"[\u0980-\u09FF]")


def visible_text(html):
    """The text a reader sees: no tags, scripts or styles."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def assert_portal_page(response, status, language="bn", back="/"):
    html = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}"' in html
    assert 'href="/static/css/portal.css"' in html  # the one base: the web font
    assert f'class="button" href="{back}"' in html  # a way back
    text = visible_text(html)
    if language == "bn":
        assert not re.search(r"\b(Forbidden|Not Found|Bad Request|Server Error|CSRF|cookie)\b", text), text
    else:
        assert not BENGALI.search(text.replace("বাংলা", "")), text  # only the language switch
    return text


def assert_admin_page(response, status):
    html = response.content.decode()
    assert response.status_code == status
    assert '<html lang="bn"' in html and 'href="/static/css/admin.css"' in html
    assert 'class="button" href="/admin/"' in html  # back to the admin's home
    text = visible_text(html)
    assert not re.search(r"\b(Forbidden|Not Found|CSRF|Too many)\b", text), text
    return text


def test_the_404_in_bengali_and_in_english(client):
    assert "পাতাটি পাওয়া যায়নি" in assert_portal_page(client.get("/no-such-page/"), 404)
    assert_portal_page(client.get("/en/office/no-such-office/"), 404, "en", back="/en/")


def test_a_foreign_host_gets_the_400_page_not_a_crash():
    response = Client(HTTP_HOST="evil.example").get("/")
    assert "অনুরোধটি বোঝা যায়নি" in assert_portal_page(response, 400)


boom_urls = [path("boom/", lambda request: 1 / 0), *portal_urls]


@override_settings(ROOT_URLCONF=__name__)
def test_a_server_error_is_the_portals_500_page():
    client = Client(raise_request_exception=False)
    assert "সাময়িক সমস্যা" in assert_portal_page(client.get("/boom/"), 500)


urlpatterns = boom_urls
handler500 = http.server_error


def test_a_stale_form_is_explained_in_bengali_and_english_under_en():
    client = Client(enforce_csrf_checks=True)
    text = assert_portal_page(client.post("/office/joypurhat/grievance/", {"name": "x"}), 403)
    assert "ফর্মটি জমা দেওয়া যায়নি" in text and "রিফ্রেশ" in text
    response = client.post("/en/office/joypurhat/grievance/", {"name": "x"})
    assert response.status_code == 403 and '<html lang="en"' in response.content.decode()
    assert not BENGALI.search(visible_text(response.content.decode()).replace("বাংলা", ""))


def test_a_stale_admin_form_is_the_admins_page():
    client = Client(enforce_csrf_checks=True)
    text = assert_admin_page(client.post(reverse("admin:login"), {"username": "x", "password": "y"}), 403)
    assert "ফর্মটি জমা দেওয়া যায়নি" in text


def test_an_hq_only_page_refuses_office_staff_in_bengali(client):
    client.force_login(charter_editor("joypurhat-staff", "joypurhat"))
    text = assert_admin_page(client.get(reverse("admin:auth_user_changelist")), 403)
    assert "এই পাতা দেখার অনুমতি নেই" in text


def test_an_unknown_admin_address_is_the_admins_404(admin_client):
    assert "কোনো পাতা নেই" in assert_admin_page(admin_client.get("/admin/no-such-app/"), 404)


def test_another_offices_page_is_not_yours_not_deleted(client):
    client.force_login(charter_editor("joypurhat-staff", "joypurhat"))
    kachua = Office.objects.get(key="kachua.chandpur")
    text = assert_admin_page(client.get(reverse("admin:offices_office_change", args=[kachua.pk])), 403)
    assert "আপনার দপ্তর নয়" in text and kachua.name in text and "মুছে ফেলা" not in text
    # A row of another office likewise; an id no row has keeps Django's "perhaps deleted".
    service = kachua.services.first()
    text = assert_admin_page(client.get(reverse("admin:services_service_change", args=[service.pk])), 403)
    assert "অন্য দপ্তরের" in text
    response = client.get(reverse("admin:offices_office_change", args=[999999]), follow=True)
    assert "মুছে ফেলা" in response.content.decode()


def test_the_lockout_page_is_the_admins_page_in_bengali(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    User.objects.create_user("joypurhat", password="right", is_staff=True)
    client = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(reverse("admin:login"), {"username": "joypurhat", "password": "guess"})
    text = assert_admin_page(response, 429)
    assert "লগইন সাময়িকভাবে বন্ধ" in text and "১৫ মিনিট" in text
    assert response["Retry-After"] == "900"
