"""Write the four research notebooks, without outputs, from the cell texts below.

Run ``python notebooks/build_notebooks.py`` after editing a cell here; the .ipynb files are
generated so that they stay reproducible and reviewable (fixed cell ids, no outputs).
``tests/test_notebooks.py`` checks that the stored notebooks match this script.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode

HERE = Path(__file__).resolve().parent

# Every notebook starts the same way: find the repository, choose the output folder, make
# sure the store exists. ingest() skips unchanged files, so after 01 this takes a second.
SETUP = """\
import os
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

import pipeline

# The repository is the folder holding corpus/; plots and the store go to LOFTE_NB_OUT.
REPO = next(p for p in [Path.cwd(), *Path.cwd().parents] if (p / "corpus" / "real").is_dir())
OUT = Path(os.environ.get("LOFTE_NB_OUT", REPO / "test-output" / "notebooks"))
OUT.mkdir(parents=True, exist_ok=True)
DB = OUT / "lofte.db"
"""

INGEST = """\
# Creates the store on first use; afterwards only changed files are read again.
report = pipeline.ingest([REPO / "corpus"], db=DB)
corpus = pipeline.open(DB)
corpus
"""

QUICKSTART = [
    (
        "md",
        """\
# 01 · Quick start: from council records to pledged measures

Löftesgrafen reads Swedish municipal council records and follows each **pledged measure**
(*åtgärd*) from the first promise to its follow-up. This notebook ingests the bundled corpus,
opens it as pandas DataFrames and looks up one measure.

Swedish terms you will meet:

| term | meaning |
|---|---|
| *kommunfullmäktige* | the municipal council, the elected assembly |
| *kommunstyrelsen* | the executive board that prepares the council's business |
| *nämnd* | a committee of elected members for one area, e.g. *utbildningsnämnden* (education) |
| *förvaltning* | the administration of officials that serves a *nämnd* |
| *interpellation* | a councillor's formal question to a *borgarråd* / *kommunalråd* (full-time politician) |
| *interpellationssvar* | the written answer to an interpellation |
| *motion* | a councillor's proposal to the council |
| *tjänsteutlåtande* | an officials' report that prepares a decision |
| *yttrande* | a formal opinion on a motion or proposal |
| *protokoll* | minutes of a meeting |
| *uppföljning* | a follow-up report on what was done |

The corpus in `corpus/` holds about 150 real council texts, five annotated seed documents, a
born-digital PDF and a scanned PDF that is read with Tesseract OCR (a few seconds).""",
    ),
    ("code", SETUP),
    (
        "md",
        """\
## Ingest

`pipeline.ingest(paths, db=..., jobs=...)` reads files and folders into a SQLite store, one
transaction per document, using all cores unless `jobs` says otherwise. It is incremental:
unchanged files are skipped, so running it again takes about a second.""",
    ),
    (
        "code",
        """\
report = pipeline.ingest([REPO / "corpus"], db=DB)
print(f"{report.processed} processed, {report.skipped} unchanged, {report.failed} failed")""",
    ),
    (
        "md",
        """\
## Open the store

`pipeline.open(db)` returns a read-only `Corpus`. Its `documents()`, `commitments()`,
`measures()` and `actors()` are pandas DataFrames with typed columns; dates are datetimes.""",
    ),
    (
        "code",
        """\
corpus = pipeline.open(DB)
docs = corpus.documents()
print(corpus)
docs.doc_type.value_counts()""",
    ),
    (
        "code",
        """\
fig, ax = plt.subplots(figsize=(7, 3.5))
docs.doc_type.value_counts().sort_values().plot.barh(ax=ax, color="#4c72b0")
ax.set_xlabel("documents")
ax.set_title("Bundled corpus by document type")
fig.tight_layout()
fig.savefig(OUT / "01_documents_by_type.png", dpi=100)""",
    ),
    (
        "md",
        """\
## Query a measure

