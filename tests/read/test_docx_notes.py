"""Word text outside the body's plain runs: footnotes, endnotes, tracked insertions, content
controls. Each is text the reader prints; none may vanish from the record."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml import parse_xml

from ganjina.read.docx_notes import format_number
from ganjina.reader import parse_bytes
from ganjina.record import Article

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = f'xmlns:w="{_W}"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"

MASTHEAD = ["افغانستان آزاد – آزاد افغانستان", "AA-AA", "www.afgazad.com afgazad@gmail.com"]
BODY = [
    "The farmers of the lower valley have waited for rain since the spring, and the wells "
    "of the village give water only at dawn, the elders said.",
    "The council met on Friday and agreed to share the river by the hour, as the water "
    "masters of their grandfathers' time had done in dry years.",
    "Nobody remembers a drier year, though some recall the drought of their childhood.",
]


def _ref(kind: str, note_id: int) -> object:
    return parse_xml(
        f'<w:r {_NS}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:{kind}Reference w:id="{note_id}"/></w:r>'
    )


def _notes_part(kind: str, notes: dict[int, str]) -> bytes:
    items = "".join(
        f'<w:{kind} w:id="{i}"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> '
        f"{text}</w:t></w:r></w:p></w:{kind}>"
        for i, text in notes.items()
    )
    separator = (
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
    )
    return f'<?xml version="1.0"?><w:{kind}s {_NS}>{separator}{items}</w:{kind}s>'.encode()


def _with_parts(data: bytes, parts: dict[str, bytes]) -> bytes:
    """The DOCX with note parts added, related from the document and typed."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                rels = "".join(
                    f'<Relationship Id="rNote{k}" Type="{_REL}/{name}s" Target="{name}s.xml"/>'
                    for k, name in enumerate(parts)
                )
                body = body.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
            if item.filename == "[Content_Types].xml":
                types = "".join(
                    f'<Override PartName="/word/{name}s.xml" ContentType="{_CT}.{name}s+xml"/>'
                    for name in parts
                )
                body = body.replace(b"</Types>", types.encode() + b"</Types>")
            dst.writestr(item, body)
        for name, blob in parts.items():
            dst.writestr(f"word/{name}s.xml", blob)
    return out.getvalue()


def _article(document: docx.document.Document, parts: dict[str, bytes] | None = None) -> Article:
    out = io.BytesIO()
    document.save(out)
    data = _with_parts(out.getvalue(), parts) if parts else out.getvalue()
    return parse_bytes(data, "notes.docx")


def _house(source: str = "Valley Post, 05.06.2023") -> tuple[docx.document.Document, list]:
    d = docx.Document()
    for line in [*MASTHEAD, "European Languages", "By Laura Penn", "08.06.2023"]:
        d.add_paragraph(line)
    d.add_heading("Rain returns late to the valley", level=1)
    paragraphs = [d.add_paragraph(text) for text in BODY]
    d.add_paragraph(source)
    return d, paragraphs


def test_footnotes_and_endnotes_are_read_after_the_body_numbered_as_printed() -> None:
    d, paragraphs = _house()
    paragraphs[0]._p.append(_ref("footnote", 7))
    paragraphs[1]._p.append(_ref("endnote", 3))
    paragraphs[2]._p.append(_ref("footnote", 4))
    article = _article(
        d,
        {
            "footnote": _notes_part(
                "footnote", {4: "A second note, referred to last.", 7: "The valley lies north."}
            ),
            "endnote": _notes_part("endnote", {3: "An endnote on the dry years."}),
        },
    )
    notes = [(b.marker, b.text) for b in article.blocks if b.type == "list_item"]
    # numbered in the order of reference, not of the ids; endnotes in Word's roman numerals
    assert notes == [
        ("[1]", "The valley lies north."),
        ("[2]", "A second note, referred to last."),
        ("[i]", "An endnote on the dry years."),
    ]
    body = [b.text for b in article.blocks if b.type == "paragraph"]
    assert body[0].endswith("the elders said.[1]")
    assert body[1].endswith("in dry years.[i]")
    assert body[2].endswith("childhood.[2]")
    # the attribution is still the article's last line: the notes do not stand after it
    assert article.source is not None and article.source.name == "Valley Post"


def test_a_damaged_notes_part_leaves_the_body_and_says_so() -> None:
    d, paragraphs = _house()
    paragraphs[0]._p.append(_ref("footnote", 1))
    article = _article(d, {"footnote": b"<w:footnotes not xml"})
    assert any("notes unreadable" in w for w in article.warnings)
    assert len([b for b in article.blocks if b.type == "paragraph"]) == 3


def _tracked(kind: str, run: str) -> object:
    return parse_xml(
        f'<w:{kind} {_NS} w:id="1" w:author="editor" w:date="2023-06-08T10:00:00Z">{run}</w:{kind}>'
    )


def _control(content: str) -> object:
    return parse_xml(f"<w:sdt {_NS}><w:sdtPr/><w:sdtContent>{content}</w:sdtContent></w:sdt>")


def test_a_tracked_insertion_is_read_and_a_deletion_is_not() -> None:
    d, paragraphs = _house()
    inserted = '<w:r><w:t xml:space="preserve"> The decision was taken unanimously.</w:t></w:r>'
    deleted = '<w:r><w:delText xml:space="preserve"> A sentence struck out.</w:delText></w:r>'
    paragraphs[1]._p.append(_tracked("ins", inserted))
    paragraphs[1]._p.append(_tracked("del", deleted))
    text = _article(d).body_text()
    assert "in dry years. The decision was taken unanimously." in text
    assert "struck out" not in text


def test_content_controls_in_the_body_and_in_a_paragraph_are_read() -> None:
    d, paragraphs = _house()
    paragraphs[2]._p.addprevious(
        _control(
            "<w:p><w:r><w:t>A paragraph a template holds in a content control, long enough to "
            "be a paragraph of the article's body.</w:t></w:r></w:p>"
        )
    )
    paragraphs[0]._p.append(_control('<w:r><w:t xml:space="preserve"> In Parwan.</w:t></w:r>'))
    text = _article(d).body_text()
    assert "the elders said. In Parwan." in text
    assert "A paragraph a template holds in a content control" in text
    assert text.index("content control") < text.index("Nobody remembers")


def test_word_number_formats() -> None:
    assert [format_number(n, "lowerRoman") for n in (1, 4, 9, 14, 40)] == [
        "i", "iv", "ix", "xiv", "xl",
    ]  # fmt: skip
    assert format_number(28, "lowerLetter") == "bb"
    assert format_number(3, "upperRoman") == "III"
    assert format_number(12, "chicago") == "12"  # a format not read: its number
