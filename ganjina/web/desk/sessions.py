"""Server-side sessions: the cookie holds a random secret, the archive only its hash.

A session starts at sign-in with a new secret (any earlier session of the browser is
ended: the secret before sign-in is never the one after, so it cannot be planted), and
ends at sign-out, after ``idle_minutes`` without a request, after ``max_hours``, or when
its account's password changes or the account is disabled. The cookie is ``HttpOnly``,
``SameSite=Strict``, limited to ``/desk``, and ``Secure`` whenever the site is served
over HTTPS (also behind a proxy that says so: the server trusts its proxy headers).
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

from ganjina.archive import Archive
from ganjina.archive.desk import Session, User
from ganjina.web.desk.config import DeskConfig

COOKIE = "ganjina_desk"
#: the sign-in form's own CSRF secret (there is no session yet to hold one)
LOGIN_COOKIE = "ganjina_desk_login"
PATH = "/desk"


@dataclass(frozen=True)
class Signed:
    """The signed-in editor of a request and the session it came with."""

    user: User
    session: Session

    @property
    def csrf(self) -> str:
        return self.session.csrf


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def address(request: Request) -> str | None:
    return request.client.host if request.client else None


def _age(stamp: str) -> float:
    """Seconds since an archive time stamp (``2024-07-13T08:00:00.000000Z``)."""
    then = datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.UTC)
    return (datetime.datetime.now(datetime.UTC) - then).total_seconds()


def set_cookie(request: Request, response: Response, name: str, value: str) -> None:
    response.set_cookie(
        name,
        value,
        path=PATH,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )


def start(archive: Archive, request: Request, response: Response, user: User) -> None:
    """A new session for ``user``: the browser's earlier one (if any) ends here."""
    old = request.cookies.get(COOKIE)
    if old:
        archive.desk.end_session(secret_hash(old), "replaced at sign-in")
    secret = secrets.token_urlsafe(32)
    archive.desk.new_session(
        secret_hash(secret), user.name, secrets.token_urlsafe(32), address(request)
    )
    set_cookie(request, response, COOKIE, secret)


def end(archive: Archive, request: Request, response: Response, why: str) -> None:
    secret = request.cookies.get(COOKIE)
    if secret:
        archive.desk.end_session(secret_hash(secret), why)
    response.delete_cookie(COOKIE, path=PATH, httponly=True, samesite="strict")


def current(archive: Archive, request: Request, config: DeskConfig) -> Signed | None:
    """The session of the request, if it is still good (expired ones are ended here)."""
    secret = request.cookies.get(COOKIE)
    if not secret or len(secret) > 100:
        return None
    token = secret_hash(secret)
    session = archive.desk.session(token)
    if session is None or session.ended is not None:
        return None
    why = None
    if _age(session.created) > config.max_hours * 3600:
        why = "expired"
    elif _age(session.seen) > config.idle_minutes * 60:
        why = "idle"
    user = archive.desk.user(session.name)
    if user is None or user.disabled:
        why = "account disabled"
    if why is not None:
        archive.desk.end_session(token, why)
        return None
    assert user is not None
    if _age(session.seen) > config.touch_seconds:
        archive.desk.touch_session(token)
    return Signed(user, session)
