"""English that is never stale: a Bengali text edited after its English was written marks that
English stale; the public English pages show the Bengali (lang="bn") instead, and the editor
and the publish form list the stale English."""

import re

import pytest
from django.core.management import call_command

from charters.english import stale_english
from charters.models import Charter
from charters.snapshot import draft_document
from offices.models import Office
from services.models import Service
from tests.charters.test_admin_publishing import ADD, VALID, publisher
from tests.support import FIXTURES
from tests.support.charters import publish_now

pytestmark = pytest.mark.django_db

NEW_FEE = "২০০ টাকা (ট্রেজারি চালান)"


@pytest.fixture
def translated():
    call_command("translate_services", FIXTURES / "translations" / "service-names.en.tsv", stdout=None)


def free_service():
    return Service.objects.filter(office__key="joypurhat", fee_bn="বিনামূল্যে").order_by("category", "serial").first()


def row_of(html, service):
    """The charter table's row of a service (its anchor starts it)."""
    start = html.index(f'id="{service.anchor}"')
    return html[start : html.index("</tr>", start)]


def test_english_written_then_bengali_edited_is_stale_until_written_again():
    service = Service.objects.filter(office__key="joypurhat").first()
    service.fee_en = "free of charge"
    service.save()
    assert service.stale_english() == []
    service = Service.objects.get(pk=service.pk)
    service.fee_bn = NEW_FEE
    service.save()
    assert Service.objects.get(pk=service.pk).stale_english() == ["fee"]
    service = Service.objects.get(pk=service.pk)
    service.fee_en = "Tk 200 (treasury challan)"
    service.save()
    assert Service.objects.get(pk=service.pk).stale_english() == []


def test_a_row_loaded_without_a_record_still_knows_its_english_is_stale():
    # English from a fixture (loaddata leaves no record): the Bengali it was loaded with is the one.
    service = Service.objects.filter(office__key="joypurhat").first()
    Service.objects.filter(pk=service.pk).update(fee_en="free of charge", english_of={})
    service = Service.objects.get(pk=service.pk)
    service.fee_bn = NEW_FEE
    service.save()
    assert Service.objects.get(pk=service.pk).stale_english() == ["fee"]


def test_a_bengali_fee_edit_published_shows_the_bengali_on_the_english_page(client, translated):
    service = free_service()
    assert service.fee_en == "free of charge"
    before = client.get("/en/office/joypurhat/").content.decode()
    assert "free of charge" in row_of(before, service)

    service.fee_bn = NEW_FEE
    service.save()
    client.force_login(publisher())
    form = client.get(ADD).content.decode()
    stale = form.split('class="stale-english"')[1].split("</div>")[0]
    assert NEW_FEE in stale and "free of charge" in stale and "সেবার মূল্য" in stale
    editor = client.get(f"/admin/offices/office/{service.office_id}/change/").content.decode()
    assert 'class="stale-english"' in editor and NEW_FEE in editor.split('class="stale-english"')[1]

    assert client.post(ADD, VALID).status_code == 302
    client.logout()
    after = client.get("/en/office/joypurhat/").content.decode()
    row = row_of(after, service)
    assert "free of charge" not in row
    assert re.search(r'lang="bn"[^>]*>\s*২০০ টাকা \(ট্রেজারি চালান\)', row), row
    # The other free services keep their English; the service's own page follows the charter.
    assert "free of charge" in after
    page = client.get(f"/en/office/joypurhat/services/{service.category}-{service.serial}/").content.decode()
    assert "free of charge" not in page and NEW_FEE in page


def test_the_glossary_gives_stale_english_a_fresh_translation(translated):
    service = free_service()
    service.fee_bn = "বিনামূল্যে "  # the same phrase, written again
    service.save()
    assert Service.objects.get(pk=service.pk).stale_english() == ["fee"]
    call_command("translate_services", FIXTURES / "translations" / "service-names.en.tsv", stdout=None)
    assert Service.objects.get(pk=service.pk).stale_english() == []
    assert stale_english(draft_document(Office.objects.get(key="joypurhat"))) == []


def test_a_new_signatory_makes_the_english_signatory_stale(client):
    office = Office.objects.get(key="joypurhat")
    Charter.objects.filter(office=office).update(signatory_name_en="Md. Old Signatory", english_of={})
    service = Service.objects.filter(office=office).first()
    service.fee_bn = NEW_FEE
    service.save()
    publish_now(office, signatory_name="মোঃ নতুন স্বাক্ষরকারী")
    page = client.get("/en/office/joypurhat/").content.decode()
    assert "Md. Old Signatory" not in page and "মোঃ নতুন স্বাক্ষরকারী" in page
