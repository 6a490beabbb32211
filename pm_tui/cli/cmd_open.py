"""`pm-tui open ID` (and `pm-tui` alone): the wizard."""

from __future__ import annotations

from pm_tui.cli.common import add_repo_option, open_repo
from pm_tui.errors import PmTuiError


def register(sub) -> None:
    p = sub.add_parser("open", help="open the wizard on a post-mortem")
    p.add_argument("id", metavar="ID")
    add_repo_option(p)
    p.set_defaults(func=run)


def _run_app(repo, pm_id: str | None, banner: str = "") -> int:
    try:
        from screens.app import create_app  # Textual is imported only here
    except ImportError as exc:
        raise PmTuiError(f"the wizard cannot start: {exc}") from None
    import sys

    app = create_app(repo=repo, postmortem_id=pm_id)
    app.banner = banner
    saved = sys.stdout, sys.stderr
    # the wizard draws with escape sequences: it gets the streams as they were
    sys.stdout, sys.stderr = (getattr(s, "_stream", s) for s in saved)
    try:
        app.run()
    finally:
        sys.stdout, sys.stderr = saved
    return int(app.return_code or 0)


def run(args) -> int:
    repo = open_repo(args)
    path = repo.resolve(args.id)
    repo.load(str(path))  # refuse a broken file here, with its line and column
    return _run_app(repo, path.stem)


def run_start(args) -> int:
    """`pm-tui` with no command: the start screen."""
    return _run_app(open_repo(args), None)
