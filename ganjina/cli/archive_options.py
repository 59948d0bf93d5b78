"""What the archive verbs (ingest, search, export, stats, errors, reindex) share."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

F = TypeVar("F", bound=Callable[..., object])

archive_option: Callable[[F], F] = click.option(
    "--archive",
    "archive_url",
    metavar="URL",
    default=None,
    help="The archive: a folder or a postgresql:// URL "
    "(default: $GANJINA_ARCHIVE, else ./ganjina-archive/).",
)

json_option: Callable[[F], F] = click.option(
    "--json", "as_json", is_flag=True, help="Print JSON instead of text."
)
