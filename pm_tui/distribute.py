"""Sending the report: a summary to a Slack incoming webhook, the whole report by e-mail.

Secrets never live in TOML: the webhook URL comes from an environment variable whose NAME
is given, SMTP credentials from $PM_TUI_SMTP_USER / $PM_TUI_SMTP_PASSWORD. Each sending is
recorded in the post-mortem's `distribution` list by the caller.
"""

from __future__ import annotations

import ipaddress
import os
import re
import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

from pm_tui.config import config_section
from pm_tui.durations import durations, format_duration
from pm_tui.errors import PmTuiError
from pm_tui.model import Distribution, PostMortem
from pm_tui.report import facts

DEFAULT_WEBHOOK_ENV = "PM_TUI_SLACK_WEBHOOK"
SMTP_USER_ENV = "PM_TUI_SMTP_USER"
SMTP_PASSWORD_ENV = "PM_TUI_SMTP_PASSWORD"
LATE_AFTER = timedelta(hours=48)
TLS_MODES = ("starttls", "tls", "none")


class DistributionError(PmTuiError):
    """Sending failed; the message names the channel and what to check."""


def late_warning(pm: PostMortem, now: datetime) -> str | None:
    """A one-line warning when the report goes out more than 48 hours after resolution."""
    resolved = pm.window.resolved
    if resolved is None or now - resolved <= LATE_AFTER:
        return None
    hours = int((now - resolved).total_seconds() // 3600)
    return (
        f"the report goes out {hours} hours after resolution (aim for 48): "
        "people remember less each day"
    )


def record(pm: PostMortem, channel: str, recipients: list[str], now: datetime) -> Distribution:
    """Append one sending to pm.distribution and return it."""
    entry = Distribution(sent_at=now, channel=channel, recipients=list(recipients))
    pm.distribution.append(entry)
    return entry


def subject(pm: PostMortem) -> str:
    """'[Post-mortem P1] Title (2025-02-09)'."""
    return f"[Post-mortem {pm.severity}] {pm.title} ({pm.date.isoformat()})"


# --- Slack -------------------------------------------------------------------------------


def _slack_escape(text: str) -> str:
    # Slack mrkdwn treats only these three as control characters.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_payload(pm: PostMortem, link: str) -> dict[str, Any]:
    """A Block Kit message with the key figures, and a plain `text` fallback for notifications."""
    d = durations(pm)
    figures = facts.impact_figures(pm.impact)
    open_n = len(pm.open_actions())
    timings = (
        f"detect {format_duration(d.detect)} · acknowledge {format_duration(d.acknowledge)} · "
        f"mitigate {format_duration(d.mitigate)} · resolve {format_duration(d.resolve)}"
    )
    fields = [
        ("Severity", facts.severity_text(pm)),
        ("Duration", facts.total_duration(pm)),
        ("Durations", timings),
        ("Action items", f"{len(pm.actions)} ({open_n} open)"),
    ] + figures
    summary = pm.summary.strip().replace("\\\n", " ")
    if len(summary) > 600:
        summary = summary[:599].rstrip() + "…"
    text = (
        f"Post-mortem {pm.severity}: {pm.title} ({pm.date.isoformat()}), "
        f"{facts.total_duration(pm)}, {len(pm.actions)} action items. Report: {link}"
    )
    blocks: list[dict[str, Any]] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": f"Post-mortem: {pm.title}"[:150]},
        },
        {
            "type": "section",
            "fields": [
                {"type": "mrkdwn", "text": f"*{_slack_escape(k)}*\n{_slack_escape(v)}"}
                for k, v in fields[:10]  # Slack allows ten fields per section
            ],
        },
    ]
    if summary:
        blocks.append(
            {"type": "section", "text": {"type": "mrkdwn", "text": _slack_escape(summary)}}
        )
    blocks.append(
        {
            "type": "context",
            "elements": [{"type": "mrkdwn", "text": f"Report: {_slack_escape(link)} · `{pm.id}`"}],
        }
    )
    return {"text": text, "blocks": blocks}


