"""The plain wizard: the six steps in order, findings after each, autosave and commit.

After each step the validation findings of that step are printed and the person may go
back into the step to fix them. Each finished step is saved atomically and committed as
"<id>: step N <name>". Ctrl-C (or the end of the input) saves what was entered and stops.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from pm_tui.model import PostMortem
from pm_tui.plain.prompts import Prompter
from pm_tui.plain.steps import STEPS
from pm_tui.postmortem_store import Repository

INTERRUPTED = 130


def step_findings(pm: PostMortem, step: int) -> list:
    """The validation findings shown after `step` (acknowledged ones left out)."""
    from pm_tui.validation import validate

    return [f for f in validate(pm) if f.step == step and not f.acknowledged]


def _show_findings(ask: Prompter, findings: list) -> None:
    if not findings:
        ask.say("No findings for this step.")
        return
    from pm_tui.validation.labels import finding_place, plural

    ask.say(f"{plural(len(findings), 'finding')}:")
    for f in findings:
        place = finding_place(f)  # the wizard's labels, not the file's internal names
        where = f" {place}" if place else ""
        ask.say(f"  {f.severity:<7} {f.rule}{where}: {f.message}")
        if f.suggestion:
            ask.say(f"          -> {f.suggestion}")


def run_steps(
    pm: PostMortem,
    repo: Repository,
    ask: Prompter,
    *,
    steps: Iterable[int] = range(1, 7),
    options: argparse.Namespace | None = None,
    commit: bool = True,
    push: bool = False,
) -> int:
    """Walk `steps` on `pm`, saving and committing each; 0 when done, 130 when interrupted.

    Holds the post-mortem's lock throughout, as the wizard does: a wizard opened meanwhile
    is read-only, and another writer waits or is refused."""
    import time

    from pm_tui.lock import LockedError, PostMortemLock

    lock = PostMortemLock(repo.root, pm.id)
    # a script (--yes) waits a little for another short writer; a person is told at once
    deadline = time.monotonic() + (10.0 if ask.assume_yes else 0.0)
    while (holder := lock.acquire()) is not None and time.monotonic() < deadline:
        time.sleep(0.1)
    if holder is not None:
        raise LockedError(
            f"{pm.id} is being edited by another pm-tui ({holder.describe()}): finish or "
            "close it there first"
        )
    try:
        return _run_steps(pm, repo, ask, steps, options, commit, push)
    finally:
        lock.release()


def _run_steps(pm, repo, ask, steps, options, commit, push) -> int:
    from pm_tui.plain.options import apply_step_options

    for n in steps:
        name, step = STEPS[n]
        ask.say("")
        ask.say(f"== Step {n} of 6: {name} ==")
        try:
            if options is not None:
                apply_step_options(pm, n, options)
            while True:
                step(pm, ask)
                findings = step_findings(pm, n)
                _show_findings(ask, findings)
                if not findings:
                    break
                choice = ask.select(
                    "Fix them now or continue?",
                    [("continue", "Continue to the next step"), ("fix", f"Go back into step {n}")],
                    default="continue",
                )
                if choice == "continue":
                    break
        except (KeyboardInterrupt, EOFError):
            path = repo.save(pm)
            ask.say("")
            ask.say(f"Stopped. What you entered is saved in {path} (step {n} not committed).")
            ask.say(f"Continue with: pm-tui edit {pm.id} --plain --step {n}")
            return INTERRUPTED
        repo.save(pm)
        if commit:
            made = repo.commit(pm, f"step {n} {name}", push=push)
            ask.say(f"Saved and committed step {n}." if made else f"Step {n}: no changes.")
        else:
            ask.say(f"Saved step {n}.")
    return 0
