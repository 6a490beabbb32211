"""An evidence folder: every file in it, each read by what its content says it is.

`scan_evidence(paths)` walks folders (a Slack export or a git repository counts as one
entry), opens `.zip`/`.tar.gz` archives, classifies each file (`classify.py`) and applies
the folder's optional `evidence.toml` (kind, tz, time_format or drop per file or glob).
`specs_for_files` turns the plan into the sources the collectors read; a file that cannot
be read stays in the plan with its reason, and becomes a failed source (never skipped in
silence). `write_index` writes the detected `evidence.toml` for the person to fix.

A member of an archive is named `ARCHIVE!/MEMBER`; `materialize` unpacks it (once per
process, into a temporary folder, with sizes bounded and paths kept inside). Nothing an
archive or a target says leads outside that folder: a member named with `..` or an absolute
path, or a link out of it, refuses the archive; a target whose MEMBER does so (a source
recorded in a committed post-mortem may say anything) is refused.
"""

from __future__ import annotations

import fnmatch
import os
import shutil
import tarfile
import tempfile
import threading
import tomllib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pm_tui.collectors.classify import (
    EVIDENCE_FILE_KINDS,
    SOURCE_FOR_KIND,
    Classified,
    classify,
    is_slack_export,
)
from pm_tui.collectors.evidence import ARCHIVE_MARK, CollectorError

INDEX_NAME = "evidence.toml"
MAX_FILES = 2_000
UNPACK_LIMIT = 4 << 30  # bytes an archive may unpack to
UNPACK_RATIO = 200  # a member that grows more than this is a bomb, not evidence
MAX_NESTING = 3  # archives inside archives are opened this deep (a zip may hold itself)
_SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini", INDEX_NAME}


@dataclass
class EvidenceFile:
    """One entry of an evidence folder: where it is, what it was read as, and why.

    `kind` is one of `classify.EVIDENCE_FILE_KINDS`, or None when the file cannot be read
    (`reason` then says why and what to do). `chosen` is True when the kind came from
    evidence.toml or the person rather than from the content."""

    target: str  # a path, or ARCHIVE!/MEMBER
    name: str  # as shown: relative to the folder or archive given
    kind: str | None
    reason: str
    tz: str = ""
    time_format: str = ""
    chosen: bool = False
    dropped: bool = False

    @property
    def readable(self) -> bool:
        return self.kind is not None and not self.dropped


@dataclass
class EvidencePlan:
    """Every entry found under the paths given, in a stable order."""

    files: list[EvidenceFile] = field(default_factory=list)
    index: Path | None = None  # the evidence.toml that was applied (or would be written)

    def unread(self) -> list[EvidenceFile]:
        """Entries that will not be read: no kind, and not dropped on purpose."""
        return [f for f in self.files if f.kind is None and not f.dropped]


def scan_evidence(
    paths: list[str | os.PathLike], *, tz: str = "", time_format: str = ""
) -> EvidencePlan:
    """Classify every file under `paths` (folders, files, archives). `tz`/`time_format` apply
    to logs that evidence.toml says nothing about. Raises CollectorError for a path that
    does not exist."""
    plan = EvidencePlan()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise CollectorError(f"{raw}: no such file or folder: check the path")
        if path.is_dir() and not is_slack_export(path) and not (path / ".git").exists():
            rules = _read_index(path)
            if plan.index is None:
                plan.index = path / INDEX_NAME
            for entry in _walk(path, path.name):
                _apply(entry, rules)
                plan.files.append(entry)
        elif _is_archive(path):
            plan.files += _scan_archive(path)
        else:
            entry = _entry(path, str(path), path.name)
            rules = _read_index(path.parent) if (path.parent / INDEX_NAME).is_file() else []
            _apply(entry, rules)
            plan.files.append(entry)
        if len(plan.files) > MAX_FILES:
            raise CollectorError(
                f"{raw}: more than {MAX_FILES} files: give the folders that hold the evidence"
            )
    for f in plan.files:
        if f.kind == "logs":
            f.tz = f.tz or tz
            f.time_format = f.time_format or time_format
    return plan


