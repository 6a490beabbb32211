"""Where the incident starts when its first sign has no words of failure: a log's records of a
shape never seen before (a router's session state changes, a controller's reconciling) that
begin shortly before the first failure and are still going on when it begins.

A record with no level and no error words is no symptom by itself (pm_tui.timeline.templates
reads only errors and warnings). But a series of such records the baseline never shows, which
departs from it minutes before the customers' errors and is still going on when they begin, is
the first sustained departure in the incident's own evidence: the start of the window, at a
confidence below high (only its timing relates it). Only what leads the first failure found
is used, so a new record shape elsewhere in the read window changes nothing.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from pm_tui.collectors.evidence import Evidence, is_access_bucket, is_access_sample
from pm_tui.timeline.candidate import excerpt, source_label
from pm_tui.timeline.signals import Periods, Signal, hhmmss
from pm_tui.timeline.templates import Template, TemplateMiner, severity

# Records of one shape at most this far apart are one episode (as detect_logs.GAP_MIN).
GAP = timedelta(minutes=5)
# An episode of fewer records than this is a one-off (a person's commit, a restart).
MIN_RECORDS = 3
# The start moved to such a series is plausible, for the person to judge (as judge.MEDIUM).
CONFIDENCE = 0.6
MINUTE = timedelta(minutes=1)


# A record logged at info that says a peer or a component failed ("memberlist: Suspect
# consul-server-2 has failed, no acks received"): a failure detector's verdict, which a
# cluster logs at info while it checks, minutes before the failure it leads to.
FAILED_AT_INFO_RE = re.compile(
    r"\b(?:has|have|had) failed\b|\bsuspect(?:ed|s)?\b|\bno acks?\b|\bmarked (?:as )?(?:down|dead|failed)|"
    r"\b(?:is|went|marked) (?:down|unreachable|dead)\b",
    re.I,
)


def unlevelled_templates(evidence: list[Evidence]) -> list[Template]:
    """The shapes of the log records that have no level and no words of error or warning, and
    of the records logged at info that say a peer or component failed (FAILED_AT_INFO_RE)."""
    miner = TemplateMiner()
    for item in evidence:
        if (
            item.kind != "log"
            or is_access_bucket(item)
            or is_access_sample(item)
            or severity(item) is not None
        ):
            continue
        level = str(item.attrs.get("level") or "").lower()
        if not level or level in ("info", "notice") and FAILED_AT_INFO_RE.search(item.text):
            miner.add(item, level="record")
    return miner.templates


def leading_series(
    templates: list[Template],
    p: Periods,
    per_source: dict[str, Periods],
    failure: datetime,
    chain: timedelta,
) -> Signal | None:
    """The earliest episode of a record shape absent from its source's baseline that begins
    within `chain` before `failure` and still goes on when it begins (a record at most GAP
    before it); None when there is none. A shape whose records also show outside that one
    episode (before it, or coming back after it) is the background the incident happens in,
    not a departure: it starts no window."""
    best: Signal | None = None
    for t in templates:
        base = per_source.get(t.source, p)
        if any(base.base_start <= m < base.base_end for m in t.minutes):
            continue
        after = sorted(m for m in t.minutes if m >= base.base_end)
        episode = _episode(after, t)
        if episode is None:
            continue
        first, last, n = episode
        if n < sum(t.minutes[m] for m in after):
            continue  # it also shows outside its episode: background, not a departure
        if not (failure - chain <= first < failure) or last < failure - GAP:
            continue
        if best is not None and best.time <= first:
            continue
        label = source_label(t.source)
        quote = excerpt(t.example, 160)
        best = Signal(
            first,
            "symptom",
            f"New records in {label}: “{quote}” (from {hhmmss(first)}, {n} by "
            f"{hhmmss(last)}), a shape the baseline never shows, still going on when the "
            f"first failure began at {hhmmss(failure)}",
            t.source,
            quote,
            CONFIDENCE,
            tags=("new-series",),
            extra={"template": t.text, "count": n, "baseline": 0, "last": last},
        )
    return best


def leads(s: Signal, failure: datetime, chain: timedelta) -> bool:
    """A symptom of a shape the baseline never shows (a new log template: its episode's last
    record is known) that begins within `chain` before `failure` and still goes on when it
    begins: the same departure as `leading_series`, for warnings whatever their words."""
    last = s.extra.get("last")
    return (
        s.extra.get("baseline") == 0
        and last is not None
        and failure - chain <= s.time < failure
        and last >= failure - GAP
    )


def _episode(minutes: list[datetime], t: Template) -> tuple[datetime, datetime, int] | None:
    """The first run of records at most GAP apart with at least MIN_RECORDS records, as its
    first and last record times and its count."""
    start = 0
    for k in range(1, len(minutes) + 1):
        if k < len(minutes) and minutes[k] - minutes[k - 1] <= GAP:
            continue
        run = minutes[start:k]
        n = sum(t.minutes[m] for m in run)
        if n >= MIN_RECORDS:
            return t.firsts[run[0]], t.lasts.get(run[-1], run[-1] + MINUTE), n
        start = k
    return None


# A host, address or device a record names: a word with a digit and a dot, hyphen or colon
# inside (edge-rtr1.mad1, 198.51.100.1, xe-0/1/0 is left out: a port says nothing alone).
_NAMED = re.compile(r"\b(?=[\w.:-]*\d)(?=[\w.:-]*[a-z])?[a-z0-9]+(?:[.:-][a-z0-9]+)+\b", re.I)


def named_hosts(text: str) -> set[str]:
    """The hosts and addresses a new series' record names (its router, its peer): an alert
    labelled with one of them is about what the series shows."""
    out = set()
    for word in _NAMED.findall(text):
        w = word.lower().strip(".:-")
        if len(w) >= 5 and not re.fullmatch(r"[\d:./-]+", w) or re.fullmatch(r"\d+(?:\.\d+){3}", w):
            out.add(w)
    return out


# The page's own series: the metric a page is about, read from the words of its title
# ("MailerQueueOldestMessageAgeHigh: oldest message in the email queue ..." is about
# mailer_queue_oldest_message_age_seconds). Its departure from its baseline is the start of
# the impact the page measures, its return to the baseline (staying there) the end of it.
# Words every series name or alert title has, which say nothing about what is measured.
_GENERIC = frozenset(
    "the and for from with above below over under high low critical warning warn page alert "
    "seconds second total count sum bucket avg average rate rate1m rate5m max min job instance "
    "quantile value ratio percent pct per is in of on at to by its their not than more less "
    "prod production pagerduty incident triggered".split()
)
# A page names its series by at least this many words of the series' name.
PAGE_WORDS = 2


def _stem(word: str) -> str:
    for end in ("ing", "ed", "es", "s", "e"):
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[: -len(end)]
    return word


def words_of(text: str) -> set[str]:
    """The significant words of a title, a record or a series name, stemmed (CamelCase and
    snake_case split: `OldestMessageAge` and `oldest_message_age` give the same words),
    without the words every title or series name has."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", text)
    return {
        _stem(w)
        for w in re.split(r"[^a-z0-9]+", text.lower())
        if len(w) >= 3 and w not in _GENERIC and not w.isdigit()
    }


