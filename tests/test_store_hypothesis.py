"""Generated models survive the store exactly: load(replace_model(m)) == m."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from raci.model import (
    BODY_KINDS,
    INITIATIVE_STATUSES,
    KINDS,
    KPI_TYPES,
    LETTERS,
    Assignment,
    Body,
    Decision,
    Entity,
    Goal,
    Initiative,
    Kpi,
    Model,
    Org,
    Person,
    Role,
    Unit,
    Waiver,
)
from raci.model.lean import LeanModel
from raci.store import Store, open_store

ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,12}", fullmatch=True)
# Any text (surrogates cannot be encoded) but NUL, which PostgreSQL cannot store.
texts = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=25)
optional_texts = st.none() | texts
optional_dates = st.none() | st.dates()
optional_floats = st.none() | st.floats(allow_nan=False, allow_infinity=False)
optional_days = st.none() | st.integers(min_value=0, max_value=2**31 - 1)


class Draw:
    """Draws the fields of entities whose references name ids of the right kinds."""

    def __init__(self, draw: Any, ids_by_kind: dict[str, list[str]]) -> None:
        self.draw = draw
        self.ids_by_kind = ids_by_kind

    def candidates(self, *kinds: str) -> list[str]:
        return [i for kind in kinds for i in self.ids_by_kind[kind]]

    def one(self, *kinds: str) -> str | None:
        found = self.candidates(*kinds)
        return self.draw(st.none() | st.sampled_from(found)) if found else None

    def some(self, *kinds: str) -> list[str]:
        found = self.candidates(*kinds)
        return self.draw(st.lists(st.sampled_from(found), unique=True)) if found else []

    def common(self, entity_id: str) -> dict[str, Any]:
        return {
            "id": entity_id,
            "name": self.draw(texts.filter(bool)),
            "description": self.draw(optional_texts),
            "tags": self.draw(st.lists(texts, max_size=3)),
        }

    def entity(self, kind: str, entity_id: str) -> Entity | None:
        d, common = self.draw, self.common(entity_id)
        if kind == "unit":
            return Unit(**common, parent=self.one("unit"), external=d(st.booleans()))
        if kind == "person":
            return Person(**common, unit=self.one("unit"), capacity_fte=d(optional_floats),
                          external=d(st.booleans()))
        if kind == "role":
            return Role(**common, unit=self.one("unit"), holders=self.some("person"),
                        reports_to=self.one("role", "body"), temporary=d(st.booleans()),
                        sunset=d(optional_dates))
        if kind == "body":
            return Body(**common, kind=d(st.sampled_from(BODY_KINDS)),
                        chair=self.one("role", "person"), members=self.some("role", "person"),
                        reports_to=self.one("body", "role"),
                        temporary=d(st.none() | st.booleans()), established=d(optional_dates),
                        sunset=d(optional_dates), meets_every_days=d(optional_days),
                        mandate=d(optional_texts))
        if kind == "goal":
            return Goal(**common, parent=self.one("goal"), due=d(optional_dates))
        if kind == "initiative":
            return Initiative(**common, goals=self.some("goal"),
                              depends_on=self.some("initiative"),
                              status=d(st.none() | st.sampled_from(INITIATIVE_STATUSES)),
                              start=d(optional_dates), end=d(optional_dates),
                              success_criteria=d(st.lists(texts, max_size=3)),
                              demand_fte=d(optional_floats))
        if kind == "decision":
            return Decision(**common, about=self.some("goal", "initiative"))
        measures = self.one("goal", "initiative")
        if measures is None:
            return None  # an indicator must measure something
        return Kpi(**common, measures=measures, type=d(st.sampled_from(KPI_TYPES)),
                   target=d(optional_texts), has_raci=d(st.booleans()))


@st.composite
def models(draw: Any) -> Model:
    entity_ids = draw(st.lists(ids, unique=True, max_size=30))
    ids_by_kind: dict[str, list[str]] = defaultdict(list)
    for entity_id in entity_ids:
        ids_by_kind[draw(st.sampled_from(list(KINDS)))].append(entity_id)
    org = Org(draw(texts.filter(bool)), draw(optional_texts), draw(optional_dates))
    model = Model(org=org)
    drawer = Draw(draw, ids_by_kind)
    for kind in KINDS:
        for entity_id in ids_by_kind[kind]:
            entity = drawer.entity(kind, entity_id)
            if entity is not None:
                model.collection(kind)[entity_id] = entity
    model.changed()
    items = [e.id for e in model.entities() if model.kind(e.id) in ("goal", "initiative",
                                                                        "decision", "kpi")]
    actors = [e.id for e in model.entities() if model.kind(e.id) in ("role", "body", "person")]
    if items and actors:
        pairs = draw(st.lists(
            st.tuples(st.sampled_from(items), st.sampled_from(actors), st.sampled_from(LETTERS)),
            unique_by=lambda t: (t[0], t[1]), max_size=20,
        ))
        model.assignments = [Assignment(item, letter, actor) for item, actor, letter in pairs]
    model.waivers = draw(st.lists(st.builds(
        Waiver, rule=texts, target=st.lists(ids | texts, min_size=1, max_size=3), reason=texts,
        expires=optional_dates, author=optional_texts,
    ), max_size=3))
    return model


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url, create=True) as opened:
        yield opened


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(model=models())
def test_a_model_survives_the_store_exactly(store: Store, model: Model) -> None:
    store.replace_model(model)
    loaded = store.load()
    assert loaded == model
    for kind in KINDS:
        assert list(loaded.collection(kind)) == list(model.collection(kind))
    assert store.load_lean() == LeanModel.of_model(model)
