"""The responsible actor of a commitment: assignee, grammatical agent, or the paragraph's body."""

from __future__ import annotations

import re

from pipeline.extract.doers import (
    leadin_doer,
    proposed_doer,
    proposer_only,
    shaped_assignee,
    task_receiver,
    together,
)
from pipeline.extract.mentions import actor_hits, agent_in, canonical, municipality
from pipeline.extract.noun_phrases import ORG, clean_np, fronted
from pipeline.extract.status import Cue
from pipeline.lang import postag
from pipeline.records import Actor

_I = re.IGNORECASE

# The agent of a passive measure verb: "genomföras av polisen", "tas fram av förvaltningen".
_PASSIVE_AGENT = re.compile(r"\b[\wåäö]{3,}s\s+(?:fram\s+|upp\s+|in\s+)?av\s+([\wåäö-]+)\b", _I)
# A firm's name may join two names with "&" ("Starck & Partner", "Ernst & Young").
_CAP = r"[A-ZÅÄÖ][\wåäö&-]*(?:\s+&\s+[A-ZÅÄÖ][\wåäö-]*)?"
_DONE_BY = re.compile(
    rf"^\s*(?:\w+\s+)?av\s+((?:{_CAP}\s+){{0,3}}{_CAP}"
    rf"(?:\s+(?:och|samt)\s+(?:{_CAP}\s+){{0,3}}{_CAP})?)"
)
_ROLE = re.compile(r"(?:direktör|chef|ordförande|samordnare|ansvarig)(?:en|erna)?\b", _I)
_NP_TAGS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "CCONJ", "NUM"})
_PASSIVE_NEXT = re.compile(r"^\s*(?:inte\s+|också\s+|även\s+)?(?:att\s+)?[\wåäö]+s\b")


def _subject(head: str, tail: str) -> str | None:
    """The noun phrase that makes up the whole clause before the cue, when the verb is active.

    "Lokalpolisområde Uppsala/Knivsta åtar sig …", "Tekniska verken och Kirunabostäder ska
    …": agents the actor list does not know. A passive verb after the cue makes that noun
    phrase the measure, not its doer ("Två medborgardialoger ska genomföras").
    """
    tagger = postag.load()
    words = head.split()
    if tagger is None or not 1 <= len(words) <= 8 or _PASSIVE_NEXT.match(tail):
        return None
    tags = tagger.tag(words)
    if not set(tags) <= _NP_TAGS or tags[-1] not in ("NOUN", "PROPN"):
        return None
    np = head.strip(" ,")
    # Only a doer: a name, a body or a role; "Kamerabevakning har …" names the measure.
    named = "PROPN" in tags[1:] or (tags[0] == "PROPN" and len(words) > 1)
    if not (named or ORG.search(np) or _ROLE.search(np)):
        return None
    return clean_np(np) or None


# "Under hösten har stadsdelens socialtjänst besökt …": the subject follows the finite verb.
_INVERTED = re.compile(
    r"\b(?:har|hade|ska|skall|kommer|kan|vill|avser)\s+(?:även\s+|också\s+|nu\s+|dessutom\s+)*", _I
)
# "uppdrar åt X att", "uppdraget är att X ska": the assignee stands in the pattern.
_ASSIGNED = (
    re.compile(r'\buppdr(?:ar|og|agit)\s+(?:åt|till)\s+(.+?)\s+[”"]?att\b', _I),
    re.compile(r"\buppdrag(?:et)?\s+(?:är|blir|var)\s+att\s+(.+?)\s+(?:ska|skall)\b", _I),
)
_KOMMER_X_ATT = re.compile(
    r"kommer\s+(.+?)(?:\s+(?:även|också|inte|dessutom|fortsatt|tillsammans))*\s+att$", _I
)
# A sentence that says an actor is left out ("Förskolan omfattas inte av förslagen") does
# not make it the paragraph's actor.
_DENIED = re.compile(r"^\s*\S+(?:\s+\S+)?\s+\w+\s+(?:inte|ej)\b", _I)
# Prepositions whose object a measure is about, not who carries it out.
_PREP_WORDS = "för|mellan|med|hos|inom|kring|mot|till|om|åt"
_SUB_FRONT = re.compile(r"^\s*(?:när|då|eftersom|om|efter\s+att|sedan|innan|även\s+om)\b[^,]*,", _I)


