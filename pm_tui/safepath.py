"""Paths pm-tui writes are proven to stay inside the repository.

A post-mortem id is read from files anyone with commit access can edit, from the command
line, from lock and autosave names; an id like `../../elsewhere/x` must never become a path.
`check_id` refuses anything but `YYYY-MM-DD-slug`; `inside` resolves a path (symlinks
included, so a committed symlinked `<id>.evidence` folder counts as where it points) and
refuses it unless it stays under the given root.
"""

from __future__ import annotations

import os
from pathlib import Path

from pm_tui.errors import PmTuiError
from pm_tui.model import ID_RE


class UnsafePathError(PmTuiError):
    """A path pm-tui would write or delete lies outside the repository (or an id is no id)."""

    exit_code = 2


def is_valid_id(pm_id: object) -> bool:
    """True for a post-mortem id of the documented form (YYYY-MM-DD-slug)."""
    return isinstance(pm_id, str) and len(pm_id) <= 200 and ID_RE.match(pm_id) is not None


def check_id(pm_id: object, where: str = "") -> str:
    """Return `pm_id` if it is a valid post-mortem id, else raise one line saying what to do."""
    if is_valid_id(pm_id):
        return pm_id  # type: ignore[return-value]
    shown = repr(pm_id)[:80]
    origin = f" in {where}" if where else ""
    raise UnsafePathError(
        f"{shown}{origin} is not a valid post-mortem id: use YYYY-MM-DD-slug "
        "(lower-case letters, digits and hyphens), e.g. 2025-02-09-api-outage"
    )


def inside(root: Path | str, path: Path | str) -> Path:
    """`path`, once proven to resolve (symlinks followed) to a place under `root`.

    The last component may not exist yet; every existing parent is resolved. Raises
    UnsafePathError naming the path and where it leads otherwise.
    """
    root_real = Path(os.path.realpath(root))
    target = Path(path)
    if not target.is_absolute():
        target = Path(root) / target
    real = Path(os.path.realpath(target))
    if real != root_real and root_real not in real.parents:
        raise UnsafePathError(
            f"{target} leads to {real}, outside {root_real}: pm-tui writes only inside the "
            "repository (remove the symlink or fix the id)"
        )
    return target
