"""Scanned pages → Layout lines, with Tesseract 5 (through tesserocr).

The PDF reader asks ``needs_ocr(page, mode)`` for every page; a page that needs it is
read by ``OcrReader.page_lines`` instead of its text layer, and comes back as the same
``Line`` objects a born-digital page gives (boxes in points, sizes from line heights,
bold from stroke thickness, right-to-left order rebuilt from word positions), so the
house-style recognizer, furniture removal and paragraph joining work on scans unchanged.

Which model reads a page: the languages the caller knows (``OcrOptions.languages``),
else a first pass on the script (Tesseract's orientation and script detection), then
for Arabic script Dari or Pashto from the Pashto letters read, or a section label the
site profile names. Why tesserocr (in-process C API) and not pytesseract or PyMuPDF's
OCR text page: measured in ``docs/ocr.md``.
"""

from __future__ import annotations

import itertools
import os
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pymupdf

from ganjina.errors import OcrUnavailable
from ganjina.read.layout import Line
from ganjina.record import OcrInfo

if TYPE_CHECKING:  # numpy and Pillow are loaded only when a page is really read
    from ganjina.read.ocr_lines import OcrWord

OCR_MODES = ("never", "auto", "always")

#: the Tesseract models per language, best first (measured on the scan corpus at the
#: reading size: docs/ocr.md)
MODELS: dict[str, tuple[str, ...]] = {
    # Dari with the Persian model only: the script model reads a few Pashto letters into
    # Dari words, and a Pashto letter makes a text Pashto (ganjina.text.language)
    "fa": ("fas",),
    # Pashto with its own model: at the reading size (raster.BEST_ROW_PX) it loses fewer
    # letters than the script model (body CER 6.7 % → 4.7 % at 200 dpi); the script
    # model still reads a first page whose language is not known (_first_model)
    "ps": ("pus",),
    "en": ("eng",),
    "de": ("deu",),
}
#: a page a model reads with a mean confidence under ALTERNATE_BELOW is read again by its
#: alternate, and the more confident reading stays: Pashto's model reads the corpus's
#: Pashto pages best (mean confidence 0.71–0.79 at 200 dpi, the script model 0.71–0.78),
#: but the storybook's unjoined letters (shared/realworld) at 0.52–0.65, where the script
#: model reads them at 0.80–0.90
ALTERNATE_MODELS = {"pus": "Arabic"}
ALTERNATE_BELOW = 0.70
#: the models that read Arabic script (their numbers are read again glyph by glyph)
ARABIC_SCRIPT_MODELS = frozenset(("fas", "pus", "Arabic"))
#: Tesseract's "raw line" page segmentation: one line, without PSM 7's line finding
RAW_LINE = 13
#: the Debian package that installs each model
PACKAGES = {
    "Arabic": "tesseract-ocr-script-arab",
    "fas": "tesseract-ocr-fas",
    "pus": "tesseract-ocr-pus",
    "eng": "tesseract-ocr-eng",
    "deu": "tesseract-ocr-deu",
    "osd": "tesseract-ocr-osd",
}
_TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
)
#: where better models than the system's may be put (.ci/run puts tessdata_best's Persian
#: model there); $GANJINA_TESSDATA names another folder
BETTER_MODELS = "/usr/local/share/ganjina/tessdata"
BETTER_MODELS_ENV = "GANJINA_TESSDATA"
_PASHTO_LETTERS = re.compile("[ټډړږښګڼېۍځڅ]")
_ARABIC_LETTERS = re.compile("[\u0621-\u064a\u0671-\u06d3]")
#: share of Pashto-only letters among the Arabic letters above which a page is Pashto
#: (Pashto prose: 4–7 %; Dari read by the script model: under 0.3 %)
PASHTO_SHARE = 0.012
#: a page whose lines are read with less mean confidence than this is named in a warning
LOW_CONFIDENCE = 0.6
#: a page whose plain reading is less confident than this is asked whether it is upside
#: down (upright pages of the scan corpus: ≥ 0.70; upside down: ≤ 0.40)
UPRIGHT_CHECK_BELOW = 0.6
#: Tesseract's orientation confidence above which a page is turned as it says (the scan
#: corpus at the reading size: right on all 160 page turns, confidence 5.9 and up)
ORIENTATION_SURE = 2.0
#: a line read with less confidence than this is read again with the other script's model
SECOND_OPINION_BELOW = 0.75
#: how alike an OCR line and a known line must be (difflib ratio over their letters)
KNOWN_LINE_RATIO = 0.8
#: no known line is longer than this; longer OCR lines are not compared
MAX_KNOWN_LINE = 160
#: a page with no text but this many vector paths may be text turned into outlines
MIN_OUTLINE_PATHS = 200


