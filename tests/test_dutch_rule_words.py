"""The rules' Dutch says what a finding is about in Dutch: "target" (the
English word for the entities a finding is about) is left only where it is
the model file's key, written as code (`target`), never as a Dutch noun
("met elk lid als target")."""

from __future__ import annotations

import re

from babel.messages.pofile import read_po

from raci.i18n import LOCALE_DIR

CODE_OR_PLACEHOLDER = re.compile(r"`[^`]*`|\{[^}]*\}")


def test_no_rule_text_in_dutch_says_target() -> None:
    with (LOCALE_DIR / "nl" / "LC_MESSAGES" / "rules.po").open("rb") as po:
        catalogue = read_po(po)
    said = [message.string for message in catalogue if message.id and message.string]
    english = [text for texts in said for text in ([texts] if isinstance(texts, str) else texts)
               if re.search(r"\btargets?\b", CODE_OR_PLACEHOLDER.sub("", text), re.I)]
    assert english == []
