"""The start screen, new post-mortems, findings that move the cursor, the command palette."""

from __future__ import annotations

from pm_tui.postmortem_store import read_postmortem
from screens.app import create_app
from tests.conftest import DRAFT_ID, SAMPLE_ID
from tests.wizard_helpers import fill, frozen_clock, git_subjects, wait_until


async def test_start_lists_post_mortems_and_survives_a_broken_file(sample_repo):
    broken = sample_repo.postmortems_dir / "2025-01-01-broken.toml"
    broken.write_text('title = "unterminated\n')
    app = create_app(sample_repo, clock=frozen_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#postmortems")
        assert table.row_count == 3
        assert "unreadable" in str(table.get_row("2025-01-01-broken")[3])
        assert str(table.get_row(SAMPLE_ID)[5]) == "✓"
        assert "warning" in str(table.get_row(DRAFT_ID)[5])
        table.move_cursor(row=table.get_row_index("2025-01-01-broken"))
        await pilot.press("enter")  # refused with its error, no crash
        await pilot.pause()
        assert app.screen.name == "start"
        await pilot.press("r")  # resume the draft
        await pilot.pause()
        assert app.pm.id == DRAFT_ID and app.screen.name == "step1"


async def test_new_post_mortem_from_the_form(repo):
    app = create_app(repo, clock=frozen_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await fill(pilot, "title", "Queue stall")
        await fill(pilot, "started", "2025-02-10 08:00")
        await fill(pilot, "resolved", "2025-02-10 07:00")  # before the start: refused
        await pilot.press("enter")
        await pilot.pause()
        assert "before it starts" in str(app.screen.query_one("#form-error").render())
        await fill(pilot, "resolved", "2025-02-10 09:30")
        await fill(pilot, "services", "queue, api")
        await pilot.press("enter")
        await pilot.pause()
        assert app.pm is not None and app.pm.id == "2025-02-10-queue-stall"
    pm = read_postmortem(repo.path_for("2025-02-10-queue-stall"))
    assert pm.services == ["queue", "api"] and pm.window.resolved.hour == 9
    assert git_subjects(repo.root) == ["2025-02-10-queue-stall: created"]


async def test_choosing_a_finding_moves_the_cursor(sample_repo):
    pm = sample_repo.load(SAMPLE_ID)
    pm.actions[2].owner = "TBD"
    sample_repo.save(pm)
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(4)
        await pilot.pause()
        panel = app.screen.query_one("#findings")
        assert panel.option_count >= 1
        panel.focus()
        index = next(i for i, f in enumerate(panel._findings) if f.row == pm.actions[2].id)
        panel.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        table = app.screen.query_one("#actions")
        assert app.focused is table and table.cursor_row == 2
        assert str(table.get_row(pm.actions[2].id)[0]) in ("⚠", "✗")


async def test_finding_about_a_field_focuses_its_editor(sample_repo):
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(3)
        await pilot.pause()
        panel = app.screen.query_one("#findings")
        panel.focus()
        panel.highlighted = next(
            i for i, f in enumerate(panel._findings) if f.field == "systemic_issues"
        )
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused.id == "systemic_issues"
        # typing there edits the model and clears the finding after validation
        await pilot.press("x", "a", "d")  # letters that are step bindings elsewhere
        await pilot.pause(0.4)
        assert app.pm.analysis.systemic_issues == ["xad"]
        assert not any(f.field == "systemic_issues" for f in app.findings_for(3))


async def test_palette_offers_steps_and_actions(sample_repo):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        for ch in "step 5":
            await pilot.press(ch if ch != " " else "space")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.screen.name == "step5"


async def test_opening_a_frame_after_the_start_screen_came_up(sample_repo):
    # Back to the start screen and straight into a post-mortem, with no frame, one, two or
    # three between: the headers of the screens taken down never fail the app.
    app = create_app(sample_repo, None, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(80, 24)) as pilot:
        for i in range(12):
            app.action_open_other()
            for _ in range(i % 4):
                await pilot.pause(0)
            app.open_postmortem(SAMPLE_ID)
            for _ in range(i // 4):
                await pilot.pause(0)
        await wait_until(pilot, lambda: app.screen.name == "step1" and app.screen.is_mounted)
        await pilot.pause(0.2)
        assert app.pm.id == SAMPLE_ID and app.pm.title in app.title
        assert app.return_code is None  # not ended by an error
