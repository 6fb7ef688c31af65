"""Tests for the structure stage on real header and signature variants (seeds read ../shared).

The snippets below are copied from ../shared/corpus_real (doc_id in a comment) and the
seed texts. The seed checks read ../shared/gold/seeds and skip when it is absent; the
normalised-path seed check runs the real ingest → normalise → structure stages.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from pipeline.records import Document, Identifier, Options
from pipeline.run import stages
from pipeline.structure import doctype
from pipeline.structure.core import analyse
from pipeline.structure.dates import parse_date
from pipeline.structure.doctype_rules import rule_doctype
from pipeline.structure.lines import split_lines
from pipeline.structure.sections import find_title

SHARED = Path(os.environ.get("LOFTE_SHARED", Path(__file__).resolve().parents[3] / "shared"))
SEEDS = SHARED / "gold" / "seeds"

# (doc_id, snippet, expected doc_type from rules, expected own date)
HEADS: list[tuple[str, str, str, str | None]] = [
    (
        "gallivare_ks_2015_02_16_protokoll",
        "1 SAMMANTRÄDESPROTOKOLL Sid 101 (157) Plats och tid Förvaltningsbyggnaden, "
        "sammanträdesrum 1 Måndagen den 16 februari 2015, kl Ajournering kl Beslutande "
        "Jeanette Wäppling (v), ordförande Lars Alriksson (m)",
        "protokoll",
        "2015-02-16",
    ),
    (
        "solna_kfn_2021_06_17_protokoll",
        "(1)\n\nSOLNA STAD\n\nProtokoll\n\n2021-06-17 SID 1 (11)\n\nKultur- och fritidsnämnden\n\n"
        "Plats och tid 2021-06-17 Solna stadshus, rum 126 Edsviken, kl. 18:05-19:30\n\nLedamöter",
        "protokoll",
        "2021-06-17",
    ),
    (
        "unknown_ks_2019_04_08_p52_motion_forskola",
        "(1)\n\nSammanträdes- protokoll\n\nKommunstyrelsen\n\nSammanträdesdatum 2019-04-08\n\n"
        "Sidan 1 av 2\n\n§ 52/2019 Dnr 2018/0219 KS-5\n\nDiariekod: 609\n\nSvar på motion väckt "
        "av Mette Hildingsson (S) och Roger Sjöberg (S) om utvecklingsgrupp för förskolan",
        "protokoll",
        "2019-04-08",
    ),
    (
        "atvidaberg_kf_2012_08_29_protokoll",
        "Sammanträdesprotokoll Sida 1(18) Plats och tid Sessionssalen, Gamla kommunhuset, "
        "Åtvidaberg, onsdag den 29 augusti kl. 14.00-16.50 Beslutande Kommunfullmäktiges "
        "samtliga ledamöter Utses att justera Elisabeth Edlund (S) Justeringens plats och tid "
        "Kommunledningsförvaltningen, 2012-09-07 Underskrifter Kommunfullmäktige "
        "Sammanträdesdatum 2012-08-29 Datum då anslaget sätts upp",
        "protokoll",
        "2012-08-29",
    ),
    (
        "tyreso_bun_2023_10_25",
        "Din position: Hem > Tyresö kommun > Barn- och utbildningsnämnden > Sammanträde "
        "2023-10-25\n\nSammanträde 2023-10-25\n\nDatum\nKlockan\n18:00\nPlats\nBollmora\n\n"
        "1 Informationsärende\n\nDnr: 2023/BUN 0214",
        "protokoll",
        "2023-10-25",
    ),
    (
        "gotland_ks_2008_05_29_p112_forskoletid",
        "§ 112 Motion. Utökad förskoletid för barn till arbetslösa och föräldralediga\n"
        "Utskrivet från: http://gotland.se/38214\nSAMMANTRÄDESPROTOKOLL\nRegionstyrelsen\n"
        "2008-05-29\nKS § 112\nMotion. Utökad förskoletid\nAU § 107\nKS2007/0535-60\n"
        "- Motion 2007-12-03\n- Barn- och utbildningsnämnden 2008-02-13, § 3",
        "protokoll",
        "2008-05-29",
    ),
    (
        "goteborg_ks_2020_01_15_beslut",
        "Till sidans huvudinnehåll\nBeslut i kommunstyrelsen 15 januari 2020\nHär publicerar vi "
        "en sammanfattning av några av besluten på kommunstyrelsens möte.\nGöteborgs Stads "
        "riktlinje för säkerhetsskydd, Dnr 0606/18",
        "protokoll",
        "2020-01-15",
    ),
    (
        "nynashamn_snau_2020_08_18_protokoll",
        "(1)\n\nAnslag\n\nDet justerade protokollet offentliggörs genom detta anslag.\n\n"
        "Beslutsinstans: Arbetsutskottet 2019-2022 Sammanträdesdatum: 2020-08-18\n\n"
        "Anslaget sätts upp: 2020-08-18 Anslaget tas ned: 2020-09-09\n\nPlats och tid\n\n"
        "Örngrund, 2020-08-18 kl. 09.00-10:05\n\nBeslutande",
        "protokoll",
        "2020-08-18",
    ),
    (
        "sthlm_skarholmen_sdn_2020_01_30_mote",
        "Hoppa över navigering\n • § 20\n Genomgång av närvarande ledamöter och godkännande av "
        "dagordningen\n • Under 2019 har två utlysningar av föreningsbidrag genomförts",
        "protokoll",
        None,
    ),
    (
        "upplandsbro_sn_2018_08_28_tjansteskrivelse_ekbistand",
        "TJÄNSTESKRIVELSE 1 (2)\n\nDatum Vår beteckning Er beteckning\n\nLena Bergström\n\n"
        "Socialkontoret\n\n2018-08-28 SN 18/0098 Socialnämnden\n\n"
        "Revidering av riktlinjer för ekonomiskt bistånd",
        "tjansteutlatande",
        "2018-08-28",
    ),
    (
        "lysekil_sbf_2015_09_15_tjansteskrivelse_lekplats_brastad",
        "central lekplats/mötesplats Brastad\nTjänsteskrivelse\nDatum\nDnr\n2015-09-15\n"
        "LKS 2015-323\nSamhällsbyggnadsförvaltningen\nYttrande - Medborgarförslag – central "
        "lekplats/mötesplats\nBrastad\nSammanfattning\nEtt medborgarförslag inkom\ntill "
        "kommunen 2015-06-11.",
        "yttrande",
        "2015-09-15",
    ),
    (
        "sthlm_miljof_2012_tjansteutlatande_cykelplan",
        "1 MILJÖFÖRVALTNINGEN PLAN OCH MILJÖ TJÄNSTEUTLÅTANDE SID 1 (12) Handläggare: Anette "
        "Jansson Telefon: Till Miljö- och hälsoskyddsnämnden p. 12 Förslag till cykelplan för "
        "Stockholms stad, Cykelplan 2012 Remiss från Trafik- och renhållningsnämnden",
        "yttrande",
        None,
    ),
    (
        "sthlm_ks_pm_2016_122_demokratiutredning",
        "1 PM 2016:122 RIX (Dnr /2016) Låt fler forma framtiden! (SOU 2016:5) Remiss från "
        "Kulturdepartementet Borgarrådsberedningen föreslår att kommunstyrelsen beslutar följande.",
        "yttrande",
        None,
    ),
    (
        "sthlm_ks_utlatande_2017_19_obelisken",
        "1 Utlåtande 2017:19 RI (Dnr /2016) Renovering av obelisken på Slottsbacken Motion "
        "(2016:5) av Joakim Larsson (M) Kommunstyrelsen föreslår att kommunfullmäktige beslutar "
        "följande.",
        "tjansteutlatande",
        None,
    ),
    (
        "solna_ks_2017_06_07_delarsrapport",
        "SOLNA STAD Stadsledningsförvaltningen 2017-06-07 SID 1 (4) KS/2016:17 "
        "TJÄNSTESKRIVELSE Solna stads delårsrapport per april 2017 Sammanfattning",
        "uppfoljning",
        "2017-06-07",
    ),
    (
        "tyreso_arsredovisning_2010",
        "1 2010 Å R S R E D O V I S N I N G\n2 Viktiga händelser under 2010 Valdeltagandet",
        "uppfoljning",
        None,
    ),
    (
        "vanersborg_interpellationssvar_2020_11_16_arbetsformedlingen",
        "2020-11-16\nSvar på interpellation till kommunstyrelsens ordförande från Lutz "
        "Rininsland:\nVad är kvar av ”Arbetsförmedlingen” i Vänersborg (Dnr: 2020/405)\n\n"
        "Vid vårt arbetsmarknadsforum 2020-11-05 hade vi med arbetsförmedlingen via länk",
        "interpellationssvar",
        "2020-11-16",
    ),
    (
        "vanersborg_interpellation_2021_medicinsk_kompetens",
        "Interpellation till socialnämndens ordförande\nDen medicinska kompetensen inom "
        "äldreomsorgen\nCoronakommissions första rapport om äldreomsorgen",
        "interpellation",
        None,
    ),
    (
        "sollentuna_interpellation_2019_trafiksakerhet",
        "Interpellation gällande trafiksäkerheten för gångtrafikanter och cyklister\n"
        "Interpellation från Sollentunapartiet till ordföranden i Natur- och tekniknämnden",
        "interpellation",
        None,
    ),
    (
        "danderyd_motion_2006_05_15_oppet_hus",
        'Till kommunfullmäktige i Danderyd.\nMotion om att ordna "öppet hus" på Djurs-\n'
        "holms slott för intresserade Danderydsbor.\n1996 väckte Danderydscentern en motion",
        "motion",
        None,
    ),
    (
        "staffanstorp_motion_belysning_annerovagen",
        "Staffanstorpspartiet\nMotion till Kommunfullmäktige\nFörbättra belysningen på gång- "
        "och cykelvägen i Annerovägens förlängning.",
        "motion",
        None,
    ),
    (
        "vingaker_motion_2023_cykel_gangvagar",
        "Kommunfullmäktige ? (Sida ?)\nKf §? KS ?/?\nStälld:2023-10-30 (Kf §123 )\nMotion om "
        "fler cykel- och gångvägar i\nVingåkers kommun\nKommunfullmäktiges beslut\n1.\nMotionen:"
        "\nMotionären är Irene Sandqvist",
        "motion",
        "2023-10-30",
    ),
    (
        "sansobalans_ledamotsinitiativ_behandling",
        "Ledamotsinitiativ om behandlingen av ledamotsinitiativ\nVi som företräder Sans o "
        "Balans lade flera ledamotsinitiativ redan under 2019.",
        "skrivelse",
        None,
    ),
    (
        "botkyrka_kf_2019_05_23_kungorelse",
        "(1)\nKUNGÖRELSE 1 [2]\nKommunfullmäktige\n2019-05-23\nTid\n2019-05-23, kl.17:30\n"
        "Plats\nHallunda Folkets Hus, Bragesalen\nÄrenden\n73 Svar på interpellation - Vad "
        "händer på Samariten? (M)",
        "protokoll",  # a meeting notice with its agenda: the gold annotators' protokoll
        "2019-05-23",
    ),
    (
        "sollentuna_fraga_2021_snorojning",
        "Fråga gällande Kommunens snö- och halkbekämpning\nFråga från Sollentunapartiet till "
        "ordföranden i Natur- och tekniknämnden gällande\nKommunens snö- och halkbekämpning",
        "other",
        None,
    ),
    (
        "malmo_gsn_2023_10_25_yttrande_motion_rattvisa_betyg",
        "Grundskolenämnden har fått möjlighet av kommunfullmäktige att yttra sig över John "
        "Roslunds (M) motion om rättvisa betyg. I motionen föreslås kommunfullmäktige besluta att:",
        "yttrande",
        None,
    ),
    (
        "sthlm_stadsrevisionen_2013_arsrapport_servicenamnden",
        "STADSREVISIONEN www.stockholm.se/revision Nr 4 Mars 2013 Dnr 313-24/2013 Årsrapport "
        "2012 SERVICENÄMNDEN\nDen kommunala revisionen är fullmäktiges kontrollinstrument.",
        "uppfoljning",
        None,
    ),
    (
        "botkyrka_motion_2014_05_22_tumba_aldreboende",
        "2014-05-22 Ersätt Tumba Äldreboende med nya äldreboenden\nVi vill se över "
        "möjligheterna att ersätta nuvarande Tumba Äldreboende med nya äldreboenden.",
        "",
        "2014-05-22",
    ),
    (
        "malmo_gsn_2022_10_26_varner_rydenskolan",
        "Den 28 mars 2022 gav grundskolenämnden grundskoleförvaltningen i uppdrag att komma "
        "med en fördjupad utredning och analys av Värner Rydénskolan.",
        "",
        None,
    ),
]


@pytest.mark.parametrize(("doc_id", "snippet", "expected_type", "expected_date"), HEADS)
def test_real_heads_give_type_and_own_date(
    doc_id: str, snippet: str, expected_type: str, expected_date: str | None
) -> None:
    """Each real header variant is typed by a rule (or by none) and dated from its head."""
    assert (rule_doctype(snippet) or "") == expected_type, doc_id
    assert analyse(snippet).date == expected_date, doc_id


def _ids(text: str) -> set[tuple[str, str]]:
    return {(i.scheme, i.identifier) for i in analyse(text).identifiers}


def test_identifiers_in_printed_forms() -> None:
    """Diarienummer in the many printed forms, plus motion and § numbers."""
    # skrivelse_2008_arbetsgrupp (seed 002)
    assert ("dnr", "0086, 2008") in _ids("2008-02-14\n\n409 dnr. 0086, 2008\n\nTill nämnden\n")
    # goteborg_ks_2024_06_12_beslut_doftpolicy
    assert ("dnr", "SLK-2023-01047") in _ids("4. Doftpolicy\nÄrendenummer SLK-2023-01047\n")
    # tyreso_bun_2023_10_25
    assert ("dnr", "2023/BUN 0214") in _ids("1 Informationsärende\n\nDnr: 2023/BUN 0214\n")
    # gotland_kf_2007_04_23_p136_belysning_tallunden
    assert ("dnr", "KS2006/0528-33") in _ids("KF § 136\nMedborgarförslag.\nKS2006/0528-33\n")
    # sthlm_aldren_2011_02_15
    assert ("dnr", "201-324/2010") in _ids("6 Äldrenämndens årsredovisning\nDNR 201-324/2010\n")
    # upplandsbro_sn_2018_08_28_tjansteskrivelse_ekbistand
    assert ("dnr", "SN 18/0098") in _ids("2018-08-28 SN 18/0098 Socialnämnden\n")
    # yttrande_alvsjo_2016_motion (seed 004)
    found = _ids("Yttrande över remiss om motion (2016:28) om samverkan, KS 106-360/2016\n")
    assert {("dnr", "KS 106-360/2016"), ("motion", "2016:28")} <= found
    # sthlm_kf_2009_06_15_interpellationer style numbering
    assert ("interpellation", "2009:12") in _ids("Interpellation 2009:12 om skolan\n")
    # lysekil: a date under a "Dnr" label is not a diarienummer
    assert ("dnr", "2015-09-15") not in _ids("Datum\nDnr\n2015-09-15\nLKS 2015-323\n")


def test_protocol_paragraphs_are_identifiers() -> None:
    """A protocol's own § numbers become paragraph identifiers; cited §§ in running text don't."""
    # gotland_ks_2008_05_29_p112_forskoletid
    text = "§ 112 Motion. Utökad förskoletid\nSAMMANTRÄDESPROTOKOLL\nRegionstyrelsen\n2008-05-29\n"
    text += "- Barn- och utbildningsnämnden 2008-02-13, § 3\n"
    s = analyse(text)
    assert s.doc_type == "protokoll"
    assert Identifier("paragraph", "§ 112") in s.identifiers
    assert Identifier("paragraph", "§ 3") not in s.identifiers


def _people(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {a.name: (a.party, a.role) for a in analyse(text).authors}


def test_signatories_with_party_and_role() -> None:
    """Name + role lines, party tags in any case, handläggare and interpellation authors."""
    # skrivelse_2008_arbetsgrupp (seed 002)
    skr = "Till socialtjänstnämnden\n\nSkrivelse angående arbetsgrupp\n\nBakgrund\n\nText.\n\n"
    skr += "Ulf Kristersson (m)\nSocialborgarråd\n\nDikran Dison (kd)\n\n\nLena Kling (fp)\n"
    people = _people(skr)
    assert people["Ulf Kristersson"] == ("M", "socialborgarråd")
    assert people["Dikran Dison"] == ("KD", None)
    assert people["Lena Kling"] == ("FP", None)
    # lysekil_sbf_2015_09_15_tjansteskrivelse_lekplats_brastad
    tu = "Tjänsteskrivelse\nYttrande - Medborgarförslag\nText om förslaget.\n"
    tu += "Marie-Louise Bergqvist\nFörvaltningschef\nSara Chronvall\nLandskapsarkitekt\n"
    people = _people(tu)
    assert people["Marie-Louise Bergqvist"] == (None, "förvaltningschef")
    assert people["Sara Chronvall"] == (None, "landskapsarkitekt")
    # yttrande_alvsjo_2016_motion (seed 004): handläggare and motionärer
    ytt = "Handläggare\nMadeleine Hagerth\nTelefon: 08-508 21 051\n\nTill\nÄlvsjö stadsdelsnämnd\n"
    ytt += "\nYttrande över remiss om motion\n\nKommunstyrelsen har remitterat motion (2016:28), "
    ytt += "inlämnad av Lotta Edholm (L) och Isabel Smedberg Palmqvist (L) om samverkan.\n"
    people = _people(ytt)
    assert people["Madeleine Hagerth"] == (None, "handläggare")
    assert people["Isabel Smedberg Palmqvist"] == ("L", "motionär")
    # sthlm_ks_utlatande_2007_motion_2006_36_radslag: one party for a list of names
    utl = "1 Utlåtande 2007: RI Rådslag Motion av Lennart Johansson och Rebwar Hassan (båda mp) "
    utl += "(2006:36) Handlingar"
    assert _people(utl)["Lennart Johansson"] == ("MP", "motionär")


def test_signing_line_gives_date_and_author() -> None:
    """A "Stockholm den …" line dates the text and the name under it signs it."""
    # svar_interpellation_ojanne_2023 (seed 003)
    text = "Interpellanten lyfter vikten av samverkan. Om detta är vi eniga.\n\n"
    text += "Stockholm den 22 november 2023\n\nAlexander Ojanne\n"
    s = analyse(text)
    assert s.date == "2023-11-22"
    assert s.doc_type == "interpellationssvar"
    assert [a.name for a in s.authors] == ["Alexander Ojanne"]


def test_recipients() -> None:
    """Till-blocks and an interpellation's addressee."""
    # tu_utbildningsnamnden_2024_samhandling (seed 001)
    s = analyse(
        "**Handläggare**  \nAnnalena Thorén\n\n**Till**  \nUtbildningsnämnden  \n2024-01-25\n"
    )
    assert [(r.name, r.kind) for r in s.recipients] == [("Utbildningsnämnden", "organisation")]
    assert s.date == "2024-01-25"
    # umea_interpellation_lov_hemtjanst
    s = analyse(
        "Hur ska succén med LOV vidareutvecklas?\nInterpellation\n"
        "Till Socialnämndens ordförande Eva Andersson (S)\nI slutet av maj"
    )
    assert [(r.name, r.kind, r.party) for r in s.recipients] == [("Eva Andersson", "person", "S")]


