from django.template import Context, Template

from charter_portal.bangla import bengali_digits, tel_href


def test_ascii_digits_become_bengali():
    assert bengali_digits("তাৎক্ষনিক/ 3 কার্যদিবস") == "তাৎক্ষনিক/ ৩ কার্যদিবস"
    assert bengali_digits(2023) == "২০২৩"
    assert bengali_digits("05/12/2023") == "০৫/১২/২০২৩"


def test_bengali_digits_are_left_as_they_are():
    assert bengali_digits("+৮৮০২৫৮৯৯৬২৪৮৮") == "+৮৮০২৫৮৯৯৬২৪৮৮"


def test_email_addresses_keep_their_digits():
    assert bengali_digits("ফোন: 01811 rafiq2doict@gmail.com") == "ফোন: ০১৮১১ rafiq2doict@gmail.com"


def test_urls_keep_their_digits():
    text = "ওয়েব: www.doict2.gov.bd ও http://example.gov.bd/p/12 পৃষ্ঠা 3"
    assert bengali_digits(text) == "ওয়েব: www.doict2.gov.bd ও http://example.gov.bd/p/12 পৃষ্ঠা ৩"


def test_empty_values():
    assert bengali_digits(None) == ""
    assert bengali_digits("") == ""


def test_filter_is_a_builtin_and_still_escapes():
    rendered = Template("{{ value|bn_digits }}").render(Context({"value": "<b>12</b>"}))
    assert rendered == "&lt;b&gt;১২&lt;/b&gt;"


def test_tel_links_use_ascii_digits():
    assert tel_href("+৮৮০ ২৪১ ০২৪০৭০") == "+880241024070"
    assert tel_href("০১৭২২-৪৫৬৪২১") == "01722456421"
