"""The five seed charters, as loaded from fixtures/charters/, against the documents they come from.

The expected data below is typed from the seed documents in fixtures/seeds/ (not read
from the fixtures): service names per category in document order, officer contacts, the
office's own GRS tiers and the expectations. Rows broken across two pages are one service.
"""

import re
from html import unescape

import pytest

from grievances.models import GrievanceTier
from offices.models import Officer
from services.models import Expectation, Service

pytestmark = pytest.mark.django_db

TO_BENGALI = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")

SEED_KEYS = ["joypurhat", "kachua.chandpur", "magurasadar.magura", "natoresadar.natore", "rangpursadar.rangpur"]

# (citizen, institutional, internal) service counts per office.
COUNTS = {
    "joypurhat": [7, 11, 5],
    "kachua.chandpur": [0, 8, 0],
    "magurasadar.magura": [6, 6, 0],
    "natoresadar.natore": [6, 11, 5],
    "rangpursadar.rangpur": [6, 11, 5],
}

SEEDS = {
    # joypurhat.txt
    "joypurhat": {
        "services": {
            1: [  # ২.১ নাগরিক সেবা
                "আইসিটি অধিদপ্তর সংক্রান্ত তথ্য প্রদান",
                "মাঠ পর্যায়ের সকল ধরনের আইসিটি সংশ্লিষ্ট পণ্য ও সেবার বিষয়ে পরামর্শ ও সহায়তা প্রদান",
                "শিক্ষা প্রতিষ্ঠান ও অন্যান্য স্থানে স্থাপিত কম্পিউটার ও ভাষা শিক্ষা ল্যাবের সেবা গ্রহণ, সহায়তা ও পরামর্শ প্রদান",
                "ইউনিয়ন ডিজিটাল সেন্টার গুলোকে সহায়তা প্রদান",
                "সাইবার নিরাপত্তা বিষয়ে সচেতনতা বৃদ্ধির লক্ষ্যে প্রয়োজনীয় পরামর্শ প্রদান",
                "মানব সম্পদ উন্নয়নে বেকার যুবক-যুবতীদের কর্মসংস্থানের লক্ষ্যে আউটসোর্সিং/ ICT বিষয়ক প্রশিক্ষণ আয়োজন",
                "কোভিড-১৯ ভ্যাক্সিন ম্যানেজমেন্ট সিস্টেম “সুরক্ষা”-তে তথ্য সংশোধন",
            ],
            2: [  # ২.২ প্রাতিষ্ঠানিক সেবা
                "বিভিন্ন প্রতিবেদন/ তথ্য প্রেরণ",
                "ওয়ার্কশপ/ সেমিনার আয়োজন/ বিভিন্ন দিবস উদযাপন",
                "সরকারী বিভিন্ন দপ্তরের কর্মকর্তা ও কর্মচারীদের ICT / ই-নথি / ওয়েব পোর্টাল/ অন্যান্য বিষয়ক প্রশিক্ষণ প্রদান",
                "সরকারী/ আধাসরকারী বিভিন্ন দপ্তরের আয়োজিত বিভিন্ন ধরনের প্রশিক্ষণ কর্মশালায় আইসিটি সংশ্লিষ্ট প্রশিক্ষণ ও পরামর্শ প্রদান",
                "মানব সম্পদ উন্নয়নে শেখ রাসেল ডিজিটাল ল্যাব ব্যবহারের মাধ্যমে ছাত্র- ছাত্রীদের আইসিটি/ প্রোগ্রামিং বিষয়ে প্রশিক্ষণ প্রদান",
                "ই-নথি/ ওয়েব পোর্টাল/ ICT বিষয়ক পরামর্শ/ ট্রাবলশ্যুটিং",
                "সরকারি ও আধা-সরকারি পর্যায়ে আইসিটি বিষয়ক কারিগরি সহায়তা প্রদান",
                "সরকারি অফিস সমূহে বিভিন্ন অনলাইন ই-পদ্ধতি চালুকরণে সহায়তা প্রদান",
                "বিভিন্ন সরকারি দপ্তরসমূহের আইসিটি পণ্য ক্রয়ের ক্ষেত্রে কারিগরি পরামর্শ প্রদান",
                "শেখ রাসেল ডিজিটাল ল্যাব এর সক্ষমতা ও ব্যবহার উপযোগিতা বৃদ্ধির লক্ষ্যে ল্যাব পরিদর্শন ও প্রয়োজনীয় পরামর্শ প্রদান",
                "আইসিটি শিল্পের উন্নয়ন কার্যক্রমকে গতিশীল রাখতে জেলা পর্যায়ে আইসিটি কমিটির মাসিক সভা আয়োজন",
            ],
            3: [  # ২.৩ অভ্যন্তরীণ সেবা
                "প্রাতিষ্ঠানিক সক্ষমতা বৃদ্ধিতে কর্মকর্তা এবং কর্মচারীদের দক্ষতা বৃদ্ধির লক্ষ্যে বিভিন্ন বিষয়ক প্রশিক্ষণ প্রদান",
                "বার্ষিক কর্ম সম্পাদন চুক্তি ও জাতীয় শুদ্ধাচার কৌশল প্রণয়ন এবং বাস্তবায়ন",
                "দাপ্তরিক কার্যক্রমের সক্ষমতা বৃদ্ধিতে উপজেলা কার্যালয় পরিদর্শন",
                "উদ্ভাবনী/ ক্ষুদ্র উন্নয়ন উদ্যোগ বাস্তবায়ন",
                "দাপ্তরিক ই-নথি বাস্তবায়ন/ ওয়েব পোর্টাল হালনাগাদ",
            ],
        },
        # (office key, name, phone as stored, e-mail)
        "officers": [
            ("joypurhat", "জনাব মোঃ নাজমুল হোসেন", "০২৫৮৯৯১৫০৭৬", "doict.joypurhat@gmail.com"),
        ],
        "grs_days": [(1, 30), (2, 20)],  # (level, working days) of the office's own tiers
        "expectations": [
            "স্বয়ংসম্পূর্ণ আবেদন জমা প্রদান",
            "প্রয়োজনীয় ক্ষেত্রে যোগাযোগের জন্য ব্যক্তির নাম, ঠিকানা ও মোবাইল নম্বর আবেদনে উল্লেখ করা",
            "সাক্ষাতের জন্য নির্ধারিত সময়ের পূর্বেই উপস্থিত থাকা",
            "অন্যান্যাবশ্যিক ফোন/তদবির না করা",
            "প্রযোজ্য ক্ষেত্রে মোবাইল মেসেজ/ই-মেইলের নির্দেশনা অনুসরণ করা",
        ],
    },
    # kachua.chandpur.txt
    "kachua.chandpur": {
        "services": {
            1: [],
            2: [  # ২.২ প্রাতিষ্ঠানিক সেবা
                "মাঠ পর্যায়ের সকল ধরনের আইসিটি সমস্যার সমাধানে সহায়তা প্রদান।",
                "আইসিটি সংশ্লিষ্ট বিভিন্ন ধরনের প্রশিক্ষণ কর্মসূচিতে অংশগ্রহণ ও কর্মসূচি সম্পর্কে পরামর্শ প্রদান।",
                "শিক্ষা প্রতিষ্ঠান ও অন্যান্য স্থানে স্থাপিত কম্পিউটার ও ভাষা শিক্ষা ল্যাব হতে সেবা গ্রহণ, অভিযোগ ও পরামর্শ সম্পর্কিত।",
                "হালনাগাদ ওয়েবসাইটের মাধ্যমে জনসাধারণকে সরকারি তথ্য প্রাপ্তিতে সেবা প্রদান। এ সম্পর্কিত যেকোন অভিযোগ ও পরামর্শ।",
                "সরকারি ও আধা-সরকারি পর্যায়ে আইসিটি কারিগরি সহায়তা প্রদান।",
                "ইউনিয়ন ডিজিটাল সেন্টারগুলোকে সহায়তা প্রদান।",
                "সরকারি অফিস সমূহে বিভিন্ন অনলাইনই-পদ্ধতি চালুকরণে সহায়তা প্রদান।",
                "জাতীয় ব্যাকবোন নেটওয়ার্কের সাথে সার্বক্ষনিক সংযুক্ত রাখা।",
            ],
            3: [],
        },
        # (office key, name, phone as stored, e-mail)
        "officers": [
            ("kachua.chandpur", "জনাব মোঃ মোশারফ হোসেন", "০১৮১১৮৩২৬৩৭", "doicktachua@gmail.com"),
        ],
        "grs_days": [],  # (level, working days) of the office's own tiers
        "expectations": [],
    },
    # magura-upazila.txt
    "magurasadar.magura": {
        "services": {
            1: [  # ২.১ নাগরিক সেবা
                "আইসিটি অধিদপ্তর সংক্রান্ত তথ্য প্রদান",
                "মাঠ পর্যায়ের সকল ধরনের আইসিটি সমস্যার সমাধানে সহায়তা প্রদান",
                "আইসিটি সংশ্লিষ্ট বিভিন্ন ধরণের প্রশিক্ষণ কর্মসূচিতে অংশগ্রহণ ও কর্মসূচি সম্পর্কে পরামর্শ প্রদান",
                "শিক্ষা প্রতিষ্ঠান ও অন্যান্য স্থানে স্থাপিত কম্পিউটার ও ভাষা শিক্ষা ল্যাব হতে সেবা গ্রহণ, অভিযোগ ও পরামর্শ সম্পর্কিত",
                "আইসিটি সংশ্লিষ্ট পন্য ও সেবার বিষয়ে পরামর্শ প্রদান",
                "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তরের বিভিন্ন প্রকল্পের তথ্য প্রদান",
            ],
            2: [  # ২.২ প্রাতিষ্ঠানিক সেবা
                "ই-নথি বিষয়ক পরামর্শ/ট্রাবলশ্যুটিং",
                "ওয়েব পোর্টাল বিষয়ক পরামর্শ/ট্রাবলশ্যুটিং",
                "সরকারি ও আধা-সরকারি পর্যায়ে আইসিটি বিষয়ক কারিগরি সহায়তা প্রদান",
                "ইউনিয়ন ডিজিটাল সেন্টারগুলোকে সহায়তা প্রদান",
                "সরকারি অফিস সমূহে বিভিন্ন অনলাইন ই-পদ্ধতি চালুকরণে সহায়তা প্রদান",
                "সরকারি অফিস সমূহকে জাতীয় নেটওয়ার্ক ব্যাকবোনের সাথে সার্বক্ষনিক সংযুক্তি রাখা জন্য সহায়তা প্রদান",
            ],
            3: [],
        },
        # (office key, name, phone as stored, e-mail)
        "officers": [
            ("magurasadar.magura", "জনাব মো: রফিকুল ইসলাম", "+৮৮০৪৮৫২-৭৫০৭২", "rafiqdoict@gmail.com"),
            ("magura", "", "+৮৮০৪৮৮-৫১০৮৭", "programmer.magura@gmail.com"),
        ],
        "superior_email": "programmer.magura@gmail.com",
        "grs_days": [],  # (level, working days) of the office's own tiers
        "expectations": [],
    },
    # natoresadar.natore.txt
    "natoresadar.natore": {
        "services": {
            1: [  # ২.১ নাগরিক সেবা
                "আইসিটি অধিদপ্তর সংক্রান্ত তথ্য প্রদান",
                "মাঠ পর্যায়ের সকল ধরনের আইসিটি সংশ্লিষ্ট পণ্য ও সেবার বিষয়ে পরামর্শ ও সহায়তা প্রদান",
                "শিক্ষা প্রতিষ্ঠান ও অন্যান্য স্থানে স্থাপিত কম্পিউটার ওভাষা শিক্ষা ল্যাবের সেবা গ্রহণ, সহায়তা ও পরামর্শ প্রদান",
                "ইউনিয়ন ডিজিটাল সেন্টার গুলোকে সহায়তা প্রদান",
                "সাইবার নিরাপত্তা বিষয়ে সচেতনতা বৃদ্ধির লক্ষ্যে প্রয়োজনীয় পরামর্শ প্রদান",
                "মানব সম্পদ উন্নয়নে বেকার যুবক-যুবতীদের কর্মসংস্থানের লক্ষ্যে আউটসোর্সিং/ ICT বিষয়ক প্রশিক্ষণ আয়োজন",
            ],
            2: [  # ২.২ প্রাতিষ্ঠানিক সেবা
                "বিভিন্ন প্রতিবেদন/ তথ্য প্রেরণ",
                "ওয়ার্কশপ/ সেমিনার আয়োজন/ বিভিন্ন দিবস উদযাপন",
                "সরকারী বিভিন্ন দপ্তরের কর্মকর্তা ও কর্মচারীদের ICT /ই- নথি/ওয়েবপোর্টাল/অন্যান্য বিষয়ক প্রশিক্ষণ প্রদান।",
                "সরকারী/আধা সরকারী বিভিন্ন দপ্তরের আয়োজিত বিভিন্ন ধরনের প্রশিক্ষণ কর্মশালায় আইসিটি সংশ্লিষ্ট প্রশিক্ষণ ও পরামর্শ প্রদান",
                "মানব সম্পদ উন্নয়নে শেখ রাসেল ডিজিটাল ল্যাব ব্যবহারের মাধ্যমে ছাত্রছাত্রীদের আইসিটি/ প্রোগ্রামিং বিষয়ে প্রশিক্ষণ প্রদান",
                "ই-নথি/ ওয়েব পোর্টাল/ ICT বিষয়ক পরামর্শ/ট্রাবলশ্যুটিং",
                "সরকারি ও আধা-সরকারি পর্যায়ে আইসিটি বিষয়ক কারিগরি সহায়তা প্রদান",
                "সরকারি অফিস সমূহে বিভিন্ন অনলাইন ই-পদ্ধতি চালু করণে সহায়তা প্রদান",
                "বিভিন্ন সরকারি দপ্তর সমূহের আইসিটি পণ্য ক্রয়ের ক্ষেত্রে কারিগরি পরামর্শ প্রদান",
                "শেখ রাসেল ডিজিটাল ল্যাব এর সক্ষমতা ও ব্যবহার উপযোগিতা বৃদ্ধির লক্ষ্যে ল্যাব পরিদর্শন ও প্রয়োজনীয় পরামর্শ প্রদান",
                "আইসিটি শিল্পের উন্নয়ন কার্যক্রমকে গতিশীল রাখতে জেলা পর্যায়ে আইসিটি কমিটির মাসিক সভা আয়োজন",
            ],
            3: [  # ২.৩ অভ্যন্তরীণ সেবা
                "প্রাতিষ্ঠানিক সক্ষমতা বৃদ্ধিতে কর্মকর্তা এবং কর্মচারীদের দক্ষতা বৃদ্ধির লক্ষ্যে বিভিন্ন বিষয়ক প্রশিক্ষণ প্রদান",
                "বার্ষিক কর্মসম্পাদন চুক্তি ও জাতীয় শুদ্ধাচার কৌশল প্রণয়ন এবং বাস্তবায়ন",
                "দাপ্তরিক কার্যক্রমের সক্ষমতা বৃদ্ধিতে উপজেলা কার্যালয় পরিদর্শন",
                "উদ্ভাবনী/ ক্ষুদ্র উন্নয়ন উদ্যোগ বাস্তবায়ন",
                "দাপ্তরিক ই-নথি বাস্তবায়ন/ ওয়েব পোর্টাল হালনাগাদ",
            ],
        },
        # (office key, name, phone as stored, e-mail)
        "officers": [
            ("natoresadar.natore", "জনাব মোঃ নাজমুল হক", "+০২৫৮৮৮৭৩৪২৪", "nazmul.rone@gmail.com"),
        ],
        "grs_days": [],  # (level, working days) of the office's own tiers
        "expectations": [],
    },
    # rangpursadar.rangpur.txt
    "rangpursadar.rangpur": {
        "services": {
            1: [  # ২.১ নাগরিক সেবা
                "আইসিটি অধিদপ্তর সংক্রান্ত তথ্য প্রদান",
                "মাঠ পর্যায়ের সকল ধরনের আইসিটি সংশ্লিষ্ট পণ্য ও সেবার বিষয়ে পরামর্শ ও সহায়তা প্রদান",
                "শিক্ষা প্রতিষ্ঠান ও অন্যান্য স্থানে স্থাপিত কম্পিউটার ও ভাষা শিক্ষা ল্যাবের সেবা গ্রহণ, সহায়তা ও পরামর্শ প্রদান",
                "ইউনিয়ন ডিজিটাল সেন্টার গুলোকে সহায়তা প্রদান",
                "সাইবার নিরাপত্তা বিষয়ে সচেতনতা বৃদ্ধির লক্ষ্যে প্রয়োজনীয় পরামর্শ প্রদান",
                "মানব সম্পদ উন্নয়নে বেকার যুবক- যুবতীদের কর্মসং স্থানের লক্ষ্যে আউটসোর্সিং/ ICT বিষয়ক প্রশিক্ষণ আয়োজন",
            ],
            2: [  # ২.২ প্রাতিষ্ঠানিক সেবা
                "বিভিন্ন প্রতিবেদন/ তথ্য প্রেরণ",
                "ওয়ার্কশপ/ সেমিনার আয়োজন/ বিভিন্ন দিবস উদযাপন",
                "সরকারী বিভিন্ন দপ্তরের কর্মকর্তা ও কর্মচারীদের ICT / ই-নথি / ওয়েব পোর্টাল/ অন্যান্য বিষয়ক প্রশিক্ষণ প্রদান",
                "সরকারী/ আধাসরকারী বিভিন্ন দপ্তরের আয়োজিত বিভিন্ন ধরনের প্রশিক্ষণ কর্মশালায় আইসিটি সংশ্লিষ্ট প্রশিক্ষণ ও পরামর্শ প্রদান",
                "মানব সম্পদ উন্নয়নে শেখ রাসেল ডিজিটাল ল্যাব ব্যবহারের মাধ্যমে ছাত্র- ছাত্রীদের আইসিটি/ প্রোগ্রামিং বিষয়ে প্রশিক্ষণ প্রদান",
                "ই-নথি/ ওয়েব পোর্টাল/ ICT বিষয়ক পরামর্শ/ ট্রাবলশ্যুটিং",
                "সরকারি ও আধা- সরকারি পর্যায়ে আইসিটি বিষয়ক কারিগরি সহায়তা প্রদান",
                "সরকারি অফিস সমূহে বিভিন্ন অনলাইন ই-পদ্ধতি চালুকরণে সহায়তা প্রদান",
                "বিভিন্ন সরকারি দপ্তরসমূহের আইসিটি পণ্য ক্রয়ের ক্ষেত্রে কারিগরি পরামর্শ প্রদান",
                "শেখ রাসেল ডিজিটাল ল্যাব এর সক্ষমতা ও ব্যবহার উপযোগিতা বৃদ্ধির লক্ষ্যে ল্যাব পরিদর্শন ও প্রয়োজনীয় পরামর্শ প্রদান",
                "আইসিটি শিল্পের উন্নয়ন কার্যক্রমকে গতিশীল রাখতে উপজেলা পর্যায়ে আইসিটি কমিটির মাসিক সভা আয়োজন",
            ],
            3: [  # ২.৩ অভ্যন্তরীণ সেবা
                "প্রাতিষ্ঠানিক সক্ষমতা বৃদ্ধিতে কর্মকর্তা এবং কর্মচারীদের দক্ষতা বৃদ্ধির লক্ষ্যে বিভিন্ন বিষয়ক প্রশিক্ষণ প্রদান",
                "বার্ষিক কর্ম সম্পাদন চুক্তি ও জাতীয় শুদ্ধাচার কৌশল প্রণয়ন এবং বাস্তবায়ন",
                "উদ্ভাবনী/ ক্ষুদ্র উন্নয়ন উদ্যোগ বাস্তবায়ন",
                "দাপ্তরিক ই-নথি বাস্তবায়ন/ ওয়েব পোর্টাল হালনাগাদ",
                "দাপ্তরিক সকল রেজিস্টার হালনাগাদকরণ",
            ],
        },
        # (office key, name, phone as stored, e-mail)
        "officers": [
            ("rangpursadar.rangpur", "", "+৮৮০২৫৮৯৯৬২৪৮৮", "rangpursadardoict@gmail.com"),
        ],
        "superior_email": "rangpursadardoict@gmail.com",
        "grs_days": [(1, 30), (2, 20)],  # (level, working days) of the office's own tiers
        "expectations": [
            "স্বয়ং সম্পূর্ণ আবেদন জমা প্রদান",
            "প্রয়োজনীয় ক্ষেত্রে যোগাযোগের জন্য ব্যক্তির নাম, ঠিকানা ও মোবাইল নম্বর আবেদনে উল্লেখ করা",
            "সাক্ষাতের জন্য নির্ধারিত সময়ের পূর্বেই উপস্থিত থাকা",
            "অন্যাবশ্যক ফোন/তদবির না করা",
            "প্রয়োজ্য ক্ষেত্রে মোবাইল মেসেজ/ই-মেইলের নির্দেশনা অনুসরণ করা",
        ],
    },
}


