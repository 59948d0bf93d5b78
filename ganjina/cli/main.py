"""The ``ganjina`` command group.

Each verb lives in its own module under ``ganjina/cli/`` and exposes ``command`` (a click
command). Listing the modules here, rather than importing them at the top, keeps
``ganjina --help`` fast: a verb's heavy imports happen only when it runs.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from ganjina.errors import GanjinaError

#: verb name -> module under ganjina.cli that defines ``command``
COMMAND_MODULES: dict[str, str] = {
    "parse": "parse",
    "publish": "publish",
    "ingest": "ingest",
    "search": "search",
    "export": "export",
    "stats": "stats",
    "errors": "errors",
    "reindex": "reindex",
    "check": "check",
    "serve": "serve",
    "demo": "demo",
    # links (ganjina/links): near-duplicates, outlets, translations
    "duplicates": "duplicates",
    "outlets": "outlets",
    "links": "links",
    # the editors' desk (ganjina/web/desk)
    "users": "users",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module_name = COMMAND_MODULES.get(cmd_name)
        if module_name is None:
            return None
        module = importlib.import_module(f"ganjina.cli.{module_name}")
        command: click.Command = module.command
        return command

    def invoke(self, ctx: click.Context) -> Any:
        # Every error Ganjina raises on purpose becomes one line and exit 2; a traceback
        # would mean a bug, so we let unexpected exceptions through.
        try:
            return super().invoke(ctx)
        except GanjinaError as err:
            click.echo(f"ganjina: {err}", err=True)
            sys.exit(2)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ganjina")
def cli() -> None:
    """Ganjina (گنجینه): read a news portal's article files into a searchable archive.

    \b
    Examples:
      ganjina demo                                    # the sample archive on http://127.0.0.1:8000
      ganjina parse samples/en-flood-relief/article.pdf
      ganjina parse --json samples/*/article.md > records.json
      ganjina ingest ~/afgazad-pdfs/                  # into ./ganjina-archive/
      ganjina search 'author:Haidari date:1401'
      ganjina publish draft.md --out site/
      ganjina serve

    Every command has --help with examples. docs/cli.md lists them all.
    """


def main() -> None:
    cli(prog_name="ganjina")


if __name__ == "__main__":
    main()
