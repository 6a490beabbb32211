"""Step 1: a Loki source added from the form (by keys) takes its credentials' variable from
the config, is collected like a file, and keeps its LogQL for collecting again."""

from __future__ import annotations

import json
import os
from datetime import timedelta

from screens.app import create_app
from tests.conftest import DRAFT_ID
from tests.logstore_fakes import FakeLoki, serve
from tests.wizard_helpers import fill, frozen_clock, type_text, wait_until


async def test_add_a_loki_source_by_keys_and_collect_it(sample_repo, monkeypatch):
    started = sample_repo.load(DRAFT_ID).window.started
    fake = FakeLoki()
    fake.token = "wizard-loki-token"
    lines = []
    for s in range(0, 1800, 10):
        t = started + timedelta(seconds=s)
        msg = "publish blocked: disk alarm on rabbit-2" if s >= 300 else "consumer heartbeat ok"
        level = "error" if s >= 300 else "info"
        ts = t.strftime("%Y-%m-%dT%H:%M:%SZ")
        lines.append(
            (int(t.timestamp()) * 10**9, json.dumps({"ts": ts, "level": level, "msg": msg}))
        )
    fake.push({"app": "orders"}, lines)
    with open(os.environ["PM_TUI_CONFIG"], "w") as cfg:
        cfg.write('[loki]\ntoken_env = "LOKI_TOKEN"\n')
    monkeypatch.setenv("LOKI_TOKEN", "wizard-loki-token")
    with serve(fake) as url:
        app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("a")
            await pilot.pause()
            app.screen.query_one("#kind").focus()
            await pilot.press("enter")  # open the kinds
            await pilot.pause()
            await type_text(pilot, "loki")  # type-to-search the options
            await pilot.press("enter")
            await pilot.pause()
            await fill(pilot, "target", url)
            await fill(pilot, "query", '{app="orders"}')
            await pilot.press("enter")
            await pilot.pause()
            source = app.pm.sources[-1]
            assert (source.kind, source.target, source.query) == ("loki", url, '{app="orders"}')
            assert source.options["token_env"] == "LOKI_TOKEN"  # from the config, a NAME
            await pilot.press("c")
            await app.workers.wait_for_complete()
            await wait_until(pilot, lambda: app.pm.sources[-1].collected_at is not None, 30)
            source = app.pm.sources[-1]
            assert source.counts.get("in_window", 0) > 100 and not source.counts.get("failed")
    assert fake.requests and all(q["query"] == '{app="orders"}' for _, _, q in fake.requests)
    assert (
        "wizard-loki-token"
        not in (sample_repo.root / "postmortems" / f"{DRAFT_ID}.toml").read_text()
    )
