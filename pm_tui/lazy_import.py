"""Modules imported at their first use, then held, for code that runs per post-mortem."""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from types import ModuleType


def lazy_module(name: str) -> Callable[[], ModuleType]:
    """A function that returns module `name`, importing it at the first call only.

    For a module that must not load with its importer (the app opens without the language
    checks) and is reached per post-mortem: an import statement in such a function would
    run each time, a module lookup and more (about 9k instructions under callgrind)."""
    return functools.cache(lambda: importlib.import_module(name))
