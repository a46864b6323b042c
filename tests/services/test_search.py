"""Nationwide search: services and offices, Bengali-aware, the same on every database."""

import pytest

from charter_portal.bangla import search_key
from services.models import Service, ServiceListing
from services.search import find_offices, find_services
from tests.support import ROOT
from tests.support.charters import publish_now

pytestmark = pytest.mark.django_db


def names(hits):
    return [hit.service.name for hit in hits]


def test_a_service_is_found_in_every_office_that_offers_it(client):
    hits = find_services("সাইবার নিরাপত্তা")
    offices = {hit.service.office.key for hit in hits}
    assert {"joypurhat", "natoresadar.natore", "rangpursadar.rangpur"} <= offices
    response = client.get("/search/", {"q": "সাইবার নিরাপত্তা"})
    assert response.status_code == 200
    html = response.content.decode()
    service = hits[0].service
    assert f'href="/office/{service.office.key}/#service-{service.category}-{service.serial}"' in html


def test_words_in_the_name_rank_first():
    hits = find_services("ই-নথি")
    assert hits and all("নথি" in search_key(hit.service.name) for hit in hits[:3])
    assert hits == sorted(hits, key=lambda hit: -hit.score)


@pytest.mark.parametrize(
    "spelling",
    [
        "শেখ রাসেল ডিজিটাল ল্যাব",
        "শেখ  রাসেল   ডিজিটাল ল্যাব",  # repeated spaces
        "শেখ রা\u200cসেল ডিজিটাল ল্যাব",  # a zero-width non-joiner
        "শেখ রাসেল ডিজিটাল ল্যা\u200dব",  # a zero-width joiner
    ],
)
def test_spellings_that_look_alike_find_the_same_services(spelling):
    assert names(find_services(spelling)) == names(find_services("শেখ রাসেল ডিজিটাল ল্যাব"))
    assert len(find_services(spelling)) >= 4


def test_composed_and_decomposed_letters_match_each_other():
    composed = "ওয়েব পোর্টাল".replace("\u09af\u09bc", "\u09df")
    decomposed = "ওয়েব পোর্টাল".replace("\u09df", "\u09af\u09bc")
    assert composed != decomposed
    assert names(find_services(composed)) == names(find_services(decomposed)) != []
    # Magura writes য় as one code point and ো in two parts; the others the other way round.
    offices = {hit.service.office.key for hit in find_services(decomposed)}
    assert "magurasadar.magura" in offices and "joypurhat" in offices


def test_bengali_and_ascii_digits_match():
    assert names(find_services("কোভিড-১৯")) == names(find_services("কোভিড 19")) != []


def test_district_filter(client):
    from offices.models import District

    joypurhat = District.objects.get(key="joypurhat")
    hits = find_services("সাইবার", joypurhat)
    assert hits and {hit.service.office.key for hit in hits} == {"joypurhat"}
    html = client.get("/search/", {"q": "সাইবার", "district": "joypurhat"}).content.decode()
    assert "রংপুর সদর" not in html


def test_offices_are_found_by_name_and_key():
    assert {o.key for o in find_offices("কচুয়া")} == {"kachua.chandpur", "kachua.bagerhat"}
    assert [o.key for o in find_offices("কচুয়া চাঁদপুর")] == ["kachua.chandpur"]
    assert "kachua.chandpur" in [o.key for o in find_offices("kachua")]


def test_an_empty_huge_or_odd_query_is_harmless(client):
    for query in ["", "   ", "x" * 5000, "\x00", "'; DROP TABLE services_service; --", "<script>"]:
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200
        assert "<script>" not in response.content.decode().split("<main", 1)[1]
    assert Service.objects.exists()


def test_search_finds_what_is_published_not_the_draft():
    service = Service.objects.filter(office__key="joypurhat").first()
    service.name_bn = "একেবারে নতুন নামের সেবা"
    service.save()
    assert find_services("একেবারে নতুন") == []  # a draft: citizens do not see it yet
    publish_now(service.office)
    hit = find_services("একেবারে নতুন")[0].service
    assert (hit.office, hit.category, hit.serial) == (service.office, service.category, service.serial)
    # Loaded from the fixtures (raw saves), every published service is indexed too.
    assert ServiceListing.objects.count() == 87 and not ServiceListing.objects.filter(search_text="").exists()


