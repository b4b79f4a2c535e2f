"""Torch Playground's core: data, models and the one training loop. Never imports streamlit.

Its modules load on first use (`core.data`, `core.TrainConfig`), so a page that needs only
core.settings, such as Home, draws without importing torch.
"""
import importlib
import sys

MODULES = ("autograd", "budget", "cell_charts", "charts", "classify", "codegen", "data", "devices", "evaluation",
           "experiment", "export", "gradients", "graph_picture", "health", "images", "inside", "kept_runs",
           "landscape", "lessons", "losses", "lr_finder", "malloc", "memory", "models", "network_picture",
           "notebook", "numbers", "optimizers", "own_points", "pace", "plane_maps", "points", "problems", "regimes",
           "settings", "snippets", "tensors", "training")
# names taken from a module, so callers write core.train rather than core.training.train
NAMES = {"History": "training", "Progress": "training", "Run": "training", "TrainConfig": "training",
         "compare": "training", "evaluate": "evaluation", "predict": "training", "steps": "training",
         "train": "training", "Experiment": "experiment"}

__all__ = [*MODULES, *NAMES]


def keep_triton_out() -> None:
    """Keep Triton out of this process: 76 MB of a server's memory that nothing here uses.

    The first optimizer step imports torch._dynamo (torch wraps Optimizer.step for it), which imports
    Triton where the wheel ships it (PyPI's CUDA wheels do; the CPU wheels of deploy/ do not). Triton
    compiles kernels for torch.compile, which the playground never calls; a None in sys.modules makes
    `import triton` fail as if it were not installed. Only before torch is imported: torch decides once,
    as it loads, whether Triton is there, and a torch that believes it is would later fail to import it.
    So it runs as core is imported, and a page imports core before torch.
    """
    if "torch" not in sys.modules:
        sys.modules.setdefault("triton", None)


keep_triton_out()


def __getattr__(name: str):
    if name in MODULES:
        return importlib.import_module(f".{name}", __name__)
    if name in NAMES:
        value = getattr(importlib.import_module(f".{NAMES[name]}", __name__), name)
        globals()[name] = value  # the next look-up is a plain attribute
        return value
    raise AttributeError(f"module 'core' has no attribute {name!r}")
