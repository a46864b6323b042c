"""The public pages, rendered once and served from a per-process cache until the data changes.

A citizen's page (the directory, an office's charter, a search, an office's JSON) is built from
many rows, and a national portal gets its readers in bursts, so each page is rendered once and
kept, gzipped, in the "pages" cache: a LocMemCache, one per gunicorn worker. A per-process cache
cannot be emptied from another process (the other worker, or ``manage.py loaddata``), so a page
is kept with the *content version* it was made at, a token that lives in the database
(``ContentVersion``, one row), and served only while that is still the current version. A write
to anything a public page shows (the ``public_models`` each app names in its AppConfig: an admin
save or delete, a row loaddata saves raw, in any process) sets a new token in the same transaction, so the next
request of every worker renders its page again.

Because the version is a database row, it is exactly as current as the data: a rolled-back
edit takes its version back with it, and no worker keeps a page under a version whose data it
cannot see. Writes that send no signals (``QuerySet.update``, ``bulk_create``) must call
``new_version()`` themselves. A deploy starts new processes, so new templates and code start
from an empty cache.
"""
