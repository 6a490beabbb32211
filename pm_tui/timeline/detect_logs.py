"""Log detectors: error/warning templates that are new or sharply more frequent, and
access-log bursts of 5xx or slow requests (from 10-second buckets), with their ends."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import datetime, timedelta
from statistics import median

from pm_tui.collectors.common import iso
from pm_tui.collectors.evidence import Evidence, is_access_bucket, is_access_sample
from pm_tui.timeline.candidate import excerpt, source_label
from pm_tui.timeline.signals import (
    CAPACITY_RE,
    PRECURSOR_RE,
    Periods,
    Signal,
    hhmmss,
    log10_tail,
)
from pm_tui.timeline.templates import Template

WINDOW_MIN = 5  # minutes in the sliding window that judges a burst
MIN_COUNT = 3
RATIO = 4.0
MAX_LOG10_P = -4.0
GAP_MIN = 5  # an episode goes on while active minutes are at most this far apart
MIN_STOP_COUNT = 10  # smaller episodes get no separate "stops" candidate
MINUTE = timedelta(minutes=1)
# A record of this kind is an event the first time it appears, even alone.
CRITICAL_RE = re.compile(
    r"out of memory|oom.?kill|killed process|panic|segfault|fatal|no space left|disk full", re.I
)

# A warning that says a request or a caller was turned away ("JWT rejected: no JWK for kid",
# "access denied"): logged at warning, it is the customers' failure all the same when the
# baseline never shows it (a new way of being turned away). Not a connection refused: a peer
# not listening (a node being replaced) is infrastructure, a precursor at most.
REFUSED_RE = re.compile(r"\b(?:rejected|rejecting|denied|unauthori[sz]ed|forbidden)\b", re.I)


def template_signals(
    templates: list[Template],
    p: Periods,
    data_end: datetime,
    per_source: dict[str, Periods] | None = None,
) -> list[Signal]:
    """An onset signal per template that is new or bursting after the baseline, and its stop.

    `per_source` gives a source its own baseline (see reconstruct._log_periods). The files of
    one log rotated by time (`E1OPT4K2X9QZ.2026-09-15-13.34c80fa2.gz` then `...-14...`) are
    read as one source: the hour before is the baseline of the hour of the incident."""
    per_source = per_source or {}
    out: list[Signal] = []
    for template, members in _join_rotated(templates):
        base = per_source.get(template.source, p)
        signals = _template(template, base, data_end)
        first = min((s.time for s in signals), default=None)
        minute = first.replace(second=0, microsecond=0) if first is not None else None
        where = next((m for m in members if minute in m.minutes), None)
        if where is not None and where.source != template.source:
            # named and quoted from the file that holds the episode's first record
            template.source, template.example = where.source, where.example
            signals = _template(template, base, data_end)
        out.extend(signals)
    return out


# A file name's time stamp (2026-09-15-13, 20260915T1300Z, 2026/09/15/13) and the hex id a
# log shipper puts beside it: files differing only there are one log rotated by time.
_STAMP = re.compile(r"\d{4}[-_./]?\d\d[-_./]?\d\d(?:[-_.T/]?\d\d(?:[-_.:]?\d\d){0,2}Z?)?")
_HEX_ID = re.compile(r"[-_.](?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{6,}(?=[-_.]|$)")


def _same_shape(a: list[str], b: list[str]) -> bool:
    """Two templates' words, one for one, equal or a wildcard in either."""
    return len(a) == len(b) and all(x == y or "<*>" in (x, y) for x, y in zip(a, b, strict=True))


