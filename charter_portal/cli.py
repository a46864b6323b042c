"""manage.py's front: a command's refusal is one clear line, never a traceback.

Our own commands refuse with CommandError, which Django prints as one line. What they and Django's
commands leave to other exceptions (loaddata refusing a hand-written fixture's row through
``offices.fixtures.FixtureRowError``, a model's ``ValidationError``, the database's ``IntegrityError``)
would print a traceback of 30 lines whose one useful line is the last; it is printed alone, as
Django prints a CommandError, with the exit status 1. ``--traceback`` still shows everything.
"""

import re
import sys
from pathlib import Path


def refusal(error):
    """The one line that says why, or None for an exception that is a bug, not a refusal."""
    from django.core.exceptions import ValidationError
    from django.core.serializers.base import DeserializationError
    from django.db import IntegrityError

    from offices.fixtures import FixtureRowError

    if isinstance(error, FixtureRowError):
        # loaddata put the file in front of the row's message: "Problem installing fixture '<path>': …"
        found = re.search(r"fixture '([^']+)'", str(error))
        where = f"{Path(found.group(1)).name}: " if found else ""
        return f"{where}{error.row_message} (কিছুই লোড হয়নি; ডেটাবেস আগের মতো আছে।)"
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    if isinstance(error, (IntegrityError, DeserializationError)):
        return str(error).strip().splitlines()[-1]
    return None


def main(argv=None):
    from django.core.management import execute_from_command_line

    argv = argv or sys.argv
    try:
        execute_from_command_line(argv)
    except Exception as error:
        line = None if "--traceback" in argv else refusal(error)
        if line is None:
            raise
        sys.stderr.write(f"CommandError: {line}\n")
        sys.exit(1)
