"""Month names of the three calendars, as printed on Afghan, Iranian and European pages.

Data only. Each table maps a spelling to a month number; ``dates.py`` folds every
spelling the way it folds the text it searches (Arabic yeh/kaf to Persian, گ to ګ, ې/ۍ
to ی, hamza seats dropped, ZWNJ and harakat removed), so one entry here covers the
variants that differ only in those letters. Spaces inside a name match any run of
whitespace, or none.
"""

from __future__ import annotations

__all__ = [
    "DARI_SH_MONTHS",
    "GREGORIAN_LATIN",
    "GREGORIAN_TRANSLITERATED",
    "IRANIAN_SH_MONTHS",
    "LATIN_SH_MONTHS",
    "LUNAR_HIJRI",
    "PASHTO_SH_MONTHS",
    "SOLAR_HIJRI_VARIANTS",
]

#: Afghan solar hijri month names in Dari, Hamal = 1: the names Ganjina displays.
DARI_SH_MONTHS = (
    "حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله",
    "میزان", "عقرب", "قوس", "جدی", "دلو", "حوت",
)  # fmt: skip
#: The same months in Pashto, Wray = 1.
PASHTO_SH_MONTHS = (
    "وری", "غویی", "غبرګولی", "چنګاښ", "زمری", "وږی",
    "تله", "لړم", "لیندۍ", "مرغومی", "سلواغه", "کب",
)  # fmt: skip
#: The same months as English texts write them (Hamal = 1): the web interface in English
#: and citations of Latin-script records show these.
LATIN_SH_MONTHS = (
    "Hamal", "Sawr", "Jawza", "Saratan", "Asad", "Sunbula",
    "Mizan", "Aqrab", "Qaws", "Jadi", "Dalw", "Hut",
)  # fmt: skip
#: Iranian names of the same months (same epoch and leap years), Farvardin = 1.
IRANIAN_SH_MONTHS = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)  # fmt: skip

#: Every solar hijri spelling Ganjina reads: the three lists above plus the inflected
#: Pashto forms (د سلواغې, د تلې), hamza and spelling variants, and typos seen on
#: Afghan sites (میرزان).
SOLAR_HIJRI_VARIANTS: dict[str, int] = {
    **{name: i + 1 for i, name in enumerate(DARI_SH_MONTHS)},
    **{name: i + 1 for i, name in enumerate(PASHTO_SH_MONTHS)},
    **{name: i + 1 for i, name in enumerate(IRANIAN_SH_MONTHS)},
    "جوزاء": 3, "میرزان": 7,
    "غوایی": 2, "تلې": 7, "سلواغې": 11,
    "امرداد": 5, "اردی بهشت": 2,
}  # fmt: skip

#: Gregorian months written in the Arabic script: Afghan Dari and Pashto spellings
#: (from English) and Iranian ones (from French).
GREGORIAN_TRANSLITERATED: dict[str, int] = {
    "جنوری": 1, "جنوارى": 1, "ژانویه": 1, "ژانویه‌ی": 1,
    "فبروری": 2, "فیبروری": 2, "فوریه": 2,
    "مارچ": 3, "مارس": 3,
    "اپریل": 4, "اپرل": 4, "آپریل": 4, "آوریل": 4,
    "می": 5, "مئ": 5, "مے": 5,
    "جون": 6, "ژوئن": 6, "ژوین": 6,
    "جولای": 7, "جولائی": 7, "جولایی": 7, "ژوئیه": 7, "ژوییه": 7, "جولاى": 7,
    "اګست": 8, "آګست": 8, "اګوست": 8, "اوت": 8,
    "سپتمبر": 9, "سپتامبر": 9, "سیپتمبر": 9,
    "اکتوبر": 10, "اکتبر": 10,
    "نومبر": 11, "نوامبر": 11, "نوومبر": 11,
    "دسمبر": 12, "دسامبر": 12, "دیسمبر": 12,
}  # fmt: skip

#: Gregorian months in English, German and French, with the usual abbreviations.
GREGORIAN_LATIN: dict[str, int] = {
    "january": 1, "jan": 1, "januar": 1, "jänner": 1, "janvier": 1, "janv": 1,
    "february": 2, "feb": 2, "februar": 2, "feber": 2, "février": 2, "fevrier": 2, "févr": 2,
    "march": 3, "mar": 3, "märz": 3, "maerz": 3, "marz": 3, "mars": 3,
    "april": 4, "apr": 4, "avril": 4, "avr": 4,
    "may": 5, "mai": 5,
    "june": 6, "jun": 6, "juni": 6, "juin": 6,
    "july": 7, "jul": 7, "juli": 7, "juillet": 7, "juil": 7,
    "august": 8, "aug": 8, "août": 8, "aout": 8,
    "september": 9, "sept": 9, "sep": 9, "septembre": 9,
    "october": 10, "oct": 10, "oktober": 10, "okt": 10, "octobre": 10,
    "november": 11, "nov": 11, "novembre": 11,
    "december": 12, "dec": 12, "dezember": 12, "dez": 12, "décembre": 12, "decembre": 12,
    "déc": 12,
}  # fmt: skip

#: Lunar hijri months in Dari/Persian and Arabic spellings, with their honorifics.
LUNAR_HIJRI: dict[str, int] = {
    "محرم": 1, "محرم الحرام": 1,
    "صفر": 2, "صفر المظفر": 2,
    "ربیع الاول": 3, "ربیع اول": 3, "ربیع الاولی": 3,
    "ربیع الثانی": 4, "ربیع ثانی": 4, "ربیع الآخر": 4, "ربیع الاخر": 4,
    "جمادی الاول": 5, "جمادی الاولی": 5, "جمادی اول": 5,
    "جمادی الثانی": 6, "جمادی الثانیه": 6, "جمادی الآخر": 6, "جمادی الاخره": 6,
    "جمادی ثانی": 6,
    "رجب": 7, "رجب المرجب": 7,
    "شعبان": 8, "شعبان المعظم": 8,
    "رمضان": 9, "رمضان المبارک": 9,
    "شوال": 10, "شوال المکرم": 10,
    "ذیقعده": 11, "ذی القعده": 11, "ذوالقعده": 11, "ذو القعده": 11,
    "ذیحجه": 12, "ذی الحجه": 12, "ذوالحجه": 12, "ذو الحجه": 12,
}  # fmt: skip