def specs_for_files(files: list[EvidenceFile]) -> list:
    """The sources that read these entries: one per readable file; one failed source per
    file that cannot be read (its reason is the failure); dropped files are left out."""
    from pm_tui.collectors.runner import SourceSpec

    specs = []
    for f in files:
        if f.dropped:
            continue
        if f.kind is None:
            specs.append(SourceSpec("other", f.target, options={"unread": f.reason}))
            continue
        options: dict = {"evidence_kind": f.kind}
        if f.kind == "logs":
            if f.tz:
                options["tz"] = f.tz
            if f.time_format:
                options["time_format"] = f.time_format
        specs.append(SourceSpec(SOURCE_FOR_KIND[f.kind], f.target, options=options))
    return specs


def write_index(plan: EvidencePlan, folder: Path | None = None) -> Path:
    """Write the detected plan as evidence.toml (one entry per file) into `folder` (default:
    the first folder given); the person fixes kinds and zones there. Returns its path."""
    from pm_tui.atomic_write import atomic_write_text

    where = folder / INDEX_NAME if folder is not None else plan.index
    if where is None:
        raise CollectorError("--write-index needs an evidence folder (not single files)")
    lines = [
        "# What each evidence file is, written by `pm-tui collect --evidence DIR --write-index`.",
        "# Fix what the content could not tell: kind (one of "
        + ", ".join(EVIDENCE_FILE_KINDS)
        + "),",
        "# tz for logs written in local time (an IANA zone like Europe/Berlin), time_format",
        "# (strptime) for a log layout pm-tui does not know, drop = true to leave a file out.",
        '# Keys may be globs ("logs/*.log").',
        "",
    ]
    base = where.parent.name
    for f in plan.files:
        name = f.name.removeprefix(base + "/")
        lines.append(f"[files.{_quote(name)}]")
        if f.kind is None:
            lines.append(f"# not read: {f.reason}")
            lines.append('# kind = "logs"')
        else:
            lines.append(f"kind = {_quote(f.kind)}")
        if f.tz:
            lines.append(f"tz = {_quote(f.tz)}")
        if f.time_format:
            lines.append(f"time_format = {_quote(f.time_format)}")
        if f.dropped:
            lines.append("drop = true")
        lines.append("")
    atomic_write_text(where, "\n".join(lines))
    return where


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- walking ---------------------------------------------------------------------------------
def _walk(folder: Path, shown: str) -> list[EvidenceFile]:
    out: list[EvidenceFile] = []
    try:
        children = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        return [EvidenceFile(str(folder), shown, None, f"cannot list it ({exc.strerror})")]
    for child in children:
        if child.name == INDEX_NAME:
            continue  # the folder's index, applied to the others
        name = f"{shown}/{child.name}"
        if child.name in _SKIP_NAMES or child.name.startswith("."):
            # left out, and said: an OS's or a tool's own file (.DS_Store, .git), or a hidden
            # one a person may still want read (`.bash_history`)
            why = (
                "the operating system's own file: left out"
                if child.name in _SKIP_NAMES
                else "hidden (its name starts with a dot): left out; give its kind in "
                "evidence.toml to read it"
            )
            out.append(EvidenceFile(str(child), name, None, why, dropped=True))
            continue
        if child.is_symlink() and not child.exists():
            out.append(EvidenceFile(str(child), name, None, "a broken symbolic link"))
        elif child.is_dir() and not is_slack_export(child) and not (child / ".git").exists():
            out += _walk(child, name)
        elif _is_archive(child):
            out += _scan_archive(child, name)
        else:
            out.append(_entry(child, str(child), name))
        if len(out) > MAX_FILES:
            break
    return out


def _entry(path: Path, target: str, name: str) -> EvidenceFile:
    if not path.is_dir() and not path.is_file():
        return EvidenceFile(
            target, name, None, "not a regular file (a FIFO or a device): copy the data into a file"
        )
    found: Classified = classify(path)
    return EvidenceFile(target, name, found.kind, found.reason)


