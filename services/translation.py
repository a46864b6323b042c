from modeltranslation.translator import TranslationOptions, register

from .models import Expectation, Service


@register(Service)
class ServiceTranslationOptions(TranslationOptions):
    fields = ("name", "delivery_method", "required_papers", "papers_source", "fee", "time_limit")


@register(Expectation)
class ExpectationTranslationOptions(TranslationOptions):
    fields = ("text",)
