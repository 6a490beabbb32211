"""The publishing gate: a report with error-level findings (blameful wording, no owner, an
empty root cause…) is not published, distributed or turned into tickets.

One rule for the wizard, the CLI and plain mode: `check` names the findings in the way;
a person may go ahead anyway with a reason (`--force --reason` in the CLI, "publish
anyway" in the wizard), and `enforce` then records who overrode which finding, when and
why in the post-mortem itself (`[[overrides]]`, docs/toml-format.md).
"""

from __future__ import annotations

import getpass
from datetime import date, datetime

from pm_tui.errors import PmTuiError, UsageError
from pm_tui.model import ActionItem, GateOverride, PostMortem

# What each gated use case is called in a sentence.
ACTIONS = {
    "publish": "publish the report",
    "distribute": "distribute the report",
    "tickets": "file tickets",
}
NO_OWNER = {"", "tbd", "tba", "?", "none", "nobody", "unknown", "n/a", "-"}


class PublishBlocked(PmTuiError):
    """Error-level findings stand in the way of publishing; `findings` names them."""

    def __init__(self, action: str, findings: list) -> None:
        self.action, self.findings = action, findings
        super().__init__(blocked_message(action, findings))


def has_owner(item: ActionItem) -> bool:
    """True when the item names someone (not empty, not "TBD"): only those become tickets."""
    return item.owner.strip().lower() not in NO_OWNER


def describe(finding) -> str:
    """`AI-002 owner: no owner` — where a finding is, and what it says."""
    from pm_tui.validation.labels import finding_place

    where = finding_place(finding) or finding.section.replace("_", " ")
    return f"{where}: {finding.message}" if where else finding.message


def blocked_message(action: str, findings: list) -> str:
    """One line: what cannot be done, the findings in the way, and the two ways out."""
    n = len(findings)
    shown = "; ".join(describe(f) for f in findings[:3])
    more = f"; and {n - 3} more" if n > 3 else ""
    return (
        f"cannot {ACTIONS.get(action, action)}: {n} error{'s' * (n != 1)} remain "
        f"({shown}{more}). Fix {'them' if n != 1 else 'it'}, or go ahead anyway with a reason "
        "(recorded in the file)"
    )


def blocking(pm: PostMortem, action: str, today: date | None = None) -> list:
    """The error-level findings not acknowledged, nor already overridden for `action`."""
    from pm_tui.validation import validate

    done = {(o.rule, o.location) for o in pm.overrides if o.action == action}
    return [
        f
        for f in validate(pm, today=today)
        if f.severity == "error" and not f.acknowledged and (f.rule, f.location) not in done
    ]


def check(pm: PostMortem, action: str, today: date | None = None) -> None:
    """Raise PublishBlocked naming the findings when `action` may not go ahead."""
    found = blocking(pm, action, today)
    if found:
        raise PublishBlocked(action, found)


def who() -> str:
    """The person overriding: $GIT_AUTHOR_NAME when set, else the login name."""
    import os

    name = os.environ.get("GIT_AUTHOR_NAME", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def enforce(
    pm: PostMortem,
    action: str,
    now: datetime,
    *,
    force: bool = False,
    reason: str = "",
    by: str = "",
) -> list[GateOverride]:
    """Check the gate for `action`. Blocked: raise PublishBlocked, or with `force` record one
    override per finding on `pm` (who, when, which finding, why) and return them.

    `force` without a reason is a UsageError: the file must say why.
    """
    found = blocking(pm, action, now.date())
    if not found:
        return []
    if not force:
        raise PublishBlocked(action, found)
    if not reason.strip():
        raise UsageError(
            f"say why you {ACTIONS.get(action, action)} with "
            f"{len(found)} error{'s' * (len(found) != 1)} left: a reason is recorded in the file"
        )
    made = [
        GateOverride(
            action=action,
            rule=f.rule,
            location=f.location,
            finding=f.message,
            reason=reason.strip(),
            by=by or who(),
            at=now,
        )
        for f in found
    ]
    pm.overrides.extend(made)
    return made
