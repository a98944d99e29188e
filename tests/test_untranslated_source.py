"""No user-facing error written past the catalogue: every error raci shows
the user (a `RaciError`, which the command line prints and exits 2 with)
is raised with a text that goes through `_()`. The pseudo-language runs
(tests/test_untranslated*.py) read what the commands print, and so miss an
error they never reach: Chromium failing to print, a matrix too large for a
spreadsheet. This reads the source instead."""

from __future__ import annotations

import ast
from pathlib import Path

RACI = Path(__file__).parent.parent / "raci"


def trees() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text("utf-8")) for path in sorted(RACI.rglob("*.py"))}


def user_errors(modules: dict[Path, ast.Module]) -> set[str]:
    """RaciError and the classes made from it, by name, across the package."""
    bases = {node.name: {base.id for base in node.bases if isinstance(base, ast.Name)}
             for tree in modules.values() for node in ast.walk(tree)
             if isinstance(node, ast.ClassDef)}
    found = {"RaciError"}
    while grown := {name for name, of in bases.items() if of & found} - found:
        found |= grown
    return found


def written_past_catalogue(tree: ast.Module, errors: set[str]) -> list[int]:
    """The lines raising a user-facing error with a bare or f-string text."""
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
            and isinstance(node.exc.func, ast.Name) and node.exc.func.id in errors
            and node.exc.args and _bare_text(node.exc.args[0])]


def _bare_text(argument: ast.expr) -> bool:
    return isinstance(argument, ast.JoinedStr) or (
        isinstance(argument, ast.Constant) and isinstance(argument.value, str))


def test_the_check_finds_an_untranslated_error() -> None:
    tree = ast.parse('raise UsageError(f"--view {name}: choose one")\n'
                     'raise UsageError(_("--view {view}: choose one").format(view=name))\n'
                     'raise ValueError(f"internal {name}")\n')
    assert written_past_catalogue(tree, {"RaciError", "UsageError"}) == [1]


def test_every_user_facing_error_goes_through_the_catalogue() -> None:
    modules = trees()
    errors = user_errors(modules)
    assert {"UsageError", "ModelFileError"} <= errors
    found = [f"{path.relative_to(RACI.parent)}:{line}" for path, tree in modules.items()
             for line in written_past_catalogue(tree, errors)]
    assert found == []
