"""The hostile corpus (hardening's part) through a real ``ganjina ingest``: one run over
every case must finish, without a traceback, with each case's expected outcome."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.hardening.cli import ganjina
from tests.hostile.corpus import build


def test_hostile_corpus_ingests_cleanly(tmp_path: Path) -> None:
    cases = build(tmp_path / "in", owner="hardening")
    result = ganjina(
        "ingest", str(tmp_path / "in"), "--archive", str(tmp_path / "a.db"), "--json", timeout=300
    )
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode in (0, 1), result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert not report["interrupted"]
    not_stored = {os.path.basename(e["path"]) for e in report["failures"] + report["skipped"]}
    for case in cases:
        if case.expect == "stored":
            assert case.name not in not_stored, case
    for e in report["failures"]:
        # one line per refusal, never a Python exception's repr
        assert "\n" not in e["message"] and "Error(" not in e["message"], e
