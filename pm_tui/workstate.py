"""Working state of the wizard that must never be committed: autosave copies and locks.

It lives under the repository's git directory (`.git/pm-tui/`), which git never tracks, so
no `.gitignore` is needed and a `git status` stays clean while a person edits.

Autosave design: while a person edits, the wizard writes the whole post-mortem to
`.git/pm-tui/autosave/<id>.toml` a few seconds after the last edit; leaving a step saves
the real file (`postmortems/<id>.toml`) and removes the copy. An autosave copy newer than
the real file therefore means edits that never reached it (a crash, a lost SSH session),
and the wizard offers to recover them when the post-mortem is opened again.
"""

from __future__ import annotations

from pathlib import Path

from pm_tui.errors import PmTuiError
from pm_tui.model import PostMortem


def git_dir(root: Path) -> Path:
    """The git directory of the work tree at `root`, read without running git."""
    dot_git = Path(root) / ".git"
    if dot_git.is_file():  # a linked worktree: ".git" holds "gitdir: <path>"
        text = dot_git.read_text(encoding="utf-8").strip()
        if text.startswith("gitdir:"):
            p = Path(text.split(":", 1)[1].strip())
            return p if p.is_absolute() else (Path(root) / p).resolve()
    return dot_git


def state_dir(root: Path) -> Path:
    """`.git/pm-tui`: the folder for autosave copies and locks (not created here)."""
    return git_dir(root) / "pm-tui"


def autosave_path(root: Path, pm_id: str) -> Path:
    """Where the autosave copy of post-mortem `pm_id` is kept (a valid id, proven to stay
    under `.git/pm-tui/`: the id comes from a file anyone can commit)."""
    from pm_tui.safepath import check_id, inside

    check_id(pm_id)
    return inside(state_dir(root), state_dir(root) / "autosave" / f"{pm_id}.toml")


def write_autosave(root: Path, pm: PostMortem, real_file: Path | None = None) -> Path:
    """Write `pm` atomically to its autosave copy, keeping the real file's comments."""
    from pm_tui.atomic_write import atomic_write_text
    from pm_tui.toml_write import render_postmortem

    existing = None
    if real_file is not None and real_file.exists():
        existing = real_file.read_text(encoding="utf-8")
    path = autosave_path(root, pm.id)
    try:
        text = render_postmortem(pm, existing)
    except PmTuiError:  # the real file cannot be merged into: the copy is written afresh
        text = render_postmortem(pm, None)
    atomic_write_text(path, text)
    return path


def discard_autosave(root: Path, pm_id: str) -> None:
    """Remove the autosave copy of `pm_id`, if any."""
    autosave_path(root, pm_id).unlink(missing_ok=True)


def recoverable_autosave(root: Path, pm_id: str, real_file: Path) -> PostMortem | None:
    """The autosaved post-mortem when its copy is newer than `real_file` and differs from it."""
    from pm_tui.safepath import is_valid_id

    if not is_valid_id(pm_id):
        return None
    path = autosave_path(root, pm_id)
    if not path.exists():
        return None
    if real_file.exists():
        if path.stat().st_mtime_ns <= real_file.stat().st_mtime_ns:
            return None
        if path.read_bytes() == real_file.read_bytes():
            return None
    from pm_tui.postmortem_store import read_postmortem

    try:
        return read_postmortem(path)
    except PmTuiError:
        return None  # a copy we cannot read is no work to recover
