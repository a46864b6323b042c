from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_save


class PageCacheConfig(AppConfig):
    """The public pages, kept rendered until what they show changes (see pagecache.middleware).

    An app says which of its models a public page shows with a ``public_models`` attribute on its
    own AppConfig (model names, like ``["Service", "Expectation"]``): a save or delete of any of
    them, a raw one by loaddata included, renews the content version. Writes that send no signals
    (``QuerySet.update``, ``bulk_create``) call ``pagecache.versions.new_version()`` themselves.
    """

    name = "pagecache"
    verbose_name = "প্রকাশিত পাতার সংরক্ষণ"

    def ready(self):
        from .versions import content_changed

        for config in apps.get_app_configs():
            for name in getattr(config, "public_models", ()):
                model = config.get_model(name)
                uid = f"pagecache-{model._meta.label}"
                post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-save")
                post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-delete")
