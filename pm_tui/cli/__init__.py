"""The pm-tui command line."""
