"""SMS to citizens: a small backend interface, and how many segments a message costs.

``settings.SMS_BACKEND`` names the backend: ``ConsoleBackend`` in development (prints),
``HttpGatewayBackend`` in production (an HTTP SMS gateway: ``SMS_GATEWAY_URL``,
``SMS_GATEWAY_KEY``, ``SMS_SENDER_ID``, ``SMS_TIMEOUT``), ``LocmemBackend`` in tests. A backend's
``send(number, text)`` returns when the gateway accepted the message and raises otherwise.

Bengali needs UCS-2: 70 characters in one SMS, 67 a segment when it takes several. A message
in the GSM 7-bit alphabet alone gets 160, 153 a segment.
"""

import http.client
import json
import math
import sys
import urllib.parse

from django.conf import settings
from django.utils.module_loading import import_string

from . import deadline

# The GSM 03.38 basic alphabet (the extension table's characters count twice; rare in our texts).
_GSM = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENSION = set("^{}\\[~]|€")


def is_gsm(text):
    return all(ch in _GSM or ch in _GSM_EXTENSION for ch in text)


def segments(text):
    """How many SMS segments ``text`` takes."""
    if is_gsm(text):
        length = sum(2 if ch in _GSM_EXTENSION else 1 for ch in text)
        single, multi = 160, 153
    else:
        # UCS-2 counts UTF-16 code units; every Bengali character is one.
        length = len(text.encode("utf-16-le")) // 2
        single, multi = 70, 67
    if length <= single:
        return 1
    return math.ceil(length / multi)


def international(number):
    """01XXXXXXXXX → 8801XXXXXXXXX, the form gateways want."""
    return "88" + number if number.startswith("01") else number


class SmsError(Exception):
    pass


class BaseBackend:
    def send(self, number, text):
        raise NotImplementedError


class ConsoleBackend(BaseBackend):
    """Development: the message on standard output, as Django's console e-mail backend does."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stdout

    def send(self, number, text):
        self.stream.write(f"SMS to {number} ({segments(text)} segment(s)):\n{text}\n{'-' * 40}\n")
        self.stream.flush()


class LocmemBackend(BaseBackend):
    """Tests: messages kept in ``LocmemBackend.outbox``."""

    outbox = []

    def send(self, number, text):
        type(self).outbox.append((number, text))


class HttpGatewayBackend(BaseBackend):
    """An HTTP SMS gateway: a form POST of api_key, senderid, number, message (UCS-2 as UTF-8 text),
    answered with 2xx when accepted. Gives up after ``SMS_TIMEOUT`` seconds without a word, and when
    the outbox's whole-send deadline ends."""

    def send(self, number, text):
        url = settings.SMS_GATEWAY_URL
        if not url:
            raise SmsError("SMS_GATEWAY_URL is not set")
        data = urllib.parse.urlencode(
            {
                "api_key": settings.SMS_GATEWAY_KEY,
                "senderid": settings.SMS_SENDER_ID,
                "number": international(number),
                "message": text,
                "type": "unicode" if not is_gsm(text) else "text",
            }
        ).encode()
        parts = urllib.parse.urlsplit(url)
        connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
        # SMS_TIMEOUT bounds each socket operation; the outbox's deadline (grievances.deadline) the send.
        connection = connection_class(parts.hostname, parts.port, timeout=deadline.timeout(settings.SMS_TIMEOUT))
        try:
            connection.connect()
            deadline.guard(connection.sock)
            connection.request("POST", path, body=data, headers=headers)
            response = connection.getresponse()
            body = response.read(4096)
            deadline.check()
        except (http.client.HTTPException, OSError) as exc:  # includes timeouts and the deadline
            raise SmsError(f"gateway: {exc!r}") from exc
        finally:
            connection.close()
        if not 200 <= response.status < 300:
            raise SmsError(f"gateway: HTTP {response.status}")
        try:
            answer = json.loads(body or b"{}")
        except ValueError:
            answer = {}
        if isinstance(answer, dict) and answer.get("error"):
            raise SmsError(f"gateway refused: {answer['error']}")


def get_backend():
    return import_string(settings.SMS_BACKEND)()
