"""Messages said for people while the rules are still checked (`say_ahead`):
`raci lint`'s text output says OWN001's messages as soon as they are found,
on the core the forked copy leaves free, and writes the same bytes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from raci.i18n import LANGUAGES, speak
from raci.lint import RULES, split
from raci.lint.config import LintConfig
from raci.lint.engine import lint_source
from raci.lint.message import Message, Named, said, say_ahead, speaker
from raci.lint.output import to_text
from raci.lint.run import LintRun
from raci.source import open_lean_model, open_model
from raci.store import open_store

SAMPLES = sorted((Path(__file__).parent.parent / "raci" / "sample_orgs").glob("*.yaml"))


def unowned(goal: str) -> Message:
    return said("{item} has no Accountable", item=Named(goal, "CO2 -55%", "goal"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_message_said_ahead_is_said_as_a_speaker_says_it(language: str) -> None:
    speak(language)
    message, alone = unowned("g.co2"), unowned("g.co2")
    say_ahead([message])
    assert message.said_ahead is not None
    assert speaker()(message) == message.said_ahead[1] == speaker()(alone)
    speak("en")


def test_a_speaker_takes_what_was_said_ahead_in_its_own_language_only() -> None:
    speak("nl")
    message = unowned("g.co2")
    say_ahead([message])
    assert message.said_ahead is not None
    message.said_ahead = (message.said_ahead[0], "kept")
    assert speaker()(message) == "kept"
    speak("en")
    assert speaker()(message) == "Goal 'CO2 -55%' (g.co2) has no Accountable"


def test_a_message_is_said_ahead_only_when_asked() -> None:
    assert unowned("g.co2").said_ahead is None


@pytest.fixture(scope="module")
def databases(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("said-ahead")
    made = []
    for path in SAMPLES:
        database = folder / f"{path.stem}.db"
        open_store(f"sqlite:///{database}", create=True, model=open_model(str(path)).model).close()
        made.append(str(database))
    return made


@pytest.mark.skipif(sys.platform != "linux", reason="rules are split on Linux only")
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_text_output_of_messages_said_ahead_is_the_same_bytes(
        databases: list[str], monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    speak(language)
    monkeypatch.setattr(split, "SPLIT_FROM", 0)
    owned: list[str] = []
    for database in databases:
        alone = lint_source(open_lean_model(database), LintConfig())
        ahead = lint_source(open_lean_model(database), LintConfig(), split=True, say=True)
        owned += [f.message for f in ahead.findings if f.code in split.KEPT_HERE]
        assert (to_text(LintRun([database], ahead.findings, LintConfig()), RULES)
                == to_text(LintRun([database], alone.findings, LintConfig()), RULES))
    assert owned
    assert all(isinstance(m, Message) and m.said_ahead is not None for m in owned)
    speak("en")
