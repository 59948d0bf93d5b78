"""The CLI reference, made from the commands' own --help (``docs/cli.md``).

    python -m ganjina.cli.reference > docs/cli.md

A test compares the file with this output, so the reference cannot drift from the code.
"""

from __future__ import annotations

import click

from ganjina.cli.main import cli


def _help(command: click.Command, name: str, parent: click.Context | None = None) -> str:
    # a child context inherits the group's settings (``-h`` as well as ``--help``), as
    # when the command runs for real; without it the help would depend on call order
    with click.Context(command, info_name=name, parent=parent, terminal_width=100) as ctx:
        return command.get_help(ctx)


def reference() -> str:
    parts = [
        "# Command-line reference\n",
        "Made by `python -m ganjina.cli.reference > docs/cli.md` from each command's "
        "`--help`; a test keeps it current.\n",
    ]
    group_ctx = click.Context(cli, info_name="ganjina", terminal_width=100, **cli.context_settings)
    parts.append("```\n" + cli.get_help(group_ctx) + "\n```\n")
    for name in cli.list_commands(group_ctx):
        command = cli.get_command(group_ctx, name)
        if command is None:
            continue
        parts.append(f"## ganjina {name}\n")
        parts.append("```\n" + _help(command, name, group_ctx) + "\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference(), end="")
