"""Garbage against every public URL, query string and form: never a 5xx, never a stack trace.

Hypothesis generates office keys (from the URL converter's alphabet and from arbitrary text),
search queries, grievance fields, tracking lookups and reopening reasons, mixed with the inputs
attackers and broken phones send: NUL bytes, lone surrogates (sent as the bytes a careless encoder
writes), right-to-left marks, zero-width joiners, 100 KB strings, Bengali digits, SQL and HTML.
The requests go through Django's test client in-process, with DEBUG off and exceptions turned
into responses, as gunicorn would see them. Every family runs a bounded number of examples.
"""

import itertools
import time
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grievances.models import Grievance
from grievances.views import SESSION_KEY
from tests.support.grievances import citizen_form, file_on

pytestmark = [
    pytest.mark.django_db,
    # A 100 KB office key makes a 100 KB cache key for the lookup; nothing is cached for a 404.
    pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning"),
    pytest.mark.filterwarnings("ignore:Generating overly large repr"),
]

EXAMPLES = 60
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NASTY = [
    "\x00",
    "a\x00b",
    "\ud800",
    "\udfff",
    "\u200f",
    "\u202e",
    "\u200d",
    "\u200c",
    "\ufeff",
    "\ufffd",
    "০১৭১১-০০০০০০",
    "০১২৩৪৫৬৭৮৯",
    "য়",
    "য\u09bc",
    "🇧🇩",
    "e\u0301",
    "\r\n",
    "\t" * 50,
    "' OR 1=1 --",
    "'; DROP TABLE grievances_grievance; --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}",
    "{% debug %}",
    "%00",
    "%s%s%s",
    "../../etc/passwd",
    "GRS-0000-0000",
    "grs 7k3m 9qxd",
    "01711000000",
    "+8801711000000",
    "-1",
    "9" * 30,
    "x" * 100_000,
    "ক" * 100_000,
]
nasty = st.sampled_from(NASTY)
text = st.one_of(nasty, st.text(max_size=60), st.lists(st.one_of(nasty, st.text(max_size=10)), max_size=4).map("".join))
# Office keys: what the URL converter accepts ([a-z0-9-], at most one dot), and anything at all.
office_key = st.one_of(
    st.sampled_from(["joypurhat", "kachua.chandpur", "hq"]),
    st.from_regex(r"\A[a-z0-9-]{1,30}(\.[a-z0-9-]{1,30})?\Z"),
    text,
)


def encoded(value):
    """Percent-encode like a browser; a lone surrogate becomes the bytes a careless encoder sends."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def form_body(fields):
    return "&".join(f"{encoded(name)}={encoded(value)}" for name, value in fields.items())


_addresses = itertools.count(1)
_client = []


def fresh_client():
    """The module's one client (its handler loads the middleware once), with no cookies and a new
    address for each example, so the rate limits (429s) do not hide the form."""
    if not _client:
        _client.append(Client(raise_request_exception=False))
    client = _client[0]
    n = next(_addresses)
    client.cookies.clear()
    client.defaults["REMOTE_ADDR"] = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
    return client


def language_prefixes():
    """Bengali at /…, and English at /en/… where the URLs have it."""
    try:
        resolve("/en/office/joypurhat/")
    except Resolver404:
        return [""]
    return ["", "/en"]


def assert_answered(response):
    assert response.status_code < 500, (response.status_code, response.request["PATH_INFO"][:200])
    if not getattr(response, "streaming", False):
        assert b"Traceback" not in response.content


@pytest.fixture(autouse=True)
def production_like(settings):
    settings.DEBUG = False


@FUZZ
@given(key=office_key, prefix=st.sampled_from(language_prefixes()))
def test_charter_and_office_json(key, prefix):
    client = fresh_client()
    assert_answered(client.get(f"{prefix}/office/{encoded(key)}/"))
    assert_answered(client.get(f"/office/{encoded(key)}.json"))


@FUZZ
@given(
    key=office_key,
    category=st.one_of(st.integers(-5, 9).map(str), text),
    serial=st.one_of(st.integers(-1, 100_000).map(str), text),
    prefix=st.sampled_from(language_prefixes()),
)
def test_service_pages(key, category, serial, prefix):
    response = fresh_client().get(f"{prefix}/office/{encoded(key)}/services/{encoded(category)}-{encoded(serial)}/")
    assert_answered(response)


@FUZZ
@given(
    q=text,
    district=st.one_of(st.sampled_from(["", "joypurhat", "chandpur"]), text),
    extra=st.dictionaries(text, text, max_size=2),
    prefix=st.sampled_from(language_prefixes()),
)
def test_search(q, district, extra, prefix):
    query = form_body({"q": q, "district": district, **extra})
    assert_answered(fresh_client().get(f"{prefix}/search/?{query}"))


grievance_fields = st.fixed_dictionaries(
    {name: st.one_of(text, st.just(value)) for name, value in citizen_form(mobile="01711000000").items()}
)


@FUZZ
@given(fields=grievance_fields, key=st.one_of(st.just("joypurhat"), office_key))
def test_filing_form(fields, key):
    response = fresh_client().post(
        f"/office/{encoded(key)}/grievance/", form_body(fields), content_type="application/x-www-form-urlencoded"
    )
    assert_answered(response)


@FUZZ
@given(
    number=st.one_of(text, st.sampled_from(["GRS-7K3M-9QXD", "grs7k3m9qxd"])),
    mobile=st.one_of(text, st.just("01711000000")),
)
def test_status_lookup(number, mobile):
    response = fresh_client().post(
        "/grievance/",
        form_body({"tracking_number": number, "mobile": mobile}),
        content_type="application/x-www-form-urlencoded",
    )
    assert_answered(response)


@pytest.fixture
def resolved_grievance():
    grievance = file_on(timezone.localdate())
    grievance.resolve(user=None, resolution="সমাধান করা হয়েছে।")
    return grievance


@FUZZ
@given(reason=text, extra=st.dictionaries(text, text, max_size=2))
def test_reopening(resolved_grievance, reason, extra):
    # Back to "resolved, never reopened" for every example, so each one reaches the form.
    Grievance.objects.filter(pk=resolved_grievance.pk).update(
        reopened=False, level=1, status="resolved", resolved_on=timezone.localdate()
    )
    client = fresh_client()
    session = client.session
    session[SESSION_KEY] = {"pk": resolved_grievance.pk, "until": time.time() + 600}
    session.save()
    response = client.post(
        "/grievance/status/", form_body({"reason": reason, **extra}), content_type="application/x-www-form-urlencoded"
    )
    assert_answered(response)


def test_a_form_without_its_csrf_token_is_refused_not_an_error():
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = client.post("/office/joypurhat/grievance/", citizen_form())
    assert response.status_code == 403
    assert b"Traceback" not in response.content
    assert not Grievance.objects.exists()
