"""Text-layer speed: search keys against hazm, date parsing against a naive parser.

Figures measured in one run, on the same input, in the same process:

1. ``search_key`` throughput against hazm's ``Normalizer().normalize`` on the same mixed
   Dari/Pashto/English text (50 MB by default, cut into article-sized pieces), and the
   ratio (issue 3: at least 5x faster);
2. ``parse_date`` on short date strings of every supported form, strings per second
   (issue 3: at least 100,000), against a naive regex-per-form parser with jdatetime as
   a baseline; and ``find_dates`` over the article text, MB per second.

The text is built from the labelled sentences in ``tests/text/data/langid`` (Dari,
Pashto, English), with a share of the Arabic-keyboard spellings (ي ك, Arabic-Indic
digits) that PDFs from the portal contain, so the folds have work to do.

    python bench/text.py              # 50 MB of text, 200,000 date strings
    python bench/text.py --mb 5       # smaller, same figures
    python bench/text.py --quick      # 2 MB and 50,000 strings (CI)
    python bench/text.py --check      # exit 1 if a target is missed
"""

from __future__ import annotations

import argparse
import csv
import datetime
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

import jdatetime  # noqa: E402

from ganjina.text import (  # noqa: E402
    find_dates,
    format_solar_hijri,
    parse_date,
    search_key,
    to_persian_digits,
)
from ganjina.text.months import DARI_SH_MONTHS, PASHTO_SH_MONTHS  # noqa: E402

LANGID = ROOT / "tests" / "text" / "data" / "langid"
ARTICLE_BYTES = 8_000  # a typical article body
KEY_TARGET, DATE_TARGET = 5.0, 100_000


def sentences() -> list[str]:
    rows: list[str] = []
    for kind in ("sentences", "headlines"):
        with (LANGID / f"{kind}.tsv").open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row["label"] in {"fa-AF", "ps", "en"}:
                    rows.append(row["text"])
    return rows


def articles(megabytes: float, rng: random.Random) -> list[str]:
    """Article-sized pieces of mixed text, ``megabytes`` of UTF-8 in all."""
    pool = sentences()
    arabic_keyboard = str.maketrans("یک۰۱۲۳۴۵۶۷۸۹", "يك٠١٢٣٤٥٦٧٨٩")
    out: list[str] = []
    total, goal = 0, int(megabytes * 1_000_000)
    while total < goal:
        parts, size = [], 0
        while size < ARTICLE_BYTES:
            s = rng.choice(pool)
            if rng.random() < 0.2:
                s = s.translate(arabic_keyboard)
            if rng.random() < 0.3:
                s += f" ({to_persian_digits(str(rng.randint(1, 31)))} حمل ۱۴۰۳)"
            parts.append(s)
            size += len(s.encode("utf-8")) + 1
        out.append(" ".join(parts))
        total += size
    return out


def date_strings(n: int, rng: random.Random) -> list[str]:
    """``n`` date strings in the forms the reader meets, evenly mixed."""
    forms: list[Callable[[datetime.date], str]] = [
        lambda d: format_solar_hijri(d, "fa"),
        lambda d: format_solar_hijri(d, "ps", "ascii"),
        lambda d: d.isoformat(),
        lambda d: d.strftime("%d.%m.%Y"),
        lambda d: d.strftime("%d %B %Y"),
        lambda d: to_persian_digits("{}/{:02}/{:02}".format(*_sh(d))),
        lambda d: f"د {_sh(d)[0]} کال د {PASHTO_SH_MONTHS[_sh(d)[1] - 1]} {_sh(d)[2]}مه",
        lambda d: f"{_sh(d)[2]} {DARI_SH_MONTHS[_sh(d)[1] - 1]}ی {_sh(d)[0]}",
    ]  # fmt: skip
    start = datetime.date(1960, 1, 1).toordinal()
    return [
        forms[i % len(forms)](datetime.date.fromordinal(start + rng.randrange(36_000)))
        for i in range(n)
    ]


def _sh(d: datetime.date) -> tuple[int, int, int]:
    j = jdatetime.date.fromgregorian(date=d)
    return j.year, j.month, j.day


