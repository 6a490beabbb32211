"""Step 1's "add evidence" (#18): a folder scanned, each file's detected kind shown before
collecting, a kind changed and a file dropped by keys, each failure's reason in place."""

from __future__ import annotations

from screens.app import create_app
from tests.evidence_folders import END, START, build_folder
from tests.wizard_helpers import fill, frozen_clock, wait_until


def _row_of(table, name: str) -> int:
    for i in range(table.row_count):
        if str(table.get_row_at(i)[0]).endswith(name):
            return i
    raise AssertionError(f"no row for {name}")


async def test_add_an_evidence_folder_change_a_kind_drop_a_file_and_collect(sample_repo, tmp_path):
    from pm_tui.model import new_postmortem

    pm = new_postmortem("Checkout outage", START, resolved=END)
    sample_repo.save(pm)
    sample_repo.commit(pm, "create")
    ev = build_folder(tmp_path)
    app = create_app(sample_repo, pm.id, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(140, 44)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "folder", str(ev))
        await pilot.press("enter")
        files = app.screen.query_one("#files")
        await wait_until(pilot, lambda: files.row_count > 0)
        # each file's kind before anything is collected; unreadable ones say why, in place
        rows = {str(files.get_row_at(i)[0]).removeprefix("evidence/"): files.get_row_at(i)
                for i in range(files.row_count)}  # fmt: skip
        assert str(rows["chat"][1]) == "slack-export"
        assert str(rows["cluster.json"][1]) == "kube-events"
        assert str(rows["scrape.txt"][1]) == "openmetrics"
        assert str(rows["notes.txt"][1]) == "not read" and "no known format" in str(
            rows["notes.txt"][2]
        )
        assert "empty" in str(rows["empty.log"][2])
        # the person says the notes are a log (they are not: the collection will say why)...
        files.move_cursor(row=_row_of(files, "notes.txt"))
        await pilot.press("k")
        assert str(files.get_row_at(_row_of(files, "notes.txt"))[1]) == "logs (yours)"
        # ...and drops the core dump
        files.move_cursor(row=_row_of(files, "core.bin"))
        await pilot.press("d")
        assert str(files.get_row_at(_row_of(files, "core.bin"))[1]) == "dropped"
        await pilot.press("ctrl+s")
        await pilot.pause()

        sources = app.pm.sources
        targets = [s.target for s in sources]
        assert not any(t.endswith("core.bin") for t in targets)
        assert len(sources) == 17
        notes = next(s for s in sources if s.target.endswith("notes.txt"))
        assert notes.kind == "logs" and notes.options["evidence_kind"] == "logs"
        table = app.screen.query_one("#sources")
        empty_row = next(i for i, s in enumerate(sources) if s.target.endswith("empty.log"))
        assert str(table.get_row_at(empty_row)[2]).startswith("will not be read: empty file")
        assert str(table.get_row_at(empty_row)[1]) == "other"

        await pilot.press("c")
        await app.workers.wait_for_complete()
        await wait_until(pilot, lambda: all(s.collected_at or s.counts for s in app.pm.sources), 60)
        await pilot.pause()
        table = app.screen.query_one("#sources")
        states = {s.target.rsplit("/", 1)[-1]: str(table.get_row_at(i)[2])
                  for i, s in enumerate(app.pm.sources)}  # fmt: skip
        assert (
            states["notes.txt"].startswith("not read:")
            and "log format not recognised" in states["notes.txt"]
        )
        assert states["empty.log"].startswith("not read:") and "empty file" in states["empty.log"]
        assert states["hooks.ndjson"].startswith("collected")
        assert states["chat"].startswith("collected")
        kinds = {
            s.target.rsplit("/", 1)[-1]: str(table.get_row_at(i)[1])
            for i, s in enumerate(app.pm.sources)
        }
        assert kinds["hooks.ndjson"] == "alertmanager-webhook" and kinds["gh.json"] == "deploys"
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = sample_repo.load(pm.id)
    assert len(saved.sources) == 17
    assert (sample_repo.evidence_dir(pm.id) / "evidence.jsonl").exists()


async def test_a_folder_that_does_not_exist_is_said_in_place(sample_repo, tmp_path):
    from tests.conftest import DRAFT_ID

    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "folder", str(tmp_path / "nowhere"))
        await pilot.press("enter")
        summary = app.screen.query_one("#evidence-summary")
        await wait_until(pilot, lambda: "no such file or folder" in str(summary.render()))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#sources") is not None


async def test_the_cli_and_the_wizard_read_a_folder_the_same_way(tmp_path, monkeypatch):
    """Parity: `collect --evidence DIR` and step 1's e on the same folder keep the same
    source records (kinds, targets, options, counts) and byte-identical evidence."""
    from pm_tui.cli.main import main
    from pm_tui.model import new_postmortem
    from pm_tui.postmortem_store import Repository

    for key in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{key}_NAME", "Test Person")
        monkeypatch.setenv(f"GIT_{key}_EMAIL", "test@example.com")
    monkeypatch.setenv("PM_TUI_CONFIG", str(tmp_path / "no-config.toml"))
    ev = build_folder(tmp_path)
    repos = []
    for name in ("cli", "wizard"):
        repo = Repository.open(tmp_path / name)
        pm = new_postmortem("Checkout outage", START, resolved=END)
        repo.save(pm)
        repo.commit(pm, "create")
        repos.append((repo, pm.id))

    repo, pm_id = repos[0]
    assert main(["--repo", str(repo.root), "collect", pm_id, "--evidence", str(ev)]) == 3

    repo, pm_id = repos[1]
    app = create_app(repo, pm_id, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(140, 44)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "folder", str(ev))
        await pilot.press("enter")
        files = app.screen.query_one("#files")
        await wait_until(pilot, lambda: files.row_count > 0)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await wait_until(pilot, lambda: all(s.collected_at or s.counts for s in app.pm.sources), 60)
        await pilot.press("ctrl+s")
        await pilot.pause()

    def shape(repo, pm_id):
        pm = repo.load(pm_id)
        return [(s.kind, s.target, s.options, s.counts, s.gaps) for s in pm.sources]

    (cli, cli_id), (wiz, wiz_id) = repos
    assert shape(cli, cli_id) == shape(wiz, wiz_id)
    kept = [(r.evidence_dir(i) / "evidence.jsonl").read_bytes() for r, i in repos]
    assert kept[0] == kept[1] and kept[0]