def webhook_url(env_name: str) -> str:
    """The webhook URL held by the environment variable `env_name`."""
    url = os.environ.get(env_name, "").strip()
    if not url:
        raise DistributionError(
            f"${env_name} is not set: export it with the Slack incoming webhook URL "
            "(it is never stored in the post-mortem)"
        )
    if not url.startswith(("https://", "http://")):
        raise DistributionError(
            f"${env_name} does not hold a URL: expected https://hooks.slack.com/…"
        )
    return url


def send_slack(url: str, payload: dict[str, Any], *, timeout: float = 15.0) -> None:
    """POST the payload to the incoming webhook; any failure is one DistributionError line."""
    import httpx

    from pm_tui.httplog import event_hooks

    try:
        with httpx.Client(timeout=timeout, event_hooks=event_hooks()) as client:
            response = client.post(url, json=payload)
    except httpx.ConnectError as exc:
        raise DistributionError(
            f"cannot reach the Slack webhook ({_reason(exc)}): check the URL and the network"
        ) from None
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
        # the webhook URL is a secret: its path never reaches the message
        raise DistributionError(
            f"Slack webhook failed ({type(exc).__name__}): check the URL in the variable"
        ) from None
    if response.status_code >= 300:
        from pm_tui.redact import redact
        from pm_tui.safetext import neutralise

        body = response.text.strip().replace("\n", " ")[:200] or "no body"
        body = neutralise(redact(body.replace(url, "[REDACTED:slack-webhook]"))[0])
        raise DistributionError(f"Slack webhook answered {response.status_code}: {body}")


def _reason(exc: BaseException) -> str:
    text = str(exc)
    if "refused" in text.lower():
        return "connection refused"
    return text or type(exc).__name__


# --- e-mail ------------------------------------------------------------------------------


@dataclass
class SmtpSettings:
    """Where and how to send e-mail. Credentials come from the environment."""

    host: str = "localhost"
    port: int | None = None
    tls: str = "starttls"
    sender: str = ""
    cafile: str | None = None
    timeout: float = 20.0
    user_env: str = SMTP_USER_ENV  # NAMES of the variables (config smtp.user_env/password_env)
    password_env: str = SMTP_PASSWORD_ENV

    @property
    def effective_port(self) -> int:
        return self.port or {"starttls": 587, "tls": 465, "none": 25}[self.tls]


def smtp_settings(
    config: dict[str, Any],
    *,
    host: str | None = None,
    port: int | None = None,
    tls: str | None = None,
    sender: str | None = None,
    cafile: str | None = None,
) -> SmtpSettings:
    """SMTP settings from explicit values, else config `[smtp]`, else the defaults.

    `smtp.tls` may be a boolean (as `pm-tui init` writes it): true is STARTTLS, false none.
    Raises DistributionError when no sender address is known.
    """
    section = config_section(config, "smtp")
    sender = sender or section.get("from") or ""
    if not sender:
        raise DistributionError(
            "no sender address: pass --from ADDR or set smtp.from in the config (pm-tui init)"
        )
    port = port or section.get("port")
    configured = section.get("tls")
    if isinstance(configured, bool):
        configured = "starttls" if configured else "none"
    return SmtpSettings(
        host=host or section.get("host") or "localhost",
        port=int(port) if port else None,
        tls=tls or configured or "starttls",
        sender=sender,
        cafile=cafile or section.get("cafile"),
        user_env=section.get("user_env") or SMTP_USER_ENV,
        password_env=section.get("password_env") or SMTP_PASSWORD_ENV,
    )


def slack_webhook_env(config: dict[str, Any]) -> str | None:
    """The name of the variable holding the webhook URL (config `slack.webhook_env`, else
    $PM_TUI_SLACK_WEBHOOK), or None when that variable is not set."""
    section = config_section(config, "slack")
    for name in (section.get("webhook_env"), DEFAULT_WEBHOOK_ENV):
        if name and os.environ.get(str(name), "").strip():
            return str(name)
    return None


