from django.contrib.auth.views import redirect_to_login
from django.db.models import Count
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from charter_portal.bangla import by_name
from charter_portal.http import not_found
from grievances.models import Level
from offices.models import Division, Office, office_of
from offices.scoping import is_hq
from pagecache.decorators import public_page
from services.models import ServiceListing

from .comparison import compare
from .loading import load_charter, load_draft
from .models import CharterVersion, publishing_offices

# The public pages are the same for every visitor, kept gzipped until the data changes (pagecache);
# the preview is one office's staff's alone, and never kept.


@public_page(query=("charters",))
def directory(request):
    # Every level in alphabetical order of the names the page shows (charter_portal.bangla.sort_key);
    # each office that publishes a charter marked with its number of services; ?charters=1 shows only those.
    only_charters = request.GET.get("charters") == "1"
    divisions = Division.objects.prefetch_related("districts__upazilas")
    offices = Office.objects.only("pk", "key", "name", "name_bn", "name_en", "level", "district_id", "upazila_id")
    publishing = set(publishing_offices().values_list("pk", flat=True))
    service_counts = dict(
        ServiceListing.objects.order_by()  # no default ordering: it would join the GROUP BY
        .values("office")
        .annotate(n=Count("pk"))
        .values_list("office", "n")
    )
    for office in offices:
        office.publishes_charter = office.pk in publishing
        office.service_count = service_counts.get(office.pk, 0)
    by_district = {o.district_id: o for o in offices if o.district_id}
    by_upazila = {o.upazila_id: o for o in offices if o.upazila_id}
    headquarters = next((o for o in offices if o.level == Office.Level.HQ), None)

    def shown(office):
        return office is not None and (office.publishes_charter or not only_charters)

    tree = []
    for division in by_name(divisions):
        districts = []
        for district in by_name(division.districts.all()):
            district_office = by_district.get(district.pk)
            upazilas = [
                (upazila, by_upazila[upazila.pk])
                for upazila in by_name(district.upazilas.all())
                if shown(by_upazila.get(upazila.pk))
            ]
            if upazilas or shown(district_office):
                districts.append((district, district_office if shown(district_office) else None, upazilas))
        if districts:
            tree.append((division, districts))
    context = {
        "headquarters": headquarters if shown(headquarters) else None,
        "tree": tree,
        "only_charters": only_charters,
        "office_count": len(offices),
        "charter_count": len(publishing),
    }
    return render(request, "charters/directory.html", context)


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
