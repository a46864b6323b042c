from django.db import models


class ContentVersion(models.Model):
    """One row whose token changes whenever anything a public page shows changes.

    The public pages are kept per worker under this token (pagecache.middleware). A random token
    rather than a counter, so a version is never used twice, even after the database is restored
    from a backup while workers still hold pages in memory.
    """

    token = models.CharField(max_length=32)

    class Meta:
        db_table = "offices_contentversion"  # made by offices before the page cache was its own app
        verbose_name = "প্রকাশিত তথ্যের সংস্করণ"