EMAIL_RE = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")


def parse_recipients(text: str) -> list[str]:
    """Comma- (or semicolon-) separated addresses as a list; DistributionError names a bad one."""
    found = [part.strip() for part in re.split(r"[,;]", text) if part.strip()]
    for address in found:
        if not EMAIL_RE.match(address):
            raise DistributionError(f"'{address}' is not an e-mail address (name@example.com)")
    return found


def build_email(
    pm: PostMortem, markdown: str, html: str, sender: str, recipients: list[str]
) -> EmailMessage:
    """A multipart/alternative message: the Markdown as text/plain and the HTML report."""
    msg = EmailMessage()
    msg["Subject"] = subject(pm)
    msg["From"] = sender
    msg["To"] = ", ".join(recipients)
    msg["Date"] = formatdate(usegmt=True)
    msg["Message-ID"] = make_msgid(domain="pm-tui")
    msg["X-Post-Mortem-Id"] = pm.id
    msg.set_content(markdown, subtype="plain", charset="utf-8")
    msg.add_alternative(html, subtype="html", charset="utf-8")
    return msg


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def send_email(msg: EmailMessage, settings: SmtpSettings) -> None:
    """Send through SMTP (STARTTLS, implicit TLS, or plain); errors are one line each."""
    host, port = settings.host, settings.effective_port
    user = os.environ.get(settings.user_env, "")
    password = os.environ.get(settings.password_env, "")
    if settings.tls not in TLS_MODES:
        raise DistributionError(f"--smtp-tls must be one of {', '.join(TLS_MODES)}")
    if settings.tls == "none" and user and not _is_loopback(host):
        raise DistributionError(
            f"refusing to send the SMTP password unencrypted to {host}: use --smtp-tls starttls or tls"
        )
    context = ssl.create_default_context(cafile=settings.cafile)
    where = f"SMTP server {host}:{port}"
    try:
        if settings.tls == "tls":
            client = smtplib.SMTP_SSL(host, port, timeout=settings.timeout, context=context)
        else:
            client = smtplib.SMTP(host, port, timeout=settings.timeout)
        with client:
            if settings.tls == "starttls":
                client.ehlo()
                if not client.has_extn("starttls"):
                    raise DistributionError(
                        f"{where} does not offer STARTTLS: use --smtp-tls tls, or none on loopback"
                    )
                client.starttls(context=context)
                client.ehlo()
            if user:
                client.login(user, password)
            client.send_message(msg)
    except DistributionError:
        raise
    except ConnectionRefusedError:
        raise DistributionError(
            f"cannot connect to {where} (connection refused): check --smtp-host and --smtp-port"
        ) from None
    except smtplib.SMTPAuthenticationError as exc:
        raise DistributionError(
            f"{where} refused the login for '{user}' ({exc.smtp_code}): check "
            f"${settings.user_env} and ${settings.password_env}"
        ) from None
    except smtplib.SMTPNotSupportedError as exc:
        raise DistributionError(f"{where}: {exc}; it may need another --smtp-tls mode") from None
    except smtplib.SMTPRecipientsRefused as exc:
        who = ", ".join(exc.recipients)
        raise DistributionError(f"{where} refused the recipients: {who}") from None
    except smtplib.SMTPResponseException as exc:
        text = (
            exc.smtp_error.decode(errors="replace")
            if isinstance(exc.smtp_error, bytes)
            else exc.smtp_error
        )
        raise DistributionError(f"{where} answered {exc.smtp_code}: {text}") from None
    except ssl.SSLError as exc:
        raise DistributionError(
            f"TLS with {where} failed ({exc.reason or exc}): check --smtp-tls and the server certificate"
        ) from None
    except TimeoutError:
        raise DistributionError(f"{where} did not answer in {settings.timeout:.0f} s") from None
    except (OSError, smtplib.SMTPException) as exc:
        raise DistributionError(f"sending through {where} failed: {exc}") from None
