"""Word lists that tell Pashto from Dari, and Afghan Dari from Iranian Persian.

Data only, read by ``language.py``. Words are written as a reader spells them; the
language identifier compares them through ``loose_pashto_key`` (so ي/ی, ك/ک, گ/ګ and
ې/ی spellings all count). A word belongs here only if it is frequent in one variety and
rare in the other; words both use heavily (که، او، به، هم، نه) are left out on purpose.
"""

from __future__ import annotations

__all__ = ["AFGHAN_WORDS", "DARI_FUNCTION_WORDS", "IRANIAN_WORDS", "PASHTO_FUNCTION_WORDS"]


def _words(text: str) -> frozenset[str]:
    # Whitespace-separated, so the lists read as text and are easy to check by eye.
    return frozenset(text.split())


#: Pashto function words and very common forms; several are written with Persian
#: letters in real Pashto text (کی for کې, چی for چې), which the loose key merges.
PASHTO_FUNCTION_WORDS = _words(
    """
    د په کې چې ته څخه دی ده دي وو وه یې دغه دا هغه هغوی دوی موږ مونږ زه ته تاسو
    لپاره باندې پورې وروسته مخکې ترمنځ سره خپل خپله خپلو ټول ټولو ډېر ډیر نو خو
    کوي کړي کړې کړل شوی شوې شوي شول شو کېږي کیږي کېدای کېدلای لري درلود وايي وویل
    ویلي ویل نشي دلته هلته اوس څنګه څه چا کوم دې ورته ورسره له یو یوه کال
    نېټه وړاندې پر ترڅو
    """
)  # fmt: skip

#: Dari (and Persian) function words and forms that Pashto does not use.
DARI_FUNCTION_WORDS = _words(
    """
    است این آن از را در با برای های ها شد شده شدند کرد کرده کردند بود بودند
    خود یک اما نیز باید گفت گفته وی آنها ایشان بر اند هست نیست شود شوند کند کنند
    دارد دارند داشت داشته بسیار دیگر روی زیر میان پیش بین همه چنین چون اگر
    زیرا هیچ کسی چیزی اینکه آنکه درباره مورد توسط
    """
)  # fmt: skip

#: Words an Afghan Dari writer uses where an Iranian writer would use another
#: (ولایت/استان, پوهنتون/دانشگاه, شفاخانه/بیمارستان, موتر/ماشین, ملیون/میلیون ...),
#: Afghan institutions and places, and Afghan news idiom (همچنان, یک تعداد).
# Vocabulary, not topic: place names and politics (کابل، هرات، طالبان) are as common in
# Iranian reporting about Afghanistan, so they are no evidence of Dari.
AFGHAN_WORDS = _words(
    """
    ولایت ولایات ولایتی ولسوالی ولسوالیها ولسوال شاروالی شاروال پوهنتون پوهنتونها
    پوهنځی پوهنحی پوهاند پوهنمل پوهنوال معارف ملیون ملیونها ملیارد داکتر داکتران
    پولیس موتر موترها شفاخانه شفاخانهها دالر افغانی افغانیها
    همچنان ریاست قوماندان قوماندانی امنیه سارنوال سارنوالی څارنوال محصل
    محصلان محصلین متعلم متعلمین متعلمان مکتب مکاتب صنف صنوف سرک سرکها دوکان دوکاندار
    دوکانداران تشناب بایسکل کمپیوتر تلفون ترانسپورت انجنیر انجنیران عودت عودتکنندگان
    بیجاشدگان حکومت حکومتی صحت صحی
    تحصیلات فابریکه لیلیه کرکت بزکشی اکادمی ملیشه زون والی قریه قریهها معاش حاصلات
    سرخکان واکسین کمپل نصاب دکان دکانها دکاندار دکانداران پدرکلان موزیم کانکور
    سینهبغل رخصتی رخصتیها شهادتنامه حوزوی خزان تکت نواسه پوسته
    """
)  # fmt: skip

#: Their Iranian counterparts, and Iranian institutions.
IRANIAN_WORDS = _words(
    """
    استان استانها استاندار استانداری شهرستان شهرداری شهردار بیمارستان پلیس ماشین
    خودرو خودروها میلیون میلیارد دکتر دلار تومان ریال دانشآموز دانشآموزان دانشجو
    دانشجویان کلاس خیابان مغازه تلفن کامپیوتر رایانه مهندس سپاه بسیج دادستان دادستانی
    صداوسیما همچنین آموزشوپرورش اتوبوس بهداشت بهداشتی فرهنگستان پاییز تعطیلات روستا
    روستاها روستاهای واکسن پتو کنکور موزه پدربزرگ بزرگراه دبیرستان سرخک بلیت نوه
    """
)  # fmt: skip
