"""The Textual user interface of pm-tui (the only package that imports Textual)."""