def test_date_forms_and_mentioned_dates() -> None:
    """Swedish month names parse; deadlines and attest dates do not become the own date."""
    assert parse_date("den 3 mars 2009") == "2009-03-03"
    assert parse_date("15 maj 2017") == "2017-05-15"
    assert parse_date("30 februari 2017") is None
    # yttrande_alvsjo_2016_motion (seed 004): the deadline is not the own date
    s = analyse(
        "Till\nÄlvsjö stadsdelsnämnd\n2016-09-01\n\nRemissvar ska lämnas senast 2016-09-08.\n"
    )
    assert s.date == "2016-09-01"
    # a text with no date of its own (seed 000 style)
    assert analyse("Interpellation från A B (L) till C D (S) angående skolan\n\nText.").date is None


def test_sections_and_references() -> None:
    """Known headings become typed sections; a Bilaga line naming a document is a reference."""
    text = "## **Titel på ärendet**\n\n### **Förvaltningens förslag till beslut**\n\nGodkänns.\n\n"
    text += "### **Sammanfattning**\n\nKort.\n\n#### **Bilaga**\n\nSkrivelse från Jan Jönsson (L) "
    text += "angående bristande samhandling i Skärholmen\n"
    s = analyse(text)
    assert s.title == "Titel på ärendet"
    assert [(x.title, x.kind) for x in s.sections] == [
        ("Förvaltningens förslag till beslut", "proposal"),
        ("Sammanfattning", "summary"),
        ("Bilaga", "attachment"),
    ]
    assert s.references == [
        "Skrivelse från Jan Jönsson (L) angående bristande samhandling i Skärholmen"
    ]


