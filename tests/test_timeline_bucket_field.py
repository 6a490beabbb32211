"""#20: a JSON log whose records name the storage bucket they wrote to (`"bucket": "media-eu"`)
is read as the log it is, from a small evidence folder built here, collected and rebuilt
through the CLI in a real repository.

The class of miss, seen on an incident written blind: an upload service logs every upload as
JSON with the object store's bucket in a `bucket` field. pm-tui marks its own 10-second
summaries of an access log with `bucket`, and took every such record for one: the service's
errors were never read as failures, and the busy info lines, kept before every error as
"summaries", filled the kept evidence's megabyte. The window then started at the first alert
and had no end.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from tests.timeline_clock import at, every, z
from tests.timeline_proposal import propose

FIRST_ERROR, LAST_ERROR, PAGED = at(10, 31, 7), at(11, 2, 40), at(10, 39)


def _evidence(folder: Path) -> Path:
    ev = folder / "evidence"
    ev.mkdir(parents=True)
    records = [
        {"timestamp": z(t), "level": "INFO", "message": "episode upload stored",
         "bucket": "media-eu-west-1", "status": 201, "bytes": 48_000_000 + k,
         "request_id": f"{k:012x}", "pod": f"upload-api-7d94c-{k % 5}"}
        for k, t in enumerate(every(at(9, 0), at(12, 0), timedelta(seconds=2)))
    ]  # fmt: skip
    records += [
        {"timestamp": z(t), "level": "ERROR", "message": "episode upload failed",
         "bucket": "media-eu-west-1", "status": 500, "error": "AccessDenied: credentials expired",
         "request_id": f"e{k:011x}", "pod": f"upload-api-7d94c-{k % 5}"}
        for k, t in enumerate(every(FIRST_ERROR, LAST_ERROR, timedelta(seconds=20)))
    ]  # fmt: skip
    records.sort(key=lambda r: r["timestamp"])
    (ev / "upload-api.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )
    alert = {"status": "firing", "labels": {"alertname": "UploadErrors", "severity": "page"},
             "annotations": {"summary": "upload-api 5xx above 5%"}, "startsAt": z(PAGED),
             "endsAt": "0001-01-01T00:00:00Z", "fingerprint": "0badc0de"}  # fmt: skip
    (ev / "alertmanager.json").write_text(
        json.dumps({"version": "4", "receiver": "media", "status": "firing", "alerts": [alert]}),
        encoding="utf-8",
    )
    return ev


def test_a_log_field_named_bucket_is_no_access_log_summary(tmp_path, capsys):
    ev = _evidence(tmp_path / "incident")
    assert (ev / "upload-api.jsonl").stat().st_size > 1_000_000  # more than the kept megabyte
    w = propose(tmp_path, ev, capsys, "Uploads failing", at(10, 0), at(12, 0))

    assert w.got["started"]["time"] == z(FIRST_ERROR)  # the first error, not the alert
    assert "episode upload failed" in w.got["started"]["why"]
    assert abs(w.times["mitigated"] - LAST_ERROR) <= timedelta(seconds=60)
