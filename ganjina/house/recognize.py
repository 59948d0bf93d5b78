"""Layout + site profile → Article: the house-style recognizer.

The order of work: front matter from the top of the first page; running headers and
footers out of the rest; lines grouped into typed blocks; page-split paragraphs joined;
the last line read as the attribution; the language identified from the body. Each field
that cannot be read is left empty with a warning on the record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TypeGuard

from ganjina.house.attribution import read_attribution
from ganjina.house.blocks import Piece, ends_sentence, group_pieces, mend_credit
from ganjina.house.credits import SEPARATORS, split_credit
from ganjina.house.frontmatter import FrontMatter, body_size, read_front_matter, starts_with
from ganjina.house.furniture import strip_furniture
from ganjina.house.notes import bracket_references, take_notes
from ganjina.house.profile import Profile
from ganjina.house.repair import join_split_paragraphs
from ganjina.read.layout import Declared, Layout, Line, taken_from_metadata
from ganjina.record import Article, Block, Section, Site, Source, content_id
from ganjina.text import identify_language
from ganjina.text.canonical import loose_letters

_NAME_SPLIT_SPACES = re.compile(r"\s+")


def split_names(text: str, profile: Profile | None, commas: bool = True) -> list[str]:
    """Split a byline into names at "and", "und", "و" and (unless told not to) commas.

    >>> split_names("Jane Example and Omar Siddiqi", None)
    ['Jane Example', 'Omar Siddiqi']
    """
    joiners = profile.joiners if profile else (" and ", " und ", " و ", "، ", ", ")
    if not commas:
        joiners = tuple(j for j in joiners if j.strip(" ,،"))
    names = [text]
    for joiner in joiners:
        names = [part for name in names for part in name.split(joiner)]
    cleaned = [_NAME_SPLIT_SPACES.sub(" ", n).strip(" ,،;") for n in names]
    return [n for n in cleaned if n]


def _strip_prefix(text: str, prefixes: tuple[str, ...]) -> str:
    """The byline without its label, also behind a dash a right-to-left conversion
    moved to the front (``– نوشته: Name``), or the names a framing label holds.

    >>> _strip_prefix("– نوشته: مریم احمدی", ("نوشته:",))
    'مریم احمدی'
    """
    return starts_with(text.lstrip(SEPARATORS), prefixes) or text


def _people(fm: FrontMatter, profile: Profile | None) -> tuple[list[str], list[str]]:
    authors: list[str] = []
    translators: list[str] = []
    prefixes = profile.author_prefixes if profile else ()
    credits = profile.translator_prefixes if profile else ()
    for line in fm.byline:
        names, translated_by = split_credit(_strip_prefix(line, prefixes), credits)
        # a dash left at the end where the date was split off (``Name – 03.04.2023``)
        authors.extend(split_names(names.strip(SEPARATORS), profile))
        if translated_by:
            translators.extend(split_names(translated_by, profile))
    for line in fm.translator_lines:
        translators.extend(split_names(line, profile))
    return authors, translators


@dataclass
class Explained:
    """Each line of the layout with the role it was given and the evidence."""

    lines: list[tuple[Line, str, str]] = field(default_factory=list)


def recognize(layout: Layout, profile: Profile | None) -> Article:
    """Read an Article from a Layout with a site profile (None: generic rules only)."""
    return recognize_explained(layout, profile)[0]


def recognize_explained(layout: Layout, profile: Profile | None) -> tuple[Article, Explained]:
    """The Article, and for ``parse --explain`` the role and evidence of every line."""
    # notes (Word's footnotes and endnotes, a page's foot notes) are read after the body,
    # where neither the front matter nor the attribution can take them
    notes = [ln for ln in layout.lines if ln.hint == "note" and ln.text.strip()]
    lines = [ln for ln in layout.lines if (ln.text or ln.hint == "image") and ln.hint != "note"]
    lines, foot_notes = take_notes(lines, body_size(lines))
    if foot_notes:
        lines = bracket_references(lines, foot_notes)
        notes += foot_notes
    fm = read_front_matter(lines, profile)
    explained = Explained()
    roles: dict[int, tuple[str, str]] = {
        k: (d.role, d.why) for k, d in fm.decisions.items() if k < fm.body_start
    }
    # lines no front-matter role claimed stay in the body, where they stood
    candidates = [(k, lines[k]) for k in fm.unplaced] + [
        (k, ln) for k, ln in enumerate(lines) if k >= fm.body_start
    ]
    body_lines, removed = strip_furniture(
        [ln for _, ln in candidates],
        profile,
        pages=layout.pages if layout.format == "pdf" else None,
        page_height=layout.page_height,
        page_numbers_in_flow=layout.page_numbers_in_flow,
    )
    removed_ids = {id(ln): why for ln, why in removed}
    for k, ln in candidates:
        if id(ln) in removed_ids:
            roles[k] = ("furniture", removed_ids[id(ln)])
    pieces = join_split_paragraphs(group_pieces(body_lines, body_size(lines)), layout.page_height)
    article = Article(warnings=list(layout.warnings))
    title_lines: set[int] = set()
    if fm.title is None and not fm.unplaced and pieces and pieces[0].type == "heading":
        first = pieces.pop(0)  # generic rule: the first heading is the title
        fm.title = first.text
        title_lines = {id(ln) for ln in first.lines}

    source, source_lines = _attribution(pieces, profile)
    paged = layout.format == "pdf"
    for piece in pieces:
        text = piece.text
        if piece.type == "caption":
            text = mend_credit(text)
        if text:
            article.blocks.append(
                Block(
                    piece.type,
                    text,
                    piece.marker if piece.type == "list_item" else None,
                    piece.page if paged else None,
                    piece.rows,
                    bool(piece.rows) and piece.lines[0].table_header,
                )
            )
    for note in notes:
        text, page = " ".join(note.text.split()), note.page if paged else None
        article.blocks.append(Block("list_item", text, note.marker, page))
    block_of = {id(ln): piece.type for piece in pieces for ln in piece.lines}
    for k, ln in enumerate(lines):
        if k in roles:
            explained.lines.append((ln, *roles[k]))
        elif id(ln) in source_lines:
            explained.lines.append((ln, "attribution", source_lines[id(ln)]))
        elif id(ln) in block_of:
            explained.lines.append((ln, block_of[id(ln)], "body"))
        elif ln.hint == "image":
            explained.lines.append((ln, "image", "a picture"))
        elif id(ln) in title_lines:
            explained.lines.append((ln, "title", "the first heading (generic rule)"))
        else:  # rewritten on the way (a list marker taken off): found by its text
            kind = next((p.type for p in pieces if ln.text.strip()[-20:] in p.text), "body")
            explained.lines.append((ln, kind, "body"))
    explained.lines.extend((ln, "note", "a footnote or endnote") for ln in notes)
    for k in fm.unplaced:
        article.warn(f"unrecognised line before the title kept in the body: {lines[k].text!r}")

    authors, translators = _people(fm, profile)
    article.title = fm.title
    article.authors, article.translators = authors, translators
    article.date, article.date_text = fm.date_iso, fm.date_text
    article.source = source
    if fm.masthead_found or fm.url or fm.email:
        motto = "\n".join(fm.motto) if fm.motto else None
        article.site = Site(name=fm.site_name, url=fm.url, email=fm.email, motto=motto)
    if fm.section is not None:
        article.section = Section(fm.section.id, fm.section_labels)
    guess = identify_language(
        # a few thousand letters decide the language as well as the whole text does
        article.body_text()[:1500] or (article.title or ""),
        section=fm.section.id if fm.section else None,
    )
    article.language = guess.tag
    _prefer_metadata(article, layout.metadata)
    if layout.declared is not None:
        _fill_declared(article, layout.declared, profile)

    _warn_missing(article, fm, profile)
    article.id = content_id(article)  # now that title, date and authors are known
    return article, explained


def _prefer_metadata(article: Article, metadata: dict[str, str]) -> None:
    """Where the document's metadata says the same title or names as the page, take the
    metadata's spelling: it is text, not a text layer, so it keeps every ZWNJ and hamza
    that glyph mapping loses. Metadata that says something else is ignored."""
    title = " ".join(metadata.get("title", "").split())
    if title and article.title and loose_letters(title) == loose_letters(article.title):
        article.title = title
    subject = " ".join(metadata.get("subject", "").split())
    source = article.source
    if subject and source and loose_letters(subject) == loose_letters(source.text):
        # the attribution line as written; its name is the same span of it
        if source.name and loose_letters(source.name) in loose_letters(subject):
            source.name = _respell(source.name, subject)
        source.text = subject
    names = [n.strip() for n in re.split(r"[;,،]", metadata.get("author", "")) if n.strip()]
    same = len(names) == len(article.authors) and all(
        loose_letters(a) == loose_letters(b) for a, b in zip(names, article.authors, strict=True)
    )
    if names and same:
        article.authors = names


def _fill_declared(article: Article, declared: Declared, profile: Profile | None) -> None:
    """Fields the text left empty, from what the document declares about itself (a web
    page's JSON-LD and meta tags): the text printed on the page always comes first, and
    each field taken is named in the warnings with its source."""
    taken: list[str] = []  # the fields taken, as ``declared.evidence`` names them
    if article.title is None and declared.title:
        article.title = declared.title
        taken.append("title")
    if not article.authors and declared.authors:
        # (declared names are one a tag or an item; a comma may be ``Family, Given``)
        split = [split_names(name, profile, commas=False) for name in declared.authors]
        article.authors = [n for names in split for n in names]
        taken.append("authors")
    if article.date is None and declared.date:
        article.date = declared.date  # (``date_text`` stays empty: no date was printed)
        taken.append("date")
    if article.site is None and (declared.site_name or declared.site_url):
        article.site = Site(name=declared.site_name, url=declared.site_url)
        taken += [k for k in ("site_name", "site_url") if k in declared.evidence]
    shown = {"site_name": "site name", "site_url": "site address"}
    for name in taken:
        article.warn(taken_from_metadata(shown.get(name, name), declared.evidence[name]))


def _respell(fragment: str, exact: str) -> str:
    """The part of ``exact`` that loosely equals ``fragment`` (same letters and digits):
    the first such span, without trailing stops. One pass over ``exact``'s loose letters,
    each remembering the character it came from, so metadata of any length costs linear
    time."""
    target = loose_letters(fragment)
    if not target:
        return fragment
    letters: list[str] = []
    owner: list[int] = []  # the index in ``exact`` of each loose letter
    for index, ch in enumerate(exact):
        for letter in ch.casefold():
            if letter.isalnum():
                letters.append(letter)
                owner.append(index)
    loose = "".join(letters)
    at = loose.find(target)
    while at >= 0:
        end = at + len(target)
        # a span is whole characters: it may not start or end inside one's folding (ß: ss)
        whole_start = at == 0 or owner[at - 1] != owner[at]
        whole_end = end == len(loose) or owner[end] != owner[end - 1]
        if whole_start and whole_end:
            return exact[owner[at] : owner[end - 1] + 1].strip()
        at = loose.find(target, at + 1)
    return fragment


def _attribution(
    pieces: list[Piece], profile: Profile | None
) -> tuple[Source | None, dict[int, str]]:
    """The attribution: the last piece whatever its style (Word editors set it bold,
    italic, right-aligned, as a heading), or a labelled line among the last three with
    only captions or furniture after it. The piece is taken out of the body."""
    if pieces:
        found = _attribution_as_last_line(pieces[-1], profile)
        if found is not None:
            return found
    for back in range(1, min(3, len(pieces)) + 1):
        piece = pieces[-back]
        if piece.type == "list_item" or len(piece.lines) > 3:
            if back == 1:
                continue
            break
        source = read_attribution(piece.text, profile, labelled_only=back > 1)
        if source is not None:
            if back > 1 and any(p.type != "caption" for p in pieces[-back + 1 :]):
                break
            del pieces[-back]
            why = "the last line, an outlet and a date" if back == 1 else "a labelled source"
            return source, {id(ln): why for ln in piece.lines}
    return None, {}


def _attribution_as_last_line(
    piece: Piece, profile: Profile | None
) -> tuple[Source, dict[int, str]] | None:
    """An attribution printed as the last line of the last paragraph's lines: set
    without a first-line indent or a gap, it was grouped with the paragraph above. Only
    a printed line (one with a position) after a line that ends a sentence is looked at."""
    if piece.type != "paragraph":
        return None
    if piece.lines[-1].bbox is None:
        return _attribution_run_on(piece, profile)
    if len(piece.lines) < 2:
        return None
    last, before = piece.lines[-1], piece.lines[-2]
    if last.bbox is None or not ends_sentence(before.text):
        return None
    source = read_attribution(last.text, profile)
    if source is None:
        return None
    piece.lines.pop()
    return source, {id(last): "the last printed line, an outlet and a date"}


# where one sentence ends and the next begins: a stop (and closing quotes), then a space
_SENTENCE_GAP = re.compile(r"(?<=[.!?…؟])[\"'”’»)]*\s+(?=\S)")


def _attribution_run_on(
    piece: Piece, profile: Profile | None
) -> tuple[Source, dict[int, str]] | None:
    """An attribution a converter ran into the last paragraph's text (a format with no
    positions, where the paragraph is one line): after the paragraph's last sentence,
    an outlet and a date, or a labelled source. The paragraph keeps the rest."""
    last = piece.lines[-1]
    gaps = list(_SENTENCE_GAP.finditer(last.text))
    if gaps:
        head, tail = last.text[: gaps[-1].start()].rstrip(), last.text[gaps[-1].end() :]
        source = read_attribution(tail, profile)
        if source is not None and head:
            piece.lines[-1] = replace(last, text=head)
            return source, {
                id(last): "after the last paragraph's last sentence, an outlet and a date"
            }
    return _labelled_run_on(piece, profile)


_BEFORE_LABEL = " ،,;"
_SHORT_OUTLET = 4  # words of an undated outlet's name


def _reads_as_source(source: Source | None) -> TypeGuard[Source]:
    """Dated, or a name short enough to be an outlet's, not the rest of a sentence."""
    if source is None or not source.name:
        return False
    return source.date is not None or len(source.name.split()) <= _SHORT_OUTLET