def _series_words(metric: str) -> tuple[set[str], set[str]]:
    """The words of a series' name and of its label values."""
    name, _, labels = metric.partition("{")
    values = " ".join(v for _, v in re.findall(r"(\w+)=\"?([^,}\"]+)", labels))
    return words_of(name), words_of(values)


def page_series(signals: list[Signal]) -> tuple[Signal | None, list[Signal]]:
    """The first page whose title names metric series departing from their baseline by then
    and still outside it when it pages, and those series' departures (the best named: most
    words of the series' name in the title, then of its labels). No page, or none naming a
    series: (None, [])."""
    departures = [s for s in signals if s.family == "symptom" and s.extra.get("metric")]
    back = _recovered_at(signals)
    for page in sorted(signals, key=lambda s: s.time):
        if not is_page(page):
            continue
        title = page_title_words(page)
        scored = []
        for s in departures:
            if s.time > page.time + MINUTE:
                continue
            ended = back.get((s.source, s.extra["metric"]))
            if ended is not None and ended <= page.time:
                continue  # back within its baseline before the page: not what it pages about
            name, labels = _series_words(str(s.extra["metric"]))
            score = len(name & title)
            if score >= PAGE_WORDS:
                scored.append(((score, len(labels & title)), s))
        if scored:
            top = max(score for score, _ in scored)
            return page, [s for score, s in scored if score == top]
    return None, []


