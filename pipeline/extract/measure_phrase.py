"""The measure of a commitment sentence: a short noun phrase chosen by the kind of cue."""

from __future__ import annotations

import re

from pipeline.extract.noun_phrases import (
    ORG,
    clean_np,
    fronted,
    infinitive,
    inverted_np,
    nominalise,
    object_after,
    subject_before,
    verb_phrase,
    work_measure,
)
from pipeline.extract.status import Cue
from pipeline.lang import postag
from pipeline.lexicon.words import stopwords

_I = re.IGNORECASE


def measure_of(sentence: str, cue: Cue, antecedent: str = "") -> str:
    """A short noun phrase naming what ``sentence`` pledges or reports, around ``cue``.

    ``antecedent`` replaces a pronoun subject ("Den ska nu följas upp").
    """
    found = _measure(sentence, cue)
    # Only a word can stand for a pronoun: a list number or a mark is no antecedent.
    if not re.fullmatch(r"[^\W\d_][\w-]{2,}", antecedent):
        antecedent = ""
    if antecedent and re.fullmatch(r"(?i)(?:\w+ av )?(?:den|det|de|dessa|detta)", found or "den"):
        words = found.split()
        return f"{' '.join(words[:-1])} {antecedent}".strip() if len(words) > 1 else antecedent
    return found


def _measure(sentence: str, cue: Cue) -> str:
    head, tail = sentence[: cue.start], sentence[cue.end :]
    label = cue.label
    if cue.family in ("proposal", "decision", "assignment"):
        inner = re.search(r"\b(?:att|uppdrag\s+att|åt\s+[^,]+?\s+att)\s+(.*)$", tail, _I)
        rest = inner.group(1) if inner else tail
        wrapped = re.search(r"\b(?:i\s+uppdrag|uppdrar\s+åt\s+[^,]+?)\s+att\s+(.*)$", rest, _I)
        if wrapped:
            rest = wrapped.group(1)
        rest = re.sub(r"^(?:[\wåäöÅÄÖ-]+\s+){1,4}?(?:ska|skall)\s+", "", rest.strip())
        if not re.search(r"\w", rest) and re.search(r"\w", head):
            # "Delårsbokslut för 2016 godkänns.": a passive decision names its object first.
            return object_after(head)
        return _action_measure(rest)
    if cue.family == "demand":
        return _action_measure(tail)
    if label in ("ska", "kommer att", "avser att"):
        return _future_measure(sentence, cue, head, tail)
    if label == "framtagna":
        m = re.search(r"\b(?:framtagn\w*|resulterat\s+i)\s+(.*)$", sentence, _I)
        np = re.split(r"\s+(?:har|är|ska|kommer|var|blir)\b", m.group(1) if m else tail)[0]
        return object_after(np)
    if label == "genomför ett arbete":
        np = re.sub(r"^\w+\s+(?:nu\s+|även\s+)?", "", sentence[cue.start :])
        return work_measure(np) or object_after(np)
    if cue.family == "done" and label in ("har genomfört", "togs fram"):
        return _done_measure(sentence, cue, head, tail)
    return _subject_measure(sentence, cue, head, tail)


def _future_measure(sentence: str, cue: Cue, head: str, tail: str) -> str:
    """'X ska tas fram', 'kommer nämnden att utreda X', 'vi ska genomföra X'."""
    between = re.search(r"^kommer\s+(.+?)\s+att$", sentence[cue.start : cue.end].strip(), _I)
    verb, _ = verb_phrase(tail)
    if verb.split()[0].endswith("s") if verb else False:
        if between:
            subj = clean_np(between.group(1))
        else:
            subj = "" if fronted(head) else subject_before(head)
        return nominalise(verb, subj) if subj else ""
    if between is None and verb and not re.search(r"[aer]$", verb.split()[0]):
        np, pverb = inverted_np(tail)
        return nominalise(pverb, np) if pverb else np
    return _action_measure(tail)


def _done_measure(sentence: str, cue: Cue, head: str, tail: str) -> str:
    """'har genomfört X', 'X togs fram av förvaltningen': the work named by its verb."""
    verb_word = sentence[cue.start : cue.end].split()[-1].casefold()
    after = tail
    if cue.label == "togs fram":
        org = ORG.match(tail.strip())
        after = tail.strip()[org.end() :] if org else tail
    verb_key = verb_word
    part = re.match(r"^\s*(fram|in|upp|över)\b", after)
    if part:
        verb_key = f"{verb_word} {part.group(1)}"
        after = after[part.end() :]
    if cue.label == "togs fram" and not fronted(head) and subject_before(head):
        return subject_before(head)
    return nominalise(
        infinitive(verb_key.split()[0]) + ("" if not part else " " + part.group(1)),
        object_after(after),
    ) or subject_before(head)


