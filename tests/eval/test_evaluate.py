"""The scorer implements the issue's fixed metric definitions."""

from __future__ import annotations

from pipeline.eval.score import score


def _c(
    sentence: str, measure: str = "m", status: str = "pledged", deadline: dict | None = None
) -> dict:
    return {
        "sentence": sentence,
        "measure": measure,
        "status": status,
        "deadline": deadline,
        "responsible": None,
    }


def _doc(commitments: list[dict], actors: list[dict] | None = None, **kw: object) -> dict:
    return {
        "doc_id": "d",
        "doc_type": "motion",
        "date": None,
        "actors": actors or [],
        "commitments": commitments,
        **kw,
    }


def test_sentences_match_by_jaccard_one_to_one() -> None:
    gold = _doc([_c("En handlingsplan ska tas fram under 2024.", measure="handlingsplan")])
    pred = _doc(
        [
            _c("en handlingsplan ska tas fram under 2024", measure="handlingsplan"),
            _c("en handlingsplan ska tas fram", measure="annat"),
        ]
    )
    r = score([(pred, gold)])
    assert r.commitments.tp == 1
    assert r.commitments.n_pred == 2  # the second is unmatched and its measure differs
    p, rec, _ = r.commitments.prf()
    assert (p, rec) == (0.5, 1.0)


def test_restated_measure_is_neutral() -> None:
    gold = _doc([_c("A ska göra en plan för fältarbetet.", measure="plan för fältarbetet")])
    pred = _doc(
        [
            _c("A ska göra en plan för fältarbetet.", measure="plan för fältarbetet"),
            _c("Helt annan mening om något.", measure="plan för fältarbetet"),
        ]
    )
    r = score([(pred, gold)])
    assert r.neutral == 1
    assert r.commitments.prf()[0] == 1.0


def test_status_deadline_and_forward_recall() -> None:
    dl = {"text": "under 2024", "start": "2024-01-01", "end": "2024-12-31"}
    gold = _doc(
        [
            _c("Planen ska tas fram under 2024.", deadline=dl),
            _c("Arbetet pågår nu i staden.", status="in_progress"),
        ]
    )
    pred = _doc(
        [
            _c(
                "Planen ska tas fram under 2024.",
                status="proposed",
                deadline={"text": "2024", "start": "2024-01-01", "end": "2024-12-31"},
            )
        ]
    )
    r = score([(pred, gold)])
    assert (r.forward_found, r.forward_gold) == (1, 1)
    assert (r.status_ok, r.status_pairs) == (0, 1)
    assert (r.deadline_ok, r.deadline_pairs) == (1, 1)


def test_actor_matching_by_name_ratio_and_party() -> None:
    gold = _doc(
        [],
        [
            {"name": "Jan Jönsson", "kind": "person", "party": "L"},
            {"name": "Utbildningsnämnden", "kind": "organisation", "party": None},
        ],
    )
    pred = _doc(
        [],
        [
            {"name": "jan jönsson", "kind": "person", "party": "S"},
            {"name": "utbildningsnämnd", "kind": "organisation", "party": None},
            {"name": "Skärholmen", "kind": "place", "party": None},
        ],
    )
    r = score([(pred, gold)])
    assert r.actors["person"].tp == 1 and r.party_pairs == 1 and r.party_ok == 0
    assert r.actors["organisation"].tp == 1
    assert r.actors["place"].n_pred == 1 and r.actors["place"].tp == 0
    assert "commitment F1" in r.table()


def test_measure_and_responsible_agreement_are_scored_on_matched_commitments() -> None:
    from pipeline.eval.score import measure_agrees, responsible_agrees, score

    assert measure_agrees("handlingsplan för fältarbetet", "en handlingsplan för fältarbetet")
    assert not measure_agrees("Vi", "handlingsplan för fältarbetet")
    assert responsible_agrees(None, None)
    assert responsible_agrees("Kulturnämnden", "kulturnämnden")
    assert not responsible_agrees("Kulturnämnden", None)
    assert not responsible_agrees("polisen", "Tekniska nämnden")
    s = "Kulturnämnden ska ta fram en handlingsplan för fältarbetet under 2024."
    gold = {
        "commitments": [
            {
                "sentence": s,
                "measure": "handlingsplan för fältarbetet",
                "responsible": "Kulturnämnden",
                "status": "pledged",
            }
        ]
    }
    pred = {
        "commitments": [
            {
                "sentence": s,
                "measure": "Kulturnämnden",
                "responsible": "kulturnämnden",
                "status": "pledged",
            }
        ]
    }
    summary = score([(pred, gold)]).summary()
    assert summary["measure_ok"] == 0.0
    assert summary["responsible_acc"] == 1.0
    assert summary["commit_F1"] == 1.0


def test_a_title_agrees_when_half_its_words_are_the_gold_ones_or_both_have_none() -> None:
    gold = [
        _doc([], title="Handlingsplan för fältarbete i Skärholmen"),
        _doc([], title="Handlingsplan för fältarbete i Skärholmen"),
        _doc([], title=None),
        _doc([], title=None),
    ]
    pred = [
        _doc([], title="Handlingsplan för fältarbete"),
        _doc([], title="Val av justerare"),
        _doc([], title=None),
        _doc([], title="Kakor (cookies)"),
    ]
    assert score(zip(pred, gold, strict=True)).summary()["title_acc"] == 0.5