# A series of how long the service takes (a request's or a commit's latency, a wait).
SLOWNESS_RE = re.compile(r"latenc|duration|response_time|wait", re.I)
# How long before the first failure the paged workload may have been slowing down.
SLOW_LEAD = timedelta(hours=1)


def slowed_first(signals: list[Signal], failure: datetime, lead: timedelta) -> Signal | None:
    """The earliest departure of a latency series of the workload the incident's page names
    (a label value of the series in the page's title: `service=tms-api` for "TmsScanErrorRatio:
    tms-api scan submits timing out"), at most SLOW_LEAD and more than `lead` before `failure`,
    the first failure found, and still outside its baseline when it begins: the service was
    slowing down (its COMMITs waiting on a saturated replication link) before its requests
    began to fail. The page is the first from `lead` before the failure; None when there is
    none or no such series."""
    page = first_page(signals, failure - lead)
    if page is None:
        return None
    title = page_title_words(page)
    back = _recovered_at(signals)
    slow = []
    for s in signals:
        metric = str(s.extra.get("metric") or "")
        if s.family != "symptom" or not SLOWNESS_RE.search(metric.partition("{")[0]):
            continue
        if not failure - SLOW_LEAD <= s.time < failure - lead:
            continue
        ended = back.get((s.source, metric))
        if ended is not None and ended <= failure:
            continue  # back before the failure: not the same episode
        labels = re.findall(r"(?:service|job|app|application|workload|container)=([^,}]+)", metric)
        if any(names_workload(v.strip('"'), title) for v in labels):
            slow.append(s)
    return min(slow, key=lambda s: s.time, default=None)


def _recovered_at(signals: list[Signal]) -> dict[tuple[str, object], datetime]:
    """When each metric series came back within its baseline, by (source, metric)."""
    return {
        (s.source, s.extra["metric"]): s.time
        for s in signals
        if s.family == "recovery" and s.extra.get("metric")
    }


def is_page(s: Signal) -> bool:
    """Whether a signal is a page being triggered (not its acknowledgement or resolution)."""
    return s.family == "paged" and s.text.startswith("Page triggered")


def first_page(signals: list[Signal], since: datetime) -> Signal | None:
    """The first page triggered at or after `since`; None when there is none."""
    return min(
        (s for s in signals if is_page(s) and s.time >= since), key=lambda s: s.time, default=None
    )


def page_title_words(page: Signal) -> set[str]:
    """The significant words of a page's title (what it pages about)."""
    return words_of(page.text.partition("(")[2] or page.text)


def names_workload(workload: str, title: set[str]) -> bool:
    """Whether a page's title names a workload (`wallet-api` in "wallet-api 5xx 38%"): every
    significant word of its name is in the title, and it has at least one."""
    words = words_of(workload.split(".", 1)[0])  # `worker-prod.ndjson`: its name, not its format
    return bool(words) and words <= title


