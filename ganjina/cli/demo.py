"""``ganjina demo``: build the demo archive from ``samples/`` and serve it."""

from __future__ import annotations

from pathlib import Path

import click

from ganjina.cli.serve import host_option, port_option, run_server


@click.command("demo")
@click.option(
    "--archive",
    "target",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("ganjina-demo"),
    show_default=True,
    help="Folder of the demo archive (rebuilt when the samples change).",
)
@click.option(
    "--samples",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder of sample articles (default: ./samples, else the source tree's).",
)
@click.option(
    "--build-only",
    "--no-serve",
    "build_only",
    is_flag=True,
    help="Build the archive and stop (for scripts and tests).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Processes reading the samples (default: one per core; 0 reads in this process).",
)
@host_option
@port_option
def command(
    target: Path, samples: Path | None, build_only: bool, workers: int | None, host: str, port: int
) -> None:
    """Build a demo archive from the sample articles and serve it.

    Reads every samples/*/article.pdf (one record per sample) into ./ganjina-demo/,
    unless it already holds exactly those files, then serves it like `ganjina serve`.

    \b
    Examples:
      ganjina demo                  # then open http://127.0.0.1:8000/
      ganjina demo --build-only --archive /tmp/demo
    """
    from ganjina.web.demo import build_demo, find_samples

    built = build_demo(find_samples(samples), target, workers=workers)
    state = "built" if built.rebuilt else "up to date"
    click.echo(
        f"demo archive {built.path}: {built.records} articles ({state}, {built.seconds:.1f} s)"
    )
    if not build_only:
        run_server(str(target), host, port)