def test_search_results_link_to_the_row_and_to_the_before_you_go_page(client):
    service = find_services("সাইবার নিরাপত্তা")[0].service
    html = client.get("/search/", {"q": "সাইবার নিরাপত্তা"}).content.decode()
    assert f'href="{service.get_charter_row_url()}"' in html
    assert f'href="{service.get_absolute_url()}"' in html


def test_the_service_page_puts_papers_cost_and_time_before_the_officer(client):
    service = Service.objects.get(office__key="rangpursadar.rangpur", category=1, serial=1)
    response = client.get(service.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    before, officer = html.index('id="before-you-go"'), html.index('id="officer"')
    assert before < officer
    box = html[before:officer]
    assert "১. আবেদনপত্র ২. জাতীয় পরিচয়পত্র" in box and "বিনামূল্যে" in box
    assert "উপজেলা কার্যালয়, রংপুর সদর, রংপুর" in box  # where to get the papers
    assert f"?service={service.category}-{service.serial}" in html  # the way to complain about this service


def test_an_unknown_service_is_404(client):
    assert client.get("/office/joypurhat/services/1-99/").status_code == 404
    assert client.get("/office/nowhere/services/1-1/").status_code == 404


def test_repeated_searches_come_from_the_page_cache(client, django_assert_num_queries):
    client.get("/search/", {"q": "প্রশিক্ষণ"})
    with django_assert_num_queries(1):  # the content version, nothing else
        response = client.get("/search/", {"q": "প্রশিক্ষণ"})
    assert response.status_code == 200 and "প্রশিক্ষণ" in response.content.decode()


def test_a_publication_shows_in_the_next_search_at_once(client):
    client.get("/search/", {"q": "একেবারে নতুন"})
    service = Service.objects.filter(office__key="joypurhat").first()
    service.name_bn = "একেবারে নতুন নামের সেবা"
    service.save()
    assert "একেবারে নতুন নামের সেবা" not in client.get("/search/", {"q": "একেবারে নতুন"}).content.decode()
    publish_now(service.office)
    assert "একেবারে নতুন নামের সেবা" in client.get("/search/", {"q": "একেবারে নতুন"}).content.decode()


@pytest.mark.parametrize("district", ["\x00", "joypurhat\x00", "<script>", "x" * 500, "JOYPURHAT"])
def test_a_district_that_is_not_a_key_searches_the_whole_country(client, district):
    response = client.get("/search/", {"q": "সাইবার", "district": district})
    assert response.status_code == 200
    assert "রংপুর সদর" in response.content.decode()


GLOSSARY = ROOT / "fixtures" / "translations" / "service-names.en.tsv"


def test_english_names_from_the_glossary_make_english_search_work(client):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("translate_services", str(GLOSSARY), stdout=out)
    assert "নামের শব্দকোষের ০টি লাইন কোনো সেবার সঙ্গে মেলেনি" in out.getvalue()
    assert not Service.objects.filter(name_en__isnull=True).exists()
    hits = find_services("Sheikh Russel lab")
    assert len(hits) >= 4 and all("শেখ রাসেল" in hit.service.name_bn for hit in hits)
    assert find_services("e-Nothi") and find_services("cyber security")
    html = client.get("/en/search/", {"q": "Sheikh Russel lab"}).content.decode()
    assert "Sheikh Russel Digital Labs" in html
    page = client.get("/en/office/joypurhat/").content.decode()
    assert "Information about the ICT Directorate" in page


def test_a_broken_glossary_is_refused_with_its_line(tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    bad = tmp_path / "glossary.tsv"
    bad.write_text("# comment\nআইসিটি অধিদপ্তর সংক্রান্ত তথ্য প্রদান Information\n", "utf-8")
    with pytest.raises(CommandError, match="লাইন ২: প্রতি লাইনে লিখুন 'বাংলা নাম<TAB>ইংরেজি নাম'"):
        call_command("translate_services", str(bad))
    assert not Service.objects.exclude(name_en=None).exclude(name_en="").exists()
