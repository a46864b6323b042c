from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from charter_portal.http import not_found
from offices.models import Division, Office, office_of
from offices.scoping import is_hq
from pagecache.decorators import public_page

from .comparison import compare
from .loading import load_charter, load_draft
from .models import CharterVersion

# The public pages are the same for every visitor, kept gzipped until the data changes (pagecache);
# the preview is one office's staff's alone, and never kept.


@public_page
def directory(request):
    divisions = Division.objects.prefetch_related("districts__upazilas")
    offices = Office.objects.only("pk", "key", "name", "name_bn", "name_en", "level", "district_id", "upazila_id")
    by_district = {o.district_id: o for o in offices if o.district_id}
    by_upazila = {o.upazila_id: o for o in offices if o.upazila_id}
    headquarters = next((o for o in offices if o.level == Office.Level.HQ), None)
    tree = [
        (
            division,
            [
                (
                    district,
                    by_district.get(district.pk),
                    [
                        (upazila, by_upazila[upazila.pk])
                        for upazila in district.upazilas.all()
                        if upazila.pk in by_upazila
                    ],
                )
                for district in division.districts.all()
            ],
        )
        for division in divisions
    ]
    return render(request, "charters/directory.html", {"headquarters": headquarters, "tree": tree})


def _page_context(contents, **extra):
    return {
        "office": contents.office,
        "charter": contents.charter,
        "version": contents.version,
        "service_tables": contents.service_tables,
        "expectations": contents.expectations,
        "grievance_chain": contents.grievance_chain,
        "subordinates": contents.subordinates,
        **extra,
    }


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
