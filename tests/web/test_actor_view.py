"""An actor's page data: a politician's own pledges, places, and a text stored twice listed once."""

from __future__ import annotations

from pathlib import Path

from pipeline.run.executors import SerialExecutor
from pipeline.run.runner import run
from pipeline.store.core import Store
from pipeline.web.docs_data import actor_view

from ..conftest import SEEDS

OJANNE = "actor:per-alexander-ojanne"


def test_a_politician_who_answers_gets_the_pledges_of_the_answer(db: Path) -> None:
    with Store(db) as store:
        a = actor_view(store, OJANNE)
    assert a is not None
    # No commitment names him as responsible, but his answer pledges the action plan.
    assert a["commitments"] == []
    sentences = [c["sentence"] for c in a["authored"]]
    assert any("handlingsplan tas fram" in s for s in sentences)
    assert {c["doc_id"] for c in a["authored"]} == {"svar_interpellation_ojanne_2023"}
    assert all("municipality" in c for c in a["authored"])


def test_a_text_stored_twice_is_one_document_and_one_commitment(tmp_path: Path) -> None:
    # A text and its scan: the same title, type and date, not the same bytes.
    folder = tmp_path / "in"
    folder.mkdir()
    text = (SEEDS / "interpellation_jonsson_skarholmen.txt").read_text(encoding="utf-8")
    (folder / "interpellation.txt").write_text(text, encoding="utf-8")
    (folder / "interpellation_skannad.txt").write_text(text + "\n\nSkannad.\n", encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        run([folder], store, SerialExecutor(), on_error=lambda _: None)
        a = actor_view(store, "actor:per-jan-jonsson")
    assert a is not None
    [doc] = a["documents"]["authored_by"]
    assert doc["copies"] == 2
    assert a["authored"] and all(c["copies"] == 2 for c in a["authored"])


def test_a_page_names_the_municipalities_of_an_organ_seen_in_several(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = "Motion om lekplatser\n\nKommunfullmäktige ska anlägga en ny lekplats under 2021.\n"
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("lekplats", "parkbänk"), encoding="utf-8")
    (folder / "sources.tsv").write_text(
        "doc_id\turl\tmunicipality\tbody\tdate\tgenre\tchars\n"
        "a\t\tNorrköping\tkf\t2020-05-01\tmotion\t80\n"
        "b\t\tÅmål\tkf\t2020-06-01\tmotion\t80\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "s.db") as store:
        run([folder], store, SerialExecutor(), on_error=lambda _: None)
        a = actor_view(store, "actor:org-kommunfullmaktige")
        amal = actor_view(store, "actor:org-kommunfullmaktige", "åmål")
        nowhere = actor_view(store, "actor:org-kommunfullmaktige", "Lund")
    assert a is not None and amal is not None and nowhere is not None
    assert a["municipalities"] == ["Norrköping", "Åmål"]
    assert [c["municipality"] for c in a["commitments"]] == ["Norrköping", "Åmål"]
    # One municipality's page lists only that body's entries, named as the list names it.
    assert amal["municipality"] == "Åmål"
    assert [c["municipality"] for c in amal["commitments"]] == ["Åmål"]
    assert {d["municipality"] for ds in amal["documents"].values() for d in ds} == {"Åmål"}
    # A municipality with no entry cuts nothing and claims no filter.
    assert nowhere["municipality"] is None and len(nowhere["commitments"]) == 2


def test_a_document_links_its_actors_as_they_are_in_its_municipality(base: str) -> None:
    from .helpers import fetch

    # The answer has no source list: its bodies (Skärholmen's) place it in Stockholm.
    _, _, body = fetch(base + "/documents/svar_interpellation_ojanne_2023")
    page = body.decode()
    assert "<dd>Stockholm</dd>" in page
    assert f'href="/actors/{OJANNE}?kommun=Stockholm"' in page
    _, _, body = fetch(base + f"/actors/{OJANNE}?kommun=Stockholm")
    assert "<h1>Alexander Ojanne, Stockholm</h1>" in body.decode()
