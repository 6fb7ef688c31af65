"""Print the import cycles among pipeline modules and exit 1 if there is one (run in CI).

Every import counts, also one inside a function: a lazy import hides a cycle from
Python but not from a reader. Imports under `if TYPE_CHECKING:` are left out,
because they never run. Packages are checked too (`--packages`): a cycle between
stage packages means two stages know about each other.

    python scripts/import_cycles.py             # module cycles; exit 1 on any
    python scripts/import_cycles.py --packages  # also stage-package cycles
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "pipeline"


def module_name(path: Path, root: Path = ROOT) -> str:
    """The dotted module name of a file under ``root`` (a package's `__init__` is the package)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement that can run, skipping `if TYPE_CHECKING:` bodies."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def _resolve(current: str, is_pkg: bool, node: ast.ImportFrom) -> str:
    """The absolute module a `from ... import` names (relative imports resolved)."""
    if not node.level:
        return node.module or ""
    base = current.split(".")
    if not is_pkg:
        base.pop()
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def import_graph(root: Path = ROOT, package: str = PACKAGE) -> nx.DiGraph:
    """Modules of the package as nodes, one edge per module that imports another."""
    files = sorted((root / package).rglob("*.py"))
    known = {module_name(f, root) for f in files}
    g = nx.DiGraph()
    for f in files:
        name = module_name(f, root)
        g.add_node(name)
        for node in _imports(ast.parse(f.read_text(encoding="utf-8"), str(f))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                base = _resolve(name, f.name == "__init__.py", node)
                # `from pipeline.link import measures` imports the submodule, not just the package.
                targets = [
                    f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names
                ]
            for t in targets:
                while t and t not in known:
                    t = t.rpartition(".")[0]
                if t and t != name and not name.startswith(t + "."):
                    g.add_edge(name, t)
    return g


def package_of(module: str) -> str:
    """The stage package a module belongs to (`pipeline.link.measures` → `pipeline.link`)."""
    parts = module.split(".")
    return ".".join(parts[:2])


def package_graph(g: nx.DiGraph, package: str = PACKAGE) -> nx.DiGraph:
    """The module graph folded onto the top-level packages and modules."""
    p = nx.DiGraph()
    p.add_nodes_from(package_of(m) for m in g)
    for a, b in g.edges:
        pa, pb = package_of(a), package_of(b)
        if pa != pb and pa != package and pb != package:
            p.add_edge(pa, pb)
    return p


def cycles(g: nx.DiGraph) -> list[list[str]]:
    """Each strongly connected group of more than one node, sorted, with one cycle through it."""
    found = []
    for group in nx.strongly_connected_components(g):
        if len(group) > 1:
            sub = g.subgraph(group)
            found.append([a for a, _ in nx.find_cycle(sub, source=min(group))])
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    """Print the cycles; exit 1 if any was found."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--packages", action="store_true", help="also check cycles between packages")
    a = ap.parse_args(argv)
    g = import_graph()
    bad = [("module", c) for c in cycles(g)]
    if a.packages:
        bad += [("package", c) for c in cycles(package_graph(g))]
    for kind, c in bad:
        print(f"import cycle ({kind}): " + " -> ".join([*c, c[0]]))
    print(f"{g.number_of_nodes()} modules, {g.number_of_edges()} imports, {len(bad)} cycles")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
