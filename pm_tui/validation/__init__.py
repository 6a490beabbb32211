"""Validation of a post-mortem: blameless language, ownership, the whole checklist.

`validate(pm)` returns findings sorted by severity then position. Rules live in
`pm_tui.validation.rules`; the language checks in `pm_tui.language`.
"""

from pm_tui.validation.engine import validate, validate_file
from pm_tui.validation.finding import Finding

__all__ = ["Finding", "validate", "validate_file"]
