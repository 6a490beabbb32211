"""Plain mode: the wizard's questions as line-by-line prompts (questionary), and `pm-tui init`."""
