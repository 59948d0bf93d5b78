"""Citations of archive records: what reference managers read and researchers paste.

One :class:`Citable` per version of a record (``model.py``, made by ``build.py``) and
one module per form of it: ``csl`` (CSL-JSON), ``bibtex``, ``ris``, ``meta`` (Highwire
``citation_*`` and Dublin Core tags for a page) and ``line`` (a Chicago citation line
rendered by citeproc-py in the interface's language). The web site, the API and
``ganjina export`` are thin adapters over this package. See ``docs/cite.md``.

    >>> from ganjina.cite import Context, cite_record, dumps
    >>> c = cite_record(archive, "gj-7af8e57c48f9fbde", context=Context())  # doctest: +SKIP
    >>> print(dumps("bibtex", [c]))  # doctest: +SKIP
"""

from __future__ import annotations

from ganjina.cite.build import Context, cite_many, cite_record
from ganjina.cite.export import FORMATS, dumps, export, write
from ganjina.cite.model import Addresses, Citable, Original

__all__ = [
    "FORMATS",
    "Addresses",
    "Citable",
    "Context",
    "Original",
    "cite_many",
    "cite_record",
    "dumps",
    "export",
    "write",
]
