"""Expected failures: each carries the one-line reason the user is shown
(in English; `reason` says it in the current language where it was said
with `raci.i18n.Said`)."""

from __future__ import annotations

from raci.i18n import N_, Said, said_again


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


RELOAD = N_("reload and try again")
"""What to do about a conflict in the app: it reloads the model."""


class ConflictError(StoreError):
    """Another process changed what this one was about to change: `conflict`
    says what, `advice` (if any) what to do, after a semicolon. The store
    advises to reload; a command, which loaded nothing a user sees, says to
    run it again (`advised`)."""

    def __init__(self, conflict: str, advice: str | None = None) -> None:
        super().__init__(conflict if advice is None else Said(
            N_("{conflict}; {advice}"), conflict=conflict, advice=Said(advice)))
        self.conflict, self.advice = conflict, advice

    def __reduce__(self) -> tuple[object, ...]:
        return type(self), (self.conflict, self.advice)

    def advised(self, advice: str) -> ConflictError:
        """The same conflict with other advice; one without advice stays so."""
        return self if self.advice is None else ConflictError(self.conflict, advice)



def reason(error: Exception) -> str:
    """Why `error` happened, in the current language: each problem of a
    `ModelFileError` on its own line."""
    if isinstance(error, ModelFileError):
        return "\n".join(map(said_again, error.problems))
    return said_again(error.args[0]) if len(error.args) == 1 and isinstance(
        error.args[0], str) else str(error)
