"""The command palette (ctrl+p): every action of the app, and a jump to any entity.

Typing matches actions by their title and entities by name or id (ranked by
`raci.tui.matching`, fast on a national model); choosing an entity shows it
in the explorer. Under an entity's name the palette says where it sits (its
unit, parent, kind or roles), so two people of one name are told apart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from itertools import zip_longest
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from raci.i18n import _
from raci.model import KINDS, Body, Entity, Goal, Kpi, Model, Person, Role, Unit
from raci.vocabulary import BODY_KIND_NAMES, KIND_NAMES, KIND_TITLES, THIS_KIND, capitalised

if TYPE_CHECKING:
    from raci.tui.app import RaciApp

MAX_ENTITY_HITS = 20
"""Enough to choose from (the palette shows 14 at a time in 120 × 40); a
model of thousands would flood the list, and each hit is made, measured
and laid out before the list shows (50 took a third of a key's time on a
national model)."""
MOST_PLACES = 3
"""The names beside a hit that tell it from another of its name (a unit and
two roles): a line the palette shows whole."""


Command = tuple[str, str, Callable[[], object]]
"""A palette line: its title, its help and what choosing it does."""


class CommandList(Provider):
    """A palette provider of a list of commands, shown all when nothing is
    typed and matched by their title as it is."""

    def commands(self) -> list[Command]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for title, help_text, callback in self.commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self.commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)


class RaciCommands(CommandList):
    """Every action of the app, then the entities whose name or id is typed."""

    def commands(self) -> list[Command]:
        app = cast("RaciApp", self.app)
        actions: list[Command] = [
            (_("Show explorer"), _("The model by kind, and the selected entity"),
             partial(app.action_show_view, "explorer")),
            (_("Show matrix"), _("Items by actors; r a c i set a letter"),
             partial(app.action_show_view, "matrix")),
            (_("Show findings"), _("The lint result, grouped by level and rule"),
             partial(app.action_show_view, "findings")),
            (_("Show diagram"), _("Preview a neighbourhood and export a drawing"),
             partial(app.action_show_view, "diagram")),
            (_("Undo"), _("Undo the last edit of this session"), app.action_undo),
            (_("Redo"), _("Redo the edit last undone"), app.action_redo),
            (_("Edit selected entity"), _("Open the form of the entity the explorer shows"),
             app.action_edit_entity),
            (_("Rename selected entity"), _("A new id for it, everywhere it is named"),
             app.action_rename_entity),
            (_("Delete selected entity"), _("Delete the entity the explorer shows, after a check"),
             app.action_delete_entity),
            (_("Go back"), _("Show the entity the explorer showed before"), app.action_go_back),
            (_("Waive finding"), _("Waive the finding under the cursor in the findings view"),
             app.action_waive_finding),
            (_("Suggestions for finding"), _("Edits that resolve the finding under the cursor "
             "in the findings view, each tried"), app.action_suggest_finding),
            (_("Scenarios"), _("Edit in a scenario, make one, leave, apply or drop it"),
             app.action_choose_scenario),
            (_("Review findings"), _("One at a time, the largest first: fix, accept or note "
             "an action; then the minutes"), app.action_review),
            (_("Edit organisation"), _("Its name, description, as-of date and facts not recorded"),
             app.action_edit_org),
            (_("Show waivers"), _("Every waiver: what it waives; change or remove one"),
             app.action_show_waivers),
            (_("Pick matrix scope"), _("A unit, body or goal subtree, or the whole model"),
             app.action_pick_scope),
            (_("Export diagram"), _("Write the diagram view's drawing to its file"),
             app.action_export_diagram),
            (_("Show keys"), _("Every key of every view"), app.action_show_keys),
            (_("Quit"), _("Leave raci; every edit is already saved"), app.action_quit),
        ]
        actions += [(capitalised(_("Add {kind}").format(kind=KIND_NAMES[kind])),
                     _("A new entity in {kind}").format(kind=KIND_TITLES[kind]),
                     partial(app.action_add_entity, kind)) for kind in KINDS]
        return actions

    async def search(self, query: str) -> Hits:
        async for hit in super().search(query):
            yield hit
        matcher = self.matcher(query)
        app = cast("RaciApp", self.app)
        if app.session is None:
            return
        model = app.session.model
        found = app.session.entity_finder().ranked(query, MAX_ENTITY_HITS)
        hits = [entity for _score, entity in found]
        for score, entity in found:
            text = f"{entity.name} ({entity.id})"
            go_to = _("Go to {this}").format(
                this=THIS_KIND.get(model.kind(entity.id) or "", _("this entity")))
            # rapidfuzz scores from 0 to 100, the palette's matcher from 0 to 1.
            yield Hit(score / 100, matcher.highlight(text), partial(app.show_entity, entity.id),
                      text=text, help=" · ".join([go_to, *told_apart(model, entity, hits)]))


def told_apart(model: Model, entity: Entity, namesakes: Sequence[Entity] = ()) -> list[str]:
    """What tells `entity` from another of its name, by name: where it
    sits (a person's or role's unit, a unit's or goal's parents), what it is
    (a body's kind) or does (a person's roles, what an indicator measures).

    When one of `namesakes` (the other hits) has its name and would read the
    same, the places from the first whose name differs; where only their ids
    differ, that place's id too; and where they sit in the very same places
    (two units of one name under one parent), the entity's own id."""
    places, names = _places(model, entity)
    start = 0
    for other in namesakes:
        if other.id == entity.id or other.name != entity.name:
            continue
        theirs, their_names = _places(model, other)
        if their_names[start:start + MOST_PLACES] != names[start:start + MOST_PLACES]:
            continue
        apart = _first_difference(names, their_names)
        if apart is None:  # the same names all the way up: their ids tell them apart
            apart = _first_difference(places, theirs)
            if apart is not None and apart < len(places):
                names[apart] = f"{names[apart]} ({places[apart]})"
        if apart is None or apart >= len(places):
            return [_("id {id}").format(id=entity.id)]
        start = max(start, apart)
    shown = names[start:start + MOST_PLACES]
    if isinstance(entity, Body):
        shown.insert(0, BODY_KIND_NAMES.get(entity.kind, entity.kind))
    return shown[:MOST_PLACES]


def _places(model: Model, entity: Entity) -> tuple[list[str], list[str]]:
    """The ids and the names of the entities that place `entity`."""
    found = [place for place in map(model.get, _placing(model, entity)) if place is not None]
    return [place.id for place in found], [place.name for place in found]


def _first_difference(mine: list[str], theirs: list[str]) -> int | None:
    """Where two lists first differ (one ending counts), or None when they are equal."""
    return next((at for at, (one, other) in enumerate(zip_longest(mine, theirs))
                 if one != other), None)


def _placing(model: Model, entity: Entity) -> list[str]:
    """The ids of the entities that place `entity`: for a unit or goal, every
    parent up to the top."""
    if isinstance(entity, Person):
        return [entity.unit or "", *model.roles_held_by(entity.id)]
    if isinstance(entity, Role):
        return [entity.unit or ""]
    if isinstance(entity, Unit | Goal):  # the parents up: namesakes' parents may share a name too
        above: list[str] = []
        parent = entity.parent
        while parent and parent not in above:
            above.append(parent)
            found = model.get(parent)
            parent = found.parent if isinstance(found, Unit | Goal) else None
        return above
    if isinstance(entity, Kpi):
        return [entity.measures]
    return []