@dataclass(frozen=True)
class OcrOptions:
    """How a reader treats pages without a usable text layer. Picklable (ingest workers)."""

    mode: str = "auto"
    #: language tags the file is known to be in ("fa", "ps", "en", "de"); () = find out
    languages: tuple[str, ...] = ()
    #: printed section labels and the language tag each announces (from the site profile)
    section_languages: tuple[tuple[str, str], ...] = ()
    #: lines the house style prints word for word (masthead, motto, contact lines,
    #: section labels): an OCR line that is nearly one of them is taken to be it
    known_lines: tuple[str, ...] = ()


def tessdata_dir() -> Path | None:
    """Where the system's Tesseract models are: $TESSDATA_PREFIX when set (and only
    there), else Debian's folder and the other usual places."""
    env = os.environ.get("TESSDATA_PREFIX")
    for candidate in (env,) if env else _TESSDATA_DIRS:
        path = Path(candidate)
        if path.is_dir() and any(path.glob("*.traineddata")):
            return path
    return None


def better_models_dir() -> Path:
    """The optional folder of better models (``tessdata_best``): $GANJINA_TESSDATA, else
    BETTER_MODELS. A model found there is used instead of the system's; one that is not
    there (or the folder missing) comes from the system's tessdata as before."""
    return Path(os.environ.get(BETTER_MODELS_ENV) or BETTER_MODELS)


def model_file(model: str, better: bool = True) -> Path | None:
    """The model's file: from the better models' folder when ``better`` and it is there,
    else the system's; None when neither has it."""
    folders = [better_models_dir()] if better else []
    folders.append(tessdata_dir() or Path("/nonexistent"))
    for folder in folders:
        path = folder / f"{model}.traineddata"
        if path.is_file():
            return path
    return None


def _installed(model: str) -> bool:
    return model_file(model) is not None


def model_for(language: str) -> str:
    """The installed model that reads ``language``; a clear error naming the package if none."""
    candidates = MODELS.get(language, ("eng",))
    for model in candidates:
        if _installed(model):
            return model
    raise _missing(candidates[-1])


def _first_model(script: str) -> str:
    """The model for a first page whose language is not known yet: one that reads every
    letter of the script (for Arabic script the script model, else Pashto's, whose
    alphabet holds Dari's), so that the letters read can tell the languages apart."""
    if script in ("fa", "ps"):
        return "Arabic" if _installed("Arabic") else model_for("ps")
    return model_for("en")


def _missing(model: str) -> OcrUnavailable:
    package = PACKAGES.get(model, f"tesseract-ocr-{model}")
    return OcrUnavailable(f"OCR needs {package}: apt-get install {package}")


# -- which pages ---------------------------------------------------------------------------


def needs_ocr(page: pymupdf.Page, mode: str = "auto") -> bool:
    """Whether a page must be read by OCR: always with "always", never with "never"; with
    "auto" when it is drawn (a picture over much of it, or many vector paths: text turned
    into outlines) and its text layer is empty, invisible or garbage."""
    if mode == "always":
        return True
    if mode == "never":
        return False
    visible = letters = bad = 0
    for span in page.get_texttrace():
        chars = span.get("chars", ())
        letters += len(chars)
        if span.get("type") != 3 and span.get("opacity", 1.0) > 0.05:  # 3: invisible text
            visible += len(chars)
        bad += sum(1 for c in chars if c[0] in (0xFFFD, 0) or 0xE000 <= c[0] <= 0xF8FF)
    if visible and bad <= 0.3 * letters:
        return False  # a text layer people can read (a garbage one is no text layer)
    area = abs(page.rect) or 1.0
    pictures = sum(abs(pymupdf.Rect(i["bbox"]) & page.rect) for i in page.get_image_info())
    return pictures > 0.3 * area or len(page.get_drawings()) > MIN_OUTLINE_PATHS


# -- the engine ----------------------------------------------------------------------------

_ENGINES: dict[tuple[str, int, Path], Any] = {}
_ENGINE_LOCK = threading.Lock()


