"""The post-mortem repository: one TOML file per post-mortem under `postmortems/`, in git.

    <repo>/postmortems/<id>.toml          the post-mortem
    <repo>/postmortems/<id>.evidence/     its kept evidence (candidate events, series)

Saving is atomic (temporary file, then rename) and merges into the existing text so a
person's comments survive. Committing commits that post-mortem's files only.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pm_tui import gitstore
from pm_tui.atomic_write import atomic_write_text
from pm_tui.errors import FileFormatError, NotFoundError, PmTuiError
from pm_tui.model import ID_RE, PostMortem

POSTMORTEMS_DIR = "postmortems"


def read_postmortem(path: Path) -> PostMortem:
    """Load one post-mortem file; FileFormatError says where it is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NotFoundError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise FileFormatError(path, 1, 1, f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise PmTuiError(f"{path}: cannot read ({exc.strerror})") from None
    from pm_tui.toml_read import parse_postmortem  # lazy: list/stats/review never parse

    return parse_postmortem(text, path)


def write_postmortem(pm: PostMortem, path: Path) -> bool:
    """Save `pm` to `path`, merged into the existing text. Returns True if the bytes changed."""
    existing = path.read_text(encoding="utf-8") if path.exists() else None
    from pm_tui.toml_write import render_postmortem

    text = render_postmortem(pm, existing)
    if text == existing:
        return False
    atomic_write_text(path, text)
    return True


@dataclass
class Summary:
    """One line of the list of post-mortems (or the reason its file cannot be read)."""

    id: str
    path: Path
    postmortem: PostMortem | None = None
    error: str | None = None


class Repository:
    """A folder of post-mortems under git."""

    def __init__(self, root: Path):
        self.root = Path(root)

    # --- opening -------------------------------------------------------------------
    @classmethod
    def open(cls, repo: str | os.PathLike | None = None, *, create: bool = True) -> Repository:
        """Open the repository chosen by `repo`/$PM_TUI_REPO/config/default, creating it if needed."""
        from pm_tui.config import resolve_repo_path

        root = resolve_repo_path(repo)
        if root.exists() and not root.is_dir():
            raise PmTuiError(f"{root} is a file, not a folder: pass --repo with a folder")
        if not gitstore.is_repo(root):
            if not create:
                raise NotFoundError(
                    f"{root} is not a git repository: run 'pm-tui init' or pass --repo"
                )
            if root.exists() and any(root.iterdir()) and not (root / POSTMORTEMS_DIR).is_dir():
                raise PmTuiError(
                    f"{root} exists and is not a git repository: pass --repo with an empty "
                    "folder or an existing post-mortem repository"
                )
            gitstore.init_repo(root)
        (root / POSTMORTEMS_DIR).mkdir(exist_ok=True)
        return cls(root)

    # --- paths -----------------------------------------------------------------------
    @property
    def postmortems_dir(self) -> Path:
        return self.root / POSTMORTEMS_DIR

    def path_for(self, pm_id: str) -> Path:
        """The TOML file of post-mortem `pm_id`."""
        return self.postmortems_dir / f"{pm_id}.toml"

    def evidence_dir(self, pm_id: str) -> Path:
        """The folder beside the TOML file for that post-mortem's kept evidence."""
        return self.postmortems_dir / f"{pm_id}.evidence"

    def resolve(self, id_or_path: str) -> Path:
        """The file for an id, a unique id prefix, or a path; NotFoundError otherwise."""
        p = Path(id_or_path)
        if id_or_path.endswith(".toml") or os.sep in id_or_path:
            if p.is_file():
                return p
            raise NotFoundError(f"{id_or_path}: no such post-mortem file")
        exact = self.path_for(id_or_path)
        if exact.is_file():
            return exact
        matches = [f for f in self.files() if f.stem.startswith(id_or_path) or id_or_path in f.stem]
        if len(matches) == 1:
            return matches[0]
        if matches:
            names = ", ".join(f.stem for f in matches[:5])
            raise NotFoundError(f"'{id_or_path}' matches several post-mortems: {names}")
        raise NotFoundError(
            f"no post-mortem '{id_or_path}' in {self.postmortems_dir} (see 'pm-tui list')"
        )

    def files(self) -> list[Path]:
        """Every post-mortem file, sorted by name (so by date)."""
        if not self.postmortems_dir.is_dir():
            return []
        return sorted(p for p in self.postmortems_dir.glob("*.toml") if not p.name.startswith("."))

    # --- reading and writing -----------------------------------------------------------
    def load(self, id_or_path: str) -> PostMortem:
        """The post-mortem with this id (or at this path)."""
        return read_postmortem(self.resolve(id_or_path))

    def summaries(self) -> Iterator[Summary]:
        """Every post-mortem, newest first; unreadable files come with their error."""
        for path in reversed(self.files()):
            try:
                yield Summary(path.stem, path, read_postmortem(path))
            except PmTuiError as exc:
                yield Summary(path.stem, path, error=str(exc))

    def exists(self, pm_id: str) -> bool:
        return self.path_for(pm_id).exists()

    def save(self, pm: PostMortem) -> Path:
        """Write `pm` atomically to its file; returns the path."""
        if not ID_RE.match(pm.id):
            raise PmTuiError(f"'{pm.id}' is not a valid post-mortem id (YYYY-MM-DD-slug)")
        path = self.path_for(pm.id)
        write_postmortem(pm, path)
        return path

    def file_bytes(self, path: Path) -> bytes | None:
        """A post-mortem file's bytes as on disk (None when absent): comparing them tells an
        editor that another writer changed the file (a few kB; no hash needed)."""
        try:
            return Path(path).read_bytes()
        except FileNotFoundError:
            return None

    def paths_of(self, pm_id: str) -> list[Path]:
        """The files a commit of this post-mortem includes."""
        paths = [self.path_for(pm_id)]
        ev = self.evidence_dir(pm_id)
        if ev.exists() or self._tracked(ev):
            paths.append(ev)
        return paths

    def _tracked(self, path: Path) -> bool:
        rel = path.relative_to(self.root)
        return bool(gitstore._git(self.root, "ls-files", "--", str(rel), check=False).strip())

    def commit(self, pm: PostMortem, what: str, *, push: bool = False) -> str | None:
        """Commit this post-mortem's file (and evidence) with a message naming it and `what`."""
        message = f"{pm.id}: {what}\n\nPost-mortem: {pm.title}"
        commit = gitstore.commit_paths(self.root, self.paths_of(pm.id), message)
        if push:
            gitstore.push(self.root)
        return commit

    def relative_target(self, target: str) -> str:
        """A source's file target as recorded: relative to the repository when inside it,
        so the record stays true in every clone."""
        path = Path(target)
        if path.is_absolute():
            try:
                return path.resolve().relative_to(self.root.resolve()).as_posix()
            except ValueError:
                return target
        return target

    def record_sources(self, pm: PostMortem) -> None:
        """Make file targets repository-relative and keep only the newest record of each
        (kind, target), in the order they were first collected."""
        latest = {}
        for source in pm.sources:
            source.target = self.relative_target(source.target)
            latest[(source.kind, source.target)] = source
        seen, kept = set(), []
        for source in pm.sources:
            key = (source.kind, source.target)
            if key not in seen:
                seen.add(key)
                kept.append(latest[key])
        pm.sources = kept

    def resolve_target(self, target: str) -> str:
        """Where a recorded file target is now: relative targets are inside the repository."""
        if "://" in target:
            return target
        path = Path(target)
        if not path.is_absolute() and (self.root / path).exists():
            return str(self.root / path)
        return target

    def has_uncommitted_changes(self, pm_id: str) -> bool:
        """True when the post-mortem's files differ from the last commit."""
        return gitstore.has_uncommitted_changes(self.root, self.paths_of(pm_id))
