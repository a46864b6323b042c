"""The GRS chain of the charter version in force: who holds each office tier, how the citizen
reaches them, and the days. Everything a citizen reads about a grievance's path, and every
routing decision, reads these rows, never the draft (GrievanceTier, offices.Officer).

The rows are written when a version is published, withdrawn or loaded (``PublishedTier.objects
.project``, called by charters.publishing, as ServiceListing is for search), from the version's
document. Where the paper prints a tier, the row is that tier, word for word, and its holder is
the post it names. Where the paper prints no GRS table (Kachua, Natore, Magura) or a tier that
names no post (Joypurhat's tier 2 names HQ's appeal officer only in words), the office still gets
the chain the law gives it: the national standard days, and a holder HQ assigns (kept from one
publish to the next). One rule decides who may hold a tier (``holder_problem``): tier 1 an officer
of the office itself, tier 2 an officer of an office above it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from pagecache.versions import new_version

from .tiers import Level, holder_problem

# The parts of a document's tier a page shows, in both languages.
TIER_TEXTS = ("when_to_contact", "contact_title", "contact_text")


class PublishedTierQuerySet(models.QuerySet):
    def of_office(self, office):
        return self.filter(office=getattr(office, "pk", office))

    def held_by(self, officer):
        return self.filter(holder=getattr(officer, "pk", officer))

    def project(self, documents):
        """Make the published chain of each office ``{office id: document of the version in force,
        or None}``. A holder HQ assigned to a tier the charter names no post for is kept."""
        from offices.models import Office, Officer

        offices = Office.objects.in_bulk(list(documents))
        before = {(t.office_id, t.level): t for t in self.filter(office__in=list(documents))}
        named_ids = {
            tier["contact_officer"]["id"]
            for document in documents.values()
            if document
            for tier in document["grievance_tiers"]
            if tier.get("contact_officer")
        }
        officers = Officer.objects.in_bulk(named_ids | {t.holder_id for t in before.values() if t.holder_id})
        rows = []
        for office_id, document in documents.items():
            if document is None or office_id not in offices:
                continue  # no charter in force: no chain is promised; grievances take the national days
            printed = {tier["level"]: tier for tier in document["grievance_tiers"]}
            for level in Level.office_levels():
                rows.append(
                    _row(offices[office_id], level, printed.get(level.value), before.get((office_id, level)), officers)
                )
        self.filter(office__in=list(documents)).delete()
        self.bulk_create(rows, batch_size=1000)
        new_version()  # bulk_create sends no signal: the public pages that show the chain are renewed here
        return rows


def _row(office, level, tier, before, officers):
    """The published tier ``level`` of ``office`` from the document's ``tier`` (None: not printed)."""
    row = PublishedTier(office=office, level=level, printed=tier is not None)
    if tier is not None:
        row.texts = {name: tier[name] for name in TIER_TEXTS}
        row.contact = tier["contact_officer"]
        row.days = tier["resolution_days"]
    else:
        title = {"bn": str(level.label), "en": None}
        row.texts = {
            "when_to_contact": {"bn": "", "en": None},
            "contact_title": title,
            "contact_text": {"bn": "", "en": None},
        }
        row.days = level.standard_days
    named = officers.get(row.contact["id"]) if row.contact else None
    if named is not None and holder_problem(office, level, named) is None:
        row.holder, row.holder_assigned = named, False
    elif before is not None and before.holder_assigned and before.holder_id in officers:
        row.holder, row.holder_assigned = officers[before.holder_id], True
        row.holder_contact = before.holder_contact
    return row


def resolution_days_for(office):
    """``{level: working days}`` a grievance against ``office`` gets at each tier today: the
    charter in force's (the national standard where it promises none), and the national cell's."""
    from .tiers import GrievanceTier

    days = {level: level.standard_days for level in Level}
    for level, value in PublishedTier.objects.of_office(office).values_list("level", "days"):
        days[Level(level)] = value
    for level, value in GrievanceTier.objects.national().values_list("level", "resolution_days"):
        days[Level(level)] = value
    return days


