"""Accounts: made by ``ganjina users add`` or by an admin in the browser, with the same
checks either way, and every change written to the audit log.

Messages are catalogue templates (marked ``N_``): the browser shows them translated, the
command line in English (:class:`AccountError` fills them in).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ganjina.archive import Archive
from ganjina.archive.desk import ROLES, User
from ganjina.errors import GanjinaError
from ganjina.web.desk import passwords
from ganjina.web.i18n import N_

#: lower-case Latin letters, digits and . _ - : a name that is typed at sign-in on any
#: keyboard and cannot be confused with another that looks the same
NAME = re.compile(r"[a-z][a-z0-9._-]{1,39}")


class AccountError(GanjinaError):
    """A refused account change; ``template`` and ``values`` for the interface."""

    def __init__(self, template: str, **values: Any) -> None:
        # in English a name from the request is quoted, as the site's errors quote it
        quoted = {k: repr(v) if isinstance(v, str) else v for k, v in values.items()}
        super().__init__(template % quoted if values else template)
        self.template = template
        self.values = values


def check_name(name: str) -> None:
    if not NAME.fullmatch(name):
        raise AccountError(
            N_(
                "an account name is 2 to 40 lower-case letters, digits, dots, dashes "
                "or underscores, starting with a letter"
            )
        )


def check_password(name: str, password: str, again: str | None = None) -> None:
    if again is not None and password != again:
        raise AccountError(N_("the two passwords differ"))
    problem = passwords.weakness(name, password)
    if problem:
        raise AccountError(problem)


def check_role(role: str) -> None:
    if role not in ROLES:
        raise AccountError(N_("a role is editor or admin"))


def check_sections(sections: Sequence[str], known: Sequence[str]) -> None:
    unknown = [s for s in sections if s not in known]
    if unknown:
        raise AccountError(N_("no section %(section)s"), section=unknown[0])


def create(
    archive: Archive,
    name: str,
    role: str,
    password: str,
    sections: Sequence[str],
    *,
    known_sections: Sequence[str],
    by: str,
) -> User:
    """Make an account (every check first, so nothing is half-made)."""
    check_name(name)
    check_role(role)
    check_password(name, password)
    check_sections(sections, known_sections)
    if archive.desk.user(name) is not None:
        raise AccountError(N_("there is already an account %(name)s"), name=name)
    user = archive.desk.add_user(name, role, passwords.hash_password(password), sections)
    archive.desk.audit(by, "account created", detail=user.public())
    return user


def change(
    archive: Archive,
    name: str,
    *,
    by: str,
    role: str | None = None,
    password: str | None = None,
    disabled: bool | None = None,
    sections: Sequence[str] | None = None,
    known_sections: Sequence[str] = (),
) -> User:
    """Change an account; a new password or a disabled account ends its sessions."""
    user = archive.desk.user(name)
    if user is None:
        raise AccountError(N_("no account %(name)s"), name=name)
    if role is not None:
        check_role(role)
    if password is not None:
        check_password(name, password)
    if sections is not None:
        check_sections(sections, known_sections)
    hashed = passwords.hash_password(password) if password is not None else None
    archive.desk.update_user(name, role=role, password=hashed, disabled=disabled, sections=sections)
    if password is not None or disabled:
        archive.desk.end_sessions_of(name, "password changed" if password else "disabled")
    changed = archive.desk.user(name)
    assert changed is not None
    what = {
        "role": role,
        "disabled": disabled,
        "sections": sections,
        "password": password is not None,
    }
    detail = {k: v for k, v in what.items() if v is not None and v is not False}
    archive.desk.audit(by, "account changed", detail={"name": name, **detail})
    return changed
