"""`pm-tui distribute ID [--slack-webhook-env VAR] [--email ADDR…]`: send the report, record it."""

from __future__ import annotations

import os
import sys

from pm_tui.cli.common import add_repo_option, open_repo
from pm_tui.errors import UsageError


def register(sub) -> None:
    p = sub.add_parser(
        "distribute",
        help="send the report to Slack (incoming webhook) and/or by e-mail, and record it",
    )
    p.add_argument("id", metavar="ID", help="post-mortem id (or a unique part of it)")
    p.add_argument(
        "--slack-webhook-env",
        metavar="VAR",
        help="environment variable holding the webhook URL (default: PM_TUI_SLACK_WEBHOOK, "
        "used when set)",
    )
    p.add_argument("--slack-channel", metavar="NAME", help="channel name to record, e.g. #eng")
    p.add_argument("--email", metavar="ADDR", nargs="+", default=[], help="send by e-mail to ADDR…")
    p.add_argument("--smtp-host", metavar="H", help="SMTP server (config smtp.host; localhost)")
    p.add_argument("--smtp-port", metavar="P", type=int, help="SMTP port (587, 465 for tls)")
    p.add_argument("--smtp-tls", choices=["starttls", "tls", "none"], help="default starttls")
    p.add_argument("--smtp-cafile", metavar="FILE", help="CA bundle to trust for the SMTP server")
    p.add_argument("--from", dest="sender", metavar="ADDR", help="sender (config smtp.from)")
    p.add_argument("--report-url", metavar="URL", help="link to the report for the Slack message")
    add_repo_option(p)
    p.set_defaults(func=run)


def _smtp_settings(args, config: dict):
    from pm_tui.distribute import smtp_settings

    return smtp_settings(
        config,
        host=args.smtp_host,
        port=args.smtp_port,
        tls=args.smtp_tls,
        sender=args.sender,
        cafile=args.smtp_cafile,
    )


def run(args) -> int:
    from pm_tui import distribute as dist
    from pm_tui.cli.cmd_report import render
    from pm_tui.config import config_section, load_config
    from pm_tui.model import now_utc

    config = load_config()
    slack_cfg = config_section(config, "slack")
    default_env = slack_cfg.get("webhook_env") or dist.DEFAULT_WEBHOOK_ENV
    env_name = args.slack_webhook_env or default_env
    slack = bool(args.slack_webhook_env) or bool(os.environ.get(default_env))
    if not slack and not args.email:
        raise UsageError(
            f"nothing to send: give --email ADDR… and/or set ${dist.DEFAULT_WEBHOOK_ENV} "
            "(or --slack-webhook-env VAR)"
        )
    repo = open_repo(args)
    path = repo.resolve(args.id)
    pm = repo.load(args.id)
    settings = _smtp_settings(args, config) if args.email else None
    url = dist.webhook_url(env_name) if slack else ""
    now = now_utc()
    warning = dist.late_warning(pm, now)
    if warning:
        print(f"pm-tui: warning: {warning}", file=sys.stderr)
    link = args.report_url or (
        path.relative_to(repo.root).as_posix() if path.is_relative_to(repo.root) else str(path)
    )
    sent: list[str] = []
    try:
        if slack:
            dist.send_slack(url, dist.slack_payload(pm, link))
            dist.record(pm, "slack", [args.slack_channel or f"${env_name}"], now)
            sent.append("slack")
            print(f"sent to Slack (webhook from ${env_name})")
        if args.email:
            markdown = render(repo, pm, "markdown")
            html = render(repo, pm, "html")
            msg = dist.build_email(pm, markdown, html, settings.sender, args.email)
            dist.send_email(msg, settings)
            dist.record(pm, "email", args.email, now)
            sent.append("email")
            print(f"sent by e-mail to {', '.join(args.email)}")
    finally:
        if sent:
            repo.save(pm)
            repo.commit(pm, f"report distributed ({', '.join(sent)})")
    return 0
