"""Real log and metric stores on free loopback ports, one of each per test session.

- ClickHouse (Debian `clickhouse-server`, 18.16 on bookworm) with a temporary config: HTTP
  interface only, data in a temporary folder.
- VictoriaMetrics (Debian `victoria-metrics`), a Prometheus-compatible long-term store.
- moto's `ThreadedMotoServer`, a local server of the AWS API (CloudWatch Logs).

Missing binaries FAIL the tests (`bash dev.sh test` installs them): a skipped test proves
nothing. Each server is stopped at the end of the session; only the process started here.

tests/conftest.py offers the fixtures to every test module: ask for `clickhouse`,
`victoria_metrics` or `moto_server` by name, do not import them (a fixture imported into a
module is that module's own; the servers would still start once, see `_shared`).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _wait(url: str, proc: subprocess.Popen, log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    proc.kill()
    pytest.fail(f"{url} did not come up: {log.read_text(errors='replace')[-1500:]}")


def _serve(argv: list[str], workdir: Path, port: int, health: str, cwd: Path | None = None):
    """Start a server (output in workdir/server.log), yield its URL once `health` answers,
    then stop it and remove `workdir`: the body of each session fixture below."""
    log = workdir / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://{HOST}:{port}"
    try:
        _wait(url + health, proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(workdir, ignore_errors=True)


def _need(binary: str, package: str) -> str:
    path = shutil.which(binary) or (
        f"/usr/sbin/{binary}" if Path(f"/usr/sbin/{binary}").exists() else None
    )
    if not path:
        pytest.fail(
            f"{binary} is not installed (bash dev.sh test installs the Debian package {package})"
        )
    return path


_running: dict[str, dict] = {}


def _shared(name: str, start: Callable[[], Iterator[str]]) -> Iterator[str]:
    """The body of each session fixture below: one server per session however many modules
    define the fixture (each module that imports one has its own copy): started on first use,
    stopped when the last fixture using it is torn down."""
    if name not in _running:
        server = start()
        _running[name] = {"url": next(server), "server": server, "users": 0}
    entry = _running[name]
    entry["users"] += 1
    try:
        yield entry["url"]
    finally:
        entry["users"] -= 1
        if entry["users"] == 0:
            del _running[name]
            entry["server"].close()  # the generator's finally: stop the process


_CLICKHOUSE_CONFIG = """<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><console>1</console></logger>
  <http_port>{port}</http_port>
  <listen_host>127.0.0.1</listen_host>
  <path>{dir}/data/</path>
  <tmp_path>{dir}/tmp/</tmp_path>
  <user_files_path>{dir}/user_files/</user_files_path>
  <format_schema_path>{dir}/format_schemas/</format_schema_path>
  <mark_cache_size>5368709</mark_cache_size>
  <users_config>users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
</yandex>
"""
# the default user without a password; "reader" needs one (the 401 test)
_CLICKHOUSE_USERS = """<?xml version="1.0"?>
<yandex>
  <profiles><default></default></profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip></networks>
      <profile>default</profile><quota>default</quota></default>
    <reader><password>reader-secret</password><networks><ip>127.0.0.1</ip></networks>
      <profile>default</profile><quota>default</quota></reader>
  </users>
  <quotas><default></default></quotas>
</yandex>
"""


@pytest.fixture(scope="session")
def clickhouse():
    """A running ClickHouse: its HTTP base URL."""
    yield from _shared("clickhouse", _start_clickhouse)


def _start_clickhouse() -> Iterator[str]:
    binary = _need("clickhouse-server", "clickhouse-server")
    workdir = Path(tempfile.mkdtemp(prefix="pm-tui-clickhouse-"))
    port = free_port()
    (workdir / "config.xml").write_text(_CLICKHOUSE_CONFIG.format(port=port, dir=workdir))
    (workdir / "users.xml").write_text(_CLICKHOUSE_USERS)
    yield from _serve(
        [binary, f"--config-file={workdir / 'config.xml'}"], workdir, port, "/ping", cwd=workdir
    )


def clickhouse_sql(url: str, sql: str, data: bytes = b"") -> str:
    """Run `sql` (with `data` after it, e.g. rows for INSERT ... FORMAT JSONEachRow)."""
    body = sql.encode() + (b"\n" + data if data else b"")
    with urllib.request.urlopen(urllib.request.Request(url + "/", data=body), timeout=30) as r:
        return r.read().decode()


@pytest.fixture(scope="session")
def victoria_metrics():
    """A running VictoriaMetrics (data kept 100 years: the fixtures are in the past)."""
    yield from _shared("victoria_metrics", _start_victoria_metrics)


def _start_victoria_metrics() -> Iterator[str]:
    binary = _need("victoria-metrics", "victoria-metrics")
    workdir = Path(tempfile.mkdtemp(prefix="pm-tui-vm-"))
    port = free_port()
    yield from _serve(
        [binary, f"-httpListenAddr={HOST}:{port}", f"-storageDataPath={workdir}/data",
         "-retentionPeriod=100y", "-loggerLevel=ERROR", "-search.disableCache"],
        workdir, port, "/health",
    )  # fmt: skip


@pytest.fixture(scope="session")
def moto_server():
    """moto's local AWS API server: its endpoint URL (credentials: any, region us-east-1)."""
    yield from _shared("moto_server", _start_moto)


def _start_moto() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address=HOST, port=port, verbose=False)
    server.start()
    try:
        yield f"http://{HOST}:{port}"
    finally:
        server.stop()