def _engine(model: str, psm: int, better: bool = False) -> Any:
    """A loaded Tesseract for ``model``, kept for the life of the process (loading a model
    costs more than reading a page with it). The system's model unless ``better``: then
    the better models' one where there is one (used for reading pages and lines; glyphs
    and word pictures are read by the models their bars were measured with)."""
    try:
        import tesserocr
    except ImportError:
        raise OcrUnavailable("OCR needs tesserocr: pip install 'ganjina[ocr]'") from None
    path = model_file(model, better)
    if path is None:
        raise _missing(model)
    key = (model, psm, path)
    with _ENGINE_LOCK:
        api = _ENGINES.get(key)
        if api is None:
            try:
                api = tesserocr.PyTessBaseAPI(path=str(path.parent) + "/", lang=model, psm=psm)
            except RuntimeError:
                raise _missing(model) from None
            api.SetVariable("debug_file", "/dev/null")  # no chatter on stderr
            _ENGINES[key] = api
        return api


def engine_version() -> str:
    try:
        import tesserocr
    except ImportError:
        return "tesseract"
    return "tesseract " + str(tesserocr.tesseract_version()).split()[1]


# -- reading pages -------------------------------------------------------------------------


@dataclass
class OcrReader:
    """Reads the pages of one document that need OCR, keeping what it learnt on the way
    (the language of the first page read holds for the rest) and what the record says."""

    options: OcrOptions = field(default_factory=OcrOptions)
    #: False for a file whose record is embedded (Ganjina's own PDFs): nothing to read
    enabled: bool = True
    language: str | None = None
    models: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    #: per page read: (confidence, characters) of each line
    confidences: dict[int, list[tuple[float, int]]] = field(default_factory=dict)
    repairs: dict[str, int] = field(default_factory=dict)
    #: why OCR could not run, if it could not (the first such reason)
    unavailable: OcrUnavailable | None = None
    skipped: list[int] = field(default_factory=list)
    #: an earlier page's right-to-left text was printed in visual order
    backwards: bool = False

    def __post_init__(self) -> None:
        known = [t.split("-")[0] for t in self.options.languages]
        if len(set(known)) == 1:
            self.language = known[0]

    def needed(self, page: pymupdf.Page) -> bool:
        return self.enabled and needs_ocr(page, self.options.mode)

    def page_lines(self, page: pymupdf.Page) -> list[Line]:
        """The page's lines as OCR reads them; none, noted, where OCR cannot run here."""
        try:
            return self._read(page)
        except OcrUnavailable as err:
            self.unavailable = self.unavailable or err
            self.skipped.append(page.number + 1)
            return []

    def _read(self, page: pymupdf.Page) -> list[Line]:
        from ganjina.read import raster
        from ganjina.read.ocr_lines import build_lines

        picture, scanned_dpi = raster.page_image(page)
        img, full, dpi, repairs = _prepared(picture, scanned_dpi, 0)
        # the script (and the page's orientation) from Tesseract's OSD when the language
        # is not known yet; else the orientation is only asked where the page looks turned
        script, turn = self._first_pass(img) if self.language is None else (None, None)
        first = _first_model(script) if script else model_for(self.language or "en")
        if turn is None and not raster.rows_run_across(picture):
            turn = _orientation(img)
        plain = list(_recognise(img, first))
        if turn is None and _mean_confidence(plain) < UPRIGHT_CHECK_BELOW:
            turn = _orientation(img)
        if turn:
            # read turned as Tesseract's OSD says; kept only when more letters are read
            # with confidence so (OSD alone is unsure on a page of pictures)
            t_img, t_full, t_dpi, t_repairs = _prepared(picture, scanned_dpi, turn)
            t_plain = list(_recognise(t_img, first))
            if _confident_letters(t_plain) > _confident_letters(plain):
                img, full, dpi, plain = t_img, t_full, t_dpi, t_plain
                repairs = ["turned upright", *t_repairs]
            else:
                turn = 0
        self._count(repairs)
        if self.language is None:
            # the first page read decides the language, from a plain reading by a model
            # with every letter of the script; then the language's own model reads it
            self.language = self._language_of(plain, script or "en")
        language = self.language
        model = model_for(language)
        words, model = _read_page(img, dpi, model, full, plain if model == first else None)
        if model not in self.models:
            self.models.append(model)
        width = page.rect.height if turn in (90, 270) else page.rect.width
        read = build_lines(words, page.number + 1, width / img.width, img, language, self.backwards)
        self.backwards = self.backwards or read.backwards
        if read.backwards:
            self.repairs["printed in visual order"] = 1 + self.repairs.get(
                "printed in visual order", 0
            )
        for line in read.lines:
            line.text = snap_known(line.text, self.options.known_lines)
            if line.rtl:
                line.text = snap_month_names(line.text)
        self.pages.append(page.number + 1)
        self.confidences[page.number + 1] = read.confidences
        return read.lines

    def _count(self, repairs: list[str]) -> None:
        for what in repairs:
            self.repairs[what] = self.repairs.get(what, 0) + 1

    def _first_pass(self, img: Any) -> tuple[str, int | None]:
        """The script of the page, narrowed by the languages known, and its orientation
        (None: not asked) from Tesseract's orientation and script detection."""
        known = {t.split("-")[0] for t in self.options.languages}
        if known and known <= {"fa", "ps"}:
            return "fa", None  # Arabic script either way; the letters decide which language
        if known and known <= {"en", "de"}:
            return "en", None
        found = _detect(img)
        return ("fa" if found.get("script_name") == "Arabic" else "en"), _turn_of(found)

    def _language_of(self, words: list[OcrWord], script: str) -> str:
        """A section label the profile knows decides, printed as a line of its own; else,
        for Arabic script, the share of Pashto letters, and for Latin script the language
        identifier. A label's word inside a line is no label: a German article about
        exiled poets names "Dari," in its body, and that word made the German scan read
        by the Persian model (body CER 1.9 %, title lost; as a line: 0.3 %, title right)."""
        labels = {_label_key(label): tag for label, tag in self.options.section_languages}
        for _, line in itertools.groupby(words, key=lambda w: w.line):
            tag = labels.get(_label_key(" ".join(w.text for w in line)))
            if tag:
                return tag.split("-")[0]
        text = " ".join(w.text for w in words)
        if script not in ("fa", "ps"):
            return _latin_language(text)
        arabic = len(_ARABIC_LETTERS.findall(text))
        pashto = len(_PASHTO_LETTERS.findall(text))
        return "ps" if arabic and pashto / arabic >= PASHTO_SHARE else "fa"

    def info(self) -> OcrInfo | None:
        """What the record's provenance says about the OCR (None: no page was read so)."""
        if not self.pages:
            return None
        return OcrInfo(
            engine=engine_version(),
            languages=list(self.models),
            pages=list(self.pages),
            confidence=round(self.mean_confidence(), 2),
        )

    def mean_confidence(self, page: int | None = None) -> float:
        rows = [r for p, rs in self.confidences.items() if page in (None, p) for r in rs]
        total = sum(n for _, n in rows)
        return sum(c * n for c, n in rows) / total if total else 0.0

    def warnings(self) -> list[str]:
        out: list[str] = []
        if self.pages:
            out.append(f"read by OCR, mean confidence {self.mean_confidence():.2f}")
            low = [p for p in self.pages if self.mean_confidence(p) < LOW_CONFIDENCE]
            if low:
                out.append(
                    f"OCR confidence below {LOW_CONFIDENCE:.2f} on page"
                    f"{'s' if len(low) > 1 else ''} {', '.join(map(str, low))}"
                )
        if self.skipped and self.unavailable is not None:
            pages = ", ".join(map(str, self.skipped))
            out.append(f"page {pages} not read: no text layer, and {self.unavailable}")
        return out