def _join_rotated(templates: list[Template]) -> list[tuple[Template, list[Template]]]:
    """Each template, or for the files of one log rotated by time (names equal once their time
    stamp is set aside, records following each other in time, never overlapping), one template
    per shape over all of them, dated and counted as one, with its member templates (one per
    file); the file with the earliest record gives the baseline."""
    spans: dict[str, tuple[datetime, datetime]] = {}
    templates = [t for t in templates if t.minutes]
    for t in templates:
        lo, hi = min(t.minutes), max(t.minutes)
        a, b = spans.get(t.source, (lo, hi))
        spans[t.source] = (min(a, lo), max(b, hi))
    families: dict[str, list[str]] = defaultdict(list)
    for source in spans:
        folder, _, name = source.rpartition("/")
        name = _HEX_ID.sub("", name)
        if _STAMP.search(name):
            families[f"{folder}/{_STAMP.sub('<t>', name)}"].append(source)
    family_of: dict[str, str] = {}
    earliest: dict[str, str] = {}  # each family's file with the earliest record
    for key, sources in families.items():
        ordered = sorted(sources, key=lambda src: spans[src][0])
        if len(ordered) > 1 and all(
            spans[b][0] >= spans[a][1] for a, b in zip(ordered, ordered[1:], strict=False)
        ):
            family_of.update((src, key) for src in ordered)
            earliest[key] = ordered[0]
    out: list[tuple[Template, list[Template]]] = []
    groups: dict[str, list[tuple[Template, list[Template]]]] = defaultdict(list)
    for t in sorted(templates, key=lambda t: min(t.minutes)):
        key = family_of.get(t.source)
        if key is None:
            out.append((t, []))
            continue
        # each file's miner may have generalised the shape more or less (`GET /.env <*>` in an
        # hour with only scanners, `GET <*> <*>` in the hour of the burst): one shape when
        # every word is the same or a wildcard in either
        group = next(
            (
                g
                for g in groups[key]
                if g[0].level == t.level and _same_shape(g[0].tokens, t.tokens)
            ),
            None,
        )
        if group is None:
            whole = Template(t.id, earliest[key], t.level, list(t.tokens), example=t.example)
            whole.names = Counter()
            group = (whole, [])
            groups[key].append(group)
            out.append(group)
        whole, members = group
        whole.tokens = [a if a == b else "<*>" for a, b in zip(whole.tokens, t.tokens, strict=True)]
        for minute, n in t.minutes.items():
            whole.minutes[minute] += n
            whole.firsts[minute] = min(whole.firsts.get(minute, t.firsts[minute]), t.firsts[minute])
            whole.lasts[minute] = max(whole.lasts.get(minute, t.lasts[minute]), t.lasts[minute])
        whole.total += t.total
        whole.names.update(t.names)
        members.append(t)
    return out


