"""One node per actor across documents: party suffixes, case, predecessor parties."""

from __future__ import annotations

import pytest

from pipeline import api
from pipeline.graph.build import build_graph
from pipeline.link.actors import ActorResolver, canonical_party, match_key, resolve_key, split_party
from pipeline.store.core import Store
from tests.conftest import SEEDS


def _view(
    name: str, kind: str = "person", party: str | None = None, role: str | None = None
) -> dict[str, object]:
    return {
        "kind": "actor",
        "name": name,
        "actor_kind": kind,
        "party": party,
        "roles": [role] if role else [],
        "aliases": [name],
    }


def _resolve(views: list[dict[str, object]]) -> list[str]:
    r = ActorResolver()
    for v in views:
        r.add(v)
    out = r.resolve()
    return [out[resolve_key(v)].node_id for v in views]


def test_person_with_and_without_party_is_one_node() -> None:
    assert split_party("Alexander Ojanne (S)") == ("Alexander Ojanne", "S")
    ids = _resolve(
        [_view("Alexander Ojanne", party="S", role="socialborgarråd"), _view("Alexander Ojanne")]
    )
    assert ids[0] == ids[1] == "actor:per-alexander-ojanne"


def test_bodies_match_case_and_definite_form() -> None:
    assert match_key("Utbildningsförvaltningen", "organisation") == match_key(
        "utbildningsförvaltning", "organisation"
    )
    ids = _resolve(
        [
            _view("Utbildningsförvaltningen", "organisation"),
            _view("utbildningsförvaltningen", "organisation"),
        ]
    )
    assert ids[0] == ids[1]


def test_folkpartiet_is_the_predecessor_of_liberalerna() -> None:
    assert canonical_party("fp") == "L"
    r = ActorResolver()
    views = [
        _view("Folkpartiet", "organisation", "FP"),
        _view("Liberalerna", "organisation", "L"),
        _view("Jan Jönsson", party="FP", role="ordförande"),
        _view("Jan Jönsson", party="L", role="interpellant"),
    ]
    for v in views:
        r.add(v)
    res = r.resolve()
    party = res[resolve_key(views[0])]
    assert party is res[resolve_key(views[1])]
    attrs = party.attrs()
    assert attrs["name"] == "Liberalerna" and attrs["party"] == "L"
    assert {"Folkpartiet", "FP"} <= set(attrs["aliases"])
    person = res[resolve_key(views[2])].attrs()
    assert person["party"] == "L" and person["former_parties"] == ["FP"]
    assert person["roles"] == ["interpellant", "ordförande"]


def test_namesakes_in_rival_parties_stay_apart() -> None:
    ids = _resolve(
        [
            _view("Anna Berg", party="M"),
            _view("Anna Berg", party="M"),
            _view("Anna Berg", party="V"),
        ]
    )
    assert ids[0] == ids[1] != ids[2]


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("actors") / "lofte.db"
    api.ingest([SEEDS], db, jobs=1)
    with Store(db, readonly=True) as store:
        return build_graph(store)


def test_graph_actor_nodes_keep_aliases_roles_and_party(seed_graph) -> None:  # type: ignore[no-untyped-def]
    ojanne = seed_graph.nodes["actor:per-alexander-ojanne"]
    assert ojanne["party"] == "S" and "socialborgarråd" in ojanne["roles"]
    assert "Alexander Ojanne (S)" in ojanne["aliases"]
    actors = [n for n, d in seed_graph.nodes(data=True) if d["kind"] == "actor"]
    folded = [n.lower() for n in actors]
    assert len(folded) == len(set(folded))
    for _, d in seed_graph.nodes(data=True):
        if d["kind"] == "actor":
            assert {"name", "actor_kind", "party", "roles", "aliases"} <= set(d)
