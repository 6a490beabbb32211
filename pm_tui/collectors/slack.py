"""Slack: one channel of a standard Slack export folder, messages in the window.

An export holds `channels.json`, `users.json` and one folder per channel with a JSON file
per day (`2025-02-09.json`). Only the day files that can overlap the window are opened.
"""

from __future__ import annotations

import json
import re
import threading
from datetime import date, timedelta
from pathlib import Path

from pm_tui.collectors.common import BadRecords, check_cancel, parse_time, redact_text, source_name
from pm_tui.collectors.evidence import (
    CollectorError,
    CollectResult,
    CollectWindow,
    Evidence,
    Gap,
    Progress,
    no_progress,
)

_LINK_RE = re.compile(r"<([@#!]?)([^>|]+)(?:\|([^>]*))?>")
_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}\.json$")
NOISE_SUBTYPES = {"channel_join", "channel_leave", "channel_purpose", "channel_topic"}


def collect_slack(
    folder: str | Path,
    window: CollectWindow,
    channel: str = "",
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> CollectResult:
    """Messages in the window from a Slack export: of `channel` (name or id) when given, else
    of every channel. Then the incident channel is picked by its activity in the incident
    window and its name (`attrs["incident_channel"]`); the others are kept as context."""
    root = Path(folder)
    if root.is_file():
        return collect_chat_export(root, window)
    if not root.is_dir():
        raise CollectorError(f"slack:{folder}: not a folder: give the unzipped Slack export folder")
    channels = _channels(root, folder)
    listed = _load_list(root / "users.json", folder, required=False)
    users = {u.get("id"): _display(u) for u in listed}
    # each person's time zone: the clock times they write ("went out at 15:02") are theirs
    zones = {u.get("id"): u["tz"] for u in listed if isinstance(u.get("tz"), str) and u["tz"]}
    if channel:
        names = [_pick_channel(channels, channel, folder)]
        source = source_name("slack", f"{root}#{names[0]}")
    else:
        names = [c.get("name", "") for c in channels if c.get("name")]
        if not names:
            raise CollectorError(f"slack:{folder}: the export lists no channels: is it complete?")
        source = source_name("slack", str(root))
    result = CollectResult(
        source=source, kind="slack", target=str(root), query=f"#{names[0]}" if channel else ""
    )
    # day files may follow the exporter's zone; alert bots' posts of the days before are kept
    first = window.read_start.date() - timedelta(days=1) - ALERT_HISTORY
    last = window.end.date() + timedelta(days=1)
    per_channel: dict[str, list[Evidence]] = {}
    earlier: list[Evidence] = []
    unreadable = day_files = missing = 0
    bad = BadRecords(source)
    for n, name in enumerate(names):
        channel_dir = root / name
        if not channel_dir.is_dir():
            missing += 1
            continue
        days = sorted(
            p
            for p in channel_dir.iterdir()
            if _DAY_RE.match(p.name) and first <= date.fromisoformat(p.stem) <= last
        )
        day_files += len(days)
        found: list[Evidence] = []
        for path in days:
            check_cancel(cancel)
            progress(n, len(names), f"#{name} {path.name}")
            try:
                messages = json.loads(path.read_text(encoding="utf-8", errors="replace"))
            except ValueError:
                unreadable += 1
                continue
            for message in messages if isinstance(messages, list) else []:
                try:
                    item = (
                        _message(source, message, users, zones)
                        if isinstance(message, dict)
                        else None
                    )
                except BadRecords.ERRORS as exc:
                    bad.note(exc, f"{path.name}: ")
                    continue
                if item is not None and _earlier_alert(item, window):
                    # an alert bot's post of the days before: kept (marked `history`, bounded) so
                    # the timeline can tell an alert firing every day; never a candidate itself
                    item.attrs.update(channel=name, history=True, context=True)
                    if len(earlier) < ALERT_HISTORY_MAX:
                        earlier.append(item)
                elif item is not None and window.contains(item.time):
                    item.attrs["channel"] = name
                    text, count = redact_text(item.text)
                    item.text = text
                    result.redactions += count
                    found.append(item)
        per_channel[name] = found
    if len(names) == 1 and missing:
        raise CollectorError(
            f"{source}: no folder {names[0]}/ in the export: is the export complete?"
        )
    incident = names[0] if channel else pick_incident_channel(per_channel, window)
    for name, items in per_channel.items():
        for item in items:
            item.attrs["incident_channel"] = name == incident
            if name != incident:
                item.attrs["context"] = True
            result.evidence.append(item)
    inside = len(result.evidence)
    result.evidence.extend(earlier)
    if incident and not channel:
        result.query = f"#{incident}"
    if unreadable:
        result.gaps.append(Gap(source, f"{unreadable} day files are not valid JSON"))
    if bad.count:
        result.gaps.append(bad.gap())
    if missing and len(names) > 1:
        result.gaps.append(Gap(source, f"{missing} channels listed without a folder in the export"))
    if not inside:
        where = f"#{names[0]}" if channel else "any channel"
        result.gaps.append(
            Gap(source, f"no messages in {where} in the window", window.read_start, window.end)
        )
    result.evidence.sort(key=lambda e: e.time)
    result.counts = {
        "message": inside,
        "channels": sum(bool(v) for v in per_channel.values()),
        "day_files": day_files,
    }
    if earlier:
        result.counts["alert_history"] = len(earlier)
    if incident:
        result.counts["incident_channel_messages"] = len(per_channel.get(incident, []))
    progress(len(names), len(names), "done")
    return result


_INCIDENT_NAME = re.compile(
    r"(?:^|[-_])(?:inc|incident|incidents|outage|sev\d?|war-?room|ir|p[0-2])(?:$|[-_\d])"
)


def looks_like_incident_channel(name: str) -> bool:
    """An incident-like channel name: inc-5120-cart, incident-42, outage-db, sev1-..., war-room."""
    return bool(_INCIDENT_NAME.search(name.lower()))


def pick_incident_channel(per_channel: dict[str, list[Evidence]], window: CollectWindow) -> str:
    """The channel the incident was worked in: most people talking in the incident window
    (not the baseline), an incident-like name (inc-, incident-, outage, sev1) counting double;
    bot posts count less than people's."""

    def score(name: str) -> float:
        inside = [e for e in per_channel[name] if e.time >= window.start]
        people = sum(not e.attrs.get("bot") for e in inside)
        bots = len(inside) - people
        speakers = len({e.attrs.get("actor") for e in inside if not e.attrs.get("bot")})
        value = people + 0.2 * bots + 2 * speakers
        return value * (2 if _INCIDENT_NAME.search(name.lower()) else 1)

    ranked = sorted(per_channel, key=lambda n: (-score(n), n))
    return ranked[0] if ranked and score(ranked[0]) > 0 else ""


def resolve_mentions(text: str, users: dict[str, str]) -> str:
    """Turn Slack's `<@U123>`, `<#C1|general>`, `<!here>` and `<url|label>` markup into plain text."""

    def plain(match: re.Match) -> str:
        sigil, ref, label = match.group(1), match.group(2), match.group(3)
        if sigil == "@":
            return "@" + users.get(ref, label or ref)
        if sigil == "#":
            return "#" + (label or ref)
        if sigil == "!":
            return "@" + (label or ref.split("^")[0])
        return f"{label} ({ref})" if label and label != ref else ref

    return _LINK_RE.sub(plain, text).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


# what the days before an incident keep: alert bots' firing posts, a week of them at most
ALERT_HISTORY = timedelta(days=7)
ALERT_HISTORY_MAX = 2000
_FIRING_POST = re.compile(r"^\s*(?::[\w+\-]+:\s*)*[*_]*\[FIRING(?::\d+)?\]", re.I)


def _earlier_alert(item: Evidence, window: CollectWindow) -> bool:
    """A bot's post of an alert firing in the ALERT_HISTORY before the read window."""
    return (
        window.read_start - ALERT_HISTORY <= item.time < window.read_start
        and bool(item.attrs.get("bot"))
        and bool(_FIRING_POST.match(item.text))
    )


def _message(
    source: str, message: dict, users: dict[str, str], zones: dict[str, str] | None = None
) -> Evidence | None:
    if message.get("type") != "message" or message.get("subtype") in NOISE_SUBTYPES:
        return None
    try:
        when = parse_time(float(message["ts"]))
    except (KeyError, TypeError, ValueError):
        return None
    user = message.get("user", "")
    bot = bool(message.get("bot_id") or message.get("subtype") == "bot_message")
    actor = (
        users.get(user)
        or _display({"profile": message.get("user_profile") or {}})
        or message.get("username")
        or (message.get("bot_profile") or {}).get("name")
        or _attachment_author(message)
        or user
    )
    attrs = {"actor": actor, "user": user, "ts": message["ts"]}
    if zones and user in zones:
        attrs["tz"] = zones[user]
    if bot:
        attrs["bot"] = True
    if message.get("thread_ts") and message["thread_ts"] != message["ts"]:
        attrs["thread_ts"] = message["thread_ts"]
    text = resolve_mentions(message.get("text", "") or "", users)
    extra = _rich_text(message)
    if extra and extra not in text:
        text = f"{text}\n{extra}".strip() if text else extra
    if not text.strip():
        return None
    return Evidence(when, source, "message", resolve_mentions(text, users), attrs)


def _attachment_author(message: dict) -> str:
    for a in message.get("attachments") or []:
        if isinstance(a, dict) and (a.get("author_name") or a.get("service_name")):
            return str(a.get("author_name") or a.get("service_name"))
    return ""


def _rich_text(message: dict) -> str:
    """The text a bot post keeps in `attachments` (pretext, title, text, fields, fallback)
    or `blocks` (section, header, context, rich_text), in reading order."""
    parts: list[str] = []
    for a in message.get("attachments") or []:
        if not isinstance(a, dict):
            continue
        own = [str(a[k]) for k in ("pretext", "title", "text") if a.get(k)]
        for f in a.get("fields") or []:
            if isinstance(f, dict) and (f.get("title") or f.get("value")):
                own.append(f"{f.get('title', '')}: {f.get('value', '')}".strip(": "))
        if not own and a.get("fallback"):
            own.append(str(a["fallback"]))
        parts += own
        for block in a.get("blocks") or []:
            parts += _block_text(block)
    if not message.get("text"):
        for block in message.get("blocks") or []:
            parts += _block_text(block)
    seen: list[str] = []
    for p in parts:
        if p.strip() and p not in seen:
            seen.append(p.strip())
    return "\n".join(seen)


def _block_text(block: object) -> list[str]:
    if not isinstance(block, dict):
        return []
    out: list[str] = []
    text = block.get("text")
    if isinstance(text, dict) and text.get("text"):
        out.append(str(text["text"]))
    elif isinstance(text, str) and block.get("type") in ("text", "mrkdwn", "plain_text", "link"):
        out.append(text)
    for f in block.get("fields") or []:
        if isinstance(f, dict) and f.get("text"):
            out.append(str(f["text"]))
    elements = block.get("elements") or []
    if block.get("type") in (
        "rich_text",
        "rich_text_section",
        "rich_text_quote",
        "rich_text_preformatted",
        "rich_text_list",
        "context",
    ):
        pieces = []
        for e in elements:
            if isinstance(e, dict) and e.get("type") in ("text", "link", "mrkdwn", "plain_text"):
                pieces.append(str(e.get("text") or e.get("url") or ""))
            elif isinstance(e, dict):
                if pieces:
                    out.append("".join(pieces).strip())
                    pieces = []
                out += _block_text(e)
        if pieces:
            out.append("".join(pieces).strip())
    return [o for o in out if o]


def _display(user: dict) -> str:
    profile = user.get("profile") or {}
    return (
        profile.get("real_name")
        or user.get("real_name")
        or profile.get("display_name")
        or user.get("name")
        or ""
    )


def _channels(root: Path, folder: object) -> list[dict]:
    """The export's channels: channels.json (public), groups.json (private) and mpims/dms;
    an export without them lists its channel folders."""
    channels = _load_list(root / "channels.json", folder, required=False)
    for extra in ("groups.json", "mpims.json"):
        channels += _load_list(root / extra, folder, required=False)
    if not channels:
        channels = [
            {"name": p.name}
            for p in sorted(root.iterdir())
            if p.is_dir() and any(_DAY_RE.match(q.name) for q in p.iterdir())
        ]
    if not channels:
        raise CollectorError(f"slack:{folder}: no channels.json: is this a Slack export folder?")
    return channels


def _pick_channel(channels: list[dict], wanted: str, folder: object) -> str:
    names = [c.get("name", "") for c in channels]
    wanted = wanted.lstrip("#")
    if not wanted:
        if len(names) == 1:
            return names[0]
        raise CollectorError(
            f"slack:{folder}: the export has {len(names)} channels: pick one "
            f"({', '.join(sorted(names)[:8])}{'...' if len(names) > 8 else ''})"
        )
    for c in channels:
        if wanted in (c.get("name"), c.get("id")):
            return c["name"]
    raise CollectorError(
        f"slack:{folder}: no channel {wanted!r} in the export: pick one of {', '.join(sorted(names)[:8])}"
    )


def _load_list(path: Path, folder: object, required: bool = True) -> list[dict]:
    if not path.exists():
        if required:
            raise CollectorError(f"slack:{folder}: no {path.name}: is this a Slack export folder?")
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise CollectorError(f"slack:{folder}: {path.name} is not valid JSON ({exc})") from exc
    return [d for d in data if isinstance(d, dict)] if isinstance(data, list) else []


# the names of the places where a product's users talk: support, bug reports, help, feedback
_COMMUNITY = re.compile(
    r"support|bugs?\b|bug[-_ ]?reports?|help|community|feedback|general|announce|players?|"
    r"customers?|lobby|faq|questions",
    re.I,
)


def collect_chat_export(path: Path, window: CollectWindow) -> CollectResult:
    """Messages in the window from a chat export that is no Slack export (Discord, Microsoft
    Teams, Mattermost: `logs.documents.chat_rows`), read as a Slack channel's: the incident
    channel, each message with its author (`actor`) and `bot` when a bot or an app posted it."""
    from pm_tui.collectors.logs.documents import chat_rows

    found = chat_rows(path)
    if found is None:
        raise CollectorError(
            f"chat:{path}: not a chat export pm-tui knows (Slack, Discord, Teams, Mattermost)"
        )
    source = source_name("slack", str(path))
    result = CollectResult(source=source, kind="slack", target=str(path))
    for row in found[1]:
        when = parse_time(row["time"])
        if not window.contains(when):
            continue
        text, count = redact_text(row["text"])
        result.redactions += count
        channel = str(row.get("channel") or path.stem)
        place = f"{row.get('channel') or ''} {row.get('category') or ''}"  # as the export names it
        attrs = {"actor": row["actor"], "user": row["actor"], "channel": channel}
        if _COMMUNITY.search(place) and not looks_like_incident_channel(channel):
            # a community's or support's channel (a game's #bug-reports on Discord): the
            # affected telling what they go through, kept as context, not the responders'
            attrs["context"] = True
        else:
            attrs["incident_channel"] = True
        if row.get("bot"):
            attrs["bot"] = True
        result.evidence.append(Evidence(when, source, "message", text, attrs))
    result.counts = {"message": len(result.evidence), "read": len(found[1])}
    if not result.evidence:
        result.gaps.append(Gap(source, "no messages in the window", window.read_start, window.end))
    return result
