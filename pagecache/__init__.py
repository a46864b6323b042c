"""The public pages, rendered once and served from a per-process cache until the data changes.

A citizen's page (the directory, an office's charter) is built from many rows, and a national
portal gets its readers in bursts, so each page is rendered once and kept, gzipped, in the
"pages" cache: a LocMemCache, one per gunicorn worker. A per-process cache cannot be emptied
from another process (the other worker, or ``manage.py loaddata``), so nothing is ever deleted
from it. Instead every page is filed under a *content version* that lives in the database
(``ContentVersion``, one row), which every request reads in one primary-key query. A write to
anything a public page shows (``signals.PUBLISHED_MODELS``: an admin save or delete, a row
loaddata saves raw, in any process) sets a new version in the same transaction, so the next
request of every worker files its pages under a key nothing has used yet, and the pages of
the old version age out of the cache unread.

Because the version is a database row, it is exactly as current as the data: a rolled-back
edit takes its version back with it, and no worker caches a page under a version whose data it
cannot see. Writes that send no signals (``QuerySet.update``, ``bulk_create``) must call
``new_version()`` themselves. A deploy starts new processes, so new templates and code start
from an empty cache.
"""
