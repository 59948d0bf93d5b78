"""``ganjina users``: the editors' desk accounts (add, list, change, disable)."""

from __future__ import annotations

import json
from typing import Any

import click

from ganjina.cli.archive_options import archive_option, json_option
from ganjina.errors import GanjinaError

ROLE = click.Choice(["editor", "admin"])


def _archive(url: str | None) -> Any:
    from ganjina.archive import Archive

    return Archive.open(url)


def _known(archive: Any) -> list[str]:
    from ganjina.web.desk.publishing import sections

    return list(sections(archive))


def _password(name: str) -> str:
    """Asked twice on the terminal, never taken from the command line. Two that differ
    end the command (as ``passwd`` does) instead of asking again: click's own repeat
    loop, fed by a script or a test whose input ran out, asks for ever on click 8.2.0
    (its test runner reads an empty line at the end of the input, not an end of file)."""
    value: str = click.prompt(f"Password for {name}", hide_input=True)
    again: str = click.prompt("Repeat for confirmation", hide_input=True)
    if again != value:
        raise GanjinaError("the two passwords do not match; nothing was changed")
    return value


@click.group("users")
def command() -> None:
    """Accounts of the editors' desk (/desk/ on the site).

    An editor writes and publishes in the sections given with --section; an admin
    publishes in every section and also manages accounts and sections in the browser.
    Passwords are asked twice on the terminal and kept only as Argon2id hashes.

    \b
    Examples:
      ganjina users add nadia --role editor --section dari --section pashto
      ganjina users add omar --role admin
      ganjina users list --json
      ganjina users passwd nadia
      ganjina users disable nadia
    """


@command.command("add")
@click.argument("name")
@click.option("--role", type=ROLE, default="editor", show_default=True, help="editor or admin.")
@click.option(
    "--section",
    "sections",
    multiple=True,
    metavar="ID",
    help="A section the editor may publish in (repeat for more): dari, pashto, ...",
)
@archive_option
def add(name: str, role: str, sections: tuple[str, ...], archive_url: str | None) -> None:
    """Make an account NAME (lower-case letters, digits, . _ -); asks for its password.

    \b
    Example:
      ganjina users add nadia --role editor --section dari
    """
    from ganjina.web.desk import accounts

    with _archive(archive_url) as archive:
        accounts.check_name(name)
        if archive.desk.user(name) is not None:
            raise accounts.AccountError("there is already an account %(name)s", name=name)
        accounts.check_sections(list(sections), _known(archive))
        password = _password(name)
        user = accounts.create(
            archive,
            name,
            role,
            password,
            list(sections),
            known_sections=_known(archive),
            by="(command line)",
        )
    click.echo(f"made the {user.role} account {user.name}")


@command.command("list")
@archive_option
@json_option
def list_users(archive_url: str | None, as_json: bool) -> None:
    """List the accounts (never their password hashes).

    \b
    Example:
      ganjina users list --json
    """
    with _archive(archive_url) as archive:
        users = [u.public() for u in archive.desk.users()]
    if as_json:
        click.echo(json.dumps(users, ensure_ascii=False, indent=2))
        return
    for u in users:
        where = "all sections" if u["role"] == "admin" else ", ".join(u["sections"]) or "no section"
        state = " (disabled)" if u["disabled"] else ""
        click.echo(f"{u['name']}  {u['role']}  {where}{state}")
    click.echo(f"{len(users)} account{'s' if len(users) != 1 else ''}")


def _change(archive_url: str | None, name: str, **change: Any) -> None:
    from ganjina.web.desk import accounts

    with _archive(archive_url) as archive:
        if archive.desk.user(name) is None:
            raise accounts.AccountError("no account %(name)s", name=name)
        if "password" in change and change["password"] is None:
            change["password"] = _password(name)
        accounts.change(
            archive, name, by="(command line)", known_sections=_known(archive), **change
        )


@command.command("passwd")
@click.argument("name")
@archive_option
def passwd(name: str, archive_url: str | None) -> None:
    """Give NAME a new password (asked twice); its sessions end.

    \b
    Example:
      ganjina users passwd nadia
    """
    _change(archive_url, name, password=None)
    click.echo(f"changed the password of {name}")


@command.command("set")
@click.argument("name")
@click.option("--role", type=ROLE, help="editor or admin.")
@click.option(
    "--section", "sections", multiple=True, metavar="ID", help="The sections (replace all)."
)
@archive_option
def set_account(
    name: str, role: str | None, sections: tuple[str, ...], archive_url: str | None
) -> None:
    """Change the role or the sections of NAME.

    \b
    Example:
      ganjina users set nadia --section dari --section european-languages
    """
    _change(archive_url, name, role=role, sections=list(sections) if sections else None)
    click.echo(f"changed {name}")


@command.command("disable")
@click.argument("name")
@archive_option
def disable(name: str, archive_url: str | None) -> None:
    """Stop NAME from signing in (its sessions end; its history stays).

    \b
    Example:
      ganjina users disable nadia
    """
    _change(archive_url, name, disabled=True)
    click.echo(f"disabled {name}")


@command.command("enable")
@click.argument("name")
@archive_option
def enable(name: str, archive_url: str | None) -> None:
    """Let a disabled NAME sign in again.

    \b
    Example:
      ganjina users enable nadia
    """
    _change(archive_url, name, disabled=False)
    click.echo(f"enabled {name}")