# -- the naive baseline: one regex per form, tried in turn, jdatetime for solar hijri --
_ALL_MONTHS = {name: i + 1 for names in (DARI_SH_MONTHS, PASHTO_SH_MONTHS) for i, name in
               enumerate(names)}  # fmt: skip
_EN = {m: i + 1 for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December"])}  # fmt: skip
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
_NAIVE = [
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), "ymd"),
    (re.compile(r"(\d{4})/(\d{2})/(\d{2})"), "sh-ymd"),
    (re.compile(r"(\d{2})\.(\d{2})\.(\d{4})"), "dmy"),
    (re.compile(r"(\d{1,2}) (\w+) (\d{4})"), "d-name-y"),
    (re.compile(r"د (\d{4}) کال د (\w+) (\d{1,2})مه"), "ps"),
]


def naive_parse(s: str) -> datetime.date | None:
    s = s.translate(_DIGITS)
    for rx, kind in _NAIVE:
        m = rx.fullmatch(s)
        if m is None:
            continue
        a, b, c = m.groups()
        try:
            if kind == "ymd":
                return datetime.date(int(a), int(b), int(c))
            if kind == "sh-ymd":
                return jdatetime.date(int(a), int(b), int(c)).togregorian()
            if kind == "dmy":
                return datetime.date(int(c), int(b), int(a))
            if kind == "ps":
                return jdatetime.date(int(a), _ALL_MONTHS[b], int(c)).togregorian()
            if b in _EN:
                return datetime.date(int(c), _EN[b], int(a))
            name = b[:-1] if b[:-1] in _ALL_MONTHS else b
            return jdatetime.date(int(c), _ALL_MONTHS[name], int(a)).togregorian()
        except (KeyError, ValueError):
            return None
    return None


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=50.0, help="megabytes of text (50)")
    parser.add_argument("--dates", type=int, default=200_000, help="date strings (200,000)")
    parser.add_argument("--quick", action="store_true", help="2 MB and 50,000 strings")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()
    if args.quick:
        args.mb, args.dates = 2.0, 50_000
    rng = random.Random(3)

    docs = articles(args.mb, rng)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1_000_000
    print(f"text: {mb:.1f} MB in {len(docs):,} articles (Dari, Pashto, English)")
    ours = timed(lambda: [search_key(d) for d in docs])
    from hazm import Normalizer  # a dev dependency: imported only when measuring

    normalizer = Normalizer()
    theirs = timed(lambda: [normalizer.normalize(d) for d in docs])
    key_ratio = theirs / ours
    print(f"search_key              {ours:7.2f} s  {mb / ours:7.1f} MB/s")
    print(f"hazm Normalizer.normalize {theirs:5.2f} s  {mb / theirs:7.1f} MB/s")
    print(f"  ratio: search_key is {key_ratio:.1f}x faster (target >= {KEY_TARGET:.0f}x)")

    strings = date_strings(args.dates, rng)
    parsed: list[object] = []
    ours = timed(lambda: parsed.extend(parse_date(s) for s in strings))
    assert all(parsed), "every generated string must parse"
    baseline = timed(lambda: [naive_parse(s) for s in strings])
    per_second = len(strings) / ours
    print(f"parse_date              {per_second:10,.0f} strings/s  ({len(strings):,} strings)")
    print(f"naive regex + jdatetime {len(strings) / baseline:10,.0f} strings/s")
    print(f"  ratio: parse_date is {baseline / ours:.1f}x the naive parser's speed "
          f"(target >= {DATE_TARGET:,} strings/s)")  # fmt: skip
    sample = docs[: max(1, len(docs) // 10)]
    sample_mb = sum(len(d.encode("utf-8")) for d in sample) / 1_000_000
    found = timed(lambda: [find_dates(d) for d in sample])
    print(f"find_dates over articles {sample_mb / found:7.1f} MB/s ({sample_mb:.1f} MB)")

    missed = key_ratio < KEY_TARGET or per_second < DATE_TARGET
    if missed:
        print("TARGET MISSED")
    return 1 if missed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
