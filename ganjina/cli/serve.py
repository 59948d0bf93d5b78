"""``ganjina serve``: the archive on the web (pages, JSON API, feeds, OAI-PMH)."""

from __future__ import annotations

import os

import click

from ganjina.cli.archive_options import archive_option

host_option = click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on."
)
port_option = click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port."
)
workers_option = click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Server processes (one per core serves the most).",
)


base_url_option = click.option(
    "--base-url",
    metavar="URL",
    default=None,
    help="The site's public address (https://archive.example.org): every absolute URL "
    "is made from it and other hosts are refused. Default: $GANJINA_BASE_URL, else each "
    "request's own host (local use only).",
)


def run_server(
    archive_url: str | None, host: str, port: int, workers: int = 1, base_url: str | None = None
) -> None:
    """Serve the archive until Ctrl-C (shared with ``ganjina demo``)."""
    from ganjina.settings import get_settings
    from ganjina.web.server import check_address, serve

    if base_url:
        # through the environment, so that every server process (--workers) has it
        os.environ["GANJINA_BASE_URL"] = base_url
        get_settings.cache_clear()

    check_address(host, port)  # a busy port is one line, before "Serving" is claimed
    click.echo(f"Serving {archive_url or 'the archive'} on http://{host}:{port}/ (Ctrl-C stops)")
    serve(archive_url, host, port, workers)


@click.command("serve")
@archive_option
@host_option
@port_option
@workers_option
@base_url_option
def command(
    archive_url: str | None, host: str, port: int, workers: int, base_url: str | None
) -> None:
    """Serve the archive: pages in English and Dari, JSON, feeds, OAI-PMH.

    Read-only: nothing on the site changes the archive.

    On a postgresql:// archive each node keeps its own search index
    ($GANJINA_INDEX_DIR) and follows the shared store: an empty index is built from the
    store at start, and every change written anywhere (a cluster ingest, say) is
    searchable here within about a second. Start as many nodes as you like.

    \b
    Examples:
      ganjina serve
      ganjina serve --archive /srv/ganjina --host 0.0.0.0 --port 8080 --workers 2 \\
          --base-url https://archive.example.org
      GANJINA_INDEX_DIR=/var/lib/ganjina/index \\
          ganjina serve --archive postgresql://ganjina@db/ganjina --host 0.0.0.0
    """
    run_server(archive_url, host, port, workers, base_url)
