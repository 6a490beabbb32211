"""Every post-mortem of a repository, read fast: parsed files are cached between runs.

Even with tomli's compiled parser (about 0.8 ms per post-mortem; the stdlib's tomllib takes
about 3 ms), reading 1,000 files on each `pm-tui review` or `search` takes over a second. The cache keeps each file's parsed model
keyed by (size, mtime_ns, inode); a file whose stat differs is parsed again. It lives
in the user cache directory, one file per repository, and holds nothing the TOML files
do not: deleting it is always safe. It is read with an unpickler that only builds
pm_tui.model and datetime objects.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
from pathlib import Path

from pm_tui import __version__
from pm_tui.atomic_write import atomic_write_bytes
from pm_tui.errors import PmTuiError
from pm_tui.model import SCHEMA_VERSION, PostMortem
from pm_tui.postmortem_store import Repository, Summary, read_postmortem

CACHE_FORMAT = 2  # 2: ids checked against file names when read
_ALLOWED = {"pm_tui.model", "datetime"}


class _ModelUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if module in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")


def cache_path(repo: Repository) -> Path:
    """Where the parsed files of `repo` are cached ($PM_TUI_CACHE_DIR or the user cache dir)."""
    base = os.environ.get("PM_TUI_CACHE_DIR")
    if base:
        folder = Path(base)
    else:
        from platformdirs import user_cache_path

        folder = user_cache_path("pm-tui") / "parsed"
    key = hashlib.sha256(str(repo.root.resolve()).encode()).hexdigest()[:20]
    return folder / f"{key}.pickle"


def _stamp(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def _read_cache(path: Path) -> dict[str, tuple[tuple[int, int, int], PostMortem]]:
    try:
        data = _ModelUnpickler(io.BytesIO(path.read_bytes())).load()
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict) or data.get("key") != _cache_key():
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


def _cache_key() -> tuple:
    return (CACHE_FORMAT, SCHEMA_VERSION, __version__)


def _write_cache(path: Path, entries: dict) -> None:
    data = pickle.dumps({"key": _cache_key(), "entries": entries}, pickle.HIGHEST_PROTOCOL)
    try:
        atomic_write_bytes(path, data)
    except OSError:
        pass  # a cache that cannot be written only costs speed next time


def load_all(repo: Repository, *, use_cache: bool = True) -> list[Summary]:
    """Every post-mortem file of `repo`, newest first, like `repo.summaries()` but cached."""
    where = cache_path(repo) if use_cache else None
    cached = _read_cache(where) if where else {}
    fresh: dict[str, tuple[tuple[int, int, int], PostMortem]] = {}
    out: list[Summary] = []
    changed = False
    for path in reversed(repo.files()):
        try:
            stamp = _stamp(path)
        except OSError:
            continue  # removed while listing
        hit = cached.get(path.name)
        if hit is not None and hit[0] == stamp:
            pm = hit[1]
        else:
            try:
                pm = read_postmortem(path)
            except PmTuiError as exc:
                out.append(Summary(path.stem, path, error=str(exc)))
                changed = changed or path.name in cached
                continue
            changed = True
        fresh[path.name] = (stamp, pm)
        out.append(Summary(path.stem, path, pm))
    if where and (changed or len(fresh) != len(cached)):
        _write_cache(where, fresh)
    return out