`measures(query=...)` searches case- and diacritic-blind and by lemma, so *fältarbete*
(outreach work by the social services' *fältassistenter*) also finds *fältarbetet*.
The `status` is the latest evidence: `proposed` (*föreslås*, e.g. in a motion), `pledged`
(*ska*, *kommer att*), `in_progress` (*pågår*), `done` (*har genomförts*) or `cancelled`.
`shown_status` says `overdue` when the deadline has passed without a report that it was done.""",
    ),
    (
        "code",
        """\
fieldwork = corpus.measures(query="fältarbete")
fieldwork[["id", "label", "status", "due", "shown_status", "sources"]]""",
    ),
    (
        "md",
        """\
`timeline(measure_id)` lists every statement about the measure in date order, with the
quoted sentence, its document and page, and why it was linked to the measure.""",
    ),
    (
        "code",
        """\
pledged = fieldwork[fieldwork.status == "pledged"]
timeline = corpus.timeline(pledged.id.iloc[0])
timeline[["date", "doc_id", "doc_type", "page", "status", "quote", "deadline_end"]]""",
    ),
    (
        "md",
        """\
## Ad-hoc extraction

`pipeline.extract(text, date=...)` runs the extraction on one text without a store; `date`
anchors relative deadlines such as *under nästa år* (during next year). The text below is
invented: an *interpellationssvar* in which the *tekniska förvaltningen* (technical
administration) is given a task.""",
    ),
    (
        "code",
        """\
text = \"\"\"Svar på interpellation om lekplatser i Norrby

Tekniska förvaltningen ska ta fram en upprustningsplan för lekplatserna i Norrby under nästa år.
Arbetet med ny belysning vid Norrbyskolan pågår.

Anna Berg (S)
Kommunalråd
\"\"\"
record = pipeline.extract(text, date="2024-10-01")
pd.DataFrame(record["commitments"])[["measure", "status", "responsible", "deadline"]]""",
    ),
    (
        "code",
        """\
# Checks: the corpus went in whole, and the field-work action plan is a pledged measure.
assert report.failed == 0
assert len(docs) == report.processed + report.skipped
assert (docs.extraction == "ocr").any(), "the scanned PDF was read with OCR"
assert "handlingsplan för fältarbetet" in pledged.label.tolist()
assert timeline.date.is_monotonic_increasing
assert timeline.deadline_end.max() == pd.Timestamp("2024-12-31")
assert any(
    c["status"] == "pledged" and (c["deadline"] or {}).get("end") == "2025-12-31"
    for c in record["commitments"]
)
corpus.close()
print("01 ok")""",
    ),
]

OVER_TIME = [
    (
        "md",
        """\
# 02 · Pledges over time

Which statuses do the documents report, year by year and by document type? How long does it
take from a pledge (*löfte*) to the next statement about the same measure, typically an
*uppföljning* (follow-up report), *tertialrapport* (four-monthly report) or
*årsredovisning* (annual report)? And what share of measures with a deadline is overdue?

Statuses: `proposed` (*föreslås*: a *motion* or *interpellation* asks for it), `pledged`
(*ska*, *kommer att*: the *nämnd* or *förvaltning* commits to it), `in_progress` (*pågår*),
`done` (*har genomförts*, *är klar*) and `cancelled` (*avbryts*).""",
    ),
    ("code", SETUP),
    ("code", INGEST),
    (
        "md",
        """\
## Statuses by year

Each commitment is dated by its document. Minutes (*protokoll*) whose date could not be read
have no date; they are counted in the by-type view but not in the by-year view.""",
    ),
    (
        "code",
        """\
cm = corpus.commitments()
dated = cm.dropna(subset=["doc_date"])
print(f"{len(cm)} commitments, {len(cm) - len(dated)} without a document date")
by_year = pd.crosstab(dated.doc_date.dt.year.rename("year"), dated.status, dropna=False)
by_year""",
    ),
    (
        "code",
        """\
fig, ax = plt.subplots(figsize=(9, 4))
by_year.plot.bar(stacked=True, ax=ax, width=0.8)
ax.set_ylabel("commitments")
ax.set_title("Statuses by year of the document")
fig.tight_layout()
fig.savefig(OUT / "02_statuses_by_year.png", dpi=100)""",
    ),
    (
        "md",
        """\
## Statuses by document type

Genres speak differently: a *motion* proposes, a *tjänsteutlåtande* (officials' report) or
*interpellationssvar* pledges, an *uppföljning* reports what was done.""",
    ),
    (
        "code",
        """\
by_type = pd.crosstab(cm.doc_type, cm.status, dropna=False)
share = by_type.div(by_type.sum(axis=1).replace(0, 1), axis=0)
fig, ax = plt.subplots(figsize=(8, 4))
share[by_type.sum(axis=1) > 0].plot.barh(stacked=True, ax=ax)
ax.set_xlabel("share of the type's commitments")
ax.set_title("Statuses by document type")
ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small")
fig.tight_layout()
fig.savefig(OUT / "02_statuses_by_doctype.png", dpi=100)
by_type""",
    ),
    (
        "md",
        """\
## Time from pledge to follow-up

For every measure, the first statement is the pledge (or proposal) and the first statement
in a *later document* is its follow-up. Documents are placed in time by their date, or, when
the text gives none, by the year their source list (`sources.tsv`) gives: many web pages
of medborgarlöften name only the period they cover. Time is counted in years.""",
    ),
    (
        "code",
        """\
cm["when"] = (cm.doc_date.dt.year + (cm.doc_date.dt.day_of_year - 1) / 366).astype("Float64")
cm["when"] = cm["when"].fillna(cm.doc_year.astype("Float64"))
placed = cm.dropna(subset=["measure_id", "when"]).copy()
placed["dated"] = placed.doc_date.notna()
rows = []
for mid, g in placed.groupby("measure_id", sort=True):
    g = g.sort_values(["when", "doc_id", "n"])
    first = g.iloc[0]
    # With only a year known, a statement is later only when its year is.
    later_year = g.when.astype(float) // 1 > float(first.when) // 1
    later_day = g.dated & bool(first.dated) & (g.when > first.when)
    later = g[(g.doc_id != first.doc_id) & (later_year | later_day)]
    if len(later):
        nxt = later.iloc[0]
        rows.append({
            "measure_id": mid, "measure": first.measure_label, "municipality": first.municipality,
            "pledged_in": first.doc_id, "pledged": float(first.when), "first_status": first.status,
            "followed_up_in": nxt.doc_id, "followed_up": float(nxt.when),
            "follow_up_status": nxt.status,
        })
followups = pd.DataFrame(rows, columns=[
    "measure_id", "measure", "municipality", "pledged_in", "pledged", "first_status",
    "followed_up_in", "followed_up", "follow_up_status"])
followups["years"] = (followups.followed_up - followups.pledged).round(1)
recurring = placed.groupby("measure_id").doc_id.nunique()
print(f"{(recurring > 1).sum()} measures are stated in more than one placed document")
print(f"{len(followups)} measures followed up in a later document; median "
      f"{followups.years.median() if len(followups) else float('nan'):.1f} years")
followups[["measure", "municipality", "first_status", "follow_up_status", "years"]]""",
    ),
    (
        "code",
        """\
fig, ax = plt.subplots(figsize=(9, 0.5 + 0.45 * max(len(followups), 2)))
for i, r in enumerate(followups.itertuples()):
    ax.plot([r.pledged, r.followed_up], [i, i], "-o", color="#4c72b0")
    ax.annotate(f"{r.first_status} → {r.follow_up_status}", (r.followed_up, i),
                xytext=(4, 0), textcoords="offset points", va="center", fontsize="small")
ax.set_yticks(range(len(followups)), [str(m)[:50] for m in followups.measure])
ax.set_xlabel("year of the document")
ax.xaxis.set_major_locator(MaxNLocator(integer=True))
ax.margins(x=0.2)  # room for the status labels at the right end
ax.set_title("From first statement to follow-up")
if followups.empty:
    ax.text(0.5, 0.5, "no measure is followed up in a later document", ha="center")
fig.tight_layout()
fig.savefig(OUT / "02_followup_times.png", dpi=100)""",
    ),
    (
        "md",
        """\
## Time from pledge to promised deadline

How far ahead do pledges reach? For each pledged commitment with a deadline, the days from
the document's date to the end of the deadline (*senast den 31 oktober*, *under nästa år*,
*till terminsstart*: the deadline grammar turns these into dates).""",
    ),
    (
        "code",
        """\
horizon = dated[(dated.status == "pledged") & dated.deadline_end.notna()].copy()
horizon["days"] = (horizon.deadline_end - horizon.doc_date).dt.days
print(f"{len(horizon)} dated pledges with a deadline; median {horizon.days.median():.0f} days")
fig, ax = plt.subplots(figsize=(8, 3))
ax.hist(horizon.days, bins=20, color="#55a868")
ax.set_xlabel("days from the pledge to its deadline")
ax.set_ylabel("pledges")
ax.set_title("How far ahead pledges reach")
fig.tight_layout()
fig.savefig(OUT / "02_deadline_horizon.png", dpi=100)
horizon[["doc_id", "deadline_text", "deadline_end", "days"]].sort_values("days")""",
    ),
    (
        "md",
        """\
## Overdue share

A measure is overdue when its latest deadline has passed and no statement reports it done or
cancelled. `measures(as_of=...)` judges this at any date; below, the share among measures
that have a deadline, judged at the end of each year.""",
    ),
    (
        "code",
        """\
m = corpus.measures()
with_due = m[m.due.notna()]
open_ = ~with_due.status.isin(["done", "cancelled"])
years = range(int(with_due.due.dt.year.min()) - 1, pd.Timestamp.today().year + 1)
ends = [min(pd.Timestamp(f"{y}-12-31"), pd.Timestamp.today().normalize()) for y in years]
overdue_share = pd.Series(
    [((with_due.due < end) & open_).mean() for end in ends], index=list(years), name="overdue")
fig, ax = plt.subplots(figsize=(8, 3.5))
overdue_share.plot(ax=ax, marker="o")
ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # years, not 2007.5
assert all(float(t).is_integer() for t in ax.get_xticks())
ax.set_ylim(0, 1)
ax.set_ylabel("share overdue")
ax.set_title(f"Overdue share of the {len(with_due)} measures with a deadline")
fig.tight_layout()
fig.savefig(OUT / "02_overdue_share.png", dpi=100)
print(f"today: {m.overdue.mean():.0%} of all measures, "
      f"{with_due.overdue.mean():.0%} of those with a deadline are overdue")""",
    ),
    (
        "code",
        """\
# Checks: the tables add up, follow-ups come later, overdue only grows with time.
assert by_year.to_numpy().sum() == len(dated)
assert by_type.to_numpy().sum() == len(cm)
assert by_type.loc["motion", "proposed"] > by_type.loc["motion"].drop("proposed").sum()
assert len(followups) and (followups.years > 0).all()
assert len(horizon) and horizon.days.median() > 0
assert followups.measure_id.isin(m.id[m.documents > 1]).all()
assert overdue_share.is_monotonic_increasing
assert overdue_share.iloc[-1] == with_due.overdue.mean()


def plan(day: str) -> pd.Series:
    return corpus.measures(as_of=day, query="handlingsplan fältarbetet").iloc[0]


assert plan("2025-06-01").overdue and not plan("2024-06-01").overdue
corpus.close()
print("02 ok")""",
    ),
]

NETWORK = [
    (
        "md",
        """\
# 03 · Who pledges, who is made responsible

Actors are people (councillors, *borgarråd* and *kommunalråd*, *handläggare* = case officers
who write a *tjänsteutlåtande*), bodies (*kommunfullmäktige*, *kommunstyrelsen*, a *nämnd*
such as *socialnämnden*, a *förvaltning* such as *stadsledningskontoret*) and places.
The graph links documents to the actors who wrote them (`authored_by`), commitments to the
actors made responsible (`responsible`), and commitments to measures (`concerns`).""",
    ),
    ("code", SETUP),
    ("code", INGEST),
    (
        "code",
        """\
from collections import Counter

import networkx as nx

g = corpus.graph()
print(Counter(d["kind"] for _, d in g.nodes(data=True)))
print(Counter(d["kind"] for _, _, d in g.edges(data=True)))""",
    ),
    (
        "md",
        """\
## Who pledges

`actors()` counts, for each actor, the documents it wrote and the commitments in them.""",
    ),
    (
        "code",
        """\
actors = corpus.actors()
cols = ["name", "actor_kind", "party", "authored", "authored_commitments", "responsible"]
actors[actors.authored > 0].sort_values("authored_commitments", ascending=False)[cols].head(10)""",
    ),
    (
        "md",
        """\
## Who is made responsible

The `responsible` column of `commitments()` is the phrase as written (often a *nämnd* or
*förvaltning*); `actors().responsible` counts the resolved actor nodes.""",
    ),
    (
        "code",
        """\
cm = corpus.commitments()
print(cm.responsible.value_counts().head(10))
actors.sort_values("responsible", ascending=False)[cols].head(10)""",
    ),
    (
        "md",
        """\
## The actor–measure graph

A bipartite graph: an actor is joined to a measure when it wrote a document that states the
measure, or is made responsible for it. Degree centrality says how many measures an actor is
tied to; betweenness says who bridges otherwise separate groups of measures.""",
    ),
    (
        "code",
        """\
def actor_measure_graph(g: nx.MultiDiGraph) -> nx.Graph:
    am = nx.Graph()
    for c, d in g.nodes(data=True):
        if d["kind"] != "commitment":
            continue
        out = [(v, e["kind"]) for _, v, e in g.out_edges(c, data=True)]
        docs = [u for u, _, e in g.in_edges(c, data=True) if e["kind"] == "contains"]
        authors = [v for doc in docs for _, v, e in g.out_edges(doc, data=True)
                   if e["kind"] == "authored_by"]
        for m in (v for v, k in out if k == "concerns"):
            am.add_node(m, kind="measure", label=g.nodes[m]["label"])
            for a, role in [(v, "responsible") for v, k in out if k == "responsible"] + [
                (a, "author") for a in authors
            ]:
                am.add_node(a, kind="actor", label=g.nodes[a]["name"])
                am.add_edge(a, m, role=role)
    return am


am = actor_measure_graph(g)
actor_nodes = {n for n, d in am.nodes(data=True) if d["kind"] == "actor"}
centrality = pd.DataFrame({
    "degree": pd.Series(nx.bipartite.degree_centrality(am, actor_nodes)),
    "betweenness": pd.Series(nx.betweenness_centrality(am)),
}).loc[sorted(actor_nodes)]
centrality = actors.set_index("id")[["name", "actor_kind"]].join(centrality, how="inner")
centrality = centrality.sort_values(["degree", "betweenness"], ascending=False)
print(f"{len(actor_nodes)} actors, {am.number_of_nodes() - len(actor_nodes)} measures, "
      f"{am.number_of_edges()} ties")
centrality.head(10)""",
    ),
    (
        "code",
        """\
fig, ax = plt.subplots(figsize=(8, 4.5))
top = centrality.head(15).iloc[::-1]
ax.barh(top.name, top.degree, color=["#dd8452" if k == "person" else "#4c72b0"
                                     for k in top.actor_kind])
ax.set_xlabel("degree centrality (share of measures tied to)")
ax.set_title("Actors tied to the most measures (orange: people, blue: bodies)")
fig.tight_layout()
fig.savefig(OUT / "03_actor_centrality.png", dpi=100)""",
    ),
    (
        "code",
        """\
parts = sorted(nx.connected_components(am), key=len, reverse=True)[:4]
sub = am.subgraph(set().union(*parts))
pos = nx.spring_layout(sub, seed=1, k=1.5 / len(sub) ** 0.5)
fig, ax = plt.subplots(figsize=(10, 7))
colors = ["#dd8452" if sub.nodes[n]["kind"] == "actor" else "#4c72b0" for n in sub]
nx.draw_networkx(sub, pos, ax=ax, node_color=colors, node_size=60, with_labels=False,
                 edge_color="#bbbbbb")
nx.draw_networkx_labels(sub, pos, {n: sub.nodes[n]["label"][:25] for n in sub
                                   if sub.nodes[n]["kind"] == "actor"}, font_size=7, ax=ax)
ax.set_title("Largest groups of the actor–measure graph (orange: actors, blue: measures)")
ax.axis("off")
fig.tight_layout()
fig.savefig(OUT / "03_actor_measure_network.png", dpi=100)""",
    ),
    (
        "code",
        """\
# Checks: the graph has the four node kinds, the projection is bipartite and matches actors().
kinds = Counter(d["kind"] for _, d in g.nodes(data=True))
assert set(kinds) == {"document", "actor", "commitment", "measure"}
assert kinds["commitment"] == len(cm)
assert nx.is_bipartite(am) and actor_nodes <= set(actors.id)
n_responsible = sum(1 for _, _, d in g.edges(data=True) if d["kind"] == "responsible")
assert actors.responsible.sum() == n_responsible
assert (centrality.degree > 0).all() and centrality.degree.is_monotonic_decreasing
plan = cm[cm.measure_label == "handlingsplan för fältarbetet"]
authors = {v for _, v, e in g.out_edges(f"doc:{plan.doc_id.iloc[0]}", data=True)
           if e["kind"] == "authored_by"}
assert authors and all(am.has_edge(a, plan.measure_id.iloc[0]) for a in authors)
corpus.close()
print("03 ok")""",
    ),
]

EXPORT = [
    (
        "md",
        """\
# 04 · Export for Gephi and Neo4j

The commitment graph can be written as GraphML or GEXF (for Gephi, yEd or networkx), as
node-link JSON, and as the CSV files that Neo4j's bulk importer reads. The GEXF export is
dynamic: each node carries its document date (*sammanträdesdatum*, meeting date, or
*datum*) so Gephi's timeline can play the graph from the first *motion* to the last
*uppföljning*.""",
    ),
    ("code", SETUP),
    ("code", INGEST),
    (
        "code",
        """\
import networkx as nx

EXPORT = OUT / "export"
g = corpus.graph()
paths = {
    fmt: corpus.export(fmt, EXPORT / name)
    for fmt, name in [("graphml", "lofte.graphml"), ("gexf", "lofte.gexf"),
                      ("json", "lofte.json"), ("neo4j", "neo4j")]
}
print(f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
paths""",
    ),
    (
        "md",
        """\
## Gephi

Open `lofte.gexf` in Gephi (*File → Open*), choose *Timeline* to animate by date, and
partition the nodes by `kind`. GraphML loads back into networkx; list-valued attributes
(an actor's `roles` and `aliases`) are stored as JSON text.""",
    ),
    (
        "code",
        """\
back = nx.read_graphml(paths["graphml"], force_multigraph=True)
gexf = nx.read_gexf(paths["gexf"])
print(back.number_of_nodes(), back.number_of_edges(), gexf.number_of_nodes())""",
    ),
    (
        "md",
        """\
## Neo4j

One node file per kind (`:LABEL` Document, Actor, Commitment, Measure) and one relationship
file per edge kind (`:TYPE` AUTHORED_BY, CONCERNS, RESPONSIBLE, ...). With Neo4j 5 stopped
and `neo4j-admin` on the PATH, run `sh import.sh` in that folder (printed below); it
imports into the database `neo4j`, or the one named after it, replacing it. Then try
`MATCH (a:Actor)<-[:RESPONSIBLE]-(c:Commitment)-[:CONCERNS]->(m:Measure)
RETURN a.name, count(DISTINCT m) ORDER BY count(DISTINCT m) DESC LIMIT 10`.""",
    ),
    (
        "code",
        """\
neo = paths["neo4j"]
node_files = sorted(neo.glob("nodes_*.csv"))
rel_files = sorted(neo.glob("rels_*.csv"))
# The export ships the import command: `sh import.sh [DATABASE]` with Neo4j stopped.
script = (neo / "import.sh").read_text(encoding="utf-8")
print(script)""",
    ),
    (
        "code",
        """\
# Checks: every format reads back whole, and the Neo4j files are consistent.
import csv

assert (back.number_of_nodes(), back.number_of_edges()) == (
    g.number_of_nodes(), g.number_of_edges())
assert gexf.number_of_nodes() == g.number_of_nodes()
kinds = {d["kind"] for _, d in g.nodes(data=True)}
assert {p.stem.removeprefix("nodes_") for p in node_files} == kinds
ids = set()
for p in node_files:
    with p.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "id:ID" and rows[0][-1] == ":LABEL"
    ids |= {r[0] for r in rows[1:]}
assert ids == set(g.nodes)
n_rels = 0
for p in rel_files:
    with p.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:2] == [":START_ID", ":END_ID"] and rows[0][-1] == ":TYPE"
    assert all(r[0] in ids and r[1] in ids for r in rows[1:])
    n_rels += len(rows) - 1
assert n_rels == g.number_of_edges()
assert "neo4j-admin database import full" in script
assert all(f"={p.name}" in script for p in node_files + rel_files)
corpus.close()
print("04 ok")""",
    ),
]

NOTEBOOKS: dict[str, list[tuple[str, str]]] = {
    "01_quickstart": QUICKSTART,
    "02_pledges_over_time": OVER_TIME,
    "03_actor_network": NETWORK,
    "04_export": EXPORT,
}


def build(name: str, cells: list[tuple[str, str]]) -> NotebookNode:
    """One notebook with stable cell ids and no outputs."""
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    }
    for i, (kind, source) in enumerate(cells):
        cell = (
            nbformat.v4.new_markdown_cell(source)
            if kind == "md"
            else nbformat.v4.new_code_cell(source)
        )
        cell["id"] = f"{name[:2]}-{i:02d}"
        nb.cells.append(cell)
    nbformat.validate(nb)
    return nb


def write_all(folder: Path = HERE) -> list[Path]:
    """Write every notebook into ``folder``; the paths written."""
    out = []
    for name, cells in NOTEBOOKS.items():
        path = folder / f"{name}.ipynb"
        nbformat.write(build(name, cells), path)
        out.append(path)
    return out


if __name__ == "__main__":
    for p in write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(p)
