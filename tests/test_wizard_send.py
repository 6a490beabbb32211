"""Pilot tests of steps 5 and 6 against real servers on loopback: the report by e-mail to an
aiosmtpd server, tickets in a local GitHub API server, the follow-up calendar file and
the repository-wide review of open items."""

from __future__ import annotations

import socket
from datetime import date
from email import message_from_bytes, policy

import pytest

from pm_tui.postmortem_store import read_postmortem
from screens.app import create_app
from tests.conftest import SAMPLE_ID
from tests.github_fake import TOKEN, FakeGitHub
from tests.wizard_helpers import fill, frozen_clock, git_subjects, wait_until


class _Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted"


@pytest.fixture(scope="session")
def smtp_server():
    from aiosmtpd.controller import Controller

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture(scope="session")
def fake_github():
    gh = FakeGitHub()
    gh.thread.start()
    yield gh
    gh.server.shutdown()
    gh.server.server_close()


def _config(monkeypatch, tmp_path, text: str) -> None:
    path = tmp_path / "pm-tui-config.toml"
    path.write_text(text)
    monkeypatch.setenv("PM_TUI_CONFIG", str(path))


async def test_distribute_by_email_records_and_commits(
    sample_repo, smtp_server, monkeypatch, tmp_path
):
    inbox, port = smtp_server
    inbox.messages.clear()
    monkeypatch.delenv("PM_TUI_SLACK_WEBHOOK", raising=False)
    _config(
        monkeypatch,
        tmp_path,
        f'[smtp]\nhost = "127.0.0.1"\nport = {port}\ntls = false\nfrom = "pm@example.com"\n',
    )
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    before = len(sample_repo.load(SAMPLE_ID).distribution)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.action_goto_step(5)
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "DistributeModal"
        assert not app.screen.query("#slack")  # no webhook set: Slack is not offered
        await fill(pilot, "recipients", "sre@example.com, not-an-address")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "DistributeModal"  # refused as typed
        assert "not-an-address" in str(app.screen.query_one("#form-error").render())
        await fill(pilot, "recipients", "sre@example.com, lead@example.com")
        await pilot.press("enter")
        await wait_until(pilot, lambda: len(app.pm.distribution) == before + 1)
        messages = [n.message for n in app._notifications]
        assert any("hours after resolution" in m for m in messages)  # the sample is old: late
        assert any("Report sent (email)" in m for m in messages)
    entry = read_postmortem(sample_repo.path_for(SAMPLE_ID)).distribution[-1]
    assert entry.channel == "email" and entry.recipients == ["sre@example.com", "lead@example.com"]
    assert f"{SAMPLE_ID}: report distributed (email)" in git_subjects(sample_repo.root)
    assert len(inbox.messages) == 1
    mail = message_from_bytes(inbox.messages[0].content, policy=policy.default)
    assert "[Post-mortem" in mail["Subject"]
    assert inbox.messages[0].rcpt_tos == ["sre@example.com", "lead@example.com"]


