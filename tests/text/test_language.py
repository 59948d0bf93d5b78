"""Language identification: accuracy gates on the labelled set, and the letter rule."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ganjina.text import LanguageGuess, identify_language

from .langid_eval import accuracy, load

PASHTO_ONLY = "ټډړږښګڼځڅېۍ"


@pytest.fixture(scope="module")
def no_section() -> dict[str, dict[str, float]]:
    return {k: accuracy(k, with_section=False) for k in ("sentences", "headlines")}


def test_labelled_set_is_big_enough() -> None:
    for kind, minimum in (("sentences", 200), ("headlines", 100)):
        counts = {label: 0 for label in ("en", "de", "ps", "fa-AF")}
        for row in load(kind):
            counts[row["label"]] = counts.get(row["label"], 0) + 1
        assert all(counts[label] >= minimum for label in ("en", "de", "ps", "fa-AF")), counts


@pytest.mark.parametrize(("kind", "gate"), [("sentences", 0.99), ("headlines", 0.95)])
def test_accuracy_without_section(
    no_section: dict[str, dict[str, float]], kind: str, gate: float
) -> None:
    acc = no_section[kind]
    for label in ("en", "de", "ps"):
        assert acc[label] >= gate, (label, acc)
    persian = accuracy(kind, with_section=False, persian_family=True)
    assert persian["fa-AF"] >= gate and persian["fa"] >= gate, persian
    # Dari without a section and without Afghan words is "fa" by design (spec): this
    # floor only guards the Afghan-marker lexicon against regressions. Place names and
    # politics are no longer markers (Iranian reporting names Kabul too). 58 of the 110
    # Dari headlines carry nothing but a place name ("زلزله ده‌ها خانه را در هرات ویران
    # کرد" is word for word what an Iranian outlet writes), so they rightly read "fa";
    # the old 0.75 counted those place names. 0.47 is what vocabulary, with its word
    # forms (مکتبی, رخصتی‌های), gives.
    assert acc["fa-AF"] >= {"sentences": 0.64, "headlines": 0.47}[kind], acc


@pytest.mark.parametrize(("kind", "gate"), [("sentences", 0.99), ("headlines", 0.95)])
def test_accuracy_with_section(kind: str, gate: float) -> None:
    acc = accuracy(kind, with_section=True)
    for label in ("en", "de", "ps", "fa-AF"):
        assert acc[label] >= gate, (label, acc)
    assert acc["fa"] >= 0.9, acc  # Iranian Persian (no section) stays fa


dari_rows = [r["text"] for r in load("sentences") + load("headlines") if r["label"] != "ps"]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(dari_rows),
    st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(PASHTO_ONLY)), min_size=2,
             max_size=6),
    st.sampled_from([None, "dari", "european-languages"]),
)  # fmt: skip
def test_two_pashto_letters_are_never_persian(
    text: str, inserts: list[tuple[int, str]], section: str | None
) -> None:
    for pos, letter in inserts:
        pos %= len(text) + 1
        text = text[:pos] + letter + text[pos:]
    assert identify_language(text, section=section).tag not in {"fa", "fa-AF"}


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("د کابل ښار", "ps"),
        ("د افغانستان په ولایتونو کی د خلکو ژوند سخت دی", "ps"),  # Persian keyboard Pashto
        ("وزارت صحت عامه در ولایت هرات یک شفاخانه جدید افتتاح کرد", "fa-AF"),
        ("۱۰ جوزای ۱۳۹۶ جلسه‌ای برگزار شد", "fa-AF"),  # an Afghan month name
        ("استاندار تهران از افتتاح بیمارستان خبر داد", "fa"),
        ("این کتاب را دوست دارم", "fa"),  # nothing says where: Persian without a region
        ("هذا نص عربي قصير عن الطقس في المدينة اليوم", "ar"),
        ("یہ ایک اردو جملہ ہے جو ٹیسٹ کے لیے لکھا گیا ہے", "ur"),
        ("Le gouvernement a annoncé de nouvelles mesures pour les réfugiés.", "fr"),
        ("Это короткий русский текст о погоде в городе.", "ru"),
    ],
)
def test_examples(text: str, tag: str) -> None:
    assert identify_language(text).tag == tag


def test_section_hints() -> None:
    plain = "این کتاب را دوست دارم"
    assert identify_language(plain, section="dari").tag == "fa-AF"
    assert identify_language(plain, section="european-languages").tag == "fa"
    # the section never overrides the letter rule or another script
    assert identify_language("د کابل ښار", section="dari").tag == "ps"
    assert identify_language("The minister resigned.", section="dari").tag == "en"


@pytest.mark.parametrize("text", ["", "   ", "۱۲۳۴ ۵۶", "...!؟", "\u200c\u200f"])
def test_undecidable(text: str) -> None:
    assert identify_language(text) == LanguageGuess(None, 0.0)


def test_confidence_range() -> None:
    for text in ["د کابل ښار", "Kabul", "این کتاب", "Die Regierung hat beschlossen."]:
        guess = identify_language(text)
        assert guess.tag is not None and 0.0 < guess.confidence <= 1.0


# Look-alike scripts: sentences written for this test (facts only).
def test_look_alike_scripts_are_not_pashto_or_persian() -> None:
    from ganjina.text.language import identify_language as ident

    assert ident("بۈگۈن ئۈرۈمچىدە يامغۇر ياغدى ۋە ھاۋا سوۋۇدى").tag == "ug"
    assert ident("ڪراچيءَ ۾ اڄ مينهن پيو ۽ ٻارن کي موڪل ملي، شهر ۾ ٽريفڪ بند رهيو").tag == "sd"
    assert ident("ئەمڕۆ لە هەولێر باران باری و خەڵک لە ماڵەوە مانەوە").tag == "ckb"
    assert ident("Имрӯз дар Душанбе борон борид ва ҳаво хунук шуд").tag == "tg"
    assert ident("د کابل ښاروالۍ نوې پروژه پیل کړه").tag == "ps"


def test_iranian_reporting_about_afghanistan_is_not_dari() -> None:
    from ganjina.text.language import identify_language as ident

    text = "طالبان در هرات و کابل محدودیت‌های تازه‌ای اعلام کردند و دانشگاه‌ها بسته ماند"
    assert ident(text).tag == "fa"


def test_english_line_with_arabic_script_names_stays_english() -> None:
    from ganjina.text.language import identify_language as ident

    assert ident("Interview with محمد اکبر زاده about the new law").tag == "en"
    assert ident("Minister Ahmad Massoud (احمد مسعود) visited Herat (هرات) on Monday").tag == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Die Gemeinde will im Frühjahr zwei neue Brunnen bohren lassen.",
        "The council met on Friday and took no decision on the road. " * 12,
        "د کلي ښوونځي ته نوې څوکۍ راغلې",
        "کتابخانهٔ سیار هر هفته به سه قریه می‌رود",
        "x",
    ],
)
def test_scores_are_the_identifiers_own(text: str) -> None:
    # The sparse sum must rank as py3langid's dense product does (its model is single
    # precision, so the two agree to float32's resolution, not to the last bit).
    from ganjina.text import language

    ours = dict(language._raw_scores(text))
    theirs = {str(lang): float(score) for lang, score in language._identifier().rank(text)}
    assert ours.keys() == theirs.keys()
    for lang, score in theirs.items():
        assert ours[lang] == pytest.approx(score, rel=1e-5, abs=1e-5)
    assert max(ours, key=ours.__getitem__) == max(theirs, key=theirs.__getitem__)


def test_identifying_a_language_makes_no_blas_call(monkeypatch: pytest.MonkeyPatch) -> None:
    # A BLAS product leaves OpenBLAS's threads spinning after it: numpy.dot in py3langid
    # had doubled the CPU time of reading a PDF. Identification must not reach it.
    import numpy

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("numpy.dot called")

    monkeypatch.setattr(numpy, "dot", refuse)
    assert identify_language("The council met on Friday and took no decision.").tag == "en"
    assert identify_language("Der Rat tagte am Freitag und fasste keinen Beschluss.").tag == "de"
    assert identify_language("د کلي ښوونځي ته نوې څوکۍ راغلې").tag == "ps"
