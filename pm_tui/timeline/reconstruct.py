"""From evidence to candidate timeline rows: run the detectors, then merge the signals that
describe one happening (compatible family, close in time) into one candidate citing them all.

Linear in the evidence: each detector makes one pass, log records are folded into templates
and access logs arrive as 10-second buckets, never one record per request.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pm_tui.collectors.evidence import CollectWindow, Evidence
from pm_tui.timeline.candidate import Candidate, EvidenceLink, candidate_id, source_label
from pm_tui.timeline.detect_bots import bot_signals, one_story_per_sender
from pm_tui.timeline.detect_events import (
    alert_signals,
    change_signals,
    chat_signals,
    document_signals,
    node_signals,
    page_signals,
    recorded_change_signals,
)
from pm_tui.timeline.detect_logs import (
    access_signals,
    action_signals,
    template_signals,
    topology_signals,
)
from pm_tui.timeline.detect_metrics import is_capacity_count, metric_signals
from pm_tui.timeline.judge import CAP_OTHER, RECURRING_BEFORE, REVERT_RE, Context, judge, stems
from pm_tui.timeline.onset import (
    first_page,
    leading_series,
    leads,
    named_hosts,
    named_precursor,
    names_workload,
    page_series,
    page_title_words,
    series_label_words,
    slowed_first,
    standing_outage,
    unlevelled_templates,
)
from pm_tui.timeline.signals import (
    CAPACITY_RE,
    PATH_DOWN_RE,
    POWER_LOST_RE,
    PRECURSOR_RE,
    RESOURCE_ALARM_RE,
    Periods,
    Signal,
    hhmmss,
    periods,
)
from pm_tui.timeline.templates import mine, severity

# How far from a cluster's first signal another signal may be and still join it.
JOIN = {
    "symptom": timedelta(seconds=60),
    "recovery": timedelta(minutes=3),
    "communication": timedelta(minutes=3),
}
DEFAULT_JOIN = timedelta(minutes=2)
MAX_LINKS = 8
MAX_TEXT = 420
MAX_SYMPTOM_CANDIDATES = 8

_KIND = {
    "recovery": "recovery",
    "alert_pending": "other",
    "alert_fired": "alert_fired",
    "alert_resolved": "alert_resolved",
    "paged": "paged",
    "acknowledged": "acknowledged",
    "resolved": "resolved",
    "change": "change",
    "mitigation": "mitigation",
    "diagnosis": "diagnosis",
    "communication": "communication",
}


@dataclass
class _Cluster:
    family: str
    signals: list[Signal] = field(default_factory=list)

    @property
    def anchor(self) -> datetime:
        return self.signals[0].time

    @property
    def key(self) -> str:
        return next((s.key for s in self.signals if s.key), "")

    @property
    def time(self) -> datetime:
        """The earliest machine record; for a recovery the latest (all symptoms gone)."""
        top = max(s.authority for s in self.signals)
        exact = [s for s in self.signals if s.authority == top]
        records = [s.time for s in exact if "record" in s.tags]
        if self.family in ("change", "mitigation") and records:
            # the deploy tool's record says when the change was made (a rollout's first pods
            # may start before the tool records its release)
            return min(records)
        if self.family == "diagnosis" and top == 1:
            # what responders said: dated by the first statement of the cause, not by the
            # observation the same speaker made a minute before it
            causes = [s.time for s in exact if "cause" in s.tags]
            if causes:
                return min(causes)
        if self.family != "recovery":
            # a resource metric rising with the errors (CPU throttled, connections up) is the
            # cause seen in coarse samples, not the failure: the failure's own record dates it
            failing = [s for s in exact if not _resource_metric(s)]
            return departed_at(failing or exact)
        # what failed says when it stopped: a fix's rollout finishing (its last old pod gone)
        # or the serving capacity back to full (every replica ready) dates the recovery only
        # when nothing the customers got was seen coming back
        seen = [s for s in exact if not _capacity_back(s)]
        exact = seen or exact
        times = [s.time for s in exact]
        # back to normal is best judged by traffic and metrics, not by one kind of error ending
        normal = [
            s for s in self.signals if "normal" in s.tags and not (seen and _capacity_back(s))
        ]
        if not normal:
            return max(times)
        return impact_end(normal, [s for s in exact if "normal" not in s.tags])

    @property
    def machine(self) -> bool:
        return any(s.authority > 1 for s in self.signals)


def _capacity_back(s: Signal) -> bool:
    """A fix's rollout finished, or a count of the serving capacity back (replicas ready)."""
    return "rollout-done" in s.tags or is_capacity_count(str(s.extra.get("metric") or ""))


