"""`pm-tui init`: the repository, a commented config.toml edited in place, no tokens stored."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from pm_tui import gitstore
from pm_tui.cli import cmd_init
from pm_tui.cli.main import build_parser
from pm_tui.config import config_path, load_config, resolve_repo_path
from pm_tui.plain.init import check_env_name
from tests.conftest import run_cli
from tests.plain_script import ENTER, UP, replace, scripted

FAKE_TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"


def _init(*argv: str, ask=None) -> int:
    return cmd_init.run(build_parser().parse_args(["init", *argv]), ask=ask)


def _answers(repo_dir: Path) -> list[tuple[str, str]]:
    return [
        ("Post-mortem repository", ENTER),  # create (the default for a new folder)
        ("Folder", replace(str(repo_dir))),
        ("Remote URL", ENTER),
        ("Default authors", replace("Ana Lima, Bob Okafor")),  # offered: the git user name
        ("Prometheus URL", "http://127.0.0.1:9090" + ENTER),
        ("Prometheus bearer token", ENTER),
        ("Alertmanager URL", "http://127.0.0.1:9093" + ENTER),
        ("GitHub repository", "acme/platform" + ENTER),
        ("GitHub API URL", ENTER),
        ("GitHub token", replace(FAKE_TOKEN) + replace("ACME_GH_TOKEN")),
        ("Slack webhook", ENTER),
        ("SMTP host", "127.0.0.1" + ENTER),
        ("SMTP port", replace("2525")),
        ("STARTTLS", "n"),
        ("Sender address", "pm@example.com" + ENTER),
        ("SMTP user", ENTER),
        ("SMTP password", ENTER),
    ]


def test_init_by_prompts_creates_the_repository_and_a_commented_config(tmp_path):
    repo_dir = tmp_path / "postmortems"
    with scripted(_answers(repo_dir)) as ask:
        assert _init(ask=ask) == 0
    assert gitstore.is_repo(repo_dir) and (repo_dir / "postmortems").is_dir()
    text = config_path().read_text(encoding="utf-8")
    config = load_config()
    assert config["repo"] == str(repo_dir.resolve())
    assert config["authors"] == ["Ana Lima", "Bob Okafor"]
    assert config["prometheus"] == {"url": "http://127.0.0.1:9090", "token_env": "PROMETHEUS_TOKEN"}
    assert config["github"]["token_env"] == "ACME_GH_TOKEN"
    assert config["smtp"] == {
        "host": "127.0.0.1",
        "port": 2525,
        "tls": False,
        "from": "pm@example.com",
        "user_env": "PM_TUI_SMTP_USER",
        "password_env": "PM_TUI_SMTP_PASSWORD",
    }
    assert "# NAME of the environment variable holding the GitHub token" in text
    assert FAKE_TOKEN not in text  # the token typed by mistake was refused, never stored
    assert resolve_repo_path() == repo_dir.resolve()  # others find the repository


def test_init_again_edits_in_place_keeping_comments_and_unknown_keys(tmp_path):
    repo_dir = tmp_path / "repo"
    assert _init("--repo", str(repo_dir), "--yes", "--prometheus-url", "http://127.0.0.1:9090") == 0
    path = config_path()
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        'url = "http://127.0.0.1:9090"', 'url = "http://127.0.0.1:9090"  # the staging one'
    )
    path.write_text("# my own note, keep me\n" + text + '\n[team]\nchannel = "#sre"\n')

    assert _init("--yes", "--prometheus-url", "http://127.0.0.1:9091", "--author", "Cy") == 0
    after = path.read_text(encoding="utf-8")
    assert after.startswith("# my own note, keep me\n")
    assert 'url = "http://127.0.0.1:9091"  # the staging one' in after
    assert "# Prometheus HTTP API base URL" in after
    config = tomllib.loads(after)
    assert config["team"] == {"channel": "#sre"}
    assert config["authors"] == ["Cy"]
    assert config["repo"] == str(repo_dir.resolve())  # the current value was the default


def test_init_prompts_offer_current_values_so_enter_keeps_them(tmp_path):
    repo_dir = tmp_path / "repo"
    assert _init("--repo", str(repo_dir), "--yes", "--github-repo", "acme/x") == 0
    before = config_path().read_text(encoding="utf-8")
    enter_everywhere = [
        ("Post-mortem repository", ENTER),  # now "existing": it is a clone
        ("Folder", ENTER),
        ("Remote URL", ENTER),
    ] + [(q, ENTER) for q in ("authors", "Prometheus", "bearer", "Alertmanager", "GitHub",
                              "API", "GitHub token", "Slack", "SMTP host")]  # fmt: skip
    with scripted(enter_everywhere) as ask:
        assert _init(ask=ask) == 0
    assert config_path().read_text(encoding="utf-8") == before


def test_existing_clone_and_its_remote_are_detected(tmp_path):
    clone = tmp_path / "clone"
    gitstore.init_repo(clone)
    gitstore._git(clone, "remote", "add", "origin", "git@example.com:acme/postmortems.git")
    script = [("Post-mortem repository", ENTER), ("Folder", replace(str(clone)))]
    with scripted(script + [(q, ENTER) for q in ("authors", "Prometheus", "bearer",
                                                 "Alertmanager", "GitHub", "API", "GitHub token",
                                                 "Slack", "SMTP host")]) as ask:  # fmt: skip
        assert _init(ask=ask) == 0
    assert "Remote origin: git@example.com:acme/postmortems.git" in ask.said
    assert "Remote URL" not in " ".join(ask.asked)  # a remote exists: not asked
    assert load_config()["repo"] == str(clone.resolve())


def test_existing_mode_refuses_a_folder_that_is_not_a_clone(tmp_path):
    plain_dir = tmp_path / "not-a-clone"
    plain_dir.mkdir()
    clone = tmp_path / "clone"
    gitstore.init_repo(clone)
    script = [
        ("Post-mortem repository", UP + ENTER),  # from "create" up to "existing"
        # The first folder is refused where it is typed, so the second answer is the one taken.
        ("Folder", replace(str(plain_dir)) + replace(str(clone))),
        ("Remote URL", ENTER),
    ] + [(q, ENTER) for q in ("authors", "Prometheus", "bearer", "Alertmanager", "GitHub",
                              "API", "GitHub token", "Slack", "SMTP host")]  # fmt: skip
    with scripted(script) as ask:
        assert _init(ask=ask) == 0
    assert load_config()["repo"] == str(clone.resolve())
    assert not (plain_dir / ".git").exists()


def test_ctrl_c_in_init_writes_nothing(tmp_path):
    script = [("Post-mortem repository", ENTER), ("Folder", "\x03")]
    with scripted(script) as ask:
        assert _init(ask=ask) == 130
    assert not config_path().exists()


def test_a_token_given_as_an_option_is_refused_and_nothing_is_written(tmp_path):
    out = run_cli(
        "init", "--yes", "--repo", str(tmp_path / "r"), "--github-token-env", FAKE_TOKEN,
        env={"PM_TUI_CONFIG": os.environ["PM_TUI_CONFIG"]},
    )  # fmt: skip
    assert out.returncode == 2
    assert "--github-token-env" in out.stderr and "NAME of the environment variable" in out.stderr
    assert FAKE_TOKEN not in out.stderr  # never echoed back either
    assert not config_path().exists()
    assert "Traceback" not in out.stderr


def test_a_slack_webhook_url_where_a_name_is_expected_is_refused(tmp_path):
    code = run_cli(
        "init", "--yes", "--repo", str(tmp_path / "r"),
        "--slack-webhook-env", "https://hooks.slack.com/services/T000/B000/XXXX",
    ).returncode  # fmt: skip
    assert code == 2
    assert not config_path().exists()


@pytest.mark.parametrize(
    "answer",
    [
        FAKE_TOKEN,
        "xoxb-1234567890-abcdefghij",
        "https://hooks.slack.com/services/T000/B000/XXXX",
        "0123456789abcdef0123456789abcdef01234567",  # a 40-hex token
        "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA",  # base64-looking
    ],
)
def test_token_like_answers_are_refused_without_echoing_them(answer):
    problem = check_env_name(answer)
    assert problem and "NAME of the environment variable" in problem
    assert answer not in problem


@pytest.mark.parametrize(
    "name", ["GITHUB_TOKEN", "PM_TUI_SLACK_WEBHOOK", "my_service_token_v2_prod", ""]
)
def test_variable_names_are_accepted(name):
    assert check_env_name(name) is None


def test_a_name_with_spaces_is_not_a_variable_name():
    assert "not an environment variable name" in check_env_name("GITHUB TOKEN")
