"""The country's figures for a period: every office's, rolled up per district, per division and
nationally, in one read of the register (register.figures). The national page and the quarterly
charter-implementation report are built from here. Offices are ranked by their on-time share
only when enough requests ended (figures.MINIMUM_ENDED); the rest are listed, not ranked."""

from dataclasses import dataclass, field

from django.utils import timezone

from charter_portal.bangla import sort_key
from offices.models import Office

from .figures import Clock, Tally, figures_for


@dataclass
class Area:
    """A district, a division or the country: its offices' figures and their total."""

    area: object
    offices: list = field(default_factory=list)  # OfficeFigures
    total: Tally = field(default_factory=Tally)

    def add(self, figures):
        self.offices.append(figures)
        self.total.merge(figures.total)

    @property
    def ranked(self):
        """Offices with a published share, best first (ties by name)."""
        shown = [f for f in self.offices if f.total.on_time_share is not None]
        return sorted(shown, key=lambda f: (-f.total.on_time_share, f.office.name_bn or ""))

    @property
    def unranked(self):
        """Offices with requests but too few ended to rank."""
        return [f for f in self.offices if f.total.on_time_share is None and f.total.received]


@dataclass
class Country:
    first: object
    last: object
    headquarters: Area
    divisions: list  # [(Area of the division, [Area of each district])]
    total: Tally


def district_of(office):
    if office.upazila_id:
        return office.upazila.district
    return office.district if office.district_id else None


def country_figures(first, last, *, today=None, office_keys=None):
    """Every office's figures (or those of ``office_keys``), by division and district."""
    offices = list(Office.objects.with_area())
    if office_keys:
        offices = [office for office in offices if office.key in office_keys]
    figures = figures_for(offices, first, last, today=today or timezone.localdate(), clock=Clock(), national=True)
    headquarters, districts = Area(None), {}
    for office in offices:
        district = district_of(office)
        if district is None:
            headquarters.add(figures[office.pk])
            continue
        districts.setdefault(district.pk, Area(district)).add(figures[office.pk])
    divisions = {}
    for area in districts.values():
        division = area.area.division
        divisions.setdefault(division.pk, (Area(division), []))
        divisions[division.pk][0].total.merge(area.total)
        divisions[division.pk][1].append(area)
    ordered = []

    def by_area_name(areas):
        return sorted(areas, key=lambda a: sort_key(a.area.name))

    for division in by_area_name([division for division, _ in divisions.values()]):
        ordered.append((division, by_area_name(divisions[division.area.pk][1])))
    total = Tally()
    total.merge(headquarters.total)
    for division, _ in ordered:
        total.merge(division.total)
    return Country(first, last, headquarters, ordered, total)
