from django.shortcuts import render


def not_found(request, template="404.html", **context):
    """The citizen's 404 page (or a more specific one that extends it), in the page's language.

    Rendered here rather than raised as Http404, so the citizen gets this page and not Django's
    technical one even on a DEBUG server.
    """
    return render(request, template, context, status=404)