def _template(t: Template, p: Periods, data_end: datetime) -> list[Signal]:
    base = sum(n for m, n in t.minutes.items() if p.base_start <= m < p.base_end)
    base_min = max(p.base_minutes, 1.0)
    rate = max(base, 0.5) / base_min  # per minute; half an occurrence when never seen
    minutes = sorted(m for m in t.minutes if m >= p.base_end)
    if not minutes:
        return []
    counts = t.minutes
    expected = rate * WINDOW_MIN
    critical = base == 0 and (
        CRITICAL_RE.search(t.example) is not None or PRECURSOR_RE.search(t.example) is not None
    )
    onset = None
    j = 0
    total = 0  # sliding sum over [m, m + WINDOW)
    for i, m in enumerate(minutes):
        while j < len(minutes) and minutes[j] < m + WINDOW_MIN * MINUTE:
            total += counts[minutes[j]]
            j += 1
        if critical or (
            total >= MIN_COUNT
            and total >= RATIO * expected
            and log10_tail(total, expected) <= MAX_LOG10_P
        ):
            onset = i
            break
        total -= counts[m]
    if base == 0:
        onset = _first_run(minutes, counts, rate, onset)
    if onset is None:
        return []
    per_min = rate * RATIO
    if base == 0:
        # a template the baseline never shows began with its episode: back through its earlier
        # records while they are at most GAP_MIN apart (as the episode goes on after the onset),
        # so a slow precursor (a heap filling, one GC warning every few minutes) is dated by its
        # first record, not by the minute its rate first passed the test
        while onset > 0 and minutes[onset] - minutes[onset - 1] <= GAP_MIN * MINUTE:
            onset -= 1
    else:
        # a template the baseline shows rises at its first minute above its usual rate, not at
        # the usual records before it that the window judging the rise also holds (a 401 every
        # few minutes all day, then hundreds a minute)
        window_end = minutes[onset] + WINDOW_MIN * MINUTE
        above = [k for k in range(onset, j) if counts[minutes[k]] > per_min]
        if above and minutes[above[0]] < window_end:
            onset = above[0]
    last = _run_end(minutes, counts, onset, per_min)
    returns = _returns(minutes, counts, onset, last, per_min) if base == 0 else []
    start_m, end_m = minutes[onset], minutes[last]
    n = sum(counts[m] for m in minutes[onset : last + 1])
    label = source_label(t.source)
    first_time = t.firsts[start_m]
    words = "errors" if t.level == "error" else "warnings"
    quote = excerpt(t.example, 160)
    tags = ("capacity",) if CAPACITY_RE.search(t.example) else ()
    if t.level == "error" or base == 0 and REFUSED_RE.search(t.example):
        tags += ("error",)
    if base == 0:
        text = (
            f"New {words} in {label}: “{quote}” (from {hhmmss(first_time)}, {n} by {end_m:%H:%M})"
        )
    else:
        ratio = (n / max((end_m - start_m) / MINUTE + 1, 1)) / (base / base_min)
        text = (
            f"{words.capitalize()} in {label} rise to {ratio:.0f}× their usual rate: “{quote}” "
            f"(from {hhmmss(first_time)}, {n} by {end_m:%H:%M})"
        )
    strength = min(-log10_tail(min(n, 1000), expected) / 20, 1.0)
    confidence = round(0.45 + 0.3 * strength + (0.1 if t.level == "error" else 0.0), 2)
    stop_time = t.lasts.get(end_m, end_m + MINUTE)
    extra = {"template": t.text, "count": n, "baseline": base}
    named = [name for name, k in t.names.most_common(3) if k * 3 >= t.total or k >= 3]
    if named:
        extra["names"] = named  # what its records say wrote them (reconstruct's terms)
    if base == 0:
        extra["last"] = stop_time  # a new failure's episode: it may lead a later one
    signals = [
        Signal(
            first_time,
            "symptom",
            text,
            t.source,
            quote,
            confidence,
            tags=tags,
            weight=strength,
            extra=extra,
        )
    ]
    # the same new failure back after a quiet spell and stopping again: said on the stop, and
    # tagged `again:TIME` with each later stop (milestones: when the page's alert fires again
    # after this stop, the impact had not ended here)
    again = [t.lasts.get(minutes[end], minutes[end] + MINUTE) for _, end in returns]
    again = [a for a in again if data_end - a >= GAP_MIN * MINUTE]
    spells = "".join(
        f"; back from {hhmmss(t.firsts[minutes[k]])}, stopped again at {hhmmss(a)}"
        for (k, _), a in zip(returns, again, strict=False)
    )
    if n >= MIN_STOP_COUNT and data_end - stop_time >= GAP_MIN * MINUTE:
        signals.append(
            Signal(
                stop_time,
                "recovery",
                f"{words.capitalize()} “{excerpt(t.example, 100)}” stop in {label} "
                f"(last at {hhmmss(stop_time)}, {n} in all{spells})",
                t.source,
                quote,
                round(confidence - 0.1, 2),
                tags=tags + tuple(f"again:{iso(a)}" for a in again),
                weight=strength,
                extra=extra,
            )
        )
    return signals


# A new failure that stops and comes back within this long, as strong as before, may not have
# been over (a quota refilled for a few minutes, a partial fix holding briefly).
RETURN_GAP = timedelta(minutes=30)
# ... as strong: its rate over its own run at least this share of the first episode's.
RETURN_SHARE = 1 / 3


def _run_end(
    minutes: list[datetime], counts: dict[datetime, int], start: int, per_min: float
) -> int:
    """The last minute (index) above `per_min` of the run from `start` whose minutes above it
    are at most GAP_MIN apart: where an episode ends."""
    last = start
    for k in range(start + 1, len(minutes)):
        if minutes[k] - minutes[last] > GAP_MIN * MINUTE:
            break
        if counts[minutes[k]] > per_min:
            last = k
    return last