def _prepared(picture: Any, dpi: float, turn: int) -> tuple[Any, Any, float, list[str]]:
    """The page picture turned by ``turn``°, level and cleaned: at the reading size, at
    the scan's own size (numbers are read again glyph by glyph there), the reading
    size's resolution, and the repairs done."""
    from ganjina.read import raster

    img, angle = raster.deskew(raster.turned(picture, turn))
    img, cleaned = raster.denoise(img)
    small, dpi = raster.to_reading_size(img, dpi)
    return small, img, dpi, [w for done, w in ((angle, "deskewed"), (cleaned, "denoised")) if done]


def _detect(img: Any) -> dict[str, Any]:
    """Tesseract's orientation and script detection (PSM 0) on a page; {} when it finds
    nothing to go by."""
    api = _engine("osd", 0)
    api.SetImage(img)
    try:
        return dict(api.DetectOrientationScript() or {})
    except RuntimeError:
        return {}


def _turn_of(found: dict[str, Any]) -> int:
    """How far to turn the page (counter-clockwise, degrees) for it to stand upright, from
    a detection: only when the detection is sure enough."""
    degrees = int(found.get("orient_deg") or 0) % 360
    return degrees if found.get("orient_conf", 0.0) >= ORIENTATION_SURE else 0


def _orientation(img: Any) -> int:
    return _turn_of(_detect(img))


