"""Torch Playground's core: data, models and the one training loop. Never imports streamlit.

Its modules load on first use (`core.data`, `core.TrainConfig`), so a page that needs only
core.settings, such as Home, draws without importing torch.
"""
import importlib

MODULES = ("budget", "charts", "classify", "codegen", "data", "devices", "evaluation", "experiment", "export",
           "gradients", "images", "inside", "landscape", "losses", "models", "network_picture", "optimizers", "pace",
           "points", "problems", "regimes", "runs", "settings", "snippets", "tensors", "training")
# names taken from a module, so callers write core.train rather than core.training.train
NAMES = {"History": "training", "Progress": "training", "Run": "training", "TrainConfig": "training",
         "compare": "training", "evaluate": "training", "predict": "training", "steps": "training",
         "train": "training", "Experiment": "experiment"}

__all__ = [*MODULES, *NAMES]


def __getattr__(name: str):
    if name in MODULES:
        return importlib.import_module(f".{name}", __name__)
    if name in NAMES:
        value = getattr(importlib.import_module(f".{NAMES[name]}", __name__), name)
        globals()[name] = value  # the next look-up is a plain attribute
        return value
    raise AttributeError(f"module 'core' has no attribute {name!r}")
