"""The admin reads in Bengali for office staff and HQ: Django's missing Bengali filled from our own
catalogue (locale/django/), no English word on the pages staff use, Bengali digits in text but
never in what a person types, translated fields labelled with their language, the portal's web
font on every admin page, the office's name read-only to its staff."""

import gettext
import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from charter_portal.bangla import bengali_digits_in_html
from charters.apps import OFFICE_STAFF_GROUP
from grievances.models import GrievanceTier
from offices.models import Office, Officer, OfficeStaff
from services.models import Expectation, Service
from tests.support import ROOT
from tests.support.catalogues import django_gaps, po_entries
from tests.support.forms import form_data

pytestmark = pytest.mark.django_db

OURS = ROOT / "locale" / "django" / "bn" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sdr]|\{\w*\}")
# Django's catalogues whose every string an office's staff or HQ may meet in the admin. Of the core
# catalogue ("conf") only forms', models' and validators' messages are: its language names, the
# welcome and DEBUG pages and the generic views never show in the portal's admin.
WHOLE = [("contrib/admin", "django"), ("contrib/auth", "django"), ("contrib/contenttypes", "django")]


def keys(entries):
    return {(entry["msgctxt"], entry["msgid"]) for entry in entries}


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_our_catalogue_is_complete_compiled_and_keeps_the_placeholders(domain):
    entries = po_entries(OURS / f"{domain}.po")
    assert entries
    with open(OURS / f"{domain}.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for entry in entries:
        context, msgid, plural = entry["msgctxt"], entry["msgid"], entry["msgid_plural"]
        for index, msgstr in enumerate(entry["msgstr"]):
            assert msgstr.strip(), msgid
            source = plural if index and plural else msgid
            assert sorted(PLACEHOLDER.findall(msgstr)) == sorted(PLACEHOLDER.findall(source)), msgid
        # A .po edited without compilemessages fails here.
        if plural:
            assert compiled.ngettext(msgid, plural, 1) == entry["msgstr"][0], msgid
        elif context:
            assert compiled.pgettext(context, msgid) == entry["msgstr"][0], msgid
        else:
            assert compiled.gettext(msgid) == entry["msgstr"][0], msgid


def test_we_fill_every_string_djangos_bengali_admin_lacks_and_nothing_it_has():
    ours = keys(po_entries(OURS / "django.po"))
    for catalogue, domain in WHOLE:
        missing = keys(django_gaps(catalogue, domain))
        assert missing <= ours, (catalogue, sorted(missing - ours))
    javascript = keys(django_gaps("contrib/admin", "djangojs"))
    assert javascript == keys(po_entries(OURS / "djangojs.po"))
    # Nothing Django already translates is overridden (its Bengali stays Django's).
    gaps = set().union(*(keys(django_gaps(catalogue, "django")) for catalogue, _ in WHOLE + [("conf", "django")]))
    django_axes = {(None, msgid) for msgid in AXES_STRINGS}
    assert ours <= gaps | django_axes


AXES_STRINGS = {entry["msgid"] for entry in po_entries(OURS / "django.po") if entry["msgid"][0].isupper() or " " in entry["msgid"]} & {
    "Access Attempt", "Access lock out", "Attempt Time", "Failed Logins", "IP Address", "User Agent", "Path",
    "access attempt", "access attempts", "access failure", "access failures", "access log", "access logs",
    "Locked Out", "Not set", "Form Data", "Meta Data", "GET Data", "POST Data", "HTTP Accept", "Logout Time",
    "Expires At", "Attempt Remaining", "Clean up expired attempts", "Cleaned up {count} expired access attempts.",
    "Session key hash (sha256)", "The time when access attempt expires and is no longer valid.",
    "access attempt expiration", "access attempt expirations", "Username",
    "Account locked: too many login attempts. Please try again later.",
}  # fmt: skip


def test_the_javascript_catalogue_is_bengali(admin_client):
    script = admin_client.get("/admin/jsi18n/").content.decode()
    for text in ("%(cnt)sটির মধ্যে %(sel)sটি বাছাই করা হয়েছে", "তারিখ বাছাই করুন", "জানুয়ারি", "রবি", "আজ"):
        assert json.dumps(text)[1:-1] in script, text


# ---------------------------------------------------------------- the pages staff use, in Bengali

# Abbreviations the offices write in Latin letters, and the English language's own name ("[English]").
# "True"/"False": the alt text of Django's yes/no icons, which Django hard-codes (screen readers only).
ALLOWED = {
    "True",
    "False",
    "ICT",
    "GRS",
    "URL",
    "English",
    "ENGLISH",
    "JSON",
    "CSV",
    "OK",
    "IP",
    "HTTP",
    "GET",
    "POST",
    "PDF",
}
DATA = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\S+\.gov\.bd\S*")


class _VisibleText(HTMLParser):
    """The text a reader sees: not scripts, styles or typed values; <title> included."""

    HIDDEN = {"script", "style", "textarea"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in self.HIDDEN
        attrs = dict(attrs)
        for name in ("placeholder", "title", "aria-label", "alt"):
            if attrs.get(name) and not (tag == "a" and name == "title"):
                self.text.append(attrs[name])

    def handle_endtag(self, tag):
        self.hidden -= tag in self.HIDDEN

    def handle_data(self, data):
        if not self.hidden:
            self.text.append(data)


def data_words():
    """Latin words that occur in the database (office keys, usernames, English names): data, not
    the interface."""
    words = set()
    for model, fields in [
        (Office, ["key", "name_en", "site", "email"]),
        (Officer, ["name_en", "designation_en", "email"]),
        (Service, ["name_en"]),
        (User, ["username"]),
    ]:
        for row in model.objects.values_list(*fields):
            for value in row:
                words.update(word.lower() for word in re.findall(r"[A-Za-z]+", str(value or "")))
    return words


def english_words(html, data):
    reader = _VisibleText()
    reader.feed(html)
    text = DATA.sub(" ", " ".join(reader.text))
    return sorted({w for w in re.findall(r"[A-Za-z][A-Za-z’']+", text) if w not in ALLOWED and w.lower() not in data})


def make_staff(username="joypurhat-staff", key="joypurhat"):
    user = User.objects.create_user(username, password="pw-for-tests-only", is_staff=True)
    user.groups.add(Group.objects.get(name=OFFICE_STAFF_GROUP))
    OfficeStaff.objects.create(user=user, office=Office.objects.get(key=key))
    return user


def staff_pages():
    office = Office.objects.get(key="joypurhat")
    service = Service.objects.filter(office=office).order_by("category", "serial").first()
    officer = Officer.objects.filter(office=office).order_by("pk").first()
    tier = GrievanceTier.objects.filter(office=office).order_by("level").first()
    expectation = Expectation.objects.filter(office=office).order_by("serial").first()
    pages = ["/admin/", "/admin/password_change/"]
    for model, row in [
        (Office, office),
        (Service, service),
        (Officer, officer),
        (GrievanceTier, tier),
        (Expectation, expectation),
    ]:
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages += [reverse(f"{name}_changelist"), reverse(f"{name}_change", args=[row.pk])]
        pages.append(reverse(f"{name}_history", args=[row.pk]))
    pages.append(reverse("admin:services_service_delete", args=[service.pk]))
    pages.append(reverse("admin:services_service_add"))
    version = office.charter_versions.first()
    pages += [
        reverse("admin:charters_charterversion_changelist"),
        reverse("admin:charters_charterversion_change", args=[version.pk]),
    ]
    return pages


@pytest.mark.parametrize("who", ["staff", "hq"])
def test_no_english_word_on_the_admin_pages_staff_and_hq_use(client, admin_user, who):
    client.force_login(make_staff() if who == "staff" else admin_user)
    data = data_words()
    pages = staff_pages() + (
        [
            "/admin/auth/user/",
            "/admin/axes/accessattempt/",
            "/admin/grievances/holiday/add/",
            "/admin/charters/charterversion/add/?office=117",
        ]
        if who == "hq"
        else []
    )
    found = {}
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        words = english_words(response.content.decode(), data)
        if words:
            found[url] = words
    client.logout()
    words = english_words(client.get("/admin/login/").content.decode(), data)
    if words:
        found["/admin/login/"] = words
    assert found == {}


def test_a_success_message_is_bengali_with_bengali_digits(client):
    client.force_login(make_staff())
    service = Service.objects.filter(office__key="joypurhat").order_by("category", "serial").first()
    url = reverse("admin:services_service_change", args=[service.pk])
    data = form_data(client.get(url).content.decode(), "service_form")
    data["fee_bn"] = "৫০ টাকা"
    response = client.post(url, data, follow=True)
    html = response.content.decode()
    assert "বদলানো হয়েছে" in html and "was changed successfully" not in html
    history = client.get(reverse("admin:services_service_history", args=[service.pk])).content.decode()
    assert "বদলানো হয়েছে" in history and re.search(r"[০-৯]{4}", history)


# ---------------------------------------------------------------- digits


def test_digits_in_text_are_bengali_but_not_in_values_codes_or_addresses():
    html = (
        '<p title="12">মোট 23টি সেবা, 05/12/2023 10:30 GRS-7K3M-9QXD staff2 a@b12.com https://x.gov.bd/1 &#39;'
        '<input value="2024-01-05"><textarea>12</textarea><script>var a = 1;</script><code>v2</code></p>'
    )
    assert bengali_digits_in_html(html) == (
        '<p title="12">মোট ২৩টি সেবা, ০৫/১২/২০২৩ ১০:৩০ GRS-7K3M-9QXD staff2 a@b12.com https://x.gov.bd/1 &#39;'
        '<input value="2024-01-05"><textarea>12</textarea><script>var a = 1;</script><code>v2</code></p>'
    )


def test_the_changelist_counts_in_bengali_and_the_form_keeps_ascii_values(client):
    client.force_login(make_staff())
    count = Service.objects.filter(office__key="joypurhat").count()
    html = client.get("/admin/services/service/").content.decode()
    assert f"{count}".translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")) in html
    body = re.sub(
        r"<(script|textarea)\b.*?</\1>|<[^>]*>|&#?\w+;", " ", html.split("<body", 1)[1].split(">", 1)[1], flags=re.S
    )
    assert not re.search(r"[0-9]", body)  # no ASCII digit in the page's text (no e-mail or code here)
    service = Service.objects.filter(office__key="joypurhat").order_by("category", "serial").first()
    html = client.get(reverse("admin:services_service_change", args=[service.pk])).content.decode()
    assert f'name="serial" value="{service.serial}"' in html  # what staff type stays ASCII


def test_the_javascript_widgets_get_bengali_digits_and_language_names():
    script = (ROOT / "static" / "js" / "admin-bengali.js").read_text("utf-8")
    assert ".action-counter" in script and ".calendarbox" in script and "বাংলা" in script


# ---------------------------------------------------------------- labels, font, the office's name


def test_translated_fields_say_their_language(client):
    client.force_login(make_staff())
    service = Service.objects.filter(office__key="joypurhat").first()
    html = client.get(reverse("admin:services_service_change", args=[service.pk])).content.decode()
    assert "সেবার নাম\u00a0[বাংলা]" in html and "সেবার নাম\u00a0[English]" in html
    office = Office.objects.get(key="joypurhat")
    expectation = Expectation.objects.filter(office=office).first()
    for url, labels in [
        (reverse("admin:offices_office_change", args=[office.pk]), ("ভিশন", "দপ্তরের নাম")),  # the editor
        (reverse("admin:services_expectation_change", args=[expectation.pk]), ("করণীয়",)),
    ]:
        html = client.get(url).content.decode()
        for label in labels:
            assert re.search(label + r"[^<]*\u00a0\[বাংলা\]", html), label
            assert re.search(label + r"[^<]*\u00a0\[English\]", html), label


def font_faces(path):
    return re.findall(r"@font-face\s*\{[^}]*\}", (ROOT / "static" / "css" / path).read_text("utf-8"))


def test_the_admin_uses_the_portals_own_font_faces(client, admin_user):
    assert len(font_faces("admin.css")) == 2 and font_faces("admin.css") == font_faces("portal.css")
    assert '--font-family-primary: "Noto Sans Bengali"' in (ROOT / "static" / "css" / "admin.css").read_text()
    client.force_login(admin_user)
    for url in ("/admin/", "/admin/password_change/", "/admin/services/service/add/"):
        assert 'href="/static/css/admin.css"' in client.get(url).content.decode(), url
    client.logout()
    assert 'href="/static/css/admin.css"' in client.get("/admin/login/").content.decode()
    # The lockout page too (django-axes' answer): tests/charter_portal/test_error_pages.py.


def test_staff_cannot_rename_their_office_by_a_forged_post(client):
    client.force_login(make_staff())
    office = Office.objects.get(key="joypurhat")
    before = (office.name_bn, office.name_en)
    url = reverse("admin:offices_office_change", args=[office.pk])
    html = client.get(url).content.decode()
    assert 'name="name_bn"' not in html and 'name="name_en"' not in html  # shown, not editable
    assert office.name_bn in html
    data = form_data(html, "office_form")
    data.update({"name_bn": "প্রধান কার্যালয়, ঢাকা", "name_en": "Head Office, Dhaka", "name": "প্রধান কার্যালয়, ঢাকা"})
    response = client.post(url, data)
    assert response.status_code == 302
    office.refresh_from_db()
    assert (office.name_bn, office.name_en) == before


def test_hq_may_still_rename_an_office(admin_client):
    office = Office.objects.get(key="joypurhat")
    html = admin_client.get(reverse("admin:offices_office_change", args=[office.pk])).content.decode()
    assert 'name="name_bn"' in html


def test_anonymous_admin_pages_are_bengali():
    html = Client().get("/admin/login/").content.decode()
    assert "প্রবেশ করুন" in html and 'lang="bn"' in html