def named_precursor(
    templates: list[Template],
    p: Periods,
    per_source: dict[str, Periods],
    failure: datetime,
    failing: dict[str, set[str]],
    alerts: list[Signal],
    chain: timedelta,
) -> Signal | None:
    """A warning or an error of a shape its source's baseline never shows, however few its
    records (one GPU error in a kernel log), beginning within `chain` before `failure`, in
    another source than the failure's, and related to it: its record names the failing
    workload (`failing` maps the failure's sources to their workload names: `triton` in
    "name=tritonserver"). The alerts firing on it before the failure (at least PAGE_WORDS
    words of the alert's name in the record: GpuXidErrors on "NVRM: Xid ... GPU") are tagged
    `alerted:NAME`: the first alert about the incident. The earliest such; None when there is
    none."""
    best: Signal | None = None
    names = {n for ns in failing.values() for n in ns}
    for t in templates:
        if t.source in failing:
            continue
        base = per_source.get(t.source, p)
        if any(base.base_start <= m < base.base_end for m in t.minutes):
            continue
        minutes = sorted(m for m in t.minutes if m >= base.base_end)
        if not minutes:
            continue
        first = t.firsts[minutes[0]]
        if not failure - chain <= first < failure or (best is not None and best.time <= first):
            continue
        text = t.example.lower()
        words = words_of(t.example)
        named = [w for w in sorted(names) if len(w) >= 4 and w in text]
        alerted = [
            a
            for a in alerts
            if first <= a.time <= failure
            and len(words_of(_alert_name(a.text)) & words) >= PAGE_WORDS
        ]
        if not named:
            continue  # an alert on it alone does not relate it (a backup job failing, alerted)
        why = f"it names {named[0]}, which fails at {hhmmss(failure)}"
        quote = excerpt(t.example, 160)
        # the alerts that fired on it: the first alert about the incident (milestones)
        on_it = tuple(dict.fromkeys(f"alerted:{_alert_name(a.text)}" for a in alerted))
        best = Signal(
            first,
            "symptom",
            f"New {'errors' if t.level == 'error' else 'warnings'} in {source_label(t.source)}: "
            f"“{quote}” (from {hhmmss(first)}, {t.total} in all), a shape the baseline never "
            f"shows, before the failure: {why}",
            t.source,
            quote,
            CONFIDENCE,
            tags=(("error",) if t.level == "error" else ()) + on_it,
            extra={"template": t.text, "count": t.total, "baseline": 0},
        )
    return best


def _alert_name(text: str) -> str:
    m = re.match(r"Alert (\S+)", text)
    return m.group(1) if m else ""


def series_label_words(metric: str) -> set[str]:
    """The significant words of a series' label values (`service=webhook-worker`)."""
    return _series_words(metric)[1]


# Where a series' departure begins. The band a series must cross to count as departed
# (pm_tui.timeline.detect_metrics: median ± K robust deviations, at least half the median) is
# wide so that noise never crosses it; a series climbing slowly (a share of 404s growing as
# documents expire, call failures growing with the traffic) crosses it minutes after it left
# its usual range. The departure begins at the first sample of the unbroken run outside the
# usual range (ONSET_SIGMAS robust deviations from the median, and at least ONSET_SHARE of the
# way to the band's edge) that leads to the crossing; a step crosses at once and keeps its time.
ONSET_SIGMAS = 3.0
ONSET_SHARE = 0.25


def series_onset(
    scan: list[tuple[datetime, float]],
    crossing: int,
    med: float,
    mad: float,
    edge: float,
    extreme: float | None = None,
) -> int:
    """The index in `scan` (the samples after the baseline, in time order) of the first sample
    of the unbroken run outside the series' usual range that leads to the sample `crossing`,
    the first of those outside the band whose edge is `edge`; `crossing` itself when the
    sample before it was within the usual range."""
    up = edge > med
    usual = _usual(med, mad, edge)
    i = crossing
    while i > 0 and ((scan[i - 1][1] - med) if up else (med - scan[i - 1][1])) > usual:
        i -= 1
    if i == crossing or extreme is None:
        return i  # a step: it left its range at once
    # a climb: it began at the first sample of the run past anything the baseline shows (its
    # `extreme`, the highest or lowest baseline sample), still inside three deviations, each
    # sample further out than the one before (a queue's wait growing sample by sample from
    # its usual peak, which swings widely; not a noisy series drifting)
    while i > 0 and (
        extreme < scan[i - 1][1] < scan[i][1] if up else extreme > scan[i - 1][1] > scan[i][1]
    ):
        i -= 1
    return i


