"""`pm-tui --debug`: each HTTP call on stderr, with tokens, passwords and webhook URLs removed."""

from __future__ import annotations

import pytest

from pm_tui.httplog import safe_headers, safe_url
from tests.conftest import SAMPLE_ID, run_cli


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://ana:hunter2@prom.internal/api", "https://ana:***@prom.internal/api"),
        ("https://prom.internal/q?query=up&access_token=abc123", "https://prom.internal/q?query=up&access_token=***"),
        ("https://hooks.slack.com/services/T0001/B0002/XXXXSECRET", "https://hooks.slack.com/services/***"),
        ("http://127.0.0.1:9090/api/v1/query_range?query=up&step=60", "http://127.0.0.1:9090/api/v1/query_range?query=up&step=60"),
    ],
)  # fmt: skip
def test_secret_url_parts_are_masked(url, shown):
    assert safe_url(url) == shown


def test_credential_headers_keep_their_scheme_only():
    shown = safe_headers({"Authorization": "Bearer ghp_x1", "Accept": "application/json",
                          "X-Api-Key": "k-123", "Cookie": "session=1"})  # fmt: skip
    assert (
        shown == "Authorization: Bearer ***; Accept: application/json; X-Api-Key: ***; Cookie: ***"
    )


def test_debug_collect_logs_each_prometheus_call_without_the_token(rig, sample_repo):
    secret = "prom-secret-token-0451"
    args = ("collect", SAMPLE_ID, "--prometheus", rig["PROM_URL"], "--no-commit")
    env = {"PM_TUI_REPO": str(sample_repo.root), "PROMETHEUS_TOKEN": secret}
    done = run_cli("--debug", *args, "--prometheus-token-env", "PROMETHEUS_TOKEN", env=env)
    assert done.returncode in (0, 3), done.stderr
    calls = [line for line in done.stderr.splitlines() if line.startswith("pm-tui: debug: > GET")]
    assert len(calls) >= 3 and all(rig["PROM_URL"] in line for line in calls)
    assert any("/api/v1/query_range?" in line for line in calls)
    assert all("authorization: Bearer ***" in line for line in calls)
    answers = [line for line in done.stderr.splitlines() if line.startswith("pm-tui: debug: < 200")]
    assert len(answers) == len(calls)
    assert secret not in done.stdout + done.stderr
    # without --debug, nothing of the sort
    quiet = run_cli(*args, env=env)
    assert "debug:" not in quiet.stderr


def test_debug_never_shows_a_slack_webhook_url(sample_repo):
    from tests.local_http import serve

    def route(path, query, headers):
        return 404, "text/plain", b"no_service"

    with serve(route) as url:
        hook = f"{url}/services/T0001/B0002/abcdefSECRET"
        done = run_cli(
            "--debug", "distribute", SAMPLE_ID, "--slack-webhook-env", "TEAM_HOOK",
            env={"PM_TUI_REPO": str(sample_repo.root), "TEAM_HOOK": hook},
        )  # fmt: skip
    assert (
        "pm-tui: debug: > POST http://127.0.0.1" in done.stderr and "/services/***" in done.stderr
    )
    assert "abcdefSECRET" not in done.stdout + done.stderr


def test_debug_file_for_the_wizard_keeps_the_terminal_clean(rig, sample_repo, tmp_path):
    log = tmp_path / "debug.log"
    env = {"PM_TUI_REPO": str(sample_repo.root), "PM_TUI_DEBUG": "1",
           "PM_TUI_DEBUG_FILE": str(log), "PROMETHEUS_TOKEN": "prom-secret-token-0451"}  # fmt: skip
    done = run_cli("collect", SAMPLE_ID, "--prometheus", rig["PROM_URL"], "--no-commit", env=env)
    assert done.returncode in (0, 3), done.stderr
    assert "debug:" not in done.stderr
    lines = log.read_text().splitlines()
    assert any(line.startswith("pm-tui: debug: > GET " + rig["PROM_URL"]) for line in lines)
    assert "prom-secret-token-0451" not in log.read_text()
