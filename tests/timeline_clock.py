"""The clock the timeline tests write their small evidence folders with: one day, 2026-03-01 UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

DAY = datetime(2026, 3, 1, tzinfo=UTC)


def at(h: int, m: int, s: int = 0) -> datetime:
    return DAY.replace(hour=h, minute=m, second=s)


def z(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def every(start: datetime, end: datetime, step: timedelta):
    t = start
    while t <= end:
        yield t
        t += step
