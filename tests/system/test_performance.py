"""The public pages stay fast at national scale: a fixed number of queries, and each page is
rendered once and served from the cache until something it shows changes, in any process.

No timings here: benchmarks/run.py takes the figures.
"""

import gzip
import json

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db.models import Q
from django.urls import reverse

from benchmarks import dataset
from charters.models import Charter, CharterVersion
from charters.snapshot import draft_document
from grievances.models import GrievanceTier
from offices.models import Office, Officer
from pagecache.middleware import CACHE
from services.models import Expectation, Service, ServiceListing
from tests.support import FIXTURES
from tests.support.charters import publish_now
from tests.support.forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_page_cache():
    caches[CACHE].clear()


def give_charter(key, services):
    """A charter with every part the page shows: services with their officers (one of them in the
    office above), expectations, own GRS tiers (so the national cell is shown too)."""
    office = Office.objects.get(key=key)
    Charter.objects.create(office=office, vision_bn="ভিশন", mission_bn="মিশন")
    officer = Officer.objects.create(office=office, name_bn="জনাব পরীক্ষা", designation_bn="প্রোগ্রামার")
    superior = Officer.objects.create(office=office.parent, designation_bn="উপ-পরিচালক")
    for n in range(1, services + 1):
        Service.objects.create(
            office=office,
            category=n % 3 + 1,
            serial=n,
            name_bn=f"সেবা {n}",
            responsible_officer=officer,
            superior_officer=superior,
        )
    for n in range(1, 4):
        Expectation.objects.create(office=office, serial=n, text_bn=f"প্রত্যাশা {n}")
    for level in (1, 2):
        GrievanceTier.objects.create(
            office=office,
            level=level,
            when_to_contact_bn="ব্যর্থ হলে",
            contact_title_bn="অনিক",
            contact_officer=officer,
            resolution_days=GrievanceTier.Level(level).standard_days,
        )
    publish_now(office)
    return office


def test_charter_page_is_rendered_in_four_queries_whatever_its_size(client, django_assert_num_queries):
    small = give_charter("haimchar.chandpur", services=5)  # an upazila office: no subordinate offices
    large = give_charter("chandpur", services=50)  # a district office: eight upazila offices below it
    for office, services in [(small, 5), (large, 50)]:
        # The page version, then the page: the office with its subordinate offices, the version in
        # force (the whole charter, one JSON document), the national GRS cell.
        with django_assert_num_queries(1 + 3):
            html = client.get(office.get_absolute_url()).content.decode()
        assert html.count('<tr id="service-') == services
        assert "মন্ত্রিপরিষদ বিভাগের অভিযোগ ব্যবস্থাপনা সেল" in html  # the national cell, from the same query
    subordinates = html.split('id="subordinates"')[1].split("</section>")[0]
    assert subordinates.count('<li><a href="/office/') == Office.objects.filter(parent=large).count() == 8
    with django_assert_num_queries(1):  # rendered already: the version is all it reads
        assert client.get(large.get_absolute_url()).content.decode() == html


def test_directory_is_rendered_once(client, django_assert_num_queries):
    html = client.get("/").content.decode()
    with django_assert_num_queries(1):
        assert client.get("/").content.decode() == html


def test_a_service_edited_in_the_admin_shows_at_once_when_published(client, admin_client, django_assert_num_queries):
    url = "/office/joypurhat/"
    client.get(url)
    with django_assert_num_queries(1):
        assert "রিপোর্ট সংশোধিত" not in client.get(url).content.decode()  # served from the cache
    service = Service.objects.filter(office__key="joypurhat").order_by("category", "serial").first()
    change = reverse("admin:services_service_change", args=[service.pk])
    data = form_data(admin_client.get(change).content.decode(), "service_form")
    data["name_bn"] = "রিপোর্ট সংশোধিত"
    assert admin_client.post(change, data).status_code == 302
    assert "রিপোর্ট সংশোধিত" not in client.get(url).content.decode()  # the draft
    publish_now(service.office)
    assert "রিপোর্ট সংশোধিত" in client.get(url).content.decode()


def test_a_fixture_load_shows_at_once(client, tmp_path):
    # The page is cached in this process and nothing here empties the cache: only the version
    # loaddata's raw saves write to the database moves the page on, as in another worker.
    url = "/office/joypurhat/"
    client.get(url)
    objects = json.loads((FIXTURES / "versions" / "joypurhat.json").read_text("utf-8"))
    objects[0]["fields"]["document"]["services"][0]["fee"]["bn"] = "বিনামূল্যে (ফিক্সচার থেকে)"
    fixture = tmp_path / "joypurhat.json"
    fixture.write_text(json.dumps(objects, ensure_ascii=False), "utf-8")
    call_command("loaddata", str(fixture), verbosity=0)
    assert "বিনামূল্যে (ফিক্সচার থেকে)" in client.get(url).content.decode()


