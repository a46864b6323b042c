"""One Bengali date format wherever Django formats a date or time for the page (the admin's lists,
its history, its date hierarchy): ৬ ডিসেম্বর ২০২৬, as the citizen's pages write it. Django's own
Bengali formats write dates "j F, Y" and, having no DATETIME_FORMAT, date-times as its English
default ("N j, Y, P": ডিসে. ৬, ২০২৬), so one list of versions showed both."""

from django.conf.locale.bn.formats import *  # noqa: F403  (input formats, separators, week start)

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j F Y"
SHORT_DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
