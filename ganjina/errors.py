"""Every error Ganjina raises on purpose, in one tree.

    GanjinaError                 anything Ganjina reports as a one-line message
    ├── ReadError                a file could not be read into a record
    │   ├── UnsupportedFormat    not a format Ganjina reads (or not what its name says)
    │   ├── EncryptedFile        a password-protected PDF
    │   ├── NoTextLayer          a PDF with only images (scanned?) and OCR switched off
    │   ├── OcrUnavailable       a scan, and Tesseract or a language pack is not installed
    │   ├── CorruptFile          truncated or damaged
    │   └── NotAnArticle         readable, but a README, notes or a publisher's source
    ├── ProfileError             a site profile that cannot be loaded
    ├── ArchiveError             the store or index cannot do what was asked
    │   ├── ArchiveNotFound      no archive at that place
    │   ├── ArchiveLocked        another writer holds it
    │   ├── IndexWriteFailed     the search index could not be written (a full disk)
    │   └── ArchiveTooNew        made by a newer Ganjina
    ├── QueryError               a search query that does not parse (with the position)
    ├── ClusterError             the Dask cluster cannot do what was asked
    └── PublishError             a source that cannot be published

The CLI prints ``str(error)`` on one line and exits non-zero; nothing else reaches users.
"""

from __future__ import annotations


class GanjinaError(Exception):
    """Base class: the message is meant for the user, on one line."""


class ReadError(GanjinaError):
    pass


class UnsupportedFormat(ReadError):
    pass


class EncryptedFile(ReadError):
    pass


class NoTextLayer(ReadError):
    pass


class OcrUnavailable(ReadError):
    """OCR was needed and cannot run here; the message names the package to install."""


class CorruptFile(ReadError):
    pass


class NotAnArticle(ReadError):
    """A file that reads but holds no article; ingest counts it apart from failures."""


class ProfileError(GanjinaError):
    pass


class ArchiveError(GanjinaError):
    pass


class ArchiveNotFound(ArchiveError):
    pass


class ArchiveLocked(ArchiveError):
    pass


class IndexWriteFailed(ArchiveError):
    """The derived index could not be saved; the store is untouched, and an index that
    is behind still answers searches."""


class ArchiveTooNew(ArchiveError):
    pass


class QueryError(GanjinaError):
    """A query that does not parse; ``position`` is the 0-based offset of the problem.

    ``template`` and ``values`` are the message before it was filled in (``%(name)s``
    placeholders), so an interface in another language can translate it: the web's
    catalogue extracts every template written with :func:`query_error`.
    """

    def __init__(
        self,
        message: str,
        position: int | None = None,
        *,
        template: str | None = None,
        values: dict[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.position = position
        self.template = template or message
        self.values = dict(values or {})


def query_error(
    template: str, position: int | None, *, english: str | None = None, **values: object
) -> QueryError:
    """A :class:`QueryError` whose message is ``template % values`` (or ``english``, a
    fuller English message than the template a translation is made from)."""
    message = english or template % values
    return QueryError(message, position, template=template, values=values)


class PublishError(GanjinaError):
    pass


class ClusterError(GanjinaError):
    pass
