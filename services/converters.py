class CategoryConverter:
    """A service category's number in a URL: 1, 2 or 3 (the charter's ২.১, ২.২, ২.৩)."""

    regex = "[1-3]"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(int(value))


class SerialConverter(CategoryConverter):
    """A service's serial in a URL: up to four digits, so it always fits its column."""

    regex = "[0-9]{1,4}"
