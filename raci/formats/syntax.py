"""What a YAML or JSON syntax error means, in the user's words, with what
to do about it.

The parsers (yaml-rs, PyYAML, the standard library's json) report in their
own English ("mapping values are not allowed in this context"). Each of
their reasons is matched here to one of a few faults a person makes when
writing a model file by hand (a quote not closed, a key out of line, a tab
in the indentation) and said as a `Said`, so that it reads in the user's
language. A reason none of them matches is passed on in the parser's words
inside a sentence that still says where to look.
"""

from __future__ import annotations

import re

from raci.i18n import N_, Said

_QUOTE_NOT_CLOSED = N_("a quote (\" or ') opened here is not closed; close it where its "
                       "value ends")
_BAD_ESCAPE = N_("a backslash (\\) in a double-quoted value starts an unknown escape; write "
                 "\\\\ for a backslash, or put the value in single quotes")
_TEXT_AFTER_QUOTE = N_("text after a closing quote; put the whole value inside the quotes")
_TAB = N_("a tab in the indentation; indent with spaces")
_MULTILINE_TEXT = N_("the lines of a text written over several lines (after | or >) are not "
                     "indented alike; indent each of them at least as far as the first")
_COLON_IN_VALUE = N_("': ' where no key can start; put a value holding ': ' in quotes, or "
                     "line this key up with the keys of its level")
_OUT_OF_LINE = N_("this line does not line up with the lines above it, or its 'key: value' "
                  "lacks the ': '; indent it as far as the keys of its level")
_LIST_ITEM = N_("a list item ('- ') and a key ('key: value') mixed at one level; start each "
                "item of a list with '- ', lined up with the others")
_CANNOT_START = N_("a value cannot start with {character}; put the value in quotes")
_UNCLOSED_BRACKET = N_("the {bracket} opened here is not closed; close it with {closing}")
_FLOW_GOES_ON = N_("a comma or a closing bracket is missing in the list [...] or block {{...}} "
                   "before here; separate its items with commas and close it")
_STRAY_BRACKET = N_("a closing bracket that was never opened; remove it, or put the value in "
                    "quotes")
_OTHER_YAML = N_("not valid YAML here ({reason}); check the quotes, colons, dashes and "
                 "indentation of this line and the one above")

_CLOSING = {"[": "]", "{": "}"}

# Matched in order against the parser's reason; the first that matches says it.
_YAML_FAULTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), message) for pattern, message in (
        (r"escape|hexadecimal", _BAD_ESCAPE),
        (r"after double-quoted|but found '<scalar>'", _TEXT_AFTER_QUOTE),
        (r"quoted scalar|unclosed quote", _QUOTE_NOT_CLOSED),
        (r"\btabs?\b|'\\t'", _TAB),
        (r"block scalar|multiline text", _MULTILINE_TEXT),
        (r"mapping values are not allowed", _COLON_IN_VALUE),
        (r"'-' indicator|block sequence entries|but found '-'", _LIST_ITEM),
        (r"block mapping|simple key|indentation|expected ':'|placement of ':'"
         r"|mapping keys are not allowed|<block end>", _OUT_OF_LINE),
        (r"flow (sequence|mapping)|<flow", _FLOW_GOES_ON),
        (r"misplaced bracket", _STRAY_BRACKET),
    ))
_UNCLOSED = re.compile(r"unclosed bracket '([\[{])'")
_UNEXPECTED = re.compile(r"unexpected character: `(.)'|found character '(.)' that cannot start")


# yaml-rs places these faults elsewhere than where they are: an unclosed
# quote after the end of the text, a tab at the start of the value on the
# line above. PyYAML places them where they are.
_PLACED_ELSEWHERE = re.compile(r"multiline quoted scalar|unclosed quote|\btabs?\b")


def placed_elsewhere(reason: str) -> bool:
    """Whether yaml-rs's `reason` comes with a place other than the fault's own."""
    return _PLACED_ELSEWHERE.search(reason) is not None


def quote_not_closed() -> str:
    return Said(_QUOTE_NOT_CLOSED)


def yaml_fault(reason: str) -> str:
    """The parser's `reason` for refusing YAML, as a person reads it."""
    unclosed = _UNCLOSED.search(reason)
    if unclosed:
        bracket = unclosed.group(1)
        return Said(_UNCLOSED_BRACKET, bracket=bracket, closing=_CLOSING[bracket])
    unexpected = _UNEXPECTED.search(reason)
    if unexpected and (unexpected.group(1) or unexpected.group(2)) != "\\t":
        return Said(_CANNOT_START, character=unexpected.group(1) or unexpected.group(2))
    for pattern, message in _YAML_FAULTS:
        if pattern.search(reason):
            return Said(message)
    return Said(_OTHER_YAML, reason=reason)


_COMMA_BEFORE_CLOSING = N_("a comma before a closing bracket; remove it")
_JSON_FAULTS = {
    "Expecting value": N_("a value is missing here, or a comma is one too many; write the "
                          "value, or remove the comma"),
    "Expecting ',' delimiter": N_("a comma is missing before here; separate the items with "
                                  "commas"),
    "Expecting ':' delimiter": N_("the ':' after a key is missing; write \"key\": value"),
    "Expecting property name enclosed in double quotes": N_(
        "a key is not in double quotes, or a comma is one too many; write \"key\": value"),
    "Unterminated string starting at": N_("a text in double quotes is not closed; end it "
                                          "with \" on the same line"),
    "Invalid control character at": N_("a line break or tab inside a text in quotes; write "
                                       "\\n or \\t in its place"),
    "Invalid \\escape": _BAD_ESCAPE,
    "Invalid \\uXXXX escape": _BAD_ESCAPE,
    "Extra data": N_("more text after the end of the document; remove it"),
    "Illegal trailing comma before end of object": _COMMA_BEFORE_CLOSING,
    "Illegal trailing comma before end of array": _COMMA_BEFORE_CLOSING,
}
_OTHER_JSON = N_("not valid JSON here ({reason}); check the quotes, commas and brackets")


_JSON_NOT_CLOSED = N_("the text ends before every bracket is closed; end it with {closing}")


def json_not_closed(closing: str) -> str:
    """The text ends inside a list or object; `closing` ends it (``}}``, ``]}``)."""
    return Said(_JSON_NOT_CLOSED, closing=closing)


def json_fault(reason: str) -> str:
    """The json module's `reason` (a `JSONDecodeError`'s ``msg``), as a person reads it."""
    message = _JSON_FAULTS.get(reason)
    return Said(message) if message else Said(_OTHER_JSON, reason=reason)