def responsible_of(
    sentence: str, cue: Cue, actors: list[Actor], paragraph: str, leadin: str | None = None
) -> str | None:
    """Who is to carry out the measure: named assignee, agent, or the paragraph's actor."""
    doer = leadin_doer(leadin, actors)
    if doer:
        return together(doer, sentence[len(leadin or "") :][:120], actors)
    tail = sentence[cue.end :]
    named = _named(sentence, cue, tail, actors)
    if named:
        return named
    found = _clause_agent(sentence, cue, tail, actors)
    if found is None:
        found = _owner(sentence[: cue.start], actors)
    if found is None:
        opener = _paragraph_actor(paragraph, actors)
        # The paragraph's actor is not the doer of a measure that is about it ("stödmaterial
        # för samverkan mellan socialtjänsten och förskolan").
        return None if opener and _governed(sentence, opener) else opener
    return found or None


# "Socialtjänstens närvaro i skolan ska utökas": the body whose work the subject is does it.
# "Polisens och kommunens arbete ska …": two bodies, joined.
_GENITIVE_SUBJECT = re.compile(
    r"^\s*([A-ZÅÄÖ][\wåäö-]+?)s(?:\s+(?:och|samt)\s+([\wåäö-]+?)s)?\s+[a-zåäö]"
)


def _owner(head: str, actors: list[Actor]) -> str | None:
    """The body a subject belongs to, when the sentence opens on its genitive."""
    m = _GENITIVE_SUBJECT.match(head)
    bodies = [g for g in (m.groups() if m else ()) if g]
    if not bodies or not all(ORG.fullmatch(b) for b in bodies):
        return None
    return " och ".join(canonical(b.lower(), actors) for b in bodies)


def _governed(sentence: str, name: str) -> bool:
    """Whether ``name`` stands in ``sentence`` only as a preposition's object."""
    # "möjligheterna för kommunen att medfinansiera": the object of "för" does it.
    rx = rf"(?i)\b(?:{_PREP_WORDS})\s+(?:[\wåäö-]+,?\s+){{0,3}}?{re.escape(name)}\b(?!\s+att\b)"
    return bool(re.search(rx, sentence))


def _named(sentence: str, cue: Cue, tail: str, actors: list[Actor]) -> str | None:
    """An assignee or agent the sentence names in a fixed shape ("ger X i uppdrag", "av X")."""
    m = re.search(r"\b(?:ge|ger|gav)\s+(?!i\s)(.+?)\s+i\s+uppdrag\b", sentence, _I)
    if m:
        return canonical(clean_np(m.group(1)), actors)
    # The passive names the assignee before the verb: "att kommunstyrelsen ges i uppdrag att".
    m = re.search(r"\b([\wåäö-]+)\s+(?:ges|gavs|får)\s+i\s+uppdrag\b", sentence, _I)
    if m and ORG.fullmatch(m.group(1)):
        return canonical(m.group(1), actors)
    shaped = task_receiver(sentence, actors) or shaped_assignee(sentence, actors)
    if shaped:
        return shaped
    for pattern in _ASSIGNED:
        m = pattern.search(sentence)
        if m:
            return canonical(clean_np(m.group(1)), actors)
    if cue.family in ("proposal", "demand"):
        doer = proposed_doer(sentence[cue.start : cue.end], tail, actors)
        if doer:
            return doer
    if cue.family == "done":
        m = re.search(r"\bav\s+((?:en|ett|den|det)\s+)?([\wåäö-]+)", tail, _I)
        if m and ORG.fullmatch(m.group(2)):
            return canonical(m.group(2), actors)
        m = _DONE_BY.search(tail[:40])
        if m:
            return canonical(m.group(1), actors)  # "… har påbörjats av Tekniska verken"
    m = _PASSIVE_AGENT.search(tail)
    if m and ORG.fullmatch(m.group(1)):
        return canonical(m.group(1), actors)  # "… ska genomföras av polisen"
    # "Gällande trafik kommer Tekniska verken även att …": the subject inverted into the cue.
    m = _KOMMER_X_ATT.match(sentence[cue.start : cue.end])
    if m and m.group(1).split()[0][:1].isupper():
        return canonical(clean_np(m.group(1)), actors)
    return None


