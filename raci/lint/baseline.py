"""Baselines: accept today's findings so that CI fails only on new ones.

A baseline file is JSON, ``{"version": 1, "fingerprints": [...]}``; a
fingerprint is the rule code and the sorted target ids
(``OWN002:g.co2``), so it survives edits that move lines or change names.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from raci.errors import UsageError
from raci.formats.writing import write_file_whole
from raci.i18n import N_, Said, _, os_reason
from raci.lint.findings import Finding

_NOT_A_BASELINE = N_("{file}: not a baseline; write one with `raci lint --write-baseline`")


def write_baseline(path: Path, findings: Iterable[Finding]) -> int:
    """Write the fingerprints of the unwaived findings; return how many."""
    import json  # a baseline written or read only: a plain `raci lint` need not import it

    fingerprints = sorted({f.fingerprint for f in findings if not f.waived})
    document = {"version": 1, "fingerprints": fingerprints}
    write_file_whole(path, json.dumps(document, indent=2) + "\n", _("the baseline"))
    return len(fingerprints)


def require_baseline(path: Path) -> None:
    """Refuse a baseline file that is not there, in the same words for every command."""
    if not path.is_file():
        raise UsageError(_("{file}: no such baseline file; write one with --write-baseline")
                         .format(file=path))


def read_baseline(path: Path) -> set[str]:
    import json

    require_baseline(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(_("{file}: cannot read the baseline: {reason}").format(
            file=path, reason=os_reason(error))) from None
    except json.JSONDecodeError as error:
        from raci.formats.syntax import json_fault  # said as a model file's JSON is

        raise UsageError(Said(N_("{file}:{line}:{column}: not a baseline (JSON): {fault}"),
                              file=path, line=error.lineno, column=error.colno,
                              fault=json_fault(error.msg))) from None
    except ValueError:  # not UTF-8
        raise UsageError(Said(_NOT_A_BASELINE, file=path)) from None
    fingerprints = document.get("fingerprints") if isinstance(document, dict) else None
    if not isinstance(fingerprints, list) or not all(isinstance(f, str) for f in fingerprints):
        raise UsageError(Said(_NOT_A_BASELINE, file=path))
    return set(fingerprints)


def rename_in_baseline(path: Path, old: str, new: str) -> int:
    """Make the baseline's fingerprints name `new` where they named `old`
    (targets kept sorted); return how many changed. The file is replaced whole."""
    import json

    fingerprints = read_baseline(path)
    renamed = {_renamed(f, old, new) for f in fingerprints}
    changed = len(fingerprints - renamed)
    if changed:
        document = {"version": 1, "fingerprints": sorted(renamed)}
        write_file_whole(path, json.dumps(document, indent=2) + "\n", _("the baseline"))
    return changed


def _renamed(fingerprint: str, old: str, new: str) -> str:
    code, _, targets = fingerprint.partition(":")
    ids = targets.split(",")
    if old not in ids:
        return fingerprint
    return f"{code}:{','.join(sorted(new if t == old else t for t in ids))}"


def without_baselined(findings: Iterable[Finding], baseline: set[str]) -> list[Finding]:
    """The findings that count: waived ones stay listed, baselined ones go."""
    return [f for f in findings if f.waived or f.fingerprint not in baseline]
