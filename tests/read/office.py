"""Small documents for tests, laid out in LibreOffice as Word users lay them out.

A document is a list of parts written as ODF flat XML (``.fodt``): paragraphs in a few
named styles, tables, notes. ``convert`` turns them into PDF or DOCX with ``soffice`` in
one call (its own profile, so parallel runs do not meet).
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

__all__ = [
    "MASTHEAD",
    "convert",
    "escape",
    "fodt",
    "p",
    "page_of_pages",
    "ruled_table",
    "table_row",
    "two_columns",
]

_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
)
MASTHEAD = ["افغانستان آزاد – آزاد افغانستان", "AA-AA", "www.afgazad.com afgazad@gmail.com"]


def _props(size: int, bold: bool = False) -> str:
    sizes = f'fo:font-size="{size}pt" style:font-size-complex="{size}pt"'
    weight = ' fo:font-weight="bold" style:font-weight-complex="bold"' if bold else ""
    return f"<style:text-properties {sizes}{weight}/>"


def _styles(rtl: bool) -> str:
    """C centred bold (masthead), L flush (front matter), T the title, B the body, D the
    body with a drop cap three lines tall, R the attribution at the paragraph's end."""
    direction = ' style:writing-mode="rl-tb"' if rtl else ""
    body = f' fo:text-align="justify" fo:margin-bottom="0.3cm"{direction}'
    drop_cap = '<style:drop-cap style:lines="3" style:length="1" style:distance="0.1cm"/>'
    styles = {  # name: (paragraph attributes, paragraph children, text properties)
        "C": (' fo:text-align="center"', "", _props(12, True)),
        "L": (direction, "", _props(12)),
        "T": (' fo:text-align="center" fo:margin-bottom="0.3cm"', "", _props(18, True)),
        "B": (body, "", _props(12)),
        "D": (body, drop_cap, _props(12)),
        "R": (f' fo:text-align="end"{direction}', "", _props(12)),
    }
    columns = "".join(
        f'<style:style style:name="{name}" style:family="section">'
        f"<style:section-properties{mode}>"
        '<style:columns fo:column-count="2" fo:column-gap="0.6cm"/></style:section-properties>'
        "</style:style>"
        for name, mode in (("Columns", ""), ("ColumnsRtl", ' style:writing-mode="rl-tb"'))
    )
    tables = (  # a ruled cell, and a table whose first column is on the right
        '<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties '
        'fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>'
        '<style:style style:name="TableRtl" style:family="table"><style:table-properties '
        'style:width="12cm" table:align="right" style:writing-mode="rl-tb"/></style:style>'
    )
    return (
        columns
        + tables
        + "".join(
            f'<style:style style:name="{name}" style:family="paragraph">'
            f"<style:paragraph-properties{para}>{children}</style:paragraph-properties>{text}"
            "</style:style>"
            for name, (para, children, text) in styles.items()
        )
    )


def two_columns(parts: list[str], *, rtl: bool = False) -> str:
    """The parts set in a section of two columns (``rtl``: the first one on the right)."""
    style = "ColumnsRtl" if rtl else "Columns"
    return (
        f'<text:section text:style-name="{style}" text:name="Body">{"".join(parts)}</text:section>'
    )


def p(style: str, text: str, raw: str = "") -> str:
    """A paragraph in one of the styles; ``raw`` is ODF markup put after the text."""
    return f'<text:p text:style-name="{style}">{escape(text)}{raw}</text:p>'


def table_row(*cells: str, style: str = "L") -> str:
    """A table of one row, a cell per text (a byline beside its date)."""
    columns = "".join("<table:table-column/>" for _ in cells)
    row = "".join(f"<table:table-cell>{p(style, c)}</table:table-cell>" for c in cells)
    return f"<table:table>{columns}<table:table-row>{row}</table:table-row></table:table>"


def ruled_table(
    rows: list[list[str]], *, rtl: bool = False, style: str = "L", header: bool = False
) -> str:
    """A table ruled on every side of every cell, as Word's "Table Grid" prints. A cell
    written ``"<<"`` is covered by the one before it in its row (they are merged), one
    written ``"^^"`` by the one above it; ``rtl``: the first column on the right;
    ``header``: the first row repeats at the top of every page (Word's header row)."""
    columns = "".join("<table:table-column/>" for _ in range(max(map(len, rows))))
    out = []
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            if text in ("<<", "^^"):
                cells.append("<table:covered-table-cell/>")
                continue
            across = next((i for i, t in enumerate(row[c + 1 :]) if t != "<<"), len(row) - c - 1)
            down = next(
                (i for i, below in enumerate(rows[r + 1 :]) if below[c] != "^^"), len(rows) - r - 1
            )
            spans = f' table:number-columns-spanned="{across + 1}"' if across else ""
            spans += f' table:number-rows-spanned="{down + 1}"' if down else ""
            cell = f'<table:table-cell table:style-name="Cell"{spans}>'
            cells.append(f"{cell}{p(style, text)}</table:table-cell>")
        row_xml = f"<table:table-row>{''.join(cells)}</table:table-row>"
        if header and r == 0:
            row_xml = f"<table:table-header-rows>{row_xml}</table:table-header-rows>"
        out.append(row_xml)
    named = ' table:style-name="TableRtl"' if rtl else ""
    return f"<table:table{named}>{columns}{''.join(out)}</table:table>"


_PAGE_LAYOUT = (
    '<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" '
    'fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="1.5cm" '
    'fo:margin-left="2cm" fo:margin-right="2cm"/><style:footer-style/></style:page-layout>'
)


def page_of_pages(before: str, between: str) -> str:
    """A footer's text: ``before`` the page's number, ``between`` it and the page count
    (``"صفحه "``, ``" از "``), both as LibreOffice's fields."""
    return (
        f'{escape(before)}<text:page-number text:select-page="current">1</text:page-number>'
        f"{escape(between)}<text:page-count>1</text:page-count>"
    )


def fodt(
    parts: list[str],
    *,
    rtl: bool = False,
    font: str = "Liberation Serif",
    footer: str | None = None,
) -> str:
    """The document; ``footer``: ODF markup of a centred footer on every page."""
    layout = _PAGE_LAYOUT if footer is not None else ""
    master = (
        '<office:master-styles><style:master-page style:name="Standard" '
        f'style:page-layout-name="pm1"><style:footer><text:p text:style-name="C">{footer}'
        "</text:p></style:footer></style:master-page></office:master-styles>"
        if footer is not None
        else ""
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document {_NAMESPACES} '
        'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">'
        f'<office:font-face-decls><style:font-face style:name="{font}" '
        f'svg:font-family="{font}"/></office:font-face-decls><office:styles>'
        '<style:style style:name="Standard" style:family="paragraph"><style:text-properties '
        f'style:font-name="{font}" style:font-name-complex="{font}"/></style:style>'
        f"</office:styles><office:automatic-styles>{layout}{_styles(rtl)}</office:automatic-styles>"
        f"{master}"
        f"<office:body><office:text>{''.join(parts)}</office:text></office:body>"
        "</office:document>"
    )


def convert(folder: Path, documents: dict[str, str], to: str) -> dict[str, Path]:
    """Write each document as ``NAME.fodt`` and convert all with one soffice call."""
    sources = []
    for name, text in documents.items():
        path = folder / f"{name}.fodt"
        path.write_text(text, encoding="utf-8")
        sources.append(str(path))
    profile = folder / "soffice-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         to, "--outdir", str(folder), *sources],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    return {name: folder / f"{name}.{to}" for name in documents}
