"""The one loader of a charter as its page and its JSON show it: the office, its charter, its
services, expectations, GRS chain and subordinate offices."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, prefetch_related_objects

from grievances.models import GrievanceTier
from offices.models import Office
from services.models import Service

SERVICES = Service.objects.select_related("responsible_officer__office", "superior_officer__office")
TIERS = GrievanceTier.objects.select_related("contact_officer__office")


@dataclass
class CharterContents:
    office: Office
    services: list
    expectations: list
    grievance_chain: list
    subordinates: list

    @property
    def charter(self):
        return getattr(self.office, "charter", None)

    @property
    def service_tables(self):
        """``[(category, services)]`` for the categories the charter has, in section order."""
        tables = [(category, [s for s in self.services if s.category == category]) for category in Service.Category]
        return [(category, rows) for category, rows in tables if rows]


def load_charter(key):
    """The office ``key``'s contents, or None: four queries, whatever the charter's size."""
    # The office and its subordinate offices (the page lists them) in one query.
    offices = list(
        Office.objects.with_area()
        .select_related("charter")
        .filter(Q(key=key) | Q(parent__in=Office.objects.filter(key=key).values("pk")))
        .order_by("pk")
    )
    office = next((o for o in offices if o.key == key), None)
    if office is None:
        return None
    # Its services and expectations: two.
    prefetch_related_objects([office], Prefetch("services", queryset=SERVICES), "expectations")
    # Its own GRS tiers and the national cell: one.
    tiers = list(TIERS.filter(Q(office=office) | Q(office__isnull=True)).order_by("level"))
    return CharterContents(
        office=office,
        services=list(office.services.all()),
        expectations=list(office.expectations.all()),
        grievance_chain=GrievanceTier.objects.chain_for(
            office, [t for t in tiers if t.office_id], [t for t in tiers if not t.office_id]
        ),
        subordinates=[o for o in offices if o is not office],
    )


def all_charters(chunk_size=50):
    """Every office's contents, in key order of the national tree (pk), a chunk at a time."""
    national_cell = list(TIERS.national())
    offices = (
        Office.objects.with_area()
        .select_related("charter")
        .prefetch_related(
            Prefetch("services", queryset=SERVICES),
            "expectations",
            Prefetch("grievance_tiers", queryset=TIERS),
            Prefetch("children", queryset=Office.objects.order_by("pk")),
        )
        .order_by("pk")
    )
    for office in offices.iterator(chunk_size=chunk_size):
        yield CharterContents(
            office=office,
            services=list(office.services.all()),
            expectations=list(office.expectations.all()),
            grievance_chain=GrievanceTier.objects.chain_for(office, office.grievance_tiers.all(), national_cell),
            subordinates=list(office.children.all()),
        )
