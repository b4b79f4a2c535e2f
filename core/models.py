"""The models the tutorials train: a line, a cubic, a multilayer perceptron, and a small CNN.

Every constructor takes a seed and draws from its own torch.Generator, never the global one, so two
sessions building models at once cannot change each other's numbers.
"""
import math
from dataclasses import dataclass

import torch
from torch import nn


@dataclass(frozen=True)
class Activation:
    """One activation, for every page, model and script: a new one is one entry below.

    Its name on a page and in a script is its torch class's (nn.ReLU: "ReLU", "nn.ReLU()"), the same in
    every language, unless `worded`: then the language tables word it under "activation.<key>"."""
    module: type[nn.Module]
    bends: bool = True     # False: a network of it is one straight map (Classify offers it to show that)
    worded: bool = False

    @property
    def code(self) -> str:
        return f"nn.{self.module.__name__}()"


ACTIVATIONS = {"relu": Activation(nn.ReLU), "tanh": Activation(nn.Tanh), "sigmoid": Activation(nn.Sigmoid),
               # ReLU's successors: a small slope below 0 (no unit dies), and the smooth ones transformers use
               "leaky_relu": Activation(nn.LeakyReLU), "gelu": Activation(nn.GELU), "silu": Activation(nn.SiLU),
               "linear": Activation(nn.Identity, bends=False, worded=True)}


def bending() -> list[str]:
    """The activations that bend (all but "linear"): what MNIST and Sine offer."""
    return [key for key, a in ACTIVATIONS.items() if a.bends]


def _default_linear_init(layer: nn.Linear, gen: torch.Generator) -> None:
    """PyTorch's own nn.Linear init (uniform in +-1/sqrt(fan_in)), drawn from `gen`."""
    bound = 1 / math.sqrt(layer.in_features)
    with torch.no_grad():
        layer.weight.uniform_(-bound, bound, generator=gen)
        if layer.bias is not None:
            layer.bias.uniform_(-bound, bound, generator=gen)


def _default_conv_init(layer: nn.Conv2d, gen: torch.Generator) -> None:
    """PyTorch's own nn.Conv2d init (uniform in +-1/sqrt(in_channels * k * k)), drawn from `gen`."""
    fan_in = layer.in_channels // layer.groups * math.prod(layer.kernel_size)
    bound = 1 / math.sqrt(fan_in)
    with torch.no_grad():
        layer.weight.uniform_(-bound, bound, generator=gen)
        if layer.bias is not None:
            layer.bias.uniform_(-bound, bound, generator=gen)


@dataclass(frozen=True)
class Init:
    """A way to start a network's weights: a torch.nn.init function for each weight and each bias, with
    its arguments. The app calls them with its seeded generator, the script (core.codegen) writes the same
    calls after torch.manual_seed, so both draw the same numbers. A new one is one entry in INITS."""
    weight: tuple[str, dict]
    bias: tuple[str, dict]

    @staticmethod
    def random(function: str) -> bool:
        return function != "zeros_"  # the functions below that draw, and so take a generator

    def apply(self, layer: nn.Module, gen: torch.Generator) -> None:
        with torch.no_grad():
            for tensor, (function, args) in ((layer.weight, self.weight), (layer.bias, self.bias)):
                if tensor is not None:
                    getattr(nn.init, function)(tensor, **args, **({"generator": gen} if self.random(function) else {}))


# "default" is PyTorch's own init, none of these: every layer's reset_parameters()
INITS: dict[str, Init | None] = {
    "default": None,
    "zeros": Init(("zeros_", {}), ("zeros_", {})),            # every unit the same: nothing breaks the symmetry
    "normal": Init(("normal_", {"std": 1.0}), ("normal_", {"std": 1.0})),   # far too large past a few inputs
    "xavier": Init(("xavier_uniform_", {}), ("zeros_", {})),  # Glorot and Bengio 2010: for Tanh and Sigmoid
    "kaiming": Init(("kaiming_normal_", {"nonlinearity": "relu"}), ("zeros_", {})),  # He et al. 2015: for ReLU
}
WEIGHTED = (nn.Linear, nn.Conv2d)  # the layers an Init starts


