"""The judged queries, written by hand: what is typed, and what the reader means.

Each query says what it is *about*; ``judge.py`` turns that into graded judgments over
the corpus (``corpus.py``):

* ``topic`` (with ``lang``): records of that topic in that language are relevant (2);
  records of that language mentioning the topic in an aside are somewhat relevant (1);
  with ``forms`` (the forms of the word the reader means, written out), only records
  of the topic using one of them are relevant (2), the topic's others and any other
  record using one are somewhat relevant (1);
* ``place``: records about the place, in any language and script, are relevant (2);
  records mentioning it in passing, somewhat (1); a reader typing ``Herat`` means the
  city, whatever script the article is in (with ``lang``, only records in that language:
  ``Kunduz lang:dari`` asks for Dari records, which spell it کندز);
* ``person``: records naming the person, in any script (2);
* phrase queries (with ``topic``): records using the sentence or title holding the
  phrase (2); other records of the topic, somewhat (1);
* ``dates`` (``[first, last]``, ISO) and ``section`` narrow any of these.

Kinds: ``word-form`` (another form of the word than the records use), ``cross-script``
(names), ``phrase``, ``date``, ``section``, ``misspelling``.
"""

from __future__ import annotations

from typing import Any

SH_1400 = ["2021-03-21", "2022-03-20"]
SH_1401 = ["2022-03-21", "2023-03-20"]
SH_1402 = ["2023-03-21", "2024-03-19"]


def q(query: str, language: str, kind: str, **about: Any) -> dict[str, Any]:
    return {"query": query, "language": language, "kind": kind, "about": about}


