"""The editors' desk at ``/desk/``: accounts, drafts, preview, publish, correct, withdraw,
history. Server-rendered forms that work without JavaScript, in the site's three
interface languages.

Modules, one job each: ``config`` (limits), ``passwords`` (Argon2id), ``sessions``
(server-side sessions), ``signin`` (attempts, lockout), ``guard`` (the gate every desk
route passes: session, CSRF token, body size), ``accounts``, ``uploads`` (checking and
reading DOCX and Markdown), ``fields`` (a record as a form and back), ``publishing``
(preview and publish through the house-style publisher), ``pages`` (what views share)
and the views: ``views_auth``, ``views_drafts``, ``views_publish``, ``views_admin``.
The archive keeps everything (``ganjina.archive.desk_store``); see ``docs/desk.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI


def install(app: FastAPI, max_upload_bytes: int) -> None:
    """Add the desk's routes (every one behind :func:`guard` but the sign-in form), its
    error answers and its request-size limit to ``app``."""
    # imported here: ``ganjina.web.config`` needs ``desk.config`` before the app exists
    from fastapi import Depends

    from ganjina.web.desk import views_admin, views_auth, views_drafts, views_publish
    from ganjina.web.desk.guard import BodyLimit, guard, install_handlers
    from ganjina.web.desk.publishing import Previews

    app.state.desk_previews = Previews()
    app.include_router(views_auth.public)
    for module in (views_auth, views_drafts, views_publish, views_admin):
        app.include_router(module.router, dependencies=[Depends(guard)])
    install_handlers(app)
    app.add_middleware(BodyLimit, limit=max_upload_bytes)
