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


def test_a_whole_document_ending_on_a_signature_heading_or_date_is_no_excerpt() -> None:
    from pipeline.web.docs_data import cut_off

    assert cut_off("Nämnden beslutar att ny belys")
    for end in (
        "Stockholm den 22 november 2023\n\nAlexander Ojanne",
        "beslut.\n\nBilagor",
        "Lena Holm, direktör\t2024-01-16",
        "Nämnden beslutar att bifalla.",
    ):
        assert not cut_off("Text.\n\n" + end), end


def test_every_record_of_a_sentence_has_its_anchor_on_the_document_page() -> None:
    from pipeline.web.render import marked_text

    text = "Inledning. En utredning har gjorts av A, en enkät har gjorts av B. Slut."
    span = {"char_start": 11, "char_end": 66, "status": "done"}
    page = str(marked_text(text, [{**span, "n": 0}, {**span, "n": 1}, {**span, "n": 2}]))
    # One mark for the sentence, and an anchor for each record, so each link lands on it.
    assert page.count("<mark") == 1
    assert all(f'id="c-{n}"' in page for n in range(3))
    assert page.index('id="c-2"') < page.index("<mark")