def _names(key, category):
    return list(
        Service.objects.filter(office__key=key, category=category).order_by("serial").values_list("name_bn", flat=True)
    )


# ---------------------------------------------------------------- database content


@pytest.mark.parametrize("key", SEED_KEYS)
@pytest.mark.parametrize("category", [1, 2, 3])
def test_service_names_in_document_order(key, category):
    assert _names(key, category) == SEEDS[key]["services"][category]


@pytest.mark.parametrize("key", SEED_KEYS)
def test_service_counts(key):
    counts = [Service.objects.filter(office__key=key, category=c).count() for c in (1, 2, 3)]
    assert counts == COUNTS[key]


@pytest.mark.parametrize("key", SEED_KEYS)
@pytest.mark.parametrize("category", [1, 2, 3])
def test_serials_run_from_one_without_gaps(key, category):
    serials = list(
        Service.objects.filter(office__key=key, category=category).order_by("serial").values_list("serial", flat=True)
    )
    assert serials == list(range(1, len(SEEDS[key]["services"][category]) + 1))


@pytest.mark.parametrize("key", SEED_KEYS)
def test_expectations(key):
    texts = list(Expectation.objects.filter(office__key=key).order_by("serial").values_list("text_bn", flat=True))
    serials = list(Expectation.objects.filter(office__key=key).order_by("serial").values_list("serial", flat=True))
    assert texts == SEEDS[key]["expectations"]
    assert serials == list(range(1, len(texts) + 1))