def _subject_measure(sentence: str, cue: Cue, head: str, tail: str) -> str:
    """Progress, passive done and the rest: the subject, or the inverted subject after the cue."""
    subj = subject_before(head)
    if cue.label == "har genomförts":
        between_words = sentence[cue.start : cue.end].split()[1:-1]
        np = clean_np(" ".join(between_words))
        if np and fronted(head):
            return work_measure(np) or np
    after = re.sub(r"^\s*(?:det|även|också|nu)\s+", "", tail, flags=_I)
    if "påbörja" in sentence[cue.start : cue.end] and cue.family == "progress" and after.strip():
        return work_measure(after) or object_after(after)
    if subj and not fronted(head) and not re.fullmatch(r"(?i)det|den|detta|de", subj):
        return work_measure(subj) or subj
    return work_measure(after) or object_after(after) or subj


def _action_measure(rest: str) -> str:
    """Measure of a 'VERB OBJECT' clause, with 'se till att X' and 'arbeta för att X' unwrapped."""
    verb, obj = verb_phrase(rest)
    if verb in ("se till", "arbeta", "verka", "sträva") or not verb:
        m = re.match(r"^\s*(?:för\s+)?att\s+(.*)$", obj, _I)
        if m:
            return object_after(m.group(1))
    obj_np = object_after(obj)
    if (verb.split()[0:1] == ["ta"] and verb.endswith("fram")) or verb.split()[0:1] in (["tas"],):
        return obj_np
    return nominalise(verb, obj_np) or obj_np


_PAIRED = frozenset({"såväl", "både", "antingen", "varken"})
_EDGE_START = frozenset({"ADP", "SCONJ", "CCONJ", "PART", "PUNCT"})
_STATUS_WORDS = stopwords("status_word")
_EDGE_END = frozenset({"ADP", "SCONJ", "CCONJ", "PART", "PUNCT", "DET"})


def trim_edges(measure: str) -> str:
    """``measure`` without the joining words at its edges ("på att öka X och" -> "öka X").

    The spans are built so that they neither start nor end on such a word; a reading made
    by the rules, or a pronoun's stand-in, can, and a name of a measure never does.
    """
    words = measure.split()
    tagger = postag.load()
    if tagger is None or not words:
        return measure
    tags = tagger.tag(words)

    def joining(k: int, edge: frozenset[str]) -> bool:
        # Only a lower-case word or bare punctuation: '”Gula' opens a name, whatever its tag.
        # "såväl X som Y", "både X och Y": the first half of a pair belongs to the phrase.
        w = words[k]
        if w in _PAIRED:
            return False
        return (w.isalpha() and w.islower() and tags[k] in edge) or not any(c.isalnum() for c in w)

    i, j = 0, len(words)
    # "genomförda genomlysningen av X": the participle says how far it came, the status does too.
    while i < j and (joining(i, _EDGE_START) or (i < j - 1 and words[i] in _STATUS_WORDS)):
        i += 1
    while j > i and joining(j - 1, _EDGE_END):
        j -= 1
    return " ".join(words[i:j]).strip(" ,;:") if (i, j) != (0, len(words)) else measure


_CLAUSE_OPEN = re.compile(r"(?:\batt|[,:;])\s+$", _I)


def with_subject(measure: str, sentence: str) -> str:
    """A measure that opens on its passive verb gets the subject the clause gives it.

    "att brukningsavgiften höjs med 12 procent": the span "höjs med 12 procent" names no
    measure until it says what is raised.
    """
    words = measure.split()
    tagger = postag.load()
    at = sentence.find(measure)
    if tagger is None or not words or at <= 0 or not words[0].endswith("s"):
        return measure
    head = sentence[:at]
    clause = re.split(r"\batt\s+|[,:;]\s*", head)[-1].split()
    if not 1 <= len(clause) <= 5:
        return measure
    tags = tagger.tag([*clause, *words[:2]])
    if not tags[len(clause)].startswith(("VERB.Fin", "VERB.Inf.Pass")):
        return measure
    subject = tags[: len(clause)]
    if not any(t in ("NOUN", "PROPN") for t in subject) or any(
        t.startswith(("VERB", "AUX")) for t in subject
    ):
        return measure
    return f"{' '.join(clause)} {measure}"


_TOPIC = re.compile(
    r"^(?:när|vad)\s+det\s+gäller\s+((?:[\wåäö-]+\s+){0,3}?[\wåäö-]+?)"
    r"(?=\s*,|\s+(?:pågår|är|har|finns|så|kommer|ska|bedriver|arbetar)\b)",
    re.I,
)


def with_topic(measure: str, paragraph: str) -> str:
    """A bare noun measure gets the paragraph's topic: 'handlingsplan' -> '… för fältarbetet'.

    Council answers often open a paragraph with "När det gäller X" and then name measures
    without repeating X; the topic is what tells this plan from every other plan.
    """
    words = measure.split()
    if len(words) > 2 or (
        len(words) == 2 and words[0].casefold() not in ("en", "ett", "ny", "nya")
    ):
        return measure
    m = _TOPIC.match(paragraph)
    if not m or m.group(1).casefold() in measure.casefold():
        return measure
    return f"{words[-1]} för {m.group(1)}"