# (doc_id, normalised opening, expected title) — titles on text whose markdown is gone.
TITLES: list[tuple[str, str, str | None]] = [
    # tu_utbildningsnamnden_2024_samhandling (seed 001): "Svar på …" under the title
    (
        "tu_utbildningsnamnden_2024_samhandling",
        "Handläggare\nAnnalena Thorén\nTelefon: 08-50833480\n\nTill\nUtbildningsnämnden\n"
        "2024-01-25\n\nBristande samhandling mellan skolan, socialtjänsten och polisen i "
        "Skärholmen\n\nSvar på skrivelse från Jan Jönsson m.fl., (L)\n\n"
        "Förvaltningens förslag till beslut\n\nUtbildningsnämnden godkänner.\n",
        "Bristande samhandling mellan skolan, socialtjänsten och polisen i Skärholmen",
    ),
    # yttrande_alvsjo_2016_motion (seed 004): the answer line is the title under a date
    (
        "yttrande_alvsjo_2016_motion",
        "Handläggare\nMadeleine Hagerth\nTelefon: 08-508 21 051\n\nTill\nÄlvsjö stadsdelsnämnd\n"
        "2016-09-01\n\nYttrande över remiss om motion (2016:28) om samverkan mellan skola och "
        "socialtjänst, KS 106-360/2016\n\nFörvaltningens förslag till beslut\n",
        "Yttrande över remiss om motion (2016:28) om samverkan mellan skola och socialtjänst, "
        "KS 106-360/2016",
    ),
    # habo_kf_2021_01_28_medborgarforslag_lekplatser: a player's time stamps above the title
    (
        "habo_kf_2021_01_28_medborgarforslag_lekplatser",
        "NaN:NaN / 00:00\n00:00 / 00:00\n\nSvar på medborgarförslag om fler lekplatser\n\n"
        "Kommunfullmäktige 28 januari 2021\n\nKommunstyrelsen föreslår kommunfullmäktige att "
        "anse medborgarförslaget vara besvarat.\n",
        "Svar på medborgarförslag om fler lekplatser",
    ),
    # lysekil_sbf_2015_09_15_tjansteskrivelse_lekplats_brastad: "Yttrande -" under a header
    (
        "lysekil_sbf_2015_09_15_tjansteskrivelse_lekplats_brastad",
        "Tjänsteskrivelse\nDatum\nDnr\n2015-09-15\nLKS 2015-323\nSamhällsbyggnadsförvaltningen\n"
        "Sara Chronvall, 0523 – 61 33 51\nsara.chronvall@lysekil.se\n"
        "Yttrande - Medborgarförslag – central lekplats/mötesplats\nBrastad\nSammanfattning\n",
        "Yttrande - Medborgarförslag – central lekplats/mötesplats",
    ),
    # sollentuna_interpellation_2019_trafiksakerhet
    (
        "sollentuna_interpellation_2019_trafiksakerhet",
        "Interpellation gällande trafiksäkerheten för gångtrafikanter och cyklister\n\n\n"
        "Interpellation från Sollentunapartiet till ordföranden i Natur- och tekniknämnden "
        "gällande trafiksäkerheten för gångtrafikanter och cyklister\n\nAlltfler väljer att "
        "avstå från att arbetspendla med bil.\n",
        "Interpellation gällande trafiksäkerheten för gångtrafikanter och cyklister",
    ),
    # gavle_sbn_2022_08_24_mote: a bulleted "Lokal:" field is not a title
    (
        "gavle_sbn_2022_08_24_mote",
        "Hoppa över navigering\n• Lokal: Förvaltningshuset\nDatum: 30 augusti\n"
        "Förslag: Rosmari Holmgren (KD)\n\n• 2\n\nFastställande av föredragningslista\n",
        None,
    ),
    # malmo_gsn_2023_10_25_namndinitiativ_heder: a sentence introducing a list is not a title
    (
        "malmo_gsn_2023_10_25_namndinitiativ_heder",
        "Sverigedemokraterna i grundskolenämnden har inkommit med ett nämndinitiativ med "
        "följande yrkande:\n\n• Att uppdra åt grundskoleförvaltningen att söka samarbete.\n",
        None,
    ),
    # kinda_kindaforslag_2014_lekparken_adala
    (
        "kinda_kindaforslag_2014_lekparken_adala",
        "Lys upp lekparken i Ådala\n\nText.\n",
        "Lys upp lekparken i Ådala",
    ),
]


