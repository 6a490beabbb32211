"""Deadlines shared by the validation rules and the insights, in a module that imports
nothing heavy (`stats` reads the publication goal without loading the rules)."""

from __future__ import annotations

from datetime import timedelta

DISTRIBUTION_DEADLINE = timedelta(hours=48)  # the report goes out within 48 h of resolution
