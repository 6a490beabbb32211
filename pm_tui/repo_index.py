"""The repository index: what `list`, `review`, `search`, `stats` and the start screen read.

Parsing and validating 10,000 TOML files takes seconds; reading what those commands need
from one file beside the repository takes tens of milliseconds. The index keeps, for each
post-mortem file, its size, mtime and git blob id and a compact record (`IndexedPostMortem`):
the fields the commands show, the action items, the durations, the validation badge, and
(in a second section read by `search` only) the searchable text. Each run stats the files;
a file whose size or mtime changed is hashed, and re-read only when its blob id changed too.

It lives in `.git/pm-tui/index.pickle` (never committed), holds nothing the files do not,
and is safe to delete. It holds only plain values (tuples, strings, numbers), and is read
with an unpickler that refuses every class, so a tampered file cannot run code.
"""

from __future__ import annotations

import io
import os
import pickle
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from pm_tui import __version__
from pm_tui.errors import PmTuiError

if TYPE_CHECKING:
    from pm_tui.model import ActionItem, ContributingFactor, PostMortem

INDEX_FORMAT = 2
INDEX_NAME = "index.pickle"
NO_SWITCH = 0  # a badge that no later day changes

# A record: what `list` shows, then the rest pickled apart (`detail`), decoded when asked for.
_FIELDS = ("id", "title", "started", "severity", "status", "open_actions", "badge",
           "validated_on", "detail")  # fmt: skip
_DETAIL = ("services", "factors", "immediate_causes", "actions", "durations", "resolved",
           "first_distribution", "reviewed", "follow_up_due")  # fmt: skip


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        raise pickle.UnpicklingError(f"{module}.{name}: the index holds plain values only")


def _epoch(value: datetime | None) -> int | None:
    return int(value.timestamp()) if value is not None else None


def _from_epoch(value: int | None) -> datetime | None:
    return datetime.fromtimestamp(value, UTC) if value is not None else None


def _ordinal(value: date | None) -> int | None:
    return value.toordinal() if value is not None else None


def _from_ordinal(value: int | None) -> date | None:
    return date.fromordinal(value) if value is not None else None


class Badge(NamedTuple):
    """Validation counts: all findings, and those not acknowledged (what the start screen shows).

    A finding that depends on the day (the report not distributed 48 hours after resolution)
    changes the counts once: from `switch_on` on, `later` holds them.
    """

    errors: int
    warnings: int
    open_errors: int
    open_warnings: int
    switch_on: int = NO_SWITCH
    later: tuple[int, int, int, int] | None = None

    def on(self, today: date) -> Badge:
        """The counts as seen on `today`."""
        if self.switch_on and self.later and today.toordinal() >= self.switch_on:
            return Badge(*self.later)
        return self


