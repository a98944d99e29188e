"""The app asked to speak Dutch where the Dutch catalogue was never compiled:
it speaks English and says so where the user looks, in the app. Said only
on stderr, the warning was printed just before the app took the screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import loaded

from raci import i18n
from raci.tui import make_app


async def test_the_app_says_in_english_that_its_dutch_catalogue_is_missing(
        database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(i18n.LOCALE_DIR_VARIABLE, str(tmp_path))  # a folder with no catalogue
    monkeypatch.setattr(i18n, "_told_missing", {})
    i18n.set_language("nl")
    try:
        async with make_app(database).run_test(size=(120, 40)) as pilot:
            app = await loaded(pilot)
            notices = [(n.title, n.message, n.timeout) for n in app._notifications]
    finally:
        i18n.set_language("en")
    catalogue = tmp_path / "nl" / "LC_MESSAGES" / "raci.mo"
    assert [(title, message) for title, message, _timeout in notices
            if "catalogue" in message] == [(
                "Language", f"The Dutch catalogue {catalogue} is missing, so raci speaks "
                "English; reinstall raci (building it compiles the catalogues)")]
    assert all(timeout >= 20 for _title, message, timeout in notices if "catalogue" in message)
    assert "raci: warning: the Dutch catalogue" in capsys.readouterr().err  # the command line's
