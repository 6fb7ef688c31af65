"""A responsible named only by its kind becomes the body of that kind the document names."""

from __future__ import annotations

from pipeline.extract.antecedents import antecedent, resolve
from pipeline.records import Commitment


def _c(responsible: str | None, at: int) -> Commitment:
    return Commitment("s", "m", responsible, None, "pledged", char_start=at)


def test_the_school_a_document_is_about_wins_over_the_one_it_moves_to() -> None:
    text = (
        "Utbildningsförvaltningen föreslår underhåll på Matteusskolan. Eleverna på "
        "Matteusskolan flyttar till Observatorielundens skola. Skolan behöver evakueras."
    )
    assert antecedent("Skolan", text, len(text) - 10) == "Matteusskolan"


def test_a_named_body_of_that_kind_replaces_the_bare_kind() -> None:
    text = "Tjänsteutlåtande till Älvsjö stadsdelsnämnd. Stadsdelsnämnden beslutar. Nämnden ska."
    found = [_c("nämnden", len(text) - 5), _c("Kommunen", 0), _c(None, 0)]
    resolve(found, text)
    assert [c.responsible for c in found] == ["Älvsjö stadsdelsnämnd", "Kommunen", None]


def test_a_sentence_opening_on_the_kind_is_no_name() -> None:
    # "Stadsdelsnämnden" opens a sentence: capitalised, but as generic as "nämnden".
    text = "Ärendet. Stadsdelsnämnden beslutar att nämnden ska göra en plan."
    assert antecedent("nämnden", text, len(text)) is None


def test_a_kind_the_table_does_not_list_is_left_alone() -> None:
    assert antecedent("Grupperna", "SSPF Bredäng och SSPF Skärholmen. Grupperna ska.", 30) is None
