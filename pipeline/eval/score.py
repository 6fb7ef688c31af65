"""Score SCHEMA.md predictions against gold annotations with the project's fixed metrics."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

_WORD = re.compile(r"\w+")
ACTOR_KINDS = ("person", "organisation", "place")


def words(text: str | None) -> set[str]:
    """Casefolded word set used by the sentence and measure matching."""
    return set(_WORD.findall((text or "").casefold()))


def jaccard(a: set[str], b: set[str]) -> float:
    """Token Jaccard similarity; two empty sets are not similar."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def name_ratio(a: str, b: str) -> float:
    """Casefolded difflib ratio between two actor names."""
    return difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio()


def title_agrees(pred: str | None, gold: str | None) -> bool:
    """Both say there is no title, or they share at least half their words (Jaccard >= 0.5)."""
    if not pred and not gold:
        return True
    return jaccard(words(pred), words(gold)) >= 0.5


def greedy_match(
    pred: Sequence[Any], gold: Sequence[Any], score: Callable[[Any, Any], float], threshold: float
) -> list[tuple[int, int, float]]:
    """One-to-one matching, best pair first, keeping pairs scoring at least ``threshold``."""
    pairs = [
        (s, i, j)
        for i, p in enumerate(pred)
        for j, g in enumerate(gold)
        if (s := score(p, g)) >= threshold
    ]
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for s, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j, s))
    return out


def measure_agrees(pred: str | None, gold: str | None) -> bool:
    """A measure phrase agrees when its token Jaccard with the gold phrase is at least 0.5."""
    return jaccard(words(pred), words(gold)) >= 0.5


def responsible_agrees(pred: str | None, gold: str | None) -> bool:
    """Both empty, or the same actor by name ratio >= 0.8 or token Jaccard >= 0.5."""
    p, g = (pred or "").strip(), (gold or "").strip()
    if not p or not g:
        return not p and not g
    return name_ratio(p, g) >= 0.8 or jaccard(words(p), words(g)) >= 0.5


