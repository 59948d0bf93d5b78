"""Options about reading files, shared by ``parse`` and ``ingest``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from ganjina.read.ocr import OCR_MODES

F = TypeVar("F", bound=Callable[..., object])

ocr_option: Callable[[F], F] = click.option(
    "--ocr",
    "ocr",
    type=click.Choice(OCR_MODES),
    default="auto",
    show_default=True,
    help="Read pages by OCR (Tesseract): 'auto' the pages that have no usable text layer "
    "(scans), 'always' every page, 'never' none (a scan is then refused).",
)
