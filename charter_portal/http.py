"""Every error page a person can meet, in the portal's template and language, with a way back.

Citizens' pages (Bengali, English under /en/) extend the one base (``templates/error.html``); the
admin's (Bengali) extend the admin's base (``templates/admin/error.html``), so both draw in the
portal's own web font. The admin's pages lead back to the admin's home, the rest to the directory.
Wired in ``charter_portal/urls.py`` (handler400/403/404/500), ``CSRF_FAILURE_VIEW`` and django-axes'
``AXES_LOCKOUT_CALLABLE`` (``charter_portal/security.py``).
"""

import logging

from django.conf import settings
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import defaults

logger = logging.getLogger(__name__)


def is_admin(request):
    return request is not None and request.path.startswith(reverse("admin:index"))


def _texts():
    """Heading and explanation of each error (translated when asked for: the page's language)."""
    return {
        400: (
            _("অনুরোধটি বোঝা যায়নি"),
            _("ব্রাউজার থেকে আসা অনুরোধটি অসম্পূর্ণ বা ভুলভাবে লেখা। ঠিকানাটি আবার লিখে বা পাতাটি নতুন করে খুলে চেষ্টা করুন।"),
        ),
        403: (
            _("এই পাতা দেখার অনুমতি নেই"),
            _("এই পাতাটি আপনার জন্য খোলা নয়। ভুল করে এখানে এসে থাকলে নিচের লিংক দিয়ে ফিরে যান।"),
        ),
        404: (
            _("পাতাটি পাওয়া যায়নি"),
            _(
                "আপনি যে ঠিকানাটি খুঁজছেন সেটি এই পোর্টালে নেই। ঠিকানাটি ঠিকমতো লেখা হয়েছে কিনা দেখুন, "
                "অথবা দপ্তরের তালিকা থেকে আপনার বিভাগ, জেলা ও উপজেলা বেছে নিন।"
            ),
        ),
        500: (
            _("সাময়িক সমস্যা"),
            _("দুঃখিত, পোর্টালে একটি সমস্যা হয়েছে। কিছুক্ষণ পরে আবার চেষ্টা করুন।"),
        ),
        "csrf": (
            _("ফর্মটি জমা দেওয়া যায়নি"),
            _(
                "নিরাপত্তার জন্য প্রতিটি ফর্মের সঙ্গে একটি গোপন চিহ্ন যায়; এবার তা মেলেনি। সাধারণত ফর্মটি অনেকক্ষণ খোলা "
                "থাকলে, অন্য ট্যাবে লগ আউট করলে বা ব্রাউজারে কুকি বন্ধ থাকলে এমন হয়। আগের পাতায় ফিরে পাতাটি নতুন করে "
                "খুলুন (রিফ্রেশ), তারপর আবার জমা দিন; কিছুই জমা হয়নি।"
            ),
        ),
    }


def error_page(request, status, *, kind=None, heading=None, explanation=None, message=None):
    """The page for ``status`` (or ``kind``: "csrf"), in the admin's frame on admin paths;
    ``message`` says what happened this time, below the general explanation."""
    default_heading, default_explanation = _texts()[kind or status]
    context = {
        "status": status,
        "heading": heading or default_heading,
        "explanation": explanation or default_explanation,
        "message": message,
    }
    if is_admin(request):
        from django.contrib import admin

        context = {**admin.site.each_context(request), "title": context["heading"], **context}
        return TemplateResponse(request, "admin/error.html", context, status=status).render()
    return render(request, "error.html", context, status=status)


def not_found(request, template="404.html", **context):
    """The citizen's 404 page (or a more specific one that extends it), in the page's language.

    Rendered here rather than raised as Http404, so the citizen gets this page and not Django's
    technical one even on a DEBUG server.
    """
    return render(request, template, context, status=404)


def bad_request(request, exception=None):
    return error_page(request, 400)


def permission_denied(request, exception=None):
    # Our own refusals say why in Bengali (PermissionDenied("…")); Django's own carry no message.
    message = str(exception) if exception is not None and str(exception) else None
    return error_page(request, 403, message=message)


def page_not_found(request, exception=None):
    if is_admin(request):
        return error_page(request, 404, message=_("প্রশাসনের এই ঠিকানায় কোনো পাতা নেই।"))
    return not_found(request)


def server_error(request):
    """The 500 page in the portal's base; Django's bare one if even that cannot be drawn (the
    error may be in the base itself)."""
    try:
        context = {"status": 500, "heading": _texts()[500][0], "explanation": _texts()[500][1]}
        context["back_to_admin"] = is_admin(request)
        return render(request, "500.html", context, status=500)
    except Exception:
        logger.exception("the 500 page could not be drawn")
        return defaults.server_error(request)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: what went wrong and what to do, not Django's English help."""
    logger.warning("CSRF failure at %s: %s", request.path, reason)
    return error_page(request, 403, kind="csrf")


def locked_out(request, response=None, credentials=None):
    """django-axes' answer to a locked-out login: the admin's error page, in Bengali, 429."""
    from charter_portal.bangla import bengali_digits

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = _(
        "এই ব্যবহারকারী নামে এই ঠিকানা থেকে পরপর %(limit)s বার ভুল পাসওয়ার্ড দেওয়া হয়েছে। নিরাপত্তার জন্য "
        "%(minutes)s মিনিট লগইন করা যাবে না; তারপর আবার চেষ্টা করুন। পাসওয়ার্ড মনে না থাকলে সদর দপ্তরের "
        "সঙ্গে যোগাযোগ করুন।"
    ) % {"limit": bengali_digits(settings.AXES_FAILURE_LIMIT), "minutes": bengali_digits(minutes)}
    page = error_page(request, 429, kind=403, heading=_("লগইন সাময়িকভাবে বন্ধ"), explanation=message)
    page["Retry-After"] = str(minutes * 60)
    return page