def _head(sentence: str, cue: Cue, actors: list[Actor]) -> str:
    """The clause before the cue, where its subject stands."""
    head = _SUB_FRONT.sub("", sentence[: cue.start])
    head = re.split(r"[,;:]", head)[-1]
    parts = re.split(r"\s+och\s+", head)
    if len(parts) > 1 and len(parts[0].split()) >= 4:
        left, right = " och ".join(parts[:-1]), parts[-1]
        joined = [h for h in actor_hits(left, actors) if h[1] == len(left.rstrip())]
        # "… 2018-2019 Kommunen och polisen": two doers joined, not two clauses.
        head = f"{left[joined[-1][0] :]} och {right}" if joined else right
    return head


def _clause_agent(sentence: str, cue: Cue, tail: str, actors: list[Actor]) -> str | None:
    """The clause's agent; "" when it is a proposer who names nobody to carry it out."""
    head = _head(sentence, cue, actors)
    found = None
    if not fronted(head):
        found = agent_in(head, actors, last=True)
    if not found and fronted(head):
        inv = _INVERTED.search(head)
        if inv:
            found = agent_in(head[inv.end() :], actors, last=False)
    if not found and (fronted(head) or not head.strip()):
        # "Vid dagens sammanträde beslutade regionstyrelsen att …": the cue may hold it.
        # (Passing over a preposition's object here too was tried: cross-genre 0.627 ->
        # 0.625, as "tillsammans med Uppsala kommun" then lost its doer.)
        found = agent_in(sentence[cue.start : cue.end + 60], actors, last=False)
    proposing = cue.family in ("proposal", "demand")
    if not found and not proposing and cue.label != "har genomförts" and not fronted(head):
        found = _subject(head, tail)
    if found and proposing and proposer_only(found, actors):
        return ""  # "Reimer Thomsson föreslår att vägen asfalteras": nobody named to do it
    if found and re.match(r"(?i)(?:kommun|stad|staden|kommunen)$", found):
        # "kommunen" is the one municipality the text names, or stays as written.
        found = municipality(actors) or found
    return found or None


# The last paragraph asked about, its actors and the answer: commitments come paragraph by
# paragraph, and reading a long paragraph again for each of its commitments was quadratic.
_LAST: list[tuple[str, list[Actor], str | None]] = []


def _paragraph_actor(paragraph: str, actors: list[Actor]) -> str | None:
    """The one actor that opens the paragraph's sentences, if only one does."""
    if _LAST and _LAST[0][0] is paragraph and _LAST[0][1] is actors:
        return _LAST[0][2]
    others = {
        canonical(h[2], actors)
        for s in re.split(r"(?<=[.!?])\s+", paragraph)
        if not _DENIED.match(s)
        for h in actor_hits(s, actors)[:1]
        if len(s[: h[0]].split()) <= 2
    }
    found = others.pop() if len(others) == 1 else None
    _LAST[:] = [(paragraph, actors, found)]
    return found


# What follows a subject that was made rather than acting: "har utvecklats", "ska byggas".
_PASSIVE_AFTER = re.compile(
    r"\s+(?:(?:har|hade|ska|skall|kan|bör|kommer\s+att|har\s+nu)\s+)?(?:\w+\s+)?[^\W\d]+s\b", re.I
)


def names_itself(responsible: str | None, measure: str, sentence: str) -> bool:
    """Whether the responsible is only the measure's own name ("Skolsociala team har utvecklats").

    The subject of a passive verb is what was made, not who made it; naming it responsible
    for itself tells the reader nothing. An active subject ("Polisen och kommunen lovar")
    is the doer, and it stays whatever the measure was read as.
    """
    if not responsible or " ".join(responsible.casefold().split()) != " ".join(
        measure.casefold().split()
    ):
        return False
    at = sentence.casefold().find(measure.casefold())
    return at >= 0 and bool(_PASSIVE_AFTER.match(sentence, at + len(measure)))
