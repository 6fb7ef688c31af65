"""A measure's shown label: a name only when it reads as one, else a quote (link/naming.py)."""

from __future__ import annotations

import pytest

from pipeline.link.naming import QUOTE_CHARS, misnamed, quote, shown_label


@pytest.mark.parametrize(
    "name",
    [
        "handlingsplan för fältarbetet",
        "trygghetsvandringar i centrum",
        "hantering av verksamhetsavfall",
        "en ny lekplats vid skolan",
        "revidering av riktlinjerna",
    ],
)
def test_noun_phrases_headed_by_a_measure_word_are_names(name: str) -> None:
    assert misnamed(name) is None


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("det även", "opening"),  # a pronoun and an adverb: what the sentence did not say
        ("säkra en tillräcklig", "ending"),  # a verb and a cut-off adjective
        ("fördelas proportionerligt efter ägarandel", "opening"),  # a passive verb
        ("gång i kvartalet lämna statistikrapport", "clause"),  # a clause without its subject
        ("hög personalomsättning", "head"),  # a state of things, not an action
        ("relation till standarden", "head"),
        ("den nya rektorn", "opening"),  # a person starting, not a measure
    ],
)
def test_fragments_and_states_are_not(name: str, why: str) -> None:
    assert misnamed(name) == why


def test_a_long_sentence_is_quoted_short_at_a_word() -> None:
    sentence = "Nämnden ska " + " ".join(["utreda frågan om lekplatser"] * 10) + "."
    got = quote(sentence)
    assert got.startswith("”Nämnden ska utreda") and got.endswith(" …”")
    assert len(got) <= QUOTE_CHARS + 4
    assert quote("Parken ska rustas.") == "”Parken ska rustas”"


def test_a_cut_quote_ends_where_a_clause_or_item_ends() -> None:
    sentence = (
        "Förvaltningen föreslår att nämnden godkänner förslaget att bygga om biblioteket i "
        "Norrby centrum till en beräknad kostnad om 12,5 miljoner kronor för lokaler och "
        "inventarier och med en årlig hyresökning om ungefär 800 000 kronor under tio år "
        "från och med tillträdet."
    )
    got = quote(sentence)
    # Before "och med en", not after it: the quote ends on what it says, not mid-phrase.
    assert got.endswith(("inventarier …”", "lokaler …”")), got
    listed = (
        "Stadsdelen har rekryterat nya chefer och medarbetare som ansvarar för "
        "myndighetsutövningen, däribland en ny avdelningschef, en ny enhetschef för barn och "
        "unga, två nya gruppledare och en samordnare för det förebyggande arbetet i skolorna."
    )
    got = quote(listed)
    assert got.endswith(("unga …”", "gruppledare …”")) and " och …" not in got, got
    assert got[:-2].rstrip(" …").split()[-1] not in {"en", "för", "och", "i"}


def row(measure: str | None, sentence: str, lemmas: str = "") -> dict[str, str | None]:
    return {"measure": measure, "sentence": sentence, "lemmas": lemmas or measure}


def test_a_sentence_whose_measure_fits_is_cut_only_at_its_end() -> None:
    sentence = (
        "Skolan behöver under byggnationstiden evakueras och kommer därför att tillfälligt "
        "flytta sin verksamhet till Roslagstullspaviljongen och Observatorielundens skola, "
        "vilket beskrivs närmare i bilaga 2 till detta tjänsteutlåtande om evakueringen "
        "och dess kostnader under åren 2027 till 2029."
    )
    got = quote(sentence, "verksamhet till Roslagstullspaviljongen")
    assert got.startswith("”Skolan behöver under byggnationstiden evakueras och kommer därför")
    assert " … " not in got and got.endswith(" …”")


def test_the_first_readable_name_wins_and_a_quote_stands_in_when_none_reads() -> None:
    generic = frozenset({"åtgärd"})
    rows = [row("det även", "Det har även gjorts ett tillägg."), row("ny lekplats", "X.")]
    assert shown_label(rows, generic) == "ny lekplats"
    assert shown_label(rows[:1], generic) == "”Det har även gjorts ett tillägg”"
    # A generic name is kept when no statement names more, rather than quoting.
    assert shown_label([row("åtgärder", "Åtgärder ska vidtas.", "åtgärd")], generic) == "åtgärder"


def test_a_long_sentence_is_quoted_by_who_acts_and_then_its_measure() -> None:
    sentence = (
        "Kommunfullmäktige beslutade den 18 april 2022 i samband med årsredovisningen för "
        "2021 (dnr 2021-1599), efter beredning i kommunstyrelsen och dess arbetsutskott den "
        "3 och 17 mars 2022, att ge kommunstyrelsen och den tekniska nämnden i uppdrag att "
        "genomlysa nämndens ekonomi och återkomma med förslag på justeringar till fullmäktige."
    )
    got = quote(sentence, "nämndens ekonomi")
    # Who acted stays, without the date's dangling "den 18"; then the measure's words.
    assert got.startswith("”Kommunfullmäktige beslutade … ") and "genomlysa nämndens ekonomi" in got
    assert "18 april" not in got and len(got) <= QUOTE_CHARS + 4
    # Near the start, the measure is quoted from the sentence's first word.
    assert quote(sentence, "Kommunfullmäktige").startswith("”Kommunfullmäktige beslutade")


def test_statements_of_one_sentence_are_labelled_by_their_own_noun_phrases() -> None:
    from pipeline.link.naming import shared_sentences

    sentence = "En trafikräkning har gjorts av A, och en polisanmälan har upprättats."
    rows = [
        {
            "doc_id": "d",
            "sentence": sentence,
            "measure": "trafikräkning",
            "lemmas": "trafikräkning",
        },
        {"doc_id": "d", "sentence": sentence, "measure": "polisanmälan", "lemmas": "polisanmälan"},
    ]
    shared = shared_sentences(rows)
    assert shared == {("d", sentence)}
    # Alone, a name whose head is no listed measure word gives way to a quote ...
    assert shown_label(rows[1:], frozenset()).startswith("”")
    # ... but two records of one sentence would then share one quote: their names stand.
    assert [shown_label([r], frozenset(), shared) for r in rows] == [
        "trafikräkning",
        "polisanmälan",
    ]
