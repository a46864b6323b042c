"""A promise in words, in the page's language and digits: "৫ কার্যদিবস", "একই দিনে (তাৎক্ষণিক)"."""

from django import template

register = template.Library()


@register.filter
def promise_words(promise):
    return promise.words
