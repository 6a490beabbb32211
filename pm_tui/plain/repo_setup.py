"""Choosing the post-mortem repository in `pm-tui init`: create one, or use an existing clone."""

from __future__ import annotations

from pathlib import Path

from pm_tui import gitstore
from pm_tui.errors import PmTuiError
from pm_tui.plain.prompts import Prompter
from pm_tui.redact import redact_url


def detect_remote(root: Path) -> tuple[str, str] | None:
    """The (name, URL) of the clone's remote (origin first), or None when it has none."""
    names = gitstore._git(root, "remote", check=False).split()
    if not names:
        return None
    name = "origin" if "origin" in names else names[0]
    url = gitstore._git(root, "remote", "get-url", name, check=False).strip()
    return (name, url) if url else None


def _check_existing(text: str) -> str | None:
    if not text:
        return "a folder is needed"
    if not gitstore.is_repo(Path(text).expanduser()):
        return f"{text} is not a git clone: clone it first (git clone URL DIR) or choose 'create'"
    return None


def _check_new(text: str) -> str | None:
    if not text:
        return "a folder is needed"
    p = Path(text).expanduser()
    if p.exists() and not p.is_dir():
        return f"{text} is a file, not a folder"
    if p.is_dir() and not gitstore.is_repo(p) and any(p.iterdir()):
        return f"{text} is not empty and not a git repository: choose an empty or new folder"
    return None


def _credentials_problem(url: str) -> str | None:
    from pm_tui.redact import strip_url_credentials

    shown, had = strip_url_credentials(url)
    if not had:
        return None
    return (
        f"{shown}: a remote URL with credentials would be kept in .git/config and shown by "
        "git: give it without them and let a credential helper (git config credential.helper) "
        "or an SSH key hold the secret"
    )


def refuse_credentials_in_remote(url: str) -> None:
    """PmTuiError when the remote URL carries user:password@ (or a token as user)."""
    problem = _credentials_problem(url)
    if problem:
        raise PmTuiError(problem)


def choose_repository(ask: Prompter, default: str, remote: str | None = None) -> Path:
    """Ask whether to create a repository or use a clone, where, and its remote; set it up."""
    from pm_tui.postmortem_store import Repository

    is_clone = gitstore.is_repo(Path(default).expanduser())
    mode = ask.select(
        "Post-mortem repository:",
        [
            ("existing", "Use an existing git clone (your team's post-mortem repository)"),
            ("create", "Create a new repository"),
        ],
        default="existing" if is_clone else "create",
    )
    check = _check_existing if mode == "existing" else _check_new
    where = ask.path("Folder:", default, only_directories=True, check=check)
    root = Path(where).expanduser().resolve()
    problem = check(str(root))
    if problem:  # --yes with a folder that does not fit the chosen mode
        raise PmTuiError(problem)
    repo = Repository.open(root, create=True)
    found = detect_remote(repo.root)
    if remote:
        refuse_credentials_in_remote(remote)
    if found:
        ask.say(f"Remote {found[0]}: {redact_url(found[1])}")
        if remote and remote != found[1]:
            gitstore._git(repo.root, "remote", "set-url", found[0], remote)
            ask.say(f"Remote {found[0]} now points at {remote}")
    else:
        url = ask.text(
            "Remote URL to push to (blank for none):",
            remote or "",
            check=lambda t: _credentials_problem(t),
        )
        if url:
            refuse_credentials_in_remote(url)
            gitstore._git(repo.root, "remote", "add", "origin", url)
            ask.say(f"Remote origin: {url}")
    return repo.root
