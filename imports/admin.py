"""HQ's bulk import in the admin: the upload page (many files, or a zip) and each batch's report,
which refreshes itself while the batch runs. HQ only."""

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django_tasks_db import admin as tasks_admin

from charter_portal.bangla import bengali_digits
from charter_portal.params import require_id
from charters.errors import CharterError
from offices.scoping import HQOnlyMixin

from . import sources
from .bulk import create_batch
from .models import ImportBatch, ImportFile
from .tasks import import_batch

REFRESH_SECONDS = 3

# django-tasks-db's own admin lists raw task rows, in English; HQ follows an import on its batch's
# report instead, so the raw rows stay out of the admin (the worker's log has them).
if admin.site.is_registered(tasks_admin.DBTaskResult):
    admin.site.unregister(tasks_admin.DBTaskResult)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Many files in one field (Django's documented way: the widget allows many, clean takes a list)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class BulkUploadForm(forms.Form):
    files = MultipleFileField(
        label=_("চার্টারের ফাইলগুলো"),
        help_text=_(
            "একসঙ্গে অনেক ফাইল বাছাই করুন, অথবা একটি zip দিন। প্রতিটি ফাইল যায় নথিতে লেখা ওয়েবসাইটের দপ্তরে, "
            "না থাকলে ফাইলের নামের দপ্তরে (দপ্তরের কী, যেমন kachua.chandpur.docx)। প্রতিটি ফাইল ৫ MB-এর কম।"
        ),
    )

    def clean_files(self):
        try:
            return sources.from_uploads(self.cleaned_data["files"])
        except CharterError as error:
            raise forms.ValidationError(str(error)) from None


def uploaded_names(uploads):
    """What the batch is called: the files' names, the first three of many and how many."""
    names = [upload.name for upload in uploads]
    more = f" … ({bengali_digits(str(len(names)))}টি ফাইল)" if len(names) > 3 else ""
    return ", ".join(names[:3]) + more


@admin.register(ImportBatch)
class ImportBatchAdmin(HQOnlyMixin, admin.ModelAdmin):
    """HQ only (the files of every office pass through here), whatever model permissions another
    account holds."""

    list_display = ["__str__", "status", "file_count", "created_by"]
    list_filter = ["status"]

    @admin.display(description=_("ফাইল"))
    def file_count(self, batch):
        return batch.files.count()

    def has_change_permission(self, request, obj=None):
        return False  # a batch is a record: its files are read, not edited

    def get_urls(self):
        resume = self.admin_site.admin_view(require_POST(self.resume_view))
        return [path("<path:object_id>/resume/", resume, name="imports_importbatch_resume"), *super().get_urls()]

    def resume_view(self, request, object_id):
        """Queue a stalled batch again (its worker was killed or restarted half-way): it goes on
        from its first waiting file. A batch that is still moving is left to its worker."""
        if not self.has_view_permission(request):
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        batch = get_object_or_404(ImportBatch, pk=require_id(object_id))
        with transaction.atomic():
            if batch.claim_resumption():
                transaction.on_commit(partial(import_batch.enqueue, batch.pk))
                messages.success(request, _("কাজটি আবার চালু হয়েছে: অপেক্ষায় থাকা প্রথম ফাইল থেকে পড়া চলবে।"))
            else:
                messages.warning(request, _("কাজটি থেমে নেই (বা শেষ হয়েছে), তাই আবার চালু করা হয়নি।"))
        return redirect("admin:imports_importbatch_change", batch.pk)

    def add_view(self, request, form_url="", extra_context=None):
        """The upload: the files are stored with a waiting batch, whose task is queued once the
        batch is committed; HQ is sent to its report."""
        if not self.has_add_permission(request):
            return self._get_obj_does_not_exist_redirect(request, self.opts, "")
        form = BulkUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            incoming = form.cleaned_data["files"]
            with transaction.atomic():
                batch = create_batch(uploaded_names(request.FILES.getlist("files")), incoming, request.user)
                transaction.on_commit(partial(import_batch.enqueue, batch.pk))
            return redirect("admin:imports_importbatch_change", batch.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("চার্টারের ফাইল একসঙ্গে আমদানি"),
            "form": form,
            "recent": ImportBatch.objects.all()[:5],
        }
        return TemplateResponse(request, "admin/imports/upload.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The batch's report: per file the office, the services found, every warning with its
        place, or why it was refused; refreshed every few seconds until the batch is done."""
        if not self.has_view_permission(request):
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        batch = get_object_or_404(ImportBatch, pk=require_id(object_id))  # "²" or a NUL: a 400
        files = list(batch.files.select_related("office").defer("data"))
        counts = batch.counts()
        stalled = batch.is_stalled()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("আমদানির ফল"),
            "batch": batch,
            "files": files,
            "counts": counts,
            "total": len(files),
            "read": len(files) - counts[ImportFile.Status.WAITING],
            "refresh": REFRESH_SECONDS if batch.status != ImportBatch.Status.DONE and not stalled else None,
            "stalled": stalled,
            "Status": ImportFile.Status,
        }
        return TemplateResponse(request, "admin/imports/report.html", context)