def _confident_letters(words: list[OcrWord]) -> float:
    """Letters read, each counted by its word's confidence: a turned page gives few
    letters (sideways) or many weak ones (upside down)."""
    return sum(w.confidence * len(w.text) for w in words)


def snap_known(text: str, known: tuple[str, ...]) -> str:
    """``text`` as the known line it nearly is (OCR slips in a masthead the profile spells
    out), else unchanged. Long lines may differ by a few letters; short ones only in case,
    spacing and punctuation, so a body line is never taken for a label.

    >>> snap_known("افغانستان آزاد - ازاد افغااستان", ("افغانستان آزاد – آزاد افغانستان",))
    'افغانستان آزاد – آزاد افغانستان'
    """
    key = _label_key(text)
    if not key or len(text) > MAX_KNOWN_LINE:
        return text
    best, best_ratio = text, 0.0
    for line in known:
        other = _label_key(line)
        if not other or abs(len(other) - len(key)) > 0.25 * len(other):
            continue
        if other == key:
            return line
        if len(other) >= 12:
            ratio = SequenceMatcher(None, key, other, autojunk=False).ratio()
            if ratio >= KNOWN_LINE_RATIO and ratio > best_ratio:
                best, best_ratio = line, ratio
    return best


#: a day, one or two words, a year: where a month name must stand (bounded words, so
#: linear on any line)
_DAY_MONTH_YEAR = re.compile(
    r"(?<![۰-۹\d])([۰-۹]{1,2}) (\S{1,12}(?: \S{1,12})?) (?=[۰-۹]{4}(?![۰-۹\d]))"
)
#: how alike a misread month name must be to the name it is taken to be (difflib ratio)
MONTH_RATIO = 0.6
_MONTH_NAMES: tuple[str, ...] = ()


def snap_month_names(text: str) -> str:
    """A word between a day and a year read as the month name (of any calendar printed in
    Arabic script) it nearly is: the month names are facts, and a date with one letter
    lost in its month (``حل`` for ``حمل``) is no date. Only a unique best name at least
    MONTH_RATIO alike is taken; a known name is left as read.

    >>> snap_month_names("۱۰ حل ۱۴۰۱")
    '۱۰ حمل ۱۴۰۱'
    """
    global _MONTH_NAMES
    if not _MONTH_NAMES:
        from ganjina.text import months

        _MONTH_NAMES = tuple(
            {**months.SOLAR_HIJRI_VARIANTS, **months.GREGORIAN_TRANSLITERATED, **months.LUNAR_HIJRI}
        )

    def mend(m: re.Match[str]) -> str:
        day, word = m.group(1), m.group(2)
        if word in _MONTH_NAMES:
            return m.group()
        scored = sorted(
            (
                (SequenceMatcher(None, word, name, autojunk=False).ratio(), name)
                for name in _MONTH_NAMES
            ),
            reverse=True,
        )
        (best, name), runner_up = scored[0], scored[1][0]
        if best < MONTH_RATIO or best == runner_up:
            return m.group()
        return f"{day} {name} "

    return _DAY_MONTH_YEAR.sub(mend, text) if len(text) <= MAX_KNOWN_LINE else text


_LATIN_IDENTIFIER: Any = None


def _latin_language(text: str) -> str:
    """English or German (the Latin-script languages there are models for), from the
    page's Latin words only: a Persian masthead must not sway it."""
    global _LATIN_IDENTIFIER
    latin = " ".join(w for w in text.split() if not _ARABIC_LETTERS.search(w))[:4000]
    if _LATIN_IDENTIFIER is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        _LATIN_IDENTIFIER = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
        _LATIN_IDENTIFIER.set_languages([t for t in MODELS if t not in ("fa", "ps")])
    return str(_LATIN_IDENTIFIER.classify(latin)[0]) if latin.strip() else "en"


def _label_key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalpha())


