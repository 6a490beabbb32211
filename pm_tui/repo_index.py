"""The repository index: what `list`, `review`, `search`, `stats` and the start screen read.

Parsing and validating 10,000 TOML files takes seconds; reading what those commands need
from one file beside the repository takes tens of milliseconds. The index keeps, for each
post-mortem file, its size, mtime and git blob id, then in sections read only by those who
need them: the record `list`, `review` and `search` show (`IndexedPostMortem`: the fields,
the action items, the durations, the validation badge), the smaller record `stats` and the
Insights screen sum (`StatsRecord`), and the searchable text. Each run stats the files; a
file whose size or mtime changed is hashed, and re-read only when its blob id changed too.

It lives in `.git/pm-tui/index.pickle` (never committed), holds nothing the files do not,
and is safe to delete. It holds only plain values (tuples, strings, numbers), and is read
with an unpickler that refuses every class, so a tampered file cannot run code. An index
written by another format, another pm-tui version or other pm-tui sources is rebuilt.
"""

from __future__ import annotations

import gc
import io
import os
import pickle
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from pm_tui import __version__
from pm_tui.errors import PmTuiError

if TYPE_CHECKING:
    from pm_tui.model import ActionItem, ContributingFactor, PostMortem

INDEX_FORMAT = 4  # 4: recurrence links in the detail and the stats section
INDEX_NAME = "index.pickle"
NO_SWITCH = 0  # a badge that no later day changes

# A record: what `list` shows, then the rest pickled apart (`detail`), decoded when asked for.
_FIELDS = ("id", "title", "started", "severity", "status", "open_actions", "badge",
           "validated_on", "detail")  # fmt: skip
_DETAIL = ("services", "factors", "immediate_causes", "actions", "durations", "resolved",
           "first_distribution", "reviewed", "follow_up_due", "same_cause_as",
           "not_same_cause_as")  # fmt: skip


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
        """(text, reading) of each immediate cause, what recurrence compares."""
        from pm_tui.insights.causes import cause_reading

        return tuple((c, cause_reading(c)) for c in self._d(2) if c.strip())

    @property
    def factor_facts(self) -> tuple:
        """(id, category) of each factor (as in `StatsRecord`)."""
        return tuple((i, c) for i, c, _d in self._d(1))

    @property
    def action_facts(self) -> tuple:
        """(owner, deadline ordinal, status, factor) of each action item (as in `StatsRecord`)."""
        return tuple((a[2], a[3], a[5], a[7]) for a in self._d(3))

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

    # The recurrence links people decided (`PostMortem.recurrence`), as in `StatsRecord`.
    same_cause_as = property(lambda self: self._d(9))
    not_same_cause_as = property(lambda self: self._d(10))

    def badge(self, today: date) -> Badge:
        return Badge(*self._row[6]).on(today)


def record(pm: PostMortem, today: date) -> tuple:
    """The index record of `pm` (its validation as seen on `today`)."""
    return _record(pm, today)[0]


def _record(pm: PostMortem, today: date, validate: bool = True) -> tuple[tuple, tuple]:
    """(the index record of `pm`, its detail before pickling); without `validate`, the
    record has no badge (None) until a command that shows it reads the file again."""
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
        tuple(pm.recurrence.same_cause_as),
        tuple(pm.recurrence.not_same_cause_as),
    )
    row = (
        pm.id,
        pm.title,
        _epoch(pm.window.started),
        pm.severity,
        pm.status,
        sum(1 for a in pm.actions if a.is_open),
        _badge(pm, today) if validate else None,
        today.toordinal(),
        pickle.dumps(detail, pickle.HIGHEST_PROTOCOL),
    )
    return row, detail


class StatsRecord(NamedTuple):
    """What `stats` and the Insights screen read of one post-mortem: the index's stats
    section, smaller than a whole record and read without decoding one per file."""

    id: str
    title: str
    started_epoch: int
    severity: str
    status: str
    services: tuple[str, ...]
    factor_facts: tuple[tuple[str, str], ...]  # (id, category) of each factor
    cause_terms: tuple[tuple[str, tuple], ...]  # (text, reading) of each cause
    action_facts: tuple[tuple, ...]  # (owner, deadline ordinal, status, factor) of each item
    duration_values: tuple  # seconds or None, in DURATION_METRICS' order
    resolved_epoch: int | None
    first_distribution_epoch: int | None
    follow_up_due_ordinal: int
    file_name: str
    same_cause_as: tuple[str, ...] = ()  # earlier post-mortems confirmed as the same cause
    not_same_cause_as: tuple[str, ...] = ()  # suggestions of the same cause rejected

    @property
    def started(self) -> datetime:
        return datetime.fromtimestamp(self.started_epoch, UTC)

    @property
    def date(self) -> date:
        return self.started.date()

    @property
    def categories(self) -> set[str]:
        return {c for _i, c in self.factor_facts}


