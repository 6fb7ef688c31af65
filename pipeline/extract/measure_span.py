"""The measure as a span of its sentence, chosen by a ranker trained on the gold measures."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline import paths
from pipeline.extract.measure_phrase import trim_edges
from pipeline.extract.noun_phrases import CREATIVE, NOMINAL
from pipeline.lang import postag
from pipeline.lexicon.rejects import unusable

_TOKEN = re.compile(r"[\wåäöÅÄÖé/%-]+")
# Longest span tried, and the window around the cue it is looked for in: gold measures are
# short noun phrases (7.7 words on average), and long sentences would make ranking quadratic.
MAX_LEN = 14
BEFORE, AFTER = 24, 40
MODEL_PATH = paths.MODELS / "measure" / "model.json"
VERSION = 1


# A measure is a noun phrase or an action with its object: it holds no finite verb, and it
# neither starts nor ends on a word that only joins or introduces.
_CLAUSE = ("AUX", "VERB.Fin", "VERB.Sup")
_NO_START = frozenset({"CCONJ", "SCONJ", "PUNCT", "AUX.Fin", "PART", "ADP"})
_NO_END = frozenset({"ADP", "CCONJ", "SCONJ", "DET", "PART", "PUNCT", "PRON"})
_CONTENT = frozenset({"NOUN", "PROPN", "VERB.Inf", "VERB.Inf.Pass"})


@dataclass(frozen=True)
class Span:
    """One candidate measure: its text, its token bounds and the features it is ranked by."""

    text: str
    first: int
    last: int
    features: tuple[str, ...]


def tokens(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, casefolded word) of each word of ``sentence``."""
    return [(m.start(), m.end(), m.group(0).casefold()) for m in _TOKEN.finditer(sentence)]


def _bucket(n: int) -> str:
    for top, name in ((0, "0"), (1, "1"), (2, "2"), (4, "3-4"), (8, "5-8"), (16, "9-16")):
        if n <= top:
            return name
    return "17+"


def _action_noun(toks: list[tuple[int, int, str]], i: int) -> str:
    """The action noun of the verb right before token ``i`` ("utreda X" -> "utredning")."""
    for k in (2, 1):
        if i - k < 0:
            continue
        key = " ".join(t[2] for t in toks[i - k : i])
        noun = NOMINAL.get(key, "")
        if noun and not noun.endswith(" hos") and key.split()[0] not in CREATIVE:
            return noun
    return ""


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _overlap(a: set[str], b: set[str]) -> str:
    """How much of the rule reading a span shares, as a coarse bucket."""
    if not a or not b:
        return "none"
    j = len(a & b) / len(a | b)
    return "1" if j == 1 else "hi" if j >= 0.5 else "lo" if j > 0 else "0"


def _gap_marks(sentence: str, a: int, b: int) -> str:
    """The punctuation between two character offsets, reduced to the marks that bound clauses."""
    return "".join(ch for ch in sentence[a:b] if ch in ",;:()–-")[:2] or "_"


@dataclass
class _View:
    """A sentence read once for ranking: words, tags, and where the cue, item and date sit."""

    sentence: str
    toks: list[tuple[int, int, str]]
    tags: list[str]
    family: str
    rule_words: set[str]
    cue_first: int  # first token of the cue
    cue_last: int  # first token after the cue
    item_tok: int  # first token of the list item; -1: no item
    sub: list[bool]  # inside a subordinate clause that opens before the cue
    blocked: list[bool]  # part of the deadline expression

    def tag(self, k: int) -> str:
        """The tag of token ``k``, with sentence bounds outside."""
        return self.tags[k] if 0 <= k < len(self.tags) else "<s>" if k < 0 else "</s>"

    def word(self, k: int) -> str:
        """The casefolded word ``k``, with sentence bounds outside."""
        return self.toks[k][2] if 0 <= k < len(self.toks) else "<s>" if k < 0 else "</s>"

    def marks(self, k: int) -> str:
        """Clause punctuation between token ``k`` and the next."""
        if k < 0 or k + 1 >= len(self.toks):
            return "<s>" if k < 0 else "</s>"
        return _gap_marks(self.sentence, self.toks[k][1], self.toks[k + 1][0])


