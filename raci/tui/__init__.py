"""The Textual app (SPEC §4); the only package that imports Textual."""

from raci.tui.app import RaciApp, make_app

__all__ = ["RaciApp", "make_app"]
