"""Accept the current extraction as the golden files: tests/golden/extract/<doc_id>.json and evaluate.json.

Usage: python scripts/update_golden.py
Run it only after reading the diff that tests/test_golden.py prints, when the change is meant.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import api  # noqa: E402
from pipeline.eval import gold  # noqa: E402
from pipeline.eval.score import Report  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"


def dumps(record: object) -> str:
    """The stored form of a record: sorted keys, two-space indent, Swedish letters as they are."""
    return json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> int:
    """Extract every gold document and write its record and the overall scores."""
    out = GOLDEN / "extract"
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.json"):
        old.unlink()
    report = Report()
    for doc in gold.load():
        pred = api.extract_file(doc.text_path)
        (out / f"{doc.doc_id}.json").write_text(dumps(pred), encoding="utf-8")
        report.add(pred, doc.record())
    (GOLDEN / "evaluate.json").write_text(dumps(report.summary()), encoding="utf-8")
    print(f"wrote {report.docs} golden records; {json.dumps(report.summary())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