def _labelled_run_on(piece: Piece, profile: Profile | None) -> tuple[Source, dict[int, str]] | None:
    """A labelled source (``… سمون لري ،سرچینه: د لمر راډیو۲۱.۰۳.۲۰۲۲``) that ends the
    last paragraph's text where a right-to-left conversion moved the sentence's stop
    away: the label, after a space, starts the attribution; what follows it must read
    as one (a label and words inside the sentence are no source)."""
    last = piece.lines[-1]
    text = last.text
    for prefix in profile.attribution_prefixes if profile else ():
        at = text.rfind(prefix)
        if at == 0 and len(piece.lines) > 1:
            # a line of its own, joined to the paragraph above whose stop was moved away
            source = read_attribution(text, profile, labelled_only=True)
            if _reads_as_source(source):
                piece.lines.pop()
                return source, {id(last): "a labelled line, the last of the last paragraph"}
            continue
        # after a space or a separator, and not first
        if at <= 0 or text[at - 1] not in _BEFORE_LABEL or not text[:at].strip(_BEFORE_LABEL):
            continue
        source = read_attribution(text[at:], profile, labelled_only=True)
        if not _reads_as_source(source):
            continue
        piece.lines[-1] = replace(last, text=text[:at].rstrip())
        return source, {id(last): "a labelled source at the end of the last paragraph"}
    return None


def _warn_missing(article: Article, fm: FrontMatter, profile: Profile | None) -> None:
    if not fm.masthead_found:
        who = f"the {profile.id} profile" if profile else "no profile"
        article.warn(f"no known masthead ({who}): read with generic rules")
    elif fm.site_name is None:
        article.warn("no site name printed as text (a logo?): the site known by URL and section")
    if article.section is None:
        article.warn("no section label found")
    if not article.authors:
        article.warn("no byline found")
    if article.date is None:
        article.warn("no date found")
    if article.title is None:
        article.warn("no title found")
    if article.source is None:
        article.warn("no source attribution found")
    if article.language is None:
        article.warn("language not identified")
    if not article.blocks:
        article.warn("no body text found")
