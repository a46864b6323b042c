"""Publishing in tests: what an office does before citizens see an edit."""

import datetime

from charters.publishing import publish


def publish_now(office, **overrides):
    """Publish the office's draft with a date and a signatory, as its staff would."""
    fields = {
        "issued_on": datetime.date(2026, 11, 24),
        "signatory_name": "মোঃ পরীক্ষা উদ্দিন",
        "signatory_designation": "প্রোগ্রামার",
        **overrides,
    }
    return publish(office, **fields)
