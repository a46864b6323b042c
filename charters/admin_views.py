"""HQ's pages in the admin: a charter file uploaded for an office, and which offices publish one."""

import csv

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from charter_portal.params import require_id
from offices.models import Office
from offices.scoping import is_hq
from services.models import Service

from .coverage import CSV_COLUMNS, coverage, coverage_rows
from .errors import CharterError, OtherOfficeFile
from .importer import read_charter_file
from .importer.limits import MAX_BYTES
from .writing import office_named_in, tree_warnings, write_import

ALLOWED_SUFFIXES = (".docx", ".doc", ".pdf", ".txt", ".png", ".jpg", ".jpeg")


class CharterUploadForm(forms.Form):
    charter_file = forms.FileField(
        label=_("চার্টারের ফাইল"),
        help_text=_(
            "Word (.docx বা .doc), PDF (লেখাসহ বা স্ক্যান করা), ছবিতে স্ক্যান (PNG, JPEG) অথবা UTF-8 টেক্সট এক্সপোর্ট (.txt), ৫ MB-এর কম।"
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_SUFFIXES)}),
    )
    # Shown once a file naming another office's site was refused: HQ says it is this office's all the same.
    other_site_confirmed = forms.BooleanField(
        label=_("হ্যাঁ, ফাইলে অন্য দপ্তরের সাইট লেখা থাকলেও এটি এই দপ্তরেরই চার্টার"), required=False
    )

    def clean_charter_file(self):
        upload = self.cleaned_data["charter_file"]
        # The limits before a byte of it is read.
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("ফাইলটি %(size)s বাইট; চার্টারের ফাইল ৫ MB-এর কম হয়।"), params={"size": upload.size}
            )
        if not upload.name.lower().endswith(ALLOWED_SUFFIXES):
            raise forms.ValidationError(
                _("শুধু Word (.docx, .doc), PDF, স্ক্যান (PNG, JPEG) অথবা টেক্সট (.txt) নেওয়া হয়; স্প্রেডশিট নয়।")
            )
        return upload


def _require_hq(request):
    if not is_hq(request):
        raise PermissionDenied


def import_charter_view(model_admin, request, object_id):
    """Upload a charter file for an office: it becomes the office's charter rows (its draft), in
    one transaction; the page shows the summary and every warning with its line or table/row.
    HQ only. A failed upload writes nothing and keeps nothing (the file lives only in the request)."""
    _require_hq(request)
    office = get_object_or_404(Office.objects.select_related("parent"), pk=require_id(object_id))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "office": office,
        "title": _("চার্টারের ফাইল আমদানি: %(office)s") % {"office": office.name},
        "has_charter": hasattr(office, "charter"),
    }
    form = CharterUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["charter_file"]
        data = b"".join(upload.chunks())
        result = None
        try:
            result = read_charter_file(data, upload.name, office_named_in)
            more = tree_warnings(office, result, form.cleaned_data["other_site_confirmed"])
            with transaction.atomic():
                more += [(None, message) for message in write_import(office, result, more)]
        except OtherOfficeFile as error:
            context["other_office"] = True
            form.add_error("charter_file", _("কিছুই লেখা হয়নি: %(error)s") % {"error": error})
        except CharterError as error:
            error = result.refusal(error) if result else error
            form.add_error("charter_file", _("চার্টারটি পড়া যায়নি, কিছুই লেখা হয়নি: %(error)s") % {"error": error})
        else:
            counts = result.document.counts()
            context["summary"] = {
                "file": upload.name,
                "services": [(category.label, counts.get(category, 0)) for category in Service.Category],
                "officers": len(result.document.officers()),
                "expectations": len(result.document.expectations),
                "tiers": len(result.document.tiers),
                "issued_on": result.document.issued_on,
                "signatory": result.document.signatory_name,
                "warnings": [(w["place"], w["message"]) for w in result.placed_warnings(more)],
            }
            model_admin.log_change(request, office, f"চার্টারের ফাইল আমদানি: {upload.name}")
    context["form"] = form
    return TemplateResponse(request, "admin/charters/import.html", context)


def coverage_view(model_admin, request):
    """Per division and district: offices with a published charter, the last publication dates,
    those older than a year and those never published. HQ only."""
    _require_hq(request)
    nation, divisions = coverage()
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("সিটিজেন চার্টার প্রকাশের হিসাব"),
        "nation": nation,
        "divisions": divisions,
        "today": timezone.localdate(),
    }
    return TemplateResponse(request, "admin/charters/coverage.html", context)


class _Echo:
    def write(self, value):
        return value


def coverage_csv_view(model_admin, request):
    _require_hq(request)
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow(CSV_COLUMNS)
        for row in coverage_rows():
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="charter-coverage.csv"'
    return response
