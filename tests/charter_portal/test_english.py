"""Every page a citizen sees, in English at /en/…: the interface from the gettext catalogue, the
database's English where it has some and its Bengali, marked lang="bn", where it has none;
ASCII digits. The Bengali pages stay at their URLs, whatever the browser asks for."""

import ast
import datetime
import gettext
import re
from html.parser import HTMLParser

import pytest
from django.core import mail
from django.core.cache import caches
from django.template import Context, Template
from django.utils import translation

from charter_portal.bangla import bengali_digits
from grievances.models import Grievance
from offices.models import Office
from pagecache.middleware import CACHE
from services.models import Service
from tests.support import ROOT
from tests.support.charters import publish_now
from tests.support.forms import form_data
from tests.support.grievances import citizen_form, deliver, file_on

pytestmark = pytest.mark.django_db

LOCALE = ROOT / "locale"
BENGALI = re.compile(r"[\u0980-\u09ff]")
ENGLISH_ACCEPT = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}


@pytest.fixture(autouse=True)
def empty_page_cache():
    caches[CACHE].clear()


class _UnmarkedBengali(HTMLParser):
    """Bengali text (digits included) that is not inside an element marked lang="bn".

    Left out: the <title> and <meta> (attributes cannot mark part of a text; they hold an office
    or service name) and form values (what the visitor typed)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
    ATTRIBUTES = ("aria-label", "data-label", "placeholder", "title", "alt")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.languages = []
        self.skip = 0
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        language = attrs.get("lang") or (self.languages[-1] if self.languages else None)
        for name in self.ATTRIBUTES:
            if language != "bn" and BENGALI.search(attrs.get(name) or ""):
                self.found.append(f"<{tag} {name}={attrs[name]!r}>")
        if tag in self.VOID:
            return
        self.languages.append(language)
        self.skip += tag == "title"

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        self.languages.pop()
        self.skip -= tag == "title"

    def handle_data(self, data):
        if not self.skip and self.languages and self.languages[-1] != "bn" and BENGALI.search(data):
            self.found.append(data.strip())


def unmarked_bengali(html):
    reader = _UnmarkedBengali()
    reader.feed(html)
    return reader.found


def get(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, url
    return response.content.decode()


def service_page_url():
    service = Service.objects.filter(office__key="joypurhat").order_by("category", "serial").first()
    return f"/en/office/joypurhat/services/{service.category}-{service.serial}/"


PAGES = [
    "/en/",
    "/en/office/joypurhat/",
    "/en/office/magurasadar.magura/",
    "/en/office/rangpursadar.rangpur/",
    "/en/office/kachua.chandpur/",
    "/en/office/natoresadar.natore/",
    "/en/office/kalai.joypurhat/",
    "/en/office/hq/",
    "/en/search/",
    "/en/search/?q=%E0%A6%87-%E0%A6%A8%E0%A6%A5%E0%A6%BF",
    "/en/search/?q=no-such-service-anywhere",
    "/en/office/joypurhat/grievance/",
    "/en/grievance/",
]


@pytest.mark.parametrize("url", PAGES + ["service page"])
def test_every_public_page_is_in_english_with_bengali_fallback_marked(client, url):
    url = service_page_url() if url == "service page" else url
    html = get(client, url)
    assert '<html lang="en">' in html
    assert unmarked_bengali(html) == []
    assert "Citizen's Charter Portal" in html and "Department of Information and Communication Technology" in html


@pytest.mark.parametrize(
    "url, heading",
    [
        ("/en/office/no-such-office/", "Office not found"),
        ("/en/no/such/page/", "Page not found"),
    ],
)
def test_the_404_pages_are_in_english(client, url, heading):
    html = get(client, url, status=404)
    assert '<html lang="en">' in html and f"<h1>{heading}</h1>" in html
    assert unmarked_bengali(html) == []


def test_the_charter_in_english(client):
    html = get(client, "/en/office/joypurhat/")
    for heading in (
        "1. Vision and mission",
        "2. Services promised",
        "2.1 Citizen services",
        "2.2 Institutional services",
        "3. Services provided by subordinate offices",
        "5. Grievance Redress System (GRS)",
        "Serial no.",
        "Responsible officer",
    ):
        assert heading in html, heading
    assert "<h1>District Office, Joypurhat</h1>" in html  # name_en
    assert 'href="/en/office/kalai.joypurhat/">Upazila Office, Kalai' in html  # links stay in English
    # The charter has no English yet: its Bengali is shown, and said to be Bengali.
    vision = Office.objects.get(key="joypurhat").charter.vision_bn
    assert f'<p lang="bn">{vision}</p>' in html
    # The national cell has English; its days are ASCII; the document's phone numbers too.
    assert "Grievance Management Cell, Cabinet Division</th>" in html
    assert "60 working days" in html and "30 working days" in html
    assert ">02589915076</a>" in html
    assert '<time datetime="2023-12-05">05/12/2023</time>' in html


def test_a_bengali_page_marks_nothing(client):
    html = get(client, "/office/joypurhat/")
    # (hreflang="bn" names the Bengali alternate of the page; it marks no text)
    assert '<html lang="bn">' in html and 'lang="bn"' not in html.replace('<html lang="bn">', "").replace(
        'hreflang="bn"', ""
    )


def test_english_text_entered_for_a_field_is_shown_and_not_marked(client):
    service = Service.objects.filter(office__key="joypurhat").order_by("category", "serial").first()
    service.name_en = "Information about the ICT Department"
    service.save()
    publish_now(service.office)
    html = get(client, "/en/office/joypurhat/")
    assert "<span>Information about the ICT Department</span>" in html
    assert "Information about the ICT Department" not in get(client, "/office/joypurhat/")


def test_an_english_browser_still_gets_the_bengali_pages_at_their_urls(client):
    for url in ("/", "/office/joypurhat/", "/search/?q=x", "/grievance/"):
        response = client.get(url, **ENGLISH_ACCEPT)
        html = response.content.decode()
        assert response.status_code == 200 and '<html lang="bn">' in html, url
        assert response["Content-Language"] == "bn", url
    assert "আপনার দপ্তর খুঁজুন" in get(client, "/", **ENGLISH_ACCEPT)


def test_the_language_switch_leads_to_the_same_page_in_the_other_language(client):
    bengali = get(client, "/office/joypurhat/")
    assert '<a class="language-switch" href="/en/office/joypurhat/" lang="en" hreflang="en">English</a>' in bengali
    english = get(client, "/en/office/joypurhat/")
    assert '<a class="language-switch" href="/office/joypurhat/" lang="bn" hreflang="bn">বাংলা</a>' in english
    assert 'class="language-switch" href="/en/"' in get(client, "/")
    assert 'class="language-switch" href="/"' in get(client, "/en/")


def test_the_switch_keeps_a_search_but_not_what_a_link_appended_to_a_cached_page(client):
    html = get(client, "/search/?q=%E0%A6%87-%E0%A6%A8%E0%A6%A5%E0%A6%BF&district=joypurhat")
    assert 'href="/en/search/?q=%E0%A6%87-%E0%A6%A8%E0%A6%A5%E0%A6%BF&amp;district=joypurhat"' in html
    # The charter page is cached for everyone: a visitor's query string must not reach its links.
    get(client, "/office/joypurhat/?utm_source=%22x")
    assert 'class="language-switch" href="/en/office/joypurhat/"' in get(client, "/office/joypurhat/")


def test_the_switch_on_a_missing_page_leads_to_the_other_directory(client):
    assert 'class="language-switch" href="/en/"' in get(client, "/no/such/page/", status=404)
    assert 'class="language-switch" href="/en/office/nope/"' in get(client, "/office/nope/", status=404)


def test_the_page_cache_keeps_the_languages_apart(client):
    # Whichever language asks first, each reader gets their own page, from the cache after that.
    for first, second in (("/office/joypurhat/", "/en/office/joypurhat/"), ("/en/", "/")):
        caches[CACHE].clear()
        pages = {url: get(client, url) for url in (first, second)}
        for url in (first, second, first, second):
            assert get(client, url) == pages[url]
            assert get(client, url, **ENGLISH_ACCEPT) == pages[url]
        assert pages[first] != pages[second]
    assert '<html lang="bn">' in pages["/"] and '<html lang="en">' in pages["/en/"]


def test_open_data_has_one_url_in_both_languages(client):
    assert client.get("/office/joypurhat.json", **ENGLISH_ACCEPT).json()["office"]["url"].endswith("/office/joypurhat/")
    assert client.get("/opendata/services.csv").status_code == 200
    assert client.get("/en/office/joypurhat.json", follow=True).status_code == 404


def test_the_admin_stays_bengali(admin_client):
    html = admin_client.get("/admin/", **ENGLISH_ACCEPT).content.decode()
    assert '<html lang="bn"' in html and "দপ্তর ও চার্টার ব্যবস্থাপনা" in html
    assert admin_client.get("/en/admin/").status_code == 404


def test_digits_follow_the_page_language():
    template = Template("{{ n|bn_digits }} {{ phone|bn_digits }} {{ mail|bn_digits }}")
    context = {"n": 25, "phone": "০২৫৮৯৯১৫০৭৬", "mail": "doict25@gmail.com"}
    with translation.override("en"):
        assert template.render(Context(context)) == "25 02589915076 doict25@gmail.com"
    with translation.override("bn"):
        assert template.render(Context(context)) == "২৫ ০২৫৮৯৯১৫০৭৬ doict25@gmail.com"
        assert bengali_digits(25) == "২৫"
    with translation.override("en"):
        assert bengali_digits(25) == "২৫"  # the pure function is the same in every language


# ---------------------------------------------------------------- grievances in English


def test_a_grievance_is_filed_in_english(client, django_capture_on_commit_callbacks):
    html = get(client, "/en/office/joypurhat/grievance/")
    for label in ("Your name", "Mobile number", "E-mail (optional)", "What happened", "Submit grievance"):
        assert label in html, label
    assert "Within 30 working days; otherwise the grievance moves to the next tier by itself." in html
    typed = {
        "name": "Rahima Khatun",
        "desired_outcome": "The dates of the training.",
        "mobile": "12345",
        "description": "short",
    }
    data = {**form_data(html, "grievance-form"), **citizen_form(**typed)}
    response = client.post("/en/office/joypurhat/grievance/", data)
    html = response.content.decode()
    assert response.status_code == 200 and '<html lang="en">' in html
    assert "The form could not be submitted" in html
    assert "Enter a valid mobile number, for example 01711-000000 (starting with 01, 11 digits in all)." in html
    assert "Please write at least 10 characters." in html
    assert unmarked_bengali(html) == []

    data.update(
        mobile="01711-000000",
        email="rahima@example.com",
        description="I went to the office three times and was not told the training dates.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/office/joypurhat/grievance/", data)
    assert response.status_code == 302 and response["Location"] == "/en/grievance/received/"
    grievance = Grievance.objects.get(email="rahima@example.com")
    html = get(client, "/en/grievance/received/")
    assert "Your grievance has been received" in html and grievance.tracking_number in html
    assert "The grievance is now with the Grievance Redress Officer (GRO) of District Office, Joypurhat." in html
    assert f'<time datetime="{grievance.deadline():%Y-%m-%d}">{grievance.deadline():%-d %B %Y}</time>' in html
    assert unmarked_bengali(html) == []
    # The e-mail is Bengali: the citizen's language is not stored, and the portal's first is Bengali.
    deliver()
    assert "আপনার অভিযোগ গৃহীত হয়েছে" in mail.outbox[0].subject


def test_the_status_lookup_in_english(client):
    grievance = file_on(datetime.date(2026, 1, 4))  # long overdue
    response = client.post("/en/grievance/", {"tracking_number": "GRS-0000-0000", "mobile": "01711000000"})
    html = response.content.decode()
    assert "No grievance was found with this tracking number and mobile number." in html
    response = client.post("/en/grievance/", {"tracking_number": grievance.tracking_number, "mobile": grievance.mobile})
    assert response.status_code == 302 and response["Location"] == "/en/grievance/status/"
    html = get(client, "/en/grievance/status/")
    assert '<strong id="grievance-status">Received, awaiting action</strong>' in html
    assert "1. Grievance Redress Officer (GRO)" in html and "Grievance filed" in html
    assert "(deadline passed; being sent to the next tier)" in html
    assert unmarked_bengali(html) == []
    # The switch keeps the visitor on their grievance.
    assert 'class="language-switch" href="/grievance/status/"' in html
    assert "অভিযোগের অবস্থা" in get(client, "/grievance/status/")


def test_the_dashboard_in_english(admin_client):
    file_on(datetime.date(2026, 1, 4))
    html = get(admin_client, "/en/grievances/dashboard/")
    assert '<html lang="en">' in html and "<h1>Grievance dashboard</h1>" in html
    assert "Overdue grievances" in html and "Joypurhat: 1 grievances in all" in html
    assert unmarked_bengali(html) == []


# ---------------------------------------------------------------- the catalogues


def read_po(path):
    """(msgid, msgstr, flags) for every entry of a .po file but its header."""
    entries, flags, current, field = [], set(), None, None
    for line in path.read_text("utf-8").splitlines() + [""]:
        if line.startswith("#,"):
            flags = {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("msgid "):
            current, field = {"msgid": ast.literal_eval(line[6:]), "msgstr": "", "flags": flags}, "msgid"
        elif line.startswith("msgstr "):
            current["msgstr"], field = ast.literal_eval(line[7:]), "msgstr"
        elif line.startswith('"') and current:
            current[field] += ast.literal_eval(line)
        elif not line.strip() and current:
            if current["msgid"]:
                entries.append((current["msgid"], current["msgstr"], current["flags"]))
            current, flags = None, set()
    return entries


PLACEHOLDER = re.compile(r"%\(\w+\)s")


def test_every_english_msgid_is_translated_and_compiled():
    entries = read_po(LOCALE / "en" / "LC_MESSAGES" / "django.po")
    assert len(entries) > 150
    with open(LOCALE / "en" / "LC_MESSAGES" / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for msgid, msgstr, flags in entries:
        assert msgstr.strip(), f"no English for {msgid!r}"
        assert "fuzzy" not in flags, f"fuzzy: {msgid!r}"
        assert not BENGALI.search(msgstr), f"Bengali left in the English for {msgid!r}"
        assert sorted(PLACEHOLDER.findall(msgstr)) == sorted(PLACEHOLDER.findall(msgid)), msgid
        # A .po edited without manage.py compilemessages fails here (CI has no gettext to compile).
        assert compiled.gettext(msgid) == msgstr, f"django.mo is older than django.po: {msgid!r}"


def test_the_bengali_catalogue_shows_the_msgids_themselves():
    english = {msgid for msgid, _msgstr, _flags in read_po(LOCALE / "en" / "LC_MESSAGES" / "django.po")}
    entries = read_po(LOCALE / "bn" / "LC_MESSAGES" / "django.po")
    assert {msgid for msgid, _msgstr, _flags in entries} == english
    assert all(msgstr in ("", msgid) for msgid, msgstr, _flags in entries)
    with open(LOCALE / "bn" / "LC_MESSAGES" / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    assert all(compiled.gettext(msgid) == msgid for msgid in english)
