"""The architecture as tests: no import cycles in the package (imports inside functions
count: they only hide a cycle), and a structure pass imports only the model, the
vocabulary and the shared cues, never another pass."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "converter"


def _modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def imports(path: Path) -> set[str]:
    """The package modules that the file at ``path`` imports, wherever the import stands
    (``from converter.x import y`` is ``converter.x.y`` when that is a module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in MODULES
                     else node.module for a in node.names]
        else:
            continue
        found.update(n for n in names if n in MODULES)
    return found


def graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports (a package's own __init__ aside)."""
    return {name: {m for m in imports(path) if m != name and not name.startswith(m + ".")}
            for name, path in MODULES.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_no_pass_imports_another_pass():
    """A pass module may import the model, the vocabulary and the cues; nothing else of
    the package (in particular no other pass)."""
    allowed = {"converter.model", "converter.vocabulary"}
    passes = [m for m in MODULES if m.startswith("converter.passes.")
              and not m.startswith("converter.passes.cues")]
    assert len(passes) >= 10
    for name in passes:
        bad = {m for m in imports(MODULES[name])
               if m not in allowed and not m.startswith("converter.passes.cues")}
        assert not bad, f"{name} imports {sorted(bad)}"


def test_cues_import_only_the_model_and_cues():
    for name in (m for m in MODULES if m.startswith("converter.passes.cues")):
        bad = {m for m in imports(MODULES[name]) if m not in ("converter.model", "converter.vocabulary")
               and not m.startswith("converter.passes.cues")}
        assert not bad, f"{name} imports {sorted(bad)}"


def test_the_pass_rule_sees_a_pass_import(tmp_path):
    """The scan finds an import inside a function too (where cycles used to hide)."""
    path = tmp_path / "p.py"
    path.write_text("def f():\n    from converter.passes.headings import mark_headings\n")
    assert imports(path) == {"converter.passes.headings"}


def test_every_package_is_shipped():
    """A package folder missing from pyproject's list is left out of the wheel (the
    installed command then fails on import); the wheel test is slow, this is not."""
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text("utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(PACKAGE.parent).parts)
             for p in PACKAGE.rglob("__init__.py")}
    assert found - listed == set()
