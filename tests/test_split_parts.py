"""What each part of a split holds, as a steering group reads it: who owns a
goal divided among parts, and parts of a model with no units or goals named
by what they hold, in a stated order.

`fits` here counts nodes instead of laying parts out: the split is the same,
and the test stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from raci.export.graph import View
from raci.export.split import _fullest, split_view
from raci.export.views import build_view
from raci.i18n import set_language
from raci.model import Body, Decision, Goal, Initiative, Model, Org, Role, Unit


def few_nodes(most: int) -> Callable[[View], bool]:
    return lambda part: len(part.nodes) <= most


def goal_with_actors(count: int) -> Model:
    """One goal with `count` roles: the last Accountable (so that it falls in
    no first half by its place), the others Consulted."""
    model = Model(Org("Veel betrokkenen"))
    model.add(Unit(id="u", name="Programma"))
    model.add(Goal(id="g", name="Een doel"))
    for number in range(1, count + 1):
        model.add(Role(id=f"r{number}", name=f"Adviseur {number}", unit="u"))
        model.assign("g", "A" if number == count else "C", f"r{number}")
    return model


def decision_with_consulted(count: int) -> Model:
    model = Model(Org("Veel betrokkenen"))
    model.add(Goal(id="g", name="Een doel"))
    model.add(Initiative(id="i", name="Een initiatief", goals=["g"]))
    model.add(Decision(id="d", name="Een besluit", about=["i"]))
    for number in range(1, count + 1):
        model.add(Role(id=f"r{number}", name=f"Adviseur {number}"))
        model.assign("d", "A" if number == count else "C", f"r{number}")
    return model


@pytest.mark.parametrize(("view_name", "model", "item"), [
    ("raci", goal_with_actors(12), "g"), ("decisions", decision_with_consulted(12), "d")])
def test_every_part_of_a_divided_item_draws_who_is_accountable(
        view_name: str, model: Model, item: str) -> None:
    """Only the part that held the Accountable by its place drew it: a reader
    of part 3 of a goal's forty actors could not see who owns the goal."""
    set_language("en")
    view = build_view(model, view_name)
    parts = split_view(view, model, "goal", few_nodes(6))
    assert len(parts) > 2
    owner = "r12"
    for part in parts:
        assert item in part.nodes and owner in part.nodes, part.subtitle
        assert any({edge.tail, edge.head} == {item, owner} for edge in part.edges)
        assert part.subtitle.split(" · ")[0].endswith(" of 11, and who is Accountable)")
    others = [node for part in parts for node in part.nodes if node not in (item, owner)]
    assert sorted(others) == sorted(f"r{number}" for number in range(1, 12))  # each once


NAMES = ["Werkgroep Wonen", "Commissie Audit", "Raad van Toezicht", "Adviesraad Jeugd",
         "Stuurgroep Energie", "Kerngroep Data", "Beraad Zorg", "Overleg Netten",
         "Taskforce Water", "Denktank Mobiliteit", "Jury Prijzen", "Platform Klimaat",
         "Netwerk Cultuur", "Forum Onderwijs", "Huisraad", "Leerkring Veiligheid"]
"""Sixteen names, in no order."""


def without_areas(view_name: str) -> Model:
    """A model with nothing to split the view by: bodies and no units, or
    initiatives and no goals."""
    model = Model(Org("Zonder indeling"))
    for number, name in enumerate(NAMES):
        model.add(Body(id=f"b{number}", name=name, kind="working_group") if view_name == "bodies"
                  else Initiative(id=f"i{number}", name=name))
    return model


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize(("view_name", "by"), [("bodies", "unit"), ("goals", "goal")])
def test_parts_of_a_model_without_areas_are_named_by_what_they_hold_in_order(
        view_name: str, by: str, language: str) -> None:
    """A model with no units (or no goals) was split into "Everything (section
    2 of 5)", each section in model order: a reader could neither tell what a
    part holds nor find a body. The parts hold the nodes in alphabetical
    order, each named by its first and last, and each handing them to the
    layout in that order (Graphviz keeps it, row by row)."""
    set_language(language)
    model = without_areas(view_name)
    parts = split_view(build_view(model, view_name), model, by, few_nodes(5))
    assert len(parts) > 2
    held = [[node.title for node in part.nodes.values()] for part in parts]  # as laid out
    assert [title for titles in held for title in titles] == sorted(NAMES, key=str.casefold)
    words = {"en": ("Part", "of", "to"), "nl": ("Deel", "van", "tot en met")}[language]
    no_goals = {"en": " · The model's goals are not recorded.",
                "nl": " · De doelen van het model zijn niet vastgelegd."}[language]
    for number, (part, titles) in enumerate(zip(parts, held, strict=True), 1):
        name = f"{titles[0]} {words[2]} {titles[-1]}"
        assert part.part == name
        assert part.subtitle == (f"{words[0]} {number} {words[1]} {len(parts)}: {name}"
                                 + (no_goals if view_name == "goals" else ""))


