"""Language-ID accuracy on the labelled set in ``data/langid`` (see its ``build.py``).

``python -m tests.text.langid_eval`` prints the table that ``docs/text.md`` quotes; the
gates in ``test_language.py`` use the same numbers.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from ganjina.text import identify_language

DATA = Path(__file__).parent / "data" / "langid"
PERSIAN = {"fa", "fa-AF"}


def load(kind: str) -> list[dict[str, str]]:
    """Rows of ``sentences.tsv`` or ``headlines.tsv``: label, section, text."""
    with (DATA / f"{kind}.tsv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def accuracy(kind: str, *, with_section: bool, persian_family: bool = False) -> dict[str, float]:
    """Share of rows per label whose tag is the label.

    ``persian_family`` counts fa and fa-AF as one answer (is it Persian at all?).
    """
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for row in load(kind):
        section = row["section"] or None if with_section else None
        tag = identify_language(row["text"], section=section).tag
        label = row["label"]
        total[label] += 1
        if tag == label or (persian_family and label in PERSIAN and tag in PERSIAN):
            right[label] += 1
    return {label: right[label] / total[label] for label in total}


def table() -> str:
    lines = [
        "| set | condition | en | de | ps | fa-AF | fa (Iran) |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind in ("sentences", "headlines"):
        n = Counter(row["label"] for row in load(kind))
        for name, kwargs in (
            ("no section", {"with_section": False}),
            ("no section, fa/fa-AF as one", {"with_section": False, "persian_family": True}),
            ("with section", {"with_section": True}),
        ):
            acc = accuracy(kind, **kwargs)
            cells = [f"{acc[k]:.1%} of {n[k]}" for k in ("en", "de", "ps", "fa-AF", "fa")]
            lines.append(f"| {kind} | {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
