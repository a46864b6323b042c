class CharterError(ValueError):
    """A charter that cannot be read or written as it is: the message says why, and where (the line
    of a text export, the table and row of a Word file) when it is known."""

    def __init__(self, message, line=None):
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)


class CharterExists(CharterError):
    """The office already has a charter and the caller did not ask to replace it."""
