"""How long each text of a charter may be: the one place both ends read. The model field is
bounded by it, and so is everything that copies the text (a grievance keeps the service's name
as it was filed, ``Grievance.service_name``), so a text the admin or the importer accepted can
always be copied. The admin's forms check it (Django's message, in Bengali from locale/bn); the
importer checks it before writing (charters.writing, a CharterError naming the place).

The seed charters' longest texts are far below each limit (a service name: 122 characters).
"""

from django.core.validators import MaxLengthValidator

SERVICE_NAME = 500
SERVICE_TEXT = 2000  # how to get it, papers, where, fee, time limit
EXPECTATION = 1000
CHARTER_PROSE = 4000  # vision, mission
PERSON = 200  # an officer's name, designation and branch; the signatory's name and designation
PHONE = 60
EMAIL = 254  # RFC 5321, EmailField's own
TIER_WHEN = 300
TIER_TITLE = 200
TIER_CONTACT = 1000


def bounded(limit):
    """A TextField's check (a CharField's max_length brings its own)."""
    return [MaxLengthValidator(limit)]
