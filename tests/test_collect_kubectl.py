"""kubectl collector with a stand-in `kubectl` on PATH that replays recorded output."""

from __future__ import annotations

import json
import os
import stat
import sys
import threading
import time
from datetime import datetime, timedelta

import pytest

from pm_tui.collectors.evidence import Cancelled, CollectorError, CollectWindow
from pm_tui.collectors.kubectl import (
    KubectlOptions,
    kubectl_events,
    kubectl_logs,
    read_kube_events,
    read_kubectl_logs,
)


def at(hhmm: str) -> datetime:
    return datetime.fromisoformat(f"2025-02-09T{hhmm}:00+00:00")


WINDOW = CollectWindow(start=at("10:00"), end=at("11:00"), baseline=timedelta(hours=1))

LOGS = """\
[pod/api-7d9f-x2/api] 2025-02-09T08:59:59.000000000Z INFO before the baseline
[pod/api-7d9f-x2/api] 2025-02-09T10:05:01.123456789Z ERROR upstream timeout talking to db
[pod/api-7d9f-x2/api] 2025-02-09T10:05:02.000000000Z WARN retrying request id=42
[pod/api-7d9f-x2/sidecar] 2025-02-09T10:06:00Z info sidecar healthy
[pod/api-7d9f-x2/api] 2025-02-09T11:30:00.000000000Z INFO after the window
unable to retrieve container logs for containerd://abc
"""


def event(
    reason, first, last=None, kind="Pod", name="api-7d9f-x2", etype="Normal", count=1, message=""
):
    return {
        "kind": "Event",
        "reason": reason,
        "message": message or f"{reason} happened",
        "type": etype,
        "count": count,
        "involvedObject": {"kind": kind, "name": name, "namespace": "shop"},
        "firstTimestamp": f"2025-02-09T{first}:00Z",
        "lastTimestamp": f"2025-02-09T{last or first}:00Z",
        "metadata": {"name": f"{name}.{reason}", "namespace": "shop"},
    }


EVENTS = {
    "apiVersion": "v1",
    "kind": "List",
    "items": [
        event("ScalingReplicaSet", "10:02", kind="Deployment", name="api",
              message="Scaled up replica set api-7d9f to 3"),
        event("OOMKilling", "10:07", kind="Node", name="node-1", etype="Warning",
              message="Memory cgroup out of memory: Killed process 4242 (api)"),
        event("BackOff", "10:08", "10:30", etype="Warning", count=14,
              message="Back-off restarting failed container"),
        event("Unhealthy", "10:09", etype="Warning", message="Readiness probe failed: HTTP 503"),
        event("Pulled", "07:00", message="Container image already present"),
    ],
}  # fmt: skip

FAKE = """#!{python}
import os, sys, time
d = os.environ["FAKE_KUBECTL_DIR"]
open(os.path.join(d, "argv"), "a").write(" ".join(sys.argv[1:]) + "\\n")
if os.environ.get("FAKE_KUBECTL_SLEEP"):
    sys.stdout.write(open(os.path.join(d, "logs.txt")).read().splitlines(True)[1]); sys.stdout.flush()
    time.sleep(float(os.environ["FAKE_KUBECTL_SLEEP"]))
if os.environ.get("FAKE_KUBECTL_FAIL"):
    sys.stderr.write("W0209 warning noise\\n" + os.environ["FAKE_KUBECTL_FAIL"] + "\\n")
    sys.exit(1)
name = "logs.txt" if "logs" in sys.argv else "events.json"
sys.stdout.write(open(os.path.join(d, name)).read())
"""


@pytest.fixture()
def fake_kubectl(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "kubectl"
    script.write_text(FAKE.format(python=sys.executable))
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    (tmp_path / "logs.txt").write_text(LOGS)
    (tmp_path / "events.json").write_text(json.dumps(EVENTS))
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_KUBECTL_DIR", str(tmp_path))
    return tmp_path


def test_logs_in_window_with_flags(fake_kubectl):
    options = KubectlOptions(context="prod-eu", namespace="shop")
    result = kubectl_logs("deployment/api", WINDOW, options)
    argv = (fake_kubectl / "argv").read_text().split()
    assert argv[:4] == ["--context", "prod-eu", "--namespace", "shop"]
    assert "--since-time=2025-02-09T09:00:00Z" in argv and "--timestamps" in argv
    assert [e.text for e in result.evidence] == [
        "ERROR upstream timeout talking to db",
        "WARN retrying request id=42",
        "info sidecar healthy",
    ]
    first = result.evidence[0]
    assert first.time == datetime.fromisoformat("2025-02-09T10:05:01.123456+00:00")
    assert first.attrs == {"container": "pod/api-7d9f-x2/api", "level": "error"}
    assert result.counts["outside_window"] == 2  # the end of the window is filtered here
    assert result.counts["unparseable"] == 1


def test_saved_logs_file(fake_kubectl):
    result = read_kubectl_logs(fake_kubectl / "logs.txt", WINDOW)
    assert len(result.evidence) == 3 and "1 lines without a timestamp" in str(result.gaps[0])


def test_events_become_changes(fake_kubectl):
    for result in (kubectl_events(WINDOW), read_kube_events(fake_kubectl / "events.json", WINDOW)):
        got = [
            (e.time, e.kind, e.attrs["reason"], e.attrs.get("category")) for e in result.evidence
        ]
        assert got == [
            (at("10:02"), "change", "ScalingReplicaSet", "deploy"),
            (at("10:07"), "change", "OOMKilling", "oom"),
            (at("10:08"), "change", "BackOff", "restart"),
            (at("10:09"), "log", "Unhealthy", None),
        ]
        backoff = result.evidence[2]
        assert backoff.attrs["count"] == 14 and backoff.attrs["type"] == "Warning"
        assert backoff.attrs["object"] == "Pod/api-7d9f-x2"
        assert "Scaled up replica set api-7d9f to 3" in result.evidence[0].text


def test_kubectl_missing(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(
        CollectorError, match="kubectl not found on PATH: install it or pass a saved file"
    ):
        kubectl_logs("deployment/api", WINDOW)


def test_kubectl_failure_is_its_last_stderr_line(fake_kubectl, monkeypatch):
    monkeypatch.setenv("FAKE_KUBECTL_FAIL", 'error: context "prod-eu" does not exist')
    with pytest.raises(
        CollectorError, match=r'kubectl failed: error: context "prod-eu" does not exist$'
    ):
        kubectl_events(WINDOW, KubectlOptions(context="prod-eu"))


def test_timeout_kills_kubectl(fake_kubectl, monkeypatch):
    monkeypatch.setenv("FAKE_KUBECTL_SLEEP", "5")
    started = time.monotonic()
    with pytest.raises(CollectorError, match="did not finish within 0.5s"):
        kubectl_logs("deployment/api", WINDOW, KubectlOptions(timeout=0.5))
    assert time.monotonic() - started < 3


def test_cancel_kills_kubectl(fake_kubectl, monkeypatch):
    monkeypatch.setenv("FAKE_KUBECTL_SLEEP", "5")
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        kubectl_logs("deployment/api", WINDOW, cancel=cancel)
    assert time.monotonic() - started < 3