def _read_page(
    img: Any, dpi: float, model: str, full: Any = None, page: list[OcrWord] | None = None
) -> tuple[list[OcrWord], str]:
    """The page's words and the model that read them: Tesseract's page reading (by the
    model's alternate where that is more confident on a weak page), its numbers read
    again glyph by glyph (``ocr_digits``, Arabic script), its lost and split rows mended
    (``ocr_rows``), its low-confidence lines given a second opinion, its weak words read
    again by the script's sister model (``ocr_sister``). ``page``: the
    model's plain reading of the page, when there is one already."""
    from ganjina.read.ocr_dots import PageInk
    from ganjina.read.ocr_large import reread_large_lines
    from ganjina.read.ocr_rows import mend_rows
    from ganjina.read.ocr_sister import mend_line, reread_weak_words

    if page is None:
        page = list(_recognise(img, model))
    alternate = ALTERNATE_MODELS.get(model)
    if alternate and _installed(alternate) and _mean_confidence(page) < ALTERNATE_BELOW:
        other = list(_recognise(img, alternate))
        if _mean_confidence(other) > _mean_confidence(page):
            page, model = other, alternate
    numbers = number_reader(img, model, full)
    words = mend_rows(
        img,
        dpi,
        numbers(page),
        row_reader(img, model, full),
        weak=model in ARABIC_SCRIPT_MODELS,
    )
    source = img if full is None else full
    page_ink = PageInk(source, source.width / img.width)
    ink: PageInk | None = page_ink
    if model not in ARABIC_SCRIPT_MODELS or not page_ink.countable(words):
        ink = None

    def mend(line: list[OcrWord], readings: list[list[OcrWord]]) -> list[OcrWord]:
        return mend_line(line, readings, ink, model, sure_alone=False)

    # a large line takes another reading's word only by its dots: where they cannot be
    # counted, its readings are not mended (nor the sister model asked for more)
    words = reread_large_lines(
        img,
        words,
        _line_models(model),
        _read_line,
        full,
        mend if ink is not None else None,
        _sister_models(model) if ink is not None else (),
    )
    words = _second_opinion(img, words, model)
    words = reread_weak_words(img, words, model, _read_line_at, ink)
    return _zwnj_from_second_reading(img, words, model), model


def _line_models(model: str) -> tuple[str, ...]:
    """The models a large line is read again by: the page's, and for Arabic script the
    script's model too (each lost different letters of the corpus's titles)."""
    if model in ARABIC_SCRIPT_MODELS and model != "Arabic" and _installed("Arabic"):
        return (model, "Arabic")
    return (model,)


def _sister_models(model: str) -> tuple[str, ...]:
    """The sister model of an Arabic-script page's model, when installed: its readings of
    a large line are weighed word by word (``ocr_sister``), never taken as the line."""
    from ganjina.read.ocr_sister import SISTER_MODELS

    sister = SISTER_MODELS.get(model)
    return (sister,) if sister and _installed(sister) and sister not in _line_models(model) else ()


def _read_line(picture: Any, model: str) -> list[OcrWord]:
    return list(_recognise(picture, model, psm=7))


def _read_line_at(picture: Any, model: str, offset: tuple[int, int]) -> list[OcrWord]:
    return list(_recognise(picture, model, psm=7, offset=offset, better=False))


def _mean_confidence(words: list[OcrWord]) -> float:
    from ganjina.read.ocr_lines import mean_confidence

    return mean_confidence(words)


def _zwnj_from_second_reading(img: Any, words: list[OcrWord], model: str) -> list[OcrWord]:
    """Where a better model read the page, two words that the system's model reads as one
    word joined by a ZWNJ are one (tessdata_best's Persian model reads most of a page's
    letters better but gives ``جست‌وجوی`` as ``جست وجوی``: on the page the two are drawn
    alike, a final form and a gap, so the second reading of the same line decides)."""
    from ganjina.read.ocr_clean import ZWNJ, clean_zwnj
    from ganjina.read.ocr_lines import line_crop

    if model_file(model) == model_file(model, better=False):
        return words  # one model only: no second reading to take
    out: list[OcrWord] = []
    for _, group_iter in itertools.groupby(words, key=lambda w: w.line):
        group = list(group_iter)
        pairs = [
            i
            for i in range(len(group) - 1)
            if clean_zwnj(group[i].text + ZWNJ + group[i + 1].text).count(ZWNJ)
            > (group[i].text + group[i + 1].text).count(ZWNJ)
        ]
        if not pairs:
            out.extend(group)
            continue
        crop = img.crop(line_crop(img, group))
        seen = {w.text for w in _recognise(crop, model, psm=7, better=False)}
        merged: list[OcrWord] = []
        for i, w in enumerate(group):
            if merged and i - 1 in pairs and merged[-1].text + ZWNJ + w.text in seen:
                merged[-1] = _joined(merged[-1], w, ZWNJ)
            else:
                merged.append(w)
        out.extend(merged)
    return out


