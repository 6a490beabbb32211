"""`pm-tui init`: first-run set-up (repository, authors, services, token variable names)."""

from __future__ import annotations

import argparse

from pm_tui.cli.common import add_repo_option

# option dest -> config key; every question of init has one of these for scripts.
OPTIONS = {
    "prometheus_url": "prometheus.url",
    "prometheus_token_env": "prometheus.token_env",
    "alertmanager_url": "alertmanager.url",
    "github_repo": "github.repo",
    "github_api_url": "github.api_url",
    "github_token_env": "github.token_env",
    "slack_webhook_env": "slack.webhook_env",
    "smtp_host": "smtp.host",
    "smtp_port": "smtp.port",
    "smtp_tls": "smtp.tls",
    "smtp_from": "smtp.from",
    "smtp_user_env": "smtp.user_env",
    "smtp_password_env": "smtp.password_env",
    # log stores: not asked, set by these options or `pm-tui config set`
    "loki_url": "loki.url",
    "loki_token_env": "loki.token_env",
    "elasticsearch_url": "elasticsearch.url",
    "elasticsearch_token_env": "elasticsearch.token_env",
    "opensearch_url": "opensearch.url",
    "clickhouse_url": "clickhouse.url",
    "clickhouse_user_env": "clickhouse.user_env",
    "clickhouse_password_env": "clickhouse.password_env",
    "cloudwatch_region": "cloudwatch.region",
}


def register(sub) -> None:
    p = sub.add_parser(
        "init",
        help="set up pm-tui: the post-mortem repository and config.toml",
        description="Ask for the post-mortem repository, default authors, service URLs and the "
        "NAMES of the environment variables holding tokens, and write a commented config.toml "
        "($PM_TUI_CONFIG or the user config directory). Every question has an option below; "
        "--yes accepts the defaults without asking.",
    )
    add_repo_option(p)
    p.add_argument("--remote", metavar="URL", help="remote to push to (added as origin if none)")
    p.add_argument("--author", action="append", metavar="NAME", help="default author (repeatable)")
    for dest, key in OPTIONS.items():
        flag = "--" + dest.replace("_", "-")
        if key == "smtp.tls":
            p.add_argument(flag, action=argparse.BooleanOptionalAction, default=None)
        elif key == "smtp.port":
            p.add_argument(flag, type=int, metavar="PORT")
        else:
            metavar = (
                "VAR"
                if dest.endswith("_env")
                else ("OWNER/REPO" if key == "github.repo" else "URL" if "url" in dest else "VALUE")
            )
            p.add_argument(flag, metavar=metavar)
    p.add_argument("--yes", "-y", action="store_true", help="accept every default, ask nothing")
    p.set_defaults(func=run)


def run(args, ask=None) -> int:
    """Ask the set-up questions (or take the options), set up the repository, write the config."""
    from pm_tui.config import config_path, load_config
    from pm_tui.plain.init import check_given, flatten, write_config
    from pm_tui.plain.prompts import Prompter

    ask = ask if ask is not None else Prompter(assume_yes=args.yes)
    path = config_path()
    current = flatten(load_config(path, environment=False))
    given = {
        key: getattr(args, dest)
        for dest, key in OPTIONS.items()
        if getattr(args, dest, None) is not None
    }
    if args.author:
        given["authors"] = list(args.author)
    check_given(given)  # refuse a token given as an option before anything is written

    ask.say(f"Setting up pm-tui; the configuration goes to {path}")
    try:
        values = _ask_all(args, ask, current, given)
    except (KeyboardInterrupt, EOFError):
        ask.say("Stopped: the configuration was not written.")
        return 130
    write_config(path, values)
    ask.say(f"Wrote {path}")
    ask.say("Next: pm-tui new --plain (or pm-tui for the full-screen wizard)")
    return 0


def _ask_all(args, ask, current: dict, given: dict) -> dict:
    from pm_tui.config import default_repo_path
    from pm_tui.plain.init import ask_values
    from pm_tui.plain.repo_setup import choose_repository

    repo_default = getattr(args, "repo", None) or current.get("repo") or str(default_repo_path())
    root = choose_repository(ask, str(repo_default), args.remote)
    if "authors" not in given and "authors" not in current:
        name = _git_user_name()
        if name:
            given["authors"] = [name]
    return {"repo": str(root), **ask_values(ask, current, given)}


def _git_user_name() -> str:
    from pathlib import Path

    from pm_tui import gitstore
    from pm_tui.errors import PmTuiError

    try:
        return gitstore._git(Path.cwd(), "config", "user.name", check=False).strip()
    except PmTuiError:  # no usable git: simply no suggestion
        return ""