@pytest.mark.parametrize(("doc_id", "text", "expected"), TITLES, ids=[t[0] for t in TITLES])
def test_titles_on_normalised_text(doc_id: str, text: str, expected: str | None) -> None:
    """Titles are found on markdown-free text; an answer line under a title is a subtitle."""
    assert analyse(text).title == expected, doc_id


def test_answer_subtitle_is_kept_as_a_reference() -> None:
    """ "Svar på skrivelse från X" under the title still names the answered document."""
    s = analyse(TITLES[0][1])
    assert s.references[0] == "Svar på skrivelse från Jan Jönsson m.fl., (L)"
    # a line directly above an answer line in the same paragraph is not taken as its title
    same_para = "Till\nKommunfullmäktige\nSvar på motion om fler lekplatser i Norrby\n\nText.\n"
    assert find_title(split_lines(same_para)) is not None
    assert analyse(same_para).title == "Svar på motion om fler lekplatser i Norrby"


def _seed_cases() -> list[Any]:
    if not SEEDS.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason="../shared seeds absent"))]
    cases = []
    for gold_path in sorted(SEEDS.glob("*.json")):
        txt = gold_path.with_suffix(".txt")
        if txt.exists():
            cases.append(pytest.param(gold_path, id=gold_path.stem))
    return cases