# --- evidence.toml ---------------------------------------------------------------------------
def _read_index(folder: Path) -> list[tuple[str, dict]]:
    index = folder / INDEX_NAME
    if not index.is_file():
        return []
    try:
        data = tomllib.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CollectorError(f"{index}: not valid TOML ({exc}): fix or remove it") from None
    files = data.get("files", {})
    rules = []
    for pattern, value in files.items() if isinstance(files, dict) else []:
        if not isinstance(value, dict):
            continue
        kind = value.get("kind")
        if kind is not None and kind not in EVIDENCE_FILE_KINDS:
            raise CollectorError(
                f"{index}: [files.{_quote(pattern)}] kind {kind!r} is not one of "
                f"{', '.join(EVIDENCE_FILE_KINDS)}"
            )
        if value.get("tz"):
            from pm_tui.collectors.logs.timestamps import zone_named

            try:
                zone_named(str(value["tz"]))
            except ValueError as exc:
                raise CollectorError(f"{index}: [files.{_quote(pattern)}] {exc}") from None
        rules.append((pattern, value))
    return rules


def _apply(entry: EvidenceFile, rules: list[tuple[str, dict]]) -> None:
    """The first matching entry of evidence.toml wins (an exact name before a glob)."""
    parts = entry.name.split("/", 1)
    relative = parts[1] if len(parts) > 1 else parts[0]
    exact = [r for r in rules if r[0] in (relative, relative.rstrip("/"))]
    globbed = [
        r
        for r in rules
        if fnmatch.fnmatch(relative, r[0]) or fnmatch.fnmatch(Path(relative).name, r[0])
    ]
    for _, value in exact + globbed:
        if value.get("drop"):
            entry.dropped = True
            entry.reason = "dropped in evidence.toml"
        if value.get("kind"):
            if not value.get("drop"):
                entry.dropped = False  # a hidden file the person named a kind for
            if entry.kind != value["kind"]:
                entry.reason = f"{value['kind']} (set in evidence.toml)"
            entry.kind = value["kind"]
            entry.chosen = True
        entry.tz = str(value.get("tz") or entry.tz)
        entry.time_format = str(value.get("time_format") or entry.time_format)
        return


# --- archives --------------------------------------------------------------------------------
def _is_archive(path: Path) -> bool:
    if not path.is_file():
        return False
    name = path.name.lower()
    if name.endswith(".zip"):
        return zipfile.is_zipfile(path)
    if name.endswith((".tar.gz", ".tgz", ".tar")):
        try:
            return tarfile.is_tarfile(path)
        except OSError:
            return False
    return False


_unpacked: dict[str, Path] = {}
_depth: dict[Path, int] = {}  # an unpacked folder -> how many archives it is inside
_holders: list[tempfile.TemporaryDirectory] = []
_lock = threading.Lock()


def unpack(archive: Path) -> Path:
    """The folder an archive unpacks to (once per process); CollectorError when it is broken,
    too big, or a member would land outside it."""
    key = str(archive.resolve())
    with _lock:
        if key in _unpacked:
            return _unpacked[key]
        holder = tempfile.TemporaryDirectory(prefix="pm-tui-evidence-")
        _holders.append(holder)
        root = Path(holder.name)
        try:
            if archive.name.lower().endswith(".zip"):
                _unzip(archive, root)
            else:
                _untar(archive, root)
        except CollectorError:
            shutil.rmtree(root, ignore_errors=True)
            raise
        except tarfile.FilterError as exc:
            shutil.rmtree(root, ignore_errors=True)
            raise CollectorError(
                f"{archive}: {exc}: not unpacked (a member would land outside the archive's "
                "folder); unpack what you trust yourself"
            ) from None
        except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError) as exc:
            shutil.rmtree(root, ignore_errors=True)
            raise CollectorError(f"{archive}: broken archive ({exc}): unpack it yourself") from None
        _unpacked[key] = root
        _depth[root] = nesting(archive) + 1
        return root