def test_the_part_outside_every_unit_is_named_by_what_it_holds_after_its_name() -> None:
    """The same where the model has units, but not for all it draws."""
    set_language("en")
    model = Model(Org("Half ingedeeld"))
    model.add(Unit(id="u", name="Directie"))
    model.add(Role(id="r", name="Directeur", unit="u"))
    model.add(Body(id="b.u", name="Directieraad", kind="steering_group", chair="r"))
    for number, name in enumerate(NAMES[:8]):
        model.add(Body(id=f"b{number}", name=name, kind="working_group"))
    parts = split_view(build_view(model, "bodies"), model, "unit", few_nodes(4))
    assert [part.part for part in parts] == [
        "Directie", "Outside every unit: Adviesraad Jeugd to Kerngroep Data",
        "Outside every unit: Overleg Netten to Werkgroep Wonen"]


def test_an_item_divided_among_its_actors_counts_them_alone() -> None:
    """The goal area was halved by its items, then each item by its actors, and
    the second halving went on counting the first: "actors 5–6 of 2", and the
    initiative's parts named after the goal."""
    set_language("en")
    model = goal_with_actors(6)
    model.add(Initiative(id="i", name="Een initiatief", goals=["g"]))
    for number in (2, 3, 5, 6):
        model.assign("i", "R", f"r{number}")
    parts = split_view(build_view(model, "raci"), model, "goal", few_nodes(3))
    assert [part.part for part in parts if "i" in part.nodes] == [
        "Een initiatief (actors 1–2 of 4)", "Een initiatief (actors 3–4 of 4)"]
    assert [part.part for part in parts if "g" in part.nodes] == [
        f"Een doel (actors {number}–{number} of 5, and who is Accountable)"
        for number in range(1, 6)]


def many_small_units(count: int) -> Model:
    """`count` units side by side, of one to four roles each."""
    model = Model(Org("Veel eenheden"))
    for number in range(count):
        model.add(Unit(id=f"u{number}", name=f"Eenheid {number}"))
        for seat in range(number % 4 + 1):
            model.add(Role(id=f"r{number}-{seat}", name=f"Rol {number}-{seat}", unit=f"u{number}"))
    return model


def test_many_small_units_fill_each_page_with_few_tries() -> None:
    """Each try of a page lays it out with `dot`: the CNCF maintainers' 469
    companies took 700 tries (one per company joining the page before, one per
    company alone), about 15 minutes. A page is guessed from how much filled
    the one before, so about two tries make a page (it fits, one unit more
    does not), and each page is still as full as one unit at a time made it."""
    model = many_small_units(120)
    tried: list[int] = []

    def fits(part: View) -> bool:
        tried.append(len(part.nodes))
        return len(part.nodes) <= 20

    parts = split_view(build_view(model, "org"), model, "unit", fits)
    roles = [sum(1 for node in part.nodes if node in model.roles) for part in parts]
    firsts = [min(int(node.split("-")[0][1:]) for node in part.nodes if node in model.roles)
              for part in parts]
    assert sum(roles) == len(model.roles) and all(count <= 20 for count in roles)
    for count, after in zip(roles, firsts[1:], strict=False):  # the next unit did not fit
        assert count + after % 4 + 1 > 20
    assert len(tried) <= 4 * len(parts) + 8, (len(tried), len(parts))


def filled(guess: int, fullest: int) -> tuple[int, list[int]]:
    """Where `_fullest` ends a page of up to 20 areas that holds `fullest`, and what it tried."""
    tries: list[int] = []

    def fits(end: int) -> bool:
        tries.append(end)
        return end <= fullest

    return _fullest(1, 20, guess, fits), tries


@pytest.mark.parametrize("guess", [0, 1, 2, 5, 9, 10, 11, 19, 20, 40])
def test_the_fullest_page_is_found_from_any_guess(guess: int) -> None:
    """However wrong the guess, the page ends where adding one area at a time
    would have ended it; a right guess takes two tries, one too many two, one
    too few three."""
    for fullest in range(1, 21):
        found, tries = filled(guess, fullest)
        assert found == fullest, (guess, fullest, tries)
        if abs(guess - fullest) <= 1 and guess > 1:
            assert len(tries) <= (3 if guess < fullest else 2), (guess, fullest, tries)


def test_a_part_holds_its_units_in_the_order_its_title_names_them() -> None:
    """OpenStack's part 7, "zaqar …, zun … and outside every unit", held the
    roles outside every unit first (`dot` still lays loose nodes first)."""
    set_language("en")
    model = Model(Org("Buiten eerst"))
    for number in range(3):
        model.add(Role(id=f"loose{number}", name=f"Los {number}"))
    model.add(Unit(id="u", name="Zaqar"))
    model.add(Role(id="r", name="Zaqar PTL", unit="u"))
    part, = split_view(build_view(model, "org"), model, "unit", lambda _part: True)
    assert part.part == "Zaqar and outside every unit"
    assert next(iter(part.nodes)) == "r"
