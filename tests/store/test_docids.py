"""Document ids made safe from whatever the file was called."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from pipeline.store.core import Store
from pipeline.store.docids import MAX_LENGTH, safe_doc_id

SAFE = re.compile(r"[\w.\-]+")


def test_swedish_names_stay_as_they_are() -> None:
    assert safe_doc_id("Protokoll_KS_2024-03-12") == "Protokoll_KS_2024-03-12"
    assert safe_doc_id("Svar på interpellation om fältarbete") == (
        "Svar_på_interpellation_om_fältarbete"
    )


def test_hostile_names_lose_what_breaks_links() -> None:
    assert safe_doc_id("rad\nbrytning") == "rad_brytning"
    assert safe_doc_id("a=b#c?d") == "a_b_c_d"
    assert safe_doc_id("--help") == "help"
    assert safe_doc_id("fil\u202etxt.exe") == "filtxt.exe"
    assert safe_doc_id("...") == "dokument"
    # Decomposed "ä" (as macOS writes names) becomes the one letter.
    assert safe_doc_id("na\u0308mnd") == "nämnd"


@given(st.text(max_size=300))
def test_every_id_is_safe_and_stable(stem: str) -> None:
    got = safe_doc_id(stem)
    assert SAFE.fullmatch(got)
    assert not got.startswith(("-", ".")) and len(got) <= MAX_LENGTH
    assert safe_doc_id(got) == got


def test_two_files_whose_names_differ_only_in_unsafe_characters_get_two_ids(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "s.db") as store:
        first = store.doc_id_for("/a/plan #1.txt", "plan #1", "a" * 64)
        store.save("/a/plan #1.txt", first, "a" * 64, {}, {}, error_code="E011", error="x")
        second = store.doc_id_for("/a/plan ?1.txt", "plan ?1", "b" * 64)
    assert first == "plan_1"
    assert second == "plan_1-bbbbbbbb"