def _seeded(model: nn.Sequential, seed: int, init: str = "default",
            gen: torch.Generator | None = None) -> nn.Sequential:
    """Re-draw every layer's init from one generator seeded with `seed`, in the order the layers were made:
    the same numbers torch.manual_seed(seed) and a plain nn.Sequential give (the scripts rely on it); then,
    for an init other than PyTorch's, each layer's weight and bias from INITS[init], in layer order.
    gen: a generator seeded with `seed` that the model's Dropout layers go on drawing from."""
    if init not in INITS:
        raise ValueError(f"init must be one of {sorted(INITS)}, not {init!r}")
    gen = gen if gen is not None else torch.Generator().manual_seed(seed)
    for layer in model:
        if isinstance(layer, nn.Linear):
            _default_linear_init(layer, gen)
        elif isinstance(layer, nn.Conv2d):
            _default_conv_init(layer, gen)
    if INITS[init] is not None:
        for layer in model:
            if isinstance(layer, WEIGHTED):
                INITS[init].apply(layer, gen)
    return model


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


def weight_of(model: nn.Module) -> float:
    return model.weight.item()


def bias_of(model: nn.Module) -> float:
    return model.bias.item()


def line_metrics() -> dict:
    """History metrics of a line's W and b each epoch: core's functions, so a kept run holds no page's."""
    return {"W": weight_of, "b": bias_of}


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


def _stack(widths: list[int], activation: type[nn.Module]) -> list[nn.Module]:
    """Linear+activation for each pair of widths (none after the last); _seeded draws their weights."""
    layers: list[nn.Module] = []
    for i, (n_in, n_out) in enumerate(zip(widths, widths[1:])):
        layers.append(nn.Linear(n_in, n_out))
        if i < len(widths) - 2:
            layers.append(activation())
    return layers


def mlp(hidden=(128, 64), activation: str = "relu", in_features: int = 784,
        out_features: int = 10, seed: int = 0, init: str = "default") -> nn.Sequential:
    """Flatten, then Linear+activation per hidden width, then a Linear to the outputs.

    The defaults are the MNIST tutorial's 784-128-64-10 with ReLU; it takes (N, 1, 28, 28) or (N, 784).
    """
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}, not {activation!r}")
    layers = _stack([in_features, *hidden, out_features], ACTIVATIONS[activation].module)
    return _seeded(nn.Sequential(nn.Flatten(), *layers), seed, init)


# The CNN's sizes: chosen so that on the bundled sample (4,000 digits) five epochs of Adam at 1e-3, batches
# of 64, reach 96 to 98% test accuracy (seeds 0 to 3), at about half a second an epoch on one CPU thread
# (bench/mnist_epoch.py). 8 and 16 channels fell to 95.1%; padding doubled the time for nothing.
CNN_CHANNELS = (16, 32)
CNN_KERNEL = 5
CNN_HIDDEN = 128


