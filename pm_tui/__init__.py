"""pm-tui: blameless incident post-mortems as TOML files in git. No Textual in this package."""

__version__ = "0.1.0"
