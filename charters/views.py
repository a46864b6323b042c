from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from charter_portal.http import not_found
from grievances.models import Level
from offices.models import Office, office_of
from offices.scoping import is_hq
from pagecache.decorators import public_page

from .comparison import compare
from .directory import district_offices, national_tree, only_publishing
from .loading import load_charter, load_draft
from .models import CharterVersion

# The public pages are the same for every visitor, kept gzipped until the data changes (pagecache);
# the preview is one office's staff's alone, and never kept.


@public_page(query=("charters",))
def directory(request):
    """The country's divisions, each district a link to its own page of offices; ?charters=1 lists
    the offices that publish a charter themselves. The districts' offices are a page each so that
    the home page, the first a citizen on a slow link loads, stays a few kilobytes."""
    only_charters = request.GET.get("charters") == "1"
    headquarters, tree, offices = national_tree()
    context = {
        "headquarters": headquarters
        if headquarters and (headquarters.publishes_charter or not only_charters)
        else None,
        "tree": only_publishing(tree) if only_charters else tree,
        "only_charters": only_charters,
        "office_count": len(offices),
        "charter_count": sum(office.publishes_charter for office in offices),
    }
    return render(request, "charters/directory.html", context)


@public_page
def district(request, key):
    """One district's offices: the district office, then each upazila's, marked when they publish."""
    entry = district_offices(key)
    if entry is None:
        return not_found(request)
    return render(request, "charters/district.html", {"entry": entry, "district": entry.district})


def _page_context(contents, **extra):
    return {
        "office": contents.office,
        "charter": contents.charter,
        "version": contents.version,
        "service_tables": [(category, rows, *shared_officers(rows)) for category, rows in contents.service_tables],
        "expectations": contents.expectations,
        "grievance_chain": contents.grievance_chain,
        "law_chain": contents.law_chain or [],
        "subordinates": contents.subordinates,
        # What a grievance against an office without a charter goes through: the national standard.
        "standard_days": {level.value: level.standard_days for level in Level},
        **extra,
    }


def shared_officers(services):
    """(responsible, superior): the officer who holds that column for every row of a table, else None.

    The page shows such an officer once, above the table, instead of once per row."""

    def shared(field):
        officers = {getattr(service, f"{field}_id") for service in services}
        return (
            getattr(services[0], field) if len(officers) == 1 and None not in officers and len(services) > 1 else None
        )

    return shared("responsible_officer"), shared("superior_officer")


@public_page
def charter(request, key):
    """The charter in force: the newest version its office published and HQ has not withdrawn."""
    contents = load_charter(key)
    if contents is None:
        return not_found(request, "offices/not_found.html", key=key)
    return render(request, "charters/charter.html", _page_context(contents))


@public_page
def service(request, key, category, serial):
    """One service of the charter in force, the way a citizen plans a visit: what to bring, the
    cost and the time first."""
    contents = load_charter(key)
    found = (
        next((s for s in contents.services if (s.category, s.serial) == (category, serial)), None) if contents else None
    )
    if found is None:
        return not_found(request)
    return render(request, "services/detail.html", {"service": found, "office": contents.office})


@public_page
def versions(request, key):
    """Every version the office has published, newest first, each with what changed."""
    office = Office.objects.with_area().filter(key=key).first()
    if office is None:
        return not_found(request, "offices/not_found.html", key=key)
    published = list(CharterVersion.objects.filter(office=office).order_by("number"))
    in_force = next((v for v in reversed(published) if v.withdrawn_at is None), None)
    rows, previous = [], None
    for version in published:
        rows.append((version, compare(previous.document if previous else None, version.document).summary()))
        if version.withdrawn_at is None:
            previous = version
    context = {"office": office, "rows": rows[::-1], "in_force": in_force}
    return render(request, "charters/versions.html", context)


@public_page
def version(request, key, number):
    """One published version's charter page, saying whether it is in force and what it changed."""
    contents = load_charter(key, number)
    if contents is None:
        return not_found(request, "offices/not_found.html", key=key)
    shown = contents.version
    others = CharterVersion.objects.filter(office=contents.office)
    previous = others.in_force().filter(number__lt=number).order_by("-number").first()
    later = others.in_force().filter(number__gt=number).order_by("number").first()
    in_force = shown.withdrawn_at is None and later is None
    context = _page_context(
        contents,
        in_force=in_force,
        superseded_by=later,
        comparison=compare(previous.document if previous else None, shown.document),
        previous=previous,
    )
    return render(request, "charters/version.html", context)


@never_cache
def preview(request, key):
    """The office's draft as its page will show it once published: to its own staff and HQ only."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    office = Office.objects.filter(key=key).first()
    if office is None:
        return not_found(request, "offices/not_found.html", key=key)
    if not (is_hq(request) or (request.user.is_staff and getattr(office_of(request.user), "pk", None) == office.pk)):
        return render(request, "charters/preview_refused.html", {"office": office}, status=403)
    return render(request, "charters/charter.html", _page_context(load_draft(key), is_draft=True))
