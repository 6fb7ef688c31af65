"""Sentence units of council text: abbreviations, headings, bullets with their lead-in."""

from __future__ import annotations

from pipeline.extract.sentences import bullet_sentence, split_sentences, split_units


def _texts(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = (
        "Utbildningsnämnden har mottagit skrivelse från Jan Jönsson m.fl. (L) angående "
        "samverkan. Svar lämnas bl.a. av J. Jönsson, t.ex. enl. dnr. 123 ca. kl. 13. "
        "Nästa mening."
    )
    assert _texts(text) == [
        "Utbildningsnämnden har mottagit skrivelse från Jan Jönsson m.fl. (L) angående samverkan.",
        "Svar lämnas bl.a. av J. Jönsson, t.ex. enl. dnr. 123 ca. kl. 13.",
        "Nästa mening.",
    ]


def test_paragraph_sign_number_stays_in_its_sentence() -> None:
    # gotland_ks_2007_06_14_p209_kvarnakershamnsvagen: "KS § 209"
    assert _texts("Ärendet behandlas i § 12. Nämnden ska besluta.") == [
        "Ärendet behandlas i § 12. Nämnden ska besluta."
    ]


def test_missing_space_after_period_still_splits() -> None:
    # vingaker_motion_2023_cykel_gangvagar: "... dit och hem.Yrkande Att kommun..."
    assert _texts("barn kan cykla säkert dit och hem.Yrkande Att kommunen bygger.") == [
        "barn kan cykla säkert dit och hem.",
        "Yrkande Att kommunen bygger.",
    ]


def test_ocr_line_breaks_inside_a_paragraph_are_joined() -> None:
    # svar_interpellation_ojanne_2023 (seed 003), printed with hard line breaks
    text = "Under nästa år ska ett stödmaterial för\nsamverkan mellan socialtjänsten och förskolan tas fram."
    units = split_units(text)
    assert [u.text for u in units] == [
        "Under nästa år ska ett stödmaterial för samverkan mellan socialtjänsten och förskolan "
        "tas fram."
    ]
    assert (units[0].start, units[0].end) == (0, len(text))


def test_headings_are_their_own_units() -> None:
    # tyreso_klu_2023_11_22_aterrapport
    text = (
        "Beskrivning av ärendet\nKommunstyrelseförvaltningen rapporterar uppföljningen av arbetet."
    )
    kinds = [(u.kind, u.text) for u in split_units(text)]
    assert kinds[0] == ("heading", "Beskrivning av ärendet")
    assert kinds[1][0] == "sentence"


def test_bullets_take_their_lead_in() -> None:
    # yttrande_alvsjo_2016_motion (seed 004)
    text = (
        "Motionärerna föreslår att kommunfullmäktige uppdrar åt stadsdelsnämnderna att\n\n"
        "- regelbundet revidera den lokala samverkansöverenskommelsen\n"
        "- införa den modell för uppföljning som tagits fram av socialnämnden.\n"
    )
    units = split_units(text)
    assert units[0].kind == "leadin"
    bullets = [u for u in units if u.kind == "bullet"]
    assert bullet_sentence(bullets[0]) == (
        "Motionärerna föreslår att kommunfullmäktige uppdrar åt stadsdelsnämnderna att "
        "regelbundet revidera den lokala samverkansöverenskommelsen"
    )
    assert text[bullets[0].start : bullets[0].end] == (
        "regelbundet revidera den lokala samverkansöverenskommelsen"
    )


def test_bold_markup_is_not_a_bullet() -> None:
    # tu_utbildningsnamnden_2024_samhandling (seed 001): "**Handläggare**"
    units = split_units("**Handläggare**\nAnnalena Thorén\n")
    assert units[0].kind == "heading"


def test_sentence_broken_by_a_blank_line_is_rejoined() -> None:
    # sthlm_skarholmen_sdn_2020_01_30_mote: page layout splits a sentence
    text = "Under 2019 har två utlysningar genomförts för\n\nstärka lokalsamhället. Nästa mening."
    assert [u.text for u in split_units(text)] == [
        "Under 2019 har två utlysningar genomförts för stärka lokalsamhället.",
        "Nästa mening.",
    ]


def test_bullet_with_two_sentences_gives_two_units() -> None:
    # sthlm_ks_2022_04_27_mote
    text = (
        " • Kommunstyrelsen beslutar om förordnande av förvaltningschef. Förordnandet har "
        "förhandlats enligt 11 § MBL den 24 mars 2022.\n"
    )
    assert [u.kind for u in split_units(text)] == ["bullet", "sentence"]


def test_att_items_wrap_over_lines_and_take_a_heading_lead_in() -> None:
    # danderyd_motion_2006_05_15_oppet_hus and slp_motion_2022_skolbarns_sakerhet
    text = (
        "Med hänvisning till ovanstående föreslår vi kommunfullmäktige besluta\n\n"
        'att ordna "öppet hus" på Djursholms slott för intresserade\nDanderydsbor.\n\n'
        "Danderyd 2006 05 15\n"
    )
    bullets = [u for u in split_units(text) if u.kind == "bullet"]
    assert [bullet_sentence(u) for u in bullets] == [
        "Med hänvisning till ovanstående föreslår vi kommunfullmäktige besluta att ordna "
        '"öppet hus" på Djursholms slott för intresserade Danderydsbor.'
    ]
    units = split_units("Hemställer härmed\n\natt dessa platser samlas in.\n")
    assert bullet_sentence(units[-1]) == "Hemställer härmed att dessa platser samlas in."


def test_inline_bullets_after_a_lead_in() -> None:
    # sthlm_ks_pm_2016_122_demokratiutredning: a list printed on one line
    text = "I utredningen föreslås följande. - Kommunfullmäktige bör arrangera debatter. - Försök med direktval."
    units = split_units(text)
    assert [u.kind for u in units] == ["leadin", "bullet", "bullet"]
    assert bullet_sentence(units[1]) == (
        "I utredningen föreslås följande. Kommunfullmäktige bör arrangera debatter."
    )


def test_symbol_bullets_of_web_pages_are_list_items_under_a_promising_heading() -> None:
    text = "Det här lovar polisen\n🔹 Minst 25 spaningsinsatser\n✅ Trygghetsvandringar i centrum\n"
    units = split_units(text)
    assert [u.kind for u in units] == ["leadin", "bullet", "bullet"]
    assert bullet_sentence(units[2]) == "Det här lovar polisen Trygghetsvandringar i centrum"
    # A heading that promises nothing stays a heading over its list.
    plain = split_units("Nuvarande lägesbild\n• Nedskräpning\n• Skadegörelse\n")
    assert [u.kind for u in plain] == ["heading", "bullet", "bullet"]
    assert plain[1].leadin == ""


def test_a_flattened_agenda_ends_each_item_on_its_diarienummer() -> None:
    text = (
        "Idrottsnämnden; Inriktningsbeslut om en konstgräsplan Dnr 328-532/2007 Revidering av "
        "inriktningsbeslut om ny samverkanscentral Dnr 314-1409/2008 Kommunstyrelsen; "
        "Miljökvalitetsnormen ska uppnås. Enligt dnr 12/2019 ska det ske."
    )
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got == [
        "Idrottsnämnden; Inriktningsbeslut om en konstgräsplan Dnr 328-532/2007",
        "Revidering av inriktningsbeslut om ny samverkanscentral Dnr 314-1409/2008",
        "Kommunstyrelsen; Miljökvalitetsnormen ska uppnås.",
        # A diarienummer inside a sentence, before a lower-case word, ends nothing.
        "Enligt dnr 12/2019 ska det ske.",
    ]
