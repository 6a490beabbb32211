"""`pm-tui distribute ID [--slack-webhook-env VAR] [--email ADDR…]`: send the report, record it."""

from __future__ import annotations

import sys

from pm_tui.cli.common import add_gate_options, add_repo_option, open_repo
from pm_tui.cli.output import add_format_option, emit_json, outcome_fields, wants_json


def register(sub) -> None:
    p = sub.add_parser(
        "distribute",
        help="send the report to Slack (incoming webhook) and/or by e-mail, and record it",
    )
    p.add_argument("id", metavar="ID", help="post-mortem id (or a unique part of it)")
    p.add_argument(
        "--slack-webhook-env",
        metavar="VAR",
        help="environment variable holding the webhook URL (default: config slack.webhook_env, "
        "else PM_TUI_SLACK_WEBHOOK, whichever is set)",
    )
    p.add_argument("--slack-channel", metavar="NAME", help="channel name to record, e.g. #eng")
    p.add_argument("--email", metavar="ADDR", nargs="+", default=[], help="send by e-mail to ADDR…")
    p.add_argument("--smtp-host", metavar="H", help="SMTP server (config smtp.host; localhost)")
    p.add_argument("--smtp-port", metavar="P", type=int, help="SMTP port (587, 465 for tls)")
    p.add_argument("--smtp-tls", choices=["starttls", "tls", "none"], help="default starttls")
    p.add_argument("--smtp-cafile", metavar="FILE", help="CA bundle to trust for the SMTP server")
    p.add_argument("--from", dest="sender", metavar="ADDR", help="sender (config smtp.from)")
    p.add_argument("--report-url", metavar="URL", help="link to the report for the Slack message")
    add_gate_options(p)
    add_repo_option(p)
    add_format_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from pm_tui.config import load_config
    from pm_tui.errors import PmTuiError
    from pm_tui.model import now_utc
    from pm_tui.workflow.distribute import (
        DistributeOptions,
        default_slack_env,
        distribute_report,
    )

    config = load_config()
    options = DistributeOptions(
        slack_env=args.slack_webhook_env or default_slack_env(config),
        slack_channel=args.slack_channel,
        emails=list(args.email),
        report_url=args.report_url,
        smtp_host=args.smtp_host,
        smtp_port=args.smtp_port,
        smtp_tls=args.smtp_tls,
        smtp_cafile=args.smtp_cafile,
        sender=args.sender,
        force=args.force,
        reason=args.reason,
    )
    repo = open_repo(args)
    pm = repo.load(args.id)
    done = distribute_report(repo, pm, options, config, now_utc())
    if done.late:
        print(f"pm-tui: warning: {done.late}", file=sys.stderr)
    if wants_json(args):  # docs/json-output.md; printed before any error is raised
        emit_json({"id": pm.id, "sent": done.sent, "late": done.late, **outcome_fields(done)})
    else:
        for sending in done.sent:
            if sending.channel == "slack":
                print(f"sent to Slack (webhook from ${options.slack_env})")
            else:
                print(f"sent by e-mail to {', '.join(sending.recipients)}")
    if done.sent:
        repo.save(pm)
        repo.commit(pm, done.commit_message("report distributed"))
    if done.failed:
        raise done.error or PmTuiError(done.failed[0])
    return 0
