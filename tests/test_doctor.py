"""`pm-tui doctor` against the real rig and the GitHub stand-in: good and bad credentials,
named as such, never printed."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.github_fake import TOKEN, FakeGitHub
from tests.rig.rig import BASIC_AUTH_PASSWORD, BASIC_AUTH_USER, Rig, RigError


@pytest.fixture(scope="module")
def auth_rig():
    """A second rig whose Prometheus asks for a user and password (its web config)."""
    workdir = Path(tempfile.mkdtemp(prefix="pm-tui-auth-rig-"))
    rig = Rig(workdir, basic_auth=True, seed=None)
    try:
        env = rig.start()
    except RigError as exc:
        pytest.fail(f"the test rig did not start: {exc}")
    yield env
    rig.stop()
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="module")
def fake_github():
    gh = FakeGitHub()
    gh.thread.start()
    gh.reset()
    yield gh
    gh.server.shutdown()
    gh.server.server_close()


def configure(tmp_path, *pairs: tuple[str, str]) -> None:
    for key, value in pairs:
        done = run_cli("config", "set", key, value)
        assert done.returncode == 0, done.stderr
    assert run_cli("init", "--yes", "--repo", str(tmp_path / "repo")).returncode == 0


def lines(done) -> dict[str, str]:
    return {line[6:].split()[0]: line for line in done.stdout.splitlines() if line[:4].strip()}


def test_doctor_all_good_against_the_rig_and_github(rig, fake_github, tmp_path, monkeypatch):
    configure(
        tmp_path,
        ("prometheus.url", rig["PROM_URL"]),
        ("alertmanager.url", rig["AM_URL"]),
        ("github.repo", "acme/api"),
        ("github.api_url", fake_github.url),
    )
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    done = run_cli("doctor")
    assert done.returncode == 0, done.stdout + done.stderr
    by_name = lines(done)
    assert by_name["config"].startswith("ok")
    assert by_name["repository"].startswith("ok") and "git, writable" in by_name["repository"]
    assert "Prometheus 2." in by_name["prometheus"]
    assert "no credentials: $PROMETHEUS_TOKEN is not set" in by_name["prometheus"]
    assert "Alertmanager 0." in by_name["alertmanager"]
    assert "acme/api is reachable (token from $GITHUB_TOKEN)" in by_name["github"]
    assert TOKEN not in done.stdout + done.stderr


def test_doctor_names_a_refused_github_token_and_exits_4(fake_github, tmp_path, monkeypatch):
    configure(tmp_path, ("github.repo", "acme/api"), ("github.api_url", fake_github.url))
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_wrong_token_value_123")
    done = run_cli("doctor", "--format", "json")
    assert done.returncode == 4
    report = json.loads(done.stdout)
    (github,) = [c for c in report["checks"] if c["name"] == "github"]
    assert github["status"] == "fail" and github["credentials"]
    assert "HTTP 401 Unauthorized: the token in $GITHUB_TOKEN was refused" in github["detail"]
    assert "ghp_wrong_token_value_123" not in done.stdout + done.stderr
    monkeypatch.delenv("GITHUB_TOKEN")
    unset = run_cli("doctor")
    assert unset.returncode == 4
    assert "$GITHUB_TOKEN is not set" in lines(unset)["github"]


def test_doctor_with_a_good_and_a_bad_password_on_a_real_prometheus(
    auth_rig, tmp_path, monkeypatch
):
    configure(
        tmp_path,
        ("prometheus.url", auth_rig["PROM_URL"]),
        ("prometheus.user_env", "PROM_USER"),
        ("prometheus.password_env", "PROM_PASSWORD"),
    )
    monkeypatch.setenv("PROM_USER", BASIC_AUTH_USER)
    monkeypatch.setenv("PROM_PASSWORD", BASIC_AUTH_PASSWORD)
    good = run_cli("doctor")
    assert good.returncode == 0, good.stdout
    assert "user and password from $PROM_USER/$PROM_PASSWORD" in lines(good)["prometheus"]

    monkeypatch.setenv("PROM_PASSWORD", "not-the-password")
    bad = run_cli("--debug", "doctor")
    assert bad.returncode == 4
    line = lines(bad)["prometheus"]
    assert line.startswith("FAIL") and "HTTP 401 Unauthorized" in line
    assert "$PROM_USER/$PROM_PASSWORD were refused" in line
    # --debug shows the call, with the credentials masked
    assert "authorization: Basic ***" in bad.stderr
    for secret in ("not-the-password", BASIC_AUTH_PASSWORD):
        assert secret not in bad.stdout + bad.stderr


def test_doctor_reports_what_is_broken_without_a_traceback(tmp_path, monkeypatch):
    from tests.rig.rig import free_port

    plain_dir = tmp_path / "not-a-repo"
    plain_dir.mkdir()
    nobody = f"http://127.0.0.1:{free_port()}"
    assert run_cli("config", "set", "prometheus.url", nobody).returncode == 0
    done = run_cli("--repo", str(plain_dir), "doctor")
    assert done.returncode == 1
    by_name = lines(done)
    assert by_name["repository"].startswith("FAIL") and "not a git repository" in done.stdout
    assert by_name["prometheus"].startswith("FAIL") and f"cannot reach {nobody}" in done.stdout
    assert "Traceback" not in done.stderr

    config = Path(run_cli("config", "path").stdout.strip())
    config.write_text("[prometheus\nurl = 1\n")
    broken = run_cli("--repo", str(plain_dir), "doctor")
    assert broken.returncode == 1
    assert lines(broken)["config"].startswith("FAIL") and "invalid TOML" in broken.stdout
