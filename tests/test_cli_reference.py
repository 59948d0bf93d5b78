"""docs/cli.md is the commands' own --help; every command has help with an example."""

from __future__ import annotations

from pathlib import Path

import click

from ganjina.cli.main import cli
from ganjina.cli.reference import reference

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_reference_is_current() -> None:
    assert DOC.read_text("utf-8") == reference(), (
        "docs/cli.md is stale: python -m ganjina.cli.reference > docs/cli.md"
    )


def test_every_command_has_help_with_an_example() -> None:
    ctx = click.Context(cli, info_name="ganjina")
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        assert command is not None and command.help, name
        assert "ganjina " + name in command.help, f"{name}: no example in its help"
