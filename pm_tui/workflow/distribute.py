"""Use case: send the report to Slack and/or by e-mail, and record each sending in the model."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from pm_tui.errors import PmTuiError
from pm_tui.model import Distribution, PostMortem
from pm_tui.workflow.outcome import Outcome
from pm_tui.workflow.report import email_bodies

if TYPE_CHECKING:
    from pm_tui.postmortem_store import Repository


@dataclass
class DistributeOptions:
    """Where to send. `slack_env` names the variable holding the webhook URL (None: no Slack);
    `slack_channel` is only the name recorded (default: `$VAR`). The smtp_* values override
    the config's `[smtp]`."""

    slack_env: str | None = None
    slack_channel: str | None = None
    emails: list[str] = field(default_factory=list)
    report_url: str | None = None
    smtp_host: str | None = None
    smtp_port: int | None = None
    smtp_tls: str | None = None
    smtp_cafile: str | None = None
    sender: str | None = None
    # The publishing gate (pm_tui.workflow.gate): go ahead despite error-level findings,
    # recording `reason` (and `by`, default the person running it) in the post-mortem.
    force: bool = False
    reason: str = ""
    by: str = ""


@dataclass
class Distributed(Outcome):
    """The sendings made (recorded in `pm.distribution` too) and the late warning, if any."""

    sent: list[Distribution] = field(default_factory=list)
    late: str | None = None


def default_slack_env(config: dict) -> str | None:
    """The variable holding a Slack webhook URL when one is set (config `slack.webhook_env`,
    else $PM_TUI_SLACK_WEBHOOK), else None."""
    from pm_tui.distribute import slack_webhook_env

    return slack_webhook_env(config)


def distribute_report(
    repo: Repository, pm: PostMortem, options: DistributeOptions, config: dict, now: datetime
) -> Distributed:
    """Send to Slack, then by e-mail; each sending done is recorded in `pm.distribution`.

    The first error stops the rest and is returned in `failed`, after what went out is
    recorded. UsageError when there is nowhere to send.
    """
    from pm_tui import distribute as dist
    from pm_tui.errors import UsageError

    if not options.slack_env and not options.emails:
        raise UsageError(
            f"nothing to send: give e-mail addresses and/or set ${dist.DEFAULT_WEBHOOK_ENV}"
        )
    from pm_tui.workflow import gate

    made = gate.enforce(
        pm, "distribute", now, force=options.force, reason=options.reason, by=options.by
    )
    out = Distributed(late=dist.late_warning(pm, now))
    if made:
        out.changed.append(f"{len(made)} error(s) overridden")
    try:
        settings = None
        if options.emails:
            settings = dist.smtp_settings(
                config,
                host=options.smtp_host,
                port=options.smtp_port,
                tls=options.smtp_tls,
                sender=options.sender,
                cafile=options.smtp_cafile,
            )
        if options.slack_env:
            url = dist.webhook_url(options.slack_env)
            dist.send_slack(url, dist.slack_payload(pm, options.report_url or _link(repo, pm)))
            label = options.slack_channel or f"${options.slack_env}"
            out.sent.append(dist.record(pm, "slack", [label], now))
            out.changed.append("slack")
        if options.emails:
            markdown, html = email_bodies(repo, pm)
            msg = dist.build_email(pm, markdown, html, settings.sender, options.emails)
            dist.send_email(msg, settings)
            out.sent.append(dist.record(pm, "email", options.emails, now))
            out.changed.append("email")
    except PmTuiError as exc:
        out.failed.append(str(exc))
        out.error = exc
    return out


def _link(repo: Repository, pm: PostMortem) -> str:
    path = repo.resolve(pm.id)
    return path.relative_to(repo.root).as_posix() if path.is_relative_to(repo.root) else str(path)
