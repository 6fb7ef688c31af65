"""Swedish noun phrases around a cue: objects, subjects, and verbs turned into nouns."""

from __future__ import annotations

import re

from pipeline.lexicon.cues import wordset
from pipeline.lexicon.words import action_nouns, stopwords

_I = re.IGNORECASE
_WORD = re.compile(r"[\wåäöÅÄÖé/%-]+")

# "… och återkomma med förslag": reporting back on a task ends the task's object.
_REPORT_BACK = re.compile(
    r"\s+(?:och|samt)\s+(?:därefter\s+|sedan\s+)?(?:"
    + "|".join(sorted(stopwords("report_back")))
    + r")\b",
    _I,
)
# Where the object of a measure verb ends: purpose, manner and time adjuncts, next clause.
# Punctuation inside a number ("2.500 bostäder", "1,5 mkr", "40.000:-") does not end it.
_STOP = re.compile(
    r"\s*(?:[;?!]|[.:](?!\d|-)|(?:(?<!\d),|,(?!\d))\s*(?!\w+\s*,|\w+\s+och\b)|\bför\s+att\b|\bså\s+att\b|\bi\s+syfte\s+att\b|"
    r"\bsenast\b|\bunder\s+(?:år|våren|hösten|sommaren|vintern|\d{4}|nästa|innevarande|"
    r"kommande|första|andra|tredje|fjärde)\b|\btill\s+och\s+med\b|\bfrån\s+och\s+med\b|"
    r"\bi\s+samband\s+med\b|\bgenom\s+att\b|\bsnarast\b|\bdärefter\b|\bdå\b|\boch\s+(?:den|det|de)"
    r"\s+(?:ska|skall|kommer)\b|\boch\s+(?:ska|skall)\b|\bsom\s+(?:ska|skall|kommer)\b|\bmed\s+"
    r"(?:start|hänvisning)\b|\bi\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|"
    r"september|oktober|november|december)\b|\boch\s+att\b)",
    _I,
)
_ADVERBS = wordset(
    """
    även också nu dessutom därför vidare då sedan fortsatt fortsättningsvis successivt
    snarast regelbundet tillsammans inte alltid löpande gemensamt aktivt särskilt
    ytterligare direkt framöver därtill samtidigt under året också både redan först
    slutligen bland annat ständigt kontinuerligt omgående genast snabbt tydligt
    """
)
_DETERMINERS = frozenset(
    ["en", "ett", "den", "det", "de", "denna", "detta", "dessa", "nya", "ny", "nytt"]
)
# Particle verbs: verb + particle; the particle belongs to the verb, not the object.
_PARTICLES = frozenset(
    ["fram", "upp", "över", "in", "ut", "till", "bort", "om", "ner", "ned", "av"]
)
# Process verbs read better nominalised ("revidera X" -> "revidering av X"); the table is data.
NOMINAL = action_nouns()
# Creative verbs whose object already names the measure.
CREATIVE = wordset(
    """
    ta tas tagit tagits utarbeta utarbetas upprätta upprättas skapa skapas inrätta inrättas
    tillsätta tillsättas tillsatt tillsatts genomföra genomföras genomfört genomförts göra
    göras gjort gjorts starta startas anordna anordnas tillhandahålla erbjuda erbjudas
    teckna tecknas tecknade bilda bildas hålla ge arbeta organiserat organisera vidta vidtas
    """
)


ORG = re.compile(
    r"\b(?:(?!(?:När|I|Under|Den|Det|En|Ett|Med|Om|Som|Vid|Till|För|Efter|Därtill|Vidare|Nu|"
    r"Då|Även|Också|Sedan|Framöver|Inom|Hela|Alla|Varje|Samtliga|Berörda|Dessa|Denna|Eftersom|"
    r"Men|Och|Samt|Därför|Att|Både|Dessutom)\b)"
    r"[A-ZÅÄÖ][\wåäöé-]*\s+)?[\wåäöé-]*(?i:nämnd(?:en|erna)?|förvaltning(?:en|arna)?|"
    r"kontor(?:et)?|styrelsen|fullmäktige|kommun(?:en)?|region(?:en)?|polisen|socialtjänst(?:en)?|"
    r"rådet|revision(?:en)?|gruppen|grupperna|styrgrupp(?:en)?|utskott(?:et)?|bolag(?:et)?|"
    r"stadsdel(?:en)?|ledning(?:en)?|avdelning(?:en)?|(?<!äg)enhet(?:en)?|myndighet(?:en)?)\b"
    r"(?:\s+(?:i|för)\s+[A-ZÅÄÖ][\wåäö]+)?",
)


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def clean_np(np: str) -> str:
    """A noun phrase trimmed of punctuation, leading particles and articles (≤ 14 words)."""
    np = re.sub(r"\s+", " ", np).strip(" ,.;:-–")
    np = re.sub(
        r"^(?:(?:att|och|samt|även|också|nu|då|i\s+princip|en|ett|sig)\s+)+", "", np, flags=_I
    )
    return " ".join(np.split()[:14]).rstrip(" ,;:")


def object_after(text: str) -> str:
    """The noun phrase that starts ``text`` (after a verb), cut at the first adjunct."""
    text = re.sub(r"^\s*(?:sig\s+(?:med|till|för|om|av|åt)\s+)", " ", text, flags=_I)
    text = _before_report_back(text)
    m = _STOP.search(text)
    return clean_np(text[: m.start()] if m else text)


