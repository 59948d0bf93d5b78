"""Passwords: Argon2id (argon2-cffi's RFC 9106 profile), never kept or logged in clear.

An unknown account name is verified against a hash of a random password, so a sign-in
takes as long whether or not the account exists (no way to tell names apart by time).
"""

from __future__ import annotations

import functools
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ganjina.web.i18n import N_

MIN_LENGTH = 10
MAX_LENGTH = 1024

_HASHER = PasswordHasher()  # Argon2id, time 3, 64 MiB, 4 lanes


def hash_password(password: str) -> str:
    return str(_HASHER.hash(password))


@functools.cache
def _dummy() -> str:
    return str(_HASHER.hash(secrets.token_urlsafe(16)))


def verify(stored: str | None, password: str) -> bool:
    """True when ``password`` matches ``stored`` (``None``: no such account, still timed)."""
    try:
        return _HASHER.verify(stored or _dummy(), password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """The hash was made with weaker parameters than today's: replace it at sign-in."""
    try:
        return bool(_HASHER.check_needs_rehash(stored))
    except InvalidHashError:
        return True


def weakness(name: str, password: str) -> str | None:
    """Why ``password`` is refused (a catalogue message), or None."""
    if len(password) < MIN_LENGTH:
        return N_("a password needs at least 10 characters")
    if len(password) > MAX_LENGTH:
        return N_("a password may have at most 1024 characters")
    if name.casefold() in password.casefold():
        return N_("a password must not contain the account's name")
    return None
