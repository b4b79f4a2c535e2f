"""The models the tutorials train: a line, a cubic, and a multilayer perceptron.

Every constructor takes a seed and draws from its own torch.Generator, never the global one, so two
sessions building models at once cannot change each other's numbers.
"""
import math

import torch
from torch import nn

ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid}


def _default_linear_init(layer: nn.Linear, gen: torch.Generator) -> None:
    """PyTorch's own nn.Linear init (uniform in +-1/sqrt(fan_in)), drawn from `gen`."""
    bound = 1 / math.sqrt(layer.in_features)
    with torch.no_grad():
        layer.weight.uniform_(-bound, bound, generator=gen)
        if layer.bias is not None:
            layer.bias.uniform_(-bound, bound, generator=gen)


def linear(init="zeros", seed: int = 0, bias: bool = True) -> nn.Linear:
    """y = W x + b with one input and one output; x is (N, 1).

    init: "zeros", "ones", "random" (randn from `seed`), or a pair (W, b) to start from.
    bias=False gives y = W x, the gradient descent tutorial's model with b held at 0.
    """
    model = nn.Linear(1, 1, bias=bias)
    params = list(model.parameters())
    with torch.no_grad():
        if isinstance(init, (tuple, list)):
            for p, value in zip(params, init):
                p.fill_(float(value))
        elif init in ("zeros", "ones"):
            for p in params:
                p.fill_(0.0 if init == "zeros" else 1.0)
        elif init == "random":
            gen = torch.Generator().manual_seed(seed)
            for p in params:
                p.copy_(torch.randn(p.shape, generator=gen))
        else:
            raise ValueError(f"init must be 'zeros', 'ones' or 'random', not {init!r}")
    return model


class Cubic(nn.Module):
    """y = a + b x + c x^2 + d x^3, applied elementwise to x of any shape."""

    def __init__(self, seed: int = 0):
        super().__init__()
        gen = torch.Generator().manual_seed(seed)
        # randn init, as the tutorial does: a, b, c, d = torch.randn((), ...) four times
        self.a, self.b, self.c, self.d = (nn.Parameter(torch.randn((), generator=gen)) for _ in range(4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.a + self.b * x + self.c * x ** 2 + self.d * x ** 3

    def coefficients(self) -> list[float]:
        return [p.item() for p in (self.a, self.b, self.c, self.d)]


def cubic(seed: int = 0) -> Cubic:
    """The sine tutorial's cubic a + b x + c x^2 + d x^3 with a randn init from `seed`."""
    return Cubic(seed)


def _stack(widths: list[int], activation: type[nn.Module], seed: int) -> list[nn.Module]:
    """Linear+activation for each pair of widths (none after the last), drawn from a generator seeded
    with `seed` in PyTorch's own init: a script with torch.manual_seed(seed) builds the same weights."""
    layers: list[nn.Module] = []
    for i, (n_in, n_out) in enumerate(zip(widths, widths[1:])):
        layers.append(nn.Linear(n_in, n_out))
        if i < len(widths) - 2:
            layers.append(activation())
    gen = torch.Generator().manual_seed(seed)
    for layer in layers:
        if isinstance(layer, nn.Linear):
            _default_linear_init(layer, gen)
    return layers


def mlp(hidden=(128, 64), activation: str = "relu", in_features: int = 784,
        out_features: int = 10, seed: int = 0) -> nn.Sequential:
    """Flatten, then Linear+activation per hidden width, then a Linear to the outputs.

    The defaults are the MNIST tutorial's 784-128-64-10 with ReLU; it takes (N, 1, 28, 28) or (N, 784).
    """
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}, not {activation!r}")
    return nn.Sequential(nn.Flatten(), *_stack([in_features, *hidden, out_features], ACTIVATIONS[activation], seed))


def classifier(in_features: int, hidden=(4, 4), activation: str = "tanh", seed: int = 0) -> nn.Sequential:
    """The Classify page's network: Linear+activation per hidden width, then a Linear to 2 logits.

    activation also takes "linear" (no activation); hidden may be () for plain logistic regression.
    Takes the input features (N, in_features), gives logits (N, 2).
    """
    kinds = {**ACTIVATIONS, "linear": nn.Identity}
    if activation not in kinds:
        raise ValueError(f"activation must be one of {sorted(kinds)}, not {activation!r}")
    return nn.Sequential(*_stack([in_features, *hidden, 2], kinds[activation], seed))
