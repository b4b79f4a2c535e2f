"""Home and the sidebar draw without importing torch; torch loads once, in the background."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

HOME_ALONE = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from ui import nav
nav._load_torch = lambda ready: ready.set()  # what Home itself imports is measured, not the background load
from streamlit.testing.v1 import AppTest
at = AppTest.from_file({str(ROOT / "streamlit_app.py")!r}, default_timeout=60)
at.run()
assert not at.exception, at.exception
assert at.title[0].value == "Torch Playground"
print("torch imported:", "torch" in sys.modules)
"""


def test_home_draws_without_importing_torch():
    out = subprocess.run([sys.executable, "-c", HOME_ALONE], capture_output=True, text=True, timeout=120)
    assert "torch imported: False" in out.stdout, out.stdout + out.stderr


LESSONS_ALONE = HOME_ALONE.replace("at.run()", "at.switch_page('pages/lessons.py').run()").replace(
    'at.title[0].value == "Torch Playground"', 'at.title[0].value == "Lessons"')


def test_the_lessons_page_draws_without_importing_torch():
    out = subprocess.run([sys.executable, "-c", LESSONS_ALONE], capture_output=True, text=True, timeout=120)
    assert "torch imported: False" in out.stdout, out.stdout + out.stderr


def test_the_background_load_brings_torch_and_core_in():
    import threading

    from ui import nav
    ready = threading.Event()
    nav._load_torch(ready)
    assert ready.is_set() and "torch" in sys.modules and "core.training" in sys.modules and "core.charts" in sys.modules


WARM_UP = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import threading
from ui import nav
nav._load_torch(threading.Event())
print("loaded:", ",".join(m for m in ("torch._dynamo", "ui.live_run", "ui.code_panel") if m in sys.modules))
import core
print("mnist sample read:", core.data.sample.cache_info().currsize)
"""


def test_the_background_load_takes_what_a_first_train_would_wait_for():
    # a fresh process: in this one, earlier tests have imported everything already
    out = subprocess.run([sys.executable, "-c", WARM_UP], capture_output=True, text=True, timeout=120)
    assert "loaded: torch._dynamo,ui.live_run,ui.code_panel" in out.stdout, out.stdout + out.stderr
    assert "mnist sample read: 1" in out.stdout  # once for the process, before anyone opens MNIST


SERVER_START = f"""
import asyncio, sys
sys.path.insert(0, {str(ROOT)!r})
import server
async def start():
    async with server.lifespan(server.app):   # what the ASGI server runs before it answers anyone
        loaded = ("torch", "torch._dynamo", "core.training", "ui.live_run")
        print("loaded:", ",".join(m for m in loaded if m in sys.modules))
        from torch._native import triton_utils
        print("triton:", any(m.startswith("triton.") for m in sys.modules), triton_utils.runtime_available())
asyncio.run(start())
"""


def test_server_py_loads_torch_before_it_answers_anyone():
    out = subprocess.run([sys.executable, "-c", SERVER_START], capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert "loaded: torch,torch._dynamo,core.training,ui.live_run" in out.stdout, out.stdout + out.stderr
    # 76 MB a process that the CUDA wheel's torch._dynamo would bring; and torch knows it is not there
    assert "triton: False False" in out.stdout, out.stdout + out.stderr


def test_every_page_imports_core_before_torch():
    """core keeps Triton out only if torch is not loaded yet; a classic server's first visitor may open
    any page directly, so each page's first import that loads torch must come after `import core`."""
    import ast
    for path in sorted((ROOT / "pages").glob("*.py")):
        names = [alias.name if isinstance(node, ast.Import) else node.module
                 for node in ast.parse(path.read_text()).body if isinstance(node, (ast.Import, ast.ImportFrom))
                 for alias in node.names]
        torch_at = next((i for i, n in enumerate(names) if n and n.split(".")[0] == "torch"), len(names))
        core_at = next((i for i, n in enumerate(names) if n and n.split(".")[0] == "core"), len(names))
        assert core_at <= torch_at, path.name


CORE_FIRST = """
import core, torch, sys
from torch._native import triton_utils
print("triton:", any(m.startswith("triton.") for m in sys.modules), triton_utils.runtime_available())
"""


def test_core_imported_first_keeps_triton_out_and_torch_knows():
    out = subprocess.run([sys.executable, "-c", CORE_FIRST], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert "triton: False False" in out.stdout, out.stdout + out.stderr
