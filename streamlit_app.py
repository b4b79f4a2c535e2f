"""Torch Playground: the entrypoint. Page settings and the navigation over the pages (ui/nav.py)."""
from ui import nav

nav.run_app()
