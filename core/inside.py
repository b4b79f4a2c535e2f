"""Look inside a trained MNIST network: what its first layer looks for, as pictures.

For the MLP, each hidden unit of the first Linear layer has one weight per pixel: its 784 weights laid
out as 28x28 show the pattern that makes it fire. For the CNN, the first convolution's filters (5x5
each), and what each filter finds in one digit (its feature map). Values come back as arrays; `grid`
turns a stack of them into one RGB picture a page can show.
"""
import numpy as np
import torch
from torch import nn

from .models import ACTIVATIONS

# Diverging colours for signed values (weights): blue below zero, white at zero, red above.
NEGATIVE, ZERO, POSITIVE = (33, 102, 172), (247, 247, 247), (178, 24, 43)
# Sequential colours for values from zero up (feature maps after ReLU): black, through purple and
# orange, to pale yellow, so a weak response stays dark and a digit's strokes glow.
HEAT = ((0, 0, 4), (120, 28, 109), (237, 105, 37), (252, 255, 164))
GAP = (222, 226, 230)  # the lines between pictures


def _first(model: nn.Module, kind: type) -> nn.Module:
    layer = next((m for m in model.modules() if isinstance(m, kind)), None)
    if layer is None:
        raise ValueError(f"the model has no {kind.__name__} layer")
    return layer


def weight_pictures(model: nn.Module, most: int = 32, start: nn.Module | None = None) -> np.ndarray:
    """The first Linear layer's weights, one 28x28 picture a hidden unit: (K, 28, 28), K <= most.

    Row k of weight (hidden, 784) is what unit k multiplies the flattened digit by, so a positive (red)
    pixel is ink that makes the unit fire and a negative (blue) one ink that holds it back.
    start: the same network before training; then the units that training changed most come first
    (after a few epochs most units still look like their random start: speckle, not strokes).
    """
    layer = _first(model, nn.Linear)
    if layer.in_features != 28 * 28:
        raise ValueError(f"the first Linear layer takes {layer.in_features} inputs, not 784 pixels")
    weight = layer.weight.detach().cpu()                 # (hidden, 784)
    if start is not None:
        change = (weight - _first(start, nn.Linear).weight.detach().cpu()).norm(dim=1)  # (hidden,)
        weight = weight[change.argsort(descending=True)]
    return weight[:most].reshape(-1, 28, 28).numpy().copy()  # (K, 28, 28)


def units(model: nn.Module) -> int:
    """How many hidden units the first Linear layer has (each has a weight picture)."""
    return _first(model, nn.Linear).out_features


def filters(model: nn.Module) -> np.ndarray:
    """The first convolution's filters: (C, k, k), one per output channel (the input is one grey channel)."""
    conv = _first(model, nn.Conv2d)
    weight = conv.weight.detach().cpu()                  # (C, 1, k, k)
    if weight.shape[1] != 1:
        raise ValueError(f"the first convolution takes {weight.shape[1]} channels, not one grey picture")
    return weight[:, 0].numpy().copy()                   # (C, k, k)


def feature_maps(model: nn.Module, x: torch.Tensor) -> np.ndarray:
    """What the first convolution, and the activation right after it, make of one digit x (1, 1, 28, 28):
    (C, H, W), one map a filter (24x24 for 5x5 filters without padding). Bright where the filter's
    pattern is found in the digit."""
    if not isinstance(model, nn.Sequential):
        raise ValueError("feature maps need the layers in order (an nn.Sequential)")
    layers = list(model)
    start = next((i for i, m in enumerate(layers) if isinstance(m, nn.Conv2d)), None)
    if start is None:
        raise ValueError("the model has no Conv2d layer")
    end = start + 1
    if end < len(layers) and isinstance(layers[end], tuple(a.module for a in ACTIVATIONS.values() if a.bends)):
        end += 1  # the activation belongs with the convolution: it is what the next layer sees
    device = next(model.parameters()).device
    with torch.no_grad():
        out = nn.Sequential(*layers[:end])(x.to(device))  # (1, C, H, W)
    return out[0].cpu().numpy().copy()                     # (C, H, W)


def _ramp(t: np.ndarray, stops) -> np.ndarray:
    """t in [0, 1] (any shape) -> RGB uint8 (..., 3), linear between equally spaced colour stops."""
    stops = np.asarray(stops, dtype=np.float32)            # (S, 3)
    pos = np.clip(t, 0, 1) * (len(stops) - 1)
    lo = np.minimum(pos.astype(int), len(stops) - 2)
    frac = (pos - lo)[..., None]
    return np.round(stops[lo] * (1 - frac) + stops[lo + 1] * frac).astype(np.uint8)


def colours(values: np.ndarray, diverging: bool = True) -> np.ndarray:
    """One picture's values (H, W) -> RGB uint8 (H, W, 3), scaled to the picture's own range.

    diverging: zero is white, the largest |value| full blue or red, so the sign reads at a glance.
    Otherwise zero (or the smallest value) is black and the largest pale yellow.
    """
    values = np.asarray(values, dtype=np.float32)
    if diverging:
        top = float(np.abs(values).max()) or 1.0
        return _ramp(values / (2 * top) + 0.5, (NEGATIVE, ZERO, POSITIVE))
    low = min(0.0, float(values.min()))
    span = float(values.max()) - low or 1.0
    return _ramp((values - low) / span, HEAT)


def grid(pictures: np.ndarray, columns: int = 8, scale: int = 4, diverging: bool = True,
         gap: int = 2) -> np.ndarray:
    """A stack of pictures (K, H, W) -> one RGB uint8 image, `columns` across, each picture coloured on its
    own scale and enlarged `scale` times (nearest pixel, so each weight stays a sharp square)."""
    k, h, w = pictures.shape
    columns = max(1, min(columns, k))
    rows = -(-k // columns)
    cell_h, cell_w = h * scale, w * scale
    sheet = np.empty((rows * (cell_h + gap) + gap, columns * (cell_w + gap) + gap, 3), dtype=np.uint8)
    sheet[:] = GAP
    for i, picture in enumerate(pictures):
        big = colours(picture, diverging).repeat(scale, axis=0).repeat(scale, axis=1)  # (cell_h, cell_w, 3)
        top, left = gap + (i // columns) * (cell_h + gap), gap + (i % columns) * (cell_w + gap)
        sheet[top:top + cell_h, left:left + cell_w] = big
    return sheet


def kind(model: nn.Module) -> str:
    """"cnn" when the model has a convolution whose filters can be shown, else "mlp"."""
    return "cnn" if any(isinstance(m, nn.Conv2d) for m in model.modules()) else "mlp"
