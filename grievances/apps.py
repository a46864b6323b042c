from django.apps import AppConfig


class GrievancesConfig(AppConfig):
    name = "grievances"
    verbose_name = "অভিযোগ প্রতিকার ব্যবস্থা (GRS)"