def _joined(first: OcrWord, second: OcrWord, joiner: str) -> OcrWord:
    """Two words of a line as one, ``joiner`` between them."""
    from ganjina.read.ocr_lines import OcrWord, box_around

    box = box_around((first.box, second.box))
    n1, n2 = len(first.text) or 1, len(second.text) or 1
    edge = min(first.box[0], second.box[2])
    return OcrWord(
        text=first.text + joiner + second.text,
        box=box,
        confidence=(first.confidence * n1 + second.confidence * n2) / (n1 + n2),
        line=first.line,
        line_box=first.line_box,
        baseline=first.baseline,
        row_height=max(first.row_height, second.row_height),
        para_start=first.para_start,
        symbols=[*first.symbols, (joiner, edge, edge), *second.symbols],
    )


def number_reader(
    img: Any, model: str, full: Any = None
) -> Callable[[list[OcrWord]], list[OcrWord]]:
    """Reads the numbers among words again glyph by glyph, on ``full`` (the page at the
    scan's own size; ``img`` when None), for the Arabic-script models; else changes
    nothing (Latin digits are read right by eng and deu)."""
    from ganjina.read.ocr_digits import reread_numbers

    if model not in ARABIC_SCRIPT_MODELS:
        return lambda words: words
    page = img if full is None else full
    factor = page.width / img.width

    def reread(words: list[OcrWord]) -> list[OcrWord]:
        return reread_numbers(words, page, factor, glyph_reader(model))

    return reread


def glyph_reader(model: str) -> Callable[[list[Any]], tuple[str, float]]:
    """Reads one glyph, from its pictures at several sizes, as one of the Persian digits
    (PSM 10: a single character), by the Persian model and the page's: every reading
    votes with its confidence, and the answer's confidence is its votes over the readings
    (measured: one reading alone took a ۹ for a ۵ at one size; the script model alone
    took a ۳ for an alef)."""
    from ganjina.read.ocr_digits import DIGITS

    # the system's models, better ones or not: the votes and the bars of ocr_digits were
    # measured with them, and tessdata_best's Persian model read ۲ as ۳ alone
    apis = [_engine(m, 10) for m in dict.fromkeys(("fas", model)) if _installed(m)]
    # a model may give a Persian digit as its Arabic-Indic twin (٣ for ۳): both are
    # allowed, and read as the Persian digit, which Dari and Pashto print
    arabic_indic = "".join(chr(0x660 + d) for d in range(10))
    to_persian = str.maketrans(arabic_indic, DIGITS)

    def read_glyph(pictures: list[Any]) -> tuple[str, float]:
        votes: dict[str, list[float]] = {}
        for api in apis:
            api.SetVariable("tessedit_char_whitelist", DIGITS + arabic_indic)
            for picture in pictures:
                api.SetImage(picture)
                text = set((api.GetUTF8Text() or "").strip().translate(to_persian))
                if len(text) == 1:  # "۹٩" is one ۹ read twice
                    votes.setdefault(text.pop(), []).append(api.MeanTextConf() / 100.0)
        total = sum(sum(v) for v in votes.values())
        if not total:
            return "", 0.0
        best = max(votes, key=lambda k: sum(votes[k]))
        share = sum(votes[best]) / total
        return best, share * sum(votes[best]) / len(votes[best])

    return read_glyph


def row_reader(
    img: Any, model: str, full: Any = None
) -> Callable[[tuple[int, int, int, int]], list[OcrWord]]:
    """Reads one box of the page as a single line of text (PSM 7), in page pixels, its
    numbers read again glyph by glyph."""
    numbers = number_reader(img, model, full)

    def read_row(box: tuple[int, int, int, int]) -> list[OcrWord]:
        # the system's model: the bars of ocr_rows were measured on its confidences, and
        # with tessdata_best's Persian model a lost date line stayed lost
        crop = img.crop(box)
        words = list(_recognise(crop, model, psm=7, offset=box[:2], better=False))
        if not any(w.text.strip() for w in words):
            # PSM 7's line finding can refuse a line outright (a Pashto byline with the
            # tall "الله" ligature came back empty, while the raw-line mode read it whole at
            # 0.73): a line read as nothing is read again as a raw line
            words = list(_recognise(crop, model, psm=RAW_LINE, offset=box[:2], better=False))
        return numbers(words)

    return read_row


