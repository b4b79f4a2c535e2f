"""No import circles in core/ and ui/: a module that needs one from the other side of a circle works only
while the imports happen in one order, and an import hidden inside a function to dodge one hides it."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("core", "ui")


def module_name(path: Path) -> str:
    return path.parent.name if path.stem == "__init__" else f"{path.parent.name}.{path.stem}"


def imports(path: Path, known: set[str]) -> set[str]:
    """The project's modules `path` imports, at its top or inside a function alike."""
    package = path.parent.name
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # from . import x, from .x import y
                base = package + (f".{base}" if base else "")
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # from core import training
    return {name for name in found if name in known}


def graph(root: Path = ROOT) -> dict[str, set[str]]:
    files = [f for package in PACKAGES for f in sorted((root / package).glob("*.py"))]
    known = {module_name(f) for f in files}
    return {module_name(f): imports(f, known) - {module_name(f)} for f in files}


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Each circle once, as the modules along it, beginning at its smallest name."""
    found = []

    def walk(start: str, node: str, path: list[str]) -> None:
        for nxt in sorted(edges.get(node, ())):
            if nxt == start:
                found.append(path + [start])
            elif nxt > start and nxt not in path:  # a circle is found from its smallest module only
                walk(start, nxt, path + [nxt])

    for start in sorted(edges):
        walk(start, start, [start])
    return found


def test_core_and_ui_have_no_import_circles():
    assert circles(graph()) == []


def test_the_check_finds_a_circle(tmp_path):
    """The test above can fail: two modules that import each other, one of them inside a function."""
    (tmp_path / "core").mkdir()
    (tmp_path / "ui").mkdir()
    (tmp_path / "core" / "__init__.py").write_text("")
    (tmp_path / "core" / "a.py").write_text("from . import b\n")
    (tmp_path / "core" / "b.py").write_text("def f():\n    from .a import thing\n")
    (tmp_path / "ui" / "c.py").write_text("from core import a\n")
    assert circles(graph(tmp_path)) == [["core.a", "core.b", "core.a"]]