def cnn_layers(channels: tuple[int, int] = CNN_CHANNELS, kernel: int = CNN_KERNEL,
               hidden: int = CNN_HIDDEN) -> list[tuple[str, tuple]]:
    """The CNN as (layer name, arguments), shared by cnn() and the code panel's script, and the
    shape after each: a 28x28 digit, two rounds of a 5x5 convolution (no padding) and 2x2 max pooling."""
    side = ((28 - kernel + 1) // 2 - kernel + 1) // 2   # 28 -> 24 -> 12 -> 8 -> 4
    c1, c2 = channels
    return [("Conv2d", (1, c1, kernel)), ("ReLU", ()), ("MaxPool2d", (2,)),      # (N, c1, 12, 12)
            ("Conv2d", (c1, c2, kernel)), ("ReLU", ()), ("MaxPool2d", (2,)),     # (N, c2, 4, 4)
            ("Flatten", ()), ("Linear", (c2 * side * side, hidden)), ("ReLU", ()),
            ("Linear", (hidden, 10))]                                              # (N, 10)


# The CNN keeps its weights channels last in memory ((out, kh, kw, in) under the same (out, in, kh, kw) shape):
# oneDNN's convolutions on the CPU then work in that layout throughout instead of reordering every batch, and
# an epoch of the sample took about 0.8x the time on one thread (bench/loop_speed.py). A digit (N, 1, 28, 28)
# is already laid out so. The sums round apart from the default layout's in the last digits, so the script
# lays its CNN out alike (core.codegen.model_cnn), after the starting weights are drawn, as here.
CNN_MEMORY_FORMAT = torch.channels_last


def cnn(seed: int = 0, channels: tuple[int, int] = CNN_CHANNELS, kernel: int = CNN_KERNEL,
        hidden: int = CNN_HIDDEN, init: str = "default") -> nn.Sequential:
    """A small convolutional network for MNIST: (N, 1, 28, 28) -> (N, 10) logits.

    Conv 1->16 (5x5), ReLU, max-pool 2; Conv 16->32 (5x5), ReLU, max-pool 2; then Linear 512->128, ReLU,
    Linear 128->10. model[0] is the first convolution, whose filters the page shows.
    """
    layers = nn.Sequential(*(getattr(nn, name)(*args) for name, args in cnn_layers(channels, kernel, hidden)))
    return _seeded(layers, seed, init).to(memory_format=CNN_MEMORY_FORMAT)  # drawn first: draws fill in memory order


class Dropout(nn.Dropout):
    """nn.Dropout drawing its masks from a generator of its own, so two sessions training at once cannot
    change each other's masks. It draws exactly what nn.Dropout draws from torch's global generator in the
    same state (a Bernoulli(1 - p) mask, then x * mask * 1 / (1 - p)): the script, which writes
    nn.Dropout after torch.manual_seed, repeats the app's run mask for mask (tests/core/test_dropout.py)."""

    def __init__(self, p: float, gen: torch.Generator):
        super().__init__(p)
        self.gen = gen

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.training or self.p == 0:
            return x  # model.eval(): every unit kept, nothing rescaled
        keep = torch.empty(x.shape).bernoulli_(1 - self.p, generator=self.gen).to(x.device)  # drawn on the CPU
        return x * keep * (1.0 / (1 - self.p))


def classifier(in_features: int, hidden=(4, 4), activation: str = "tanh", seed: int = 0,
               init: str = "default", classes: int = 2, norm: tuple[int, ...] = (),
               dropout: float = 0.0, drop: tuple[int, ...] = ()) -> nn.Sequential:
    """The Classify page's network: per hidden width Linear, [BatchNorm1d], activation, [Dropout], then a
    Linear to one logit a class. norm and drop are the hidden layers (0-based) that take batch norm and
    dropout at rate `dropout`.

    activation also takes "linear" (no activation); hidden may be () for plain logistic regression.
    Takes the input features (N, in_features), gives logits (N, classes).
    """
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}, not {activation!r}")
    if not 0 <= dropout < 1:
        raise ValueError(f"dropout must be in [0, 1), not {dropout!r}")
    layers, gen = [], torch.Generator().manual_seed(seed)
    for i, (n_in, n_out) in enumerate(zip([in_features, *hidden], [*hidden, classes])):
        layers.append(nn.Linear(n_in, n_out))
        if i < len(hidden):
            layers += [nn.BatchNorm1d(n_out)] if i in norm else []
            layers.append(ACTIVATIONS[activation].module())
            layers += [Dropout(dropout, gen)] if i in drop and dropout > 0 else []
    # the masks come from the generator that drew the weights, after them: in the script, torch's global
    # generator after torch.manual_seed(seed) and the same draws for the weights
    return _seeded(nn.Sequential(*layers), seed, init, gen)