class IndexedPostMortem:
    """What the index keeps of one post-mortem: enough for list, review, search and stats.

    Reads like a `PostMortem` where it can (`id`, `title`, `date`, `severity`, `status`,
    `services`, `actions`, `open_actions()`), and keeps the durations as computed by
    `pm_tui.durations` when the file was read.
    """

    __slots__ = (
        "_folder", "_name", "_row", "_detail", "_actions", "_factors", "_started", "mtime_ns"
    )  # fmt: skip

    def __init__(self, folder: str, name: str, row: tuple, mtime_ns: int = 0):
        self._folder, self._name, self._row = folder, name, row
        self.mtime_ns = mtime_ns  # the file's, when the index last looked
        self._detail: tuple | None = None
        self._started: datetime | None = None
        self._actions: list[ActionItem] | None = None
        self._factors: list[ContributingFactor] | None = None

    @property
    def path(self) -> Path:
        """The post-mortem's file."""
        return Path(self._folder, self._name)

    @property
    def file_name(self) -> str:
        return self._name

    @property
    def path_text(self) -> str:
        """The file's path as text (10,000 Path objects cost 50 ms in `list`)."""
        return os.path.join(self._folder, self._name)

    id = property(lambda self: self._row[0])
    title = property(lambda self: self._row[1])
    severity = property(lambda self: self._row[3])
    status = property(lambda self: self._row[4])
    open_action_count = property(lambda self: self._row[5])

    def _d(self, n: int):
        return (self._detail or self._decode())[n]

    def _decode(self) -> tuple:
        self._detail = _PlainUnpickler(io.BytesIO(self._row[8])).load()
        return self._detail

    services = property(lambda self: self._d(0))  # a tuple: read-only
    immediate_causes = property(lambda self: self._d(2))

    @property
    def cause_terms(self) -> tuple:
        """(text, terms) of each immediate cause, what recurrence compares."""
        from pm_tui.insights.causes import cause_terms

        return tuple((c, cause_terms(c)) for c in self._d(2) if c.strip())

    @property
    def started(self) -> datetime:
        if self._started is None:
            self._started = datetime.fromtimestamp(self._row[2], UTC)
        return self._started

    @property
    def date(self) -> date:
        return self.started.date()

    # Raw values for the arithmetic of insights: 10,000 datetimes cost more than the sums.
    started_epoch = property(lambda self: self._row[2])
    resolved_epoch = property(lambda self: self._d(5))
    first_distribution_epoch = property(lambda self: self._d(6))
    follow_up_due_ordinal = property(lambda self: self._d(8))
    duration_values = property(lambda self: self._d(4))  # seconds, in DURATION_METRICS' order

    @property
    def factors(self) -> list[ContributingFactor]:
        if self._factors is None:
            from pm_tui.model import ContributingFactor

            self._factors = [ContributingFactor(i, c, d) for i, c, d in self._d(1)]
        return self._factors

    @property
    def categories(self) -> set[str]:
        return {c for _i, c, _d in self._d(1)}

    @property
    def factor_rows(self) -> tuple:
        """(id, category, description) of each factor, as stored."""
        return self._d(1)

    @property
    def action_rows(self) -> tuple:
        """(id, action, owner, deadline ordinal, priority, status, tracker url, factor) of
        each action item, as stored (the arithmetic of insights reads these)."""
        return self._d(3)

    @property
    def actions(self) -> list[ActionItem]:
        if self._actions is None:
            from pm_tui.model import ActionItem

            self._actions = [
                ActionItem(i, text, owner, _from_ordinal(dl), prio, status, url, factor)
                for i, text, owner, dl, prio, status, url, factor in self._d(3)
            ]
        return self._actions

    def open_actions(self) -> list[ActionItem]:
        return [a for a in self.actions if a.is_open] if self._row[5] else []

    def duration_seconds(self) -> dict[str, int | None]:
        """Time to detect, acknowledge, mitigate and resolve in seconds (None when unknown)."""
        return dict(zip(("detect", "acknowledge", "mitigate", "resolve"), self._d(4), strict=True))

    @property
    def resolved(self) -> datetime | None:
        return _from_epoch(self._d(5))

    @property
    def first_distribution(self) -> datetime | None:
        return _from_epoch(self._d(6))

    @property
    def reviewed(self) -> date | None:
        return _from_ordinal(self._d(7))

    @property
    def follow_up_due(self) -> date:
        return date.fromordinal(self._d(8))

    def badge(self, today: date) -> Badge:
        return Badge(*self._row[6]).on(today)


def record(pm: PostMortem, today: date) -> tuple:
    """The index record of `pm` (its validation as seen on `today`)."""
    from pm_tui.durations import durations
    from pm_tui.schedule import follow_up_date

    d = durations(pm)
    secs = tuple(
        int(v.total_seconds()) if v is not None else None
        for v in (d.detect, d.acknowledge, d.mitigate, d.resolve)
    )
    first_sent = min((x.sent_at for x in pm.distribution), default=None)
    detail = (
        tuple(pm.services),
        tuple((f.id, f.category, f.description) for f in pm.analysis.factors),
        tuple(pm.analysis.immediate_causes),
        tuple(
            (
                a.id,
                a.action,
                a.owner,
                _ordinal(a.deadline),
                a.priority,
                a.status,
                a.tracker_url,
                a.factor,
            )
            for a in pm.actions
        ),  # fmt: skip
        secs,
        _epoch(pm.window.resolved),
        _epoch(first_sent),
        _ordinal(pm.reviewed),
        follow_up_date(pm).toordinal(),
    )
    return (
        pm.id,
        pm.title,
        _epoch(pm.window.started),
        pm.severity,
        pm.status,
        sum(1 for a in pm.actions if a.is_open),
        _badge(pm, today),
        today.toordinal(),
        pickle.dumps(detail, pickle.HIGHEST_PROTOCOL),
    )


def _counts(findings) -> tuple[int, int, int, int]:
    err = [f for f in findings if f.severity == "error"]
    warn = [f for f in findings if f.severity == "warning"]
    return (
        len(err),
        len(warn),
        sum(not f.acknowledged for f in err),
        sum(not f.acknowledged for f in warn),
    )


