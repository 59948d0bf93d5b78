"""What the PDF reader gives, file by file, to prove a speed change left it alone.

Writes, for every sample PDF, every variation-corpus PDF and every real-world PDF, the
layout lines the reader made and the record (or the one-line error) into one file per
PDF under OUT; with ``--against DIR`` it compares OUT with an earlier dump and names
every file that differs (exit 1 when one does).

    PYTHONPATH=<old tree> python bench/identity.py /tmp/before
    PYTHONPATH=$PWD python bench/identity.py /tmp/after --against /tmp/before
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from bench.parse import realworld_folder, variation_pdfs  # noqa: E402
from ganjina.errors import ReadError  # noqa: E402
from ganjina.house import builtin_profile  # noqa: E402
from ganjina.read import read_layout  # noqa: E402
from ganjina.reader import ocr_options, parse_bytes  # noqa: E402


def corpus(realworld: str | None) -> list[tuple[str, Path]]:
    """Every PDF, each with a file name unique in the dump."""
    named = [(f"sample-{p.parent.name}", p) for p in sorted(ROOT.glob("samples/*/article.pdf"))]
    named += [(f"variation-{p.stem}", p) for p in variation_pdfs() or []]
    folder = realworld_folder(realworld)
    if folder is not None and folder.is_dir():
        named += [(f"realworld-{p.parent.name}", p) for p in sorted(folder.glob("*/document.pdf"))]
    return named


def dump(path: Path) -> str:
    data = path.read_bytes()
    try:
        layout = read_layout(data, path.name, ocr=ocr_options("auto", builtin_profile()))
        lines = [dataclasses.asdict(line) for line in layout.lines]
        meta = {k: v for k, v in dataclasses.asdict(layout).items() if k != "lines"}
        record = parse_bytes(data, path.name).to_json()
    except ReadError as error:
        return f"error: {error}\n"
    shown = json.dumps({"layout": meta, "lines": lines}, ensure_ascii=False, indent=1)
    return shown + "\n" + record + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--against", type=Path, help="an earlier dump to compare with")
    parser.add_argument("--realworld", metavar="DIR")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    differ = []
    files = corpus(args.realworld)
    for name, path in files:
        text = dump(path)
        (args.out / f"{name}.txt").write_text(text, encoding="utf-8")
        if args.against is not None:
            old = args.against / f"{name}.txt"
            if not old.is_file() or old.read_text(encoding="utf-8") != text:
                differ.append(name)
    print(f"{len(files)} PDFs dumped to {args.out}")
    if args.against is not None:
        for name in differ:
            print(f"differs: {name}")
        print(f"{len(files) - len(differ)} identical, {len(differ)} differ")
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