class PublishedTier(models.Model):
    """One office tier (1 or 2) of the charter in force."""

    office = models.ForeignKey("offices.Office", models.CASCADE, related_name="published_tiers", verbose_name="দপ্তর")
    level = models.PositiveSmallIntegerField("স্তর", choices=Level.choices)
    printed = models.BooleanField(
        "চার্টারে ছাপা",
        default=True,
        help_text="না হলে চার্টারে এই স্তর নেই: আইন অনুযায়ী জাতীয় অভিযোগ প্রতিকার ব্যবস্থার স্তর প্রযোজ্য",
    )
    # The tier's texts as the document has them: {"when_to_contact": {"bn": …, "en": …}, …}.
    texts = models.JSONField("লেখা", default=dict)
    # The officer the charter prints as the address (the document's officer), or None.
    contact = models.JSONField("যোগাযোগের কর্মকর্তা (প্রকাশিত)", null=True, blank=True)
    days = models.PositiveSmallIntegerField("নিষ্পত্তির সময়সীমা (কার্যদিবস)")
    holder = models.ForeignKey(
        "offices.Officer",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="published_tiers",
        verbose_name="দায়িত্বপ্রাপ্ত পদ",
        help_text="এই পদের অভিযোগ নিষ্পত্তির দায়িত্বে (GrievanceDesk) যিনি আছেন, তিনিই এই স্তরের অভিযোগ পান",
    )
    holder_assigned = models.BooleanField(
        "পদটি প্রধান কার্যালয় নির্ধারণ করেছে",
        default=False,
        help_text="চার্টারে কোনো পদের নাম না থাকায়; পরের প্রকাশেও থাকে",
    )
    # What the citizen reads of an assigned holder (the charter prints none): the post as it was
    # when HQ assigned it, so a later draft edit of that Officer row shows nowhere.
    holder_contact = models.JSONField("দায়িত্বপ্রাপ্ত পদের যোগাযোগ", null=True, blank=True)

    objects = PublishedTierQuerySet.as_manager()

    class Meta:
        verbose_name = "প্রকাশিত অভিযোগ প্রতিকারের স্তর"
        verbose_name_plural = "প্রকাশিত অভিযোগ প্রতিকারের স্তরসমূহ"
        ordering = ["office", "level"]
        constraints = [
            models.UniqueConstraint(fields=["office", "level"], name="one_published_tier_per_level"),
            models.CheckConstraint(
                name="published_tier_is_an_office_tier",
                condition=Q(level__in=[level.value for level in Level.office_levels()]),
                violation_error_message="দপ্তরের নিজের স্তর কেবল ১ ও ২।",
            ),
            models.CheckConstraint(
                name="published_days_within_standard",
                condition=Q(days__gte=1)
                & (Q(level=1, days__lte=Level(1).standard_days) | Q(level=2, days__lte=Level(2).standard_days)),
                violation_error_message="নিষ্পত্তির সময়সীমা ১ কার্যদিবস থেকে জাতীয় মান পর্যন্ত।",
            ),
        ]

    def __str__(self):
        return f"{self.office}: {self.get_level_display()}"

    def clean(self):
        if self.holder_id and self.office_id:
            problem = holder_problem(self.office, self.level, self.holder)
            if problem:
                raise ValidationError({"holder": problem})

    def assign(self, officer):
        """HQ names the post that holds a tier the charter names no post for."""
        if self.contact:
            raise ValidationError("চার্টারে এই স্তরের পদের নাম আছে; তা বদলাতে চার্টার সংশোধন করে প্রকাশ করুন।")
        self.holder, self.holder_assigned = officer, officer is not None
        self.holder_contact = officer_contact(officer) if officer is not None else None
        self.full_clean()
        self.save()

    def as_tier(self):
        """The tier as an unsaved GrievanceTier, so every template that shows a tier shows this one."""
        from .tiers import GrievanceTier

        texts = {
            f"{name}_{lang}": (self.texts.get(name) or {}).get(lang) for name in TIER_TEXTS for lang in ("bn", "en")
        }
        for name in TIER_TEXTS:
            texts[f"{name}_bn"] = texts[f"{name}_bn"] or ""
        tier = GrievanceTier(office=self.office, level=self.level, resolution_days=self.days, **texts)
        # The paper's own address where it prints the tier; the assigned post's where it does not.
        shown = self.contact if self.printed else self.holder_contact
        tier.contact_officer = thawed_officer(shown, self.office)
        tier.printed = self.printed
        return tier


def officer_contact(officer):
    """An officer as a document carries one (charters.snapshot's format)."""
    return {
        "id": officer.pk,
        "office": officer.office.key,
        "office_id": officer.office_id,
        "office_name": {"bn": officer.office.name_bn or "", "en": officer.office.name_en or None},
        **{
            name: {"bn": getattr(officer, f"{name}_bn") or "", "en": getattr(officer, f"{name}_en") or None}
            for name in ("name", "designation", "branch")
        },
        **{name: getattr(officer, name) or "" for name in ("phone", "mobile", "email", "room", "upazila_code")},
    }


def thawed_officer(data, office):
    """An unsaved Officer of a document's officer (None for None), for the templates."""
    from offices.models import Office, Officer

    if data is None:
        return None
    owner = (
        office
        if data["office_id"] == office.pk
        else Office(
            pk=data["office_id"],
            key=data["office"],
            name_bn=data["office_name"]["bn"],
            name_en=data["office_name"]["en"],
        )
    )
    texts = {f"{name}_{lang}": data[name][lang] for name in ("name", "designation", "branch") for lang in ("bn", "en")}
    contacts = {name: data[name] for name in ("phone", "mobile", "email", "room", "upazila_code")}
    return Officer(pk=data["id"], office=owner, **texts, **contacts)
