"""Where the wizard meets modules other helpers write. Each seam is one small function.

Every import here is lazy: the wizard starts without collectors, timeline reconstruction,
the report renderer or trackers, and each step says plainly what is missing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from pm_tui.model import EvidenceSource, PostMortem


class NotInstalled(Exception):
    """A module the wizard can use is not installed (yet); the message names it."""


EVIDENCE_FILE = "evidence.jsonl"  # what `pm-tui collect` keeps beside the post-mortem


def collect_sources(
    pm: PostMortem,
    indexes: list[int],
    progress: Callable[[int, str, int, int | None, str], None],
    cancel: threading.Event,
    evidence_dir=None,
    resolve: Callable[[str], str] | None = None,
) -> dict[int, EvidenceSource] | None:
    """Collect pm.sources[i] for each i over the incident window, reporting progress.

    progress(index, state, done, total, note). Returns the new model records by index, or
    None when cancelled. Keeps the evidence in `evidence_dir`. `resolve` maps a recorded
    target to where it is now (relative file targets live in the repository); the records
    keep the target as recorded. Runs in a worker thread.
    """
    try:
        from pm_tui.collectors import runner
        from pm_tui.collectors.evidence import Cancelled, CollectWindow
    except ImportError:
        raise NotInstalled("collectors not installed") from None
    from datetime import timedelta
    from pathlib import Path

    end = pm.window.resolved or (pm.window.started + timedelta(hours=4))
    window = CollectWindow(start=pm.window.started, end=end)
    resolve = resolve or (lambda target: target)
    specs = [
        runner.SourceSpec(pm.sources[i].kind, resolve(pm.sources[i].target), pm.sources[i].query)
        for i in indexes
    ]
    index_of = {id(spec): i for spec, i in zip(specs, indexes, strict=True)}

    def for_source(spec):
        def report(done: int, total: int | None, note: str) -> None:
            progress(index_of[id(spec)], "collecting", done, total, note)

        return report

    try:
        results = runner.collect_all(specs, window, for_source, cancel)
    except Cancelled:
        return None
    if evidence_dir is not None:
        from pm_tui.collectors.evidence_store import load_evidence, merge_results, save_evidence

        path = Path(evidence_dir) / EVIDENCE_FILE
        save_evidence(path, merge_results(load_evidence(path), results))
    records = {}
    for i, result in zip(indexes, results, strict=True):
        record = runner.to_evidence_source(result, window)
        record.target = pm.sources[i].target
        records[i] = record
    return records


def rebuild_candidates(repo, pm: PostMortem) -> list:
    """Reconstruct the timeline candidates from the kept evidence and store them (worker thread)."""
    from pm_tui.collectors.evidence_store import load_evidence
    from pm_tui.timeline import reconstruct, save_candidates
    from pm_tui.timeline.rebuild import timeline_window

    evidence = load_evidence(repo.evidence_dir(pm.id) / EVIDENCE_FILE)
    candidates = reconstruct(evidence, timeline_window(pm))
    save_candidates(repo, pm.id, candidates)
    return candidates


def load_candidates(repo, pm: PostMortem) -> list:
    """Stored timeline candidates neither dismissed nor accepted yet ([] when never rebuilt)."""
    from pm_tui.timeline import load_candidates as load
    from pm_tui.timeline import load_dismissed, pending

    dismissed = load_dismissed(repo, pm.id)
    return pending(pm, [c for c in load(repo, pm.id) if c.id not in dismissed])


def dismiss_candidates(repo, pm_id: str, ids: list[str]) -> None:
    """Remember dismissed candidates beside the post-mortem, so they stay dismissed."""
    from pm_tui.timeline import dismiss

    dismiss(repo, pm_id, ids)


def related_incidents(repo, pm: PostMortem) -> list:
    """Past incidents sharing services or factor categories with `pm` (reads the repository)."""
    from pm_tui.search import related

    return related(pm, repo)


def open_action_review(repo, today) -> dict[str, list]:
    """Open action items of every post-mortem in the repository, grouped by owner."""
    from pm_tui.catalog import load_all
    from pm_tui.review import by_owner, open_actions

    pms = [s.postmortem for s in load_all(repo) if s.postmortem is not None]
    return by_owner(open_actions(pms, today))


def load_metric_series(repo, pm: PostMortem) -> list[tuple[str, list[tuple[datetime, float]]]]:
    """Named metric series from the kept evidence, for the step 2 chart ([] when none)."""
    from pm_tui.report.metrics import repo_series

    return [(s.name, s.points) for s in repo_series(repo, pm)]


def report_paths(repo, pm: PostMortem) -> dict[str, Path]:
    """Where the wizard writes the report: Markdown, its graphs folder, and HTML."""
    from pm_tui.report.files import default_report_path, graphs_dir

    markdown = default_report_path(repo.root, pm)
    return {
        "markdown": markdown,
        "graphs": graphs_dir(markdown, pm),
        "html": default_report_path(repo.root, pm, "html"),
    }


def export_report(repo, pm: PostMortem, fmt: str = "markdown"):
    """Write the report (Markdown with its SVGs beside it, or HTML) where report_paths says;
    returns the WrittenReport."""
    from pm_tui.report import team_template
    from pm_tui.report.files import write_report
    from pm_tui.report.metrics import repo_series

    template = team_template(repo.root) if fmt == "markdown" else None
    path = report_paths(repo, pm)[fmt]
    return write_report(pm, path, fmt, series=repo_series(repo, pm), template=template)


def open_report(repo, pm: PostMortem) -> tuple[Path, str]:
    """Write the HTML report and ask the browser to open it (worker thread): (path, error)."""
    from pm_tui.report.browser import open_in_browser

    written = export_report(repo, pm, "html")
    return written.path, open_in_browser(written.path)


def render_markdown(pm: PostMortem, graphs: dict[str, str] | None = None) -> str:
    """The report as Markdown (`graphs` fills the graph placeholders): pm_tui.report when
    installed, else a minimal stand-in."""
    try:
        from pm_tui.report import render_markdown as render  # type: ignore[attr-defined]
    except ImportError:
        return _minimal_markdown(pm)
    return render(pm, graphs=graphs)


def _minimal_markdown(pm: PostMortem) -> str:
    """REPLACE with pm_tui.report.render_markdown once it lands (issue 7)."""
    from pm_tui.durations import durations, format_duration

    d = durations(pm)
    lines = [
        f"# {pm.title}",
        "",
        f"**{pm.date}** · severity {pm.severity} · {pm.status}",
        "",
        "## Summary",
        "",
        pm.summary.strip() or "_to be written_",
        "",
        "## Impact",
        "",
        pm.impact.description.strip() or "_to be written_",
        "",
        "## Durations",
        "",
        f"detect {format_duration(d.detect)} · acknowledge {format_duration(d.acknowledge)}"
        f" · mitigate {format_duration(d.mitigate)} · resolve {format_duration(d.resolve)}",
        "",
        "## Timeline",
        "",
    ]
    lines += [f"- {e.time:%H:%M:%S} {e.text}" for e in pm.timeline] or ["_empty_"]
    for title, items in (
        ("What went well", pm.retrospective.went_well),
        ("What went wrong", pm.retrospective.went_wrong),
        ("Where we got lucky", pm.retrospective.lucky),
        ("Lessons learned", pm.retrospective.lessons),
    ):
        lines += ["", f"## {title}", ""] + ([f"- {i}" for i in items] or ["_none yet_"])
    lines += ["", "## Action items", ""]
    lines += [
        f"- {a.id} {a.action} ({a.owner or 'no owner'}, {a.deadline or 'no deadline'})"
        for a in pm.actions
    ] or ["_none yet_"]
    return "\n".join(lines) + "\n"


def slack_channel_env() -> str | None:
    """The environment variable holding a Slack webhook URL, when one is set (else None)."""
    from pm_tui.config import load_config
    from pm_tui.distribute import slack_webhook_env

    return slack_webhook_env(load_config())


def distribute(
    repo, pm: PostMortem, recipients: list[str], slack_env: str | None, now: datetime
) -> tuple[list[tuple[str, list[str]]], str]:
    """Send the report to Slack and/or by e-mail (worker thread); `pm` is not changed.

    Returns the sendings done as (channel, recipients) and the error that stopped the rest
    ("" when none), so what went out is recorded even when a later channel failed.
    """
    from pm_tui import distribute as dist
    from pm_tui.config import load_config
    from pm_tui.errors import PmTuiError
    from pm_tui.report import render_html, team_template
    from pm_tui.report import render_markdown as markdown_of

    sent: list[tuple[str, list[str]]] = []
    try:
        config = load_config()
        settings = dist.smtp_settings(config) if recipients else None
        if slack_env:
            link = repo.path_for(pm.id).relative_to(repo.root).as_posix()
            dist.send_slack(dist.webhook_url(slack_env), dist.slack_payload(pm, link))
            sent.append(("slack", [f"${slack_env}"]))
        if recipients:
            msg = dist.build_email(
                pm,
                markdown_of(pm, team_template(repo.root)),
                render_html(pm),
                settings.sender,
                recipients,
            )
            dist.send_email(msg, settings)
            sent.append(("email", list(recipients)))
    except PmTuiError as exc:
        return sent, str(exc)
    return sent, ""


NO_GITHUB_REPO = "set github.repo with pm-tui init or run pm-tui track ID --github OWNER/REPO"


def create_tickets(repo, pm: PostMortem) -> tuple[str, dict[str, str], list, str]:
    """One GitHub issue per action item (worker thread); `pm` is not changed.

    Returns (OWNER/REPO, item id → issue URL, the per-item results, error or "").
    """
    import copy

    from pm_tui.config import config_section, load_config
    from pm_tui.errors import PmTuiError
    from pm_tui.trackers.github import track
    from pm_tui.trackers.github_api import GitHub, api_url, token

    work = copy.deepcopy(pm)
    path = repo.path_for(pm.id)
    rel = path.relative_to(repo.root).as_posix() if path.is_relative_to(repo.root) else path.name
    results: list = []
    target = ""
    try:
        config = load_config()
        section = config_section(config, "github")
        target = str(section.get("repo") or "")
        if not target:
            return "", {}, [], NO_GITHUB_REPO
        with GitHub(api_url(None, config), token(config)) as gh:
            results = track(gh, target, work, rel)
    except PmTuiError as exc:
        results = getattr(exc, "results", results)
        error = str(exc)
    else:
        error = ""
    urls = {a.id: a.tracker_url for a in work.actions if a.tracker_url}
    return target, urls, results, error


def write_follow_up_calendar(repo, pm: PostMortem, now: datetime):
    """Write `reviews/<id>.ics` (the follow-up review) and return its path."""
    from pm_tui.atomic_write import atomic_write_text
    from pm_tui.safepath import check_id, inside
    from pm_tui.schedule import calendar

    path = inside(repo.root, repo.root / "reviews" / f"{check_id(pm.id)}.ics")
    atomic_write_text(path, calendar(pm, now=now))
    return path
