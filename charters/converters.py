class VersionNumberConverter:
    """A version's number in a URL: up to six digits, so it always fits its column."""

    regex = "[0-9]{1,6}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(int(value))
