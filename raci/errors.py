"""Expected failures: each carries the one-line reason the user is shown
(in English; `reason` says it in the current language where it was said
with `raci.i18n.Said`)."""

from __future__ import annotations

import errno

from raci.i18n import N_, _, said_again

OS_REASONS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EROFS: N_("Read-only file system"),
    errno.ENOSPC: N_("No space left on device"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EISDIR: N_("Is a directory"),
}
"""The operating system's reasons a file cannot be made or written, in its
own English words, so that they can be said in the user's language."""


class RaciError(Exception):
    """Bad input or a refused operation; the command line exits 2 with `str(self)`."""


class UsageError(RaciError):
    """The command was called wrongly (an unknown id, kind, field or option value)."""


class ModelFileError(RaciError):
    """A model file or spreadsheet was refused; `problems` lists every
    `FILE:LINE:COL: message` (a sheet's: ``Matrix!C3: message``)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class StoreError(RaciError):
    """The database could not be opened, read or written."""


class ModelExistsError(StoreError):
    """The database already holds a model, and the operation needs an empty one."""


class ConflictError(StoreError):
    """Another process changed what this one was about to change."""


def os_reason(error: OSError) -> str:
    """Why the operating system refused, in the current language where raci knows the words."""
    if error.errno in OS_REASONS:
        return _(OS_REASONS[error.errno])
    return error.strerror or type(error).__name__


def reason(error: Exception) -> str:
    """Why `error` happened, in the current language: each problem of a
    `ModelFileError` on its own line."""
    if isinstance(error, ModelFileError):
        return "\n".join(map(said_again, error.problems))
    return said_again(error.args[0]) if len(error.args) == 1 and isinstance(
        error.args[0], str) else str(error)