def _returns(
    minutes: list[datetime], counts: dict[datetime, int], onset: int, last: int, per_min: float
) -> list[tuple[int, int]]:
    """The returns of a new failure after its episode (`onset`..`last`): runs of minutes above
    `per_min` at most GAP_MIN apart, each starting within RETURN_GAP of the end of the one
    before, with at least MIN_STOP_COUNT records at RETURN_SHARE of the episode's rate, as
    (first, last) indexes into `minutes`."""

    def rate(a: int, b: int) -> float:
        span = (minutes[b] - minutes[a]) / MINUTE + 1
        return sum(counts[m] for m in minutes[a : b + 1]) / span

    out: list[tuple[int, int]] = []
    strength = rate(onset, last)
    k = last + 1
    while k < len(minutes) and minutes[k] - minutes[last] <= RETURN_GAP:
        if counts[minutes[k]] <= per_min:
            k += 1
            continue
        end = _run_end(minutes, counts, k, per_min)
        returned = sum(counts[m] for m in minutes[k : end + 1])
        if returned >= MIN_STOP_COUNT and rate(k, end) >= RETURN_SHARE * strength:
            out.append((k, end))
            last = end
        k = end + 1
    return out


def _first_run(
    minutes: list[datetime], counts: dict[datetime, int], rate: float, onset: int | None
) -> int | None:
    """For a template the baseline never shows: the start of its first episode (records at
    most GAP_MIN apart) that passes the onset test over its whole length, when that comes
    before `onset` (a slow precursor, one warning every few minutes for forty minutes, never
    has MIN_COUNT in one 5-minute window, yet is far more than never)."""
    start = 0
    for k in range(1, len(minutes) + 1):
        if k < len(minutes) and minutes[k] - minutes[k - 1] <= GAP_MIN * MINUTE:
            continue
        if onset is not None and start >= onset:
            break
        total = sum(counts[m] for m in minutes[start:k])
        span = (minutes[k - 1] - minutes[start]) / MINUTE + 1
        expected = rate * span
        if (
            total >= MIN_COUNT
            and total >= RATIO * expected
            and log10_tail(total, expected) <= MAX_LOG10_P
        ):
            return start
        start = k
    return onset


# --- access logs: 10-second buckets -----------------------------------------------------
BUCKET = timedelta(seconds=10)
ERR_RATIO_FLOOR = 0.02
LAT_MIN_DELTA_MS = 200.0
EPISODE_GAP = timedelta(minutes=5)
SPAN_BUCKETS = 3  # buckets summed to judge one (30 s)  # restarts and retries make bursts flap; a lull is not recovery


def access_signals(
    evidence: list[Evidence],
    p: Periods,
    data_end: datetime,
    per_source: dict[str, Periods] | None = None,
) -> list[Signal]:
    """5xx and slow-request bursts per access log, and the return to normal of each."""
    buckets: dict[str, list[Evidence]] = defaultdict(list)
    samples: dict[str, list[Evidence]] = defaultdict(list)
    for item in evidence:
        if item.kind != "log":
            continue
        if is_access_bucket(item):
            buckets[item.source].append(item)
        elif is_access_sample(item):
            samples[item.source].append(item)
    out: list[Signal] = []
    for source, rows in buckets.items():
        rows.sort(key=lambda e: e.time)
        sp = (per_source or {}).get(source, p)
        out.extend(_errors(source, rows, samples.get(source, []), sp, data_end))
        out.extend(_latency(source, rows, sp, data_end))
    return out


def _episode(flags: list[bool], need: int, of: int, gap: int) -> tuple[int, int] | None:
    """First index where `need` of the next `of` flags are set, and the last flagged index of
    the run that follows (flags at most `gap` apart)."""
    start = None
    for i in range(len(flags)):
        if flags[i] and sum(flags[i : i + of]) >= need:
            start = i
            break
    if start is None:
        return None
    last = start
    for i in range(start + 1, len(flags)):
        if i - last > gap:
            break
        if flags[i]:
            last = i
    return start, last