class _WatchedDay(date):
    """A day that notes whether the rules' use of it could answer differently on a later
    day: comparing it with a date already past cannot (tomorrow compares the same way);
    comparing it with today or a later date, or doing arithmetic with it, might. When
    nothing might, the index skips validating again far ahead (halves a cold build)."""

    uncertain = False

    def _plain(self) -> date:
        return date(self.year, self.month, self.day)

    def _compare(self, other) -> date:
        if not (isinstance(other, date) and other < self._plain()):
            type(self).uncertain = True
        return self._plain()

    def _use(self) -> date:
        type(self).uncertain = True
        return self._plain()

    def __lt__(self, other):
        return self._compare(other) < other

    def __le__(self, other):
        return self._compare(other) <= other

    def __gt__(self, other):
        return self._compare(other) > other

    def __ge__(self, other):
        return self._compare(other) >= other

    def __sub__(self, other):
        return self._use() - other

    def __rsub__(self, other):
        return other - self._use()

    def __add__(self, other):
        return self._use() + other

    __radd__ = __add__

    def isoformat(self):
        return self._use().isoformat()

    def toordinal(self):
        return self._use().toordinal()

    def __str__(self):
        return str(self._use())

    def __format__(self, spec):
        return format(self._use(), spec)


def _badge(pm: PostMortem, today: date) -> tuple:
    # The rules decide which findings depend on the day; when they read the day, the index
    # asks them again far ahead and, when the counts differ, bisects for the switch day.
    from pm_tui.validation import validate

    class Day(_WatchedDay):
        pass

    now = _counts(validate(pm, today=Day(today.year, today.month, today.day)))
    if not Day.uncertain:
        return (*now, NO_SWITCH, None)
    far = today + timedelta(days=3650)
    later = _counts(validate(pm, today=far))
    if later == now:
        return (*now, NO_SWITCH, None)
    lo, hi = today, far  # counts(lo) == now, counts(hi) == later
    while (hi - lo).days > 1:
        mid = lo + (hi - lo) / 2
        if _counts(validate(pm, today=mid)) == now:
            lo = mid
        else:
            hi = mid
    return (*now, hi.toordinal(), later)


def blob_id(data: bytes) -> str:
    """The git blob id of a file's bytes (what `git hash-object` prints)."""
    import hashlib  # only when a file changed: importing it costs 6 ms on every warm run

    h = hashlib.sha1(b"blob %d\0" % len(data))  # noqa: S324 - git's own id, not security
    h.update(data)
    return h.hexdigest()


class Unreadable:
    """A post-mortem file the index could not read, and why (reported, never fatal)."""

    __slots__ = ("id", "path", "error")

    def __init__(self, id: str, path: Path, error: str):
        self.id, self.path, self.error = id, path, error


class Catalog:
    """Every post-mortem of a repository as the index sees it, newest first.

    `texts` maps ids to searchable text when asked for; `reread` counts the files parsed
    on this run (0 when the index was up to date)."""

    def __init__(self, postmortems: list[IndexedPostMortem], reread: int = 0):
        self.postmortems = postmortems
        self.unreadable: list[Unreadable] = []
        self.texts: dict[str, str] | None = None
        self.reread = reread

    def text_of(self, pm: IndexedPostMortem) -> str:
        return (self.texts or {}).get(pm.id, "")


def index_path(root: Path) -> Path:
    """Where the index of the repository at `root` is kept."""
    from pm_tui.workstate import state_dir

    return state_dir(root) / INDEX_NAME


def _key() -> tuple:
    # The schema version changes only with pm-tui's version (importing the model costs 8 ms).
    return (INDEX_FORMAT, __version__)


def _read(path: Path) -> tuple[dict, int]:
    """(entries, offset of the texts section) from the index; empty when missing or stale."""
    try:
        with open(path, "rb") as fh:
            head = _PlainUnpickler(fh).load()
            offset = fh.tell()
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, IndexError):
        return {}, 0
    if not (isinstance(head, tuple) and len(head) == 2 and head[0] == _key()):
        return {}, 0
    return (head[1], offset) if isinstance(head[1], dict) else ({}, 0)


def _read_texts(path: Path, offset: int) -> dict[str, str]:
    """The searchable texts section (file name -> text), read only by those who need it."""
    try:
        with open(path, "rb") as fh:
            fh.seek(offset)
            texts = _PlainUnpickler(fh).load()
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, IndexError):
        return {}
    return texts if isinstance(texts, dict) else {}