def series_return(
    scan: list[tuple[datetime, float]], back: int, med: float, mad: float, edge: float
) -> int:
    """The index in `scan` of the sample where a series coming down slowly is back in its usual
    range (as `series_onset` reads it), from `back`, its first sample inside the band whose
    edge is `edge`, however many samples that takes; `back` itself when that sample is already
    in its usual range, or the series never comes back to it."""
    up = edge > med
    usual = _usual(med, mad, edge)
    i = back
    while i < len(scan) and ((scan[i][1] - med) if up else (med - scan[i][1])) > usual:
        i += 1
    return i if i < len(scan) else back


def _usual(med: float, mad: float, edge: float) -> float:
    """How far from its median a series stays in its usual range."""
    return max(ONSET_SIGMAS * 1.4826 * mad, ONSET_SHARE * abs(edge - med))


# A part of the path or the power under the service going down and staying down (a fibre
# losing light, one member of a link bundle gone, a feed's breaker tripped) may start the
# customers' failure long after: the load the remaining part carries grows until it saturates.
# How long before the customers' failure such a part may have gone down and still start it.
DOWN_LEAD = timedelta(hours=1)
# What a record names: an interface, a device, a circuit or a breaker (a word of letters with
# a digit in it: `Ethernet1/49`, `pdu-b2`, `NL-LON-44871`), not a measurement (`rtt=412ms`).
_PART = re.compile(r"(?<![\w%=/.-])[A-Za-z][\w/.:-]*\d[\w/.:-]*")
# A record saying a part is back (its link up, its session established, power restored).
_BACK_UP_RE = re.compile(
    r"\bis up\b|\bchanged state to up\b|\blink up\b|-> ?(?:up|established|full)\b|"
    r"\brestored\b|\brecovered\b|\bcleared\b|\bback (?:up|online|on line)\b",
    re.I,
)


def parts_named(text: str) -> set[str]:
    """The interfaces, devices and circuits a record names (lower case, at least 4 long)."""
    out = set()
    for word in _PART.findall(text):
        w = word.rstrip(".:,-/").lower()
        if len(w) >= 4 and not re.fullmatch(r"\d[\d:./-]*|[a-z]{1,3}\d+", w):
            out.add(w)
    return out


# An interface as a device logs it, its kind spelled out, then its slot and port
# (`Ethernet1/49`, `TenGigabitEthernet0/0/1`): people write the kind short (`Eth1/49`,
# `Et1/49`, `Te0/0/1`).
_INTERFACE = re.compile(r"([a-z]{4,})(\d+(?:/\d+)+)")


def _spellings(part: str) -> set[str]:
    """A part as a responder may write it: itself, and an interface with its kind cut short to
    its first two or three letters (`ethernet1/49` -> `eth1/49`, `et1/49`)."""
    m = _INTERFACE.fullmatch(part)
    if m is None:
        return {part}
    kind, port = m.groups()
    return {part, kind[:2] + port, kind[:3] + port}


def standing_outage(
    outages: list[Signal],
    causes: list[Signal],
    evidence: list[Evidence],
    failure: datetime,
    chain: timedelta,
) -> Signal | None:
    """A part down (`outages`: records of the path or the power failing, a shape the baseline
    never shows) more than `chain` and at most DOWN_LEAD before `failure`, not back up by then
    (no later record of its source names it back up before the failure), that a responder's
    stated cause (`causes`: diagnoses said in chat) names by one of the parts its record names
    (`Ethernet1/49` in "Ethernet1/49 (Northline) lost light"): the link lost an hour before
    the customers' timeouts began is where their failure started, once the remaining link
    saturated. The earliest such; None when there is none."""
    said = " ".join(f"{c.text} {c.excerpt}" for c in causes).lower()
    if not said:
        return None
    best: Signal | None = None
    for s in outages:
        if not failure - DOWN_LEAD <= s.time < failure - chain:
            continue
        if best is not None and best.time <= s.time:
            continue
        named = {
            p
            for p in parts_named(s.excerpt)
            if any(re.search(rf"(?<![\w/]){re.escape(w)}(?![\w/])", said) for w in _spellings(p))
        }
        if not named:
            continue
        back = any(
            item.kind == "log"
            and item.source == s.source
            and s.time < item.time < failure
            and _BACK_UP_RE.search(item.text)
            and named & parts_named(item.text)
            for item in evidence
        )
        if not back:
            best = s
    return best
