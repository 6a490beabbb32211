"""Follow-up reviews as iCalendar (RFC 5545): the review four weeks on, and a weekly one.

The follow-up date is kept in the post-mortem (`follow_up_review`). Output uses CRLF line
endings, folds lines at 75 octets and escapes text values, so any calendar imports it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from pm_tui.model import PostMortem

FOLLOW_UP_AFTER = timedelta(days=28)
WEEKLY_COUNT_WITHOUT_DEADLINES = 8


def next_weekday(day: date) -> date:
    """`day`, or the Monday after it when it falls on a weekend."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def follow_up_date(pm: PostMortem) -> date:
    """The kept follow-up date, else 28 days after resolution (or start), moved off weekends."""
    if pm.follow_up_review:
        return pm.follow_up_review
    anchor = pm.window.resolved or pm.window.started
    return next_weekday(anchor.astimezone(UTC).date() + FOLLOW_UP_AFTER)


def ensure_follow_up(pm: PostMortem) -> bool:
    """Set pm.follow_up_review when it is empty; True when it changed."""
    if pm.follow_up_review:
        return False
    pm.follow_up_review = follow_up_date(pm)
    return True


def escape_text(value: str) -> str:
    """RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets (continuations start with a space), never inside a character."""
    out: list[str] = []
    current, size, limit = [], 0, 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append("".join(current))
            current, size, limit = [" "], 1, 75
        current.append(ch)
        size += n
    out.append("".join(current))
    return "\r\n".join(out)


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def open_actions_text(pm: PostMortem) -> str:
    """The open action items, one per line, for an event's description."""
    lines = []
    for a in pm.open_actions():
        due = a.deadline.isoformat() if a.deadline else "no deadline"
        lines.append(f"- {a.id} ({a.owner or 'no owner'}, due {due}, {a.priority}): {a.action}")
    return "\n".join(lines) or "No open action items."


def _event(
    uid: str,
    now: datetime,
    start: date,
    at: time | None,
    summary: str,
    description: str,
    extra: list[str],
) -> list[str]:
    if at is None:
        when = [
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{start + timedelta(days=1):%Y%m%d}",
        ]
    else:
        when = [f"DTSTART:{_stamp(datetime.combine(start, at, UTC))}", "DURATION:PT1H"]
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_stamp(now)}",
        *when,
        *extra,
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
        "END:VEVENT",
    ]


def calendar(
    pm: PostMortem,
    *,
    now: datetime,
    weekly: bool = False,
    at: time | None = None,
    link: str = "",
) -> str:
    """An iCalendar file with the follow-up review (and, with `weekly`, a weekly review).

    UIDs are stable per post-mortem, so importing again updates the events instead of
    adding copies. `at` is a UTC time of day; without it the events are all-day.
    """
    actions = open_actions_text(pm)
    where = f"\n\nPost-mortem: {pm.id}" + (f"\n{link}" if link else "")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//pm-tui//post-mortem reviews//EN"]
    lines += ["CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    lines += _event(
        f"follow-up-{pm.id}@pm-tui",
        now,
        follow_up_date(pm),
        at,
        f"Post-mortem follow-up review: {pm.title}",
        f"Four weeks on from {pm.date.isoformat()}: are the action items done, and did they help?"
        f"\n\nOpen action items:\n{actions}{where}",
        [],
    )
    if weekly:
        start = next_weekday((pm.window.resolved or pm.window.started).date() + timedelta(days=7))
        deadlines = [a.deadline for a in pm.open_actions() if a.deadline]
        if deadlines and max(deadlines) >= start:
            rule = f"RRULE:FREQ=WEEKLY;UNTIL={max(deadlines):%Y%m%d}" + (
                "" if at is None else "T235959Z"
            )
        else:
            rule = f"RRULE:FREQ=WEEKLY;COUNT={WEEKLY_COUNT_WITHOUT_DEADLINES}"
        lines += _event(
            f"weekly-{pm.id}@pm-tui",
            now,
            start,
            at,
            f"Weekly review of open action items: {pm.title}",
            f"Open action items:\n{actions}\n\nUpdate them with 'pm-tui review'.{where}",
            [rule],
        )
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
