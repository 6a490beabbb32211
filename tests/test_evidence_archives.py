"""Evidence inside a .zip/.tar.gz (#18): nothing an archive or a recorded target says leads
outside the unpacked archive. Real hostile archives, built here with zipfile and tarfile:
members named with `..` or an absolute path, links out, a FIFO, a tar bomb, archives nested
deeper than pm-tui opens; and targets `ARCHIVE!/MEMBER` (a source recorded in a committed
post-mortem may say anything) that climb out, through the CLI as a person runs it."""

from __future__ import annotations

import io
import os
import tarfile
import tempfile
import uuid
import zipfile

import pytest

from pm_tui import postmortem_store
from pm_tui.collectors.evidence import CollectorError
from pm_tui.collectors.evidence_folder import materialize, scan_evidence, unpack
from pm_tui.model import EvidenceSource, new_postmortem
from tests.evidence_folders import END, START

LINE = b"2026-03-14T09:05:00Z ERROR checkout failed: upstream timed out\n"
SECRET = "BEGIN-NOT-EVIDENCE-7f3a"


def _tar(path, members):
    """A .tar.gz of (TarInfo fields, data) pairs."""
    with tarfile.open(path, "w:gz") as tar:
        for fields, data in members:
            info = tarfile.TarInfo(fields.pop("name"))
            for k, v in fields.items():
                setattr(info, k, v)
            info.size = len(data) if info.type == tarfile.REGTYPE else 0
            tar.addfile(info, io.BytesIO(data) if data else None)
    return path


