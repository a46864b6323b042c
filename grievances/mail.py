"""Django's SMTP e-mail backend with the outbox's whole-send deadline (``grievances.deadline``):
``EMAIL_TIMEOUT`` bounds each socket operation, the deadline the whole conversation."""

import smtplib

from django.core.mail.backends import smtp

from . import deadline


class _Guarded:
    def _get_socket(self, host, port, timeout):
        return deadline.guard(super()._get_socket(host, port, deadline.timeout(timeout)))

    def starttls(self, *args, **kwargs):
        answer = super().starttls(*args, **kwargs)
        deadline.guard(self.sock)  # the TLS socket replaces the one guarded at connect
        return answer


class _SMTP(_Guarded, smtplib.SMTP):
    pass


class _SMTP_SSL(_Guarded, smtplib.SMTP_SSL):
    pass


class EmailBackend(smtp.EmailBackend):
    @property
    def connection_class(self):
        return _SMTP_SSL if self.use_ssl else _SMTP
