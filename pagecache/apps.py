from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "প্রকাশিত পাতার ক্যাশ"

    def ready(self):
        from . import signals

        signals.connect_published_models()
