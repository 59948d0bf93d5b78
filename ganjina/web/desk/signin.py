"""Signing in: the password checked, every attempt logged, and repeated failures locked out.

Failures are counted in the archive (``desk_logins``), so the limits hold across server
processes and restarts. An account with ``max_failures`` failures in ``lockout_minutes``
(since its last success) refuses every attempt, a right password included, until they
age out; an address with ``max_address_failures`` is refused the same way, so one
client cannot try many accounts either. A refusal says nothing about whether the name
exists. Each attempt also goes to the ``ganjina.desk`` logger.
"""

from __future__ import annotations

import datetime
import logging

from ganjina.archive import Archive
from ganjina.archive.desk import User
from ganjina.web.desk import passwords
from ganjina.web.desk.config import DeskConfig
from ganjina.web.i18n import N_

log = logging.getLogger("ganjina.desk")

MAX_NAME = 100


class SignInRefused(Exception):
    def __init__(self, status: int, template: str, **values: object) -> None:
        super().__init__(template % values if values else template)
        self.status = status
        self.template = template
        self.values = values


def _stamp(minutes_ago: float) -> str:
    then = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=minutes_ago)
    return then.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def sign_in(
    archive: Archive, config: DeskConfig, name: str, password: str, address: str | None
) -> User:
    """The account ``name`` if ``password`` is its own and nothing locks it; else raises
    :class:`SignInRefused` (401 wrong name or password, 429 locked)."""
    name = name.strip()[:MAX_NAME]
    desk = archive.desk
    since = _stamp(config.lockout_minutes)
    locked = desk.failures(since, name=name) >= config.max_failures or (
        address is not None and desk.failures(since, address=address) >= config.max_address_failures
    )
    if locked:
        desk.log_login(name, address, False, "locked")
        log.warning("sign-in refused (locked): %r from %s", name, address)
        raise SignInRefused(
            429,
            N_("too many failed attempts: try again in %(minutes)s minutes"),
            minutes=int(config.lockout_minutes),
        )
    user = desk.user(name)
    if not passwords.verify(user.password if user else None, password) or user is None:
        desk.log_login(name, address, False, "wrong name or password")
        log.warning("sign-in failed: %r from %s", name, address)
        raise SignInRefused(401, N_("the name or the password is wrong"))
    if user.disabled:
        desk.log_login(name, address, False, "disabled")
        log.warning("sign-in refused (disabled): %r from %s", name, address)
        raise SignInRefused(401, N_("the name or the password is wrong"))
    desk.log_login(name, address, True, "signed in")
    log.info("signed in: %r from %s", name, address)
    if passwords.needs_rehash(user.password):
        desk.update_user(name, password=passwords.hash_password(password))
    return user