def _view(
    sentence: str, cue_start: int, cue_end: int, family: str, rule: str, item: int, deadline: str
) -> _View:
    toks = tokens(sentence)
    tagger = postag.load()
    tags = tagger.tag([sentence[a:b] for a, b, _ in toks]) if tagger else ["X"] * len(toks)
    at = sentence.find(deadline) if deadline else -1
    blocked = [at >= 0 and a >= at and b <= at + len(deadline) for a, b, _ in toks]
    cue_first = next((k for k, t in enumerate(toks) if t[1] > cue_start), len(toks))
    cue_last = next((k for k, t in enumerate(toks) if t[0] >= cue_end), len(toks))
    item_tok = next((k for k, t in enumerate(toks) if t[0] >= item), len(toks)) if item else -1
    # A subordinator opening a clause before the cue ("Om det är möjligt att använda X …,
    # skall Y utformas"): the measure is the main clause's, so the ranker is told.
    sub, open_sub = [False] * len(toks), False
    for k, t in enumerate(toks[:cue_first]):
        if k and "," in sentence[toks[k - 1][1] : t[0]]:
            open_sub = False
        open_sub = open_sub or (tags[k] == "SCONJ" and t[2] != "att")
        sub[k] = open_sub
    return _View(
        sentence, toks, tags, family, _words(rule), cue_first, cue_last, item_tok, sub, blocked
    )


def _relation(v: _View, i: int, j: int) -> tuple[str, str]:
    """Where span i..j lies against the cue, and against the list item."""
    if i >= v.cue_last:
        rel = "after" + _bucket(i - v.cue_last)
    elif j < v.cue_first:
        rel = "before" + _bucket(v.cue_first - j - 1)
    else:
        rel = "holds"
    if v.item_tok < 0:
        zone = "plain"
    elif i >= v.item_tok:
        zone = "item" + _bucket(i - v.item_tok)
    else:
        zone = "lead" if j < v.item_tok else "across"
    return rel, zone


def _features(v: _View, i: int, j: int, text: str, inner: str) -> tuple[str, ...]:
    """The ranking features of span i..j: its edges, context, tags and relations."""
    first, last, before, after = v.word(i), v.word(j), v.word(i - 1), v.word(j + 1)
    tf, tl, tb, ta = v.tag(i), v.tag(j), v.tag(i - 1), v.tag(j + 1)
    mb, ma, n = v.marks(i - 1), v.marks(j), _bucket(j - i + 1)
    rel, zone = _relation(v, i, j)
    verbs = min(2, sum(t.startswith(("VERB.Fin", "AUX")) for t in v.tags[i : j + 1]))
    return (
        f"f={first}", f"l={last}", f"b={before}", f"a={after}",
        f"fs={first[-3:]}", f"ls={last[-3:]}", f"bs={before[-2:]}", f"as={after[-2:]}",
        f"mb={mb}", f"ma={ma}", f"mba={mb}|{ma}", f"in={''.join(sorted(set(inner)))[:3] or '_'}",
        f"n={n}", f"rel={rel}", f"famrel={v.family}:{rel}", f"reln={rel}:{n}",
        f"bf={before}|{first}", f"la={last}|{after}", f"relf={rel}:{first}", f"relb={rel}:{before}",
        f"rule={_overlap(_words(text), v.rule_words)}",
        f"zone={zone}", f"zonef={zone}:{first}", f"zonen={zone}:{n}:{ma}",
        f"sub={v.sub[i]}:{rel[:5]}",
        f"year={any(_YEAR.fullmatch(t[2]) for t in v.toks[i : j + 1])}",
        f"tf={tf}", f"tl={tl}", f"tb={tb}", f"ta={ta}", f"tfl={tf}|{tl}", f"tbf={tb}|{tf}",
        f"tla={tl}|{ta}", f"tzone={zone}:{tf}:{tl}", f"trel={rel}:{tb}:{tf}", f"verbs={verbs}",
    )  # fmt: skip