def departed_at(signals: list[Signal]) -> datetime:
    """When the first of `signals` began: a series' departure lies between its last usual
    sample (`usual_until`) and its first unusual one, so it is dated in the middle of that span
    (as impact_end dates a return), unless a record of the same signals falls within the span
    (a failing log's first record says exactly when)."""
    first = min(signals, key=lambda s: s.time)
    usual = first.extra.get("usual_until")
    if usual is None:
        return first.time
    exact = [s.time for s in signals if usual < s.time and s.extra.get("usual_until") is None]
    if exact and min(exact) <= first.time + (first.time - usual):
        return min(exact)
    starts = [
        s.time - timedelta(seconds=int((s.time - u).total_seconds()) // 2)
        for s in signals
        if (u := s.extra.get("usual_until"))
    ]
    return min([*starts, *exact])


# How long after a failing log's last record a rate over a window may still be read outside
# its band and the record still date the end (impact_end): the window of a per-minute rate.
RATE_LAG = timedelta(minutes=1)


def impact_end(normal: list[Signal], stopped: list[Signal]) -> datetime:
    """When what failed was last failing, to the resolution the evidence has: each series back
    to normal is seen at its first sample inside its band (`normal`, the latest of them: all
    back), after its last sample outside (`since`) or a failing log's last record (`stopped`).
    The impact ended between the latest failure seen and the latest return seen: the middle of
    that span, so a coarse scrape interval does not make every recovery late by most of it; at
    a failing log's last record when that comes after every return (still failing then)."""
    back = max(s.time for s in normal)
    # a failing log's last record after every series was back: the impact went on until it
    # (a rollout replacing pods one by one brings a rate back in band before its last failure)
    still = max((s.time for s in stopped), default=None)
    if still is not None and still >= back:
        return still
    # ... and when the series were last read outside their band less than a rate's window
    # after it: a rate over the last minute still counts the last failures for up to a
    # minute after them; the last failing record says exactly when they ended
    outside = max((t for s in normal if (t := s.extra.get("since")) is not None), default=None)
    if still is not None and outside is not None and still <= outside < still + RATE_LAG:
        return still
    failing = [t for s in normal if (t := s.extra.get("since")) is not None]
    failing += [s.time for s in stopped]
    last = max((t for t in failing if t < back), default=None)
    if last is None:
        return back
    return last + timedelta(seconds=int((back - last).total_seconds()) // 2)


def reconstruct(evidence: list[Evidence], window: CollectWindow) -> list[Candidate]:
    """Candidate timeline rows from normalised evidence, in time order, each citing its evidence."""
    p = periods(window)
    data_end = _data_ends(evidence)
    lp = _source_periods(evidence, p, window)
    logs_end = data_end.get("logs", window.end)
    signals: list[Signal] = []
    mined = mine(evidence)
    signals += template_signals(mined, p, logs_end, lp)
    signals += access_signals(evidence, p, logs_end, lp)
    signals += metric_signals(evidence, _log_periods(evidence, p, window, kind="metric"))
    alert_history = alert_signals(evidence)
    signals += alert_history
    signals += page_signals(evidence)
    bot = bot_signals([e for e in evidence if e.kind == "message"])
    signals += bot
    # what fired before the incident, as the notification log or the alert bot's posts show it
    fired_before = alert_history + [s for s in bot if s.family == "alert_fired" and s.key]
    signals += change_signals(evidence, p)
    signals += node_signals(evidence, p)
    signals += topology_signals(evidence, p)
    signals += action_signals(evidence, p)
    signals += chat_signals([e for e in evidence if e.kind == "message"])
    signals += document_signals(evidence)
    signals += recorded_change_signals(evidence, p)
    # one sender's story told again and again (an automation's repeated notification, a
    # vendor's status updates under one title) is one row
    signals = one_story_per_sender(signals, [e for e in evidence if e.kind == "message"])
    # only what happens after the baseline can be part of the incident (changes may be earlier)
    signals = [s for s in signals if s.family == "change" or s.time >= p.base_end]
    signals = [s for s in signals if s.time <= window.end + timedelta(hours=1)]

    symptoms = _merge([s for s in signals if s.family == "symptom"])
    symptoms = _keep_strongest(symptoms)
    recoveries = _merge([s for s in signals if s.family == "recovery"])
    first_cluster = _first_symptom(symptoms)
    by_timing = False  # the first symptom found by its timing alone, not by a word of failure
    if first_cluster is not None:
        # a warning of a shape the baseline never shows leading the first failure, still going
        # on then, whatever its words (pm_tui.timeline.onset.leads)
        # (in another source: a service's own warnings before its own errors are the same
        # failure developing, which starts when it fails)
        own = {s.source for s in first_cluster.signals}
        leading = [
            c
            for c in symptoms
            if c.time < first_cluster.time
            and any(leads(s, first_cluster.time, CHAIN) and s.source not in own for s in c.signals)
        ]
        if leading:
            first_cluster = min(leading, key=lambda c: c.time)
            by_timing = not any(_failure(s) for s in first_cluster.signals)
    if first_cluster is not None:
        # a series of records of a new shape leading the first failure, still going on then
        lead = leading_series(unlevelled_templates(evidence), p, lp, first_cluster.time, CHAIN)
        if lead is not None:
            first_cluster = _Cluster("symptom", [lead])
            symptoms.append(first_cluster)
            by_timing = True
    if first_cluster is not None:
        # a few records of a new failure in another source, naming the failing workload or
        # alerted on before the failure (one GPU error under the model server)
        failing_names = {
            s.source: {_workload_name(source_label(s.source))} for s in first_cluster.signals
        }
        alerts = [s for s in signals if s.family == "alert_fired"]
        named = named_precursor(mined, p, lp, first_cluster.time, failing_names, alerts, CHAIN)
        if named is not None:
            first_cluster = _Cluster("symptom", [named])
            symptoms.append(first_cluster)
            by_timing = True
    customers_first = None
    if first_cluster is not None:
        # a part of the path or the power down long before, still down, named by a responder's
        # stated cause (pm_tui.timeline.onset.standing_outage)
        outages = [s for c in symptoms for s in c.signals if _new_precursor(_Cluster("", [s]))]
        causes = [s for s in signals if s.family == "diagnosis"]
        down = standing_outage(outages, causes, evidence, first_cluster.time, CHAIN)
        if down is not None:
            # ... the customers' failure it led to stays the first symptom of its own part
            customers_first = first_cluster
            first_cluster, by_timing = _symptom_of(down, symptoms), False
    # the series the page measures departing earlier, still outside its baseline when it
    # pages: the impact began then (pm_tui.timeline.onset.page_series)
    # (only then is its return the end of the impact: a page on a dependency's errors, which
    # depart with the customers' failures, comes back when the dependency does, long after
    # the traffic was moved away from it)
    page, paged_series = page_series(signals)
    departed = min(paged_series, key=lambda s: s.time) if paged_series else None
    if (
        page is not None
        and first_cluster is not None
        and departed is not None
        and first_cluster.time < departed.time - CHAIN
        and not _ongoing_at(first_cluster, departed.time, signals)
    ):
        # a start long before the paged series departs, over by then (a background error's
        # burst an hour before): not this impact's; the start is what leads the paged series,
        # in the workload the page is about, still going on when it departs (a worker's
        # "dequeue slow" warnings half an hour before the backlog's age leaves its baseline),
        # else the departure itself
        words = page_title_words(page) | {
            w for s in paged_series for w in series_label_words(str(s.extra["metric"]))
        }
        leading = [
            c
            for c in symptoms
            if c.time < departed.time
            and _ongoing_at(c, departed.time, signals)
            and any(
                names_workload(_workload_name(source_label(s.source)), words) for s in c.signals
            )
        ]
        first_cluster = min(leading, key=lambda c: c.time) if leading else None
        by_timing = first_cluster is not None and not any(
            _failure(s) for s in first_cluster.signals
        )
        if first_cluster is None:
            first_cluster = _symptom_of(departed, symptoms)
        elif first_cluster not in symptoms:
            symptoms.append(first_cluster)
    elif first_cluster is None or departed is None or departed.time >= first_cluster.time:
        paged_series = []
    else:
        first_cluster = _symptom_of(departed, symptoms)
        by_timing = False
    # the paged workload slowing down before it failed (pm_tui.timeline.onset.slowed_first)
    slow = slowed_first(signals, first_cluster.time, CHAIN) if first_cluster else None
    if slow is not None:
        first_cluster = _symptom_of(slow, symptoms)
        by_timing = False
    first = first_cluster.time if first_cluster is not None else None
    pre = None
    if first_cluster is not None:
        pre = Context(first, None, _recurring(fired_before, first), set())
        pre.terms = _terms(first_cluster, symptoms, alert_history, pre)
        done = _fixes_in_place(signals, first, pre)
        if done:
            recoveries = _merge([s for s in signals if s.family == "recovery"] + done)
    # the main recovery: the best-supported one after the start (several sources saying so),
    # earliest on ties
    after = [c for c in recoveries if c.machine and (first is None or c.time > first)]
    # customer-visible impact ends where the first symptom's own sources say so
    # (the same log template, metric series or access log, not just the same file)
    # (and where the customers' failure the chain leads to is: a precursor that started the
    # window an hour before, a heap filling, ends when the node drops out, not the impact)
    anchor = _anchor(symptoms)
    failing = {
        _identity(s)
        for c in (first_cluster, anchor)
        if c is not None
        for s in c.signals
        # a resource under the service (a node's temperature, its CPU) is not what customers
        # get: its return, once the traffic was moved away, does not end their impact
        if (_failure(s) or "normal" not in s.tags) and not _infrastructure_metric(s)
    }
    own = [c for c in after if failing & {_identity(s) for s in c.signals}]
    # ... the first time they do (a later "back to baseline" is the fix being undone)
    # and nothing new fails right after (a failover ends one error and starts the next)
    strong = [s.time for c in symptoms for s in c.signals if _failure(s) and s.confidence >= 0.6]
    settled = [
        c
        for c in own
        if _confidence(c) >= 0.65 and not any(c.time < t <= c.time + RELAPSE for t in strong)
    ]
    main = min(settled, key=lambda c: c.time) if settled else None
    if main is not None and first_cluster is not None:
        # ... all of them: a backlog or a second failing source of the same chain (the lag
        # a consumer built, the errors downstream) ends the impact when it is back to normal too
        # (the customers' chain only, when a precursor started the window long before their
        # failure: a replication slot holding the WAL for two hours is back long after checkout)
        if anchor is None or anchor.time - first_cluster.time <= CHAIN:
            main = _last_to_recover(main, first_cluster, symptoms, after, strong)
        if anchor is not None and anchor is not first_cluster:
            main = _last_to_recover(main, anchor, symptoms, after, strong)
    if main is None:
        # a resource back within its baseline (a node's temperature, hours after the traffic
        # was moved away) is not the customers' recovery while another recovery is seen
        # and a precursor's errors stopping as the customers' failures begin is no recovery
        customers = [c for c in after if not all(_infrastructure_metric(s) for s in c.signals)]
        calm = [c for c in customers if not any(c.time < t <= c.time + RELAPSE for t in strong)]
        main = max(
            calm or customers or after,
            key=lambda c: (round(_confidence(c), 1), -c.time.timestamp()),
            default=None,
        )
    # the impact ends where the failures of the workload the page names stop: what the page
    # was about, not a dependency under it coming back later (a consensus store's errors
    # after the service had failed over)
    if main is not None and first is not None:
        main = _paged_workload_back(signals, first, after, strong) or main
    # the impact ends when every series the page measures is back within its baseline (not
    # a machine's or a resource's: a volume's free space back once the WAL is released, an
    # hour after the customers' errors stopped)
    ends = _page_series_back([s for s in paged_series if not _infrastructure_metric(s)], after)
    if ends is not None:
        main = ends
    last_recovery = main.time if main is not None else None
    # what was changed before the first symptom: changing it again right after is the undo
    changed_before = {
        s.key
        for s in signals
        if s.family == "change"
        and s.key
        and first is not None
        and s.time <= first
        and "job" not in s.tags
        and "automatic" not in s.tags
        and "not-applied" not in s.tags
    }
    messages = _incident_messages(evidence, first, last_recovery)
    # the page resolved (its last resolve after the start): the incident was still open before
    page_resolved = max(
        (
            s.time
            for s in signals
            if s.family == "resolved" and "chat" not in s.tags and first and s.time > first
        ),
        default=None,
    )
    announced, said = _announced(messages)
    open_until: list[list[tuple[datetime, str, str]]] = []

    def still_open() -> list[tuple[datetime, str, str]]:
        """What responders said they were doing until the page was resolved (read once)."""
        if not open_until:
            until = page_resolved or (last_recovery + STILL_OPEN if last_recovery else None)
            open_until.append(_announced(_incident_messages(evidence, first, until))[0])
        return open_until[0]

    for s in signals:
        if "failover" in s.tags and "automatic" in s.tags and _failover_announced(s, announced):
            # a responder said minutes before they were failing over: theirs, not automatic
            s.text = s.text.replace("Failover in ", "Planned failover in ", 1)
            s.tags = ("failover", "admin")
        if "automatic" in s.tags:
            continue  # the system changed itself: never a responder's mitigation
        if s.family == "change" and "document" in s.tags:
            continue  # a partner's mail announcing its change: theirs, whenever it was sent
        if s.family == "change" and first is not None and s.time > first:
            if last_recovery is None or s.time <= last_recovery + timedelta(minutes=2):
                s.family = "mitigation"
            elif (
                ROLLBACK_RE.search(s.text)
                or s.key in changed_before
                or _repeats_fix(s, signals, first, last_recovery)
            ) and (s.time <= last_recovery + FOLLOW_UP):
                # undoing the trigger after the impact ended, or the fix carried to a second
                # place (the revert synced to the other region's router, the other service
                # restarted the same way): a mitigation, not what ended it
                s.family, s.tags = "mitigation", (*s.tags, "after-recovery")
            elif s.time <= (page_resolved or last_recovery + STILL_OPEN) and _announced_then_done(
                s, still_open()
            ):
                # what a responder said they were doing, carried out minutes later while the
                # page was still open ("restarting checkout-api", then its rollout): their fix,
                # whatever the recovery read before it (a config's metric back is not the
                # customers' end)
                s.family, s.tags = "mitigation", (*s.tags, "after-recovery")
        elif (
            s.family == "mitigation"
            and "chat" not in s.tags
            and (
                first is None
                or s.time <= first
                or (last_recovery is not None and s.time > last_recovery + timedelta(minutes=2))
            )
        ):
            s.family = "change"
        elif (
            s.family == "mitigation"
            and last_recovery is not None
            and s.time > last_recovery + FOLLOW_UP
            and not ("chat" in s.tags and page_resolved is not None and s.time <= page_resolved)
        ):
            # said long after the impact ended: a follow-up, not the fix (a responder's own
            # word of what they do while the page is still open, "replaying the 1184 failed
            # orders", "set compatibility NONE, restarting task 0", still fixes this incident:
            # the rest of the repair once customers were no longer hurt)
            s.family = "change"
    # a measured fact said in chat is a diagnosis when it is about what the incident touched,
    # said after it began ("search-api p99 is 4s", "os-data-3 at 15.3 of 15.5gb")
    signals = [s for s in signals if "measured" not in s.tags or _about_incident(s, first, pre)]
    rest = _merge([s for s in signals if s.family not in ("symptom", "recovery")])
    spread = _spread(first_cluster, symptoms) | (
        {id(customers_first)} if customers_first else set()
    )
    candidates = []
    for cluster in [*symptoms, *recoveries, *rest]:
        if cluster.family == "symptom":
            kind = "first_symptom" if cluster is first_cluster or id(cluster) in spread else "other"
        elif cluster.family == "recovery" and main is not None and cluster is not main:
            kind = "recovery"
        else:
            kind = _KIND[cluster.family]
        candidate = _candidate(cluster, kind)
        if cluster is ends:
            # what the page measured back within its baseline: the impact's end, said directly
            candidate.confidence = max(candidate.confidence, PAGED_BACK)
            candidate.tags.append("paged-series")
        if cluster is main and cluster.family == "recovery":
            candidate.tags.append(IMPACT_END)  # the recovery read as the end of the impact
        if (
            cluster.family == "recovery"
            and cluster is not main
            or id(cluster) in spread
            or cluster is first_cluster
            and by_timing
        ):
            # a first symptom found by its timing alone (no word of failure) is for the person
            # to judge, as are extra symptoms and secondary recoveries
            candidate.confidence = min(candidate.confidence, CAP_OTHER)
        candidates.append(candidate)
    ctx = Context(first, last_recovery, _recurring(fired_before, first), set())
    ctx.terms = _terms(first_cluster, symptoms, alert_history, ctx)
    ctx.vocabulary = _vocabulary(first_cluster, symptoms)
    ctx.builds_up = _builds_up(first_cluster, symptoms)
    ctx.announced, ctx.said = announced, said
    ctx.elsewhere = _announced_elsewhere(evidence, first, last_recovery)
    ctx.responders = _responders(messages)
    judge(candidates, ctx, _labels(alert_history))
    candidates = _one_episode_of_background(candidates, ctx)
    candidates.sort(key=lambda c: (c.time, c.kind))
    return candidates


def _symptom_of(signal: Signal, symptoms: list[_Cluster]) -> _Cluster:
    """The symptom cluster holding `signal`, or a new one of it added to `symptoms`."""
    cluster = next((c for c in symptoms if signal in c.signals), None)
    if cluster is None:
        cluster = _Cluster("symptom", [signal])
        symptoms.append(cluster)
    return cluster


def _paged_workload_back(
    signals: list[Signal], first: datetime, after: list[_Cluster], strong: list[datetime]
) -> _Cluster | None:
    """The recovery where the last failing log of the workload this incident's page names
    (the first page from EARLY_ALERT before the start: `wallet-api` in "WalletApiErrorRate:
    wallet-api 5xx") stops for good, each the first time it does with nothing failing again
    within RELAPSE; None when the page names no failing log or one never stops."""
    page = first_page(signals, first - EARLY_ALERT)
    if page is None:
        return None
    title = page_title_words(page)
    failing = {
        _identity(s)
        for s in signals
        if s.family == "symptom"
        and s.extra.get("template")
        and _failure(s)
        and first - CHAIN <= s.time <= page.time
        and names_workload(_workload_name(source_label(s.source)), title)
    }
    ends = []
    for ident in failing:
        back = [
            c
            for c in after
            if ident in {_identity(s) for s in c.signals}
            and not any(c.time < t <= c.time + RELAPSE for t in strong)
        ]
        if not back:
            return None
        ends.append(min(back, key=lambda c: c.time))
    return max(ends, key=lambda c: c.time) if ends else None


def _ongoing_at(c: _Cluster, when: datetime, signals: list[Signal]) -> bool:
    """Whether a symptom still went on at `when`: a series not back within its baseline by
    then, or a log episode whose last record is at most ONGOING before it."""
    back = {
        (s.source, s.extra["metric"]): s.time
        for s in signals
        if s.family == "recovery" and s.extra.get("metric")
    }
    for s in c.signals:
        if s.extra.get("metric"):
            ended = back.get((s.source, s.extra["metric"]))
            if ended is None or ended > when:
                return True
        elif s.extra.get("last") is not None and s.extra["last"] >= when - ONGOING:
            return True
    return False


def _page_series_back(series: list[Signal], after: list[_Cluster]) -> _Cluster | None:
    """The recovery where the last of the page's own series is back within its baseline;
    None when one of them is not back (or there are none)."""
    ends = []
    for s in series:
        key = (s.source, s.extra.get("metric"))
        back = [
            c for c in after if any((r.source, r.extra.get("metric")) == key for r in c.signals)
        ]
        if not back:
            return None
        ends.append(min(back, key=lambda c: c.time))
    return max(ends, key=lambda c: c.time) if ends else None


_REVISION = re.compile(r"\b(?=[0-9a-f]*\d)[0-9a-f]{7,40}\b|\bv?\d+\.\d+(?:\.\d+)+\b")


def _repeats_fix(s: Signal, signals: list[Signal], first: datetime, recovery: datetime) -> bool:
    """A change after the recovery that does again what a machine-recorded fix did during the
    impact, to another thing: the same revision shipped (a revert synced to the second
    region's router) or the same kind of rollout (a second deployment restarted)."""
    shipped = set(_REVISION.findall(s.text))
    for fix in signals:
        if (
            fix is s
            or fix.family not in ("change", "mitigation")
            or "chat" in fix.tags
            or "automatic" in fix.tags
            or not first < fix.time <= recovery + timedelta(minutes=2)
            or fix.key == s.key
        ):
            continue
        if shipped & set(_REVISION.findall(fix.text)):
            return True
        if "rollout" in s.tags and "rollout" in fix.tags and _shape(s.text) == _shape(fix.text):
            return True
    return False


# a rollout's record with its names and numbers taken out: two restarts read the same
_RESTART_SHAPE = re.compile(r"[\w.-]*\d[\w.-]*|\b[\w-]+-[\w-]+\b")


def _shape(text: str) -> str:
    """What a rollout's record says after its subject, names and numbers taken out."""
    said = text.split(":", 1)
    return _RESTART_SHAPE.sub("", said[1]) if len(said) == 2 else text


_FAILOVER_SAID = re.compile(r"\bfail(?:ing|ed)? ?over\b|\bpromot|\bswitch(?:ing)? over\b", re.I)


def _failover_announced(s: Signal, announced: list[tuple[datetime, str, str]]) -> bool:
    """A failover line a responder announced in the 10 minutes before ("going to fail over to
    the DR vault"), naming what fails over (a shared word stem)."""
    from pm_tui.timeline.judge import ANNOUNCED_BEFORE

    return any(
        s.time - ANNOUNCED_BEFORE <= when <= s.time
        and _FAILOVER_SAID.search(text)
        and stems(text) & stems(s.text)
        for when, _, text in announced
    )


# with no page resolved in the evidence, the incident is taken as open this long after the
# impact's end read from the evidence
STILL_OPEN = timedelta(hours=1)


def _announced_then_done(s: Signal, announced: list[tuple[datetime, str, str]]) -> bool:
    """`s`, a change recorded by a tool, carries out what a responder announced in the
    incident's channel within ANNOUNCED_BEFORE before it, naming what it changes
    ("restarting checkout-api", then Deployment/checkout-api rolling): made by no one named
    or by that responder."""
    from pm_tui.timeline.judge import ANNOUNCED_BEFORE, _names_in, _same_person, person

    if "chat" in s.tags or {"job", "controller", "not-applied", "requested"} & set(s.tags):
        return False
    who = person(s.actor) if s.actor else ""
    text = s.text.lower()
    return any(
        s.time - ANNOUNCED_BEFORE <= when <= s.time
        and (not who or len(who) >= 5 and _same_person(who, speaker))
        and _names_in(said, text)
        for when, speaker, said in announced
    )


def _incident_messages(
    evidence: list[Evidence], first: datetime | None, recovery: datetime | None
) -> list[Evidence]:
    """The people's messages in the incident's channels (no bot, no channel kept as context),
    from the first symptom to a little after the recovery, in time order."""
    from pm_tui.timeline.detect_events import other_channel

    return sorted(
        (e for e in _people_messages(evidence, first, recovery) if not other_channel(e)),
        key=lambda e: e.time,
    )


def _people_messages(
    evidence: list[Evidence], first: datetime | None, recovery: datetime | None
) -> Iterator[Evidence]:
    """The people's messages (no bot) in any channel, from the first symptom to a little
    after the recovery."""
    from pm_tui.timeline.judge import AFTER_RECOVERY

    if first is None:
        return
    until = (recovery or max((e.time for e in evidence), default=first)) + AFTER_RECOVERY
    for e in evidence:
        if e.kind == "message" and first <= e.time <= until and not e.attrs.get("bot"):
            yield e


def _announced(
    messages: list[Evidence],
) -> tuple[list[tuple[datetime, str, str]], list[tuple[datetime, str, str]]]:
    """What responders said they were doing in the incident's `messages`
    (_incident_messages): (time, who, text) of each message in an action's shape ("disabling
    the api-syd1 pool", "going to modify the volume", "applying the change now"), never a
    question; and the messages there reporting a change made ("GA traffic dial for eu-west-1
    set to 0")."""
    from pm_tui.timeline.detect_events import announces, reports_change
    from pm_tui.timeline.judge import person

    out, said = [], []
    for e in messages:
        row = (e.time, person(str(e.attrs.get("actor") or "")), e.text)
        if reports_change(e.text):
            said.append(row)
        if announces(e.text):
            out.append(row)
    return sorted(out), sorted(said)


def _announced_elsewhere(
    evidence: list[Evidence], first: datetime | None, recovery: datetime | None
) -> list[tuple[datetime, str, str]]:
    """What people said they were doing in the channels kept as context (another team's
    "deploying orders-svc 4.22.0 (invoice pdf fix)" in #orders-dev), during the impact:
    (time, who as `person` keys it, text), in time order."""
    from pm_tui.timeline.detect_events import announces, other_channel
    from pm_tui.timeline.judge import person

    return sorted(
        (e.time, person(str(e.attrs.get("actor") or "")), e.text)
        for e in _people_messages(evidence, first, recovery)
        if other_channel(e) and announces(e.text)
    )


def _responders(messages: list[Evidence]) -> dict[str, datetime]:
    """The name forms (`judge.name_forms`) of the people who wrote the incident's `messages`
    (_incident_messages), each with when they first did."""
    from pm_tui.timeline.judge import name_forms

    out: dict[str, datetime] = {}
    for e in messages:
        for form in name_forms(str(e.attrs.get("actor") or "")):
            out.setdefault(form, e.time)
    return out


def _builds_up(first: _Cluster | None, symptoms: list[_Cluster]) -> bool:
    """Whether the failure is a resource building up (memory, disk, a heap, a cache filling,
    a lag growing, capacity exhausted) in the first symptom's chain: then a change an hour
    before may have started it; a path down or errors at once follow their trigger closely."""
    if first is None:
        return True
    return any(
        CAPACITY_RE.search(s.text) or BUILDING_RE.search(s.text) or STALE_RE.search(s.text)
        for s in _chain_signals(first, symptoms)
    )


def _chain_signals(first: _Cluster, symptoms: list[_Cluster]) -> Iterator[Signal]:
    """The signals of the first symptom's chain: every symptom cluster from the first one to
    CHAIN after it, in the order of `symptoms`."""
    for c in symptoms:
        if first.time <= c.time <= first.time + CHAIN:
            yield from c.signals


def _about_incident(s: Signal, first: datetime | None, ctx: Context | None) -> bool:
    """A message said after the first symptom that names a service or host it touched."""
    if first is None or ctx is None or s.time < first:
        return False
    return ctx.related(*re.findall(r"[\w.\-]+", s.excerpt))


def _one_episode_of_background(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """A recurring alert (background: it fired before the incident too) keeps one episode on
    the timeline, its first firing from the incident's start and the resolve after it, so the
    person sees it was there; its other firings and resolves are the usual flapping."""
    if ctx.first is None:
        return candidates
    keep: set[int] = set()
    by_alert: dict[str, list[Candidate]] = {}
    for c in sorted(candidates, key=lambda c: c.time):
        if c.kind in ("alert_fired", "alert_resolved") and "recurring" in c.tags:
            by_alert.setdefault(c.text.split(" ", 2)[1], []).append(c)
    drop: set[int] = set()
    for rows in by_alert.values():
        fired = next(
            (c for c in rows if c.kind == "alert_fired" and c.time >= ctx.first - EARLY_ALERT),
            None,
        )
        if fired is not None:
            keep.add(id(fired))
            back = next(
                (c for c in rows if c.kind == "alert_resolved" and c.time > fired.time), None
            )
            if back is not None:
                keep.add(id(back))
        drop.update(id(c) for c in rows if id(c) not in keep)
    return [c for c in candidates if id(c) not in drop]


# When the logs begin only at the rough window's start (nothing before it to compare with),
# their first minutes are the baseline: a person types "about 9 to 12" around the page, so the
# incident starts well inside it, and what was already happening then is the usual rate.
WARM_UP = timedelta(minutes=20)
# A log source whose first record comes this long after the other logs' first is late: an
# event list (see _source_periods), not a log exported from some later start.
LATE_SOURCE = timedelta(minutes=15)


def _log_periods(
    evidence: list[Evidence], p: Periods, window: CollectWindow, kind: str = "log"
) -> Periods:
    """The baseline the log (or metric) detectors compare with: the read window's baseline
    when the data reaches into it, else the data's own first minutes (WARM_UP at most)."""
    first = min((e.time for e in evidence if e.kind == kind), default=None)
    if first is None or first < p.base_end - timedelta(minutes=5):
        return p
    warm = min(WARM_UP, max((window.end - first) / 6, timedelta(minutes=5)))
    return Periods(first, first + warm)


def _source_periods(
    evidence: list[Evidence], p: Periods, window: CollectWindow
) -> dict[str, Periods]:
    """Each log source's baseline (as `_log_periods`, one source at a time)."""
    firsts: dict[str, datetime] = {}
    for e in evidence:
        if e.kind == "log" and (e.source not in firsts or e.time < firsts[e.source]):
            firsts[e.source] = e.time
    out = {}
    for source, first in firsts.items():
        if first >= p.base_end - timedelta(minutes=5):
            warm = min(WARM_UP, max((window.end - first) / 6, timedelta(minutes=5)))
            out[source] = Periods(first, first + warm)
    # a source that records what goes wrong (a BMC's event list): it begins well after the
    # other logs do (LATE_SOURCE), with more warnings or errors than routine records in its
    # first minutes; it has no baseline of its own, its first record is an event (compared
    # with the read window's baseline, where it shows nothing). A log exported from when the
    # trouble began starts with the others, an error log is steady from the start of the read.
    earliest = min(firsts.values(), default=None)
    routine: Counter = Counter()
    for e in evidence:
        if e.kind == "log" and e.source in out and e.time < out[e.source].base_end:
            n = int(e.attrs.get("repeat", 1) or 1)
            routine[e.source] += n if severity(e) is None else -n
    return {
        source: periods
        for source, periods in out.items()
        if routine[source] >= 0 or earliest is None or firsts[source] < earliest + LATE_SOURCE
    }


def _data_ends(evidence: list[Evidence]) -> dict[str, datetime]:
    ends: dict[str, datetime] = {}
    for item in evidence:
        key = "logs" if item.kind == "log" else item.kind
        if key not in ends or item.time > ends[key]:
            ends[key] = item.time
    return ends


def _merge(signals: list[Signal]) -> list[_Cluster]:
    """Greedy, in time order: a signal joins the open cluster of its family within reach."""
    clusters: list[_Cluster] = []
    open_by_family: dict[str, list[_Cluster]] = {}
    for s in sorted(signals, key=lambda s: (s.time, -s.authority)):
        reach = JOIN.get(s.family, DEFAULT_JOIN)
        home = None
        for cluster in reversed(open_by_family.get(s.family, [])):
            if s.time - cluster.anchor > reach:
                if _finishes(s, cluster):
                    home = cluster
                    break
                if s.time - cluster.anchor > DEPLOY_DONE_JOIN:
                    break
                continue
            if s.key and cluster.key and s.key != cluster.key:
                continue
            if s.family in ("change", "mitigation") and ("commit" in s.tags) != any(
                "commit" in x.tags for x in cluster.signals
            ):
                continue  # a commit and the deploy that ships it are two rows of the story
            if _reported_done_later(s, cluster):
                continue
            if (
                not s.key
                and "record" in s.tags
                and any("record" in x.tags and x.source == s.source for x in cluster.signals)
            ):
                # two records of one change list that name no service are two changes (a
                # node group's config update, then its version update a minute later)
                continue
            if "record" in s.tags and any(
                "record" in x.tags and ("requested" in x.tags) != ("requested" in s.tags)
                for x in cluster.signals
            ):
                continue  # asked for, then carried out: the request is not the change's row
            home = cluster
            break
        if home is None:
            home = _Cluster(s.family)
            clusters.append(home)
            open_by_family.setdefault(s.family, []).append(home)
        home.signals.append(s)
    # a message that only repeats what a machine record already shows joins it even if late
    return [c for c in clusters if c.signals]


# a deploy tool's post that a sync or deploy finished joins the tool's record of it this long
# after the record's start (an Argo CD sync of a dozen pods takes minutes)
DEPLOY_DONE_JOIN = timedelta(minutes=10)
_REVISION = re.compile(r"`([0-9a-f]{7,40}|v?\d+\.\d+[\w.\-]*)`", re.I)


def _finishes(s: Signal, cluster: _Cluster) -> bool:
    """`s` is a deploy bot's post of a deploy finishing ("Application *checkout-api* has been
    successfully synced at revision `e07b2d1`") that the cluster's deploy record started
    within DEPLOY_DONE_JOIN before: the same change's end, not a change of its own (a second
    row would be a mitigation minutes after the real one). The post names the record's
    service and, when it names a revision, the record's revision."""
    if not {"bot", "deploy"} <= set(s.tags) or not s.key:
        return False
    if s.time - cluster.anchor > DEPLOY_DONE_JOIN:
        return False
    records = [x for x in cluster.signals if "record" in x.tags and x.key == s.key]
    if not records:
        return False
    revisions = [m.group(1).lower() for m in _REVISION.finditer(s.text)]
    return not revisions or any(r in x.text.lower() for r in revisions for x in records)


# a responder's report of an action done this long after saying they were doing it is its
# own row: which of the two dates the action depends on who tells it
SAID_DONE_APART = timedelta(seconds=60)


def _reported_done_later(s: Signal, cluster: _Cluster) -> bool:
    """`s` reports done, in chat, an action the cluster's messages announced or said under way
    more than SAID_DONE_APART before ("stopping the timer on all workers first", then
    "`ansible ... state=stopped` done")."""
    return (
        "done" in s.tags
        and "chat" in s.tags
        and s.time - cluster.anchor > SAID_DONE_APART
        and all("chat" in x.tags and "done" not in x.tags for x in cluster.signals)
    )


def _keep_strongest(clusters: list[_Cluster]) -> list[_Cluster]:
    """Bound the symptom candidates a person must read: the strongest few, always the first."""
    if len(clusters) <= MAX_SYMPTOM_CANDIDATES:
        return clusters
    ranked = sorted(clusters, key=lambda c: -_confidence(c))
    keep = {id(c) for c in ranked[:MAX_SYMPTOM_CANDIDATES]}
    keep.add(id(min(clusters, key=lambda c: c.time)))
    return [c for c in clusters if id(c) in keep]


def _confidence(cluster: _Cluster) -> float:
    miss = 1.0
    for s in cluster.signals:
        miss *= 1.0 - s.confidence
    return min(0.99, 1.0 - miss)


def _candidate(cluster: _Cluster, kind: str) -> Candidate:
    ordered = sorted(cluster.signals, key=lambda s: (-s.authority, -s.confidence, s.time))
    lead = ordered[0]
    seen = {lead.text}
    also = []
    for s in ordered[1:]:
        if s.text not in seen and len(also) < 2:
            seen.add(s.text)
            also.append(s.text)
    text = lead.text + ("; also " + "; ".join(also) if also else "")
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - 1] + "…"
    by_time = sorted(cluster.signals, key=lambda s: s.time)
    sources = list(dict.fromkeys(source_label(s.source) for s in by_time))
    actor = next((s.actor for s in ordered if s.actor), "")
    tags = sorted({t for s in cluster.signals for t in s.tags})
    links = [EvidenceLink(source_label(s.source), s.time, s.excerpt) for s in by_time[:MAX_LINKS]]
    time = cluster.time
    return Candidate(
        id=candidate_id(kind, time, f"{lead.source}|{lead.text[:80]}"),
        kind=kind,
        time=time,
        text=text,
        sources=sources,
        actor=actor,
        confidence=round(_confidence(cluster), 2),
        evidence=links,
        tags=tags,
    )


EARLY_ALERT = timedelta(minutes=2)  # judge.EARLY: an alert may lead the first symptom a bit

# How far back from the strongest early failure a weaker failure may lead it (a disk, a
# replica or a certificate fails minutes before the customers' errors).
CHAIN = timedelta(minutes=15)
RELAPSE = timedelta(minutes=10)
FOLLOW_UP = timedelta(minutes=15)  # an action said this long after the recovery is a follow-up
STRONG = 0.85
# The recovery where the series a page measures is back within its baseline (onset.page_series):
# the end of the impact the page was about, above the other recoveries (judge.CAP_OTHER).
PAGED_BACK = 0.8
# The tag of the recovery read as the end of the impact (pm_tui.timeline.milestones).
IMPACT_END = "impact-end"
# detect_logs.GAP_MIN: an episode goes on while its records are at most this far apart
ONGOING = timedelta(minutes=5)


ROLLBACK_RE = re.compile(r"\broll(?:ed|ing)?[ -]?back\b|\brollback\b|\brevert", re.I)

# A fix rolled out pod by pod is in place when its rollout ends (the old pods gone).
ROLLOUT_SPAN = timedelta(seconds=60)


def _fixes_in_place(signals: list[Signal], first: datetime, ctx: Context) -> list[Signal]:
    """A recovery where each rollout after the first symptom that undoes or fixes what failed
    (a rollback, or a rollout of a failing workload) has replaced the last pod."""
    out = []
    for s in signals:
        until = s.extra.get("until")
        if s.family != "change" or "rollout" not in s.tags or until is None or s.time <= first:
            continue
        if until - s.time < ROLLOUT_SPAN:
            continue
        if not (REVERT_RE.search(s.text) or ctx.related(s.key)):
            continue
        out.append(
            Signal(
                until,
                "recovery",
                f"{s.text.split(':', 1)[0]} finished at {hhmmss(until)}: the fix in place on every pod",
                s.source,
                s.excerpt,
                0.6,
                key=s.key,
                tags=("rollout-done",),
            )
        )
    return out


def _spread(first: _Cluster | None, symptoms: list[_Cluster]) -> set[int]:
    """The first failure of each other source in the first symptom's chain (within CHAIN of
    it): where the failure reached next (the replicas, then the web tier's errors), each a
    first symptom of its own part, below the backbone's confidence (the window starts at the
    first one)."""
    if first is None:
        return set()
    seen = {s.source for s in first.signals}
    out: set[int] = set()
    for c in sorted(symptoms, key=lambda c: c.time):
        if c is first or not first.time < c.time <= first.time + CHAIN:
            continue
        failing = {s.source for s in c.signals if _failure(s) and s.confidence >= 0.6}
        if failing and not failing <= seen:
            out.add(id(c))
        seen |= {s.source for s in c.signals}
    return out


def _last_to_recover(
    main: _Cluster,
    first: _Cluster,
    symptoms: list[_Cluster],
    after: list[_Cluster],
    strong: list[datetime],
) -> _Cluster:
    """The latest of the first settled recoveries of each source failing in the first
    symptom's chain (within CHAIN of it); `main` when no other has one."""
    chain = {
        _identity(s)
        for s in _chain_signals(first, symptoms)
        # a node's condition is the infrastructure under the service: its return (nodes
        # ready again hours later, the traffic long moved away) is not the customers', nor
        # is the serving capacity back to full (the last replicas ready minutes after the
        # customers' errors stopped: enough of them served by then)
        if (_failure(s) or _impact_metric(s))
        and "node" not in s.tags
        and not is_capacity_count(str(s.extra.get("metric") or ""))
    }
    # and the series whose departure started the window, whatever its name says (a gateway's
    # count of 429 answers): the customers' other series may be back before it (the
    # successful requests back to their floor while a third of them are still refused)
    chain |= {
        _identity(s)
        for s in first.signals
        if first.time in (s.time, departed_at([s]))
        and s.extra.get("metric")
        and not _infrastructure_metric(s)
    }
    # and the first failure's own new log records, whatever their words (a feature defaulted
    # on every request, logged as a warning, a shape the baseline never shows): while they go
    # on, the failure does (a shape the baseline has, only more of it, may be background)
    chain |= {
        _identity(s)
        for s in first.signals
        if s.extra.get("template") and s.extra.get("baseline") == 0
    }
    best = main
    for ident in chain:
        mine = [
            c
            for c in after
            if ident in {_identity(s) for s in c.signals}
            and _confidence(c) >= 0.65
            and not any(c.time < t <= c.time + RELAPSE for t in strong)
        ]
        if mine:
            first_back = min(mine, key=lambda c: c.time)
            if first_back.time > best.time:
                best = first_back
    return best


# Metrics that measure what customers get (errors, latency, backlog: the age of the oldest
# message waiting), not the resources used (CPU, connections, replicas), which may stay off
# their baseline after the impact ends.
IMPACT_METRIC_RE = re.compile(
    r"lag|backlog|queue|delay|latenc|duration|error|5\d\d|fail|timeout|dropped|reject|"
    r"oldest_\w*age",
    re.I,
)


def _resource_metric(s: Signal) -> bool:
    """A metric of the resources used (CPU, connections, memory), not of what customers get."""
    return bool(s.extra.get("metric")) and not _failure(s) and not _impact_metric(s)


# Metrics of the machines and resources under a service (a node's temperature, CPU, memory,
# disks, connections), which come back on their own clock once the traffic has moved away.
INFRASTRUCTURE_METRIC_RE = re.compile(
    r"temp|celsius|fan_|power|cpu|memory|mem_|heap|disk|inode|filesystem|load\d|"
    r"connections|threads|replicas?_|node_",
    re.I,
)


def _infrastructure_metric(s: Signal) -> bool:
    """A resource metric (`_resource_metric`) whose name says it measures a machine or a
    resource (ipmi_temperature_celsius, node_cpu_seconds), not a count of what customers get."""
    return _resource_metric(s) and bool(
        INFRASTRUCTURE_METRIC_RE.search(str(s.extra["metric"]).split("{", 1)[0])
    )


def _impact_metric(s: Signal) -> bool:
    return bool(s.extra.get("metric")) and bool(IMPACT_METRIC_RE.search(str(s.extra["metric"])))


def _first_symptom(symptoms: list[_Cluster]) -> _Cluster | None:
    """The first observable failure of this incident: the first strong failure, then back
    through the failures that lead it by at most CHAIN each (infrastructure precursors).

    Slowness or warnings alone count only when no failure shows.
    """
    failing = [c for c in symptoms if any(_failure(s) for s in c.signals)]
    pool = failing or symptoms
    if not pool:
        return None
    current = _anchor(symptoms)
    if current is None:
        return None
    for c in sorted((c for c in pool if c.time < current.time), key=lambda c: c.time, reverse=True):
        if current.time - c.time > CHAIN and not _ongoing(c, current.time):
            continue
        if _background(c, symptoms):
            continue
        if _confidence(c) >= 0.6 or _new_precursor(c):
            current = c
    return current


def _background(c: _Cluster, symptoms: list[_Cluster]) -> bool:
    """A failure that also happened, the same in the same source, in an episode of its own
    ending more than CHAIN before it (a sidecar's crash loop every half hour): the background
    the incident happens in, not a precursor of it."""
    mine = {_recurrence(s) for s in c.signals}
    return any(
        d is not c
        and d.time < c.time - CHAIN
        and any(_recurrence(s) in mine for s in d.signals if s.time < c.time - CHAIN)
        for d in symptoms
    )


def _recurrence(s: Signal) -> tuple[str, str]:
    """What a failure is, to tell it happening again: its identity, else its source and the
    words of its sentence before the first colon (`Restart of feature-sync`)."""
    source, what = _identity(s)
    return source, what or re.sub(r"\d+", "#", s.text.split(":", 1)[0])


def _new_precursor(c: _Cluster) -> bool:
    """The network path under the service failing in a shape the baseline never shows (a
    session to a peer going down, an optic's light falling), its power lost (a UPS on battery)
    or a store refusing work at its own resource limit (a broker's memory alarm): an outage of
    its own, not load, it leads the failure after it however few its records (one warning,
    then the errors)."""
    return any(
        s.extra.get("baseline") == 0 and _OUTAGE_OF_ITS_OWN.search(s.text) is not None
        for s in c.signals
    )


_OUTAGE_OF_ITS_OWN = re.compile(
    f"{PATH_DOWN_RE.pattern}|{POWER_LOST_RE.pattern}|{RESOURCE_ALARM_RE.pattern}", re.I
)


def _anchor(symptoms: list[_Cluster]) -> _Cluster | None:
    """The first strong failure (what customers get): the first strong error; warnings,
    however sharply they rise, only lead it as precursors (a node being replaced warns for
    half an hour). The first symptom is found back from it."""
    failing = [c for c in symptoms if any(_failure(s) for s in c.signals)]
    pool = failing or symptoms
    if not pool:
        return None
    strong = (
        [c for c in pool if _confidence(c) >= STRONG and any("error" in s.tags for s in c.signals)]
        or [c for c in pool if _confidence(c) >= STRONG]
        or [max(pool, key=_confidence)]
    )
    return min(strong, key=lambda c: c.time)


def _ongoing(c: _Cluster, when: datetime) -> bool:
    """A resource running out whose episode (a log template never seen before, record after
    record at most GAP_MIN apart) still went on when `when`'s failure began: it leads it
    however long before it started (a heap filling for forty minutes before the node drops
    out). Peers unreachable for half an hour (a node being replaced) do not: they are not a
    resource building up to the failure."""
    return any(
        s.extra.get("last") is not None
        and s.extra["last"] >= when - ONGOING
        and (CAPACITY_RE.search(s.text) or BUILDING_RE.search(s.text))
        for s in c.signals
    )


# A resource filling up or running low, which builds for a long time before it fails: a JVM
# heap and its collector, memory, disks and inodes, a replica or consumer falling behind.
BUILDING_RE = re.compile(
    r"\bheap\b|\[gc\b|\bgc overhead|garbage collect|\bmemory\b|\bdisk\b|\binodes?\b|"
    r"\bfilesystem\b|\bwatermark|\blag(?:ging)?\b|\bbehind\b|\bpressure\b",
    re.I,
)


# Infrastructure failing under the service: it can be the first symptom, as a warning.
INFRA_RE = re.compile(
    r"i/o error|media error|medium error|bad sector|smart|read-only file ?system|no space|"
    r"replica(?:tion)?|lag\b|behind master|certificate|x509|tls handshake|expired|"
    r"memory pressure|diskpressure|memorypressure|cannot allocate memory|out of memory|enomem|"
    r"\boom\b|oom.?kill|maxmemory|notready|node .*not ready|evict|failover|"
    r"promot|split.?brain|quorum|leader (?:election|lost)|unreachable|connection refused|"
    r"no more connections|too many (?:clients|connections)|connection limit|limit (?:reached|exceeded)|"
    r"probe failed|unhealthy|"
    # pods that no node can take (a drain, a pool scaled away, a node selector left pinned)
    r"failedscheduling|unschedulable|\b\d+/\d+ nodes are available|insufficient (?:cpu|memory)|"
    # a JVM running out of heap (GC overhead, long pauses, a circuit breaker tripping on it)
    r"outofmemoryerror|java heap space|gc overhead|\[gc\b|stop.the.world|heap (?:usage|used|is)|"
    r"circuit.?break|circuit_breaking_exception|"
    # packets too big for the path (an MTU change), a counter or id past its type's range
    r"frag(?:mentation)? needed|packet too big|message too long|\bmtu\b|"
    r"out of range for (?:type|data type)|integer overflow|numeric overflow|value too large",
    re.I,
)


# What customers get going stale: data older than its objective (a stream's watermark or a
# replica's lag past its SLO), a failure even when nothing errors.
STALE_RE = re.compile(
    r"\bstale(?:ness)?\b|\bfreshness\b|\bwatermark[ _]lag|"
    r"\b(?:lag|delay|behind)\w*\b[^\n]{0,30}\b(?:above|over|beyond|exceed\w*|past|breach\w*) "
    r"(?:the |its )?(?:[\w.]+ )?(?:slo|sla|objective|target)\b",
    re.I,
)


def _failure(s: Signal) -> bool:
    """An error, or a warning of exhausted capacity, failing infrastructure or stale data."""
    return (
        "error" in s.tags
        or "capacity" in s.tags
        or bool(INFRA_RE.search(s.text))
        or bool(PRECURSOR_RE.search(s.text))
        or bool(STALE_RE.search(s.text))
    )


def _identity(s: Signal) -> tuple[str, str]:
    """What a signal watches: its source and the template or metric series within it (an
    access log's 5xx and its latency are two)."""
    return s.source, str(
        s.extra.get("template") or s.extra.get("metric") or s.extra.get("series") or ""
    )


# An alert of the days before the read window (kept by the collector as `history`) makes the
# same alert background when it fired on HISTORY_DAYS days or more, or on an earlier day within
# SAME_TIME_OF_DAY of when it fires now (a nightly job failing).
HISTORY_DAYS = 2
SAME_TIME_OF_DAY = 30  # minutes


def _recurring(alerts: list[Signal], first: datetime | None) -> set[str]:
    """Alerts that fired before the incident began (in the read window, or day after day in
    the history before it): background, whatever they do later."""
    if first is None:
        return set()
    fired = [s for s in alerts if s.family == "alert_fired"]
    out = {s.key for s in fired if not s.extra.get("history") and s.time < first - RECURRING_BEFORE}
    past: dict[str, list[datetime]] = {}
    for s in fired:
        if s.extra.get("history"):
            past.setdefault(s.key, []).append(s.time)
    for s in fired:
        earlier = past.get(s.key)
        if s.extra.get("history") or not earlier:
            continue
        days = {t.date() for t in earlier}
        if len(days) >= HISTORY_DAYS or any(
            _minutes_apart(t, s.time) <= SAME_TIME_OF_DAY for t in earlier
        ):
            out.add(s.key)
    return out


def _minutes_apart(a: datetime, b: datetime) -> int:
    """How far apart two times are in the time of day (minutes, across midnight)."""
    d = abs((a.hour * 60 + a.minute) - (b.hour * 60 + b.minute))
    return min(d, 1440 - d)


_LABEL_KEYS = ("service", "namespace", "job", "app", "team", "instance", "pod", "deployment",
               "container", "host", "node", "cluster_name", "database", "db")  # fmt: skip
_HASH = re.compile(r"(?:-(?=[a-z]*\d)[a-z0-9]{8,10})?(?:-(?=[a-z]*\d)[a-z0-9]{5})?$")


def _labels(alerts: list[Signal]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for s in alerts:
        out.setdefault(s.key, {}).update(s.extra.get("labels") or {})
    return out


def _terms(
    first: _Cluster | None, symptoms: list[_Cluster], alerts: list[Signal], ctx: Context
) -> set[str]:
    """Words naming what the incident touched: the failing sources near the first symptom and
    the labels of the alerts that fired with it (not the recurring ones)."""
    terms: set[str] = set()
    if first is None:
        return terms
    for s in _chain_signals(first, symptoms):
        terms.add(_workload_name(source_label(s.source)))
        terms.update(_host_folder(s.source))
        terms.update(_series_names(s))
        terms.update(_HASH.sub("", n) for n in s.extra.get("names", ()))
        # what its records name: the router, its peer (a new series, a path down)
        if "new-series" in s.tags or PATH_DOWN_RE.search(s.text):
            terms.update(named_hosts(s.excerpt))
    near = [
        s
        for s in alerts
        if s.family == "alert_fired"
        and s.key not in ctx.recurring_alerts
        and ctx.in_chain(s.time)
        and s.time <= first.time + CHAIN
    ]
    # the alerts that name a failing source lend their labels; the others (another team's alert
    # firing meanwhile) only when none does
    sources = Context(ctx.first, ctx.recovery, ctx.recurring_alerts, set())
    sources.terms = {t for t in terms if len(t) >= 4}
    naming = [s for s in near if sources.related(s.key, *map(str, _label_values(s)))]
    if not naming:
        # none names a failing source: an alert flapping meanwhile (firing again and again
        # in what was read) is the background of some other part, not what the incident touched
        fired = Counter(s.key for s in alerts if s.family == "alert_fired")
        near = [s for s in near if fired[s.key] < 2]
    for s in naming or near:
        for key in _LABEL_KEYS:
            value = str((s.extra.get("labels") or {}).get(key, "")).lower()
            if value:
                terms.add(value.split(":")[0])
    return {t for t in terms if len(t) >= 4}


def _vocabulary(first: _Cluster | None, symptoms: list[_Cluster]) -> set[str]:
    """The word stems of the failures in the first symptom's chain (judge.stems)."""
    out: set[str] = set()
    if first is None:
        return out
    for s in _chain_signals(first, symptoms):
        if _failure(s):
            out |= stems(str(s.extra.get("template") or s.extra.get("metric") or s.text))
    return out


_SERIES_LABEL = re.compile(r"\b(\w+)=\"?([^,}\"]+)")
# ... and what a failing series is about: its queue, vhost, topic or consumer group (a backlog's
# consumers are what it touched)
_SERIES_KEYS = {*_LABEL_KEYS, "node", "instance", "pod", "container", "deployment", "service",
                "queue", "vhost", "topic", "consumergroup", "consumer_group"}  # fmt: skip


def _series_names(s: Signal) -> set[str]:
    """What a failing metric series or node names: its service, pod, container, instance or
    node labels (`instance=replica-2:9104` -> `replica-2`), or the node a node event is about;
    an alert labelled with one of them is about what failed."""
    out = set()
    metric = str(s.extra.get("metric") or "")
    if "{" in metric:
        for key, value in _SERIES_LABEL.findall(metric.split("{", 1)[1]):
            if key in _SERIES_KEYS and value:
                out.add(_HASH.sub("", value.lower().split(":")[0]))
    if "node" in s.tags and s.text.startswith("Node "):
        out.add(s.text[5:].split(":", 1)[0].strip().lower())
    elif "node" in s.tags and s.text.startswith("Pods of "):  # the workload evicted
        out.add(s.text[8:].split(":", 1)[0].strip().lower())
    return {t for t in out if len(t) >= 4}


def _label_values(s: Signal) -> list[object]:
    return list((s.extra.get("labels") or {}).values())


# Folders that hold evidence, not a host or service: their name says nothing of what failed.
_CONTAINER_DIRS = frozenset(
    "evidence logs log var tmp data export exports files raw collected incident".split()
)


def _host_folder(source: str) -> set[str]:
    """The folder a failing log file sits in, when it names a host or service
    (`nat-gw-1/messages`, `search-api/access.log.gz`): a syslog's file name (messages,
    syslog, current) says nothing, its folder does."""
    _, _, target = source.partition(":")
    parts = re.split(r"[\\/]", target.split("#")[0])
    if len(parts) < 2:
        return set()
    folder = _HASH.sub("", parts[-2].lower())
    if folder in _CONTAINER_DIRS or len(folder) < 4 or folder.startswith("."):
        return set()
    return {folder}


def _workload_name(label: str) -> str:
    """`coredns-7d9c4b6f9-x2kq8.txt` -> `coredns`; `orders-api.logfmt` -> `orders-api`."""
    name = label.split(" ")[-1].lower()
    name = re.sub(r"\.(?:log|txt|logfmt|json|jsonl|gz|out|err)(?:\.\d+)?$", "", name)
    name = re.sub(r"\.(?:log|txt|logfmt|json|jsonl|gz|out|err)$", "", name)
    return _HASH.sub("", name)