@pytest.mark.parametrize("key", SEED_KEYS)
def test_officer_contacts(key):
    for office_key, name, phone, email in SEEDS[key]["officers"]:
        officer = Officer.objects.get(office__key=office_key, email=email)
        assert officer.name_bn == name
        assert officer.phone == phone


@pytest.mark.parametrize("key", SEED_KEYS)
def test_every_service_names_the_charters_officers(key):
    own_email = SEEDS[key]["officers"][0][3]
    superior_email = SEEDS[key].get("superior_email")
    for service in Service.objects.filter(office__key=key).select_related("responsible_officer", "superior_officer"):
        assert service.responsible_officer is not None and service.responsible_officer.email == own_email
        if superior_email:
            assert service.superior_officer is not None and service.superior_officer.email == superior_email
        else:
            assert service.superior_officer is None


@pytest.mark.parametrize("key", SEED_KEYS)
def test_grs_days(key):
    tiers = GrievanceTier.objects.filter(office__key=key).order_by("level")
    assert [(t.level, t.resolution_days) for t in tiers] == SEEDS[key]["grs_days"]


def test_no_office_writes_its_own_national_tier():
    assert not GrievanceTier.objects.filter(level=3, office__isnull=False).exists()
    assert GrievanceTier.objects.filter(level=3, office__isnull=True).count() == 1


