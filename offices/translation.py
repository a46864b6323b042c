from modeltranslation.translator import TranslationOptions, register

from .models import District, Division, Office, Officer, Upazila


@register(Division)
@register(District)
@register(Upazila)
class AreaTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Office)
class OfficeTranslationOptions(TranslationOptions):
    fields = ("name", "address")


@register(Officer)
class OfficerTranslationOptions(TranslationOptions):
    fields = ("name", "designation", "branch")
