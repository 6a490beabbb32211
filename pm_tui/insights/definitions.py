"""What each insight means, written once: `stats --explain`, the HTML page and the Insights
screen print these texts, and `pm_tui.insights.compute` does the arithmetic they describe."""

from __future__ import annotations

from datetime import timedelta

# The four durations, as pm_tui.durations measures them from the incident start.
DURATION_METRICS = ("detect", "acknowledge", "mitigate", "resolve")

FOLLOW_UP_GRACE = timedelta(days=7)
FOLLOW_UP_EARLY = timedelta(days=2)
RECURRENCE_HORIZON = timedelta(days=90)
GROUPINGS = ("month", "quarter", "year", "service", "severity")
TIME_GROUPINGS = ("month", "quarter", "year")


def publish_within() -> timedelta:
    """The publication goal, the validation rule's own (process/not-distributed)."""
    from pm_tui.deadlines import DISTRIBUTION_DEADLINE

    return DISTRIBUTION_DEADLINE


DEFINITIONS: dict[str, str] = {
    "time to detect": (
        "From the incident start (window.started, else the first first_symptom event) to "
        "detection (window.detected, else the first alert_fired or paged event)."
    ),
    "time to acknowledge": (
        "From the incident start to the first acknowledgement (window.acknowledged, else the "
        "first acknowledged event)."
    ),
    "time to mitigate": (
        "From the incident start to mitigation (window.mitigated, else the first mitigation event)."
    ),
    "time to resolve": (
        "From the incident start to resolution (window.resolved, else the first resolved "
        "event). A post-mortem without the milestone is left out of that metric's count."
    ),
    "median, p90": (
        "The median is the middle value (the mean of the two middle ones for an even count); "
        "p90 is the nearest-rank 90th percentile: the value at rank ceil(0.9 x count)."
    ),
    "period, trend": (
        "Incidents fall in the month, quarter or year of their start (UTC). The trend is the "
        "change of a metric's median against the previous period that had incidents, in "
        "percent: negative is faster. Grouped by service or severity there is no trend."
    ),
    "recurrence": (
        "Incidents recur when two or more share a service and a contributing factor category "
        "(exactly, as written in their files), or when people confirmed they have the same "
        "immediate cause: a post-mortem's recurrence.same_cause_as names an earlier one "
        "(pm-tui link, or c on a suggested row of the Insights screen). Confirmed links group "
        "transitively (A as B and B as C make one group of three), through post-mortems the "
        "filters leave out too; a pair also named in recurrence.not_same_cause_as is not "
        "linked. Only these groups are counted."
    ),
    "suggested recurrence": (
        "Groups of incidents of one service whose immediate causes read as the same cause, "
        "shown apart and never counted (in recurrence or in fixes that did not hold) until a "
        "person confirms them: a judgement, shown only where every writer it never saw had at "
        "least 4 in 5 of its suggestions right (9 in 10 on average); it finds about two in five "
        "of the true recurrences (a quarter to three fifths, by writer). The same thing failing the "
        "same way in other words (numbers, versions and hosts ignored; 'ran out of memory' is "
        "'OOM-killed', 'the cert lapsed' is 'the TLS certificate expired'); two causes that "
        "share a resource or a component and a state, or name one mechanism, are one cause; "
        "two naming different things of one kind, or different mechanisms, never are (a "
        "connection pool is not a thread pool, an expired certificate is not a revoked one). "
        "A small model trained on labelled pairs from many writers weighs those readings with "
        "how much rare wording two causes share; each cause joins the group whose first cause "
        "it is most like, and a group says what its causes share. A pair people confirmed "
        "(already one group) or rejected (recurrence.not_same_cause_as, pm-tui link --reject, "
        "x on the Insights screen) is never suggested again."
    ),
    "strong, possible": (
        "How sure a suggested recurrence is, from how the model did on writers it never saw "
        "(each left out of its training in turn): strong, 19 in 20 such suggestions were right "
        "on average (at least 6 in 7 for every writer), and it finds about a quarter of the true "
        "recurrences; possible, the rest of the suggestions, less sure (at least 4 in 5 right "
        "for every writer over strong and possible together). A group is as sure as its least "
        "sure pair; strong groups are listed first."
    ),
    "recurring categories": (
        "For each factor category: how many incidents name it, and in how many services it "
        "came back at least twice."
    ),
    "action items": (
        "Opened: every action item of the post-mortems counted. Closed: done or wont-do. "
        "Open: open or in-progress. Overdue: open with a deadline before today. Age: days "
        "from the incident start to today, for open items (median and oldest)."
    ),
    "team": "An action item's team is the first service of its post-mortem.",
    "published within 48 h": (
        "Of the post-mortems past draft with a resolution time: those published within 48 "
        "hours of resolution. Published is the first distribution recorded in the file (what "
        "its late-distribution check measures), even when it was committed as published "
        'earlier; else the first commit in which the file says status = "published" (git '
        "history)."
    ),
    "follow-up review on time": (
        "Of the post-mortems whose follow-up review (follow_up_review, else 28 days after "
        "resolution) was due more than 7 days ago: those whose file was committed between "
        "2 days before and 7 days after that date (the review updates the action items)."
    ),
    "fixes that did not hold": (
        "A factor is fixed when every action item addressing it (its factor = the CF- id) is "
        "done; it was closed at the latest by the last commit of its post-mortem (else its "
        "latest deadline). The fix did not hold when its cause came back: an incident started "
        "within 90 days after that, confirmed as the same cause (the same confirmed recurrence "
        "group; suggested groups never count) and naming the factor's category again. Counted "
        "per recurring cause: the fixes that did not hold, the incidents it came back in, and "
        "the latest post-mortems of each."
    ),
}


def explain() -> str:
    """Every definition, one paragraph each, for `stats --explain`."""
    return "\n".join(f"{name}: {text}" for name, text in DEFINITIONS.items())
