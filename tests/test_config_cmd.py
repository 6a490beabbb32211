"""`pm-tui config` and the precedence of every key: flag > PM_TUI_<KEY> > file > default;
`init --yes` writes a config that works as is."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SAMPLE_ID, run_cli


def config_file() -> Path:
    return Path(run_cli("config", "path").stdout.strip())


def test_set_get_unset_keep_comments_and_refuse_bad_values():
    assert run_cli("config", "get", "prometheus.url").returncode == 1  # unset: like git config
    assert run_cli("config", "set", "prometheus.url", "http://prom.internal:9090").returncode == 0
    assert run_cli("config", "set", "authors", "Ana Lima, Bob Okafor").returncode == 0
    assert run_cli("config", "set", "smtp.tls", "false").returncode == 0
    path = config_file()
    path.write_text(path.read_text() + "# my own note\n")
    assert run_cli("config", "set", "smtp.port", "2525").returncode == 0
    text = path.read_text()
    assert "# my own note" in text and "port = 2525" in text and "tls = false" in text
    assert run_cli("config", "get", "prometheus.url").stdout == "http://prom.internal:9090\n"
    assert run_cli("config", "get", "authors").stdout == "Ana Lima, Bob Okafor\n"
    got = json.loads(run_cli("config", "get", "authors", "--format", "json").stdout)
    assert got == {
        "key": "authors",
        "value": ["Ana Lima", "Bob Okafor"],
        "origin": "file",
        "env": "PM_TUI_AUTHORS",
    }
    # a token where a variable NAME belongs is refused, and never echoed
    refused = run_cli(
        "config", "set", "github.token_env", "ghp_16C7e42F292c6912E7710c838347Ae178B4a"
    )
    assert refused.returncode == 2 and "looks like a token" in refused.stderr
    assert "ghp_16C7" not in refused.stderr + path.read_text()
    bad_port = run_cli("config", "set", "smtp.port", "lots")
    assert bad_port.returncode == 2 and "not a port number" in bad_port.stderr
    unknown = run_cli("config", "get", "prometheus.uri")
    assert unknown.returncode == 2 and "unknown config key 'prometheus.uri'" in unknown.stderr
    assert run_cli("config", "unset", "prometheus.url").returncode == 0
    assert run_cli("config", "get", "prometheus.url").returncode == 1
    assert "# my own note" in path.read_text()


def test_environment_wins_over_the_file_and_list_says_where_from():
    run_cli("config", "set", "github.repo", "acme/from-file")
    env = {"PM_TUI_GITHUB_REPO": "acme/from-env", "PM_TUI_SMTP_PORT": "465"}
    assert run_cli("config", "get", "github.repo", env=env).stdout == "acme/from-env\n"
    listed = json.loads(run_cli("config", "list", "--format", "json", env=env).stdout)
    origin = {k["key"]: (k["value"], k["origin"]) for k in listed["keys"]}
    assert origin["github.repo"] == ("acme/from-env", "env")
    assert origin["smtp.port"] == (465, "env")
    assert origin["github.api_url"] == ("https://api.github.com", "default")
    assert origin["prometheus.url"] == (None, "unset")
    assert {k["env"] for k in listed["keys"]} >= {"PM_TUI_REPO", "PM_TUI_PROMETHEUS_URL"}
    text = run_cli("config", "list", env=env).stdout
    assert "acme/from-env" in text and "($PM_TUI_GITHUB_REPO)" in text
    bad = run_cli("config", "list", env={"PM_TUI_SMTP_TLS": "maybe"})
    assert bad.returncode == 2 and "$PM_TUI_SMTP_TLS: 'maybe' is not true or false" in bad.stderr


def test_flag_beats_environment_beats_file_for_the_repository(tmp_path, sample_repo):
    other = tmp_path / "elsewhere"
    run_cli("config", "set", "repo", str(other))
    env = {"PM_TUI_REPO": str(sample_repo.root)}
    from_env = run_cli("list", "--format", "json", env=env)
    assert SAMPLE_ID in {row["id"] for row in json.loads(from_env.stdout)}
    from_flag = run_cli("--repo", str(tmp_path / "flag-repo"), "list", "--format", "json", env=env)
    assert json.loads(from_flag.stdout) == []


def test_init_yes_config_works_as_is_with_the_token_variable_unset(rig, tmp_path, sample_repo):
    # init --yes names PROMETHEUS_TOKEN; unset, it means "no token" (the rig needs none)
    assert run_cli("init", "--yes", "--repo", str(sample_repo.root)).returncode == 0
    assert "PROMETHEUS_TOKEN" in config_file().read_text()
    env = {"PROMETHEUS_TOKEN": ""}
    done = run_cli(
        "collect", SAMPLE_ID, "--prometheus", rig["PROM_URL"], "--query", "up", "--no-commit",
        env=env,
    )  # fmt: skip
    assert done.returncode in (0, 3), done.stderr
    assert "PROMETHEUS_TOKEN is not set" not in done.stdout + done.stderr
    (row,) = [line for line in done.stdout.splitlines() if line.startswith("prometheus http")]
    assert int(row.split()[2]) >= 5  # evidence items: the rig's series and alert history