@dataclass
class Counts:
    """Running tallies over all documents (micro-averaged)."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1 (0 where undefined)."""
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class Report:
    """Everything `lofte evaluate` prints, plus per-document detail."""

    docs: int = 0
    commitments: Counts = field(default_factory=Counts)
    neutral: int = 0
    forward_gold: int = 0
    forward_found: int = 0
    status_pairs: int = 0
    status_ok: int = 0
    deadline_pairs: int = 0
    deadline_ok: int = 0
    actors: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in ACTOR_KINDS})
    party_pairs: int = 0
    party_ok: int = 0
    doc_type_ok: int = 0
    date_ok: int = 0
    title_ok: int = 0
    measure_ok: int = 0
    responsible_ok: int = 0
    per_doc: list[dict[str, Any]] = field(default_factory=list)

    def add(self, pred: dict[str, Any], gold: dict[str, Any]) -> None:
        """Score one document's prediction against its gold record."""
        self.docs += 1
        detail: dict[str, Any] = {"doc_id": gold.get("doc_id")}
        self._commitments(pred.get("commitments", []), gold.get("commitments", []), detail)
        self._actors(pred.get("actors", []), gold.get("actors", []), detail)
        detail["doc_type"] = (pred.get("doc_type"), gold.get("doc_type"))
        detail["date"] = (pred.get("date"), gold.get("date"))
        self.doc_type_ok += pred.get("doc_type") == gold.get("doc_type")
        self.date_ok += pred.get("date") == gold.get("date")
        detail["title"] = (pred.get("title"), gold.get("title"))
        self.title_ok += title_agrees(pred.get("title"), gold.get("title"))
        self.per_doc.append(detail)

    def _commitments(self, pred: list[dict], gold: list[dict], detail: dict[str, Any]) -> None:
        pw = [words(p.get("sentence")) for p in pred]
        gw = [words(g.get("sentence")) for g in gold]
        matches = greedy_match(
            range(len(pred)), range(len(gold)), lambda i, j: jaccard(pw[i], gw[j]), 0.5
        )
        matched_p = {i for i, _, _ in matches}
        matched_g = {j for _, j, _ in matches}
        gold_measures = [words(g.get("measure")) for g in gold]
        neutral = sum(
            1
            for i, p in enumerate(pred)
            if i not in matched_p
            and any(jaccard(words(p.get("measure")), gm) >= 0.6 for gm in gold_measures)
        )
        self.neutral += neutral
        c = self.commitments
        c.tp += len(matches)
        c.n_pred += len(pred) - neutral
        c.n_gold += len(gold)
        for j, g in enumerate(gold):
            if g.get("status") in ("proposed", "pledged"):
                self.forward_gold += 1
                self.forward_found += j in matched_g
        for i, j, _ in matches:
            p, g = pred[i], gold[j]
            self.status_pairs += 1
            self.status_ok += p.get("status") == g.get("status")
            self.measure_ok += measure_agrees(p.get("measure"), g.get("measure"))
            self.responsible_ok += responsible_agrees(p.get("responsible"), g.get("responsible"))
            gd = g.get("deadline") or {}
            if gd.get("start") or gd.get("end"):
                pd = p.get("deadline") or {}
                self.deadline_pairs += 1
                self.deadline_ok += (pd.get("start"), pd.get("end")) == (
                    gd.get("start"),
                    gd.get("end"),
                )
        detail["status_wrong"] = [
            (g["sentence"], p.get("status"), g.get("status"))
            for i, j, _ in matches
            if (p := pred[i]).get("status") != (g := gold[j]).get("status")
        ]
        detail["missed"] = [gold[j]["sentence"] for j in range(len(gold)) if j not in matched_g]
        detail["spurious"] = [pred[i]["sentence"] for i in range(len(pred)) if i not in matched_p]

    def _actors(self, pred: list[dict], gold: list[dict], detail: dict[str, Any]) -> None:
        for kind in ACTOR_KINDS:
            pk = [a for a in pred if a.get("kind") == kind]
            gk = [a for a in gold if a.get("kind") == kind]
            matches = greedy_match(pk, gk, lambda a, b: name_ratio(a["name"], b["name"]), 0.85)
            c = self.actors[kind]
            c.tp += len(matches)
            c.n_pred += len(pk)
            c.n_gold += len(gk)
            mp = {i for i, _, _ in matches}
            mg = {j for _, j, _ in matches}
            detail[f"{kind}_missed"] = [g["name"] for j, g in enumerate(gk) if j not in mg]
            detail[f"{kind}_spurious"] = [p["name"] for i, p in enumerate(pk) if i not in mp]
            if kind == "person":
                for i, j, _ in matches:
                    if gk[j].get("party"):
                        self.party_pairs += 1
                        self.party_ok += (pk[i].get("party") or "").upper() == gk[j][
                            "party"
                        ].upper()

    def rows(self) -> list[tuple[str, str, str]]:
        """(metric, value, support) rows in the order they are printed."""

        def ratio(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "n/a"

        def share(name: str, ok: int, n: int) -> tuple[str, str, str]:
            return (name, ratio(ok, n), f"{ok}/{n}")

        p, r, f = self.commitments.prf()
        c = self.commitments
        out = [
            ("documents", str(self.docs), ""),
            ("commitment precision", f"{p:.3f}", f"{c.tp}/{c.n_pred} ({self.neutral} neutral)"),
            ("commitment recall", f"{r:.3f}", f"{c.tp}/{c.n_gold}"),
            ("commitment F1", f"{f:.3f}", ""),
            share("forward recall (proposed+pledged)", self.forward_found, self.forward_gold),
            share("status accuracy", self.status_ok, self.status_pairs),
            share("deadline exact", self.deadline_ok, self.deadline_pairs),
            share("measure agrees (Jaccard >= 0.5)", self.measure_ok, self.status_pairs),
            share("responsible agrees", self.responsible_ok, self.status_pairs),
        ]
        for kind in ACTOR_KINDS:
            ap, ar, af = self.actors[kind].prf()
            k = self.actors[kind]
            out.append(
                (
                    f"{kind} P / R / F1",
                    f"{ap:.3f} / {ar:.3f} / {af:.3f}",
                    f"{k.tp}/{k.n_pred} pred, {k.n_gold} gold",
                )
            )
        out += [
            share("party accuracy", self.party_ok, self.party_pairs),
            share("doc_type accuracy", self.doc_type_ok, self.docs),
            share("date accuracy", self.date_ok, self.docs),
            share("title accuracy", self.title_ok, self.docs),
        ]
        return out

    def summary(self) -> dict[str, float | int | None]:
        """The headline figures as one flat dictionary (the keys of ``eval_cross_genre --json``)."""

        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        p, r, f = self.commitments.prf()
        return {
            "commit_P": round(p, 3),
            "commit_R": round(r, 3),
            "commit_F1": round(f, 3),
            "forward_R": ratio(self.forward_found, self.forward_gold),
            "status_acc": ratio(self.status_ok, self.status_pairs),
            "deadline_exact": ratio(self.deadline_ok, self.deadline_pairs),
            "measure_ok": ratio(self.measure_ok, self.status_pairs),
            "responsible_acc": ratio(self.responsible_ok, self.status_pairs),
            "doc_type_acc": ratio(self.doc_type_ok, self.docs),
            "date_acc": ratio(self.date_ok, self.docs),
            "title_acc": ratio(self.title_ok, self.docs),
            "person_F1": round(self.actors["person"].prf()[2], 3),
            "organisation_F1": round(self.actors["organisation"].prf()[2], 3),
            "docs": self.docs,
            "commitments": self.commitments.n_gold,
        }

    def table(self) -> str:
        """The fixed-width table printed by `lofte evaluate`."""
        rows = self.rows()
        w0 = max(len(r[0]) for r in rows)
        w1 = max(len(r[1]) for r in rows)
        lines = [f"{'metric':<{w0}}  {'value':>{w1}}  support", "-" * (w0 + w1 + 30)]
        lines += [f"{a:<{w0}}  {b:>{w1}}  {c}" for a, b, c in rows]
        return "\n".join(lines)


def markdown_table(groups: Iterable[tuple[str, Report]], keys: Sequence[str]) -> str:
    """A markdown table of ``summary()`` figures: one row per (name, report)."""
    lines = ["| group | " + " | ".join(keys) + " |", "|---" * (len(keys) + 1) + "|"]
    for name, rep in groups:
        s = rep.summary()
        lines.append(
            f"| {name} | " + " | ".join("–" if s[k] is None else str(s[k]) for k in keys) + " |"
        )
    return "\n".join(lines)


def score(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> Report:
    """Score (prediction, gold) record pairs."""
    report = Report()
    for pred, gold in pairs:
        report.add(pred, gold)
    return report