@pytest.mark.parametrize("gold_path", _seed_cases())
def test_seed_doc_type_date_and_title(gold_path: Path) -> None:
    """All five seeds: doc_type and date match the gold; title matches as printed."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    s = analyse(gold_path.with_suffix(".txt").read_text(encoding="utf-8"))
    assert s.doc_type == gold["doc_type"]
    assert s.date == gold["date"]
    assert s.title == gold["title"]


def test_saved_model_loads_and_agrees_with_rules() -> None:
    """The shipped model loads once and, on clear texts, says what the rules say."""
    model = doctype.load_model()
    if model is None:
        pytest.skip("models/doctype/doctype.joblib not present")
    assert doctype.load_model() is model
    clear = {
        "protokoll": "SAMMANTRÄDESPROTOKOLL\nKommunstyrelsen\nSammanträdesdatum 2019-04-08\n"
        "Plats och tid Kommunhuset kl 13.00\nBeslutande\nAnna Andersson (S), ordförande\n"
        "Justerare\n§ 52 Val av justerare\n§ 53 Godkännande av dagordning",
        "motion": "Motion till kommunfullmäktige\nMotion om bättre belysning på gång- och "
        "cykelvägen\nVi föreslår kommunfullmäktige besluta att kommunen utreder belysningen.",
        "uppfoljning": "Årsredovisning 2014\nKommunens årsredovisning för verksamhetsåret med "
        "bokslut, resultaträkning och uppföljning av nämndernas mål och ekonomi.",
    }
    for label, text in clear.items():
        assert rule_doctype(text) == label
        assert doctype.model_doctype(text, model) == label
    assert doctype.classify(clear["motion"]) == ("motion", "rule")


def test_without_model_falls_back_to_rules_then_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A missing model file leaves the rules working and unknown texts typed 'other'."""
    assert doctype.load_model(tmp_path / "missing.joblib") is None
    monkeypatch.setattr(doctype, "load_model", lambda path=None: None)
    assert doctype.classify("Någon text utan rubrik om parken.") == ("other", "default")
    assert doctype.classify("SAMMANTRÄDESPROTOKOLL\nKommunstyrelsen\n") == ("protokoll", "rule")


