"""No import cycles inside the ``mediacheck`` package.

Every module under ``mediacheck/`` is parsed with ``ast`` (nothing is imported). An edge A -> B is a module-level
import in A of a ``mediacheck`` module B: ``import mediacheck.x``, ``from mediacheck.x import name`` (B is
``mediacheck.x.name`` when that is a module, else ``mediacheck.x``) and relative imports, also inside ``if`` /
``try`` / ``with`` / class bodies at module level. Imports inside functions do not count (they run when called,
after every module is loaded), nor do those under ``if TYPE_CHECKING:``. Importing a submodule also runs its
parent packages' ``__init__`` first; that implicit edge is not counted (every package would be a cycle with its
submodules).
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "mediacheck"

#: Known cycles outside mediacheck/cli, each as its modules in import order starting from the smallest name.
#: issue 13 item 2/3: to remove. An entry whose cycle is gone may be deleted; a cycle not listed here fails the
#: test, and so does any cycle through mediacheck.cli, listed or not.
ALLOWED: frozenset[tuple[str, ...]] = frozenset()

MAX_CYCLES = 10_000       # enough to list; a package with more cycles than this fails anyway


def modules() -> dict[str, tuple[Path, bool]]:
    """Module name -> (file, is a package) for every .py file under mediacheck/."""
    out = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        package = parts[-1] == "__init__"
        if package:
            parts.pop()
        out[".".join(parts)] = (path, package)
    return out


def _module_level(body: list[ast.stmt]):
    """The import statements run when the module is imported: every one outside function bodies."""
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from _module_level(node.orelse)
        else:
            for field in ("body", "orelse", "finalbody"):
                yield from _module_level(getattr(node, field, None) or [])
            for handler in getattr(node, "handlers", None) or []:
                yield from _module_level(handler.body)
            for case in getattr(node, "cases", None) or []:
                yield from _module_level(case.body)


def _everywhere(body: list[ast.stmt]):
    """Every import statement, function bodies included."""
    for tree in body:
        yield from (n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)))


def import_graph(*, functions: bool = False) -> dict[str, set[str]]:
    """Module -> the mediacheck modules it imports at module level (``functions``: anywhere, also in functions)."""
    mods = modules()

    def known(name: str) -> str | None:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, (path, package) in mods.items():
        here = name if package else name.rpartition(".")[0]
        targets: set[str] = set()
        body = ast.parse(path.read_text(encoding="utf-8"), str(path)).body
        for node in (_everywhere if functions else _module_level)(body):
            if isinstance(node, ast.Import):
                found = [known(alias.name) for alias in node.names]
            else:
                if node.level:
                    parts = here.split(".")
                    base = ".".join(parts[:len(parts) - node.level + 1] + ([node.module] if node.module else []))
                else:
                    base = node.module or ""
                found = [f"{base}.{a.name}" if f"{base}.{a.name}" in mods else known(base) for a in node.names]
            targets.update(t for t in found if t and t != name)
        graph[name] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> set[tuple[str, ...]]:
    """Every elementary cycle, each rotated to start at its smallest module name."""
    found: set[tuple[str, ...]] = set()
    for start in sorted(graph):
        # only cycles whose smallest node is ``start``: each is found once
        stack = [(start, iter(sorted(t for t in graph[start] if t >= start)))]
        path, on_path = [start], {start}
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                stack.pop()
                on_path.discard(path.pop())
            elif nxt == start:
                found.add(tuple(path))
                assert len(found) <= MAX_CYCLES, "too many import cycles to list"
            elif nxt not in on_path:
                path.append(nxt)
                on_path.add(nxt)
                stack.append((nxt, iter(sorted(t for t in graph[nxt] if t >= start))))
    return found


def _show(cycle: tuple[str, ...]) -> str:
    return " -> ".join((*cycle, cycle[0]))


def test_the_graph_sees_the_package():
    graph = import_graph()
    assert "mediacheck.cli" in graph and "mediacheck.cli._common" in graph["mediacheck.cli"]
    assert "mediacheck.model" in graph["mediacheck.cleaning.cleaner"]
    assert graph["mediacheck"] == set()          # the package root loads its public names lazily (PEP 562)


def test_cycle_finder_finds_cycles():
    graph = {"a": {"b"}, "b": {"c", "a"}, "c": {"a"}, "d": {"d2"}, "d2": set()}
    assert cycles(graph) == {("a", "b"), ("a", "b", "c")}


def test_no_new_import_cycles():
    found = cycles(import_graph())
    through_cli = sorted(_show(c) for c in found if any(m == "mediacheck.cli" or m.startswith("mediacheck.cli.")
                                                        for m in c))
    assert not through_cli, "import cycles through mediacheck.cli:\n" + "\n".join(through_cli)
    new = sorted(_show(c) for c in found - ALLOWED)
    assert not new, "new import cycles (module-level imports):\n" + "\n".join(new)


def test_cli_is_on_no_cycle_even_through_imports_in_functions():
    """Stricter for the command line: no mediacheck module imports mediacheck.cli back, not even when called."""
    graph = import_graph(functions=True)
    for name in (m for m in graph if m == "mediacheck.cli" or m.startswith("mediacheck.cli.")):
        seen, todo = set(), list(graph[name])
        while todo:
            m = todo.pop()
            if m not in seen:
                seen.add(m)
                todo.extend(graph[m])
        back = sorted(m for m in seen if name in graph[m])
        assert name not in seen, f"{name} is on an import cycle (imported back by {back})"
