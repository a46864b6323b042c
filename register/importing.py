"""Registers kept in a spreadsheet: a CSV or .xlsx file, read row by row into requests.

Columns (a header row; any order, any case): ``office_key, category, serial, service_name,
received_on, delivered_on, channel, outcome, mobile``. ``category`` is citizen, institutional or
internal; dates are YYYY-MM-DD in Bengali or ASCII digits (an Excel date cell too); ``outcome`` is
delivered, refused, withdrawn, or empty while pending; a row names its service by category and
serial or by its exact name. Every row is checked before anything is written, and a file with
any bad row writes nothing: the error names each bad row's line and says why, in Bengali.
"""

import csv
import datetime
import io
import re
import zipfile

from django.db import transaction
from django.utils import timezone

from charter_portal.bangla import ascii_digits, bengali_digits
from grievances.identifiers import normalise_mobile
from offices.models import Office
from pagecache.versions import new_version
from services.models import ServiceListing
from services.promises import COUNTED

from .catalogue import Catalogue
from .models import Channel, Outcome, ServiceRequest

COLUMNS = (
    "office_key",
    "category",
    "serial",
    "service_name",
    "received_on",
    "delivered_on",
    "channel",
    "outcome",
    "mobile",
)
CATEGORIES = {category.code: category.value for category in ServiceListing.Category}
CHANNELS = {"counter": Channel.COUNTER, "phone": Channel.PHONE, "email": Channel.EMAIL, "e-mail": Channel.EMAIL}
CHANNELS |= {"web": Channel.WEB, "letter": Channel.LETTER, "": Channel.COUNTER}
OUTCOMES = {"delivered": Outcome.DELIVERED, "refused": Outcome.REFUSED, "withdrawn": Outcome.WITHDRAWN, "": ""}
MAX_BYTES = 20 * 1024 * 1024
MAX_ERRORS_SHOWN = 20
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class RegisterFileError(ValueError):
    """A file that cannot be taken as it is: every line that is wrong, and why."""

    def __init__(self, problems):
        self.problems = problems  # [(line or None, Bengali reason)]
        super().__init__("\n".join(self.lines()))

    def lines(self):
        shown = [
            f"সারি {bengali_digits(line)}: {reason}" if line else reason
            for line, reason in self.problems[:MAX_ERRORS_SHOWN]
        ]
        if len(self.problems) > MAX_ERRORS_SHOWN:
            shown.append(f"আরও {bengali_digits(len(self.problems) - MAX_ERRORS_SHOWN)}টি সারিতে ভুল আছে।")
        return shown


def _is_xlsx(data, name):
    return data[:2] == b"PK" and (name.lower().endswith(".xlsx") or zipfile.is_zipfile(io.BytesIO(data)))


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_rows(data, name=""):
    """``[(line, {column: text})]`` of a CSV or .xlsx file; RegisterFileError when it is neither
    or its header lacks a column."""
    if len(data) > MAX_BYTES:
        raise RegisterFileError([(None, "ফাইলটি অনেক বড় (২০ মেগাবাইটের বেশি)।")])
    if _is_xlsx(data, name):
        table = _xlsx_rows(data)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise RegisterFileError([(None, "ফাইলটি UTF-8 CSV বা .xlsx নয়।")]) from None
        table = list(csv.reader(io.StringIO(text)))
    if not table:
        raise RegisterFileError([(None, "ফাইলটি খালি।")])
    header = [_cell(value).lower() for value in table[0]]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise RegisterFileError([(1, f"শিরোনামের সারিতে এই কলাম নেই: {', '.join(missing)}।")])
    position = {column: header.index(column) for column in COLUMNS}
    rows = []
    for line, values in enumerate(table[1:], start=2):
        values = [_cell(value) for value in values]
        if not any(values):
            continue  # a blank line between rows
        rows.append((line, {c: values[i] if i < len(values) else "" for c, i in position.items()}))
    return rows


def _xlsx_rows(data):
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    except Exception:  # a damaged or foreign zip: openpyxl raises many kinds
        raise RegisterFileError([(None, ".xlsx ফাইলটি পড়া যায়নি।")]) from None


def parse_date(text):
    """A date written YYYY-MM-DD in Bengali or ASCII digits, or None."""
    match = _DATE.fullmatch(ascii_digits(text).strip())
    if not match:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


