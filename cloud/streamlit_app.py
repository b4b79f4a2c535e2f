"""Torch Playground on Streamlit Community Cloud: choose this file as the app's main file.

The same app as ../streamlit_app.py. It lives in a folder of its own only for the requirements file
beside it, which Community Cloud reads before the repository's: PyTorch's CPU-only wheels (docs/deploy.md).
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # Streamlit puts this file's folder on the path, not the repository's root
    sys.path.insert(0, str(ROOT))

from ui import nav  # noqa: E402

nav.run_app()
