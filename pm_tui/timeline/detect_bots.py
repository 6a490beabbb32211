"""Detector for bot posts in chat: pages (PagerDuty, Opsgenie), alert notifications
(Alertmanager, Grafana) and deploy bots (Argo CD, Flux, Spinnaker, CI) say what a machine did,
at the second it did it, when their own records are not in the evidence."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from pm_tui.collectors.evidence import Evidence
from pm_tui.timeline.candidate import excerpt
from pm_tui.timeline.signals import Signal

_PAGE = [
    ("acknowledged", re.compile(r"\*?acknowledged\*?(?: by ([^#<(\n]+?))?\s*(?:#|<|\(|$)", re.I)),
    ("resolved", re.compile(r"\*?resolved\*?(?: by ([^#<(\n]+?))?\s*(?:#|<|\(|$)", re.I)),
    ("paged", re.compile(r"\*?(?:triggered|escalated)\*?", re.I)),
]
_PAGER_BOT = re.compile(r"pagerduty|opsgenie|incident\.io|firehydrant|rootly", re.I)
# "[FIRING:1] Name", also behind an emoji and in bold (":white_check_mark: *[RESOLVED] Name*")
_ALERT_POST = re.compile(
    r"^\s*(?::[\w+\-]+:\s*)*[*_]*\[(FIRING|RESOLVED)(?::\d+)?\][*_]*\s*([\w.:\-]+)", re.I
)
_DEPLOY_BOT = re.compile(
    r"argo|flux|spinnaker|jenkins|github|gitlab|deploy|shipit|circleci|buildkite|harness", re.I
)
_DEPLOYED = re.compile(
    r"\bsync(?:ed)? succeeded|\bdeployed\b|\brolled (?:out|back)\b|\brollback\b|\bpromoted\b|"
    r"\breleased\b|\bapplied\b|\bsynced\b",
    re.I,
)
_TARGET = re.compile(r"\*([\w.\-/]+)\*|application ([\w.\-/]+)", re.I)
_PAGE_ID = re.compile(r"#(\d+)")


def bot_signals(evidence: list[Evidence]) -> list[Signal]:
    """Pages, alert transitions and deploys as announced by bots in chat."""
    out: list[Signal] = []
    for item in evidence:
        if item.kind != "message" or not item.attrs.get("bot"):
            continue
        actor = str(item.attrs.get("actor") or "")
        text = item.text.strip()
        if not text:
            continue
        signal = (
            _page(item, actor, text)
            or _alert(item, text)
            or _status(item, actor, text)
            or _provider_fixed(item, actor, text)
            or _deploy(item, actor, text)
            or _changed_by(item, text)
        )
        if signal is not None:
            out.append(signal)
    return out


def _page(item: Evidence, actor: str, text: str) -> Signal | None:
    if not _PAGER_BOT.search(actor):
        return None
    for family, pattern in _PAGE:
        m = pattern.search(text)
        if m is None:
            continue
        who = (m.group(1) or "").strip() if m.groups() else ""
        page = _PAGE_ID.search(text)
        what = f"page #{page.group(1)}" if page else "the page"
        words = {
            "paged": f"Page triggered: {what} ({actor})",
            "acknowledged": f"{what.capitalize()} acknowledged by {who or 'unknown'}",
            "resolved": f"{what.capitalize()} resolved by {who or 'unknown'}",
        }[family]
        return Signal(
            item.time,
            family,
            words,
            item.source,
            excerpt(text),
            0.9,
            actor=who,
            key=page.group(1) if page else "",
            tags=("bot", f"page:#{page.group(1)}") if page else ("bot",),
        )
    return None


def _alert(item: Evidence, text: str) -> Signal | None:
    m = _ALERT_POST.match(text)
    if m is None:
        return None
    firing = m.group(1).upper() == "FIRING"
    name = m.group(2)
    return Signal(
        item.time,
        "alert_fired" if firing else "alert_resolved",
        f"Alert {name} {'fires' if firing else 'resolved'} (chat notification)",
        item.source,
        excerpt(text),
        0.85,
        key=name,
        tags=("bot",),
        authority=1,
        # a post of the days before (pm_tui.collectors.slack.ALERT_HISTORY): background only
        extra={"history": True} if item.attrs.get("history") else {},
    )


_STATUS_BOT = re.compile(r"status ?page|statuspage|status\.io|instatus|betteruptime", re.I)
# A channel kept for what customers and the business are told (status, status-page,
# customer-updates, comms), not another company's status feed (vendor-status).
STATUS_CHANNEL = re.compile(
    r"^(?:status|statuspage|comms|communications?|customers?)(?:$|[-_])|[-_](?:comms|communications)$",
    re.I,
)


def _status(item: Evidence, actor: str, text: str) -> Signal | None:
    """A status page update posted by its bot, or any bot's post in the status channel:
    telling the customers."""
    if not (_STATUS_BOT.search(actor) or STATUS_CHANNEL.search(str(item.attrs.get("channel", "")))):
        return None
    clean = re.sub(r":[a-z_]+:\s*", "", text)
    return Signal(
        item.time,
        "communication",
        f"Status page: {excerpt(clean, 160)}",
        item.source,
        excerpt(text),
        0.6,
        actor=actor,
        tags=("bot",),
    )


# Another company's status page in chat (its RSS feed, Statuspage's app): an update in the
# phase shape ("*Identified* - ... The change was reverted at 19:05 UTC.", "Monitoring - A fix
# has been implemented") saying the dependency undid or fixed its side: their mitigation.
_PHASE = re.compile(
    r"^\W*[*_]*(identified|monitoring|update|mitigated|resolved)[*_]*\s*[-–—:]", re.I
)
_PROVIDER_FIXED = re.compile(
    r"\b(?:reverted|rolled back|fix (?:has been |was |is )?(?:implemented|deployed|applied|"
    r"rolled out)|mitigation (?:has been |was )?applied)\b",
    re.I,
)


def _provider_fixed(item: Evidence, actor: str, text: str) -> Signal | None:
    m = _PHASE.match(text)
    if m is None or m.group(1).lower() == "resolved" or not _PROVIDER_FIXED.search(text):
        return None
    clean = re.sub(r":[a-z_]+:\s*", "", text).replace("*", "")
    who = f"{actor}: " if actor else ""
    return Signal(
        item.time,
        "mitigation",
        f"{who}{excerpt(clean, 180)}",
        item.source,
        excerpt(text),
        0.6,
        actor=actor,
        tags=("bot", "provider"),
    )


def _deploy(item: Evidence, actor: str, text: str) -> Signal | None:
    if not (_DEPLOY_BOT.search(actor) or _DEPLOY_BOT.search(str(item.attrs.get("channel", "")))):
        return None
    if not _DEPLOYED.search(text):
        return None
    m = _TARGET.search(text)
    target = (m.group(1) or m.group(2)) if m else ""
    clean = re.sub(r":[a-z_]+:\s*", "", text)
    return Signal(
        item.time,
        "change",
        f"Deploy {target}: {excerpt(clean, 160)}" if target else f"Deploy: {excerpt(clean, 160)}",
        item.source,
        excerpt(text),
        0.7,
        actor=actor,
        key=target,
        tags=("deploy", "bot"),
    )


# Any bot saying a person changed something ("*fraud-api* weights changed by ana: eu-west-1
# 100→0", "flag checkout-v2 turned off by lena", "maxReplicas set to 40 by kai"): a change of
# that person's, at the second the bot saw it.
_CHANGED_BY = re.compile(
    r"\b(?:changed|updated|set|switched|shifted|moved|modified|toggled|turned (?:on|off)|"
    r"enabled|disabled|scaled|applied|raised|lowered|increased|decreased|drained|failed over|"
    # a tool's job or campaign stopped or started by someone ("Campaign *Summer Cashback SMS*
    # was stopped by hannah.k")
    r"stopped|paused|resumed|cancell?ed|restarted|reverted|rolled back|killed|launched)"
    r"(?: to [^,;:]{1,40})? by @?([A-Za-z][\w.\-]*)",
    re.I,
)
# A tool saying what it now does ("Campaign *Summer Cashback SMS* is now sending to 612,400
# users", "... is now live"): a change made, by no one named (a deploy tool's "is now running
# new version" is its deploy's, read as such or not at all).
_NOW_ON = re.compile(r"\b(?:is|are) now (?:sending|live|active|enabled)\b", re.I)
_BOLD = re.compile(r"\*([^*\n]{1,60})\*")


def _changed_by(item: Evidence, text: str) -> Signal | None:
    m = _CHANGED_BY.search(text)
    now = _NOW_ON.search(text) if m is None else None
    if m is None and now is None:
        return None
    target = _TARGET.search(text)
    what = (target.group(1) or target.group(2)) if target else ""
    if not what and (bold := _BOLD.search(text)):
        what = bold.group(1).strip()
    # a tool's post of what it now does names no one and weighs less than a change by someone
    clean = re.sub(r":[a-z_]+:\s*", "", text).replace("*", "")
    return Signal(
        item.time,
        "change",
        f"Change {what}: {excerpt(clean, 160)}" if what else f"Change: {excerpt(clean, 160)}",
        item.source,
        excerpt(text),
        0.6 if m is None else 0.7,
        actor=m.group(1) if m else "",
        key=what,
        tags=("config", "bot"),
    )


# --- one story per sender ----------------------------------------------------------------------
# An automation repeating its own notification ("budget-guard: scaled node pool *general* to 0
# nodes", every ten minutes) or a vendor's status feed posting each update of one incident
# under the same title is one story told several times: its first telling is the row, the
# rest say nothing new to the timeline. A bot's posts that repeat make a story from the second;
# a person's only from the third near-identical message.
STORY_REPEATS = {True: 2, False: 3}
STORY_SPAN = timedelta(hours=12)
_STORY_FAMILIES = {"change", "mitigation", "communication", "diagnosis", "resolved", "recovery",
                   "symptom"}  # fmt: skip
# what changes from one telling to the next of the same story is masked: percentages, clock
# times and long numbers (counters, ids, amounts); small numbers (a setting's value: `to 0
# nodes`, weights `100→0`) and revisions or versions (`4f2a9c1`, `2.31.0`) are kept, so a
# change and its undoing, a deploy and its rollback, stay two events
_MASK = re.compile(
    r"(?<![\w.])(?:\d+(?:[.,]\d+)?%|\d{1,2}:\d\d(?::\d\d)?|\d{3,}(?:[.,]\d+)?)(?![\w.])"
)
_MARKUP = re.compile(r"[*_`~>]|:[a-z0-9_+\-]+:")


def _told(text: str) -> str:
    """A message's words, its incidental numbers and markup masked: what stays when an
    automation says the same thing again."""
    return " ".join(_MASK.sub("#", _MARKUP.sub(" ", text)).lower().split())


def one_story_per_sender(signals: list[Signal], messages: list[Evidence]) -> list[Signal]:
    """Signals read from chat messages, with the repeats of one sender's story left out: the
    first telling keeps its row and says how often and until when it was told again. Pages,
    alert notifications and a provider's announced fix are never folded (each is its own
    event); nor are messages naming different things (two deploys of two services)."""
    sender: dict[tuple[str, datetime, str], tuple[str, bool, str]] = {}
    for m in messages:
        actor = str(m.attrs.get("actor") or m.attrs.get("user") or "")
        if actor:
            sender[(m.source, m.time, excerpt(m.text))] = (actor, bool(m.attrs.get("bot")), m.text)
    stories: dict[str, list[list[tuple[Signal, str, str]]]] = {}
    for s in sorted(signals, key=lambda s: s.time):
        said = sender.get((s.source, s.time, s.excerpt))
        if said is None or s.family not in _STORY_FAMILIES or {"provider", "deploy"} & set(s.tags):
            continue
        actor, bot, text = said
        if _PAGER_BOT.search(actor):
            continue  # a page's own transitions
        title, whole = _told(text.strip().split("\n", 1)[0]), _told(text)
        told = stories.setdefault(f"{actor}\0{bot}", [])
        home = next(
            (
                story
                for story in told
                if s.time - story[0][0].time <= STORY_SPAN
                and (not s.key or not story[0][0].key or s.key == story[0][0].key)
                and (
                    whole == story[0][2]
                    or ("\n" in text.strip() and len(title.split()) >= 3 and title == story[0][1])
                )
            ),
            None,
        )
        if home is None:
            told.append([(s, title, whole)])
        else:
            home.append((s, title, whole))
    dropped: set[int] = set()
    for key, told in stories.items():
        bot = key.endswith("\0True")
        for story in told:
            if len(story) < STORY_REPEATS[bot]:
                continue
            first = story[0][0]
            last = story[-1][0]
            who = key.split("\0")[0]
            first.text = f"{first.text} (told {len(story)} times by {who} until {last.time:%H:%M})"
            first.tags = (*first.tags, "story")
            dropped.update(id(x[0]) for x in story[1:])
    return [s for s in signals if id(s) not in dropped]
