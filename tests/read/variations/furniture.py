"""What the portal prints around an article: masthead, mottos, section labels, running
headers, footers, photo credits. Facts about the portal (its name, tag, URL, e-mail, the
Ferdowsi quatrain it prints) are the house style's; the other poems are written for Ganjina.
"""

from tests.read.variations.zwnj import zwnj_tree

SITE_NAME = "افغانستان آزاد – آزاد افغانستان"
TAG = "AA-AA"
URL = "www.afgazad.com"
EMAIL = "afgazad@gmail.com"

# The quatrain the portal really prints (house-style spec), one half-verse per line.
FERDOWSI = [
    "چو کشور نباشد تن من مباد",
    "بدین بوم و بر زنده یک تن مباد",
    "همه سر به سر تن به کشتن دهیم",
    "از آن به که کشور به دشمن دهیم",
]
# Other mottos an older or another file might carry: quatrains written for this corpus.
OTHER_POEMS = [
    [
        "بهار آمد به دشت و کوه و هامون",
        "ز باران سبز شد هر کوچه اکنون",
        "بیا تا دست هم گیریم یاران",
        "که این خاک است ما را خانه و خون",
    ],
    [
        "چراغی در دل شب~ها بیفروز",
        "که فردا روشن آید از پی روز",
        "اگر راهی دراز است و پر از سنگ",
        "ز همت می~توان آموخت هر روز",
    ],
    [
        "زما وطنه ته د زړه سره یې",
        "ستا د غرونو په لمن کې ژوند ښکلی دی",
        "که هر څو لرې شم له تا څخه",
        "زما د سترګو رڼا ته یې",
    ],
]

# Section labels as printed, per article language: one label or a Latin + native pair.
SECTION_LABELS = {
    "en": [["European Languages", "زبانهای اروپایی"], ["European Languages"]],
    "de": [["European Languages", "زبانهای اروپایی"], ["European Languages"]],
    "fa-AF": [["Dari", "دری"], ["دری"]],
    "ps": [["Pashto", "پښتو"], ["پښتو"]],
}

# Footer page-number forms; {p} is the PAGE field, {n} the NUMPAGES field.
FOOTERS = {
    "n": "{p}",
    "page_n_of_m": {
        "en": "Page {p} of {n}",
        "de": "Seite {p} von {n}",
        "fa-AF": "صفحه {p} از {n}",
        "ps": "مخ {p} له {n}",
    },
    "dash_n_dash": "- {p} -",
    "n_slash_m": "{p}/{n}",
    "word_n": {"en": "Page {p}", "de": "Seite {p}", "fa-AF": "صفحه {p}", "ps": "مخ {p}"},
    "url_and_n": URL + " | {p}",
}

# Photo credits. Latin credit names for the agency form, native ones for the native form.
CREDIT_NAMES = ["Rahim Sadat", "Ellen Marsh", "Jawad Noori", "Petra Lang", "Omid Karimi"]
CREDITS = {
    "agency": {
        "en": "(AP Photo/{name})",
        "de": "(AP Photo/{name})",
        "fa-AF": "(AP Photo/{name})",
        "ps": "(AP Photo/{name})",
    },
    "photo_colon": {
        "en": "(Photo: {name})",
        "de": "(Foto: {name})",
        "fa-AF": "(عکس: {name})",
        "ps": "(انځور: {name})",
    },
}
NATIVE_CREDIT_NAMES = {"fa-AF": ["نبیل احمدی", "سیما رحیمی"], "ps": ["ګل آغا", "ښکلا وردګ"]}

zwnj_tree(globals())
