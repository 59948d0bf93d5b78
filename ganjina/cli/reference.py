"""The CLI reference, made from the commands' own --help (``docs/cli.md``).

    python -m ganjina.cli.reference > docs/cli.md

A test compares the file with this output, so the reference cannot drift from the code.
"""

from __future__ import annotations

import click

from ganjina.cli.main import cli


def _help(command: click.Command, name: str) -> str:
    with click.Context(command, info_name=name, terminal_width=100) as ctx:
        return command.get_help(ctx)


def reference() -> str:
    parts = [
        "# Command-line reference\n",
        "Made by `python -m ganjina.cli.reference > docs/cli.md` from each command's "
        "`--help`; a test keeps it current.\n",
        "```\n" + _help(cli, "ganjina") + "\n```\n",
    ]
    group_ctx = click.Context(cli, info_name="ganjina")
    for name in cli.list_commands(group_ctx):
        command = cli.get_command(group_ctx, name)
        if command is None:
            continue
        parts.append(f"## ganjina {name}\n")
        parts.append("```\n" + _help(command, f"ganjina {name}") + "\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference(), end="")
