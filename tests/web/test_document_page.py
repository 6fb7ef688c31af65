"""A document page in Swedish: its numbers named by kind, once each kind, no empty sections."""

from __future__ import annotations

from pathlib import Path

from ..conftest import ingest_texts
from .helpers import fetch, serving

# A clearly synthetic protokoll, written for this test.
PROTOKOLL = (
    "Protokoll\nKultur- och fritidsnämnden\nSammanträde 2021-03-04\n\n"
    "§ 12 Ny lekplats i Norrby\n\nNämnden beslutar att en ny lekplats ska anläggas i Norrby "
    "under 2021.\n\n§ 13 Parkbänkar i Söderby\n\nNämnden beslutar att tio nya parkbänkar ska "
    "ställas ut i Söderby under 2022.\n"
)


def test_a_protokoll_page_names_its_paragraphs_in_swedish_on_one_line(tmp_path: Path) -> None:
    db = ingest_texts(tmp_path, {"protokoll_kfn_2021": PROTOKOLL})
    with serving(db) as base:
        status, _, body = fetch(base + "/documents/protokoll_kfn_2021")
    page = body.decode()
    assert status == 200
    assert page.count("<dt>Paragraf</dt>") == 1 and "§ 12, § 13" in page
    assert "paragraph" not in page.lower()
    # A document without references gets no empty references section.
    assert "Inga hänvisningar" not in page


def test_a_text_that_stops_mid_sentence_says_it_is_an_excerpt(tmp_path: Path) -> None:
    cut = PROTOKOLL.rstrip() + "\n\n§ 14 Belysning i parken\n\nNämnden beslutar att ny belys"
    db = ingest_texts(tmp_path, {"protokoll_whole": PROTOKOLL, "protokoll_cut": cut})
    with serving(db) as base:
        whole = fetch(base + "/documents/protokoll_whole")[2].decode()
        part = fetch(base + "/documents/protokoll_cut")[2].decode()
    assert "Texten slutar mitt i en mening" in part
    assert "Texten slutar mitt i en mening" not in whole


def test_the_document_lists_its_commitments_as_the_measures_list_names_them() -> None:
    from pipeline.web.labels import statement_label

    # A phrase that reads as a name is the name, capitalised as in the list.
    assert statement_label("ny lekplats i Norrby", "X.") == "Ny lekplats i Norrby"
    # A phrase that does not ("det även") gives way to a quote of the sentence.
    got = statement_label("det även", "Det har även gjorts ett tillägg i riktlinjen.")
    assert got == "”Det har även gjorts ett tillägg i riktlinjen”"
