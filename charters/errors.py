from charter_portal.bangla import bengali_digits


def line_place(line):
    """Where a line of a text export is, as every importer message says it: "লাইন ১২"."""
    return f"লাইন {bengali_digits(str(line))}"


class CharterError(ValueError):
    """A charter that cannot be read or written as it is: the message (Bengali) says why, and where
    (the line of a text export, the table and row of a Word file) when it is known."""

    def __init__(self, message, line=None, where=None):
        self.line, self.detail = line, message
        where = where or (line_place(line) if line else None)
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class CharterExists(CharterError):
    """The office already has a charter and the caller did not ask to replace it."""


class OtherOfficeFile(CharterError):
    """The document names another office's site: it is written to this office only when HQ confirms."""

    def __init__(self, message, named_key):
        self.named_key = named_key
        super().__init__(message)
