"""The wizard at 80x24, the smallest terminal we support: every step keeps its step
indicator, the Next and Back keys in the footer, and its main work area in view."""

from __future__ import annotations

from screens.app import create_app
from tests.conftest import SAMPLE_ID
from tests.wizard_helpers import frozen_clock, wait_until

MAIN = {
    1: "#sources",
    2: "#timeline",
    3: "#factors",
    4: "#actions",
    5: "#summary",
    6: "#open-actions",
}


def screen_lines(app) -> list[str]:
    # What the terminal shows, without colour.
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_every_step_fits_80x24(sample_repo):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for step in range(1, 7):
            if step > 1:
                await pilot.press("ctrl+n")
            await wait_until(pilot, lambda s=step: app.screen.name == f"step{s}")
            await pilot.pause()
            lines = screen_lines(app)
            assert len(lines) == 24
            indicator = lines[1]
            for n, name in enumerate(
                ("Collect", "Timeline", "Factors", "Actions", "Report", "Track"), 1
            ):
                assert f"{n} {name}" in indicator, (step, indicator)
            footer = lines[-1]
            assert "^n Next" in footer and "^b Back" in footer, (step, footer)
            main = app.screen.query_one(MAIN[step])
            region = main.region
            assert region.height >= 5 and region.width >= 40, (step, region)
            assert region.bottom <= 23, (step, region)  # above the footer
            if step == 2:
                durations = "".join(lines).replace(" ", "")
                assert "duration" in durations and "resolve" in durations
    assert app.return_code in (None, 0)
