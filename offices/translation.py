from modeltranslation.translator import TranslationOptions, register

from .models import Charter, District, Division, Office, Officer, Upazila


@register(Division)
@register(District)
@register(Upazila)
class AreaTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Office)
class OfficeTranslationOptions(TranslationOptions):
    fields = ("name", "address")


@register(Charter)
class CharterTranslationOptions(TranslationOptions):
    fields = ("vision", "mission", "signatory_name", "signatory_designation")


@register(Officer)
class OfficerTranslationOptions(TranslationOptions):
    fields = ("name", "designation", "branch")
