"""The research notebooks: stored without outputs, and executed top to bottom on the corpus.

Each notebook is run with nbclient in a kernel of this very interpreter (a kernel spec under a
temporary JUPYTER_PATH, so nothing is installed for the user), with matplotlib's Agg backend
and LOFTE_NB_OUT pointing at a fresh folder; then every plot it saves must exist, non-empty.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import REPO

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

NOTEBOOK_DIR = REPO / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
SAVEFIG = re.compile(r"savefig\(\s*OUT\s*/\s*\"([^\"]+)\"")
CELL_TIMEOUT = 600  # the first ingest of the whole corpus, OCR included, on a slow machine


def _code(nb: object) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")  # type: ignore[attr-defined]


def test_there_are_four_notebooks() -> None:
    assert [p.stem for p in NOTEBOOKS] == [
        "01_quickstart",
        "02_pledges_over_time",
        "03_actor_network",
        "04_export",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.id
    assert "assert " in nb.cells[-1].source, "the last cell checks real results"


def test_notebooks_match_their_generator(tmp_path: Path) -> None:
    sys.path.insert(0, str(NOTEBOOK_DIR))
    try:
        import build_notebooks
    finally:
        sys.path.remove(str(NOTEBOOK_DIR))
    for fresh in build_notebooks.write_all(tmp_path):
        stored = NOTEBOOK_DIR / fresh.name
        assert stored.read_text("utf-8") == fresh.read_text("utf-8"), (
            f"{stored.name} differs: run python notebooks/build_notebooks.py"
        )


@pytest.fixture(scope="module")
def nb_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Environment for the kernels: own kernel spec, Agg backend, output folder; yields it."""
    base = tmp_path_factory.mktemp("notebooks")
    spec = base / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "Python 3", "language": "python"}), "utf-8"
    )
    out = base / "out"
    env = {
        "JUPYTER_PATH": str(base / "jupyter"),
        "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
        "JUPYTER_DATA_DIR": str(base / "data"),
        "IPYTHONDIR": str(base / "ipython"),
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": str(base / "mpl"),
        "LOFTE_NB_OUT": str(out),
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]).rstrip(
            os.pathsep
        ),
    }
    with pytest.MonkeyPatch.context() as mp:
        for key, value in env.items():
            mp.setenv(key, value)
        yield out


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_and_writes_its_plots(path: Path, nb_env: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK_DIR)}},
    )
    try:
        client.execute()
    finally:
        executed = nb_env / "executed"
        executed.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, executed / path.name)
    last = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    assert f"{path.stem[:2]} ok" in last
    for name in SAVEFIG.findall(_code(nb)):
        plot = nb_env / name
        assert plot.is_file() and plot.stat().st_size > 1000, f"{name} was not written"