def _errors(source, rows, samples, p: Periods, data_end) -> list[Signal]:
    base = [r.attrs for r in rows if p.base_start <= r.time < p.base_end]
    ratio0 = (sum(a.get("5xx", 0) for a in base) + 0.5) / (
        sum(a.get("requests", 0) for a in base) + 1
    )
    scan = [r for r in rows if r.time >= p.base_end]

    def elevated(a: dict) -> bool:
        n, x = a.get("requests", 0), a.get("5xx", 0)
        lam = max(ratio0 * n, 1e-3)
        return x >= 2 and x >= max(RATIO * lam, ERR_RATIO_FLOOR * n) and log10_tail(x, lam) <= -3

    # judged over a few buckets at once: a steady trickle of 5xx (one or two per bucket on
    # some requests only) is as real as a burst
    summed = []
    for k in range(len(scan)):
        part = scan[k : k + SPAN_BUCKETS]
        summed.append(
            {
                "requests": sum(r.attrs.get("requests", 0) for r in part),
                "5xx": sum(r.attrs.get("5xx", 0) for r in part),
            }
        )
    flags = [elevated(a) and scan[k].attrs.get("5xx", 0) > 0 for k, a in enumerate(summed)]
    found = _episode(flags, 2, 3, int(EPISODE_GAP / BUCKET))
    if found is None:
        return []
    i, j = found
    j = _tail_end(scan, j, ratio0)
    first, last = scan[i], scan[j]
    label = source_label(source)
    in_bucket = [s for s in samples if first.time <= s.time < first.time + BUCKET]
    at = min((s.time for s in in_bucket), default=first.time)
    peak = max(scan[i : j + 1], key=lambda r: r.attrs["5xx"] / max(r.attrs["requests"], 1))
    a, pa = first.attrs, peak.attrs
    total = sum(r.attrs.get("5xx", 0) for r in scan[i : j + 1])
    text = (
        f"First burst of HTTP 5xx in {label}: {a['5xx']} of {a['requests']} requests at "
        f"{hhmmss(first.time)} (baseline {ratio0:.2%}); peak {pa['5xx'] / max(pa['requests'], 1):.0%} "
        f"at {peak.time:%H:%M}"
    )
    quote = excerpt(in_bucket[0].text) if in_bucket else excerpt(first.text)
    out = [
        Signal(
            at, "symptom", text, source, quote, 0.85, tags=("error",),
            extra={"5xx": total, "series": "5xx"},
        )
    ]  # fmt: skip
    normal = last.time + BUCKET
    if data_end - normal >= 2 * BUCKET * 6:
        after = [r for r in scan[j + 1 : j + 7]]
        x = sum(r.attrs.get("5xx", 0) for r in after)
        n = sum(r.attrs.get("requests", 0) for r in after)
        out.append(
            Signal(
                normal,
                "recovery",
                f"HTTP 5xx back to normal in {label} from {hhmmss(normal)} "
                f"({x} of {n} requests in the next minute; {total} 5xx in the burst)",
                source,
                excerpt(last.text),
                0.8,
                tags=("normal",),
                extra={"series": "5xx"},
            )
        )
    return out


TAIL_BUCKETS = 6  # the minute around a bucket that judges whether errors are still elevated


