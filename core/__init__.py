"""Torch Playground's core: data, models and the one training loop. Never imports streamlit."""
from . import (budget, charts, codegen, data, devices, evaluation, export, gradients, images, landscape, losses, models,
               optimizers, pace, problems, runs, settings, snippets, tensors)
from .experiment import Experiment
from .training import History, Progress, Run, TrainConfig, compare, evaluate, predict, steps, train

__all__ = ["Experiment", "History", "Progress", "Run", "TrainConfig", "budget", "charts", "codegen", "compare", "data", "devices", "evaluate",
           "evaluation", "export", "gradients", "images", "landscape", "losses", "models", "optimizers", "pace", "predict", "problems", "runs",
           "settings", "snippets", "steps", "tensors", "train"]
