"""What linking compares: compound parts, acronyms, and the places a title names."""

from __future__ import annotations

from pipeline.link import context as mc
from pipeline.link.features import proper_names, with_parts
from pipeline.link.measures import link


def test_compound_lemmas_bring_their_parts() -> None:
    words = with_parts("ökad polisnärvaro centrum").split()
    assert words[:3] == ["ökad", "polisnärvaro", "centrum"]
    assert {"polis", "närvaro"} <= set(words)


def test_acronyms_of_methods_are_names_but_bodies_are_not() -> None:
    assert proper_names("Samverkan sker inom SSPF och beslutas av KF och LPO.") == {"sspf"}


def _row(doc: str, sentence: str, measure: str) -> dict[str, object]:
    return {
        "id": f"{doc}:0",
        "doc_id": doc,
        "n": 0,
        "sentence": sentence,
        "measure": measure,
        "lemmas": measure.lower(),
        "responsible": None,
        "status": "done",
        "doc_date": "2023-01-01",
        "doc_type": "other",
    }


def test_a_title_place_keeps_apart_what_the_sentence_does_not_place() -> None:
    rows = [
        _row("a", "Vi har förbättrat belysningen i hela området.", "förbättrad belysning"),
        _row("b", "Belysningen i Norrparken har förbättrats.", "förbättrad belysning i norrparken"),
    ]
    spans = [("a:0", "a", 0, 40), ("b:0", "b", 0, 40)]
    docs = [
        ("a", "Medborgarlöfte för Stationsområdet", [{"name": "Stationsområdet", "kind": "place"}]),
        ("b", "Uppföljning", [{"name": "Norrparken", "kind": "place", "char_start": 13}]),
    ]
    ctx = mc.build_context(spans, docs)
    assert ctx.places_of("a:0", "a") == {"stationsomradet"}
    clusters, _, _ = link(rows, ctx)
    assert sorted(map(sorted, clusters)) == [[0], [1]]
    clusters, _, _ = link(rows, mc.Context())
    assert clusters == [[0, 1]]


def test_a_yearly_item_in_two_years_is_two_measures() -> None:
    a = _row("a", "Utdelningen från bolaget ska uppgå till 500 mnkr.", "utdelning från bolaget")
    b = _row("b", "Utdelningen från bolaget ska uppgå till 500 mnkr.", "utdelning från bolaget")
    b["doc_date"] = "2025-03-01"
    clusters, _, _ = link([a, b], mc.Context())
    assert sorted(map(sorted, clusters)) == [[0], [1]]
    b["doc_date"] = "2023-06-01"
    clusters, _, _ = link([a, b], mc.Context())
    assert clusters == [[0, 1]]


def test_what_a_neighbouring_town_did_is_not_this_towns_measure() -> None:
    # Invented sentences; Tyresö and Haninge are real municipalities in the gazetteer.
    rows = [
        _row("a", "Kommunen ska anlita ordningsvakter i centrum.", "anlita ordningsvakter"),
        _row("b", "Grannkommunen Haninge har anlitat ordningsvakter.", "anlita ordningsvakter"),
    ]
    spans = [("a:0", "a", 0, 50), ("b:0", "b", 0, 50)]
    haninge = {"name": "Haninge", "kind": "place", "char_start": 14}
    docs = [("a", "Motion", []), ("b", "Nyhet", [haninge])]
    listed = {"a": "Tyresö", "b": "Tyresö"}
    ctx = mc.build_context(spans, docs, listed)
    assert ctx.elsewhere == {"b:0": {"haninge"}}
    clusters, _, _ = link(rows, ctx)
    assert sorted(map(sorted, clusters)) == [[0], [1]]
    # Without a source list the document's own town is unknown, and nothing is ruled out.
    clusters, _, _ = link(rows, mc.build_context(spans, docs))
    assert clusters == [[0, 1]]
