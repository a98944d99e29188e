"""The Textual app (docs/app.md); the only package that imports Textual.

`make_app` is the one way to build the app, for the command line and the
tests. Importing this package imports no Textual: `make_app` first starts
the first model's lint in a process of its own (`raci.tui.first_findings`),
which then runs while Textual and the app are imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from raci.source import database_url

if TYPE_CHECKING:
    from raci.tui.app import RaciApp

__all__ = ["RaciApp", "make_app"]

POLL_SECONDS = 1.0
"""How often, while nothing is being saved, the app looks whether another process wrote."""


def make_app(url_or_path: str | Path, *, create: bool = False,
             poll_seconds: float = POLL_SECONDS, theme: str | None = None,
             read_only: bool = False, scenario: str | None = None) -> RaciApp:
    """The app on a database: a `.db` path or a SQLAlchemy URL; `create` makes it if absent.

    `poll_seconds`: how often to look for other processes' changes while idle;
    `theme`: a Textual theme for this run (`--theme`); `read_only`: refuse every edit;
    `scenario`: edit in this scenario (made if absent, unless read-only).
    """
    spec = str(url_or_path)
    url = database_url(spec)
    first = None
    if not create and scenario is None and "://" not in spec and Path(spec).is_file():
        from raci.i18n import current_language
        from raci.tui.first_findings import FirstFindings

        first = FirstFindings.start(Path(spec), current_language())
    from raci.tui.app import RaciApp

    return RaciApp(url, spec, create=create, poll_seconds=poll_seconds, theme=theme,
                   read_only=read_only, scenario=scenario, first_findings=first)


def __getattr__(name: str) -> object:
    if name == "RaciApp":  # imported only when asked for: it imports Textual
        from raci.tui.app import RaciApp

        return RaciApp
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