# ---------------------------------------------------------------- rows broken across pages


def test_kachua_row_4_is_one_service():
    service = Service.objects.get(office__key="kachua.chandpur", category=2, serial=4)
    assert service.name_bn == (
        "হালনাগাদ ওয়েবসাইটের মাধ্যমে জনসাধারণকে সরকারি তথ্য প্রাপ্তিতে সেবা প্রদান। এ সম্পর্কিত যেকোন অভিযোগ ও পরামর্শ।"
    )
    assert service.delivery_method_bn == "১. দাপ্তরিক ওয়েব সাইটের মাধ্যমে ২. টেলিফোনে যোগাযোগ ৩.ই-মেইলের মাধ্যমে"
    assert service.required_papers_bn == "দাপ্তরিক ওয়েব সাইট,জেলা,কার্যালয়, উপজেলা কার্যালয়"
    assert service.fee_bn == "বিনামূল্যে"
    assert service.time_limit_bn == "তাৎক্ষনিক/ ০৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)"
    assert Service.objects.filter(office__key="kachua.chandpur").count() == 8


def test_rangpur_institutional_rows_are_whole():
    serials = list(
        Service.objects.filter(office__key="rangpursadar.rangpur", category=2)
        .order_by("serial")
        .values_list("serial", flat=True)
    )
    assert serials == list(range(1, 12))
    first = Service.objects.get(office__key="rangpursadar.rangpur", category=2, serial=1)
    assert first.name_bn == "বিভিন্ন প্রতিবেদন/ তথ্য প্রেরণ"
    assert first.time_limit_bn == "তাৎক্ষনিক/ প্রাপ্ত পত্র অনুযায়ী কার্যদিবস (প্রযোজ্য ক্ষেত্রে)"
    fifth = Service.objects.get(office__key="rangpursadar.rangpur", category=2, serial=5)
    assert fifth.name_bn == (
        "মানব সম্পদ উন্নয়নে শেখ রাসেল ডিজিটাল ল্যাব ব্যবহারের মাধ্যমে ছাত্র- ছাত্রীদের আইসিটি/ প্রোগ্রামিং বিষয়ে প্রশিক্ষণ প্রদান"
    )
    assert fifth.time_limit_bn == "তাৎক্ষণিক/কার্য দিবস (প্রযোজ্য ক্ষেত্রে)"


