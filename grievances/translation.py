from modeltranslation.translator import TranslationOptions, register

from .models import GrievanceTier


@register(GrievanceTier)
class GrievanceTierTranslationOptions(TranslationOptions):
    fields = ("when_to_contact", "contact_title", "contact_text")