def candidates(
    sentence: str,
    cue_start: int,
    cue_end: int,
    family: str,
    rule: str,
    item: int = 0,
    deadline: str = "",
) -> list[Span]:
    """Every span near the cue, and the rule's reading, each with its ranking features.

    ``item`` is where a list item starts after its lead-in (0: the sentence is no item);
    ``deadline`` is the sentence's time expression, which no span may take in.
    """
    v = _view(sentence, cue_start, cue_end, family, rule, item, deadline)
    lo, hi = max(0, v.cue_first - BEFORE), min(len(v.toks), v.cue_last + AFTER)
    out: list[Span] = []
    for i in range(lo, hi):
        if v.tags[i] in _NO_START:
            continue
        nom = _action_noun(v.toks, i)
        inner = ""
        for j in range(i, min(hi, i + MAX_LEN)):
            if j > i:
                inner += v.marks(j - 1).strip("_")
            if v.tags[j].startswith(_CLAUSE) or (j > i and v.tags[j].startswith("VERB")):
                break  # a measure names a thing, or an action by its opening verb: no clause
            if v.blocked[j]:
                break  # the deadline is reported on its own, not inside the measure
            if v.tags[j] in _NO_END or v.tags[j].startswith("VERB"):
                continue
            if not any(t in _CONTENT for t in v.tags[i : j + 1]):
                continue  # "det", "Vi", "1": no noun and no action, so no name of a measure
            text = sentence[v.toks[i][0] : v.toks[j][1]]
            feats = _features(v, i, j, text, inner)
            out.append(Span(text, i, j, feats))
            if nom:
                out.append(Span(f"{nom} av {text}", i, j, (*feats, "nom=1", f"nomf={v.tags[i]}")))
    if rule.strip():
        rule_feats = ("cand=rule", f"fam={family}", f"rn={_bucket(len(v.rule_words))}")
        out.append(Span(rule, -1, -1, rule_feats))
    return out


_YEAR = re.compile(r"(?:19|20)\d\d")


class SpanRanker:
    """A linear ranker over span features; the highest-scoring candidate is the measure."""

    def __init__(self, data: dict) -> None:
        self.weights: dict[str, float] = data["weights"]
        self.version = int(data.get("version", VERSION))

    def score(self, span: Span) -> float:
        """The span's score (a logit: higher reads more like a gold measure)."""
        w = self.weights
        return sum(w.get(f, 0.0) for f in span.features)

    def choose(
        self,
        sentence: str,
        cue_start: int,
        cue_end: int,
        family: str,
        rule: str,
        item: int = 0,
        deadline: str = "",
    ) -> str:
        """The best-ranked measure of ``sentence`` that can name one (lexicon/rejects.py).

        The best-ranked span of all when none can; the rule's reading if nothing is found.
        """
        cands = candidates(sentence, cue_start, cue_end, family, rule, item, deadline)
        if not cands:
            return rule
        # Trimmed one at a time, best first: most often the first span can name a measure.
        first = None
        for c in sorted(cands, key=self.score, reverse=True):
            text = trim_edges(c.text.strip(" ,.:;"))
            if first is None:
                first = text
            if text and unusable(text) is None:
                return text
        return first or rule

    def save(self, path: Path = MODEL_PATH) -> None:
        """Write the weights as JSON (sorted, so a retrain on the same data gives the same file)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": self.version, "weights": dict(sorted(self.weights.items()))}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


@functools.cache
def load(path: Path = MODEL_PATH) -> SpanRanker | None:
    """The trained ranker, read once per process; None if the file is missing or broken."""
    try:
        return SpanRanker(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


# "default": the saved ranker; None: the rules' measure alone; or a ranker being evaluated.
_ranker: SpanRanker | str | None = "default"


def set_ranker(ranker: SpanRanker | str | None = "default") -> None:
    """Use ``ranker`` to choose measures (None: the rules alone; "default": the saved one)."""
    global _ranker
    _ranker = ranker


def active_ranker() -> SpanRanker | None:
    """The ranker in use, or None when measures come from the rules alone."""
    return load() if isinstance(_ranker, str) else _ranker
