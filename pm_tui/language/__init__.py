"""Language checks for blameless post-mortems: blameful wording and vague action items.

Pure, readable rules (no model weights). Every finding says why and how to rewrite.
"""

from __future__ import annotations

from pm_tui.language.finding import LanguageFinding
from pm_tui.language.prose import check_action, check_prose, ends_at_person

__all__ = ["LanguageFinding", "check_action", "check_prose", "ends_at_person"]
