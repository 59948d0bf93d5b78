"""Desk benchmark: preview time, publish-to-searchable time, desk pages per second.

    python bench/desk.py             # the 14 sample Word files, 2000 desk requests
    python bench/desk.py --quick     # 6 files, 600 requests (CI, make bench)
    python bench/desk.py --json desk.json

It builds the demo archive, makes an admin account, starts ``ganjina serve`` on a free
loopback port (one server process, as the CLI runs it) and works the desk over HTTP as
a browser would: signs in, uploads each sample DOCX, then times

* **preview**: ``GET /desk/drafts/<id>/preview`` the first time (the house-style PDF, the
  HTML page and the page images made from nothing), per article and by page count;
  baseline: the same revision rendered to PDF and HTML in this process by the same
  ``Publisher``, warm (what ``ganjina publish`` costs), and the ratio of the two;
* **publish to searchable**: from the ``POST .../publish`` until ``/api/search`` for the
  title's words lists the new article; baseline: one such search request;
* **desk pages per second**: the drafts list and a draft's form, signed in, under
  ``--clients`` keep-alive connections; baseline: ``robots.txt`` with the same client.

Targets (issue 15): a 2-page article's preview under 1 s.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from ganjina.archive import Archive  # noqa: E402
from ganjina.web.demo import build_demo  # noqa: E402

SAMPLES = ROOT / "samples"
PASSWORD = "a timing pass phrase 15"
TARGET_PREVIEW_S = 1.0


def _bench_web() -> Any:
    """``bench/web.py`` as a module: its server and its load client."""
    spec = importlib.util.spec_from_file_location("bench_web", ROOT / "bench" / "web.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_web"] = module
    spec.loader.exec_module(module)
    return module


def prepare(workdir: Path) -> Path:
    """The demo archive with one admin account."""
    from ganjina.web.desk import accounts
    from ganjina.web.desk.publishing import sections

    target = workdir / "archive"
    build_demo(SAMPLES, target, workers=0)
    with Archive.open(target) as archive:
        accounts.create(archive, "bench", "admin", PASSWORD, [],
                        known_sections=list(sections(archive)), by="bench")  # fmt: skip
    return target


def sign_in(base: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=60)
    form = client.get("/desk/login").text
    token = re.search(r'name="csrf" value="([^"]+)"', form)
    assert token, form[:300]
    done = client.post("/desk/login", data={"csrf": token.group(1), "name": "bench",
                                            "password": PASSWORD, "next": "/desk/"})  # fmt: skip
    assert done.status_code == 303, done.text[:300]
    return client


def csrf(client: httpx.Client) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get("/desk/").text)
    assert found
    return found.group(1)


def time_previews(client: httpx.Client, archive_path: Path, files: list[Path]) -> list[dict]:
    """Upload each file, time its first preview, and render the same revision here."""
    from ganjina.render.publish import Publisher
    from ganjina.render.record_source import source_from_record

    token = csrf(client)
    publisher = Publisher()
    rows = []
    with Archive.open(archive_path) as archive:
        for path in files:
            sent = client.post("/desk/upload", data={"csrf": token},
                               files={"file": (path.name, path.read_bytes())})  # fmt: skip
            draft = sent.headers["location"]
            started = time.perf_counter()
            page = client.get(draft + "/preview")
            preview_s = time.perf_counter() - started
            pages = len(re.findall(r"/page-\d+\.png", page.text))
            revision = re.search(r'name="revision" value="(\d+)"', page.text)
            record = archive.desk.revision(draft.rsplit("/", 1)[1], 1)
            assert record is not None
            doc = source_from_record(record.record, {})
            publisher.render_document(doc, "warm")  # fonts and compiler warm for this one
            started = time.perf_counter()
            publisher.render_document(doc, "baseline")
            render_s = time.perf_counter() - started
            rows.append({"file": path.parent.name, "draft": draft, "pages": pages,
                         "preview_s": preview_s, "render_s": render_s,
                         "revision": revision.group(1) if revision else None,
                         "title": record.record.title})  # fmt: skip
    return rows


def _words(title: str) -> str:
    words = re.findall(r"\w+", title)
    return " ".join(words[:4])


def time_publishing(client: httpx.Client, rows: list[dict]) -> list[dict]:
    token = csrf(client)
    out = []
    for row in rows:
        if row["revision"] is None:  # the preview lists what blocks publishing
            continue
        query = {"q": _words(row["title"] or ""), "limit": "50"}
        started = time.perf_counter()
        client.get("/api/search", params=query)
        search_s = time.perf_counter() - started
        started = time.perf_counter()
        done = client.post(
            row["draft"] + "/publish", data={"csrf": token, "revision": row["revision"]}
        )
        assert done.status_code == 303, done.text[:300]
        found = re.search(r"/desk/articles/(gj-[0-9a-f]+)", client.get(row["draft"]).text)
        assert found
        while True:
            hits = client.get("/api/search", params=query).json()["hits"]
            if found.group(1) in [h["id"] for h in hits]:
                break
            if time.perf_counter() - started > 60:
                raise RuntimeError(f"{row['file']} was not searchable after 60 s")
        out.append({"file": row["file"], "publish_to_searchable_s": time.perf_counter() - started,
                    "search_s": search_s})  # fmt: skip
    return out


def desk_load(web: Any, port: int, client: httpx.Client, draft: str, args: Any) -> dict:
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    headers = f"Cookie: {cookie}\r\n"
    return {
        "baseline (robots.txt)": web.load(port, ["/robots.txt"], args.requests, args.clients),
        "drafts list": web.load(port, ["/desk/"], args.requests, args.clients, headers),
        "draft form": web.load(port, [draft], args.requests, args.clients, headers),
    }


def _preview_lines(previews: list[dict]) -> list[str]:
    lines = ["== preview (first time, over HTTP) vs render in process (warm Publisher)"]
    lines.append(f"{'file':<28}{'pages':>6}{'preview s':>11}{'render s':>10}{'ratio':>8}")
    for r in previews:
        ratio = r["preview_s"] / r["render_s"]
        lines.append(
            f"{r['file']:<28}{r['pages']:>6}{r['preview_s']:>11.3f}{r['render_s']:>10.3f}"
            f"{ratio:>7.1f}x"
        )
    every = [r["preview_s"] for r in previews]
    two = [r["preview_s"] for r in previews if r["pages"] <= 2]
    line = f"median preview: {statistics.median(every):.3f} s (all)"
    if two:
        verdict = "ok" if max(two) < TARGET_PREVIEW_S else "MISSED"
        line += (
            f", {statistics.median(two):.3f} s for 2-page articles, max {max(two):.3f} s; "
            f"target < {TARGET_PREVIEW_S} s: {verdict}"
        )
    return [*lines, line]


def report(previews: list[dict], published: list[dict], pages: dict[str, dict]) -> str:
    lines = _preview_lines(previews)
    if published:
        p2s = [p["publish_to_searchable_s"] for p in published]
        base = statistics.median(p["search_s"] for p in published)
        lines.append(
            f"== publish to searchable ({len(published)} articles): "
            f"median {statistics.median(p2s):.3f} s, max {max(p2s):.3f} s; "
            f"one search request {base * 1000:.1f} ms ({statistics.median(p2s) / base:.0f}x)"
        )
    base_rps = pages["baseline (robots.txt)"]["rps"]
    lines.append("== desk pages, signed in")
    lines.append(
        f"{'page':<24}{'requests':>9}{'errors':>7}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'vs baseline':>13}"
    )
    for name, f in pages.items():
        lines.append(
            f"{name:<24}{f['requests']:>9}{f['errors']:>7}{f['rps']:>9.0f}"
            f"{f['p50_ms']:>9.2f}{f['p95_ms']:>9.2f}{f['rps'] / base_rps:>12.2f}x"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=14, help="sample Word files to upload")
    parser.add_argument("--requests", type=int, default=2000, help="timed requests per page")
    parser.add_argument("--clients", type=int, default=4, help="concurrent connections")
    parser.add_argument("--quick", action="store_true", help="6 files, 600 requests")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.quick:
        args.files, args.requests = 6, 600
    print(f"# bench/desk.py on {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}",
          flush=True)  # fmt: skip
    web = _bench_web()
    root = Path(tempfile.mkdtemp(prefix="gj-desk-bench-", dir=args.workdir))
    server = None
    try:
        archive = prepare(root)
        server = web.Server(archive, 1)
        client = sign_in(f"http://{web.HOST}:{server.port}")
        files = sorted(SAMPLES.glob("*/article.docx"))
        # spread over languages: the list is sorted de, en, fa, ps
        files = files[:: max(1, len(files) // args.files)][: args.files]
        previews = time_previews(client, archive, files)
        published = time_publishing(client, previews)
        pages = desk_load(web, server.port, client, previews[0]["draft"], args)
        print(report(previews, published, pages))
        if args.json:
            args.json.write_text(json.dumps(
                {"previews": previews, "published": published, "pages": pages}, indent=2,
                ensure_ascii=False))  # fmt: skip
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
