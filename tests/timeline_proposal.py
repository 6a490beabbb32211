"""The step every milestone test takes with the small evidence folder it wrote: a post-mortem
with a rough window (what a responder types), `pm-tui collect`, `timeline --rebuild`, then the
proposed window as JSON and as the table a person reads (`timeline ID --window`), and on demand
`--accept-high` and the durations it leaves. Through the CLI, in a real repository under tmp.

Also the evidence files those tests write again and again: a service's log with its failing
spans (`service_log`), PagerDuty's log of a page (`pd_entry`, `page_log`, `pagerduty_log`) and
Alertmanager's webhook log (`alert_hooks`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from pm_tui import postmortem_store
from pm_tui.durations import Durations, durations
from pm_tui.model import new_postmortem
from tests.timeline_clock import at, every, z


@dataclass
class Proposal:
    """The proposed milestones of one rebuilt post-mortem."""

    repo: postmortem_store.Repository
    pm_id: str
    argv: list[str]  # ["--repo", DIR]: for more CLI calls on the same repository
    got: dict  # milestone name -> its JSON (docs/json-output.md)
    times: dict[str, datetime]  # milestone name -> its time
    table: str  # what `pm-tui timeline ID --window` prints

    def accept_high(self) -> Durations:
        """`pm-tui timeline ID --accept-high`, then the durations of the saved post-mortem."""
        from pm_tui.cli.main import main

        assert main([*self.argv, "timeline", self.pm_id, "--accept-high"]) == 0
        return durations(self.repo.load(self.pm_id))


def rebuilt(
    tmp_path: Path, evidence: Path, title: str, start: datetime, end: datetime
) -> tuple[postmortem_store.Repository, str, list[str]]:
    """A post-mortem whose rough window is start..end, the folder collected and the candidates
    rebuilt: (repository, post-mortem id, ["--repo", DIR])."""
    from pm_tui.cli.main import main

    repo = postmortem_store.Repository.open(tmp_path / "pm-repo")
    pm = new_postmortem(title, start, resolved=end)
    repo.save(pm)
    repo.commit(pm, "create")
    argv = ["--repo", str(repo.root)]
    assert main([*argv, "collect", pm.id, "--evidence", str(evidence),
                 "--start", z(start), "--end", z(end)]) in (0, 3)  # fmt: skip
    assert main([*argv, "timeline", pm.id, "--rebuild"]) == 0
    return repo, pm.id, argv


def proposal_of(repo, pm_id: str, argv: list[str], capsys) -> Proposal:
    """The window proposed for a rebuilt post-mortem, as JSON and as the table."""
    from pm_tui.cli.main import main

    capsys.readouterr()
    assert main([*argv, "timeline", pm_id, "--window", "--format", "json"]) == 0
    got = {m["name"]: m for m in json.loads(capsys.readouterr().out)["milestones"]}
    times = {n: datetime.fromisoformat(m["time"].replace("Z", "+00:00")) for n, m in got.items()}
    assert main([*argv, "timeline", pm_id, "--window"]) == 0
    return Proposal(repo, pm_id, argv, got, times, capsys.readouterr().out)


def propose(
    tmp_path: Path, evidence: Path, capsys, title: str, start: datetime, end: datetime
) -> Proposal:
    """`rebuilt` then `proposal_of`: the window proposed from the folder."""
    repo, pm_id, argv = rebuilt(tmp_path, evidence, title, start, end)
    return proposal_of(repo, pm_id, argv, capsys)


def alert_hooks(ev: Path, name: str, summary: str, service: str, firings, severity="page"):
    """An Alertmanager webhook log (hooks.ndjson, appended to) of alert `name` firing at each
    (fired, resolved) of `firings`: a firing notification, then its resolve."""

    def hook(starts: datetime, ends: datetime | None) -> dict:
        status = "resolved" if ends else "firing"
        alert = {"status": status,
                 "labels": {"alertname": name, "severity": severity, "service": service},
                 "annotations": {"summary": summary}, "startsAt": z(starts),
                 "endsAt": z(ends) if ends else "0001-01-01T00:00:00Z"}  # fmt: skip
        return {"receiver": "oncall", "status": status, "alerts": [alert]}

    hooks: list[dict] = []
    for fired, resolved in firings:
        hooks += [hook(fired, None), hook(fired, resolved)]
    with (ev / "hooks.ndjson").open("a", encoding="utf-8") as out:
        out.write("\n".join(json.dumps(h) for h in hooks) + "\n")


def service_log(ev: Path, name: str, service: str, ok: str, error: str, spans,
                until: datetime | None = None) -> None:  # fmt: skip
    """`name` in the folder: `service` says `ok` at INFO every 20 s from 09:00 to `until`
    (12:30), and `error` at ERROR every `step` of each (first, last, step) of `spans`."""
    lines = [f"{z(t)} INFO {service} {ok}"
             for t in every(at(9, 0), until or at(12, 30), timedelta(seconds=20))]  # fmt: skip
    for first, last, step in spans:
        lines += [f"{z(t)} ERROR {service} {error}" for t in every(first, last, step)]
    lines.sort()
    (ev / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


TRIGGERED_THROUGH = {"api": "Triggered through the API.",
                     "web_trigger": "Triggered through the website."}  # fmt: skip


def pd_entry(entry_id: str, kind: str, t: datetime, page: str, title: str, who: str,
             channel: str = "api") -> dict:  # fmt: skip
    """One entry of PagerDuty's log (GET /log_entries): `kind` is trigger_log_entry,
    acknowledge_log_entry or resolve_log_entry of page `page` titled `title`, by `who`."""
    agent = {"type": "user_reference", "id": "P" + who[:4].upper(), "summary": who}
    summary = {"trigger_log_entry": TRIGGERED_THROUGH[channel],
               "acknowledge_log_entry": f"Acknowledged by {who}.",
               "resolve_log_entry": f"Resolved by {who}."}[kind]  # fmt: skip
    return {"id": entry_id, "type": kind, "summary": summary, "created_at": z(t),
            "agent": agent, "channel": {"type": channel},
            "service": {"id": "PSVC1", "type": "service_reference", "summary": title},
            "incident": {"id": page, "type": "incident_reference", "summary": title}}  # fmt: skip


def pagerduty_log(ev: Path, entries: list[dict]) -> None:
    """pd-log-entries.json in the folder: `entries` (oldest first) as the API lists them,
    newest first, in one page of results."""
    doc = {"log_entries": entries[::-1], "limit": 100, "offset": 0, "more": False,
           "total": len(entries)}  # fmt: skip
    (ev / "pd-log-entries.json").write_text(json.dumps(doc), encoding="utf-8")


def page_log(ev: Path, page: str, title: str, steps, channel: str = "api") -> None:
    """PagerDuty's log of one page: each (kind, time, who) of `steps` an entry (R1, R2, ...)."""
    pagerduty_log(ev, [pd_entry(f"R{k}", kind, t, page, title, who, channel)
                       for k, (kind, t, who) in enumerate(steps, 1)])  # fmt: skip
