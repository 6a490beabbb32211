"""Issue trackers that action items are followed in (GitHub today)."""

from __future__ import annotations

from pm_tui.errors import PmTuiError


class TrackerError(PmTuiError):
    """The tracker refused or could not be reached; the message says what to do."""


class TrackerCredentialsError(TrackerError):
    """No token for the tracker, or the tracker refused it (exit 4)."""

    exit_code = 4