def _before_report_back(text: str) -> str:
    """``text`` up to an "och"/"samt" that opens reporting back ("X och återkomma med …").

    The task's object does not run into what is to be done after it: "genomlysa nämndens
    ekonomi och återkomma med förslag" has the object "nämndens ekonomi". Other second
    verbs are often a second half of one measure ("informationstillfällen och samverka"),
    so only the report-back verbs end the phrase.
    """
    m = _REPORT_BACK.search(text)
    return text[: m.start()] if m else text


def verb_phrase(text: str) -> tuple[str, str]:
    """Split '[SUBJECT] VERB [PARTICLE] OBJECT…' into (verb key, rest), skipping adverbs."""
    text = re.sub(
        r"^\s*tillsammans\s+med\s+(?:[\wåäö-]+\s+){0,3}?(?=[\wåäö]+a\b)", " ", text, flags=_I
    )
    ws = _words(text)
    i = 0
    while i < len(ws):
        w = ws[i].group(0)
        low = w.casefold()
        if low in _ADVERBS or low in _PRONOUNS or ORG.fullmatch(w) or (i == 0 and w[0].isupper()):
            i += 1
            continue
        if low in ("och", "samt") and i > 0:
            i += 1
            continue
        break
    if i >= len(ws):
        return "", ""
    verb = ws[i].group(0).casefold()
    end = ws[i].end()
    if i + 1 < len(ws) and ws[i + 1].group(0).casefold() in _PARTICLES:
        verb = f"{verb} {ws[i + 1].group(0).casefold()}"
        end = ws[i + 1].end()
    return verb, text[end:]


_PRONOUNS = frozenset(["vi", "jag", "de", "man", "hon", "han", "ni", "grupperna", "gruppen"])
_GENERIC_WORK = re.compile(
    r"^\s*(?:ett|en|det)?\s*(?:\w+\s+)?(?P<head>\w*(?:arbete|insats|projekt|satsning|uppdrag))\w*"
    r"\s+(?:[\wåäö]+\s+){0,3}?(?:för|med)\s+att\s+(?P<rest>.*)$",
    _I,
)


def infinitive(word: str) -> str:
    """Infinitive of a supine or passive form, good enough for the nominalisation table."""
    for suf, rep in (
        ("ats", "a"),
        ("its", "a"),
        ("ts", "a"),
        ("at", "a"),
        ("t", "a"),
        ("as", "a"),
        ("s", ""),
    ):
        if word.endswith(suf):
            return word[: -len(suf)] + rep
    return word


def nominalise(verb: str, obj: str) -> str:
    """The action noun of ``verb`` with its object: (utreda, behovet) -> "utredning av behovet"."""
    if not verb.strip():
        return obj
    key = verb if verb in NOMINAL else " ".join([infinitive(verb.split()[0])] + verb.split()[1:])
    if not obj:
        return NOMINAL.get(key, "")
    if key in NOMINAL and key.split()[0] not in CREATIVE:
        return (
            f"{NOMINAL[key]} av {obj}"
            if not NOMINAL[key].endswith(" hos")
            else f"{NOMINAL[key]} {obj}"
        )
    return obj


def work_measure(np: str) -> str | None:
    """'ett arbete med att utvärdera X' -> 'utvärdering av X' (generic work nouns)."""
    m = _GENERIC_WORK.match(np)
    if not m:
        return None
    verb, obj = verb_phrase(m.group("rest"))
    nom = nominalise(verb, object_after(obj))
    if nom and nom != object_after(obj):
        return nom
    return clean_np(f"{m.group('head')} för att {object_after(m.group('rest'))}")


def subject_before(head: str) -> str:
    """The subject noun phrase at the end of ``head`` (text before the finite cue)."""
    pieces = re.split(r"[;:]|,", head)
    last = pieces[-1]
    if len(pieces) > 1 and re.match(r"^\s*(?:[\wåäö-]+\s+){0,3}?(?:och|samt)\b", last, _I):
        last = pieces[-2] + "," + last
    last = re.sub(
        r"^\s*(?:därtill|vidare|dessutom|även|också|nu|sedan|därför)\s+", "", last, flags=_I
    )
    last = re.sub(r"\s+som\s+.*$", "", last, flags=_I)
    last = re.sub(r"^\s*(?:den|det)\s+framtagn\w+\s+", "", last, flags=_I)
    return clean_np(last)


def fronted(head: str) -> bool:
    """Whether ``head`` is a fronted adverbial, so the subject follows the finite verb."""
    return bool(
        re.match(
            r"^\s*(?:under|i|inom|med|efter|när|framöver|därtill|vidare|nu|sedan|till|från|"
            r"för|på|vid|inför|därför|dessutom|härutöver|utöver|hösten|våren|år)\b",
            head,
            _I,
        )
    )


def inverted_np(tail: str) -> tuple[str, str]:
    """In 'ska NP VERB-s …' the NP before the passive verb, and that verb."""
    m = re.search(
        r"^(?P<np>.*?)\s+(?P<verb>[\wåäö]+(?:as|s))\b(?:\s+(?P<part>fram|upp|över|in|ut))?(?=[\s.,]|$)",
        tail,
    )
    if not m:
        return object_after(tail), ""
    verb = m.group("verb") + (" " + m.group("part") if m.group("part") else "")
    return object_after(m.group("np")), verb.casefold()
