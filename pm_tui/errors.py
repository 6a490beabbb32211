"""Domain exceptions: errors a person can cause and act on. Caught once, at the edge."""


class PmTuiError(Exception):
    """Base of every error shown to the person as one line (and a non-zero exit in the CLI)."""

    exit_code = 1


class UsageError(PmTuiError):
    """The command line or an argument was wrong."""

    exit_code = 2


class FileFormatError(PmTuiError):
    """A post-mortem file could not be read: `path:line:column: what is wrong`."""

    exit_code = 2

    def __init__(self, path, line: int, column: int, message: str):
        self.path, self.line, self.column, self.message = str(path), line, column, message
        super().__init__(f"{self.path}:{line}:{column}: {message}")


class NotFoundError(PmTuiError):
    """No post-mortem with that id or path."""

    exit_code = 2


class CredentialsError(PmTuiError):
    """A token or password the command needs is not set, or the server refused it."""

    exit_code = 4


class GitError(PmTuiError):
    """The repository is in a state where pm-tui must not commit (merge, rebase, ...)."""
