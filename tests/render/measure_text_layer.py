"""How well a published PDF reads back from its text layer alone (no attachment).

Publishes each source in memory, removes the embedded record, reads the PDF with
Ganjina's own reader (``ganjina.reader.parse_bytes``, text layer + house-style
recognizer) and compares with the record: every field, and the body's similarity
(``difflib`` ratio over the blocks' text in stored form, 1.0 = identical).

    python tests/render/measure_text_layer.py                 # the sample corpus
    python tests/render/measure_text_layer.py a.md b.docx -v  # -v: show the differences

Targets (issue 6): every field right; English and German bodies exact; Dari and Pashto
bodies at least 0.98.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from ganjina.record import Article  # noqa: E402
from ganjina.render.page import RECORD_ATTACHMENT  # noqa: E402
from ganjina.render.publish import Publisher  # noqa: E402

FIELDS = ("title", "authors", "translators", "date", "date_text", "language")
TARGET_RTL = 0.98


def strip_record(pdf: bytes) -> bytes:
    """The PDF without its record attachment: only the text layer is left to read."""
    with pymupdf.open(stream=pdf) as doc:
        if RECORD_ATTACHMENT in doc.embfile_names():
            doc.embfile_del(RECORD_ATTACHMENT)
        return bytes(doc.tobytes(garbage=1))


def body(article: Article) -> str:
    from ganjina.text import stored_form

    return "\n".join(stored_form(b.text) for b in article.blocks)


@dataclass
class Measurement:
    source: Path
    language: str
    similarity: float
    wrong_fields: dict[str, tuple[object, object]] = field(default_factory=dict)
    diff: list[str] = field(default_factory=list)

    @property
    def rtl(self) -> bool:
        return self.language.split("-")[0] in ("fa", "ps")

    @property
    def ok(self) -> bool:
        target = TARGET_RTL if self.rtl else 1.0
        return not self.wrong_fields and self.similarity >= target


def _fields(a: Article) -> dict[str, object]:
    values: dict[str, object] = {name: getattr(a, name) for name in FIELDS}
    values["section"] = a.section.id if a.section else None
    values["source.name"] = a.source.name if a.source else None
    values["source.date"] = a.source.date if a.source else None
    return values


def measure(publisher: Publisher, source: Path) -> Measurement:
    from ganjina.reader import parse_bytes

    rendered = publisher.render(source)
    expected = rendered.record
    got = parse_bytes(strip_record(rendered.pdf), f"{rendered.stem}.pdf")
    want, have = _fields(expected), _fields(got)
    wrong = {k: (want[k], have[k]) for k in want if want[k] != have[k]}
    a, b = body(expected), body(got)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    diff = [
        f"{op}: {a[i1:i2]!r} -> {b[j1:j2]!r}   in {a[max(0, i1 - 25) : i2 + 25]!r}"
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
    ]
    return Measurement(source, expected.language or "?", matcher.ratio(), wrong, diff)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="*", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="show the differences")
    args = parser.parse_args(argv)
    sources = args.sources or sorted((ROOT / "samples").glob("*/source.md"))
    publisher = Publisher()
    failed = 0
    for source in sources:
        m = measure(publisher, source)
        failed += not m.ok
        name = source.parent.name if source.stem == "source" else source.name
        target = TARGET_RTL if m.rtl else 1.0
        body_ok = "ok" if m.similarity >= target else "MISSED"
        fields = ", ".join(m.wrong_fields) or "all right"
        print(
            f"{name:<28} {m.language:<6} body {m.similarity:.4f} "
            f"(target {target:g}: {body_ok})  fields: {fields}"
        )
        for key, (want, have) in m.wrong_fields.items():
            print(f"    {key}: expected {want!r}, read {have!r}")
        if args.verbose:
            for line in m.diff[:40]:
                print("    " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
