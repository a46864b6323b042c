class CharterError(ValueError):
    """A charter that cannot be read or written as it is: the message says why, and where (the line
    of a text export, the table and row of a Word file) when it is known."""

    def __init__(self, message, line=None, where=None):
        self.line, self.detail = line, message
        where = where or (f"line {line}" if line else None)
        super().__init__(f"{where}: {message}" if where else message)


class CharterExists(CharterError):
    """The office already has a charter and the caller did not ask to replace it."""
