"""The public pages: directory, charter page, 404."""

import gzip
import re
import unicodedata
from html import unescape

import pytest
from django.contrib.staticfiles import finders

from charters.models import Charter, publishing_offices
from grievances.models import GrievanceTier
from offices.models import District, Office, Officer
from services.models import Service
from tests.support.charters import publish_now

pytestmark = pytest.mark.django_db


def nfc(text):
    return unicodedata.normalize("NFC", text)


def text_of(html):
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_directory_lists_every_division_and_district_and_each_district_page_its_offices(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="division"') == 8
    assert html.count('class="district-link"') == 64
    for district in District.objects.all():
        assert f'href="/district/{district.key}/"' in html, district.key
    assert 'href="/office/hq/"' in html
    assert 'lang="bn"' in html
    assert "রাজশাহী বিভাগ" in html
    listed = set()
    for district in District.objects.all():
        page = client.get(f"/district/{district.key}/").content.decode()
        listed |= set(re.findall(r'<a href="(/office/[^"]+/)"', page.split('id="directory"')[1]))
    assert listed == {office.get_absolute_url() for office in Office.objects.exclude(level=Office.Level.HQ)}


def test_the_home_page_stays_small_on_a_slow_link(client):
    # It was every one of the 559 offices (62 KB, 10.6 KB gzipped); now the districts only.
    assert len(gzip.compress(client.get("/").content)) < 5_000


def test_a_district_page_lists_the_district_office_first_then_its_upazilas_in_order(client):
    from charter_portal.bangla import sort_key

    html = client.get("/district/joypurhat/").content.decode()
    offices = html.split('id="directory"')[1]
    assert re.search(r'<li class="district-office"><a href="/office/joypurhat/"', offices)
    upazilas = re.findall(r"<li><a [^>]*>(.*?)</a>", offices)
    assert len(upazilas) == 5 and upazilas == sorted(upazilas, key=sort_key)
    assert "চার্টার · ২৩টি সেবা" in offices.split("</li>")[0]
    assert "৬টি দপ্তরের মধ্যে ১টি" in text_of(html)
    breadcrumbs = text_of(html.split('class="breadcrumbs"')[1].split("</nav>")[0])
    assert "রাজশাহী বিভাগ" in breadcrumbs and nfc("জয়পুরহাট জেলা") in nfc(breadcrumbs)


def test_an_unknown_district_is_the_bengali_404(client):
    for path in ["/district/nowhere/", "/district/JOYPURHAT/", "/district/%00/"]:
        response = client.get(path)
        assert response.status_code == 404 and "পাতাটি পাওয়া যায়নি" in response.content.decode(), path


def test_directory_works_without_javascript(client):
    html = client.get("/").content.decode()
    assert "<script" not in html
    assert "<details" in html  # disclosure widgets open without script


def test_unknown_office_is_a_bengali_404(client):
    response = client.get("/office/no-such-office/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "দপ্তরটি পাওয়া যায়নি" in html and "“no-such-office”" in html
    assert 'href="/"' in html and 'lang="bn"' in html


@pytest.mark.parametrize("debug", [False, True])
def test_unknown_office_404_is_bengali_even_on_a_debug_server(client, settings, debug):
    settings.DEBUG = debug
    response = client.get("/office/nowhere.nowhere/")
    assert response.status_code == 404 and "দপ্তরটি পাওয়া যায়নি" in response.content.decode()


def test_any_other_missing_page_is_the_bengali_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404 and "পাতাটি পাওয়া যায়নি" in response.content.decode()


def test_every_office_page_renders(client):
    for key in Office.objects.values_list("key", flat=True):
        assert client.get(f"/office/{key}/").status_code == 200, key


def test_office_key_with_strange_characters_is_404_not_error(client):
    for path in ["/office/JOYPURHAT/", "/office/a..b/", "/office/%00/", "/office/জয়পুরহাট/"]:
        assert client.get(path).status_code == 404, path


def test_charter_page_header_and_breadcrumbs(client):
    html = client.get("/office/kachua.chandpur/").content.decode()
    text = text_of(html)
    assert "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার" in text
    assert "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর" in text
    assert "উপজেলা কার্যালয়, কচুয়া, চাঁদপুর" in text
    assert 'href="http://doict.kachua.chandpur.gov.bd"' in html
    breadcrumbs = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert 'href="/district/chandpur/"' in breadcrumbs
    breadcrumbs = text_of(breadcrumbs)
    assert "প্রচ্ছদ" in breadcrumbs and "চট্টগ্রাম বিভাগ" in breadcrumbs and "চাঁদপুর জেলা" in breadcrumbs
    assert "জেলা কার্যালয়, চাঁদপুর" in breadcrumbs


def test_district_page_links_its_upazila_offices_from_the_tree(client):
    html = client.get("/office/joypurhat/").content.decode()
    section = html.split('id="subordinates"')[1].split("</section>")[0]
    for key in [
        "akkelpur.joypurhat",
        "kalai.joypurhat",
        "khetlal.joypurhat",
        "panchbibi.joypurhat",
        "joypurhatsadar.joypurhat",
    ]:
        assert f'href="/office/{key}/"' in section


def test_upazila_page_says_it_has_no_subordinate_office(client):
    html = client.get("/office/rangpursadar.rangpur/").content.decode()
    assert "আওতাধীন কোন দপ্তর নেই" in html.split('id="subordinates"')[1].split("</section>")[0]


def test_office_without_a_charter_says_so(client):
    office = Office.objects.get(key="haimchar.chandpur")
    assert not Charter.objects.filter(office=office).exists()
    html = client.get(office.get_absolute_url()).content.decode()
    assert "সিটিজেন চার্টার এখনো পোর্টালে প্রকাশিত হয়নি" in html
    assert 'id="services-' not in html and 'id="grs"' not in html


@pytest.fixture
def tiny_charter():
    office = Office.objects.get(key="haimchar.chandpur")
    Charter.objects.create(office=office, vision_bn="<script>alert(1)</script> ভিশন", mission_bn="মিশন")
    officer = Officer.objects.create(
        office=office,
        name_bn="<b>জনাব পরীক্ষা</b>",
        designation_bn="প্রোগ্রামার",
        phone="01811 832637",
        email="test2024@example.gov.bd",
    )
    Service.objects.create(
        office=office,
        category=1,
        serial=12,
        name_bn="<i>সেবা</i>",
        time_limit_bn="3 কার্যদিবস",
        responsible_officer=officer,
    )
    GrievanceTier.objects.create(
        office=office,
        level=1,
        when_to_contact_bn="ব্যর্থ হলে",
        contact_title_bn="অনিক",
        contact_officer=officer,
        resolution_days=30,
    )
    publish_now(office)
    return office


def test_text_from_the_database_is_escaped(client, tiny_charter):
    html = client.get(tiny_charter.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<b>জনাব" not in html and "&lt;b&gt;জনাব পরীক্ষা&lt;/b&gt;" in html
    assert "<i>সেবা" not in html


def test_bengali_digits_on_the_page_but_not_in_emails_or_urls(client, tiny_charter):
    # <wbr>: the line-break opportunities at an address's punctuation (charter_portal.bangla.identifier)
    html = client.get(tiny_charter.get_absolute_url()).content.decode().replace("<wbr>", "")
    services = html.split('id="services-1"')[1].split("</section>")[0]
    assert ">১২<" in services  # serial
    assert "৩ কার্যদিবস" in services  # days in the time limit
    assert "০১৮১১ ৮৩২৬৩৭" in services  # phone shown in Bengali digits
    assert 'href="tel:01811832637"' in services  # but dialled in ASCII
    assert "mailto:test2024@example.gov.bd" in services and ">test2024@example.gov.bd<" in services
    grs = html.split('id="grs"')[1].split("</section>")[0]
    assert "৩০ কার্যদিবস" in grs and "৬০ কার্যদিবস" in grs  # own tier and the national cell
    assert "www.grs.gov.bd" in grs


def test_national_grs_cell_is_shared_not_copied(client, tiny_charter):
    assert GrievanceTier.objects.filter(level=3).count() == 1
    html = client.get("/office/joypurhat/").content.decode()
    assert "মন্ত্রিপরিষদ বিভাগের অভিযোগ ব্যবস্থাপনা সেল" in html


def test_charter_date_and_last_change_are_in_bengali_digits(client):
    html = client.get("/office/joypurhat/").content.decode()
    assert "০৫/১২/২০২৩" in html
    assert "সর্বশেষ হালনাগাদ" in html
    updated = html.split('class="updated"')[1].split("</p>")[0]
    assert not re.search(r">[^<]*[0-9][^<]*<", updated)  # no ASCII digit in the visible text


def test_pages_use_the_portal_web_font(client):
    html = client.get("/office/joypurhat/").content.decode()
    assert "noto-sans-bengali-bengali-400-normal.woff2" in html
    stylesheet = open(finders.find("css/portal.css"), encoding="utf-8").read()
    assert 'local("Noto Sans Bengali")' in stylesheet
    assert "font-display: swap" in stylesheet and "unicode-range: U+0951-0952, U+0964-0965, U+0980-09FE" in stylesheet
    assert finders.find("fonts/noto-sans-bengali/OFL.txt")


# Issue 14: the directory in Bengali order with the charter offices marked; the charter page on a phone.
def test_directory_is_in_bengali_alphabetical_order_at_every_level(client):
    from charter_portal.bangla import sort_key

    html = client.get("/").content.decode()
    divisions = re.findall(r'<span class="division-name">(.*?) বিভাগ</span>', html)
    assert divisions == sorted(divisions, key=sort_key) and divisions[0] == "খুলনা"
    for district_html in re.findall(r'<ul class="districts">(.*?)</ul>\n</details>', html, re.S):
        districts = re.findall(r'<a class="district-link"[^>]*>(.*?)</a>', district_html)
        assert districts and districts == sorted(districts, key=sort_key)


def test_directory_marks_the_offices_that_publish_a_charter_and_can_show_only_those(client):
    html = client.get("/").content.decode()
    joypurhat = html.split('id="district-joypurhat"')[1].split("</li>")[0]
    assert "৬টি দপ্তর" in text_of(joypurhat) and "চার্টার · ১টি দপ্তর" in text_of(joypurhat)
    assert html.count('<span class="charter-mark">চার্টার · ') == 5  # five districts hold one each
    assert "৫৫৯টি দপ্তরের মধ্যে ৫টি" in text_of(html)
    only = client.get("/", {"charters": "1"}).content.decode()
    links = re.findall(r'<a href="(/office/[^"]+/)"', only.split('id="directory"')[1])
    assert sorted(links) == sorted(f"/office/{office.key}/" for office in publishing_offices())
    assert len(links) == 5
    assert "চার্টার · ২৩টি সেবা" in only.split('href="/office/joypurhat/"')[1].split("</li>")[0]
    assert only.count('class="division" id=') == 4 and " open>" in only  # only the divisions that have one, open
    assert 'href="/?charters=1' not in only and 'href="/#directory"' in only  # the way back


def test_publishing_a_charter_is_decided_in_one_place(client):
    office = Office.objects.get(key="haimchar.chandpur")
    assert office not in publishing_offices()
    Charter.objects.create(office=office, vision_bn="ভিশন")
    assert office not in publishing_offices()  # a draft is not a charter citizens can read
    publish_now(office)
    assert office in publishing_offices()
    assert client.get("/", {"charters": "1"}).content.decode().count('<span class="charter-mark">চার্টার · ') == 6


def test_charter_page_has_contents_linking_each_section_and_table(client):
    html = client.get("/office/joypurhat/").content.decode()
    contents = html.split('<nav class="contents"')[1].split("</nav>")[0]
    targets = re.findall(r'href="#([^"]+)"', contents)
    assert targets == [
        "vision-mission",
        "services",
        "services-1",
        "services-2",
        "services-3",
        "subordinates",
        "expectations",
        "grs",
    ]
    for target in targets:
        assert f'id="{target}"' in html
    assert '২.১ নাগরিক সেবা</a> <span class="count">(৭)</span>' in contents


def test_an_officer_responsible_for_every_row_is_shown_once_per_table(client):
    html = client.get("/office/joypurhat/").content.decode()
    tables = re.findall(r'<section class="service-table".*?</section>', html, re.S)
    assert len(tables) == 3
    for table in tables:
        assert table.count('class="shared-officer"') == 1
        body = table.split("<tbody>")[1]
        assert 'class="officer"' not in body and "দায়িত্বপ্রাপ্ত কর্মকর্তা" not in body
        assert "দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবি" not in table  # nor its column


def test_officers_who_differ_from_row_to_row_stay_in_their_rows(client, tiny_charter):
    other = Officer.objects.create(office=tiny_charter, name_bn="জনাব অন্য", designation_bn="সহকারী প্রোগ্রামার")
    Service.objects.create(office=tiny_charter, category=1, serial=13, name_bn="আরেক সেবা", responsible_officer=other)
    publish_now(tiny_charter)
    table = (
        client.get(tiny_charter.get_absolute_url()).content.decode().split('id="services-1"')[1].split("</section>")[0]
    )
    assert 'class="shared-officer"' not in table
    body = table.split("<tbody>")[1]
    assert body.count('class="officer"') == 2 and "জনাব অন্য" in body


def test_grs_tier_contacts_in_free_text_are_links(client):
    grs = client.get("/office/joypurhat/").content.decode().split('id="grs"')[1].split("</section>")[0]
    assert 'href="tel:+880241024070"' in grs and 'href="mailto:ddadmin@doict.gov.bd"' in grs
    assert 'href="https://www.grs.gov.bd"' in grs and 'href="https://www.doict.gov.bd"' in grs


def test_an_office_without_a_charter_says_what_a_grievance_against_it_does(client):
    text = text_of(client.get("/office/haimchar.chandpur/").content.decode())
    assert "অভিযোগ নিষ্পত্তি কর্মকর্তার কাছে যায়" in text
    assert "৩০ কার্যদিবসে" in text and "(২০ কার্যদিবস)" in text and "(৬০ কার্যদিবস)" in text


@pytest.mark.parametrize("path", ["/", "/office/joypurhat/", "/office/joypurhat/services/1-1/", "/grievance/", "/en/"])
def test_every_citizen_page_has_the_header_search_and_my_grievance_link_and_a_favicon(client, path):
    html = client.get(path).content.decode()
    header = html.split('<header class="site-header">')[1].split("</header>")[0]
    assert '<form class="header-search" method="get" action="' in header and 'name="q"' in header
    assert 'href="/grievance/"' in header or 'href="/en/grievance/"' in header
    assert 'rel="icon"' in html and 'property="og:image"' in html and '<meta name="description" content="' in html
    for asset in ("favicon.ico", "img/icon.svg", "img/apple-touch-icon.png", "img/og-card.png"):
        assert finders.find(asset), asset


def test_grievance_pages_say_how_they_relate_to_grs_gov_bd(client):
    for path in ("/office/joypurhat/grievance/", "/grievance/"):
        html = client.get(path).content.decode()
        assert html.count('class="grs-relation"') == 1  # in the page, not repeated by the footer
        assert "দুই জায়গায় করার দরকার নেই" in html and 'href="https://www.grs.gov.bd"' in html
