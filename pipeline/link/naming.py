"""What a reader sees a measure called: its extracted name when it reads as one, else a quote."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from pipeline.lang import postag
from pipeline.lexicon.rejects import name_shapes
from pipeline.lexicon.words import stopwords

# Longer than this, a name is a clause that ran on; a quote is cut here too.
MAX_WORDS = 14
QUOTE_CHARS = 220
# A long sentence's quote keeps this much of its start: its subject and verb, as a rule.
LEAD_WORDS, LEAD_CHARS = 4, 50
# A cut quote stops at a clause or item boundary when one lies in the last part of its room.
BREAK_SHARE = 0.55
_WORD = re.compile(r"[^\W\d_]+")
# Definite and plural endings a head noun may carry ("planen", "vandringarna").
_ENDINGS = ("", "n", "en", "et", "na", "ar", "er", "or", "arna", "erna", "orna", "ena")


def _ends_in(noun: str, parts: frozenset[str]) -> bool:
    """Whether ``noun``, without a definite or plural ending, ends in one of ``parts``."""
    word = noun.casefold()
    stems = [word] + [word[: -len(e)] for e in _ENDINGS if e and word.endswith(e)]
    return any(stem.endswith(p) for stem in stems for p in parts)


def _head_ok(words: list[str], tags: list[str]) -> bool:
    """Whether the first noun is what measures are called by.

    A noun made of a verb counts only with its object after it ("hantering av avfall"):
    alone, "personalomsättning" or "relation" is as likely a state of things as an action.
    """
    shapes = name_shapes()
    for k, tag in enumerate(tags):
        if tag in ("NOUN", "PROPN"):
            m = _WORD.search(words[k])
            if m is None:
                return False
            if _ends_in(m.group(0), shapes["head"]):
                return True
            after = words[k + 1].casefold() if k + 1 < len(words) else ""
            return after == "av" and _ends_in(m.group(0), shapes["suffix"])
    return False


def _retag(word: str, tag: str) -> str:
    """A word ending in a measure noun is a noun, whatever the tagger guessed.

    The tagger, trained on general prose, reads "lekplats" as a passive supine (it ends
    like "planerats"); the measure words are the ones this check is about.
    """
    m = _WORD.fullmatch(word.strip(',;:()”"'))
    if tag.startswith(("VERB", "ADJ", "ADV")) and m and _ends_in(m.group(0), name_shapes()["head"]):
        return "NOUN"
    return tag


@lru_cache(maxsize=4096)
def misnamed(name: str) -> str | None:
    """Why ``name`` does not read as a measure's name, or None when it does.

    A name is a noun phrase: it opens on neither a pronoun nor a verb nor a joining word,
    holds no finite verb (then it is a clause), ends on what it names, and its first noun
    (the head of a Swedish noun phrase) is a word a measure is called by: "handlingsplan för
    fältarbetet" is one; "det även", "säkra en tillräcklig", "hög personalomsättning" are not.
    """
    words = name.split()
    tagger = postag.load()
    if tagger is None:
        return None  # without the tagger nothing is judged: the name stands
    if not 1 <= len(words) <= MAX_WORDS:
        return "length"
    shapes = name_shapes()
    tags = [_retag(w, t) for w, t in zip(words, tagger.tag(words), strict=True)]
    if tags[0] in shapes["no_open"] and words[0].casefold() not in shapes["may_open"]:
        return "opening"
    if tags[-1] not in shapes["close"] and not words[-1].endswith(("”", '"', ")")):
        return "ending"
    for k, tag in enumerate(tags):
        if tag.startswith(("AUX", "VERB.Fin")):
            return "clause"
        if tag.startswith("VERB.Inf") and (k == 0 or words[k - 1].casefold() != "att"):
            return "clause"
    return None if _head_ok(words, tags) else "head"


def _lead(text: str) -> str:
    """The first few words, without a dangling short word or number at their end.

    "Kommunfullmäktige beslutade den 18" ends on a date's first half; "Kommunfullmäktige
    beslutade" says who acted, which is what the lead is for.
    """
    words = text.split()[:LEAD_WORDS]
    while len(" ".join(words)) > LEAD_CHARS:
        words.pop()
    # Nor on a genitive, whose noun the cut would take away ("har stadsdelens …").
    while words and (
        words[-1].isdigit()
        or (words[-1].islower() and (len(words[-1]) <= 3 or words[-1].endswith(("ens", "ets"))))
    ):
        words.pop()
    return " ".join(words)


def quote(sentence: str, around: str | None = None) -> str:
    """The sentence as a short quote: ”Grupperna ska hantera information om …”.

    A long sentence is cut at its end, so the quote reads as it was written. Only when
    ``around`` (the words taken for the measure) would fall beyond the cut does it keep its
    first words, who speaks or acts ("Utbildningsförvaltningen föreslår att …"), and skip
    to a little before them: cutting out the middle drops words a reader would miss
    ("evakueras och kommer därför"), so it is done only where the measure needs it.
    """
    text = " ".join(sentence.split()).rstrip(" .")
    if len(text) <= QUOTE_CHARS:
        return f"”{text}”"
    wanted = " ".join((around or "").split())
    at = text.find(wanted) if wanted else -1
    lead = ""
    if at + len(wanted) > QUOTE_CHARS - 10 and at > QUOTE_CHARS // 2:
        lead = _lead(text)
        # Skip to a few words before the measure, at a word's start.
        start = text.rfind(" ", 0, max(0, at - QUOTE_CHARS // 6)) + 1
        if lead and start > len(lead) + 1:
            text, lead = text[start:], f"{lead.rstrip(' ,;:')} … "
        else:
            lead = ""
    room = QUOTE_CHARS - len(lead)
    if len(text) > room:
        text = _cut(text, room) + " …"
    return f"”{lead}{text}”"


def _cut(text: str, room: int) -> str:
    """``text`` cut to ``room`` characters where a clause or a listed item ends.

    Cut at any word, a quote ends mid-phrase ("… projektkostnad om 91,4 mnkr och med en"),
    which reads as a broken sentence; cut before "och" or at a comma, it reads as a
    shortened one. Nor does it end on a word that leads into more ("med", "att").
    """
    words = text[: room + 1].split()[:-1] if len(text) > room else text.split()
    breaks, tails = stopwords("quote_break"), stopwords("line_end")
    floor = BREAK_SHARE * room
    for k in range(len(words) - 1, 0, -1):
        if len(" ".join(words[:k])) < floor:
            break
        if words[k].casefold() in breaks or words[k - 1].endswith((",", ";")):
            words = words[:k]
            break
    while len(words) > 1 and words[-1].casefold().strip(",;:") in tails:
        words.pop()
    return " ".join(words).rstrip(" ,;:–-")


def shared_sentences(rows: Sequence[Mapping[str, Any]]) -> frozenset[tuple[str, str]]:
    """(doc_id, sentence) of every sentence that gives more than one statement."""
    seen: dict[tuple[str, str], int] = {}
    for r in rows:
        key = (str(r["doc_id"]), str(r["sentence"]))
        seen[key] = seen.get(key, 0) + 1
    return frozenset(k for k, n in seen.items() if n > 1)


def _reads(r: Mapping[str, Any], shared: frozenset[tuple[str, str]]) -> bool:
    """Whether a statement's name can stand as its label.

    One sentence that gives several records ("En arbetsmiljöutredning har genomförts av A,
    … och en polisanmälan har upprättats") would quote the same words for each; there a
    noun phrase whose head is not a listed measure word ("polisanmälan") still tells them
    apart, which a quote cannot.
    """
    why = misnamed(str(r["measure"]))
    if why is None:
        return True
    return why == "head" and bool(shared) and (str(r["doc_id"]), str(r["sentence"])) in shared


def shown_label(
    ordered: Sequence[Mapping[str, Any]],
    generic: frozenset[str],
    shared: frozenset[tuple[str, str]] = frozenset(),
) -> str:
    """The earliest extracted name that reads as one, else a quote of the first statement.

    ``ordered`` are a measure's statement rows, earliest first; a name made only of
    ``generic`` lemmas ("åtgärder") is taken only when no statement names more. ``shared``
    are the sentences that give several statements (``shared_sentences``).
    """
    readable = [r for r in ordered if r["measure"] and _reads(r, shared)]
    for r in readable:
        if any(w not in generic for w in (r["lemmas"] or "").split()):
            return str(r["measure"])
    if readable:
        return str(readable[0]["measure"])
    first = ordered[0]
    return quote(str(first["sentence"]), first["measure"])