class RowReader:
    """Turns rows into unsaved requests, with the promise in force on each day of receipt."""

    def __init__(self, office=None):
        self.only_office = office  # an office's staff upload their own office's register only
        self.offices, self.catalogues = {}, {}
        self.today = timezone.localdate()

    def office(self, key):
        if key not in self.offices:
            self.offices[key] = Office.objects.filter(key=key).first()
        return self.offices[key]

    def catalogue(self, office):
        if office.pk not in self.catalogues:
            self.catalogues[office.pk] = Catalogue(office)
        return self.catalogues[office.pk]

    def request(self, row):
        """An unsaved ServiceRequest for the row; ValueError with the Bengali reason if it is bad."""
        key = row["office_key"].strip().lower()
        office = self.office(key) if key else None
        if office is None:
            raise ValueError(f"দপ্তরের কী '{key}' কোনো দপ্তরের নয়।")
        if self.only_office is not None and office.pk != self.only_office.pk:
            raise ValueError(f"'{key}' অন্য দপ্তরের; শুধু নিজের দপ্তরের রেজিস্টার তোলা যায়।")
        received_on = parse_date(row["received_on"])
        if received_on is None:
            raise ValueError("received_on তারিখটি YYYY-MM-DD আকারে নেই বা সঠিক নয়।")
        ended_on = parse_date(row["delivered_on"]) if row["delivered_on"] else None
        if row["delivered_on"] and ended_on is None:
            raise ValueError("delivered_on তারিখটি YYYY-MM-DD আকারে নেই বা সঠিক নয়।")
        if max(received_on, ended_on or received_on) > self.today:
            raise ValueError("তারিখ আজকের পরে হতে পারে না।")
        if ended_on and ended_on < received_on:
            raise ValueError("delivered_on আবেদন গ্রহণের তারিখের (received_on) আগে।")
        outcome = row["outcome"].strip().lower()
        if outcome not in OUTCOMES:
            raise ValueError(f"outcome '{outcome}' নয়; delivered, refused, withdrawn অথবা খালি হবে।")
        if OUTCOMES[outcome] in (Outcome.DELIVERED, Outcome.REFUSED) and ended_on is None:
            raise ValueError("সেবা দেওয়া বা না-দেওয়া আবেদনের delivered_on তারিখ দিন।")
        if not outcome and ended_on:
            raise ValueError("delivered_on আছে কিন্তু outcome খালি।")
        channel = row["channel"].strip().lower()
        if channel not in CHANNELS:
            raise ValueError(f"channel '{channel}' নয়; counter, phone, email, web অথবা letter হবে।")
        mobile = ""
        if row["mobile"].strip():
            mobile = normalise_mobile(row["mobile"])
            if mobile is None:
                raise ValueError("মোবাইল নম্বরটি সঠিক নয় (০১ দিয়ে শুরু, মোট ১১ অঙ্ক)।")
        offered = self._service(office, received_on, row)
        return ServiceRequest(
            office=office,
            category=offered.category,
            serial=offered.serial,
            service_name=offered.name,
            received_on=received_on,
            channel=CHANNELS[channel],
            mobile=mobile,
            outcome=OUTCOMES[outcome],
            ended_on=ended_on,
            promise_kind=offered.promise.kind,
            promise_days=offered.promise.days if offered.promise.kind in COUNTED else None,
        )

    def _service(self, office, received_on, row):
        catalogue = self.catalogue(office)
        category, serial = row["category"].strip().lower(), ascii_digits(row["serial"]).strip()
        if category or serial:
            if category not in CATEGORIES:
                raise ValueError(f"category '{category}' নয়; citizen, institutional অথবা internal হবে।")
            if not serial.isdigit():
                raise ValueError("serial একটি সংখ্যা হবে।")
            offered = catalogue.find(received_on, category=CATEGORIES[category], serial=int(serial))
            if offered is None:
                raise ValueError("এই ধরন ও ক্রমিক নম্বরের কোনো সেবা সেদিন দপ্তরের চার্টারে ছিল না।")
            return offered
        if not row["service_name"].strip():
            raise ValueError("সেবা চেনা যায়নি: category ও serial, অথবা সেবার হুবহু নাম দিন।")
        offered = catalogue.find(received_on, name=row["service_name"])
        if offered is None:
            raise ValueError("এই নামের সেবা সেদিন দপ্তরের চার্টারে ছিল না (নামটি হুবহু লিখুন, অথবা category ও serial দিন)।")
        return offered


def import_register(data, name="", *, office=None, user=None):
    """Read the file and write every request in it, or (any row bad) nothing. ``office``: the
    only office its rows may belong to (an office's staff). Returns the number written."""
    reader = RowReader(office)
    requests, problems = [], []
    for line, row in read_rows(data, name):
        try:
            request = reader.request(row)
        except ValueError as error:
            problems.append((line, str(error)))
            continue
        request.recorded_by = user
        requests.append(request)
    if problems:
        raise RegisterFileError(problems)
    if not requests:
        raise RegisterFileError([(None, "ফাইলে কোনো আবেদনের সারি নেই।")])
    with transaction.atomic():
        ServiceRequest.objects.bulk_create(requests, batch_size=2000)
        new_version()  # bulk_create sends no signals: the performance pages must show these rows
    return len(requests)
