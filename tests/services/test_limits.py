"""Bounded text: a service's name has one limit (charter_portal.limits), the model's and that of
every copy of it (a grievance keeps the name it was filed under), checked in Bengali in the admin."""

import pytest
from django.urls import reverse

from charter_portal import limits
from grievances.models import Grievance
from services.models import Service
from tests.charters.test_charter_editor import make_staff

pytestmark = pytest.mark.django_db


def test_a_service_name_and_its_copy_share_one_limit():
    assert Service._meta.get_field("name_bn").max_length == limits.SERVICE_NAME
    assert Grievance._meta.get_field("service_name").max_length == limits.SERVICE_NAME


def test_the_admin_refuses_a_600_character_service_name_in_bengali(client):
    client.force_login(make_staff())
    service = Service.objects.filter(office__key="joypurhat").order_by("category", "serial").first()
    url = reverse("admin:services_service_change", args=[service.pk])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(name_bn="ক" * 600, name_en="", office=service.office_id)
    html = client.post(url, data).content.decode()
    assert "অনধিক" in html and "অক্ষর লিখুন" in html and "Ensure this value" not in html
    assert Service.objects.get(pk=service.pk).name_bn == service.name_bn
