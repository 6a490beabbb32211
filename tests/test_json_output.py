"""`--format json` on every command that prints results: one JSON document on stdout, in the
shapes of docs/json-output.md, with the same exit status as the text."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SAMPLE_ID, run_cli


def as_json(done) -> dict:
    assert done.stdout.lstrip().startswith(("{", "[")), done.stdout[:200] + done.stderr
    return json.loads(done.stdout)


def test_new_prints_id_and_path(repo):
    done = run_cli("--repo", str(repo.root), "new", "--title", "Disk full on db-2",
                   "--started", "2025-03-01T10:00", "--format", "json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    got = as_json(done)
    assert got == {
        "id": "2025-03-01-disk-full-on-db-2",
        "path": str(repo.root / "postmortems" / "2025-03-01-disk-full-on-db-2.toml"),
    }
    assert Path(got["path"]).is_file()


def test_show_prints_the_export_document_and_its_path(sample_repo):
    done = run_cli("--repo", str(sample_repo.root), "show", "api-service", "--format", "json")
    assert done.returncode == 0, done.stderr
    got = as_json(done)
    assert got["id"] == SAMPLE_ID and got["severity"] == "P1"
    assert got["path"].endswith(f"postmortems/{SAMPLE_ID}.toml")
    assert got["durations"]["time_to_detect_seconds"] == 7 * 60  # as in docs/json-export.md
    assert got["open_actions"] == sum(a["status"] in ("open", "in-progress") for a in got["actions"])
    assert [e["kind"] for e in got["timeline"]][:2] == ["change", "first_symptom"]
    missing = run_cli("--repo", str(sample_repo.root), "show", "no-such", "--format", "json")
    assert missing.returncode == 2 and missing.stdout == ""