def _stats_row(name: str, row: tuple, detail: tuple) -> tuple:
    """The stats section's plain tuple (a StatsRecord's fields) of a record and its detail."""
    from pm_tui.insights.causes import cause_reading  # kept: 10,000 cost 0.2 s

    (services, factors, causes, actions, secs, resolved, first_sent, _reviewed, due, same,
     not_same) = detail  # fmt: skip
    return (
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        services,
        tuple((i, c) for i, c, _d in factors),
        tuple((c, cause_reading(c)) for c in causes if c.strip()),
        tuple((a[2], a[3], a[5], a[7]) for a in actions),
        secs,
        resolved,
        first_sent,
        due,
        name,
        same,
        not_same,
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

    `postmortems` are `IndexedPostMortem`s from `load`, `StatsRecord`s from `load_stats`;
    `texts` maps ids to searchable text when asked for; `reread` counts the files parsed
    on this run (0 when the index was up to date)."""

    def __init__(self, postmortems: list, reread: int = 0):
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


_STAMP: tuple[int, int, int] | None = None


def sources_stamp() -> tuple[int, int, int]:
    """(files, bytes, sum of mtimes) of pm-tui's own sources: what the records and badges
    are computed by. An index written by other code (another version, an edited checkout
    whose version did not change) is rebuilt, never trusted; 166 stats cost 0.5 ms."""
    global _STAMP
    if _STAMP is None:
        n = size = mtimes = 0
        stack = [os.path.dirname(os.path.abspath(__file__))]
        while stack:
            try:
                it = os.scandir(stack.pop())
            except OSError:
                continue
            with it:
                for entry in it:
                    if entry.name.endswith(".py"):
                        st = entry.stat()
                        n, size, mtimes = n + 1, size + st.st_size, mtimes + st.st_mtime_ns
                    elif entry.name != "__pycache__" and entry.is_dir(follow_symlinks=False):
                        stack.append(entry.path)
        _STAMP = (n, size, mtimes)
    return _STAMP


def _key() -> tuple:
    # Importing the model to read its schema version costs 8 ms: the sources' stamp covers it.
    return (INDEX_FORMAT, __version__, sources_stamp())


_SECTIONS = ("blobs", "rows", "stats", "texts")
# The files table: name -> (size, mtime_ns, validated on (day ordinal), error or None).
_SIZE, _MTIME, _VALIDATED, _ERROR = range(4)
UNVALIDATED = -1  # validated on: never (read by a command that shows no badge)


class _Stored:
    """An index file as read: its files table, and each section read when first asked for."""

    def __init__(self, path: Path, files: dict, starts: dict[str, int]):
        self.path, self.files, self.starts = path, files, starts
        self._loaded: dict[str, dict] = {}

    def section(self, name: str) -> dict:
        """The section `name` (file name -> value); empty when absent or damaged."""
        if name not in self._loaded:
            self._loaded[name] = {}
            if name in self.starts:
                try:
                    with open(self.path, "rb") as fh:
                        fh.seek(self.starts[name])
                        data = _PlainUnpickler(fh).load()
                except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError,
                        IndexError, KeyError):  # fmt: skip
                    data = {}
                self._loaded[name] = data if isinstance(data, dict) else {}
        return self._loaded[name]


def _read(path: Path) -> _Stored:
    """The index at `path`; empty when missing, damaged or written by other code."""
    empty = _Stored(path, {}, {})
    try:
        with open(path, "rb") as fh:
            head = _PlainUnpickler(fh).load()
            offset = fh.tell()
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, IndexError,
            KeyError):  # fmt: skip
        return empty
    if not (isinstance(head, tuple) and len(head) == 3 and head[0] == _key()):
        return empty
    files, lengths = head[1], head[2]
    if not (isinstance(files, dict) and isinstance(lengths, tuple)):
        return empty
    if len(lengths) != len(_SECTIONS) or not all(isinstance(n, int) for n in lengths):
        return empty
    starts = {}
    for name, length in zip(_SECTIONS, lengths, strict=True):
        starts[name], offset = offset, offset + length
    return _Stored(path, files, starts)


def _write(path: Path, files: dict, sections: dict[str, dict]) -> None:
    from pm_tui.atomic_write import atomic_write_bytes

    parts = [pickle.dumps(sections[name], pickle.HIGHEST_PROTOCOL) for name in _SECTIONS]
    head = (_key(), files, tuple(len(p) for p in parts))
    try:
        atomic_write_bytes(path, b"".join([pickle.dumps(head, pickle.HIGHEST_PROTOCOL), *parts]))
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


def _shared_stats(stats: tuple, memo: dict) -> tuple:
    """The stats tuple with the values files repeat (severity, status, services, factors,
    cause terms, owners) replaced by an equal one seen before: pickle writes a repeated
    object once and reading it makes it once (the section reads in a third of the time)."""
    one = memo.setdefault
    (id_, title, started, severity, status, services, factors, causes, actions, secs,
     *rest) = stats  # fmt: skip
    causes = tuple(one(pair, pair) for pair in causes)
    actions = tuple(one(a, (one(a[0], a[0]), a[1], one(a[2], a[2]), one(a[3], a[3])))
                    for a in actions)  # fmt: skip
    return (id_, title, started, one(severity, severity), one(status, status),
            one(services, services), one(factors, factors), causes, actions, one(secs, secs),
            *rest)  # fmt: skip


def _shared_row(row: tuple, memo: dict) -> tuple:
    """The index record with its severity, status and badge shared (as `_shared_stats`)."""
    one = memo.setdefault
    return (*row[:3], one(row[3], row[3]), one(row[4], row[4]), row[5], one(row[6], row[6]),
            *row[7:])  # fmt: skip


def _read_file(path: str, today: date, validate: bool = True) -> tuple | str:
    """(record, stats tuple, searchable text, git blob id) of the post-mortem file at `path`,
    or why it cannot be read."""
    from pm_tui.postmortem_store import read_postmortem_and_text  # the model: when rereading
    from pm_tui.search import searchable_text

    try:  # the store's one loader: its checks and bounds apply
        pm, text = read_postmortem_and_text(Path(path))
    except PmTuiError as exc:
        return str(exc)
    row, detail = _record(pm, today, validate)
    stats = _stats_row(os.path.basename(path), row, detail)
    return row, stats, searchable_text(pm), blob_id(text.encode("utf-8"))  # the bytes read


@contextmanager
def _collecting():
    """Garbage collection on while files are read, even when the caller turned it off for
    its sums (`insights.gc_frozen`): reading 10,000 files leaves cycles behind (+25 MB)."""
    enabled = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not enabled:
            gc.disable()


def _read_files(
    folder: Path, names: list[str], today: date, validate: bool = True
) -> Iterator[tuple | str]:
    """`_read_file` of each name, in order, as they come (so their garbage goes as it comes).

    One process: on these 2-core machines `git log` already runs beside the first build of
    `stats`, and a second process measured no faster under load (fork: 3.4-3.5 s against
    3.6-4.8 s for a cold `list`, with others' work on both cores)."""
    with _collecting():
        for name in names:
            yield _read_file(str(folder / name), today, validate)


class _Refreshed(NamedTuple):
    files: dict  # the files table as it is now
    sections: dict[str, dict] | None  # every section, when something changed (else None)
    stored: _Stored  # the index as read
    reread: int

    def section(self, name: str) -> dict:
        """Section `name` as it is now: the one just brought up to date, or the stored one."""
        return self.sections[name] if self.sections else self.stored.section(name)


def _refresh(
    root: Path, today: date, use_index: bool, rebuild: bool = False, badges: bool = True
) -> _Refreshed:
    """Compare the files with the index; read again those whose blob changed. When anything
    changed, every section is brought up to date (and written when `use_index`).

    Validation (the badge) is most of a file's reading: a caller that shows no badge
    (`badges=False`: stats, search, review) leaves it out of the files it reads, and the
    next caller that shows one reads those files again."""
    folder = Path(root) / "postmortems"
    where = index_path(Path(root))
    stored = _read(where) if use_index and not rebuild else _Stored(where, {}, {})
    old, today_n = stored.files, today.toordinal()
    files: dict[str, tuple] = {}
    fresh: dict[str, tuple | None] = {}  # name -> (blob, row, stats, text) or None: carry over
    blobs: dict[str, str] = {}
    shared: dict = {}
    todo: list[tuple[str, str | None]] = []  # (name, blob if hashed) of the files to read
    for name, size, mtime, regular in _scan(folder):
        hit = old.get(name)
        usable = hit is not None and hit[_VALIDATED] <= today_n
        if usable and badges and hit[_VALIDATED] == UNVALIDATED and hit[_ERROR] is None:
            usable = False  # read without its badge: read again for one
        if usable and hit[_SIZE] == size and hit[_MTIME] == mtime:
            files[name] = hit
            continue
        path = folder / name
        if not regular:  # never opened: a FIFO would block the command
            files[name] = (size, mtime, 0, f"{path}: not a regular file")
            fresh[name] = ("", None, None, None)
            continue
        blob = None  # a file the index never saw is hashed from the bytes read, not twice
        if usable:
            try:
                blob = file_blob_id(path, size)
            except OSError as exc:
                files[name] = (size, mtime, 0, f"{path}: cannot read ({exc.strerror})")
                fresh[name] = ("", None, None, None)
                continue
            if not blobs:
                blobs = stored.section("blobs")
            if blobs.get(name) == blob:
                files[name] = (size, mtime, hit[_VALIDATED], hit[_ERROR])  # touched, same
                continue
        # in name order; filled in below
        files[name] = (size, mtime, today_n if badges else UNVALIDATED, None)
        todo.append((name, blob))
    reread = len(todo)
    for (name, blob), read in zip(
        todo, _read_files(folder, [n for n, _b in todo], today, badges), strict=True
    ):
        if isinstance(read, str):
            files[name] = (*files[name][:2], 0, read)
            fresh[name] = (blob or "", None, None, None)
        else:
            row, stats, text, read_blob = read
            fresh[name] = (read_blob, _shared_row(row, shared), _shared_stats(stats, shared), text)
    if not fresh and files.keys() == old.keys() and all(files[n] is old[n] for n in files):
        return _Refreshed(files, None, stored, 0)
    # Something changed: carry the other files' sections over, or read them again when the
    # index lost them.
    kept = {name: stored.section(name) for name in _SECTIONS}
    sections: dict[str, dict] = {name: {} for name in _SECTIONS}
    for name, entry in files.items():
        values = fresh.get(name)
        if values is None:
            values = tuple(kept[s].get(name) for s in _SECTIONS)
            if entry[_ERROR] is None and None in values:  # the index lost part of it
                return _refresh(root, today, use_index, rebuild=True, badges=badges)
        for s, value in zip(_SECTIONS, values, strict=True):
            if value is not None:
                sections[s][name] = value
    if use_index:
        _write(where, files, sections)
    return _Refreshed(files, sections, stored, reread)


def _refresh_with(
    root: Path, today: date, use_index: bool, name: str, badges: bool = True
) -> tuple[_Refreshed, dict]:
    """`_refresh`, and its section `name`; the index is rebuilt once when that section holds
    fewer entries than there are readable files (the index lost some)."""
    done = _refresh(root, today, use_index, badges=badges)
    section = done.section(name)
    if done.sections is None and len(section) < _readable(done.files):
        done = _refresh(root, today, use_index, rebuild=True, badges=badges)
        section = done.section(name)
    return done, section


def load(
    root: Path,
    *,
    today: date | None = None,
    with_text: bool = False,
    use_index: bool = True,
    badges: bool = True,
) -> Catalog:
    """Every post-mortem of the repository at `root`, newest first, through the index.

    Files are validated as of `today` (default: the real date, whatever day a command reports
    on: `--today` options do not change the badges, so they never invalidate the index).
    Without `badges`, files read on this run are not validated and their `badge()` must not
    be asked for (search, review and related incidents show none).

    Files that changed since the index was written are read again (a bad one is listed in
    `unreadable` and skipped); the index is rewritten only when something changed.
    """
    today = today or datetime.now(UTC).date()
    done, rows = _refresh_with(Path(root), today, use_index, "rows", badges)
    folder = Path(root) / "postmortems"
    catalog = _with_unreadable(Catalog([], reread=done.reread), folder, done.files)
    folder_text = str(folder)
    for name in reversed(list(done.files)):
        entry = done.files[name]
        if entry[_ERROR] is None:
            catalog.postmortems.append(
                IndexedPostMortem(folder_text, name, rows[name], entry[_MTIME])
            )
    if with_text:
        texts = done.section("texts")
        catalog.texts = {rows[n][0]: t for n, t in texts.items() if n in rows}
    return catalog


def load_stats(root: Path, *, today: date | None = None) -> Catalog:
    """Every post-mortem of the repository at `root` as a `StatsRecord`, newest first: what
    `stats` and the Insights screen sum, read from the index's small stats section."""
    today = today or datetime.now(UTC).date()
    done, stats = _refresh_with(Path(root), today, True, "stats", badges=False)
    catalog = _with_unreadable(Catalog([], reread=done.reread), root / "postmortems", done.files)
    make = StatsRecord._make
    catalog.postmortems = [make(stats[n]) for n in reversed(stats)]
    return catalog


def _readable(files: dict) -> int:
    return sum(1 for entry in files.values() if entry[_ERROR] is None)


def _with_unreadable(catalog: Catalog, folder: Path, files: dict) -> Catalog:
    for name in reversed(list(files)):
        error = files[name][_ERROR]
        if error is not None:
            catalog.unreadable.append(Unreadable(name[:-5], folder / name, error or "unreadable"))
    return catalog


def delete(root: Path) -> bool:
    """Remove the index of the repository at `root` (it is rebuilt on the next run)."""
    try:
        index_path(Path(root)).unlink()
        return True
    except FileNotFoundError:
        return False
