"""The build step that pyproject.toml cannot say: compile raci's translations.

The catalogues are kept as text (``raci/locale/<lang>/LC_MESSAGES/<domain>.po``);
gettext reads the compiled ``.mo`` beside each. `build_py` compiles them with
Babel before it copies the package, so a wheel, an sdist built into a wheel
and ``pip install -e .`` all get them; the ``.mo`` files are never committed.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

LOCALE = Path(__file__).parent / "raci" / "locale"


def compile_catalogues() -> None:
    """Write the ``.mo`` beside each ``.po`` (fuzzy entries are left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as text:
            catalogue = read_po(text, locale=po.parent.parent.name, domain=po.stem)
        with po.with_suffix(".mo").open("wb") as compiled:
            write_mo(compiled, catalogue)


class BuildWithCatalogues(build_py):
    def run(self) -> None:
        compile_catalogues()
        super().run()


if __name__ == "__main__":  # as setuptools runs it; the tests call compile_catalogues
    setup(cmdclass={"build_py": BuildWithCatalogues})