def test_rangpur_internal_row_3_is_whole():
    third = Service.objects.get(office__key="rangpursadar.rangpur", category=3, serial=3)
    assert third.name_bn == "উদ্ভাবনী/ ক্ষুদ্র উন্নয়ন উদ্যোগ বাস্তবায়ন"
    assert third.time_limit_bn == "তাৎক্ষণিক/ কার্যদিবস (প্রয়োজ্য ক্ষেত্রে)"
    assert third.required_papers_bn == "অফিস আদেশ/ চাহিদা অনুযায়ী"
    assert third.papers_source_bn == "অফিস আদেশ/ চাহিদা অনুযায়ী"
    assert third.fee_bn == "নীতিমালা অনুযায়ী"
    assert Service.objects.filter(office__key="rangpursadar.rangpur", category=3).count() == 5


def test_magura_multiline_cells_keep_their_lines():
    # magura-upazila.txt writes য় as the single code point U+09DF, where the other four
    # documents write য + nukta (U+09AF U+09BC); the fixtures keep each document's own form.
    ya = "\u09df"
    service = Service.objects.get(office__key="magurasadar.magura", category=1, serial=1)
    assert service.delivery_method_bn == (
        f"১। দাপ্তরিক ও{ya}েব সাইটের মাধ্যমে\n২। টেলিফোন যোগাযোগ\n৩। ই-মেইলের মাধ্যমে\n৪। ব্যক্তিগত উপস্থিতির মাধ্যমে যোগাযোগ"
    )
    assert service.required_papers_bn == (f"1)  প্রযোজ্য ক্ষেত্রে সাদা কাগজে আবেদন পত্র/দাপ্তরিক ও{ya}েবসাইট ও আঞ্চলিক কার্যাল{ya}")
    last = Service.objects.get(office__key="magurasadar.magura", category=2, serial=6)
    assert last.time_limit_bn == f"৩ কার্যদিবস/ প্র{ya}োজন অনুযা{ya}ী"
    assert last.responsible_officer.email == "rafiqdoict@gmail.com"


