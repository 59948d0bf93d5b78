"""A byline that runs on into the translator's credit, split into its two parts.

Word users often set the people of an article on one line: ``Anna Berg – Translated by
Omid Sadeqi``, ``فرید آریان – برگردان: سیما نوابی``, ``Jan Roth – Aus dem Englischen
von Eva Lind``. The credit starts where a translator label of the profile, or a phrase
naming the language translated from, follows a separator; what stands before it is the
authors' part. Both the front matter (is this line a byline at all?) and the record (who
wrote it, who translated it) read the line through here, so they cannot disagree.
"""

from __future__ import annotations

from ganjina.house.patterns import TRANSLATED_FROM

#: what may stand between the authors' names and the credit
SEPARATORS = " \t–—-|,;:/"


def split_credit(byline: str, labels: tuple[str, ...]) -> tuple[str, str | None]:
    """``(authors' part, translators' part)``; the second is None when the line holds
    no credit (or nothing stands before it, and the line is no byline with a credit).

    >>> split_credit("Anna Berg – Translated by Omid Sadeqi", ("Translated by",))
    ('Anna Berg', 'Omid Sadeqi')
    >>> split_credit("Jan Roth – Aus dem Englischen von Eva Lind", ())
    ('Jan Roth', 'Eva Lind')
    >>> split_credit("Anna Berg", ("Translated by",))
    ('Anna Berg', None)
    """
    folded = byline.casefold()
    best: tuple[int, int] | None = None
    for label in labels:
        c = label.strip().casefold()
        at = folded.find(" " + c) + 1 if c else 0
        if at > 0 and (best is None or at < best[0]):
            best = (at, at + len(c))
    named = TRANSLATED_FROM.search(byline)
    after_separator = named and named.start() > 0 and byline[named.start() - 1] in SEPARATORS
    # at the same place the credit that names the language is the longer, whole label
    # (``برگردان از انگلیسی:`` over ``برگردان``)
    if named and after_separator and (best is None or named.start() <= best[0]):
        best = (named.start(), named.end())
    if best is None:
        return byline, None
    names = byline[: best[0]].rstrip(SEPARATORS)
    rest = byline[best[1] :].strip(SEPARATORS)
    return (names, rest or None) if names else (byline, None)
