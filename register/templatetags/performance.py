"""The performance page's small pictures and words: a bar drawn as SVG on the server (no
JavaScript), a promise in words, a share as a percentage."""

from django import template

from charter_portal.bangla import bn_digits

register = template.Library()

# The bar's parts, in order: what was kept, what was not, what is late and still open.
SERIES = (("on_time", "kept"), ("late", "late"), ("pending_overdue", "overdue"))


@register.inclusion_tag("register/bar.html")
def share_bar(tally):
    """A 100-unit-wide bar of the measured requests: on time, late, pending past the deadline."""
    measured = tally.on_time + tally.late + tally.pending_overdue
    segments, x = [], 0.0
    for field, series in SERIES:
        count = getattr(tally, field)
        if measured and count:
            width = 100 * count / measured
            segments.append({"series": series, "x": round(x, 3), "width": round(width, 3), "count": count})
            x += width
    return {"segments": segments, "measured": measured, "tally": tally}


@register.filter
def percent(share):
    """A share as a whole percentage in the page's digits (None: nothing to show)."""
    return "" if share is None else bn_digits(f"{round(100 * share)}%")


@register.filter
def days_number(value):
    """A median (which may end in .5) in the page's digits."""
    if value is None:
        return "—"
    return bn_digits(f"{value:g}" if isinstance(value, float) else value)
