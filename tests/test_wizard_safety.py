"""Never lose work: autosave and recovery, the quit prompt, the lock, changes made on disk."""

from __future__ import annotations

import os

from pm_tui.lock import PostMortemLock
from pm_tui.model import ActionItem
from pm_tui.postmortem_store import read_postmortem
from pm_tui.workstate import autosave_path
from screens.app import create_app
from screens.messages import PostMortemChanged
from tests.conftest import DRAFT_ID
from tests.wizard_helpers import frozen_clock, git_subjects


def _edit(app, text: str = "Add a disk-space alert") -> None:
    """What a screen does after an edit: change the model, announce it."""
    app.pm.actions.append(ActionItem(id=app.pm.next_action_id(), action=text, owner="Dana"))
    app.screen.post_message(PostMortemChanged("actions"))


async def test_autosave_copy_is_offered_for_recovery(sample_repo):
    path = sample_repo.path_for(DRAFT_ID)
    original = path.read_text()
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _edit(app)
        await pilot.pause(0.3)
        copy = autosave_path(sample_repo.root, DRAFT_ID)
        assert copy.exists() and "Add a disk-space alert" in copy.read_text()
        assert path.read_text() == original  # the real file waits for a step change or save
    # the session ended without saving (a crash, a lost SSH connection)
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmModal"
        await pilot.press("y")
        await pilot.pause()
        assert app.screen.name == "step1"
        assert app.pm.actions[-1].action == "Add a disk-space alert"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert read_postmortem(path).actions[-1].action == "Add a disk-space alert"
    assert not autosave_path(sample_repo.root, DRAFT_ID).exists()


async def test_declining_recovery_discards_the_copy(sample_repo):
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _edit(app)
        await pilot.pause(0.3)
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert all(a.action != "Add a disk-space alert" for a in app.pm.actions)
    assert not autosave_path(sample_repo.root, DRAFT_ID).exists()


async def test_quit_with_uncommitted_changes_asks_first(sample_repo):
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _edit(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmModal"
        assert "not committed" in str(app.screen.question)
        await pilot.press("n")  # stay
        await pilot.pause()
        assert app.return_code is None and app.screen.name == "step1"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.return_code == 0
    # saved (never lose work), but not committed, as the person chose
    assert read_postmortem(sample_repo.path_for(DRAFT_ID)).actions[-1].owner == "Dana"
    assert sample_repo.has_uncommitted_changes(DRAFT_ID)


async def test_quit_without_changes_does_not_ask(sample_repo):
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0


async def test_commit_key_names_the_post_mortem_and_step(sample_repo):
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()  # the first screen is mounted before we navigate
        app.action_goto_step(4)
        await pilot.pause()
        _edit(app)
        await pilot.press("ctrl+g")
        await pilot.pause()
    assert git_subjects(sample_repo.root)[0] == f"{DRAFT_ID}: step 4 actions"
    assert not sample_repo.has_uncommitted_changes(DRAFT_ID)


async def test_second_window_is_read_only(sample_repo):
    other = PostMortemLock(sample_repo.root, DRAFT_ID, pid=os.getppid())  # a live process
    assert other.acquire() is None
    before = sample_repo.path_for(DRAFT_ID).read_text()
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.read_only and "READ-ONLY" in app.sub_title
        app.action_goto_step(4)
        await pilot.pause()
        await pilot.press("a")  # refused: no form opens
        await pilot.pause()
        assert app.screen.name == "step4"
        _edit(app)
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+n")
        await pilot.pause()
    assert sample_repo.path_for(DRAFT_ID).read_text() == before
    assert other.path.exists()  # the first window's lock is untouched


async def test_file_changed_on_disk_is_not_silently_overwritten(sample_repo):
    path = sample_repo.path_for(DRAFT_ID)
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _edit(app)
        path.write_text(path.read_text() + "\n# edited elsewhere\n")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmModal"
        assert "changed on disk" in app.screen.question
        assert "# edited elsewhere" in path.read_text()  # nothing written yet
        await pilot.press("y")  # overwrite with mine
        await pilot.pause()
    assert read_postmortem(path).actions[-1].action == "Add a disk-space alert"
