from modeltranslation.translator import TranslationOptions, register

from .models import Expectation, Service, ServiceListing


@register(Service)
@register(ServiceListing)
class ServiceTranslationOptions(TranslationOptions):
    fields = Service.TEXT_FIELDS


@register(Expectation)
class ExpectationTranslationOptions(TranslationOptions):
    fields = ("text",)