def nesting(path: Path) -> int:
    """How many archives `path` lies inside (0: a file of the person's own)."""
    return next((d for root, d in _depth.items() if path.is_relative_to(root)), 0)


def _untar(archive: Path, root: Path) -> None:
    # a tar's sizes are its headers' and extraction writes no more; the headers are read one
    # by one, so a bomb stops at its first huge member, not after inflating all of it
    limit = min(UNPACK_LIMIT, max(UNPACK_RATIO * archive.stat().st_size, 64 << 20))
    with tarfile.open(archive) as tar:
        total = 0
        for member in tar:
            total += member.size if member.isfile() else 0
            if total > limit:
                raise CollectorError(
                    f"{archive}: unpacks to more than {limit >> 20} MB ({UNPACK_RATIO}x its size at"
                    " most, 4 GB in all): not unpacked (a tar bomb?); unpack it yourself"
                )
        # "data": no absolute or `..` names, no links out, no devices or FIFOs
        tar.extractall(root, filter="data")


def _unzip(archive: Path, root: Path) -> None:
    with zipfile.ZipFile(archive) as zf:
        total = 0
        for info in zf.infolist():
            total += info.file_size
            if total > UNPACK_LIMIT:
                raise CollectorError(f"{archive}: unpacks to more than 4 GB: unpack it yourself")
            if info.compress_size and info.file_size > UNPACK_RATIO * info.compress_size > 1 << 20:
                raise CollectorError(
                    f"{archive}: {info.filename} grows {info.file_size // max(1, info.compress_size)}x: not extracted (a zip bomb?)"
                )
            target = (root / info.filename).resolve()
            if not target.is_relative_to(root.resolve()):
                raise CollectorError(
                    f"{archive}: member {info.filename!r} points outside the archive"
                )
        zf.extractall(root)


def materialize(target: str) -> str:
    """A readable path for a target: the path itself, or an archive member unpacked.

    CollectorError when the member is not in the archive or would lead outside its unpacked
    folder (`..`, an absolute name, a symbolic link out)."""
    if ARCHIVE_MARK not in target:
        return target
    archive, _, member = target.partition(ARCHIVE_MARK)
    root = unpack(Path(archive)).resolve()
    if member.startswith(("/", "\\")) or ".." in member.replace("\\", "/").split("/"):
        raise CollectorError(
            f"{target}: an archive member is named from the archive's top, without '..' or a "
            "leading '/': name the member as the archive lists it"
        )
    path = (root / member).resolve() if member else root
    if not path.is_relative_to(root):  # a link inside the archive that leads out of it
        raise CollectorError(f"{target}: the member leads outside the archive: not read")
    if not path.exists():
        raise CollectorError(f"{target}: no such member in the archive")
    return str(path)


def _scan_archive(archive: Path, shown: str | None = None) -> list[EvidenceFile]:
    shown = shown or archive.name
    if nesting(archive) >= MAX_NESTING:
        reason = f"an archive inside {MAX_NESTING} archives: not opened; unpack it yourself"
        return [EvidenceFile(str(archive), shown, None, reason)]
    try:
        root = unpack(archive)
    except CollectorError as exc:
        return [EvidenceFile(str(archive), shown, None, str(exc).split(": ", 1)[-1])]
    # a Slack export zip holds channels.json at its top (or inside one folder)
    tops = [p for p in root.iterdir() if not p.name.startswith((".", "__MACOSX"))]
    base = root
    if len(tops) == 1 and tops[0].is_dir():
        base = tops[0]
    prefix = f"{archive.resolve()}{ARCHIVE_MARK}"
    if is_slack_export(base):
        member = base.relative_to(root).as_posix() if base != root else ""
        return [EvidenceFile(prefix + member, shown, "slack-export", "Slack export (zip)")]
    rules = _read_index(base)
    out = []
    for entry in _walk(base, shown):
        local = Path(entry.target)
        entry.target = prefix + local.relative_to(root).as_posix()
        _apply(entry, rules)
        out.append(entry)
    return out
