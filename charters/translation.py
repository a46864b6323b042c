from modeltranslation.translator import TranslationOptions, register

from .models import Charter


@register(Charter)
class CharterTranslationOptions(TranslationOptions):
    fields = ("vision", "mission", "signatory_name", "signatory_designation")
