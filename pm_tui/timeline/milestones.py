"""The incident window's milestones proposed from the candidates, each citing the rows behind it.

    started       the first observable failure: the first-symptom candidate (infrastructure
                  precursors such as a failing disk or a replica dropping out included); the
                  detecting alert's time when it fires before that (observable by then);
                  the departure of the series a page measures when it comes first (a slow
                  degradation: pm_tui.timeline.onset.page_series, read in reconstruct)
    detected      the first alert firing or page about this incident (the alert on the
                  first failure's record when the start names one; else a related one: alerts
                  judged unrelated or recurring stay below HIGH_CONFIDENCE and are not used,
                  nor an alert firing again over SPAN_END after the impact ended, nor
                  one suppressed by a silence: it notified no one); a related warning
                  firing since the start and still firing when that detection came is
                  the detection (_firing_at_detection: a warning before the page)
    acknowledged  the acknowledgement recorded on this incident's own page, else the first
                  acknowledgement after detection
    mitigated     customer-visible impact ended: the main recovery (errors or latency back to
                  normal; the page's own series back when it started the window; the
                  failing logs of the workload the page names stopping, not a dependency or
                  a node coming back later: pm_tui.timeline.reconstruct), else the first
                  mitigation; when that failure came back and stopped again, and an alert
                  that detected or paged this incident fired again in between, when it
                  stopped again (a lull is not the end); when that recovery is the
                  monitoring's own failure mended (an alerting pipeline, a metrics store),
                  the customers' failure stopping before it (_customers_back); when
                  responders went on fixing after that recovery while the incident was open
                  and a recovery followed their fix within 10 minutes, that recovery
                  (_fixed_after: the impact went on until the fix)
    resolved      the incident declared resolved: its own page resolved (the page of the
                  acknowledgement or detection), else said so, after the impact ended

The rough window a person typed only bounds what is read: it is never proposed as a milestone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pm_tui.collectors.common import iso, parse_time
from pm_tui.timeline.candidate import Candidate
from pm_tui.timeline.onset import PAGE_WORDS, words_of
from pm_tui.timeline.reconstruct import INFRASTRUCTURE_METRIC_RE

# Below this, a candidate is not trusted to place a milestone.
RELATED = 0.55
HIGH = 0.75  # pm_tui.timeline.accept.HIGH_CONFIDENCE
# A milestone read from the incident page's own record (its acknowledgement, its resolve) is
# direct evidence, whatever the row's confidence as a timeline candidate (a resolve merged with
# the responder's chat message is a medium row, but the page record says when).
DIRECT = 0.9
# How far before the first symptom an alert may fire and still detect it (clocks, scrape lag).
EARLY_ALERT = timedelta(minutes=2)
# An alert whose last resolve comes this soon after the impact ended watched what failed
# (alert rules resolve after their own `for` and evaluation delays).
SPAN_END = timedelta(minutes=10)
# How sure a detection by an alert spanning the impact is: its timing, not its words, relates it.
SPANNING = 0.7


@dataclass
class ProposedMilestone:
    """A milestone the evidence suggests: its time, how sure, and the candidates behind it."""

    name: str
    time: datetime
    confidence: float
    why: str
    candidates: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """JSON-ready form (docs/json-output.md)."""
        return {
            "name": self.name,
            "time": iso(self.time),
            "confidence": round(self.confidence, 2),
            "why": self.why,
            "candidates": list(self.candidates),
            "sources": list(self.sources),
        }


def propose_milestones(candidates: Iterable[Candidate]) -> list[ProposedMilestone]:
    """The milestones the candidates support, in incident order (a missing one is left out)."""
    every = sorted(candidates, key=lambda c: c.time)
    # an alert suppressed by a silence or an inhibition notified no one: it detected nothing
    rows = [c for c in every if not _suppressed(c)]
    out: list[ProposedMilestone] = []

    def first(
        kinds: tuple[str, ...],
        after: datetime | None = None,
        floor: float = RELATED,
        background: frozenset[str] = frozenset(),
    ):
        return next(
            (
                c
                for c in rows
                if c.kind in kinds
                and c.confidence >= floor
                and (after is None or c.time >= after)
                and not (c.kind == "alert_fired" and _alert_name(c) in background)
            ),
            None,
        )

    started = first(("first_symptom",), floor=0.0)
    if started is not None:
        out.append(_from("started", started, "the first observable failure"))
    after = started.time - EARLY_ALERT if started is not None else None
    recovered = _main_recovery(rows, started.time if started is not None else None)
    # the customers' failure stopping before the monitoring's own is mended ends the impact
    mended = recovered
    if (watched := _customers_back(rows, started, recovered)) is not None:
        recovered = watched
    # the high-confidence alerts and pages are the related ones (pm_tui.timeline.judge), but
    # not an alert that fires again well after the impact ended (background)
    later = _firing_after(rows, recovered)
    detected = first(("alert_fired", "paged"), after, HIGH, later) or first(
        ("alert_fired", "paged"), after, RELATED, later
    )
    spanning = _spanning_alert(rows, after, detected, recovered)
    on_start = _alert_on_start(rows, started)
    if on_start is not None and (detected is None or on_start.time < detected.time):
        out.append(
            _from(
                "detected",
                on_start,
                "the first alert on the first failure (its name's words are in the failure's record)",
                floor=SPANNING,
            )
        )
        detected = on_start
    elif (early := _alert_on_failure(rows, started, detected)) is not None:
        detected, why = early
        out.append(_from("detected", detected, why, floor=SPANNING))
    elif spanning is not None:
        detected, (fired, last) = spanning[0], spanning[1:]
        out.append(
            _from(
                "detected",
                detected,
                f"the first alert whose firing spans the impact (fired {fired:%H:%M:%S}, "
                f"last resolved {last:%H:%M:%S}, as the impact ended)",
                floor=SPANNING,
            )
        )
    elif (held := _firing_at_detection(rows, after, detected)) is not None:
        found, detected = detected, held
        out.append(
            _from(
                "detected",
                held,
                "the first alert firing since the first failure and still firing when "
                f"{_alert_name(found) or 'the page'} came (a warning before the page)",
                floor=SPANNING,
            )
        )
    elif detected is not None:
        out.append(_from("detected", detected, "the first related alert or page"))
    since_page = detected.time if detected is not None else after
    # this incident's page: the detection's, else the first related page after it
    paged = first(("paged",), since_page, HIGH)
    ours = _pages(detected) or _pages(paged)
    own_ack = next(
        (
            c
            for c in rows
            if c.kind == "acknowledged"
            and _pages(c) & ours
            and (since_page is None or c.time >= since_page)
        ),
        None,
    )
    acked = (
        own_ack
        or first(("acknowledged",), since_page, HIGH)
        or first(("acknowledged",), since_page)
    )
    if own_ack is not None:
        out.append(_from("acknowledged", own_ack, "the page's own acknowledgement", floor=DIRECT))
    elif acked is not None:
        out.append(_from("acknowledged", acked, "the first acknowledgement of the page"))
    since = started.time if started is not None else None
    again = _failed_again(rows, recovered, [detected, paged])
    if again is not None and recovered is not None:
        back, refired = again
        ended = _from("mitigated", recovered, "")
        ended.time = back
        ended.confidence = min(ended.confidence, 0.7)
        ended.why = (
            f"customer-visible impact ended when the failure stopped again ({back:%H:%M:%S}): "
            f"{_alert_name(refired)} fired again at {refired.time:%H:%M:%S} after "
            f"{recovered.text[:160]}"
        )
        out.append(ended)
    elif watched is not None and mended is not None:
        out.append(
            _from(
                "mitigated",
                watched,
                "customer-visible impact ended (the monitoring's own failure, mended at "
                f"{mended.time:%H:%M:%S}, is not what customers got)",
            )
        )
    elif recovered is not None and (fixed := _fixed_after(rows, recovered)) is not None:
        fix, back = fixed
        ended = _from("mitigated", back, "", cap=0.7)
        ended.why = (
            f"customer-visible impact ended when the fix a responder carried out after "
            f"{recovered.time:%H:%M:%S} took effect (the impact went on until it: "
            f"{fix.text[:100]}): {back.text[:120]}"
        )
        ended.candidates = [fix.id, back.id]
        ended.sources = list(dict.fromkeys([*fix.sources, *back.sources]))
        out.append(ended)
    elif recovered is not None:
        out.append(_from("mitigated", recovered, "customer-visible impact ended"))
    else:
        fix = first(("mitigation",), since)
        if fix is not None:
            out.append(_from("mitigated", fix, "the first mitigation (no recovery seen)", 0.6))
    mitigated = next((m for m in out if m.name == "mitigated"), None)
    resolved = _resolved(rows, detected, acked, mitigated, since)
    if resolved is not None and _pages(resolved) & (_pages(acked) or ours):
        out.append(_from("resolved", resolved, "the page's own resolve", floor=DIRECT))
    elif resolved is not None:
        out.append(_from("resolved", resolved, "the incident declared resolved"))
    return _in_order(out)


def _in_order(out: list[ProposedMilestone]) -> list[ProposedMilestone]:
    """The proposal as a window the post-mortem accepts (docs/toml-format.md: nothing before
    `started`, nothing after `resolved`). An alert about this incident firing before the
    first symptom found shows the failure observable by then: the start moves to it, citing
    both. A resolve before another milestone is left out rather than refusing the window."""
    named = {m.name: m for m in out}
    started, detected = named.get("started"), named.get("detected")
    if started is not None and detected is not None and detected.time < started.time:
        started.time = detected.time
        started.confidence = min(started.confidence, detected.confidence, 0.6)
        started.why = f"the first related alert, before the first failure seen: {detected.why}"
        started.candidates = [*detected.candidates, *started.candidates]
        started.sources = list(dict.fromkeys([*detected.sources, *started.sources]))
    if started is not None:
        out = [m for m in out if m.time >= started.time]
    resolved = named.get("resolved")
    if resolved is not None and any(m.time > resolved.time for m in out):
        out = [m for m in out if m is not resolved]
    return out


def _spanning_alert(
    rows: list[Candidate],
    after: datetime | None,
    detected: Candidate | None,
    recovered: Candidate | None,
) -> tuple[Candidate, datetime, datetime] | None:
    """An alert firing before the detection found, after the first failure, whose firing spans
    the impact: it is last resolved as the impact ends (within SPAN_END after the recovery), so
    it watched what failed, whatever its labels say (a warning on the failing workload before
    the customers' page). Background alerts (recurring) and alerts that notify nobody
    (severity info) never count. The firing row, its time
    and its last resolve."""
    if after is None or detected is None or recovered is None:
        return None
    end = recovered.time
    for c, resolves in _early_firings(rows, after, detected):
        if resolves and end <= max(resolves) <= end + SPAN_END:
            return c, c.time, max(resolves)
    return None


def _early_firings(
    rows: list[Candidate], after: datetime, detected: Candidate
) -> Iterator[tuple[Candidate, list[datetime]]]:
    """The named alerts fired from `after` on and before `detected`, but background alerts
    (recurring) and alerts that notify nobody (informational), each with the times its name
    resolved after it, in the rows' order."""
    for c in rows:
        if c.time >= detected.time:
            return
        if (
            c.kind != "alert_fired"
            or c.time < after
            or {"recurring", "informational"} & set(c.tags)
        ):
            continue
        name = _alert_name(c)
        if not name:
            continue
        yield (
            c,
            [
                r.time
                for r in rows
                if r.kind == "alert_resolved" and r.time > c.time and _alert_name(r) == name
            ],
        )


def _firing_at_detection(
    rows: list[Candidate], after: datetime | None, detected: Candidate | None
) -> Candidate | None:
    """An alert firing from the first failure on (EARLY_ALERT before it), before the detection
    found (the first high-confidence alert or page), that was still firing when that came: a
    warning about this incident that notified its watchers first (dismissed, or not paging),
    before the page (its resolve seen after the detection). Only a related one (RELATED
    confidence or more); background alerts (recurring), alerts that notify nobody
    (informational) and alerts that fired and resolved before the detection (an episode of
    their own) never count. The first such firing."""
    if after is None or detected is None:
        return None
    for c, resolves in _early_firings(rows, after, detected):
        if c.confidence >= RELATED and resolves and resolves[0] > detected.time:
            return c
    return None


def _alert_on_start(rows: list[Candidate], started: Candidate | None) -> Candidate | None:
    """The first firing, from the start on, of an alert the first symptom was found related to
    by (an `alerted:NAME` tag: the alert's name words are in the failure's record)."""
    if started is None:
        return None
    names = {t.split(":", 1)[1] for t in started.tags if t.startswith("alerted:")}
    if not names:
        return None
    return next(
        (
            c
            for c in rows
            if c.kind == "alert_fired" and c.time >= started.time and _alert_name(c) in names
        ),
        None,
    )


# Words of an alert's name that say how bad, not what: "CIQueueWaitHigh" and
# "CIQueueWaitCritical" are one alert at two severities.
_SEVERITY_END = re.compile(r"(?:High|Critical|Crit|Warning|Warn|Page|Major|Minor|Info|Sev\d|P\d)$")
# Words any failure's records and any alert's name share, which relate nothing.
_FAILURE_WORDS = frozenset("fail error erro down slow latency timeout".split())


def _alert_on_failure(
    rows: list[Candidate], started: Candidate | None, detected: Candidate | None
) -> tuple[Candidate, str] | None:
    """An alert firing from EARLY_ALERT before the first failure and before the detection found
    (the first high-confidence alert or page) that is about this failure: its name says what the
    first failures' records or series are (at least PAGE_WORDS of its words: StsEndpointProbe
    on `probe_success{instance=https://sts...}`), or it is the detecting alert itself at another
    severity (CIQueueWaitHigh before the page of CIQueueWaitCritical). A warning that fired
    first detected the incident; the page came when it got worse. Background alerts
    (recurring) and alerts that notify nobody (informational) never count. The alert and why."""
    if started is None or detected is None:
        return None
    failure = {
        w
        for c in rows
        if c.kind == "first_symptom"
        for link in c.evidence
        for w in words_of(link.excerpt)
    } - _FAILURE_WORDS
    if detected.kind == "alert_fired":
        families = {_family(_alert_name(detected))}
    else:
        families = {_family(w) for w in re.findall(r"\b[A-Z][A-Za-z0-9]{5,}\b", detected.text)}
    families.discard("")
    for c in rows:
        if c.time >= detected.time:
            return None
        if (
            c.kind != "alert_fired"
            or c.time < started.time - EARLY_ALERT
            or {"recurring", "informational"} & set(c.tags)
        ):
            continue
        name = _alert_name(c)
        shared = sorted(words_of(_split_acronyms(name)) & failure)
        if len(shared) >= PAGE_WORDS:
            return c, (
                f"the first alert on the first failure (its name's words {', '.join(shared)} "
                "are in the failure's records)"
            )
        if _family(name) in families:
            return c, "the first alert firing on it, before the same alert at a higher severity"
    return None


def _suppressed(c: Candidate) -> bool:
    """An alert firing that every record behind it says was suppressed (Alertmanager's API
    state `suppressed`: silenced or inhibited when it fired, pm_tui.collectors.alertmanager):
    it notified no one, so it detected nothing; the person still sees the row."""
    return (
        c.kind == "alert_fired"
        and bool(c.evidence)
        and all("(suppressed)" in link.excerpt for link in c.evidence)
    )


def _split_acronyms(name: str) -> str:
    """`STSEndpointProbe` -> `STS Endpoint Probe` (the camel case split keeps acronyms apart)."""
    return re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", name)


def _family(name: str) -> str:
    """An alert's name without its severity word (CIQueueWaitHigh -> CIQueueWait); "" when
    too little is left to name anything."""
    stem = _SEVERITY_END.sub("", name)
    return stem if stem != name and len(stem) >= 6 else ""


def _alert_name(c: Candidate) -> str:
    """The alert a firing or resolve row is about (`Alert NAME fires: ...`)."""
    m = re.match(r"Alert (\S+)", c.text)
    return m.group(1) if m else ""


def _pages(c: Candidate | None) -> set[str]:
    """The page records a candidate stands for (`page:ID` tags: a PagerDuty incident)."""
    return {t for t in c.tags if t.startswith("page:")} if c is not None else set()


def _resolved(
    rows: list[Candidate],
    detected: Candidate | None,
    acked: Candidate | None,
    mitigated: ProposedMilestone | None,
    since: datetime | None,
) -> Candidate | None:
    """The incident declared resolved: the resolve of this incident's own page (the page the
    acknowledgement, else the detection, belongs to), whatever its confidence; else the first
    resolve, at or after the impact ended, of no other page. Another page's resolve (a team
    paged meanwhile for something else) is never this incident's."""
    after = detected.time if detected is not None else since
    ours = _pages(acked) or _pages(detected)
    later = [c for c in rows if c.kind == "resolved" and (after is None or c.time >= after)]
    if mitigated is not None:
        # declared resolved once the impact ended, never before
        later = [c for c in later if c.time >= mitigated.time]
    if ours:
        own = [c for c in later if _pages(c) & ours]
        if own:
            return own[0]
        later = [c for c in later if not _pages(c)]
    return next((c for c in later if c.confidence >= RELATED), None) or next(iter(later), None)


def _firing_after(rows: list[Candidate], recovered: Candidate | None) -> frozenset[str]:
    """The alerts firing again more than SPAN_END after the impact ended (after the failure's
    last stop seen, a stop after it came back included): what fires on its own after the
    incident (a replica's lag alert every hour) did not detect it."""
    if recovered is None:
        return frozenset()
    end = max([recovered.time, *_stopped_again(recovered)])
    return frozenset(
        _alert_name(c)
        for c in rows
        if c.kind == "alert_fired" and c.time > end + SPAN_END and _alert_name(c)
    )


def _stopped_again(recovered: Candidate) -> list[datetime]:
    """The times the failure that stopped at `recovered` stopped again after coming back (its
    `again:TIME` tags, pm_tui.timeline.detect_logs), in order."""
    return sorted(parse_time(t.split(":", 1)[1]) for t in recovered.tags if t.startswith("again:"))


def _failed_again(
    rows: list[Candidate], recovered: Candidate | None, alerting: list[Candidate | None]
) -> tuple[datetime, Candidate] | None:
    """When the impact had not ended where it seemed to: an alert that detected or paged this
    incident (the detecting alert, the alert a page's title names) fires again after the
    recovery read as the end, and the failure that stopped there came back and stopped again
    after that firing (its `again:TIME` tags, pm_tui.timeline.detect_logs). The time it
    stopped again and the firing; None otherwise."""
    if recovered is None:
        return None
    later = _stopped_again(recovered)
    if not later:
        return None
    names: set[str] = set()
    for c in alerting:
        if c is None:
            continue
        if c.kind == "alert_fired":
            names.add(_alert_name(c))
        else:
            names.update(re.findall(r"\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b", c.text))
    names.discard("")
    refired = next(
        (
            c
            for c in rows
            if c.kind == "alert_fired"
            and recovered.time < c.time < later[-1]
            and _alert_name(c) in names
            and "recurring" not in c.tags
        ),
        None,
    )
    if refired is None:
        return None
    return next(t for t in later if t > refired.time), refired


# How soon after a responder's fix a recovery is that fix taking effect.
FIX_EFFECT = timedelta(minutes=10)
# A fix carried out after the recovery read as the end, while the incident was open
# (pm_tui.timeline.reconstruct: announced then done, or the fix carried to a second place).
AFTER_RECOVERY = "after-recovery"


def _fixed_after(rows: list[Candidate], recovered: Candidate) -> tuple[Candidate, Candidate] | None:
    """When responders went on fixing after the recovery read as the end (a mitigation they
    carried out while the incident was still open: a rollback, a restart of the other service
    still failing) and a recovery follows that fix within FIX_EFFECT, the impact had not ended
    at the first return: the fix's recovery ends it (the errors of one template stopping while
    the duplicates, the other service's 500s, the throttles went on). The first such fix and
    the first recovery after it; None otherwise."""
    for fix in rows:
        if (
            fix.kind != "mitigation"
            or AFTER_RECOVERY not in fix.tags
            or fix.time <= recovered.time
            or fix.confidence < RELATED
        ):
            continue
        back = next(
            (
                c
                for c in rows
                if c.kind == "recovery"
                and fix.time < c.time <= fix.time + FIX_EFFECT
                and c.confidence >= RELATED
                and not _machine_back(c)
            ),
            None,
        )
        if back is not None:
            return fix, back
    return None


# A series read from a machine (node_exporter's job and port) rather than from what it serves.
_MACHINE_LABEL_RE = re.compile(r'\bjob="?node\b|:9100\b')


def _machine_back(c: Candidate) -> bool:
    """A recovery that is a machine's or a resource's series back within its baseline (a
    node's clock offset, its temperature, CPU or memory: node_exporter's series, or a name
    that measures a resource, as reconstruct's INFRASTRUCTURE_METRIC_RE): the infrastructure
    under the service mended, not what customers got."""
    m = re.match(r"(?:\w+\()?([\w:.-]+)\{([^}]*)\}", c.text)
    if m is None:
        return False
    return bool(INFRASTRUCTURE_METRIC_RE.search(m.group(1)) or _MACHINE_LABEL_RE.search(m.group(2)))


def _main_recovery(rows: list[Candidate], since: datetime | None) -> Candidate | None:
    """The recovery that ends the impact: the one the reconstruction read as its end (tagged
    `impact-end`: what failed back to normal, pm_tui.timeline.reconstruct), else the
    best-supported, earliest on ties (a secondary recovery is capped below high, so its
    confidence does not say it ended the impact)."""
    found = [
        c
        for c in rows
        if c.kind == "recovery" and c.confidence >= RELATED and (since is None or c.time > since)
    ]
    if not found:
        return None
    return max(
        found,
        key=lambda c: ("impact-end" in c.tags, round(c.confidence, 1), -c.time.timestamp()),
    )


# Records and series of the monitoring itself (the alerting pipeline, the metrics store and
# what reads it): its failure during an incident is not what customers get.
MONITORING_RE = re.compile(
    r"\balertmanager|\bprometheus|\bnotify for alerts\b|\bnotifications?_failed|"
    r"\bfetch(?:ing)? metrics\b|\bmetrics from\b|\bfailed to send alerts\b",
    re.I,
)


def _about_monitoring(c: Candidate) -> bool:
    """Whether a row is about the monitoring's own failure (its own words, not those of a chat
    message merged into it)."""
    return bool(MONITORING_RE.search(c.text.split("; also ", 1)[0]))


def _customers_back(
    rows: list[Candidate], started: Candidate | None, recovered: Candidate | None
) -> Candidate | None:
    """When the recovery read as the end is the monitoring's own failure stopping (an
    alerting pipeline's notifications failing, an autoscaler's adapter unable to fetch metrics
    from the metrics store), the latest recovery before it, after the start, of a failure
    that is not the monitoring's: customers' errors stopping (a failure's records) or an
    access log's 5xx back to normal. The customers' impact ended then; the monitoring, mended
    later, was not what they got. None when the end is not the monitoring's or no such
    recovery is seen."""
    if started is None or recovered is None or not _about_monitoring(recovered):
        return None
    return max(
        (
            c
            for c in rows
            if c.kind == "recovery"
            and started.time < c.time < recovered.time
            and c.confidence >= 0.65
            and ("error" in c.tags or "5xx" in c.text.split("; also ", 1)[0])
            and not _about_monitoring(c)
        ),
        key=lambda c: c.time,
        default=None,
    )


def _from(
    name: str, c: Candidate, why: str, cap: float = 1.0, floor: float = 0.0
) -> ProposedMilestone:
    return ProposedMilestone(
        name,
        c.time,
        max(min(c.confidence, cap), floor),
        f"{why}: {c.text[:160]}",
        [c.id],
        list(c.sources),
    )


MILESTONES = ("started", "detected", "acknowledged", "mitigated", "resolved")
TYPED = "typed, not from evidence"


def typed_milestones(proposed: list[ProposedMilestone], window: object) -> dict[str, datetime]:
    """The milestones set in `window` (typed by a person, or the rough window typed at `new`)
    that the evidence does not propose: they are no finding of the evidence."""
    named = {m.name for m in proposed}
    return {
        name: value
        for name in MILESTONES
        if name not in named and (value := getattr(window, name, None)) is not None
    }


def milestones_table(proposed: list[ProposedMilestone], window: object = None) -> str:
    """One line per proposed milestone: name, time, confidence and why, then its sources; the
    milestones of `window` the evidence does not propose follow, said to be typed."""
    typed = typed_milestones(proposed, window) if window is not None else {}
    if not proposed and not typed:
        return "No milestones can be proposed from this evidence."
    lines = [f"{'MILESTONE':<13} {'TIME (UTC)':<19}  CONF  WHY"]
    if not proposed:
        lines.append("(no milestone can be proposed from this evidence)")
    for m in proposed:
        lines.append(f"{m.name:<13} {m.time:%Y-%m-%d %H:%M:%S}  {m.confidence:.2f}  {m.why}")
        lines.append(f"{'':<35}from: {', '.join(m.sources)} ({', '.join(m.candidates)})")
    for name, value in typed.items():
        lines.append(f"{name:<13} {value:%Y-%m-%d %H:%M:%S}     -  {TYPED}")
    return "\n".join(lines)
