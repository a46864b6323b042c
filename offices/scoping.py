"""One office per staff account: how the admin narrows every charter row to its owner.

HQ superusers see everything. Any other staff account sees, adds, changes and
deletes only the rows of the office its OfficeStaff record names; an account
with no office sees nothing. The model's own ``clean()`` re-checks that linked
officers belong to the right office, so a forged POST cannot cross offices.
"""

from django.contrib import admin
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from charter_portal.bangla import bengali_digits
from charter_portal.http import error_page

from .models import Office, Officer, office_of

# Foreign keys to officers that may name an officer of an office above this one.
OFFICERS_FROM_ABOVE = {"superior_officer", "contact_officer"}


def officer_choices(office, field_name):
    from_above = field_name in OFFICERS_FROM_ABOVE
    return Officer.objects.nameable_by(office, from_above=from_above).select_related("office")


def is_hq(request):
    """HQ: an active superuser. The one test of it, for every admin in the portal."""
    return request.user.is_active and request.user.is_superuser


class HQOnlyMixin:
    """For ModelAdmins of what only HQ keeps: the geography, accounts and groups, who works for
    which office, the grievance desks and the holidays.

    Refused to every other account whatever model permissions it holds: a permission granted by
    mistake (say, ``change_user``) must not let an office's staff make themselves superuser. What
    the admin class itself refuses (adding a lockout record) stays refused to HQ too.
    """

    def has_module_permission(self, request):
        return is_hq(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return is_hq(request) and super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args):
        return is_hq(request) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return is_hq(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return is_hq(request) and super().has_delete_permission(request, obj)


class NotYoursMixin:
    """A row that exists but lies outside the account's reach is refused as "not yours" (a 403 in
    the admin's frame), never with Django's "no … with ID 1053, perhaps deleted", which sends
    staff looking for a deletion that never happened. A row that does not exist keeps Django's
    message. ``not_yours_message`` may say more (where a grievance went)."""

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        row = self.unscoped_object(object_id)
        if row is None:
            return super()._get_obj_does_not_exist_redirect(request, opts, object_id)
        return error_page(
            request,
            403,
            heading=_("এটি আপনার আওতার বাইরে"),
            explanation=self.not_yours_message(request, row),
            message=_("কিছুই দেখানো বা বদলানো হয়নি।"),
        )

    def unscoped_object(self, object_id):
        try:
            pk = self.model._meta.pk.to_python(unquote(object_id))
        except (ValidationError, ValueError):
            return None
        return self.model._default_manager.filter(pk=pk).first()

    def not_yours_message(self, request, row):
        office = office_of(request.user)
        values = {"kind": self.model._meta.verbose_name, "id": bengali_digits(row.pk)}
        if office is None:
            return _("“%(id)s” আইডির %(kind)s আছে, কিন্তু আপনার অ্যাকাউন্ট কোনো দপ্তরের সঙ্গে যুক্ত নয়।") % values
        if not isinstance(row, Office) and self.office_of_object(row) is None:
            return _(
                "“%(id)s” আইডির %(kind)s প্রধান কার্যালয়ের, কোনো দপ্তরের নয়। আপনি কেবল নিজ দপ্তরের (%(office)s) সারি দেখতে ও বদলাতে পারেন।"
            ) % {**values, "office": office.name}
        if isinstance(row, Office):
            return _(
                "“%(id)s” আইডির দপ্তরটি (%(name)s) আপনার দপ্তর নয়। আপনি কেবল নিজ দপ্তরের (%(office)s) চার্টার দেখতে ও বদলাতে পারেন।"
            ) % {**values, "name": row.name, "office": office.name}
        return _(
            "“%(id)s” আইডির %(kind)s আছে, কিন্তু সেটি অন্য দপ্তরের। আপনি কেবল নিজ দপ্তরের (%(office)s) সারি দেখতে ও বদলাতে পারেন।"
        ) % {**values, "office": office.name}


class OfficeScopedMixin(NotYoursMixin):
    """For ModelAdmins and inlines of models that belong to one office."""

    # The lookup from this model to its Office.
    office_lookup = "office"

    def staff_office(self, request):
        return office_of(request.user)

    def is_hq(self, request):
        return is_hq(request)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.is_hq(request):
            return queryset
        office = self.staff_office(request)
        if office is None:
            return queryset.none()
        return queryset.filter(**{self.office_lookup: office.pk})

    def office_of_object(self, obj):
        return obj if self.office_lookup == "pk" else getattr(obj, "office", None)

    def owns(self, request, obj):
        if self.is_hq(request):
            return True
        office = self.staff_office(request)
        if office is None:
            return False  # a staff account tied to no office may touch nothing
        if obj is None:
            return True  # lists and add forms; get_queryset narrows them
        owner = self.office_of_object(obj)
        return owner is not None and owner.pk == office.pk

    def has_module_permission(self, request):
        return super().has_module_permission(request) and (
            self.is_hq(request) or self.staff_office(request) is not None
        )

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.owns(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.owns(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.owns(request, obj)

    def has_add_permission(self, request, *args):
        allowed = super().has_add_permission(request, *args)
        return allowed and (self.is_hq(request) or self.staff_office(request) is not None)


class OfficeScopedAdmin(OfficeScopedMixin, admin.ModelAdmin):
    """A ModelAdmin for a model with an ``office`` foreign key."""

    def get_exclude(self, request, obj=None):
        exclude = list(super().get_exclude(request, obj) or [])
        if not self.is_hq(request):
            exclude.append("office")  # staff always write to their own office
        return exclude

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        office = None if self.is_hq(request) else self.staff_office(request)
        if office is None:
            return form

        class OwnOfficeForm(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if self.instance.office_id is None:
                    self.instance.office = office  # before validation, so clean() sees it

            def _get_validation_exclusions(self):
                # The office is not on the form but is set: the constraints that name it (one tier
                # per level, one serial per row) are checked here, not left to the database.
                exclusions = super()._get_validation_exclusions()
                exclusions.discard("office")
                return exclusions

        return OwnOfficeForm

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Officer and not self.is_hq(request):
            kwargs["queryset"] = officer_choices(self.staff_office(request), db_field.name)
        if db_field.related_model is Office and not self.is_hq(request):
            kwargs["queryset"] = Office.objects.filter(pk=getattr(self.staff_office(request), "pk", None))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class OfficeScopedInline(OfficeScopedMixin):
    """Inlines on the Office page: the parent office decides which officers may be chosen."""

    def get_formset(self, request, obj=None, **kwargs):
        # Form fields are built inside get_formset; remember whose page this is.
        request._charter_office = obj
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Officer:
            kwargs["queryset"] = officer_choices(getattr(request, "_charter_office", None), db_field.name)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # An inline row's "obj" is the parent office, which the page already scoped.
    def office_of_object(self, obj):
        return obj


class ReturnsToEditorMixin:
    """For the admins of a charter's parts (services, officers, expectations, GRS tiers): after
    saving or deleting a row, back to the charter editor (its office's page), at the row's section.
    "Save and continue" and "save and add another" keep Django's behaviour."""

    def editor_section(self, obj):
        """The id of the editor's section the row is listed in."""
        return ""

    def editor_row(self, obj):
        """The id of the row's own line in the editor's list: where staff return after saving it, so
        the row they saved is in view (a section can be 1,700 px tall)."""
        return f"editor-{obj._meta.model_name}-{obj.pk}"

    def _to_editor(self, request, office_id, section, response):
        stays = ("_continue", "_addanother", "_saveasnew", IS_POPUP_VAR)
        if office_id is None or response.status_code != 302 or any(name in request.POST for name in stays):
            return response
        url = reverse("admin:offices_office_change", args=[office_id])
        return HttpResponseRedirect(f"{url}#{section}" if section else url)

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        return self._to_editor(request, obj.office_id, self.editor_row(obj), response)

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        return self._to_editor(request, obj.office_id, self.editor_row(obj), response)

    def delete_model(self, request, obj):
        request._editor_return = (obj.office_id, self.editor_section(obj))
        super().delete_model(request, obj)

    def response_delete(self, request, obj_display, obj_id):
        response = super().response_delete(request, obj_display, obj_id)
        office_id, section = getattr(request, "_editor_return", (None, ""))
        return self._to_editor(request, office_id, section, response)
