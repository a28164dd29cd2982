"""The house rules of the architecture, checked on the source (a small AST walk).

* No import circle anywhere in ``eduwriter/`` (module-level imports and imports inside
  functions alike: hiding a circle in a function does not remove it). Imports under
  ``if TYPE_CHECKING:`` serve annotations only and never run; they do not make a circle, but
  they do count for the layers (a type from a higher layer is still an upward dependency).
* Layers point down only: core ← library / compose ← export ← gui / cli (``eduwriter/__init__``
  and ``resources_path`` count as core; ``__main__`` is the entry point above everything).
* No module over :data:`MAX_LINES` lines. :data:`KNOWN_OVERSIZE` lists the modules that are over
  it today and belong to other work in progress: each may shrink, none may grow; the list is
  emptied as that work lands.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "eduwriter"
MAX_LINES = 600

#: Over the limit today, each split by its own branch: path -> lines now (a ratchet).
KNOWN_OVERSIZE: dict[str, int] = {}

#: Layer of each top-level part of the package; an import may only go to the same or a lower
#: layer, and never sideways between two different parts of the middle layer.
LAYERS = {"core": 0, "library": 1, "compose": 1, "export": 2, "gui": 3, "cli": 3, "__main__": 4}
#: Parts of the same layer that may not import each other (the command line may start the
#: window: cli -> gui is allowed).
SIDEWAYS_FORBIDDEN = {("library", "compose"), ("compose", "library"), ("gui", "cli")}


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """ids of the nodes inside ``if TYPE_CHECKING:`` blocks (imports for annotations only)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            test = node.test
            name = test.id if isinstance(test, ast.Name) else getattr(test, "attr", "")
            if name == "TYPE_CHECKING":
                for stmt in node.body:
                    inside.update(id(n) for n in ast.walk(stmt))
    return inside


def _imports(path: Path, name: str, known: set[str], annotations: bool = True) -> set[str]:
    """Modules of the package that ``path`` imports (anywhere in the file); with
    ``annotations`` False, imports under ``if TYPE_CHECKING:`` (never run) are left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    skip = set() if annotations else _type_checking_nodes(tree)
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = name.split(".") if is_package else name.split(".")[:-1]
                here = here[: len(here) - (node.level - 1)]
                base = ".".join([*here, base] if base else here)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name and target != "eduwriter":
                out.add(target)
    # importing a.b.c runs a/b/__init__: not a dependency of ours to check
    return {t for t in out if not name.startswith(t + ".")}


def _graph(annotations: bool = True) -> dict[str, set[str]]:
    """The import graph; ``annotations`` False leaves out imports made for type hints only."""
    mods = _modules()
    known = set(mods)
    graph = {name: _imports(path, name, known, annotations) for name, path in mods.items()}
    # a package's __init__ importing its own submodules is packaging, not a dependency
    return {name: {t for t in deps if not t.startswith(name + ".")} for name, deps in graph.items()}


def _part(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] == "resources_path":
        return "core"
    return parts[1]


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_walk_sees_imports_inside_functions():
    graph = _graph()
    # eduwriter.cli.library imports the store only inside a function
    assert "eduwriter.library.store" in graph["eduwriter.cli.library"]


def test_no_import_circle():
    # A type hint naming a class of a module that imports this one is not a circle: nothing
    # runs it.  Every import that runs (at module level or inside a function) counts.
    assert _cycles(_graph(annotations=False)) == []


def test_a_circle_would_be_found():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_imports_point_down_only():
    wrong = []
    for module, deps in _graph().items():
        here = _part(module)
        for dep in deps:
            there = _part(dep)
            if LAYERS[there] > LAYERS[here] or (here, there) in SIDEWAYS_FORBIDDEN:
                wrong.append(f"{module} -> {dep}")
    assert wrong == []


def test_no_qt_below_the_gui():
    wrong = []
    for name, path in _modules().items():
        if _part(name) in ("gui", "__main__", "cli"):
            continue
        text = path.read_text(encoding="utf-8")
        if "PySide6" in text or "PyQt" in text:
            wrong.append(name)
    assert wrong == []


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_passes_the_line_limit():
    over = {
        str(path.relative_to(PACKAGE)): _lines(path)
        for path in PACKAGE.rglob("*.py")
        if _lines(path) > MAX_LINES
    }
    grown = {p: n for p, n in over.items() if n > KNOWN_OVERSIZE.get(p, MAX_LINES)}
    assert grown == {}, f"modules over {MAX_LINES} lines (or grown past their ratchet): {grown}"


@pytest.mark.parametrize("path", sorted(KNOWN_OVERSIZE))
def test_known_oversize_modules_still_exist(path):
    """A ratchet entry for a module that was split or removed must go (keeps the list honest)."""
    module = PACKAGE / path
    assert module.exists() and _lines(module) > MAX_LINES, f"remove {path} from KNOWN_OVERSIZE"