def _write(path: Path, entries: dict, texts: dict) -> None:
    from pm_tui.atomic_write import atomic_write_bytes

    buf = io.BytesIO()
    pickle.dump((_key(), entries), buf, pickle.HIGHEST_PROTOCOL)
    pickle.dump(texts, buf, pickle.HIGHEST_PROTOCOL)
    try:
        atomic_write_bytes(path, buf.getvalue())
    except OSError:
        pass  # an index that cannot be written only costs speed next time


def _scan(folder: Path) -> Iterable[tuple[str, int, int, bool]]:
    """(name, size, mtime_ns, is a regular file) of each post-mortem file, by name."""
    try:
        it = os.scandir(folder)
    except OSError:
        return []
    found = []
    with it:
        for entry in it:
            name = entry.name
            if name.endswith(".toml") and not name.startswith("."):
                try:
                    st = entry.stat()
                except OSError:
                    continue  # removed while listing
                found.append((name, st.st_size, st.st_mtime_ns, entry.is_file()))
    found.sort()
    return found


def file_blob_id(path: Path, size: int) -> str:
    """The git blob id of the file at `path` of `size` bytes, read in bounded chunks."""
    import hashlib  # only when a file changed: importing it costs 6 ms on every warm run

    h = hashlib.sha1(b"blob %d\0" % size)  # noqa: S324 - git's own id, not security
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def load(
    root: Path, *, today: date | None = None, with_text: bool = False, use_index: bool = True
) -> Catalog:
    """Every post-mortem of the repository at `root`, newest first, through the index.

    Files are validated as of `today` (default: the real date, whatever day a command reports
    on: `--today` options do not change the badges, so they never invalidate the index).

    Files that changed since the index was written are read again (a bad one is listed in
    `unreadable` and skipped); the index is rewritten only when something changed.
    """
    today = today or datetime.now(UTC).date()
    folder = Path(root) / "postmortems"
    where = index_path(Path(root))
    old, offset = _read(where) if use_index else ({}, 0)
    entries: dict[str, tuple] = {}
    fresh_texts: dict[str, str] = {}
    reread = 0
    changed = False
    for name, size, mtime, regular in _scan(folder):
        hit = old.get(name)
        if hit is not None and hit[0] == size and hit[1] == mtime and _fresh(hit, today):
            entries[name] = hit
            continue
        changed = True
        path = folder / name
        if not regular:  # never opened: a FIFO would block the command
            entries[name] = (size, mtime, "", None, f"{path}: not a regular file")
            continue
        try:
            blob = file_blob_id(path, size)
        except OSError as exc:
            entries[name] = (size, mtime, "", None, f"{path}: cannot read ({exc.strerror})")
            continue
        if hit is not None and hit[2] == blob and _fresh(hit, today):
            entries[name] = (size, mtime, blob, hit[3], hit[4])  # touched, not changed
            continue
        reread += 1
        from pm_tui.postmortem_store import read_postmortem  # the model: only when rereading

        try:
            pm = read_postmortem(path)  # the store's one loader: its checks and bounds apply
        except PmTuiError as exc:
            entries[name] = (size, mtime, blob, None, str(exc))
            continue
        from pm_tui.search import searchable_text

        entries[name] = (size, mtime, blob, record(pm, today), None)
        fresh_texts[name] = searchable_text(pm)
    changed = changed or len(entries) != len(old)
    texts: dict[str, str] = {}
    if changed or with_text:
        kept = _read_texts(where, offset) if offset else {}
        texts = {n: fresh_texts.get(n) or kept.get(n, "") for n in entries if entries[n][3]}
    if use_index and changed:
        _write(where, entries, texts)
    catalog = Catalog([], reread=reread)
    folder_text = str(folder)
    for name in reversed(list(entries)):
        _size, mtime, _blob, row, error = entries[name]
        if row is None:
            catalog.unreadable.append(Unreadable(name[:-5], folder / name, error or "unreadable"))
        else:
            catalog.postmortems.append(IndexedPostMortem(folder_text, name, row, mtime))
    if with_text:
        catalog.texts = {entries[n][3][0]: t for n, t in texts.items() if entries[n][3]}
    return catalog


def _fresh(hit: tuple, today: date) -> bool:
    # A record validated on a later day than `today` (a clock set back, --today) is redone.
    row = hit[3]
    return row is None or row[7] <= today.toordinal()


def delete(root: Path) -> bool:
    """Remove the index of the repository at `root` (it is rebuilt on the next run)."""
    try:
        index_path(Path(root)).unlink()
        return True
    except FileNotFoundError:
        return False
