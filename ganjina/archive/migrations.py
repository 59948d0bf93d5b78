"""Named, ordered schema migrations, recorded in a ``migrations`` table.

Each backend declares its own list (its SQL dialect stays in its module); this runner is
shared. A store whose table names a migration this Ganjina does not know was made by a
newer version: it is refused with :class:`ArchiveTooNew` rather than guessed at.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ganjina.errors import ArchiveTooNew


@dataclass(frozen=True)
class Migration:
    name: str
    statements: tuple[str, ...]


def pending(applied: Sequence[str], known: Sequence[Migration], where: str) -> list[Migration]:
    """The migrations still to apply, in order; refuse an archive made by a newer Ganjina."""
    names = [m.name for m in known]
    unknown = [name for name in applied if name not in names]
    if unknown:
        raise ArchiveTooNew(
            f"the archive at {where} was made by a newer Ganjina (schema step "
            f"{unknown[-1]!r} is unknown here); upgrade Ganjina to open it"
        )
    done = set(applied)
    return [m for m in known if m.name not in done]
