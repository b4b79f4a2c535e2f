"""The README's set-up, as a newcomer follows it, and the requirements' notes point at nothing missing."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def set_up() -> str:
    text = (ROOT / "README.md").read_text()
    return text[text.index("## Set up"):text.index("\n## ", text.index("## Set up") + 1)]


def test_the_set_up_makes_a_virtual_environment_and_says_which_address_to_open():
    section = set_up()
    commands = re.findall(r"```bash\n(.*?)\n```", section, flags=re.S)
    assert len(commands) == 2                                       # run it, test it: two lines
    assert commands[0].startswith("python -m venv .venv && . .venv/bin/activate && ")
    assert commands[1].startswith("pip install -r requirements-dev.txt")   # .ci/run greps this line
    assert "http://localhost:8501" in section


def test_the_readme_promises_no_slow_motion_seconds():
    text = (ROOT / "README.md").read_text()
    assert not re.search(r"24\s*\n?\s*\(Slow motion\)|Slow motion[^.]*24 s", text)


def test_the_requirements_point_to_no_file_the_project_lacks():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for mentioned in re.findall(r"\b([\w/-]+\.md)\b", (ROOT / name).read_text()):
            assert (ROOT / mentioned).exists(), f"{name} points to {mentioned}"


def test_the_readme_stays_short_for_a_student_or_a_teacher():
    """Benchmarks, load tests and server notes live in docs/; the README is what a newcomer reads."""
    assert len((ROOT / "README.md").read_text().splitlines()) < 150


def test_every_doc_and_picture_the_readme_links_exists():
    text = (ROOT / "README.md").read_text()
    linked = re.findall(r"\]\((docs/[^)#\s]+)", text)
    assert {"docs/deploy.md", "docs/performance.md", "docs/memory.md", "docs/architecture.md"} <= set(linked)
    for target in linked:
        assert (ROOT / target).exists(), f"README.md links to {target}"
