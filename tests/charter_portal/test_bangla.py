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


# Bengali alphabetical order (issue 14): one key for every list a citizen scans.
def test_divisions_sort_in_dictionary_order_not_dataset_or_code_point_order():
    from charter_portal.bangla import sort_key

    dataset = ["বরিশাল", "চট্টগ্রাম", "ঢাকা", "খুলনা", "ময়মনসিংহ", "রাজশাহী", "রংপুর", "সিলেট"]
    assert sorted(dataset, key=sort_key) == [
        "খুলনা", "চট্টগ্রাম", "ঢাকা", "বরিশাল", "ময়মনসিংহ", "রংপুর", "রাজশাহী", "সিলেট",
    ]  # fmt: skip


def test_nukta_letters_sort_beside_their_base_letter_whichever_way_they_are_encoded():
    from charter_portal.bangla import sort_key

    composed, decomposed = "জ\u09dfপুরহাট", "জ\u09af\u09bcপুরহাট"  # য় as one code point, or য + nukta
    assert sort_key(composed) == sort_key(decomposed)
    # code-point order puts য় (U+09DF) after every other letter, so জয়পুরহাট would follow জামালপুর
    assert sorted(["জামালপুর", composed], key=sort_key) == [composed, "জামালপুর"]
    assert sorted(["নাটোর", "নড়াইল", "নওগাঁ"], key=sort_key) == ["নওগাঁ", "নড়াইল", "নাটোর"]
    assert sort_key("ো") == sort_key("\u09c7\u09be")  # ো as one vowel sign or as ে + া


def test_the_inherent_vowel_comes_first_and_conjuncts_last():
    from charter_portal.bangla import sort_key

    assert sorted(["কুমিল্লা", "কিশোরগঞ্জ", "কক্সবাজার", "কাশিমপুর"], key=sort_key) == [
        "কক্সবাজার", "কাশিমপুর", "কিশোরগঞ্জ", "কুমিল্লা",
    ]  # fmt: skip
    assert sorted(["Rangpur", "barisal", "Dhaka"], key=sort_key) == ["barisal", "Dhaka", "Rangpur"]
    assert sorted(["১০", "২"], key=sort_key) == ["১০", "২"]  # digit by digit, like the letters


def test_every_district_of_the_country_in_order(db):
    import unicodedata

    from charter_portal.bangla import by_name
    from offices.models import District

    names = [unicodedata.normalize("NFC", district.name) for district in by_name(District.objects.all())]
    assert len(names) == 64 and names[0] == "কক্সবাজার" and names[-1] == "হবিগঞ্জ"
    assert names.index(unicodedata.normalize("NFC", "জয়পুরহাট")) == names.index("জামালপুর") - 1


# Addresses that wrap only at their punctuation, and contact text with links (issue 14).
def test_identifier_breaks_only_at_its_punctuation_and_escapes():
    from charter_portal.bangla import identifier

    html = identifier("doict.joypurhat@gmail.com")
    assert html == '<span class="identifier">doict<wbr>.joypurhat<wbr>@gmail<wbr>.com</span>'
    assert identifier("http://a.gov.bd/<b>") == (
        '<span class="identifier">http://<wbr>a<wbr>.gov<wbr>.bd/<wbr>&lt;b&gt;</span>'
    )


def test_contact_text_gets_tel_mailto_and_web_links_with_bengali_digits_on_bengali_pages():
    from django.utils import translation

    from charter_portal.bangla import contact_links

    text = "জনাব মোঃ ফিরোজ সরকার ফোনঃ +৮৮০ ২৪১ ০২৪০৭০ ই-মেইলঃ ddadmin@doict.gov.bd ওয়েবঃ www.doict.gov.bd ৫নং গেইট <b>"
    with translation.override("bn"):
        html = contact_links(text)
    assert '<a href="tel:+880241024070">+৮৮০ ২৪১ ০২৪০৭০</a>' in html
    assert 'href="mailto:ddadmin@doict.gov.bd"' in html and 'href="https://www.doict.gov.bd"' in html
    assert "৫নং গেইট" in html and "tel:5" not in html  # a gate number is not a telephone
    assert "&lt;b&gt;" in html and "<b>" not in html
    with translation.override("en"):
        assert '<a href="tel:+880241024070">+880 241 024070</a>' in contact_links(text)
