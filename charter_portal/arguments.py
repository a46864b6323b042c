"""What management commands' arguments share: a date or a month an operator types, refused in
Bengali from one place (``--as-of``, ``--issued-on``; ``grs_report --month`` refuses with
``not_a_date`` too, its month read by the report page's own parser)."""

import datetime

from django.core.management.base import CommandError

from charter_portal.bangla import ascii_digits


def not_a_date(flag, value, shape, example):
    """The refusal of a date that is not one: the flag, what was typed, and how to write it."""
    return CommandError(f"{flag} “{value}”: তারিখটি পড়া যায়নি, কিছুই করা হয়নি। {shape} আকারে লিখুন, যেমন {example}।")


def date_argument(flag):
    """An argparse ``type`` for a day written YYYY-MM-DD (Bengali digits too)."""

    def parse(value):
        try:
            return datetime.date.fromisoformat(ascii_digits(value).strip())
        except ValueError:
            raise not_a_date(flag, value, "YYYY-MM-DD", "2026-11-24") from None

    return parse