def _second_opinion(img: Any, words: list[OcrWord], model: str) -> list[OcrWord]:
    """Lines the page's model read with little confidence, read again by the other script's
    model (a Persian masthead on an English page, an English line on a Dari one); the
    reading with the higher confidence stays, or on a line of both scripts, each
    model's runs where it is the surer one (``ocr_mixed``)."""
    from ganjina.read.ocr_lines import line_crop
    from ganjina.read.ocr_mixed import merge_other_script

    other = "eng" if model in ("Arabic", "fas", "pus") else "Arabic"
    if not _installed(other):
        other = "fas" if other == "Arabic" and _installed("fas") else other
        if not _installed(other):
            return words
    out: list[OcrWord] = []
    for _, group_iter in itertools.groupby(words, key=lambda w: w.line):
        group = list(group_iter)
        confidence = _mean_confidence(group)
        if confidence >= SECOND_OPINION_BELOW:
            out.extend(group)
            continue
        x0, y0, x1, y1 = line_crop(img, group)
        again = list(_recognise(img.crop((x0, y0, x1, y1)), other, psm=7, offset=(x0, y0)))
        if again and _mean_confidence(again) > confidence + 0.1:
            for w in again:
                w.line = group[0].line
                w.row_height = w.row_height or group[0].row_height
            out.extend(again)
        else:
            # a line of both scripts: each model's runs where it is the surer one
            script = "latin" if other == "eng" else "arabic"
            out.extend(merge_other_script(group, again, script) if again else group)
    return out


def _recognise(
    img: Any, model: str, psm: int = 4, offset: tuple[int, int] = (0, 0), better: bool = True
) -> Iterator[OcrWord]:
    """Tesseract's words on a page (PSM 4: one column of text of varying sizes, measured
    best here), each with its line, box, confidence and symbols, in page pixels."""
    import tesserocr

    from ganjina.read.ocr_lines import OcrWord

    api = _engine(model, psm, better)
    api.SetImage(img)
    api.Recognize()
    level = tesserocr.RIL
    it = api.GetIterator()
    if it is None:
        return
    line_no = 0
    current: OcrWord | None = None
    for sym in tesserocr.iterate_level(it, level.SYMBOL):
        if sym.IsAtBeginningOf(level.TEXTLINE):
            line_no += 1
        if sym.IsAtBeginningOf(level.WORD) or current is None:
            if current is not None:
                yield current
            box = _moved(sym.BoundingBox(level.WORD), offset)
            if box is None:
                current = None
                continue
            line_box = _moved(sym.BoundingBox(level.TEXTLINE), offset) or box
            baseline = sym.Baseline(level.TEXTLINE)
            if baseline:
                (bx0, by0), (bx1, by1) = baseline
                dx, dy = offset
                baseline = ((bx0 + dx, by0 + dy), (bx1 + dx, by1 + dy))
            attrs = sym.RowAttributes() if sym.IsAtBeginningOf(level.TEXTLINE) else {}
            current = OcrWord(
                text="",
                box=box,
                confidence=sym.Confidence(level.WORD) / 100.0,
                line=line_no,
                line_box=line_box,
                baseline=baseline,
                row_height=float(attrs.get("row_height", 0.0)) if attrs else 0.0,
                para_start=sym.IsAtBeginningOf(level.PARA),
            )
        symbol = sym.GetUTF8Text(level.SYMBOL) or ""
        sbox = _moved(sym.BoundingBox(level.SYMBOL), offset)
        if symbol and sbox:
            # the symbols come in reading order; the word's own text does not (it is
            # reversed for right-to-left words when iterating by symbol)
            current.symbols.append((symbol, sbox[0], sbox[2]))
            current.text += symbol
    if current is not None:
        yield current


def _moved(
    box: tuple[int, int, int, int] | None, offset: tuple[int, int]
) -> tuple[int, int, int, int] | None:
    """A box of a cropped picture in the page's pixels."""
    if box is None:
        return None
    dx, dy = offset
    return (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)
