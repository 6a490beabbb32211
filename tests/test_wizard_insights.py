"""The Insights screen: reached from the start screen, filtered, each row opening post-mortems."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bench.repo_generator import generate
from pm_tui.postmortem_store import Repository
from screens.app import create_app
from tests.wizard_helpers import fill, wait_until


@pytest.fixture
def generated(tmp_path):
    root = tmp_path / "repo"
    truth = generate(root, count=40, years=2)
    return Repository(root), truth


def _clock(truth):
    return lambda: datetime.combine(truth.today, datetime.min.time(), UTC).replace(hour=9)


async def _open_insights(pilot, app):
    await pilot.pause()
    assert app.screen.name == "start"
    await pilot.press("i")
    await wait_until(pilot, lambda: app.screen.name == "insights" and app.screen.insights)
    await pilot.pause()
    return app.screen


async def test_insights_screen_shows_the_repository_and_filters_by_service(generated):
    repo, truth = generated
    app = create_app(repo, clock=_clock(truth))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_insights(pilot, app)
        summary = str(screen.query_one("#insights-summary").render())
        assert f"{len(truth.incidents)} post-mortems" in summary
        assert f"{truth.overdue()} overdue action items" in summary
        durations = screen.query_one("#durations")
        all_rows = sum(int(str(durations.get_row_at(i)[1])) for i in range(durations.row_count))
        assert all_rows == len(truth.incidents)
        # Filter: only payments incidents.
        await fill(pilot, "service", "payments")
        await pilot.press("enter")
        payments = [i for i in truth.incidents if i.service == "payments"]
        await wait_until(pilot, lambda: len(screen.insights.considered) == len(payments))
        await pilot.pause()
        assert f"{len(payments)} post-mortems" in str(
            screen.query_one("#insights-summary").render()
        )
        assert sorted(screen.insights.considered) == sorted(i.id for i in payments)
        recurrence = screen.query_one("#recurrence")
        services = {str(recurrence.get_row_at(i)[1]) for i in range(recurrence.row_count)}
        assert services <= {"payments"}
        # A bad date is refused with a notification, the figures stay.
        await fill(pilot, "since", "last week")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("not a date" in n.message for n in app._notifications)
        assert sorted(screen.insights.considered) == sorted(i.id for i in payments)


async def test_a_row_opens_the_post_mortems_behind_it(generated):
    repo, truth = generated
    app = create_app(repo, clock=_clock(truth))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_insights(pilot, app)
        table = screen.query_one("#recurrence")
        table.focus()
        table.move_cursor(row=0)
        await pilot.pause()
        behind = screen.behind[f"recurrence:{0}"]
        assert len(behind) > 1
        await pilot.press("enter")  # several post-mortems: a picker lists them, newest first
        await pilot.pause()
        picker = app.screen.query_one("#picker")
        assert picker.option_count == len(behind)
        assert picker.get_option_at_index(0).id == behind[-1]
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.pm is not None)
        assert app.pm.id == behind[-1] and app.screen.name == "step1"


async def test_escape_goes_back_to_the_start_screen(generated):
    repo, truth = generated
    app = create_app(repo, clock=_clock(truth))
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_insights(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.name == "start"


async def test_fixes_that_did_not_hold_are_one_row_per_recurring_cause(generated):
    repo, truth = generated
    expected = truth.fixes_that_did_not_hold()
    app = create_app(repo, clock=_clock(truth))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_insights(pilot, app)
        table = screen.query_one("#fixes")
        assert expected and table.row_count == len(expected)
        rows = {}
        for n in range(table.row_count):
            fixes, back, service, _cause, _latest = (str(c) for c in table.get_row_at(n))
            rows[service] = (int(fixes), int(back), set(screen.behind[f"fix:{n}"]))
        want = {
            service: (len(f), len(q), {p for p, _f in f} | q)
            for (service, _key), (f, q) in expected.items()
        }
        assert rows == want
        summary = str(screen.query_one("#insights-summary").render())
        not_held = len({(p, f) for p, f, _q in truth.recurred_after_fix()})
        assert f"{not_held} of {len(truth.fixed_factors())} fixes did not hold" in summary


async def test_figures_read_ahead_by_the_start_screen_are_used_once(generated):
    """The start screen reads the Insights records after its first paint; `i` shows those,
    and the next opening reads the repository again (a post-mortem removed meanwhile is gone)."""
    repo, truth = generated
    app = create_app(repo, clock=_clock(truth))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        gone = truth.incidents[0].id
        (repo.root / "postmortems" / f"{gone}.toml").unlink()
        screen = await _open_insights(pilot, app)
        assert len(screen.insights.considered) == len(truth.incidents)  # as read ahead
        await pilot.press("escape")
        await pilot.pause()
        screen = await _open_insights(pilot, app)
        assert len(screen.insights.considered) == len(truth.incidents) - 1
        assert gone not in screen.insights.considered


def _git(root, *args) -> str:
    import subprocess

    return subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


async def test_c_confirms_and_x_rejects_a_suggested_recurrence_written_and_committed(generated):
    """A suggested group (similar causes nobody decided) is confirmed with `c`: the newer
    files name the first incident, one commit, a notification, and the group moves from the
    suggestions to the counted recurrences. `x` on another rejects it for good."""
    from pm_tui.toml_read import parse_postmortem

    repo, truth = generated
    root = repo.root
    app = create_app(repo, clock=_clock(truth))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_insights(pilot, app)
        suggested = screen.query_one("#suggested")
        assert len(screen.insights.suggested) >= 2 and suggested.row_count >= 2
        confirmed_before = [g for g in screen.insights.recurrence if g.kind == "confirmed"]
        group = screen.insights.suggested[0]
        first, newer = group.ids[0], group.ids[1:]
        # each row says how sure the suggestion is (the band stats and the HTML show)
        bands = [str(suggested.get_row_at(n)[1]) for n in range(suggested.row_count)]
        assert bands == [g.confidence for g in screen.insights.suggested[: len(bands)]]
        assert set(bands) <= {"strong", "possible"}
        head = _git(root, "rev-parse", "HEAD")
        screen.query_one("#durations").focus()
        await pilot.pause()
        await pilot.press("c")  # not on the suggested table: says where to go, writes nothing
        await pilot.pause()
        assert any("Suggested table" in n.message for n in app._notifications)
        suggested.focus()
        suggested.move_cursor(row=0)
        await pilot.pause()
        await pilot.press("c")
        await wait_until(
            pilot, lambda: any(n.title == "Recurrence decided" for n in app._notifications)
        )
        await app.workers.wait_for_complete()
        await pilot.pause()
        note = next(n for n in app._notifications if n.title == "Recurrence decided")
        assert f"same cause as {first}" in note.message and "committed" in note.message
        for pm_id in newer:  # the saved files
            path = root / "postmortems" / f"{pm_id}.toml"
            assert first in parse_postmortem(path.read_text()).recurrence.same_cause_as
        assert _git(root, "rev-list", "--count", f"{head}..HEAD") == "1"
        changed = _git(root, "show", "--name-only", "--format=", "HEAD").splitlines()
        assert sorted(changed) == sorted(f"postmortems/{i}.toml" for i in newer)
        assert _git(root, "status", "--porcelain") == ""
        # The screen: no longer suggested, counted as a confirmed recurrence (with its group).
        assert all(set(group.ids) - set(g.ids) for g in screen.insights.suggested)
        confirmed = [g for g in screen.insights.recurrence if g.kind == "confirmed"]
        assert any(set(group.ids) <= set(g.ids) for g in confirmed)
        assert len(confirmed) <= len(confirmed_before) + 1
        table = screen.query_one("#recurrence")
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert any(str(r[2]).endswith("(confirmed)") for r in rows)
        summary = str(screen.query_one("#insights-summary").render())
        assert f"{len(screen.insights.suggested)} suggested recurrences" in summary

        # x rejects the (now) first suggestion: never suggested again, nothing counted.
        other = screen.insights.suggested[0]
        suggested = screen.query_one("#suggested")
        suggested.focus()
        suggested.move_cursor(row=0)
        await pilot.pause()
        before = len(app._notifications)
        await pilot.press("x")
        await wait_until(pilot, lambda: len(app._notifications) > before)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "not the same cause as" in list(app._notifications)[-1].message
        for newer_id, older_id in other.pairs:
            path = root / "postmortems" / f"{newer_id}.toml"
            assert older_id in parse_postmortem(path.read_text()).recurrence.not_same_cause_as
        pairs = {frozenset(p) for g in screen.insights.suggested for p in g.pairs}
        assert not pairs & {frozenset(p) for p in other.pairs}
        assert not any(
            set(other.ids) <= set(g.ids)
            for g in screen.insights.recurrence
            if g.kind == "confirmed"
        )
        assert _git(root, "rev-list", "--count", f"{head}..HEAD") == "2"