QUERIES: list[dict[str, Any]] = [
    # -- English ----------------------------------------------------------------------
    q("flood", "en", "word-form", topic="flood", lang="en",
      forms="flood floods flooded flooding"),
    q("floods", "en", "word-form", topic="flood", lang="en",
      forms="flood floods flooded flooding"),
    q("droughts", "en", "word-form", topic="drought", lang="en", forms="drought droughts"),
    q("elected", "en", "word-form", topic="election", lang="en",
      forms="elected election elections"),
    q("vaccinate", "en", "word-form", topic="health", lang="en",
      forms="vaccination vaccinated vaccinate"),
    q("bookshop", "en", "word-form", topic="books", lang="en", forms="bookshop bookshops"),
    q("refugee", "en", "word-form", topic="refugees", lang="en", forms="refugee refugees"),
    q("harvesting", "en", "word-form", topic="harvest", lang="en",
      forms="harvest harvests harvesting"),
    q("Herat", "en", "cross-script", place="Herat"),
    q("Mazar-e Sharif", "en", "cross-script", place="Mazar-i-Sharif"),
    q("Kunduz lang:dari", "en", "cross-script", place="Kunduz", lang="fa-AF"),
    q("Khalilzad lang:pashto", "en", "cross-script", person="Khalilzad", lang="ps"),
    q("Baheer lang:dari", "en", "cross-script", person="Baheer", lang="fa-AF"),
    q("Lashkar Gah lang:pashto", "en", "cross-script", place="Lashkar Gah", lang="ps"),
    q('"polling stations"', "en", "phrase", topic="election", lang="en"),
    q('"cricket league"', "en", "phrase", topic="cricket", lang="en"),
    q('"new canal"', "en", "phrase", topic="water", lang="en"),
    q("flooded date:2022", "en", "date", topic="flood", lang="en",
      dates=["2022-01-01", "2022-12-31"], forms="flood floods flooded flooding"),
    q("schools date:1401", "en", "date", topic="school", lang="en", dates=SH_1401,
      forms="school schools schooling"),
    q("refugees section:european-languages", "en", "section", topic="refugees", lang="en",
      section="european-languages", forms="refugee refugees"),
    q("flodded", "en", "misspelling", topic="flood", lang="en",
      forms="flood floods flooded flooding"),
    q("Kandhar", "en", "misspelling", place="Kandahar"),
    q("hospitl", "en", "misspelling", topic="health", lang="en", forms="hospital hospitals"),
    q("electon", "en", "misspelling", topic="election", lang="en",
      forms="election elections elected"),
    # -- German -----------------------------------------------------------------------
    q("Überschwemmung", "de", "word-form", topic="flood", lang="de",
      forms="überschwemmung überschwemmungen"),
    q("Wahlen", "de", "word-form", topic="election", lang="de",
      forms="wahl wahlen wahllokale wahltag"),
    q("Buch", "de", "word-form", topic="books", lang="de",
      forms="bücher buchhandlung buchhandlungen schulbücher bücherstraße buchhändler"),
    q("Schule", "de", "word-form", topic="school", lang="de",
      forms="schule schulen mädchenschule schulunterricht"),
    q("Flüchtling", "de", "word-form", topic="refugees", lang="de",
      forms="flüchtlinge flüchtlingslager"),
    q("Wasser", "de", "word-form", topic="water", lang="de",
      forms="wasser wasserrechte trinkwasserversorgung trinkwasser"),
    q("Ernte", "de", "word-form", topic="harvest", lang="de", forms="ernte ernten safranernte"),
    q("Kricket", "de", "word-form", topic="cricket", lang="de",
      forms="kricket kricketliga kricketspieler"),
    q("Masar-e Scharif", "de", "cross-script", place="Mazar-i-Sharif"),
    q("Kundus", "de", "cross-script", place="Kunduz"),
    q("Dschalalabad lang:dari", "de", "cross-script", place="Jalalabad", lang="fa-AF"),
    q("Tawana lang:dari", "de", "cross-script", person="Tawana", lang="fa-AF"),
    q('"neue Kanal"', "de", "phrase", topic="water", lang="de"),
    q('"gebrauchte Bücher"', "de", "phrase", topic="books", lang="de"),
    q('"von Haus zu Haus"', "de", "phrase", topic="health", lang="de"),
    q("Hochwasser date:2021", "de", "date", topic="flood", lang="de",
      dates=["2021-01-01", "2021-12-31"], forms="hochwasser"),
    q("Schulen date:1400", "de", "date", topic="school", lang="de", dates=SH_1400,
      forms="schule schulen mädchenschule schulunterricht"),
    q("Dürre section:european-languages", "de", "section", topic="drought", lang="de",
      section="european-languages", forms="dürre dürren"),
    q("Überschwemung", "de", "misspelling", topic="flood", lang="de",
      forms="überschwemmung überschwemmungen"),
    q("Flüchtlnge", "de", "misspelling", topic="refugees", lang="de",
      forms="flüchtlinge flüchtlingslager"),
    q("Kricketlieg", "de", "misspelling", topic="cricket", lang="de", forms="kricketliga"),
    # -- Dari -------------------------------------------------------------------------
    q("سیل", "fa-AF", "word-form", topic="flood", lang="fa-AF",
      forms="سیل سیلاب سیلابی سیلاب‌ها سیل‌زده"),
    q("کتابفروشی", "fa-AF", "word-form", topic="books", lang="fa-AF",
      forms="کتابفروشی کتابفروشی‌های کتابفروشان کتابفروش"),
    q("مکتب", "fa-AF", "word-form", topic="school", lang="fa-AF",
      forms="مکتب مکتب‌های"),
    q("مهاجر", "fa-AF", "word-form", topic="refugees", lang="fa-AF",
      forms="مهاجر مهاجران مهاجرین مهاجرانی‌اند"),
    q("شفاخانه", "fa-AF", "word-form", topic="health", lang="fa-AF",
      forms="شفاخانهٔ شفاخانه شفاخانه‌ها"),
    q("انتخاب", "fa-AF", "word-form", topic="election", lang="fa-AF",
      forms="انتخابات انتخاب‌شده"),
    q("خشکسالی‌ها", "fa-AF", "word-form", topic="drought", lang="fa-AF",
      forms="خشکسالی خشکسالی‌ها"),
    q("زعفران", "fa-AF", "word-form", topic="harvest", lang="fa-AF",
      forms="زعفران زعفران‌کاران زعفران‌چینان"),
    q("هرات", "fa-AF", "cross-script", place="Herat"),
    q("مزار شریف", "fa-AF", "cross-script", place="Mazar-i-Sharif"),
    q("خلیلزاد lang:en", "fa-AF", "cross-script", person="Khalilzad", lang="en"),
    q("کندز lang:de", "fa-AF", "cross-script", place="Kunduz", lang="de"),
    q("بامیان lang:en", "fa-AF", "cross-script", place="Bamyan", lang="en"),
    q('"کانال تازه"', "fa-AF", "phrase", topic="water", lang="fa-AF"),
    q('"تیم‌های واکسین"', "fa-AF", "phrase", topic="health", lang="fa-AF"),
    q('"مراکز رای‌دهی"', "fa-AF", "phrase", topic="election", lang="fa-AF"),
    q("سیلاب date:1401", "fa-AF", "date", topic="flood", lang="fa-AF", dates=SH_1401,
      forms="سیلاب سیلابی سیلاب‌ها"),
    q("مکتب date:2023", "fa-AF", "date", topic="school", lang="fa-AF",
      dates=["2023-01-01", "2023-12-31"], forms="مکتب مکتب‌های"),
    q("مهاجران section:politics", "fa-AF", "section", topic="refugees", lang="fa-AF",
      section="politics", forms="مهاجر مهاجران مهاجرین مهاجرانی‌اند"),
    q("کتاب section:culture", "fa-AF", "section", topic="books", lang="fa-AF",
      section="culture", forms="کتاب کتاب‌های"),
    q("کتابفرشی", "fa-AF", "misspelling", topic="books", lang="fa-AF",
      forms="کتابفروشی کتابفروشی‌های"),
    q("شفاخانا", "fa-AF", "misspelling", topic="health", lang="fa-AF",
      forms="شفاخانهٔ شفاخانه شفاخانه‌ها"),
    q("انتخابت", "fa-AF", "misspelling", topic="election", lang="fa-AF", forms="انتخابات"),
    # -- Pashto -----------------------------------------------------------------------
    q("سېلاب", "ps", "word-form", topic="flood", lang="ps", forms="سېلاب سېلابونو سېلابونه"),
    q("ښوونځی", "ps", "word-form", topic="school", lang="ps", forms="ښوونځي ښوونځی"),
    q("روغتون", "ps", "word-form", topic="health", lang="ps", forms="روغتون روغتونونو"),
    q("کډوال", "ps", "word-form", topic="refugees", lang="ps", forms="کډوال کډوالان"),
    q("ټاکنې", "ps", "word-form", topic="election", lang="ps", forms="ټاکنې ټاکنو"),
    q("لوبغاړی", "ps", "word-form", topic="cricket", lang="ps", forms="لوبغاړي لوبغاړو"),
    q("انارونه", "ps", "word-form", topic="harvest", lang="ps", forms="انار"),
    q("وچکالي", "ps", "word-form", topic="drought", lang="ps", forms="وچکالۍ"),
    q("کندهار", "ps", "cross-script", place="Kandahar"),
    q("لښکرګاه", "ps", "cross-script", place="Lashkar Gah"),
    q("خوست lang:de", "ps", "cross-script", place="Khost", lang="de"),
    q("منګل lang:en", "ps", "cross-script", person="Mangal", lang="en"),
    q('"د کرکټ لیګ"', "ps", "phrase", topic="cricket", lang="ps"),
    q('"د واکسین ټیمونه"', "ps", "phrase", topic="health", lang="ps"),
    q('"نوی کانال"', "ps", "phrase", topic="water", lang="ps"),
    q("سېلاب date:1402", "ps", "date", topic="flood", lang="ps", dates=SH_1402,
      forms="سېلاب سېلابونو سېلابونه"),
    q("ښوونځي date:2021", "ps", "date", topic="school", lang="ps",
      dates=["2021-01-01", "2021-12-31"], forms="ښوونځي ښوونځی"),
    q("روغتون section:pashto", "ps", "section", topic="health", lang="ps", section="pashto",
      forms="روغتون روغتونونو"),
    q("کډوال section:pashto", "ps", "section", topic="refugees", lang="ps", section="pashto",
      forms="کډوال کډوالان"),
    q("روغتن", "ps", "misspelling", topic="health", lang="ps", forms="روغتون روغتونونو"),
    q("ښونځي", "ps", "misspelling", topic="school", lang="ps", forms="ښوونځي ښوونځی"),
    q("کډول", "ps", "misspelling", topic="refugees", lang="ps", forms="کډوال کډوالان"),
]  # fmt: skip

#: the samples, judged by hand: directory -> (topics, places it is about)
SAMPLE_ABOUT: dict[str, tuple[set[str], set[str]]] = {
    "en-flood-relief": ({"flood"}, set()),
    "en-helmand-water": ({"water"}, {"Kabul"}),
    "fa-helmand-water": ({"water"}, {"Kabul"}),
    "fa-herat-saffron": ({"harvest"}, {"Herat"}),
    "fa-kabul-bookshops": ({"books"}, {"Kabul"}),
    "fa-nowruz-mazar": (set(), {"Mazar-i-Sharif"}),
    "ps-kandahar-pomegranates": ({"harvest"}, {"Kandahar"}),
    "ps-khost-cricket": ({"cricket"}, {"Khost"}),
    "ps-polio-campaign": ({"health"}, set()),
    "de-aerztinnen": ({"health"}, set()),
    "de-exilliteratur": ({"books"}, set()),
    "de-hindukusch-gletscher": ({"water"}, set()),
    "en-bamiyan-letter": ({"school"}, {"Bamyan"}),
    "en-script-headline": (set(), set()),
}
