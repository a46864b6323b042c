"""Which language a page and each piece of its text are in; a template builtin.

A page is in the language of its URL (Bengali at /…, English at /en/…), but the text from the
database is in the page's language only where someone wrote it: modeltranslation shows the Bengali
text where a field has no English (MODELTRANSLATION_FALLBACK_LANGUAGES). An element showing such
text says so with ``lang="bn"``, so a screen reader reads it as Bengali; the rule is ``lang_of``.
"""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, override
from modeltranslation.utils import build_localized_fieldname

register = template.Library()


@register.filter
def lang_of(obj, field):
    """The language ``obj.<field>`` is shown in: the page's, or the fallback where it has none."""
    language = get_language() or settings.LANGUAGE_CODE
    if getattr(obj, build_localized_fieldname(field, language), None):
        return language
    return settings.MODELTRANSLATION_FALLBACK_LANGUAGES[0]


@register.filter
def lang_attr(obj, field):
    """` lang="bn"` for an element showing ``obj.<field>`` in another language than the page's;
    nothing where the page's own language applies, which keeps long pages lean."""
    language = lang_of(obj, field)
    return format_html(' lang="{}"', language) if language != get_language() else ""


@register.filter
def lang_text(obj, field):
    """``obj.<field>`` for the middle of a translated sentence: in a ``<span lang="bn">`` where it
    is fallback text, else as it is (escaped either way)."""
    value = getattr(obj, field)
    language = lang_of(obj, field)
    return format_html('<span lang="{}">{}</span>', language, value) if language != get_language() else value


@register.simple_tag(takes_context=True)
def other_language(context):
    """The language switch's target: this page's path in the other language.

    Without the query string: the directory and charter pages are cached and served to everyone
    (pagecache), so nothing a visitor appends may end up in their links. A page whose
    query makes it what it is (a search) appends its own through base.html's
    ``language_switch_query`` block. A path no URL pattern matches (a 404) cannot be translated,
    so it leads to the other language's directory.
    """
    path = context["request"].path
    current = get_language()
    code, name = next((code, name) for code, name in settings.LANGUAGES if code != current)
    url = translate_url(path, code)
    if url == path:
        with override(code):
            url = reverse("charters:directory")
    return {"code": code, "name": name, "url": url}


@register.simple_tag(takes_context=True)
def page_urls(context):
    """This page's absolute URL and its URL in each language (``og:url``, canonical and the
    language alternates), built from what its kept page's key holds: scheme, host, path and only
    the query parameters its view declared (pagecache's ``public_page(query=…)``). Anything else
    a first visitor appends (``?q2=PWNED``) would otherwise be kept in the page every later
    visitor gets. A page that is not kept (a form) carries no query string at all."""
    request = context["request"]
    declared = getattr(request, "page_query", ())
    values = urlencode([(name, value) for name in declared for value in request.GET.getlist(name)])
    query = f"?{values}" if values else ""
    origin = f"{request.scheme}://{request.get_host()}"
    alternates = []
    for code, _name in settings.LANGUAGES:
        path = translate_url(request.path, code)
        if path != request.path or code == get_language():
            alternates.append({"code": code, "url": f"{origin}{path}{query}"})
    return {"url": f"{origin}{request.path}{query}", "alternates": alternates if len(alternates) > 1 else []}
