"""Re-import keeps people: writing an office's charter again matches its officers by name and
designation, updates them in place, never deletes one who holds a grievance desk (or whom
anything else still names) and warns, in Bengali, about each officer who left the charter."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from charters.document import read_charter
from charters.errors import CharterError
from charters.writing import write_charter
from grievances.models import GrievanceDesk, Level
from offices.models import Office, Officer
from services.models import Service
from tests.support import SEED_OFFICES, SEEDS
from tests.support.charters import SEED_FILES
from tests.support.grievances import make_officer

pytestmark = pytest.mark.django_db


def desks():
    return {desk.user_id: desk.officer_id for desk in GrievanceDesk.objects.all()}


def test_hq_reimports_every_seed_and_every_desk_survives(admin_client):
    for number, key in enumerate(SEED_OFFICES):
        make_officer(f"anik-{number}", key, Level.REDRESS_OFFICER)
    make_officer("appeal", "joypurhat", Level.APPEAL_OFFICER)
    make_officer("cell", "joypurhat", Level.CABINET_CELL)
    before = desks()
    officers = {key: set(Officer.objects.filter(office__key=key).values_list("pk", flat=True)) for key in SEED_OFFICES}
    for key in SEED_OFFICES:
        office = Office.objects.get(key=key)
        url = reverse("admin:offices_office_charter_import", args=[office.pk])
        data = (SEEDS / SEED_FILES[key]).read_bytes()
        response = admin_client.post(url, {"charter_file": SimpleUploadedFile(SEED_FILES[key], data)})
        assert response.status_code == 200 and "আমদানি হয়েছে" in response.content.decode()
        # The same charter again: the same officer rows, updated in place, none made anew.
        assert set(Officer.objects.filter(office__key=key).values_list("pk", flat=True)) == officers[key]
    assert desks() == before


def test_an_officer_who_left_keeps_their_desk_and_the_upload_page_says_so(admin_client):
    office = Office.objects.get(key="joypurhat")
    post = Officer.objects.create(office=office, name="মোঃ বিদায়ী কর্মকর্তা", designation="সাবেক প্রোগ্রামার")
    make_officer("leaver-desk", "joypurhat", Level.REDRESS_OFFICER)
    GrievanceDesk.objects.filter(user__username="leaver-desk").update(officer=post)
    unnamed = Officer.objects.create(office=office, name="মোঃ কেউ না", designation="অস্থায়ী পদ")
    url = reverse("admin:offices_office_charter_import", args=[office.pk])
    data = (SEEDS / SEED_FILES["joypurhat"]).read_bytes()
    page = admin_client.post(url, {"charter_file": SimpleUploadedFile("joypurhat.txt", data)}).content.decode()
    assert "মোঃ বিদায়ী কর্মকর্তা" in page and "রাখা হলো" in page
    assert "মোঃ কেউ না" in page and "বাদ দেওয়া হলো" in page
    assert Officer.objects.filter(pk=post.pk).exists() and GrievanceDesk.objects.filter(officer=post).exists()
    assert not Officer.objects.filter(pk=unnamed.pk).exists()


def test_a_new_holder_of_a_post_is_the_same_row_and_the_command_warns(tmp_path):
    office = Office.objects.get(key="joypurhat")
    document = read_charter(office)
    entry = next(e for e in document.officers() if e.office_key is None and e.name and e.designation)
    row = Officer.objects.get(office=office, name_bn=entry.name, designation_bn=entry.designation)
    make_officer("post-desk", "joypurhat", Level.REDRESS_OFFICER)
    GrievanceDesk.objects.filter(user__username="post-desk").update(officer=row)
    source = (SEEDS / SEED_FILES["joypurhat"]).read_text("utf-8").replace(entry.name, "মোঃ নতুন পদধারী")
    path = tmp_path / "joypurhat.txt"
    path.write_text(source, "utf-8")
    out, err = StringIO(), StringIO()
    call_command("import_charter", str(path), "--office", "joypurhat", "--replace", stdout=out, stderr=err)
    row.refresh_from_db()
    assert row.name_bn == "মোঃ নতুন পদধারী" and GrievanceDesk.objects.filter(officer=row).exists()
    assert "মোঃ নতুন পদধারী" in err.getvalue() and entry.name in err.getvalue()


def test_a_text_over_its_limit_is_a_bengali_error_naming_the_place_and_nothing_is_written():
    office = Office.objects.get(key="joypurhat")
    document = read_charter(office)
    document.services[0].name = "অ" * 501
    before = list(Service.objects.filter(office=office).values_list("pk", "name_bn"))
    with pytest.raises(CharterError) as error:
        write_charter(office, document, replace=True)
    message = str(error.value)
    assert "সেবা ১" in message and "নাম ৫০১ অক্ষরের; সর্বোচ্চ ৫০০ অক্ষর" in message
    assert list(Service.objects.filter(office=office).values_list("pk", "name_bn")) == before
