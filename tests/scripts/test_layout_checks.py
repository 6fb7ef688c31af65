"""The CI layout checks find what they are for: an import cycle, a long function."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import check_layout
import import_cycles


def _package(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / "pkg" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_a_lazy_import_cycle_is_found_and_type_checking_imports_are_not(tmp_path: Path) -> None:
    _package(
        tmp_path,
        {
            "__init__.py": "",
            "a/__init__.py": "",
            "a/one.py": "from pkg.b import two\n",
            "b/__init__.py": "",
            # Lazy, inside a function: still a cycle for a reader.
            "b/two.py": "def f():\n    from pkg.a import one\n",
            "b/three.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.a.one\n",
        },
    )
    g = import_cycles.import_graph(tmp_path, "pkg")
    assert import_cycles.cycles(g) == [["pkg.a.one", "pkg.b.two"]]
    assert not g.has_edge("pkg.b.three", "pkg.a.one")
    assert import_cycles.cycles(import_cycles.package_graph(g, "pkg")) == [["pkg.a", "pkg.b"]]


def test_the_shipped_package_has_no_cycles_and_keeps_the_layout() -> None:
    g = import_cycles.import_graph()
    assert import_cycles.cycles(g) == []
    assert import_cycles.cycles(import_cycles.package_graph(g)) == []
    assert check_layout.breaches() == []


@pytest.mark.parametrize(
    ("files", "expect"),
    [
        ({"__init__.py": '"""P."""\n', "x.py": '"""X."""\n' + "\n" * 301}, "302 lines"),
        (
            {
                "__init__.py": '"""P."""\n',
                "x.py": '"""X."""\ndef f():\n    """F."""\n' + "    pass\n" * 60,
            },
            "f: 62 lines",
        ),
        ({"__init__.py": '"""P."""\n', "x.py": '"""X."""\ndef f():\n    pass\n'}, "docstring"),
        ({"__init__.py": '"""P."""\n', "sub/__init__.py": '"""Sub."""\n'}, "entry point"),
    ],
)
def test_layout_breaches_are_reported(tmp_path: Path, files: dict[str, str], expect: str) -> None:
    _package(tmp_path, files)
    found = check_layout.breaches(tmp_path / "pkg")
    assert any(expect in line for line in found), found