def _zip(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(zipfile.ZipInfo(name), data)
    return path


def _escape_name() -> str:
    return f"pm-tui-escaped-{uuid.uuid4().hex}.log"


def _landing_places(tmp_path, name):
    """Where a member climbing out of the unpacked folder would land."""
    tmp = tempfile.gettempdir()
    return [os.path.join(tmp, name), os.path.join(os.path.dirname(tmp), name), str(tmp_path / name)]


HOSTILE = {
    "zip: ../ member": lambda p, n: _zip(p / "a.zip", [("ok.log", LINE), (f"../{n}", LINE)]),
    "zip: ../../ deep": lambda p, n: _zip(p / "a.zip", [(f"x/../../../{n}", LINE)]),
    "zip: absolute member": lambda p, n: _zip(p / "a.zip", [(f"{p}/{n}", LINE)]),
    "tar: ../ member": lambda p, n: _tar(p / "a.tar.gz", [({"name": f"../{n}"}, LINE)]),
    "tar: absolute member": lambda p, n: _tar(p / "a.tar.gz", [({"name": f"{p}/{n}"}, LINE)]),
    "tar: symlink to an absolute path, written through": lambda p, n: _tar(
        p / "a.tar.gz",
        [
            ({"name": "out", "type": tarfile.SYMTYPE, "linkname": str(p)}, b""),
            ({"name": f"out/{n}"}, LINE),
        ],
    ),
    "tar: symlink up and out, written through": lambda p, n: _tar(
        p / "a.tar.gz",
        [
            ({"name": "up", "type": tarfile.SYMTYPE, "linkname": "../../../../../.."}, b""),
            ({"name": f"up/{p.relative_to('/')}/{n}"}, LINE),
        ],
    ),
    "tar: hard link to a file outside": lambda p, n: _tar(
        p / "a.tar.gz", [({"name": "pw", "type": tarfile.LNKTYPE, "linkname": "/etc/passwd"}, b"")]
    ),
    "tar: a FIFO": lambda p, n: _tar(
        p / "a.tar.gz", [({"name": "pipe", "type": tarfile.FIFOTYPE}, b"")]
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_archive_is_refused_and_nothing_lands_outside(tmp_path, case):
    name = _escape_name()
    archive = HOSTILE[case](tmp_path, name)
    plan = scan_evidence([archive])
    for place in _landing_places(tmp_path, name):
        assert not os.path.exists(place), place
    if case == "tar: absolute member":  # tar's own rule: the leading / is dropped, kept inside
        (entry,) = plan.files
        assert entry.kind == "logs" and entry.target.startswith(f"{archive.resolve()}!/tmp/")
        assert materialize(entry.target).startswith(str(unpack(archive)))
        return
    assert len(plan.files) == 1, [(f.name, f.kind, f.reason) for f in plan.files]
    entry = plan.files[0]
    assert entry.kind is None  # unread, with the reason: never a half-unpacked archive
    assert "not unpacked" in entry.reason or "outside the archive" in entry.reason, entry.reason


def test_a_tar_bomb_stops_at_its_first_huge_member(tmp_path):
    bomb = tmp_path / "bomb.tar.gz"
    with tarfile.open(bomb, "w:gz", compresslevel=1) as tar:
        info = tarfile.TarInfo("zeros.log")
        info.size = 80 << 20  # 80 MB of zeros: a few hundred KB compressed
        tar.addfile(info, io.BytesIO(bytes(info.size)))
    assert bomb.stat().st_size < 1 << 20
    entry = scan_evidence([bomb]).files[0]
    assert entry.kind is None and "tar bomb" in entry.reason, entry.reason


def test_archives_inside_archives_are_opened_three_deep(tmp_path):
    inner = _zip(tmp_path / "level-4.zip", [("app.log", LINE)])
    for level in (3, 2, 1):
        outer = tmp_path / f"level-{level}.zip"
        with zipfile.ZipFile(outer, "w") as zf:
            zf.write(inner, inner.name)
            zf.writestr(f"app-{level}.log", LINE)
        inner = outer
    plan = scan_evidence([inner])
    kinds = {f.name: (f.kind, f.reason) for f in plan.files}
    assert kinds["level-1.zip/level-2.zip/level-3.zip/app-3.log"][0] == "logs"
    deepest = kinds["level-1.zip/level-2.zip/level-3.zip/level-4.zip"]
    assert deepest[0] is None and "inside 3 archives" in deepest[1]


@pytest.fixture()
def good_archive(tmp_path):
    """A benign .tar.gz (a log, a folder and a link inside it) and a secret file beside it."""
    (tmp_path / "secret.log").write_text(f"2026-03-14T09:00:00Z ERROR {SECRET}\n")
    return _tar(
        tmp_path / "logs.tar.gz",
        [
            ({"name": "host/app.log"}, LINE),
            ({"name": "a/b/c/keep.log"}, LINE),
            ({"name": "deep", "type": tarfile.SYMTYPE, "linkname": "a/b/c"}, b""),
        ],
    )


def test_a_target_cannot_climb_out_of_the_archive(tmp_path, good_archive):
    assert open(materialize(f"{good_archive}!/host/app.log"), "rb").read() == LINE
    assert open(materialize(f"{good_archive}!/deep/keep.log"), "rb").read() == LINE  # link inside
    climbing = [
        "../secret.log",
        "host/../../secret.log",
        "deep/../../../../secret.log",  # through the link: a/b/c, then four levels up
        f"/{tmp_path}/secret.log",
        str(tmp_path / "secret.log"),
        "..\\secret.log",
    ]
    for member in climbing:
        with pytest.raises(CollectorError) as err:
            materialize(f"{good_archive}!/{member}")
        assert "secret" not in open(str(good_archive), "rb").read().decode("latin-1")
        assert str(good_archive) in str(err.value)
    # a link that leads out, were one to appear in the unpacked folder: refused all the same
    os.symlink(tmp_path, unpack(good_archive) / "escape")
    with pytest.raises(CollectorError, match="outside the archive"):
        materialize(f"{good_archive}!/escape/secret.log")


@pytest.fixture()
def repo(tmp_path, monkeypatch):
    for key in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{key}_NAME", "Test Person")
        monkeypatch.setenv(f"GIT_{key}_EMAIL", "test@example.com")
    monkeypatch.setenv("PM_TUI_CONFIG", str(tmp_path / "no-config.toml"))
    return postmortem_store.Repository.open(tmp_path / "pm-repo")


def test_a_recorded_source_climbing_out_is_not_read_by_collect(
    tmp_path, repo, good_archive, capsys
):
    from pm_tui.cli.main import main

    pm = new_postmortem("Checkout outage", START, resolved=END)
    for member in ("../secret.log", "deep/../../../../secret.log", f"/{tmp_path}/secret.log"):
        pm.sources.append(EvidenceSource(kind="logs", target=f"{good_archive}!/{member}"))
    repo.save(pm)  # as a committed post-mortem from someone else could say
    repo.commit(pm, "create")
    code = main(["--repo", str(repo.root), "collect", pm.id])
    out, err = capsys.readouterr()
    assert code == 1  # nothing could be read
    assert out.count("FAILED") == 3 and "member" in out
    assert SECRET not in out + err
    kept = repo.evidence_dir(pm.id) / "evidence.jsonl"
    assert not kept.exists() or SECRET not in kept.read_text()
