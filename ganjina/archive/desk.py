"""What the editors' desk keeps in the archive: accounts, sessions, sign-in attempts,
drafts with their revisions, and the audit log — the plain values, as they are read.

The tables are described in ``desk_schema.py`` and reached through
:class:`~ganjina.archive.desk_store.DeskStore` (``archive.desk``). Nothing here knows
about the web: passwords arrive already hashed, session secrets already hashed, records
as :class:`~ganjina.record.Article`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ganjina.record import Article

Role = Literal["editor", "admin"]
ROLES: tuple[Role, ...] = ("editor", "admin")


@dataclass(frozen=True)
class User:
    name: str
    role: str
    #: the Argon2id hash (``$argon2id$…``), never the password
    password: str
    created: str
    changed: str
    disabled: bool
    #: the sections an editor may publish in (an admin may publish in every one)
    sections: tuple[str, ...] = ()

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def may_publish_in(self, section: str | None) -> bool:
        return self.is_admin or (section is not None and section in self.sections)

    def public(self) -> dict[str, Any]:
        """The account without its hash (for lists, JSON and the audit log)."""
        return {
            "name": self.name,
            "role": self.role,
            "created": self.created,
            "changed": self.changed,
            "disabled": self.disabled,
            "sections": list(self.sections),
        }


@dataclass(frozen=True)
class DeskSection:
    """A section an admin added in the browser (the profile's sections need no row)."""

    id: str
    labels: tuple[str, ...]
    language: str | None
    created: str
    created_by: str | None


@dataclass(frozen=True)
class Session:
    #: the SHA-256 of the cookie's secret
    token: str
    name: str
    csrf: str
    created: str
    seen: str
    ended: str | None
    ended_why: str | None
    address: str | None


@dataclass(frozen=True)
class Figure:
    """A picture of a draft: its bytes are a blob; ``block`` is the caption it prints above."""

    sha256: str
    suffix: str
    block: int

    def to_dict(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "suffix": self.suffix, "block": self.block}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Figure:
        return cls(str(d["sha256"]), str(d["suffix"]), int(d["block"]))


@dataclass(frozen=True)
class Revision:
    """One saved state of a draft; never changed once written."""

    draft: str
    number: int
    at: str
    by: str
    record: Article
    source_sha: str | None
    source_name: str | None
    figures: tuple[Figure, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Draft:
    """A draft: its newest revision's number, and the article it became once published."""

    id: str
    created: str
    created_by: str
    section: str | None
    article: str | None
    revision: int
    changed: str
    #: the newest revision's title, for lists
    title: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class AuditEntry:
    entry: int
    at: str
    actor: str
    action: str
    article: str | None
    draft: str | None
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AuditNote:
    """An audit entry still to be written (with a publication, in one transaction)."""

    actor: str
    action: str
    draft: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)
