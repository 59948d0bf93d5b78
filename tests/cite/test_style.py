"""The bundled CSL style: unchanged, valid, and shipped with its licence and authors."""

from __future__ import annotations

import hashlib
import re
import warnings

from lxml import etree

from ganjina.cite.line import CSL_NS, STYLE

README = STYLE.parent / "README.md"


def test_the_style_is_the_one_the_readme_names() -> None:
    digest = hashlib.sha256(STYLE.read_bytes()).hexdigest()
    assert digest in README.read_text(encoding="utf-8")


def test_licence_and_attribution_travel_with_it() -> None:
    info = etree.parse(str(STYLE)).getroot().find(f"{{{CSL_NS}}}info")
    rights = info.find(f"{{{CSL_NS}}}rights")
    assert rights.get("license") == "http://creativecommons.org/licenses/by-sa/3.0/"
    author = info.find(f"{{{CSL_NS}}}author/{{{CSL_NS}}}name").text
    readme = README.read_text(encoding="utf-8")
    assert author in readme and "Attribution-ShareAlike 3.0" in readme
    assert re.search(r"not Ganjina's work", readme)


def test_the_style_passes_citeprocs_schema() -> None:
    """``line.py`` loads it unvalidated (45 ms saved per language): this is the check."""
    from citeproc import CitationStylesStyle

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # citeproc-py warns on a schema failure
        CitationStylesStyle(str(STYLE), validate=True)