def _tail_end(scan: list[Evidence], j: int, ratio0: float) -> int:
    """The last bucket still failing above the baseline, judged over the minute around it:
    the last few errors of an episode are fewer than its onset, but not yet normal."""
    last = j
    for k in range(j + 1, len(scan)):
        if k - last > TAIL_BUCKETS:
            break
        if scan[k].attrs.get("5xx", 0) <= 0:
            continue
        part = scan[max(0, k - TAIL_BUCKETS // 2) : k + TAIL_BUCKETS // 2]
        x = sum(r.attrs.get("5xx", 0) for r in part)
        lam = max(ratio0 * sum(r.attrs.get("requests", 0) for r in part), 1e-3)
        if x >= 2 and log10_tail(x, lam) <= -1.3:
            last = k
    return last


def _latency(source, rows, p: Periods, data_end) -> list[Signal]:
    """Slow requests: the median latency of a bucket well above its baseline (p99 of a few
    dozen requests is one request, too noisy to judge by)."""
    base = [
        r.attrs["p50_ms"]
        for r in rows
        if p.base_start <= r.time < p.base_end
        and r.attrs.get("p50_ms") is not None
        and r.attrs.get("requests", 0) >= 5
    ]
    if len(base) < 10:
        return []
    med = median(base)
    mad = median(abs(v - med) for v in base)
    threshold = med + max(6 * 1.4826 * mad, 2 * med, LAT_MIN_DELTA_MS)
    scan = [r for r in rows if r.time >= p.base_end]
    flags = [
        (r.attrs.get("p50_ms") or 0) > threshold and r.attrs.get("requests", 0) >= 3 for r in scan
    ]
    found = _episode(flags, 3, 4, int(EPISODE_GAP / BUCKET))
    if found is None:
        return []
    i, j = found
    first, last = scan[i], scan[j]
    label = source_label(source)
    peak = max(scan[i : j + 1], key=lambda r: r.attrs.get("p50_ms") or 0)
    out = [
        Signal(
            first.time,
            "symptom",
            f"Slow requests in {label}: median {first.attrs['p50_ms']:.0f} ms at "
            f"{hhmmss(first.time)} (baseline {med:.0f} ms); peak median "
            f"{peak.attrs['p50_ms']:.0f} ms at {peak.time:%H:%M}",
            source,
            excerpt(first.text),
            0.7,
            extra={"series": "latency"},
        )
    ]
    normal = last.time + BUCKET
    if data_end - normal >= 2 * BUCKET * 6:
        out.append(
            Signal(
                normal,
                "recovery",
                f"Request latency back to normal in {label} from {hhmmss(normal)} "
                f"(median under {threshold:.0f} ms)",
                source,
                excerpt(last.text),
                0.65,
                tags=("normal",),
                extra={"series": "latency"},
            )
        )
    return out


# --- automatic topology changes: a failover, a promotion, a new leader ---------------------------
# A cluster manager promoting a replica changes the system as much as a deploy does, often as the
# trigger of what follows (a reconnect storm), so it is a `change`, whatever the line's level.
TOPOLOGY_RE = re.compile(
    r"\bpromot(?:ed|ing|e)\b[^\n]{0,40}\b(?:leader|primary|master)\b|"
    r"\bbec(?:ame|oming|omes) (?:the )?(?:new )?(?:leader|primary|master)\b|"
    r"\bfail(?:ed|ing)?[ -]?over (?:to|complete|completed|finished|done)\b|"
    r"\+switch-master\b|\bnew (?:leader|primary|master) (?:elected|is)\b|"
    r"\belected (?:as )?(?:the )?(?:new )?(?:leader|primary)\b",
    re.I,
)
_TOPOLOGY_WORDS = ("romot", "ecam", "ecom", "ailover", "ail-over", "ail over", "switch-master",
                   "lected")  # fmt: skip
TOPOLOGY_GAP = timedelta(minutes=5)
# A takeover a person asked for (orchestrator's graceful-master-takeover, Patroni's switchover,
# Redis' CLUSTER FAILOVER, a manual or planned failover, a step-down requested): a responder's
# action, not the system healing itself, when its run of lines says so.
PLANNED_RE = re.compile(
    r"graceful|switchover|switch-over|takeover|take-over|\bmanual(?:ly)?\b|\bplanned\b|"
    r"\b(?:requested|initiated|triggered) by (?!(?:the )?(?:system|health|watchdog|sentinel))|"
    r"\bstep ?down (?:requested|command)|\breplsetstepdown\b|\bcluster failover\b",
    re.I,
)


def topology_signals(evidence: list[Evidence], p: Periods) -> list[Signal]:
    """One `change` per source and run of failover or promotion lines after the baseline."""
    out: list[Signal] = []
    last: dict[str, datetime] = {}
    planned: dict[str, list[datetime]] = defaultdict(list)
    for item in evidence:
        if item.kind != "log" or item.time < p.base_end or is_access_bucket(item):
            continue
        text = item.text
        if PLANNED_RE.search(text):
            planned[item.source].append(item.time)
        if not any(w in text for w in _TOPOLOGY_WORDS) or not TOPOLOGY_RE.search(text):
            continue
        seen = last.get(item.source)
        last[item.source] = item.time
        if seen is not None and item.time - seen <= TOPOLOGY_GAP:
            continue
        line = text.strip().split("\n", 1)[0]
        out.append(
            Signal(
                item.time,
                "change",
                f"Failover in {source_label(item.source)}: {excerpt(line, 160)}",
                item.source,
                excerpt(line),
                0.6,
                key="",
                tags=("failover", "automatic"),
            )
        )
    for s in out:
        # the run's lines (a few minutes either side) say a person asked for it
        if any(abs(t - s.time) <= TOPOLOGY_GAP for t in planned.get(s.source, ())):
            s.text = s.text.replace("Failover in ", "Planned failover in ", 1)
            s.tags = ("failover", "admin")
    return out


# --- an operator's action recorded by the service itself -------------------------------------
# A command typed at an admin interface, a controlled shutdown, a configuration reloaded: what a
# responder did (or changed) may show only as such a line in the service's own log.
ACTION_RE = re.compile(
    r"\badmin(?:istrative)?[_ ]command\b|\breceived [\w ]{0,60}\bcommand\b|"
    r"\bcontrolled shutdown\b(?! request)|\b(?:initiating|starting|beginning) (?:a )?"
    r"(?:graceful |clean )?shutdown\b|\bshutdown (?:requested|initiated) by\b|"
    r"\b(?:received|caught|got) (?:signal )?sig(?:hup|term|int)\b|"
    r"\breload(?:ing|ed)? (?:the )?(?:config|configuration|settings)\b|"
    r"\bconfig(?:uration)? (?:file )?reloaded\b|"
    # what an infrastructure tool applied: Terraform, kubectl apply, Helm
    r"\bapply complete!? resources: (?!0 added, 0 changed, 0 destroyed)|"
    r"^\s*[a-z][\w.-]*/[\w.-]+ (?:configured|created|deleted|patched|restarted)\s*$|"
    r"\brelease \"?[\w.-]+\"? has been (?:upgraded|rolled back)\b|\brollback was a success\b|"
    # a schema change a database logs (log_statement = ddl; MySQL's general log)
    r"\b(?:statement|query|execute [\w<>]+):?\s+(?:alter|drop|truncate)\s+(?:table|sequence|index|type)\b|"
    r"\b(?:statement|query|execute [\w<>]+):?\s+create\s+(?:unique\s+)?index\b|"
    # a search cluster's mapping changed (Elasticsearch/OpenSearch's master logs it)
    r"\bupdate_mapping\b|\bput[ _]mapping\b|"
    # a network device's configuration changed by a person (Cisco's `Configured from console
    # by nwalker`, Junos's `User 'andres' requested 'commit' operation`), a session or port
    # shut down by its admin
    r"\bconfigured from \S+ by \S|\buser '?[\w.@-]+'? requested '?commit'? operation\b|"
    r"\bcommit (?:complete|confirmed)\b|\badmin(?:istratively|\.)? ?(?:shutdown|down)\b|"
    # a command a person ran through sudo that changes the host (syslog's / auth.log's
    # `sudo[91244]: ana : TTY=pts/1 ; ... ; COMMAND=/usr/sbin/xfs_growfs /var/lib/pg`, the
    # reader keeping what follows `sudo[pid]:`), not a look (`du`, `systemctl status`)
    r"[\w.@-]+ : (?:TTY|PWD)=[^;]*;.{0,200}?\bCOMMAND=(?:\S*/)?(?:systemctl (?:start|stop|"
    r"restart|reload|kill)|service \S+ (?:start|stop|restart|reload)|xfs_growfs|resize2fs|"
    r"growpart|lv(?:extend|resize|remove)|rm|kill|pkill|killall|truncate|sysctl -w|u?mount|"
    r"reboot|shutdown|iptables|crontab|kubectl (?:apply|delete|scale|rollout|patch|drain|"
    r"cordon)|docker (?:restart|stop|kill|rm)|find .{0,120} -delete)\b",
    re.I,
)
_ACTION_WORDS = ("command", "shutdown", "sighup", "sigterm", "sigint", "reload", "complete",
                 "configured", "created", "deleted", "patched", "restarted", "upgraded",
                 "rolled back", "rollback", "alter", "drop", "truncate", "create", "commit",
                 "admin", "mapping")  # fmt: skip
# a package manager's record of what it changed, on any line of a record (apt's history:
# `Upgrade: systemd:amd64 (249.11-0ubuntu3.12, 249.11-0ubuntu3.16)`; dpkg.log's
# `upgrade systemd:amd64 249.11-3.12 249.11-3.16`; yum/dnf's `Updated: systemd-249...`)
PACKAGE_RE = re.compile(
    r"^(?:Upgrade|Install|Remove|Purge|Downgrade|Reinstall): [\w.+-]+(?::\w+)? \(.{0,140}|"
    r"^.{0,40}\b(?:upgrade|install|remove|purge) [\w.+-]+:\w+ [\w.:~+-]+(?: [\w.:~+-]+)?$|"
    r"^.{0,40}\b(?:Updated|Upgraded|Installed|Erased|Removed): [\w.+-]+-\d[\w.:~+-]*",
    re.M,
)
# Terraform names each resource it changed on its own line before "Apply complete!"
_TF_RESOURCE = re.compile(
    r"^\s*([\w.\[\]\"-]+): (?:destruction|creation|modifications) complete\b", re.I
)
ACTION_GAP = timedelta(minutes=5)


def action_signals(evidence: list[Evidence], p: Periods) -> list[Signal]:
    """One `change` per source and run of operator-action lines after the baseline whose shape
    the baseline never shows (a routine command or reload every hour is no one's fix)."""
    from pm_tui.timeline.templates import mask

    routine: set[tuple[str, str]] = set()
    found: list[tuple[Evidence, str]] = []
    touched: dict[str, list[tuple[datetime, str]]] = defaultdict(list)  # per source
    named: dict[int, list[str]] = {}
    for item in evidence:
        if item.kind != "log" or is_access_bucket(item):
            continue
        line = _CI_STAMP.sub("", item.text.strip().split("\n", 1)[0])
        low = line[:300].lower()
        if "complete" in low and (r := _TF_RESOURCE.match(line)):
            touched[item.source].append((item.time, r.group(1)))
        package = PACKAGE_RE.search(item.text[:2000])
        if package:
            line = package.group(0)  # the packages changed say more than the record's time
        elif not any(w in low for w in _ACTION_WORDS) or not ACTION_RE.search(line[:300]):
            continue
        shape = (item.source, mask(_ACTION_TAIL.sub("", line[:300])))
        if item.time < p.base_end:
            routine.add(shape)
        else:
            found.append((item, shape[1]))
            recent = [n for t, n in touched[item.source] if item.time - t <= ACTION_GAP]
            named[id(item)] = list(dict.fromkeys(recent))[:6]
    out: list[Signal] = []
    last: dict[str, datetime] = {}
    for item, shape in sorted(found, key=lambda f: f[0].time):
        if (item.source, shape) in routine:
            continue
        seen = last.get(item.source)
        last[item.source] = item.time
        if seen is not None and item.time - seen <= ACTION_GAP:
            continue
        package = PACKAGE_RE.search(item.text[:2000])
        line = (
            package.group(0) if package else _CI_STAMP.sub("", item.text.strip().split("\n", 1)[0])
        )
        what = ", ".join(named.get(id(item), []))
        out.append(
            Signal(
                item.time,
                "change",
                f"{'Packages changed' if package else 'Operator action'} in "
                f"{source_label(item.source)}: {excerpt(line, 160)}"
                + (f" ({what})" if what else ""),
                item.source,
                excerpt(line),
                0.55,
                tags=("admin",),
            )
        )
    return out


# a CI runner's own time stamp before each line of a job's log
_CI_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\s+")
# the start of a log line: its time and level, which differ from one line to the next
_ACTION_TAIL = re.compile(r"^[\[\d\-:T .,+Z\]]+")


def notable_line(text: str) -> bool:
    """An info line worth keeping before the others: an operator's action or a failover."""
    head = text[:300]
    low = head.lower()
    return (any(w in low for w in _ACTION_WORDS) and ACTION_RE.search(head) is not None) or (
        any(w in head for w in _TOPOLOGY_WORDS) and TOPOLOGY_RE.search(head) is not None
    )