def test_a_change_to_another_office_shows_on_every_page_that_names_it(client):
    client.get("/district/joypurhat/")
    client.get("/office/joypurhat/")
    # A subordinate office (no charter of its own) and the district office itself, renamed by HQ.
    upazila = Office.objects.get(key="akkelpur.joypurhat")
    upazila.name_bn = "উপজেলা কার্যালয়, আক্কেলপুর (নতুন নাম)"
    upazila.save()
    district = Office.objects.get(key="joypurhat")
    district.name_bn = "জেলা কার্যালয়, জয়পুরহাট (নতুন নাম)"
    district.save()
    assert "আক্কেলপুর (নতুন নাম)" in client.get("/office/joypurhat/").content.decode()
    assert "জয়পুরহাট (নতুন নাম)" in client.get("/district/joypurhat/").content.decode()
    assert "জয়পুরহাট (নতুন নাম)" in client.get("/office/akkelpur.joypurhat/").content.decode()  # breadcrumbs


def test_public_pages_are_gzipped_and_the_admin_is_not(client, admin_client):
    for url in ["/", "/office/joypurhat/", "/office/no-such-office/"]:
        plain = client.get(url)
        compressed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert "Content-Encoding" not in plain and compressed["Content-Encoding"] == "gzip", url
        assert gzip.decompress(compressed.content) == plain.content, url
        assert "Accept-Encoding" in compressed["Vary"] and "Accept-Encoding" in plain["Vary"], url
    # The admin's pages hold what a BREACH attack guesses at; they are sent as they are.
    assert "Content-Encoding" not in admin_client.get("/admin/", HTTP_ACCEPT_ENCODING="gzip")


def test_cached_pages_are_the_same_for_every_visitor(client, admin_client):
    anonymous = client.get("/office/joypurhat/")
    assert not anonymous.cookies and "csrfmiddlewaretoken" not in anonymous.content.decode()
    assert admin_client.get("/office/joypurhat/").content == anonymous.content


def test_the_charter_page_needs_no_javascript(client):
    assert "<script" not in client.get("/office/joypurhat/").content.decode()


def test_the_national_dataset_builder_clones_every_office_of_a_district():
    bogura = Office.objects.filter(Q(key=dataset.BENCHMARK_OFFICE) | Q(parent__key=dataset.BENCHMARK_OFFICE))
    assert not Charter.objects.filter(office__in=bogura).exists()
    assert dataset.clone_charters(bogura) == 13
    assert Charter.objects.filter(office__in=bogura).count() == 13
    # Each published as version 1, exactly its draft: the public pages and search read versions.
    versions = CharterVersion.objects.filter(office__in=bogura)
    assert versions.count() == 13 and all(v.document == draft_document(v.office) for v in versions)
    assert ServiceListing.objects.filter(office__key=dataset.BENCHMARK_OFFICE).count() == 23 + dataset.EXTRA_SERVICES
    district = Office.objects.get(key=dataset.BENCHMARK_OFFICE)
    assert district.services.count() == 23 + dataset.EXTRA_SERVICES
    assert all("জয়পুরহাট" not in s.required_papers for s in district.services.all())  # rewritten for Bogura
    assert all(listing.search_text for listing in district.service_listings.all())  # searchable once published
    seeds = {key: Service.objects.filter(office__key=key).count() for key in dataset.UPAZILA_SEEDS}
    for office in bogura.filter(level=Office.Level.UPAZILA):
        assert office.services.count() in seeds.values()
    # Magura's superior officer is the district programmer: in Bogura, one post of Bogura's office,
    # shared by every upazila charter that names it.
    services = Service.objects.filter(office__parent=district, superior_officer__isnull=False)
    superiors = {
        s.superior_officer
        for s in services.select_related("superior_officer")
        if s.superior_officer.office_id != s.office_id
    }
    assert len(superiors) == 1 and superiors.pop().office == district


def test_a_kept_page_keeps_its_headers_and_language(client):
    for path, language in [("/office/joypurhat/", "bn"), ("/en/office/joypurhat/", "en")]:
        client.get(path)
        kept = client.get(path)  # served by PublicPageMiddleware, before the language middleware
        assert kept["Content-Language"] == language
        assert kept["X-Frame-Options"] == "DENY" and "default-src 'self'" in kept["Content-Security-Policy"]
        assert f'<html lang="{language}"' in kept.content.decode()


def test_a_query_string_is_a_page_of_its_own(client):
    first = client.get("/search/", {"q": "সাইবার"}).content
    other = client.get("/search/", {"q": "ই-নথি"}).content
    assert first != other and client.get("/search/", {"q": "সাইবার"}).content == first
