"""The invariants the models carry themselves."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from grievances.models import GrievanceTier
from offices.models import Office, Officer
from services.models import Service

pytestmark = pytest.mark.django_db


def office(key):
    return Office.objects.get(key=key)


def test_an_office_area_must_match_its_level():
    bad = Office(key="nowhere", level="upazila", name_bn="x", parent=office("chandpur"))
    with pytest.raises(ValidationError):
        bad.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        bad.save()


def test_there_is_one_headquarters():
    with pytest.raises(ValidationError, match="প্রধান কার্যালয় একটিই"):
        Office(key="hq2", level="hq", name_bn="আরেকটি").full_clean()


def test_an_upazila_office_hangs_under_its_own_district_office():
    kachua = office("kachua.chandpur")
    kachua.parent = office("joypurhat")
    with pytest.raises(ValidationError, match="নিজের জেলা কার্যালয়"):
        kachua.full_clean()
    kachua.parent = office("hq")
    with pytest.raises(ValidationError, match="জেলা কার্যালয়"):
        kachua.full_clean()


def test_office_keys_follow_the_domain_pattern():
    hq = office("hq")
    hq.key = "Not A Key"
    with pytest.raises(ValidationError) as error:
        hq.full_clean()
    assert "key" in error.value.message_dict


def test_ancestors_walk_up_the_tree():
    assert [o.key for o in office("kachua.chandpur").ancestors()] == ["chandpur", "hq"]


def test_an_officer_needs_a_name_or_a_designation():
    with pytest.raises(ValidationError, match="নাম অথবা পদবি"):
        Officer(office=office("hq")).full_clean()


def test_one_service_per_serial_in_a_category():
    existing = Service.objects.filter(office__key="joypurhat").first()
    duplicate = Service(office=existing.office, category=existing.category, serial=existing.serial, name_bn="x")
    with pytest.raises(ValidationError, match="ক্রমিক নং আগেই আছে"):
        duplicate.full_clean()


def test_a_service_officer_must_belong_to_the_office():
    service = Service.objects.filter(office__key="joypurhat").first()
    service.responsible_officer = Officer.objects.get(office__key="kachua.chandpur")
    with pytest.raises(ValidationError) as error:
        service.full_clean()
    assert "responsible_officer" in error.value.message_dict


def test_a_superior_may_sit_in_an_office_above():
    service = Service.objects.filter(office__key="magurasadar.magura").first()
    assert service.superior_officer.office.key == "magura"
    service.full_clean()
    service.superior_officer = Officer.objects.get(office__key="joypurhat")
    with pytest.raises(ValidationError) as error:
        service.full_clean()
    assert "superior_officer" in error.value.message_dict


def test_the_cabinet_cell_exists_once_for_the_nation():
    assert GrievanceTier.objects.national().count() == 1
    cell = GrievanceTier.objects.national().get()
    assert (cell.level, cell.resolution_days) == (3, 60) and "www.grs.gov.bd" in cell.contact_text
    with pytest.raises(ValidationError, match="একটিই"):
        GrievanceTier(
            level=3, when_to_contact_bn="x", contact_title_bn="x", contact_text_bn="x", resolution_days=60
        ).full_clean()


def test_an_office_cannot_copy_the_cabinet_cell():
    tier = GrievanceTier(
        office=office("kachua.chandpur"),
        level=3,
        when_to_contact_bn="x",
        contact_title_bn="x",
        contact_text_bn="x",
        resolution_days=60,
    )
    with pytest.raises(ValidationError, match="৩য় স্তর"):
        tier.full_clean()


def test_a_tier_needs_someone_to_contact():
    tier = GrievanceTier(
        office=office("kachua.chandpur"), level=1, when_to_contact_bn="x", contact_title_bn="x", resolution_days=30
    )
    with pytest.raises(ValidationError, match="যোগাযোগের কর্মকর্তা"):
        tier.full_clean()


def test_chain_is_empty_for_a_charter_without_a_grs_table():
    assert GrievanceTier.objects.chain_for(office("kachua.chandpur")) == []
    chain = GrievanceTier.objects.chain_for(office("joypurhat"))
    assert [(t.level, t.resolution_days) for t in chain] == [(1, 30), (2, 20), (3, 60)]


def test_services_are_ordered_by_category_then_serial():
    services = list(Service.objects.filter(office__key="joypurhat"))
    assert services == sorted(services, key=lambda s: (s.category, s.serial))
