"""More like this: records that share an article's most telling terms.

The terms are the ones the index already holds for the record (``index.prepare``): its
word forms (stems, so ``floods`` and ``flooded`` count as one word) and title. Tantivy's
more-like-this picks the terms that best tell the record apart (frequent in it, rare in
the archive: tf-idf) and searches for them; the record itself is left out. Words of
fewer than three letters and terms in more than a fifth of the archive are no signal.
A record in a language without a stemmer falls back on its exact terms.
"""

from __future__ import annotations

import tantivy

from ganjina.archive.index import SCHEMA, Prepared

#: how many of the record's terms make the query
MAX_TERMS = 25
MIN_WORD = 3


def similar_query(doc: Prepared, num_docs: int) -> tantivy.Query | None:
    """The more-like-this query of an index document, or None when it has no text."""
    fields = dict(doc.fields)
    text = fields.get("forms") or fields.get("body", "")
    if not text:
        return None
    chosen: dict[str, list[str]] = {"forms" if fields.get("forms") else "body": [text]}
    if fields.get("title"):
        chosen["title"] = [fields["title"]]
    mlt = tantivy.Query.more_like_this_document_fields_query(
        SCHEMA,
        chosen,
        min_doc_frequency=1,
        max_doc_frequency=max(2, num_docs // 5),
        min_term_frequency=1,
        max_query_terms=MAX_TERMS,
        min_word_length=MIN_WORD,
    )
    itself = tantivy.Query.term_query(SCHEMA, "num", doc.num)
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, mlt), (tantivy.Occur.MustNot, itself)])
