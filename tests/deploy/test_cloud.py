"""cloud/: Community Cloud's main file serves the same app, from a folder of its own, with the CPU wheels."""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLOUD = ROOT / "cloud"

# A fresh interpreter in another folder, with nothing of the repository on sys.path: as `streamlit run
# cloud/streamlit_app.py` starts on Community Cloud, where Streamlit puts only cloud/ on the path, and reads
# page files against cloud/ unless they are absolute (ui.nav.PageEntry.path).
VISIT = """
import json, sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=60)
at.run()
seen = {"home": [t.value for t in at.title], "home_errors": [e.value for e in at.exception]}
at.switch_page("../pages/linear_regression.py").run()
seen["linear"] = [t.value for t in at.title]
seen["linear_errors"] = [e.value for e in at.exception]
seen["train"] = any(b.key == "linear.train" for b in at.button)
print("SEEN " + json.dumps(seen))
"""


def test_the_cloud_entrypoint_serves_home_and_a_training_page(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"TORCH_PLAYGROUND_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-c", VISIT, str(CLOUD / "streamlit_app.py")], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("SEEN ")), None)
    assert line, done.stdout[-2000:] + done.stderr[-2000:]
    seen = json.loads(line[5:])
    assert seen["home_errors"] == [] and seen["home"] == ["Torch Playground"]
    assert seen["linear_errors"] == [] and seen["linear"] == ["Linear regression"] and seen["train"]


def test_the_cloud_folder_holds_only_its_entrypoint_and_requirements():
    """No pages/ folder under cloud/: Streamlit would start in its old pages-folder mode from it."""
    assert sorted(p.name for p in CLOUD.iterdir() if p.name != "__pycache__") == ["requirements.txt",
                                                                                  "streamlit_app.py"]
