"""What the app remembers between runs: the chosen theme.

One small TOML file in the user's configuration folder, found with
platformdirs (on Linux `$XDG_CONFIG_HOME/raci/settings.toml`, by default
`~/.config/raci/settings.toml`). A file that cannot be read or written is
passed over: a setting is a convenience, never a reason to fail.
"""

from __future__ import annotations

import contextlib
import json
import tomllib
from pathlib import Path

from platformdirs import user_config_path


def theme_names() -> list[str]:
    """The themes `--theme` takes: Textual's own."""
    from textual.theme import BUILTIN_THEMES

    return sorted(BUILTIN_THEMES)


def settings_file() -> Path:
    return user_config_path("raci") / "settings.toml"


def remembered_theme() -> str | None:
    """The theme chosen last, if any."""
    try:
        with settings_file().open("rb") as file:
            theme = tomllib.load(file).get("theme")
    except (OSError, tomllib.TOMLDecodeError):
        return None
    return theme if isinstance(theme, str) else None


def remember_theme(name: str) -> None:
    path = settings_file()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        # A JSON string is a TOML basic string.
        path.write_text(f"# raci's settings, written by the app\ntheme = {json.dumps(name)}\n",
                        encoding="utf-8")