def test_no_markup_stored():
    for service in Service.objects.filter(office__key__in=SEED_KEYS):
        for field in (
            "name_bn",
            "delivery_method_bn",
            "required_papers_bn",
            "papers_source_bn",
            "fee_bn",
            "time_limit_bn",
        ):
            assert "<b>" not in getattr(service, field) and "</b>" not in getattr(service, field)
    assert not Officer.objects.filter(name_bn__contains="<b>").exists()


# ---------------------------------------------------------------- the charter page


def _section(html, element_id):
    marker = f'id="{element_id}"'
    start = html.find(marker)
    assert start != -1, f"no element with {marker}"
    end = html.find("</section>", start)
    return html[start:] if end == -1 else html[start:end]


def _text(html):
    text = re.sub(r"<[^>]+>", " ", html.replace("<wbr>", ""))  # a line-break opportunity, not a space
    return _squash(unescape(text))


def _squash(text):
    return re.sub(r"\s+", " ", text).strip()


def _page(client, key):
    response = client.get(f"/office/{key}/")
    assert response.status_code == 200
    return response.content.decode("utf-8")


@pytest.mark.parametrize("key", SEED_KEYS)
def test_page_lists_every_service_in_its_section(client, key):
    html = _page(client, key)
    for category in (1, 2, 3):
        names = SEEDS[key]["services"][category]
        if not names:
            assert f'id="services-{category}"' not in html
            continue
        section = _text(_section(html, f"services-{category}"))
        for name in names:
            assert _squash(name) in section, (category, name)


