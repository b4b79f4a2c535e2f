"""docs/architecture.md names every module of core/ and ui/, its links point at files that exist, and the
layer it describes holds: core never imports streamlit."""
import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARCHITECTURE = ROOT / "docs" / "architecture.md"
PACKAGES = ("core", "ui")


def modules(root: Path = ROOT) -> list[str]:
    """Every module of core/ and ui/ but the packages' __init__.py, as the map names them: 'core/x.py'."""
    return [f"{package}/{path.name}" for package in PACKAGES
            for path in sorted((root / package).glob("*.py")) if path.name != "__init__.py"]


def missing(doc: str, names: list[str]) -> list[str]:
    """The names `doc` never mentions, written as code (`core/x.py`)."""
    return [name for name in names if f"`{name}`" not in doc]


def test_the_architecture_names_every_module_of_core_and_ui():
    names = modules()
    assert len(names) > 40   # the scan finds them
    assert missing(ARCHITECTURE.read_text(encoding="utf-8"), names) == []


def test_the_check_finds_a_module_the_doc_leaves_out(tmp_path):
    """The test above can fail: a module added to core/ and not to the doc is reported."""
    for package in PACKAGES:
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / "core" / "training.py").write_text("")
    (tmp_path / "core" / "made_up.py").write_text("")
    (tmp_path / "ui" / "nav.py").write_text("")
    assert modules(tmp_path) == ["core/made_up.py", "core/training.py", "ui/nav.py"]
    assert missing(ARCHITECTURE.read_text(encoding="utf-8"), modules(tmp_path)) == ["core/made_up.py"]
    assert missing("`core/training.py` and core/made_up.py", ["core/training.py", "core/made_up.py"]) == [
        "core/made_up.py"]   # a name only in passing, not as code, does not count


def linked_files(path: Path) -> list[Path]:
    """The local files a Markdown file links to ([text](target) and ![alt](target)), anchors left off."""
    targets = re.findall(r"\]\(([^)\s]+)\)", path.read_text(encoding="utf-8"))
    return [(path.parent / t.split("#")[0]).resolve() for t in targets
            if not re.match(r"[a-z]+:", t) and t.split("#")[0]]


def test_every_link_of_the_docs_points_at_a_file_that_exists():
    for doc in sorted((ROOT / "docs").glob("*.md")):
        for target in linked_files(doc):
            assert target.exists(), f"{doc.name} links to {target.relative_to(ROOT)}"


def test_core_never_imports_streamlit():
    for path in sorted((ROOT / "core").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.split(".")[0] == "streamlit" for n in names), path.name
