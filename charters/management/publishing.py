"""What import_charter, clone_charter and publish_charter share: how to ask for a publication."""

from django.core.management.base import CommandError

from charter_portal.arguments import date_argument
from charter_portal.bangla import bengali_digits
from charters.errors import CharterError
from charters.models import Charter
from charters.publishing import NothingToPublish, publish


def add_publication_arguments(parser, flag=True):
    if flag:
        parser.add_argument("--publish", action="store_true", help="publish the draft at once as a new version")
    parser.add_argument(
        "--issued-on", type=date_argument("--issued-on"), help="the issue date (default: the one the charter has)"
    )
    parser.add_argument("--signatory-name", help="the signatory's name (default: the one the charter has)")
    parser.add_argument("--signatory-designation", help="the signatory's designation (default: the charter's)")


def publish_draft(command, office, options, as_signed=False):
    """Publish ``office``'s draft with the date and signatory of the options, else of the draft.
    ``as_signed``: a document just imported, published as it was signed, date or no date."""
    charter = Charter.objects.filter(office=office).first()
    try:
        version = publish(
            office,
            as_signed=as_signed,
            issued_on=options.get("issued_on") or (charter.issued_on if charter else None),
            signatory_name=options.get("signatory_name") or (charter.signatory_name_bn if charter else ""),
            signatory_designation=options.get("signatory_designation")
            or (charter.signatory_designation_bn if charter else ""),
        )
    except NothingToPublish as exc:
        command.stdout.write(str(exc))
        return None
    except CharterError as exc:
        raise CommandError(f"{office.key}: কিছুই প্রকাশ করা হয়নি: {exc}") from None
    command.stdout.write(f"প্রকাশিত হয়েছে: {office.key}, সংস্করণ {bengali_digits(version.number)} ({version.summary})")
    return version
