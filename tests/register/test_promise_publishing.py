"""The promise staff confirm or correct is published with the version: the document carries it,
the listing follows it, and a request entered afterwards is held to it; until then the reading of
the time limit stands."""

import pytest
from django.core.exceptions import ValidationError

from charters.models import CharterVersion
from offices.models import Office
from services.models import Service, ServiceListing
from tests.support.charters import publish_now

pytestmark = pytest.mark.django_db


def test_a_corrected_promise_is_published_with_the_next_version():
    office = Office.objects.get(key="joypurhat")
    service = Service.objects.get(office=office, category=1, serial=1)  # "তাৎক্ষণিক/ কার্যদিবস …"
    assert tuple(service.promise) == ("same_day", 0)
    listing = ServiceListing.objects.get(office=office, category=1, serial=1)
    assert (listing.promise_kind, listing.promise_days) == ("same_day", None)

    service.promise_kind, service.promise_days = "working_days", 3
    service.full_clean()
    service.save()
    # Nothing citizens see changes until it is published.
    assert ServiceListing.objects.get(pk=listing.pk).promise_kind == "same_day"
    version = publish_now(office)
    assert version.number == 2
    published = next(s for s in version.document["services"] if (s["category"], s["serial"]) == (1, 1))
    assert published["promise"] == {"kind": "working_days", "days": 3}
    listing = ServiceListing.objects.get(office=office, category=1, serial=1)
    assert (listing.promise_kind, listing.promise_days) == ("working_days", 3)
    assert CharterVersion.objects.current_of(office) == version


def test_a_counted_promise_needs_its_days():
    service = Service.objects.filter(office__key="joypurhat").first()
    service.promise_kind, service.promise_days = "working_days", None
    with pytest.raises(ValidationError):
        service.full_clean()
    service.promise_kind, service.promise_days = "same_day", 2
    with pytest.raises(ValidationError):
        service.full_clean()