@pytest.mark.parametrize("gold_path", _seed_cases())
def test_seed_title_on_the_real_normalised_path(gold_path: Path) -> None:
    """ingest → normalise → structure on each seed file gives the gold doc_type, date, title."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    txt = gold_path.with_suffix(".txt")
    doc = Document(gold_path.stem, str(txt), "")
    for name in ("ingest", "normalise", "structure"):
        doc = stages.run_stage(name, doc, Options())
    assert doc.structure is not None
    assert doc.structure.title == gold["title"]
    assert (doc.structure.doc_type, doc.structure.date) == (gold["doc_type"], gold["date"])


def test_publishing_lines_and_other_printed_date_forms() -> None:
    """Web pages and press services print their own date in forms of their own."""
    assert parse_date("Pressmeddelande • Jul 01, 2016 12:26 CEST") == "2016-07-01"
    assert parse_date("Danderyd 2006 05 15") == "2006-05-15"
    assert parse_date("2006.05.15") == "2006-05-15"
    assert parse_date("2006-05.15") is None  # one separator throughout, or no date
    s = analyse(
        "Sök\n\nTrygghetsrådet startar\n\n  • Publicerad 12:14, 12 feb 2020\n\n"
        "Rådet ska träffas den 3 mars 2020 för första gången.\n"
    )
    assert s.date == "2020-02-12"


def test_a_meeting_notice_with_its_agenda_is_a_meeting_record() -> None:
    assert rule_doctype("KALLELSE 1 (20)\nKommunstyrelsen kallas till sammanträde\n") == "protokoll"
    assert rule_doctype("Kallelse till socialnämnden\nTid: 18:00\n") == "protokoll"
    assert rule_doctype("Anmälningslista\nAnmäls dom i mark- och miljödomstolen\n") == "other"


def test_a_standing_agenda_item_or_a_cookie_banner_is_not_the_title() -> None:
    """The title is looked for past a meeting's standing items and a web page's furniture."""
    protokoll = (
        "## Val av justerare\n\nKommunstyrelsen utser Anna Berg att justera protokollet.\n\n"
        "## Ny lekplats i Norrby\n\nNämnden ska anlägga en lekplats i Norrby under 2021.\n"
    )
    assert analyse(protokoll).title == "Ny lekplats i Norrby"
    web = "Kakor (cookies)\n\nMedborgarlöfte för Norrby centrum\n\nPolisen och kommunen lovar.\n"
    assert analyse(web).title == "Medborgarlöfte för Norrby centrum"
    # Passed-over lines still count towards how far down the title is looked for.
    agenda = "\n\n".join(f"{n} Val av justerare" for n in range(1, 13))
    assert find_title(split_lines(agenda + "\n\nSvar på motion om fler lekplatser\n")) is None


def test_a_numbered_agenda_gives_no_title_from_its_items() -> None:
    # Invented meeting page: each numbered item heading is one item's, not the page's title.
    agenda = (
        "Hoppa över navigering\n  1.   1\n\n    Val av justerare\n\n  2.   2\n\n"
        "    Information om nytt voteringssystem\n\n  3.   3\n\n"
        "    Anmälan av inkomna skrivelser\n\n"
        "  4. Nämnden har fått möjlighet att yttra sig över betänkandet om skolans och "
        "socialtjänstens behov av uppgiftsutbyte, och föreslås ställa sig bakom förslaget.\n"
    )
    assert analyse(agenda).title is None
    # One numbered heading is only a heading: the title above it stands.
    single = "Handlingsplan för trygghet\n\n1. Bakgrund\n\nNämnden ska ta fram en plan.\n"
    assert analyse(single).title == "Handlingsplan för trygghet"


def test_a_title_ending_on_a_preposition_goes_on_after_one_blank_line() -> None:
    # Clearly synthetic; the shape of a scanned motion whose title wrapped round a blank line.
    text = (
        "Kommunfullmäktige\n\nMotion om fler parkbänkar i\n\nNorrby kommun\n\n"
        "Kommunfullmäktiges beslut\n\nMotionen bifalls.\n"
    )
    assert analyse(text).title == "Motion om fler parkbänkar i Norrby kommun"
    # After the blank, a paragraph of prose is the text, not the title's end.
    prose = (
        "Norrby är en trygg stad att bo och vistas i\n\n"
        "Norrby ska vara en trygg stad för alla. Arbetet sker i samverkan med polisen.\n"
    )
    assert analyse(prose).title == "Norrby är en trygg stad att bo och vistas i"


def test_a_numbered_agenda_item_naming_a_report_does_not_make_the_page_a_follow_up() -> None:
    from pipeline.structure.doctype_rules import rule_doctype

    # Clearly synthetic; the shape of a council's meeting page.
    page = (
        "Hoppa över navigering\n 1.   1\n\n  Godkännande av dagordningen\n\n 2. Fullmäktige "
        "beslutade i samband med Årsredovisning 2022 att ge nämnden i uppdrag att se över "
        "parkerna.\n"
    )
    assert rule_doctype(page) != "uppfoljning"
    assert rule_doctype("Årsredovisning 2022\nNorrby kommun\n\nÅret i korthet\n") == "uppfoljning"
