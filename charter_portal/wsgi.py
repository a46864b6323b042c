import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "charter_portal.settings")

application = get_wsgi_application()

# Each gunicorn worker imports this module after the fork (unless --preload): start the page
# cache's listener now rather than on the first kept page, so every worker follows the content
# version from its first request on. (With --preload the master starts one too; each worker, a new
# process, starts its own on first use: pagecache.listener checks the pid.)
from pagecache.listener import start_if_enabled  # noqa: E402

start_if_enabled()
