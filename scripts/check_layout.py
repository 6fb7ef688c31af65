"""Check the package layout (run in CI): few top-level modules, short modules and functions.

The rules, from the style guide: at most 8 modules at the top of `pipeline/` (the rest live
in one package per stage); every package's `__init__` has a docstring naming its entry
point; no module over 300 lines and no function over 60; every module and public function
has a docstring. Prints each breach and exits 1 if there is one.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pipeline"
MAX_TOP_MODULES = 8
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60


def _functions(tree: ast.AST) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def _public_top_level(tree: ast.Module) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not node.name.startswith(
            "_"
        ):
            yield node


def breaches(package: Path = PACKAGE) -> list[str]:
    """Every way the package's layout breaks the rules, one line each."""
    out: list[str] = []
    top = [p for p in package.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
    if len(top) > MAX_TOP_MODULES:
        out.append(
            f"{len(top)} top-level modules (at most {MAX_TOP_MODULES}): "
            + ", ".join(sorted(p.stem for p in top))
        )
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package.parent)
        src = path.read_text(encoding="utf-8")
        tree = ast.parse(src, str(path))
        lines = src.count("\n")
        if lines > MAX_MODULE_LINES:
            out.append(f"{rel}: {lines} lines (at most {MAX_MODULE_LINES})")
        doc = ast.get_docstring(tree)
        if not doc:
            out.append(f"{rel}: no module docstring")
        elif path.name == "__init__.py" and path.parent != package and "`" not in doc:
            out.append(f"{rel}: the package docstring names no entry point")
        for fn in _functions(tree):
            length = (fn.end_lineno or fn.lineno) - fn.lineno + 1
            if length > MAX_FUNCTION_LINES:
                out.append(f"{rel}:{fn.lineno} {fn.name}: {length} lines (at most 60)")
        for fn in _public_top_level(tree):
            if not ast.get_docstring(fn):
                out.append(f"{rel}:{fn.lineno} {fn.name}: public function without a docstring")
    return out


def main() -> int:
    """Print the breaches; exit 1 if there is any."""
    found = breaches()
    for line in found:
        print(line)
    print(f"layout: {len(found)} breach(es)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