@pytest.mark.parametrize("key", SEED_KEYS)
def test_page_shows_officer_contacts(client, key):
    text = _text(_page(client, key))
    for _office_key, _name, phone, email in SEEDS[key]["officers"]:
        assert phone.translate(TO_BENGALI) in text
        assert email in text


@pytest.mark.parametrize("key", ["joypurhat", "rangpursadar.rangpur"])
def test_page_shows_grs_days(client, key):
    grs = _text(_section(_page(client, key), "grs"))
    for days in ("৩০", "২০", "৬০"):
        assert days in grs


@pytest.mark.parametrize("key", ["joypurhat", "rangpursadar.rangpur"])
def test_page_shows_expectations(client, key):
    section = _text(_section(_page(client, key), "expectations"))
    for text in SEEDS[key]["expectations"]:
        assert _squash(text) in section


@pytest.mark.parametrize("key", ["kachua.chandpur", "natoresadar.natore", "magurasadar.magura"])
def test_page_without_grs_or_expectations(client, key):
    html = _page(client, key)
    assert 'id="grs"' not in html
    assert 'id="expectations"' not in html


def test_kachua_officer_shown_without_markup(client):
    section = _section(_page(client, "kachua.chandpur"), "services-2")
    assert "<b>" not in section and "&lt;b&gt;" not in section
    assert "জনাব মোঃ মোশারফ হোসেন" in _text(section)
