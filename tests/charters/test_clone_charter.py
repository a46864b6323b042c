"""clone_charter: stamp a new office's charter from an existing one of its kind."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from charter_portal.bangla import any_encoding_pattern
from charters.cloning import office_rewriter
from charters.models import Charter
from grievances.models import GrievanceTier
from offices.models import Office, Officer
from services.models import Expectation, Service
from tests.support.charters import publish_now

pytestmark = pytest.mark.django_db


def clone(*args):
    out = StringIO()
    call_command("clone_charter", *args, stdout=out)
    return out.getvalue()


def test_a_district_charter_is_copied_with_the_offices_name_rewritten():
    out = clone("joypurhat", "bogra")
    bogra, joypurhat = Office.objects.get(key="bogra"), Office.objects.get(key="joypurhat")
    assert bogra.charter.vision == joypurhat.charter.vision and bogra.charter.mission == joypurhat.charter.mission
    assert bogra.charter.service_columns == joypurhat.charter.service_columns
    source = list(joypurhat.services.all())
    copies = list(bogra.services.all())
    assert [(s.category, s.serial, s.name, s.fee, s.time_limit) for s in copies] == [
        (s.category, s.serial, s.name, s.fee, s.time_limit) for s in source
    ]
    first = copies[0]
    assert first.required_papers.endswith(f"জেলা কার্যালয় {bogra.district.name_bn}")
    source_name = re.compile(any_encoding_pattern(joypurhat.district.name_bn))
    assert all(not source_name.search(s.required_papers) for s in copies)
    assert list(bogra.expectations.values_list("text", flat=True)) == list(
        joypurhat.expectations.values_list("text", flat=True)
    )
    assert [(t.level, t.resolution_days) for t in bogra.grievance_tiers.all()] == [(1, 30), (2, 20)]
    # The people are Joypurhat's: Bogra gets the post, to be filled in.
    officer = bogra.officers.get()
    assert (officer.designation, officer.name, officer.phone, officer.email) == ("প্রোগ্রামার", "", "", "")
    assert "এখনো পূরণ করতে হবে" in out and "প্রোগ্রামার — নাম, ফোন, ই-মেইল" in out
    assert "স্বাক্ষরকারীর নাম ও পদবি" in out
    assert "bogra-এর খসড়ায় লেখা হয়েছে; প্রকাশ করতে চালান: manage.py publish_charter bogra" in out


def test_an_upazila_charter_is_copied_and_its_area_rewritten():
    clone("natoresadar.natore", "singra.natore")
    texts = list(Service.objects.filter(office__key="singra.natore").values_list("required_papers", flat=True))
    assert "প্রয়োজ্য ক্ষেত্রে আবেদনপত্র, উপজেলা কার্যালয়, সিংড়া, নাটোর" in texts
    assert not any("নাটোর সদর" in text for text in texts)


def test_a_superior_in_the_district_office_maps_to_the_targets_district():
    out = clone("magurasadar.magura", "haimchar.chandpur")
    service = Service.objects.filter(office__key="haimchar.chandpur").first()
    assert service.superior_officer.office.key == "chandpur"
    assert service.superior_officer.designation == "প্রোগ্রামার"
    assert "জেলা কার্যালয়, চাঁদপুর" in out


def test_the_cloned_page_renders(client):
    clone("rangpursadar.rangpur", "pirgonj.rangpur")
    assert "এখনো পোর্টালে প্রকাশিত হয়নি" in client.get("/office/pirgonj.rangpur/").content.decode()  # a draft
    publish_now(Office.objects.get(key="pirgonj.rangpur"))
    html = client.get("/office/pirgonj.rangpur/").content.decode()
    assert 'id="services-1"' in html and 'id="grs"' in html


def test_a_target_with_a_charter_is_refused_unless_replace():
    before = Service.objects.filter(office__key="kachua.chandpur").count()
    with pytest.raises(CommandError, match="চার্টার আগেই আছে; বদলাতে --replace দিন"):
        clone("magurasadar.magura", "kachua.chandpur")
    assert Service.objects.filter(office__key="kachua.chandpur").count() == before
    clone("magurasadar.magura", "kachua.chandpur", "--replace")
    assert Service.objects.filter(office__key="kachua.chandpur").count() == 12


def test_refusals():
    with pytest.raises(CommandError, match="“nowhere” কী-এর কোনো দপ্তর নেই"):
        clone("joypurhat", "nowhere")
    with pytest.raises(CommandError, match="অনুলিপি করার কিছু নেই। কিছুই লেখা হয়নি"):
        clone("kalai.joypurhat", "akkelpur.joypurhat")
    with pytest.raises(CommandError, match="একই স্তরের দপ্তরে"):
        clone("joypurhat", "kalai.joypurhat")
    with pytest.raises(CommandError, match="উৎস ও লক্ষ্য একই দপ্তর"):
        clone("joypurhat", "joypurhat")
    assert not Charter.objects.filter(office__key__in=["akkelpur.joypurhat", "kalai.joypurhat"]).exists()


def test_rewriting_is_one_pass_and_accepts_either_encoding():
    natore, singra = Office.objects.get(key="natoresadar.natore"), Office.objects.get(key="singra.natore")
    rewrite = office_rewriter(natore, singra)
    assert rewrite("উপজেলা কার্যালয় নাটোর সদর, নাটোর") == "উপজেলা কার্যালয় সিংড়া, নাটোর"
    joypurhat, bogra = Office.objects.get(key="joypurhat"), Office.objects.get(key="bogra")
    decomposed = "জেলা কার্যালয় জ\u09af\u09bcপুরহাট"  # য + nukta, as the Joypurhat document writes it
    composed = "জেলা কার্যালয় জ\u09dfপুরহাট"
    assert office_rewriter(joypurhat, bogra)(decomposed) == office_rewriter(joypurhat, bogra)(composed)
    assert bogra.district.name_bn in office_rewriter(joypurhat, bogra)(decomposed)


def test_clone_touches_nothing_else():
    counts = {
        m: m.objects.exclude(office__key__in=["bogra"]).count() for m in (Service, Expectation, GrievanceTier, Officer)
    }
    clone("joypurhat", "bogra")
    assert counts == {
        m: m.objects.exclude(office__key__in=["bogra"]).count() for m in (Service, Expectation, GrievanceTier, Officer)
    }
