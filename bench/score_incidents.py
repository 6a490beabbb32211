"""Score the reconstructed timeline and window on incident folders (evidence/ + truth.toml).

For each incident: a post-mortem is created with the rough window of truth.toml (what a
responder would type), `pm-tui collect ID --evidence DIR` reads the folder, `pm-tui timeline
ID --rebuild` makes the candidates, `pm-tui timeline ID --accept-high` accepts the
high-confidence ones and the proposed window milestones. Then it prints, per incident and
for the set:

    recall        key events with a candidate of the same kind within their tolerance (>= 0.95)
    per-key       candidates per key event (<= 3)
    durations     detect/acknowledge/mitigate/resolve after --accept-high within 60 s of the
                  truth milestones (4 per incident); also how many are within 30 s (right with
                  room to spare), the signed error of each (--verbose) and, in --json, the
                  mean absolute error of those within 60 s
    milestones    the signed error of each accepted window milestone (started, detected,
                  acknowledged, mitigated, resolved) against the truth, in seconds (--verbose,
                  and per incident in --json): a start off by two minutes moves all four
                  durations, an end off moves one; this says which milestone a miss comes from
    false-high    high-confidence candidates matching no key event of their kind (<= 1 each)

    .venv/bin/python bench/score_incidents.py tests/incidents/dev            # tuning set
    .venv/bin/python bench/score_incidents.py tests/incidents/dev --verbose  # misses and noise
    .venv/bin/python bench/score_incidents.py --json tests/incidents/dev     # figures as JSON

The time zones of truth.toml's [files] (`tz`, for logs written in local time without an
offset, which their content cannot tell) are given to pm-tui as a responder would: an
evidence.toml beside a copy of the evidence in the temporary folder (the incident folder is
never written to). Only `tz` is passed, never the kinds.

Uses a temporary repository; reads nothing outside the folders given.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DURATION_TOLERANCE = timedelta(seconds=60)
FIGURES = ("detect", "acknowledge", "mitigate", "resolve")
MILESTONES = ("started", "detected", "acknowledged", "mitigated", "resolved")
MILESTONE_OF = {
    "detect": "detected",
    "acknowledge": "acknowledged",
    "mitigate": "mitigated",
    "resolve": "resolved",
}


@dataclass
class IncidentScore:
    name: str
    key_events: int = 0
    found: int = 0
    candidates: int = 0
    high: int = 0
    false_high: int = 0
    durations_right: int = 0
    missed: list[str] = field(default_factory=list)
    false_high_rows: list[str] = field(default_factory=list)
    duration_rows: list[str] = field(default_factory=list)
    # figure -> got minus truth, in seconds (None: no duration): how close to the 60 s edge
    errors: dict[str, float | None] = field(default_factory=dict)
    # window milestone -> accepted minus true time, in seconds (None: not set)
    milestone_errors: dict[str, float | None] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def recall(self) -> float:
        return self.found / self.key_events if self.key_events else 1.0

    @property
    def per_key(self) -> float:
        return self.candidates / self.key_events if self.key_events else 0.0


def _utc(text: str) -> datetime:
    from pm_tui.collectors.common import parse_time

    return parse_time(text)


def _run(argv: list[str]) -> int:
    from pm_tui.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            return main(argv)
        except SystemExit as exc:  # argparse: an option this version does not have
            return int(exc.code or 0) or 2


def score_incident(folder: Path, work: Path) -> IncidentScore:
    """Run the whole path on one incident folder and compare with its truth."""
    from pm_tui import postmortem_store
    from pm_tui.durations import durations
    from pm_tui.model import new_postmortem
    from pm_tui.timeline import load_candidates
    from pm_tui.timeline.accept import HIGH_CONFIDENCE

    truth = tomllib.loads((folder / "truth.toml").read_text(encoding="utf-8"))
    score = IncidentScore(folder.name)
    began = time.perf_counter()
    rough_start = _utc(truth["rough_window"]["start"])
    rough_end = _utc(truth["rough_window"]["end"])
    repo = postmortem_store.Repository.open(work / folder.name)
    pm = new_postmortem(truth.get("name", folder.name), rough_start, resolved=rough_end)
    repo.save(pm)
    repo.commit(pm, "create")
    base = ["--repo", str(repo.root)]
    evidence = responder_evidence(folder, truth, work)
    _run([*base, "collect", pm.id, "--evidence", str(evidence),
          "--start", truth["rough_window"]["start"], "--end", truth["rough_window"]["end"]])  # fmt: skip
    _run([*base, "timeline", pm.id, "--rebuild"])
    candidates = load_candidates(repo, pm.id)
    if _run([*base, "timeline", pm.id, "--accept-high"]) == 2:
        # Before --accept-high existed: the same acceptance through the workflow functions.
        from pm_tui.timeline.accept import high_confidence
        from pm_tui.workflow.candidates import accept_candidates, pending_candidates

        pm = repo.load(pm.id)
        repo.save(accept_candidates(pm, high_confidence(pending_candidates(repo, pm))).pm)
    pm = repo.load(pm.id)

    keys = truth.get("key_event", [])
    score.key_events = len(keys)
    score.candidates = len(candidates)
    for key in keys:
        when, tol = _utc(key["time"]), timedelta(seconds=key.get("tolerance_s", 60))
        if any(c.kind == key["kind"] and abs(c.time - when) <= tol for c in candidates):
            score.found += 1
        else:
            score.missed.append(f"{key['time']} {key['kind']:<14} {key['what']}")
    for c in candidates:
        if c.confidence < HIGH_CONFIDENCE:
            continue
        score.high += 1
        if not any(
            c.kind == k["kind"]
            and abs(c.time - _utc(k["time"])) <= timedelta(seconds=k.get("tolerance_s", 60))
            for k in keys
        ):
            score.false_high += 1
            score.false_high_rows.append(
                f"{c.time:%H:%M:%S} {c.kind:<14} {c.confidence:.2f} {c.text[:90]}"
            )
    got = durations(pm)
    started = _utc(truth["milestones"]["started"])
    for figure in FIGURES:
        want = _utc(truth["milestones"][MILESTONE_OF[figure]]) - started
        have = getattr(got, figure)
        ok = have is not None and abs(have - want) <= DURATION_TOLERANCE
        score.durations_right += ok
        error = (have - want).total_seconds() if have is not None else None
        score.errors[figure] = error
        off = f"  {error:+.0f} s" if error is not None else ""
        score.duration_rows.append(
            f"{figure:<12} truth {_fmt(want):>9}  got {_fmt(have):>9}  {'ok' if ok else 'OFF'}{off}"
        )
    for name in MILESTONES:
        have = getattr(pm.window, name, None)
        truth_time = truth["milestones"].get(name)
        score.milestone_errors[name] = (
            (have - _utc(truth_time)).total_seconds() if have and truth_time else None
        )
    score.seconds = time.perf_counter() - began
    return score


def responder_evidence(folder: Path, truth: dict, work: Path) -> Path:
    """The evidence folder as a responder hands it over: with an evidence.toml naming the time
    zone of each file written in local time (truth.toml's [files] `tz`), on a copy under `work`.
    The folder itself when no file needs a zone."""
    zones = {
        path.removeprefix("evidence/").rstrip("/"): entry["tz"]
        for path, entry in (truth.get("files") or {}).items()
        if isinstance(entry, dict) and entry.get("tz")
    }
    source = folder / "evidence"
    if not zones:
        return source
    copy = work / f"{folder.name}.evidence"
    shutil.copytree(source, copy)
    index = copy / "evidence.toml"
    lines = [index.read_text(encoding="utf-8")] if index.is_file() else []
    named = tomllib.loads(lines[0]).get("files", {}) if lines else {}
    for path, zone in sorted(zones.items()):
        if path in named:  # the folder's own evidence.toml already says how to read it
            continue
        # JSON strings are TOML basic strings for these names
        lines.append(f"[files.{json.dumps(path)}]\ntz = {json.dumps(zone)}\n")
    index.write_text("\n".join(lines), encoding="utf-8")
    return copy


def _milestone_errors(errors: dict[str, float | None]) -> str:
    """`started +120 s  detected 0 s ...`: each accepted milestone's error (- when not set)."""
    return "  ".join(f"{k} {'-' if v is None else f'{v:+.0f} s'}" for k, v in errors.items())


def _fmt(value: timedelta | None) -> str:
    if value is None:
        return "-"
    s = int(value.total_seconds())
    sign = "-" if s < 0 else ""
    s = abs(s)
    return f"{sign}{s // 3600}h{s % 3600 // 60:02d}m{s % 60:02d}s"


def score_set(folder: Path) -> list[IncidentScore]:
    """Score every incident folder under `folder` (each with truth.toml), in a temporary repo."""
    incidents = sorted(p for p in folder.iterdir() if (p / "truth.toml").is_file())
    if (folder / "truth.toml").is_file():
        incidents = [folder]
    with tempfile.TemporaryDirectory(prefix="pm-score-") as tmp:
        saved = {k: os.environ.get(k) for k in _ENV}
        os.environ.update(_ENV)
        os.environ["PM_TUI_CONFIG"] = str(Path(tmp) / "no-config.toml")
        try:
            return [score_incident(p, Path(tmp)) for p in incidents]
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


_ENV = {
    "GIT_AUTHOR_NAME": "Scorer",
    "GIT_AUTHOR_EMAIL": "scorer@example.com",
    "GIT_COMMITTER_NAME": "Scorer",
    "GIT_COMMITTER_EMAIL": "scorer@example.com",
    "PM_TUI_CONFIG": "",
}


# Durations within this of the truth have room to spare: the ones between it and the 60 s
# tolerance are right by a margin that a new incident's sampling may not leave.
MARGIN_S = 30


def _mean_abs(scores: list[IncidentScore]) -> float | None:
    """Mean absolute duration error (seconds) of the durations within the tolerance."""
    near = [
        abs(e)
        for s in scores
        for e in s.errors.values()
        if e is not None and abs(e) <= DURATION_TOLERANCE.total_seconds()
    ]
    return round(sum(near) / len(near), 1) if near else None


def summary(scores: list[IncidentScore]) -> dict:
    """The set's figures: recall, candidates per key event, durations right, false highs."""
    keys = sum(s.key_events for s in scores) or 1
    return {
        "incidents": len(scores),
        "recall": round(sum(s.found for s in scores) / keys, 3),
        "candidates_per_key_event": round(sum(s.candidates for s in scores) / keys, 2),
        "durations_within_60s": sum(s.durations_right for s in scores),
        "durations_total": len(FIGURES) * len(scores),
        "durations_within_30s": sum(
            1 for s in scores for e in s.errors.values() if e is not None and abs(e) <= MARGIN_S
        ),
        "duration_error_mean_abs_s": _mean_abs(scores),
        "false_high_max": max((s.false_high for s in scores), default=0),
        "false_high_total": sum(s.false_high for s in scores),
        "per_incident": {
            s.name: {
                "recall": round(s.recall, 3),
                "candidates_per_key_event": round(s.per_key, 2),
                "durations_within_60s": s.durations_right,
                "false_high": s.false_high,
                "milestone_errors_s": {
                    k: None if v is None else round(v) for k, v in s.milestone_errors.items()
                },
            }
            for s in scores
        },
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("folder", nargs="+", help="a folder of incident folders, or one incident")
    p.add_argument("--verbose", action="store_true", help="list misses, false highs, durations")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = p.parse_args(argv)
    scores = [s for f in args.folder for s in score_set(Path(f))]
    figures = summary(scores)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"{'INCIDENT':<26} RECALL  PER-KEY  DURATIONS  HIGH  FALSE-HIGH  SECONDS")
    for s in scores:
        print(
            f"{s.name:<26} {s.recall:6.2f}  {s.per_key:7.2f}  {s.durations_right:>5}/4"
            f"    {s.high:>4}  {s.false_high:>10}  {s.seconds:7.1f}"
        )
        if args.verbose:
            for line in s.missed:
                print(f"    missed      {line}")
            for line in s.false_high_rows:
                print(f"    false high  {line}")
            for line in s.duration_rows:
                print(f"    {line}")
            print(f"    milestones  {_milestone_errors(s.milestone_errors)}")
    print(
        f"set: recall {figures['recall']:.3f} (>= 0.95), candidates per key event "
        f"{figures['candidates_per_key_event']:.2f} (<= 3), durations within 60 s "
        f"{figures['durations_within_60s']}/{figures['durations_total']} (within 30 s "
        f"{figures['durations_within_30s']}), false highs "
        f"max {figures['false_high_max']} per incident (<= 1), total {figures['false_high_total']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
