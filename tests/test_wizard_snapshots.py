"""One snapshot per wizard step at 120×40 and at 80×24 on the bundled sample, frozen clock.

Regenerate after an intended change of the screens:
    pytest tests/test_wizard_snapshots.py --snapshot-update
"""

from __future__ import annotations

import pytest

from screens.app import create_app
from tests.conftest import SAMPLE_ID
from tests.wizard_helpers import frozen_clock


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize("step", [1, 2, 3, 4, 5, 6])
def test_step_snapshot(step, size, sample_repo, snap_compare):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)

    async def go(pilot) -> None:
        pilot.app.action_goto_step(step)
        await pilot.pause()
        # Step 6 reads the repository's open items in a worker; on a busy machine its rows
        # came after the pause, before the table had sized its columns.
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause(0.6)  # the report preview renders after its debounce

    assert snap_compare(app, terminal_size=size, run_before=go)
