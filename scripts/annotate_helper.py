"""Split corpus_real documents into candidate sentences and append hand labels to the TSV.

Annotation aid only; it reads ../shared/corpus_real (shared, read-only material) and is
never used at run time. Labels are written by a person in a small spec file; this script
only splits, checks that every unit occurs in the source, and writes rows.

Usage:
    annotate_helper.py split DOC_ID [--soft]   # write and print numbered candidates
    annotate_helper.py merge DOC_ID N [N ...]  # join unit N with N+1 (wrapped lines)
    annotate_helper.py cut DOC_ID N MARKER...  # cut unit N before each marker
    annotate_helper.py emit DOC_ID SPEC_FILE   # merge candidates + spec into sentences.tsv

Spec lines: ``N | 1 | status | measure | responsible | deadline_text`` for a commitment,
``N | 0 | note`` for a non-commitment; ``N`` may be a range ``3-7``. Unlisted units get 0.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from pipeline.eval.devpaths import CORPUS_REAL
from pipeline.records import STATUSES as RECORD_STATUSES

CORPUS = CORPUS_REAL
WORK = Path("/tmp/ann/cands")
TSV = Path(__file__).resolve().parent.parent / "corpus" / "annotations" / "sentences.tsv"
HEADER = [
    "doc_id",
    "sent_id",
    "sentence",
    "label",
    "status",
    "measure",
    "responsible",
    "deadline_text",
    "note",
]
STATUSES = set(RECORD_STATUSES)

BULLET = re.compile(r"^\s*(?:[•·▪*]|[-–—](?=\s))\s*")
# Tokens that end in a period without ending the sentence.
ABBREV = {
    "m.m",
    "bl.a",
    "t.ex",
    "d.v.s",
    "dvs",
    "s.k",
    "resp",
    "ca",
    "nr",
    "kl",
    "fr.o.m",
    "t.o.m",
    "enl",
    "f.d",
    "jfr",
    "o.s.v",
    "osv",
    "dnr",
    "p",
    "st",
    "kap",
    "tfn",
    "tel",
    "ang",
    "avd",
    "forts",
}
SENT_END = re.compile(r"(?<=[.!?])\s+(?=[\"”»(§•A-ZÅÄÖÉ0-9])")


def norm(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return re.sub(r"\s+", " ", text).strip()


def occurs(sentence: str, source_norm: str) -> bool:
    """True if the unit is a substring, or a lead-in + bullet whose two parts both are."""
    if sentence in source_norm:
        return True
    cuts = [m.start() for m in re.finditer(" ", sentence)]
    return any(sentence[:c] in source_norm and sentence[c + 1 :] in source_norm for c in cuts)


def _split_sentences(par: str) -> list[str]:
    """Split a paragraph at sentence ends, keeping abbreviations and initials together."""
    out: list[str] = []
    start = 0
    for m in SENT_END.finditer(par):
        before = par[start : m.start()]
        last = before.split(" ")[-1].rstrip(".").lower() if before else ""
        if last in ABBREV or re.fullmatch(r"[a-zåäö]", last):
            continue
        out.append(par[start : m.start()].strip())
        start = m.end()
    out.append(par[start:].strip())
    return [s for s in out if s]


ATT_LINE = re.compile(r"^[Aa]tt\d*\s")
TERMINAL = (".", "!", "?", ";")


def _paragraphs(text: str) -> list[tuple[str, str]]:
    """Group lines into (kind, paragraph) units; kind is text, bullet or att (an att-sats)."""
    pars: list[tuple[str, str]] = []
    cur: list[str] = []
    kind = "text"

    def flush() -> None:
        nonlocal cur
        if cur:
            pars.append((kind, norm(" ".join(cur))))
        cur = []

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        if BULLET.match(line) and BULLET.sub("", line):
            flush()
            kind, cur = "bullet", [BULLET.sub("", line)]
            continue
        prev = cur[-1] if cur else (pars[-1][1] if pars else "")
        # A short line without a full stop followed by "att ..." is a motion's lead-in.
        if ATT_LINE.match(line) and (
            kind == "att" or (not prev.endswith(TERMINAL) and len(cur[-1] if cur else prev) <= 90)
        ):
            flush()
            kind, cur = "att", [line]
            continue
        if cur:
            if kind == "att":
                wrapped = not cur[-1].endswith(TERMINAL)
            else:
                wrapped = (
                    line[0].islower()
                    or prev.endswith((",", "-", "och", "att", "av", "i", "för", "till"))
                    or (len(prev) > 60 and not prev.endswith((".", ":", "!", "?")))
                )
            if not wrapped:
                flush()
                kind = "text"
        else:
            kind = "text"
        cur.append(line)
    flush()
    return pars


def candidates(text: str) -> list[str]:
    """Candidate sentence units of one document, in reading order."""
    pars = _paragraphs(text)
    units: list[str] = []
    lead_in: str | None = None
    for i, (kind, par) in enumerate(pars):
        sents = _split_sentences(par)
        if kind in ("bullet", "att"):
            if lead_in is not None:
                units.append(f"{lead_in} {sents[0]}")
                units.extend(sents[1:])
            else:
                units.extend(sents)
            continue
        nxt = pars[i + 1][0] if i + 1 < len(pars) else ""
        last = sents[-1]
        is_lead = (nxt == "bullet" and (last.endswith(":") or last.endswith(" att"))) or (
            nxt == "att" and not last.endswith((".", "!", "?"))
        )
        if is_lead:
            # The lead-in is printed once but belongs to every bullet after it.
            units.extend(sents[:-1])
            lead_in = last
        else:
            lead_in = None
            units.extend(sents)
    return units


def cmd_split(doc_id: str, soft: bool = False) -> None:
    """Write the candidate units of a document to the work dir and print them numbered."""
    text = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
    if soft:
        # Some meeting portals put a blank line after every wrapped line.
        text = re.sub(r"\n[ \t]*\n", "\n", text)
    WORK.mkdir(parents=True, exist_ok=True)
    units = candidates(text)
    (WORK / f"{doc_id}.txt").write_text("\n".join(units) + "\n", encoding="utf-8")
    for i, u in enumerate(units, 1):
        print(f"{i:3d} {u}")


def cmd_merge(doc_id: str, numbers: list[int]) -> None:
    """Join unit N with unit N+1 for each given N (highest first) and reprint."""
    path = WORK / f"{doc_id}.txt"
    units = [u for u in path.read_text(encoding="utf-8").splitlines() if u]
    for n in sorted(numbers, reverse=True):
        units[n - 1 : n + 1] = [f"{units[n - 1]} {units[n]}"]
    path.write_text("\n".join(units) + "\n", encoding="utf-8")
    for i, u in enumerate(units, 1):
        print(f"{i:3d} {u}")


def cmd_cut(doc_id: str, n: int, markers: list[str]) -> None:
    """Cut unit N before each marker string (run-in headings in PDF transcripts) and reprint."""
    path = WORK / f"{doc_id}.txt"
    units = [u for u in path.read_text(encoding="utf-8").splitlines() if u]
    pieces = [units[n - 1]]
    for marker in markers:
        head, sep, tail = pieces[-1].partition(marker)
        if not sep:
            sys.exit(f"marker not found in unit {n}: {marker!r}")
        pieces[-1:] = [head.strip(), (sep + tail).strip()]
    units[n - 1 : n] = [p for p in pieces if p]
    path.write_text("\n".join(units) + "\n", encoding="utf-8")
    for i, u in enumerate(units, 1):
        print(f"{i:3d} {u}")


def _parse_spec(path: Path) -> dict[int, list[str]]:
    """Read a label spec into {unit number: fields after the number}."""
    spec: dict[int, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        first, *rest = parts
        lo, _, hi = first.partition("-")
        for n in range(int(lo), int(hi or lo) + 1):
            spec[n] = rest
    return spec


def cmd_emit(doc_id: str, spec_path: Path) -> None:
    """Merge a document's candidates and spec and replace its rows in sentences.tsv."""
    source = norm((CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8"))
    units = [
        norm(u) for u in (WORK / f"{doc_id}.txt").read_text(encoding="utf-8").splitlines() if u
    ]
    spec = _parse_spec(spec_path)
    bad = [n for n in spec if n < 1 or n > len(units)]
    if bad:
        sys.exit(f"spec numbers out of range: {bad}")
    rows: list[list[str]] = []
    for n, unit in enumerate(units, 1):
        if not occurs(unit, source):
            sys.exit(f"unit {n} not in source: {unit!r}")
        fields = spec.get(n, ["0", ""])
        label = fields[0]
        if label == "1":
            status, measure, resp, deadline = [*fields[1:], "", "", "", ""][:4]
            if status not in STATUSES or not measure:
                sys.exit(f"unit {n}: bad status/measure {fields}")
            rows.append([doc_id, str(n), unit, "1", status, measure, resp, deadline, ""])
        elif label == "0":
            note = fields[1] if len(fields) > 1 else ""
            rows.append([doc_id, str(n), unit, "0", "", "", "", "", note])
        else:
            sys.exit(f"unit {n}: bad label {label!r}")
    old: list[list[str]] = []
    if TSV.exists():
        lines = TSV.read_text(encoding="utf-8").splitlines()[1:]
        old = [r for r in (ln.split("\t") for ln in lines) if r and r[0] != doc_id]
    TSV.parent.mkdir(parents=True, exist_ok=True)
    # Plain join: the brief forbids escaping, and no field may hold a tab or newline.
    body = ["\t".join(HEADER)] + ["\t".join(r) for r in old + rows]
    TSV.write_text("\n".join(body) + "\n", encoding="utf-8")
    pos = sum(r[3] == "1" for r in rows)
    print(f"{doc_id}: {len(rows)} rows, {pos} positive")


def main(argv: list[str]) -> None:
    """Dispatch the split and emit sub-commands."""
    if len(argv) >= 2 and argv[0] == "split":
        cmd_split(argv[1], soft="--soft" in argv[2:])
    elif len(argv) >= 3 and argv[0] == "merge":
        cmd_merge(argv[1], [int(a) for a in argv[2:]])
    elif len(argv) >= 4 and argv[0] == "cut":
        cmd_cut(argv[1], int(argv[2]), argv[3:])
    elif len(argv) >= 3 and argv[0] == "emit":
        cmd_emit(argv[1], Path(argv[2]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
