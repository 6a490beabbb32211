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

from pm_tui.collectors.common import (
    BadRecords,
    check_cancel,
    parse_time,
    redact_text,
    source_name,
)
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
    """Messages of `channel` (name or id; optional when the export has one channel) in the window."""
    root = Path(folder)
    if not root.is_dir():
        raise CollectorError(f"slack:{folder}: not a folder: give the unzipped Slack export folder")
    channels = _load_list(root / "channels.json", folder)
    name = _pick_channel(channels, channel, folder)
    source = source_name("slack", f"{root}#{name}")
    users = {
        u.get("id"): _display(u) for u in _load_list(root / "users.json", folder, required=False)
    }
    result = CollectResult(source=source, kind="slack", target=str(root), query=f"#{name}")
    channel_dir = root / name
    if not channel_dir.is_dir():
        raise CollectorError(f"{source}: no folder {name}/ in the export: is the export complete?")
    first = window.read_start.date() - timedelta(days=1)  # day files may follow the exporter's zone
    last = window.end.date() + timedelta(days=1)
    days = sorted(
        p
        for p in channel_dir.iterdir()
        if _DAY_RE.match(p.name) and first <= date.fromisoformat(p.stem) <= last
    )
    unreadable = 0
    bad = BadRecords(source)
    for number, path in enumerate(days):
        check_cancel(cancel)
        progress(number, len(days), path.name)
        try:
            messages = json.loads(path.read_text(encoding="utf-8", errors="replace"))
        except ValueError:
            unreadable += 1
            continue
        for message in messages if isinstance(messages, list) else []:
            try:
                item = _message(source, message, users)
            except BadRecords.ERRORS as exc:
                bad.note(exc, f"{path.name}: ")
                continue
            if item is not None and window.contains(item.time):
                text, count = redact_text(item.text)
                item.text = text
                result.redactions += count
                result.evidence.append(item)
    if unreadable:
        result.gaps.append(Gap(source, f"{unreadable} day files are not valid JSON"))
    if bad.count:
        result.gaps.append(bad.gap())
    if not result.evidence:
        result.gaps.append(
            Gap(source, f"no messages in #{name} in the window", window.read_start, window.end)
        )
    result.evidence.sort(key=lambda e: e.time)
    result.counts = {"message": len(result.evidence), "day_files": len(days)}
    progress(len(days), len(days), "done")
    return result


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


def _message(source: str, message: dict, users: dict[str, str]) -> Evidence | None:
    if message.get("type") != "message" or message.get("subtype") in NOISE_SUBTYPES:
        return None
    try:
        when = parse_time(float(message["ts"]))
    except (KeyError, TypeError, ValueError):
        return None
    user = message.get("user", "")
    actor = (
        users.get(user)
        or _display({"profile": message.get("user_profile") or {}})
        or message.get("username")
        or (message.get("bot_profile") or {}).get("name")
        or user
    )
    attrs = {"actor": actor, "user": user, "ts": message["ts"]}
    if message.get("thread_ts") and message["thread_ts"] != message["ts"]:
        attrs["thread_ts"] = message["thread_ts"]
    text = resolve_mentions(message.get("text", ""), users)
    return Evidence(when, source, "message", text, attrs)


def _display(user: dict) -> str:
    profile = user.get("profile") or {}
    return (
        profile.get("real_name")
        or user.get("real_name")
        or profile.get("display_name")
        or user.get("name")
        or ""
    )


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
