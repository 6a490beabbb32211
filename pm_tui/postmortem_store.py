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
from pm_tui.model import PostMortem
from pm_tui.safepath import check_id, inside, is_valid_id

POSTMORTEMS_DIR = "postmortems"
MAX_FILE_BYTES = 32 << 20  # a 100,000-event post-mortem is about 20 MB


def read_text_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file `path`, refusing FIFOs, devices and folders (which
    would block or never end) and files over `max_bytes`, each with one line."""
    import stat

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO must not block the open
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise PmTuiError(f"{path}: not a regular file (a FIFO, device or folder): skipped")
        if st.st_size > max_bytes:
            raise PmTuiError(
                f"{path}: {st.st_size:,} bytes, more than the {max_bytes:,} a post-mortem "
                "may have: split it or remove what does not belong"
            )
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            size += len(chunk)
            if size > max_bytes:
                raise PmTuiError(f"{path}: grew past {max_bytes:,} bytes while read: try again")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_postmortem(path: Path) -> PostMortem:
    """Load one post-mortem file; FileFormatError says where it is wrong."""
    return read_postmortem_and_text(path)[0]


def read_postmortem_and_text(path: Path) -> tuple[PostMortem, str]:
    """Load one post-mortem file and its text; any unreadable file is one PmTuiError line."""
    path = Path(path)
    try:
        text = read_text_bounded(path, MAX_FILE_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise NotFoundError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raw = exc.object[:4] if isinstance(exc.object, bytes) else b""
        what = (
            "UTF-16 text: save it as UTF-8"
            if raw[:2] in (b"\xff\xfe", b"\xfe\xff")
            else f"not UTF-8 text ({exc.reason}): save it as UTF-8"
        )
        raise FileFormatError(path, 1, 1, what) from None
    except OSError as exc:
        raise PmTuiError(f"{path}: cannot read ({exc.strerror})") from None
    if "\x00" in text:
        raise FileFormatError(path, 1, text.index("\x00") + 1, "a binary file, not TOML text")
    from pm_tui.toml_read import parse_postmortem  # lazy: list/stats/review never parse

    try:
        pm = parse_postmortem(text, path)
    except PmTuiError:
        raise
    except Exception as exc:  # a bad file must be one line, whatever the parser met
        raise FileFormatError(
            path, 1, 1, f"cannot be read ({type(exc).__name__}: {str(exc)[:120]})"
        ) from None
    check_file_id(pm, path, text)
    return pm, text


def check_file_id(pm: PostMortem, path: Path, text: str = "") -> None:
    """Refuse an id that is no id, or (in a post-mortem folder) differs from the file's name:
    saving would write, and commit, over another post-mortem's file."""
    from pm_tui.tomlpos import locate

    if not is_valid_id(pm.id):
        line, col = locate(text, ("id",)) if text else (1, 1)
        raise FileFormatError(
            path,
            line,
            col,
            f"'id' is {pm.id[:80]!r}, not a post-mortem id: use YYYY-MM-DD-slug "
            "(lower-case letters, digits, hyphens)",
        )
    if path.parent.name in (POSTMORTEMS_DIR, "autosave") and path.stem != pm.id:
        line, col = locate(text, ("id",)) if text else (1, 1)
        raise FileFormatError(
            path,
            line,
            col,
            f"'id' is '{pm.id}' but the file is named {path.name}: rename the file to "
            f'{pm.id}.toml or set id = "{path.stem}"',
        )


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
        # the text each post-mortem had when this process read or wrote it: a save whose
        # file changed meanwhile is merged or refused, never written over in silence
        self._bases: dict[str, str] = {}

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
        """The TOML file of post-mortem `pm_id`, proven inside the repository."""
        check_id(pm_id)
        return inside(self.root, self.postmortems_dir / f"{pm_id}.toml")

    def evidence_dir(self, pm_id: str) -> Path:
        """The folder beside the TOML file for that post-mortem's kept evidence (proven
        inside the repository: a committed symlink to elsewhere is refused)."""
        check_id(pm_id)
        return inside(self.root, self.postmortems_dir / f"{pm_id}.evidence")

    def resolve(self, id_or_path: str) -> Path:
        """The file for an id, a unique id prefix, or a path; NotFoundError otherwise."""
        p = Path(id_or_path)
        if id_or_path.endswith(".toml") or os.sep in id_or_path:
            if p.is_file():
                return p
            raise NotFoundError(f"{id_or_path}: no such post-mortem file")
        exact = self.postmortems_dir / f"{id_or_path}.toml"
        if is_valid_id(id_or_path) and exact.is_file():
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
        path = self.resolve(id_or_path)
        pm, text = read_postmortem_and_text(path)
        self._remember(pm, path, text)
        return pm

    def _remember(self, pm: PostMortem, path: Path, text: str) -> None:
        if path.parent == self.postmortems_dir:
            self._bases[pm.id] = text

    def summaries(self) -> Iterator[Summary]:
        """Every post-mortem, newest first; unreadable files come with their error."""
        for path in reversed(self.files()):
            try:
                pm, text = read_postmortem_and_text(path)
                self._remember(pm, path, text)
                yield Summary(path.stem, path, pm)
            except PmTuiError as exc:
                yield Summary(path.stem, path, error=str(exc))

    def exists(self, pm_id: str) -> bool:
        return self.path_for(pm_id).exists()

    def save(self, pm: PostMortem, *, force: bool = False) -> Path:
        """Write `pm` atomically to its file, under the post-mortem's lock; returns the path.

        When the file changed since this process read it (another pm-tui, an editor, a
        pull), both edits are merged if they touch different fields or rows; otherwise
        nothing is written and MergeConflict says what both changed. `pm` is updated to
        what was written. `force` writes `pm` over whatever the file holds.
        """
        from pm_tui.lock import writer_lock
        from pm_tui.model_checks import first_problem

        path = self.path_for(pm.id)
        problem = first_problem(pm)
        if problem is not None:  # a file pm-tui would refuse to read is never written
            raise PmTuiError(f"not saved: {problem[1]}")
        with writer_lock(self.root, pm.id):
            base = self._bases.get(pm.id)
            if not force and base is not None:
                current = path.read_text(encoding="utf-8") if path.exists() else None
                if current != base:
                    self._merge_into(pm, base, current, path)
            write_postmortem(pm, path)
            self._bases[pm.id] = path.read_text(encoding="utf-8")
        return path

    def _merge_into(self, pm: PostMortem, base: str, current: str | None, path: Path) -> None:
        """Make `pm` hold its edits and those made to the file since `base` was read."""
        from dataclasses import fields

        from pm_tui.merge import MergeConflict, merge_postmortems

        if current is None:
            raise MergeConflict(
                f"{path.name} was deleted since pm-tui read it: nothing saved; restore it "
                "(git checkout) or start again"
            )
        from pm_tui.toml_read import parse_postmortem

        try:
            theirs = parse_postmortem(current, path)
            merged = merge_postmortems(parse_postmortem(base, path), pm, theirs)
        except MergeConflict as exc:
            raise MergeConflict(
                f"{path.name} changed since pm-tui read it (another edit at the same time) "
                f"and both changed {exc.what}: nothing saved; run the command again to apply "
                "your change to the new version"
            ) from None
        except PmTuiError as exc:
            raise MergeConflict(
                f"{path.name} changed since pm-tui read it and cannot be read now ({exc}): "
                "nothing saved; fix the file, then run the command again"
            ) from None
        for f in fields(pm):
            setattr(pm, f.name, getattr(merged, f.name))

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
        source (`source_key`), in the order they were first collected."""
        from pm_tui.collectors.common import source_key

        latest = {}
        for source in pm.sources:
            source.target = self.relative_target(source.target)
            latest[source_key(source)] = source
        seen, kept = set(), []
        for source in pm.sources:
            key = source_key(source)
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
