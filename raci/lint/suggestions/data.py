"""Suggestions for the data and waiver rules (DAT, WAI): say what the source
does not record, and drop waivers that no longer do anything."""

from __future__ import annotations

import dataclasses

from raci.lint.findings import Finding
from raci.lint.message import said
from raci.lint.rules.data import fact_words
from raci.lint.rules.waivers import waiver_expired
from raci.lint.suggestions.remedy import Context, Remedy, Suggest
from raci.model import Waiver
from raci.model.changes import Change


def fact_not_recorded(ctx: Context, finding: Finding) -> list[Remedy]:
    """DAT001: the fact declared as not recorded (`org.not_recorded`)."""
    org, fact = ctx.model.org, finding.targets[0]
    return [Remedy(said("declare that the model does not record {facts} (org.not_recorded: "
                        "{fact})", facts=fact_words(fact), fact=fact),
                   Change(org=dataclasses.replace(org, not_recorded=[*org.not_recorded, fact])),
                   safe=True)]


def expired_waiver(ctx: Context, finding: Finding) -> list[Remedy]:
    """WAI001: the expired waiver removed (its finding is reported again anyway)."""
    gone = [w for w in ctx.model.waivers
            if _targets(w) == finding.targets and waiver_expired(w, ctx.analysis)]
    return _removing(ctx, gone, expired=True)


def unused_waiver(ctx: Context, finding: Finding) -> list[Remedy]:
    """WAI002: the waiver that matches nothing removed."""
    matched = ctx.analysis.matched_waivers
    gone = [w for number, w in enumerate(ctx.model.waivers)
            if _targets(w) == finding.targets and number not in matched
            and not waiver_expired(w, ctx.analysis)]
    return _removing(ctx, gone, expired=False)


def _targets(waiver: Waiver) -> tuple[str, ...]:
    return tuple(sorted(set(waiver.target)))


def _removing(ctx: Context, gone: list[Waiver], *, expired: bool) -> list[Remedy]:
    if not gone:
        return []
    rules = ", ".join(dict.fromkeys(w.rule for w in gone))
    targets = ", ".join(_targets(gone[0]))
    summary = (said("remove the expired waiver of {rules} for {targets}", rules=rules,
                    targets=targets) if expired else
               said("remove the unused waiver of {rules} for {targets}", rules=rules,
                    targets=targets))
    return [Remedy(summary,
                   Change(waivers=[w for w in ctx.model.waivers if w not in gone]), safe=True)]


SUGGESTERS: dict[str, Suggest] = {
    "DAT001": fact_not_recorded,
    "WAI001": expired_waiver,
    "WAI002": unused_waiver,
}
