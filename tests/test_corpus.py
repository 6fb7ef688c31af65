"""The researcher API: pipeline.open(db) as typed DataFrames, the graph and timelines."""

from __future__ import annotations

import contextlib
import io
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")

import pipeline  # noqa: E402
from pipeline.errors import LofteError  # noqa: E402
from pipeline.lang.slugs import sort_key  # noqa: E402
from pipeline.read.columns import COMMITMENT_COLUMNS, DOCUMENT_COLUMNS, MEASURE_COLUMNS  # noqa: E402
from pipeline.store.core import Store  # noqa: E402

from .conftest import CORPUS, REPO, SEEDS  # noqa: E402

PLAN = "handlingsplan för fältarbetet"

# The README's "For researchers" example, as a literal: it must run from the repository root.
EXAMPLE = """\
import pipeline

pipeline.ingest(["corpus/seeds"], db="lofte.db", jobs=1)
with pipeline.open("lofte.db") as corpus:
    pledged = corpus.measures().query("status == 'pledged'")
    print(pledged[["label", "due", "overdue"]].to_string(index=False))
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "lofte.db"
    report = pipeline.ingest([SEEDS, CORPUS / "pdf"], db=path, jobs=1)
    assert report.failed == 0
    return path


@pytest.fixture
def corpus(db: Path) -> Iterator[pipeline.Corpus]:
    with pipeline.open(db) as c:
        yield c


def _kind(dtype: object) -> str:
    if isinstance(dtype, pd.CategoricalDtype):
        return "category"
    return str(dtype)


def test_commitments_have_one_row_per_stored_commitment(db: Path, corpus: pipeline.Corpus) -> None:
    df = corpus.commitments()
    with sqlite3.connect(db) as conn:
        ids = {r[0] for r in conn.execute("SELECT id FROM commitments")}
    assert len(df) == len(ids) > 10
    dated = df.doc_date.notna()
    assert df.doc_date[dated].is_monotonic_increasing and dated.is_monotonic_decreasing
    assert set(df.id) == ids and df.id.is_unique
    assert list(df.columns[: len(COMMITMENT_COLUMNS)]) == list(COMMITMENT_COLUMNS)


def test_commitment_columns_are_typed(corpus: pipeline.Corpus) -> None:
    df = corpus.commitments()
    assert _kind(df.doc_date.dtype) == "datetime64[ns]"
    assert _kind(df.deadline_end.dtype) == "datetime64[ns]"
    assert _kind(df.status.dtype) == "category" and "pledged" in df.status.cat.categories
    assert _kind(df.doc_type.dtype) == "category"
    assert str(df.page.dtype) == "Int64" and str(df.n.dtype) == "Int64"
    assert str(df.sentence.dtype) == "string" and str(df.measure_id.dtype) == "string"
    plan = df[df.measure_label == PLAN].iloc[0]
    assert plan.status == "pledged" and plan.deadline_end == pd.Timestamp("2024-12-31")
    assert plan.doc_date == pd.Timestamp("2023-11-22")


def test_every_commitment_points_at_a_listed_measure(corpus: pipeline.Corpus) -> None:
    cm, m = corpus.commitments(), corpus.measures()
    assert cm.measure_id.notna().all()
    assert set(cm.measure_id) <= set(m.id)
    assert m.statements.sum() == len(cm)


def test_measures_are_typed_sorted_and_judged_as_of(corpus: pipeline.Corpus) -> None:
    m = corpus.measures(as_of="2025-06-01")
    assert list(m.columns[: len(MEASURE_COLUMNS)]) == list(MEASURE_COLUMNS)
    assert m.overdue.dtype == bool and _kind(m.due.dtype) == "datetime64[ns]"
    assert m.label.tolist() == sorted(m.label, key=sort_key)
    plan = m[m.label == PLAN].iloc[0]
    assert plan.overdue and plan.shown_status == "overdue" and plan.status == "pledged"
    # A list to iterate, not a string to split; the municipality has its own column.
    assert plan.sources == ["svar_interpellation_ojanne_2023"]
    assert "municipality" in m.columns
    for as_of in (date(2024, 6, 1), pd.Timestamp("2024-06-01"), "2024-06-01"):
        early = corpus.measures(as_of=as_of, query="fältarbetet")
        assert not early[early.label == PLAN].overdue.any()


def test_measures_query_is_diacritic_blind(corpus: pipeline.Corpus) -> None:
    assert PLAN in corpus.measures(query="FALTARBETE").label.tolist()


def test_documents_frame(corpus: pipeline.Corpus) -> None:
    docs = corpus.documents()
    assert list(docs.columns) == list(DOCUMENT_COLUMNS)
    assert len(docs) == 6 and docs.doc_id.is_unique
    assert _kind(docs.date.dtype) == "datetime64[ns]"
    assert docs.date.dropna().is_monotonic_increasing and docs.date.iloc[-1] is pd.NaT
    assert docs.commitments.sum() == len(corpus.commitments())
    assert set(docs.extraction) == {"text", "pdf-text"}
    svar = docs[docs.doc_id == "svar_interpellation_ojanne_2023"].iloc[0]
    assert svar.doc_type == "interpellationssvar" and svar.date == pd.Timestamp("2023-11-22")
    interp = docs[docs.doc_id == "interpellation_jonsson_skarholmen"].iloc[0]
    assert interp.doc_type == "interpellation" and "Jan J" in interp.authors


def test_timeline_is_in_date_order_with_quotes(corpus: pipeline.Corpus) -> None:
    multi = corpus.measures().query("statements > 1")
    assert len(multi)
    for mid in multi.id:
        tl = corpus.timeline(mid)
        assert len(tl) > 1 and tl.date.is_monotonic_increasing
        assert tl.quote.str.len().min() > 10
    plan_id = corpus.measures(query="handlingsplan").id.iloc[0]
    short = plan_id.removeprefix("measure:")
    assert corpus.timeline(short).equals(corpus.timeline(plan_id))


def test_timeline_of_unknown_measure_raises(corpus: pipeline.Corpus) -> None:
    with pytest.raises(LofteError) as err:
        corpus.timeline("measure:rymdhiss-till-manen")
    assert err.value.code == "E031"


def test_graph_and_actors_agree(corpus: pipeline.Corpus) -> None:
    g = corpus.graph()
    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    assert kinds == {"document", "actor", "commitment", "measure"}
    actors = corpus.actors()
    actor_nodes = {n for n, d in g.nodes(data=True) if d["kind"] == "actor"}
    assert set(actors.id) == actor_nodes
    assert actors.name.tolist() == sorted(actors.name, key=sort_key)
    edges = [d["kind"] for *_, d in g.edges(data=True)]
    assert actors.responsible.sum() == edges.count("responsible")
    assert actors.authored.sum() == edges.count("authored_by")
    by_id = actors.set_index("id")
    (author,) = [
        v
        for _, v, d in g.out_edges("doc:interpellation_jonsson_skarholmen", data=True)
        if d["kind"] == "authored_by"
    ]
    assert by_id.loc[author, "actor_kind"] == "person" and by_id.loc[author, "authored"] >= 1


def test_empty_store_gives_empty_typed_frames(tmp_path: Path) -> None:
    Store(tmp_path / "empty.db").close()
    with pipeline.open(tmp_path / "empty.db") as c:
        cm, m, docs, actors = c.commitments(), c.measures(), c.documents(), c.actors()
    assert len(cm) == len(m) == len(docs) == len(actors) == 0
    assert list(cm.columns) == list(COMMITMENT_COLUMNS)
    assert _kind(cm.doc_date.dtype) == "datetime64[ns]" and str(m.statements.dtype) == "Int64"


def test_missing_store_is_an_error_not_a_new_file(tmp_path: Path) -> None:
    with pytest.raises(LofteError) as err:
        pipeline.open(tmp_path / "nope.db")
    assert err.value.code == "E020" and not (tmp_path / "nope.db").exists()


def test_close_releases_the_connection(db: Path) -> None:
    c = pipeline.open(db)
    c.close()
    with pytest.raises(sqlite3.ProgrammingError):
        c.commitments()


def test_extract_takes_a_date_for_relative_deadlines() -> None:
    text = (
        "Svar på interpellation om lekplatser\n\n"
        "Tekniska förvaltningen ska ta fram en upprustningsplan för lekplatserna "
        "under nästa år.\n"
    )
    rec = pipeline.extract(text, date="2024-10-01")
    assert rec["date"] == "2024-10-01"
    (c,) = [c for c in rec["commitments"] if c["status"] == "pledged"]
    assert c["deadline"]["end"] == "2025-12-31"


def test_pipeline_and_cli_import_without_pandas() -> None:
    """pandas is imported only when a DataFrame is asked for, so the CLI stays light."""
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import pipeline\n"
        "from pipeline.cli.main import main\n"
        "assert callable(pipeline.open) and main(['errors']) == 0\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 0, out.stderr
    assert "E020" in out.stdout


def _run_example(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run README code as a reader would, from a folder that has the repository's corpus/."""
    (tmp_path / "corpus").symlink_to(CORPUS, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(code, "README.md", "exec"), {"__name__": "__readme__"})
    return buf.getvalue()


def test_researcher_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert len([line for line in EXAMPLE.splitlines() if line.strip()]) == 5
    out = _run_example(EXAMPLE, tmp_path, monkeypatch)
    assert PLAN in out and "2024-12-31" in out


def test_readme_researcher_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first python block under "## For researchers" in README.md runs as written."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## For researchers\s*$(.*?)(?=^## |\Z)", readme, re.M | re.S)
    if section is None:
        pytest.skip('README.md has no "## For researchers" section yet')
    block = re.search(r"```python\n(.*?)```", section.group(1), re.S)
    assert block is not None, 'the "For researchers" section has no ```python block'
    assert _run_example(block.group(1), tmp_path, monkeypatch).strip()
