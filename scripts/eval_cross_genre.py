"""Cross-genre and cross-source evaluation over corpus/gold: each group scored by models that never saw it.

Usage: python scripts/eval_cross_genre.py [--json] [--grouping genre|source|both] [--details FILE]

For each grouping (by genre: leave one genre out; by source: municipalities in ten folds, so
no municipality is on both sides), every learned component is trained on the other groups'
gold and the held-out group is extracted and scored with exactly the definitions of `lofte
evaluate`. The learned components are the document-type classifier (trained on the gold
doc_type of the training documents) and the commitment sentence scorer (trained on sentence
units labelled by the training documents' gold commitments, installed with the deployed
veto/rescue setting). Rules, word lists and the lexicon are fixed: they count as trained on
all data, and the output says so. The NER model is trained on an external corpus only.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import sys
import time
import warnings
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.eval import gold  # noqa: E402
from pipeline.eval.score import Report, jaccard, markdown_table, words  # noqa: E402
from pipeline.extract import commitment_model, commitments, measure_span  # noqa: E402
from pipeline.extract.output import to_schema  # noqa: E402
from pipeline.extract.sentences import split_units  # noqa: E402
from pipeline.extract.status import excluded, find_cues, main_cue  # noqa: E402
from pipeline.normalise import core as normalise  # noqa: E402
from pipeline.records import Ingested, Page  # noqa: E402
from pipeline.run.runner import process_path  # noqa: E402
from pipeline.structure import core as structure  # noqa: E402
from pipeline.structure import doctype  # noqa: E402

SOURCE_FOLDS = 10


@dataclass
class Thresholds:
    """Scorer settings other than the deployed ones, to measure them (--admit, --choose)."""

    admit: float | None = None  # None: the deployed admit setting
    choose: bool = False  # pick veto and admit per fold, without the held-out genre


TRY = Thresholds()
NOTE = (
    "Learned components (doc-type classifier, commitment scorer) are retrained without the "
    "held-out group; rules, cue tables and word lists are fixed and count as trained on all data."
)


def _trainer() -> Any:
    """The commitment trainer module (models/commitment/train_commitment.py), for its fit()."""
    return _script("commitment", "train_commitment")


def _measure_trainer() -> Any:
    """The measure-span trainer module (models/measure/train_measure.py), for its fit()."""
    return _script("measure", "train_measure")


@functools.cache
def _script(folder: str, name: str) -> Any:
    """A training script under models/, imported as a module."""
    path = ROOT / "models" / folder / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up while the class is made
    spec.loader.exec_module(mod)
    return mod


def unit_rows(doc: gold.GoldDoc) -> list[tuple[str, list[str], int, str]]:
    """(sentence, rule terms, label, gold status) per sentence unit; label 1 where a gold
    commitment matches (status: the best-matching commitment's, else "")."""
    rec = doc.record()
    text = normalise.normalise(Ingested([Page(1, doc.text(), "text")], source_format="text")).text
    with doctype.use_model(None):  # training views must not see the saved doc-type model
        st = structure.analyse(text)
    doc_type = rec.get("doc_type") or "other"
    gold_c = rec.get("commitments", [])
    gw = [words(c["sentence"]) for c in gold_c]
    out = []
    for _, sent, section in commitments.sentence_units(split_units(text), st):
        sw = words(sent)
        best = max(range(len(gw)), key=lambda k: jaccard(sw, gw[k]), default=None)
        hit = best is not None and jaccard(sw, gw[best]) >= 0.5
        label = int(hit)
        status = str(gold_c[best].get("status") or "") if hit and best is not None else ""
        cues = find_cues(sent, doc_type)
        cue = main_cue(cues) if cues else None
        rules = commitment_model.rule_terms(
            doc_type,
            section,
            cue.family if cue else None,
            cue.label if cue else None,
            excluded(sent, doc_type),
            sent,
        )
        out.append((sent, rules, label, status))
    return out


def train(
    docs: list[gold.GoldDoc], rows: dict[str, list[tuple[str, list[str], int, str]]]
) -> dict[str, Any]:
    """Every learned component, fitted on ``docs`` only."""
    deployed = commitment_model.load()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dt = doctype.build_model().fit(
            [d.text() for d in docs], [d.record().get("doc_type") or "other" for d in docs]
        )
    flat = [r for d in docs for r in rows[d.doc_id]]
    scorer = None
    if len({r[2] for r in flat}) == 2:
        data = _trainer().fit([r[0] for r in flat], [r[1] for r in flat], [r[2] for r in flat])
        data["veto"] = deployed.veto if deployed else 0.0
        data["rescue"] = deployed.rescue if deployed else None
        data["admit"] = (
            TRY.admit if TRY.admit is not None else (deployed.admit if deployed else None)
        )
        if TRY.choose:
            by_genre: dict[str, list[Any]] = defaultdict(list)
            for d in docs:
                by_genre[d.genre].extend(rows[d.doc_id])
            data["veto"], data["admit"] = _trainer().choose_thresholds(list(by_genre.values()))
            print(
                f"  thresholds without the held-out genre: veto {data['veto']}, "
                f"admit {data['admit']}",
                file=sys.stderr,
            )
        pos = [r for r in flat if r[2] and r[3]]
        if pos:
            data["status"] = _trainer().fit_status(
                [r[0] for r in pos], [r[1] for r in pos], [r[3] for r in pos]
            )
        scorer = commitment_model.LinearScorer(data)
    ranker = _measure_trainer().fit(_measure_trainer().examples(docs))
    return {"doctype": dt, "commitment": scorer, "measure": ranker}


@contextmanager
def installed(models: dict[str, Any]) -> Iterator[None]:
    """Use the fold's models for extraction inside the block."""
    commitments.set_model(models["commitment"])
    measure_span.set_ranker(models["measure"])
    try:
        with doctype.use_model(models["doctype"]):
            yield
    finally:
        commitments.set_model()
        measure_span.set_ranker()


def folds(docs: list[gold.GoldDoc], grouping: str) -> list[tuple[str, list[gold.GoldDoc]]]:
    """(group name, held-out documents) for one grouping."""
    if grouping == "genre":
        by: dict[str, list[gold.GoldDoc]] = defaultdict(list)
        for d in docs:
            by[d.genre].append(d)
        return sorted(by.items())
    # Municipalities, largest first, dealt into folds of about equal size.
    by_muni: dict[str, list[gold.GoldDoc]] = defaultdict(list)
    for d in docs:
        by_muni[d.municipality].append(d)
    bins: list[list[gold.GoldDoc]] = [[] for _ in range(SOURCE_FOLDS)]
    for _, ds in sorted(by_muni.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        min(bins, key=len).extend(ds)
    return [(f"fold{i + 1:02d}", b) for i, b in enumerate(bins)]


def run(
    docs: list[gold.GoldDoc], grouping: str, rows: dict[str, Any]
) -> tuple[Report, dict[str, Report], list[dict[str, Any]]]:
    """Score every held-out group of one grouping; (overall, per group, per-document detail)."""
    overall = Report()
    per_group: dict[str, Report] = {}
    detail: list[dict[str, Any]] = []
    for name, held in folds(docs, grouping):
        held_ids = {d.doc_id for d in held}
        models = train([d for d in docs if d.doc_id not in held_ids], rows)
        rep = Report()
        with installed(models):
            for d in held:
                doc = process_path(d.text_path)
                pred, g = to_schema(doc), d.record()
                rep.add(pred, g)
                overall.add(pred, g)
                # cue and confidence are not in the SCHEMA record; the detail keeps them per row
                cues = (
                    [(c.cue, c.confidence) for c in doc.extraction.commitments]
                    if doc.extraction
                    else []
                )
                detail.append(
                    {**rep.per_doc[-1], "genre": d.genre, "group": name, "pred": pred, "cues": cues}
                )
        per_group[name] = rep
    return overall, per_group, detail


TABLE_KEYS = [
    "docs",
    "commitments",
    "commit_P",
    "commit_R",
    "commit_F1",
    "forward_R",
    "status_acc",
    "measure_ok",
    "responsible_acc",
    "deadline_exact",
    "doc_type_acc",
    "date_acc",
    "title_acc",
]


def table(title: str, per_group: dict[str, Report], overall: Report) -> str:
    """A markdown table: one row per held-out group, then all."""
    body = markdown_table([*per_group.items(), ("**all**", overall)], TABLE_KEYS)
    return f"### {title}\n\n{body}"


def main(argv: list[str] | None = None) -> int:
    """Run the groupings and print tables (or the JSON summary)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--json", action="store_true", help="print the overall figures as one JSON object"
    )
    ap.add_argument("--grouping", choices=("genre", "source", "both"), default="both")
    ap.add_argument("--details", type=Path, help="write per-document detail (JSON lines) here")
    ap.add_argument(
        "--admit",
        type=float,
        metavar="P",
        help="admit sentences with no cue at P(commitment) >= P (default: the deployed setting)",
    )
    ap.add_argument(
        "--choose",
        action="store_true",
        help="choose veto and admit by leave-one-genre-out inside each training fold",
    )
    a = ap.parse_args(argv)
    TRY.admit, TRY.choose = a.admit, a.choose
    t0 = time.perf_counter()
    docs = gold.load()
    if not docs:
        print("no gold records in corpus/gold", file=sys.stderr)
        return 1
    rows = {d.doc_id: unit_rows(d) for d in docs}
    groupings = ["genre", "source"] if a.grouping == "both" else [a.grouping]
    results = {g: run(docs, g, rows) for g in groupings}
    if a.details:
        with a.details.open("w", encoding="utf-8") as fh:
            for g, (_, _, detail) in results.items():
                for row in detail:
                    fh.write(
                        json.dumps({"grouping": g, **row}, ensure_ascii=False, default=str) + "\n"
                    )
    first = groupings[0]
    overall, per_group, _ = results[first]
    if a.json:
        out: dict[str, Any] = {**overall.summary(), "grouping": first}
        out[f"by_{first}"] = {k: r.summary() for k, r in per_group.items()}
        for g in groupings[1:]:
            out[f"by_{g}_overall"] = results[g][0].summary()
        out["note"] = NOTE
        print(json.dumps(out, ensure_ascii=False))
        return 0
    print(NOTE)
    for g in groupings:
        ov, pg, _ = results[g]
        title = (
            "Leave one genre out"
            if g == "genre"
            else f"Leave municipalities out ({SOURCE_FOLDS} folds)"
        )
        print()
        print(table(title, pg, ov))
    print(f"\n{len(docs)} documents, {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
