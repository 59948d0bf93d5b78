"""``ganjina users``: accounts made at the terminal, the password asked twice and never
taken from the command line, kept only as an Argon2id hash, and usable at the desk."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from ganjina.archive import Archive
from ganjina.cli.main import cli
from ganjina.web import create_app

from .conftest import DeskClient

SECRET = "a phrase long enough 7"


def users(archive: Path, *args: str, typed: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["users", *args, "--archive", str(archive)], input=typed)


def test_an_account_made_at_the_terminal_signs_in(tmp_path: Path) -> None:
    target = tmp_path / "archive"
    Archive.open(target, create=True).close()
    made = users(target, "add", "nadia", "--role", "editor", "--section", "dari",
                 typed=f"{SECRET}\n{SECRET}\n")  # fmt: skip
    assert made.exit_code == 0, made.output
    assert made.output.count("Password for nadia") == 1 and "Repeat for confirmation" in made.output
    assert SECRET not in made.output  # the typing is hidden
    listed = json.loads(users(target, "list", "--json").output)
    assert listed == [
        {**listed[0], "name": "nadia", "role": "editor", "sections": ["dari"], "disabled": False}
    ]
    with Archive.open(target) as archive:
        user = archive.desk.user("nadia")
        assert user is not None and user.password.startswith("$argon2id$")
        assert SECRET not in json.dumps(listed) and "argon2" not in json.dumps(listed)
        desk = DeskClient(create_app(archive))
        assert desk.sign_in("nadia", SECRET).status_code == 303
        assert desk.get("/desk/").status_code == 200


def test_the_password_is_asked_twice_and_checked(tmp_path: Path) -> None:
    target = tmp_path / "archive"
    Archive.open(target, create=True).close()
    differ = users(target, "add", "omar", typed=f"{SECRET}\nsomething else 12\n")
    assert differ.exit_code == 2 and "do not match" in differ.output
    assert differ.output.count("Password for omar") == 1  # refused, not asked again
    short = users(target, "add", "omar", typed="short\nshort\n")
    assert short.exit_code == 2 and "at least 10 characters" in short.output
    assert "Traceback" not in short.output
    on_the_line = users(target, "add", "omar", "--password", SECRET)
    assert on_the_line.exit_code == 2 and "No such option" in on_the_line.output
    with Archive.open(target) as archive:
        assert archive.desk.users() == []


def test_refusals_are_one_line(tmp_path: Path) -> None:
    target = tmp_path / "archive"
    Archive.open(target, create=True).close()
    assert (
        users(target, "add", "amina", "--role", "admin", typed=f"{SECRET}\n{SECRET}\n").exit_code
        == 0
    )
    for args, words in [
        (("add", "amina"), "there is already an account"),
        (("add", "Amina!"), "an account name is 2 to 40"),
        (("add", "zarlasht", "--section", "sport"), "no section 'sport'"),
        (("passwd", "nobody"), "no account 'nobody'"),
        (("disable", "nobody"), "no account 'nobody'"),
    ]:
        result = users(target, *args, typed=f"{SECRET}\n{SECRET}\n")
        assert result.exit_code == 2, (args, result.output)
        assert words in result.output and len(result.output.strip().splitlines()) <= 3, (
            result.output
        )


def test_change_disable_and_enable(tmp_path: Path) -> None:
    target = tmp_path / "archive"
    Archive.open(target, create=True).close()
    users(target, "add", "nadia", "--section", "dari", typed=f"{SECRET}\n{SECRET}\n")
    new = "another long phrase 9"
    assert users(target, "passwd", "nadia", typed=f"{new}\n{new}\n").exit_code == 0
    assert users(target, "set", "nadia", "--section", "pashto", "--section", "dari").exit_code == 0
    assert users(target, "disable", "nadia").exit_code == 0
    with Archive.open(target) as archive:
        desk = DeskClient(create_app(archive))
        assert desk.sign_in("nadia", new).status_code == 401  # disabled
    assert users(target, "enable", "nadia").exit_code == 0
    with Archive.open(target) as archive:
        user = archive.desk.user("nadia")
        assert user is not None and sorted(user.sections) == ["dari", "pashto"]
        desk = DeskClient(create_app(archive))
        assert desk.sign_in("nadia", SECRET).status_code == 401  # the old password
        assert DeskClient(create_app(archive)).sign_in("nadia", new).status_code == 303
        actions = [e.action for e in archive.desk.audit_log()]
        assert actions.count("account changed") == 4 and "account created" in actions