async def test_distribute_error_is_one_notification(sample_repo, monkeypatch, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    _config(
        monkeypatch,
        tmp_path,
        f'[smtp]\nhost = "127.0.0.1"\nport = {dead}\ntls = "none"\nfrom = "pm@example.com"\n',
    )
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    before = len(sample_repo.load(SAMPLE_ID).distribution)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.action_goto_step(5)
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        await fill(pilot, "recipients", "sre@example.com")
        await pilot.press("enter")
        await wait_until(
            pilot, lambda: any("connection refused" in n.message for n in app._notifications)
        )
        assert len(app.pm.distribution) == before


async def test_create_tickets_records_urls_and_commits(
    sample_repo, fake_github, monkeypatch, tmp_path
):
    fake_github.reset()
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_API_URL", fake_github.url)
    pm = sample_repo.load(SAMPLE_ID)
    for item in pm.actions:
        item.tracker_url, item.status = "", "open"
    sample_repo.save(pm)
    sample_repo.commit(pm, "untracked for the test")
    _config(monkeypatch, tmp_path, '[github]\nrepo = "acme/api"\n')
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.action_goto_step(6)
        await pilot.pause()
        await pilot.press("t")
        await wait_until(pilot, lambda: all(a.tracker_url for a in app.pm.actions))
        table = app.screen.query_one("#open-actions")
        first = app.pm.actions[0]
        assert str(table.get_row(first.id)[5]) == first.tracker_url
    assert len(fake_github.repos["acme/api"]) == len(pm.actions)
    saved = read_postmortem(sample_repo.path_for(SAMPLE_ID))
    assert all("/acme/api/issues/" in a.tracker_url for a in saved.actions)
    assert f"{SAMPLE_ID}: action items tracked in GitHub (acme/api)" in git_subjects(
        sample_repo.root
    )


async def test_create_tickets_without_config_says_what_to_do(sample_repo, monkeypatch, tmp_path):
    _config(monkeypatch, tmp_path, "")
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.action_goto_step(6)
        await pilot.pause()
        await pilot.press("t")
        await wait_until(pilot, lambda: any("github.repo" in n.message for n in app._notifications))
        message = next(n.message for n in app._notifications if "github.repo" in n.message)
        assert "pm-tui init" in message and "pm-tui track ID --github OWNER/REPO" in message


async def test_schedule_follow_up_writes_calendar_and_review_lists_open_items(sample_repo):
    pm = sample_repo.load(SAMPLE_ID)
    pm.follow_up_review = None
    pm.actions[0].status, pm.actions[0].deadline = "open", date(2025, 2, 10)  # 2 days late
    sample_repo.save(pm)
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(6)
        await pilot.pause()
        review = app.screen.query_one("#all-open")
        await wait_until(pilot, lambda: "loading" not in review.rows)
        open_items = [
            a for p in sample_repo.summaries() if p.postmortem for a in p.postmortem.open_actions()
        ]
        assert review.row_count == len(open_items)
        overdue = [
            str(review.get_row(k)[3]) for k in review.rows if "overdue" in str(review.get_row(k)[3])
        ]
        assert overdue == ["2025-02-10 (2d overdue)"]
        await pilot.press("f")
        await pilot.pause()
        assert app.pm.follow_up_review is not None
    ics = (sample_repo.root / "reviews" / f"{SAMPLE_ID}.ics").read_text()
    assert "BEGIN:VCALENDAR" in ics and app.pm.follow_up_review.strftime("%Y%m%d") in ics
    assert (
        read_postmortem(sample_repo.path_for(SAMPLE_ID)).follow_up_review == app.pm.follow_up_review
    )


async def test_tickets_anyway_records_the_override_and_skips_the_ownerless(
    sample_repo, fake_github, monkeypatch, tmp_path
):
    from textual.screen import ModalScreen

    from tests.wizard_helpers import type_text

    fake_github.reset()
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_API_URL", fake_github.url)
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Dana Ruiz")
    pm = sample_repo.load(SAMPLE_ID)
    for item in pm.actions:
        item.tracker_url, item.status = "", "open"
    pm.actions[3].owner, pm.actions[3].action = "", "improve monitoring"
    sample_repo.save(pm)
    sample_repo.commit(pm, "an ownerless item for the test")
    _config(monkeypatch, tmp_path, '[github]\nrepo = "acme/api"\n')
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.action_goto_step(6)
        await wait_until(pilot, lambda: app.screen.name == "step6" and app.screen.is_mounted)
        await pilot.pause()
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))
        await pilot.pause()
        await type_text(pilot, "the review is tomorrow")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.pm.actions[0].tracker_url != "")
        await wait_until(pilot, lambda: bool(app.pm.overrides))
    issues = fake_github.repos["acme/api"]
    assert [i["title"][:6] for i in issues] == ["AI-001", "AI-002", "AI-003"]  # not AI-004
    saved = read_postmortem(sample_repo.path_for(SAMPLE_ID))
    assert saved.actions[3].tracker_url == ""
    assert [(o.action, o.rule, o.location, o.by, o.reason) for o in saved.overrides] == [
        ("tickets", "owner/missing", "actions/AI-004/owner", "Dana Ruiz", "the review is tomorrow")
    ]
