"""One code generator: a complete, runnable PyTorch script for what a page trains.

A page describes its data, model and loss with the builders below (the same choices it hands to
core), and `script()` writes the loop around them. The script draws the same random numbers as the
app (torch.manual_seed before the model: core.models draw in the same order from a generator seeded
alike; a separate seeded generator for the batch order), so it prints the same final loss.
"""
import json
import re
from dataclasses import dataclass

import numpy as np
import torch

from . import code_lines, optimizers
from .data import SAMPLE
from .models import ACTIVATIONS, CNN_MEMORY_FORMAT, INITS, cnn_layers
from .training import TrainConfig



@dataclass(frozen=True)
class Recipe:
    """Code that defines x and y (data), model (model) and loss_fn (loss), each a block of lines."""
    title: str
    data: str
    model: str
    loss: str
    hand_grads: str = ""   # code that sets p.grad for every parameter, in place of loss.backward()
    report: str = ""       # code run after training, before the final line (e.g. test accuracy)
    test_loss: str = ""    # an expression of `model`: the test loss early stopping watches (TrainConfig.patience)


# Words in code: a comment or the title holds text on one line, so nothing in it can end the comment
# (a newline, U+2028 where an editor breaks the line) or the docstring (quotes, a backslash).

def one_line(text) -> str:
    """text as a comment's words: every run of whitespace (newlines, U+2028 too) one space."""
    return " ".join(str(text).split())


def _docstring_words(text) -> str:
    """text inside a triple-quoted docstring: one line, its backslashes and quotes escaped."""
    return one_line(text).replace("\\", "\\\\").replace('"', '\\"')


# Data ---------------------------------------------------------------------------------------------

def _short(value: float) -> str:
    """A float32 value as the shortest decimal that reads back as the same float32 (10.58, not
    10.579999923706055); the double's full repr where reading through a double would round twice."""
    short = str(np.float32(value))
    return short if float(np.float32(float(short))) == value else repr(value)


def _column(name: str, values: list[float]) -> str:
    """name = torch.tensor([[v], [v], ...]): an (N, 1) column, as many values a line as fit."""
    return code_lines.packed(f"{name} = torch.tensor([", [f"[{_short(v)}]" for v in values], "])  # (N, 1)")


# Comments in the page's language ------------------------------------------------------------------

# Every comment the scripts write, in English, by name, written here only: a builder writes say(name,
# **values), a marker that script() turns into the words of the page's language (ui/lang_*.py
# "code.comment.<name>", with the same {placeholders}), or into these when it has none.
COMMENTS = {
    "noisy_line": "{n} points on y = {slope} x + {intercept}, plus Gaussian noise ({noise})",
    "sine_points": "{n} points of y = sin(x) on [-pi, pi]",
    "normalise": "uint8 (N, 28, 28) -> float (N, 1, 28, 28), like Normalize((0.5,), (0.5,))",
    "sample": "Torch Playground's sample of real MNIST digits ({file}): beside this script, or in ./data",
    "notebook": "pasted into a notebook: no __file__",
    "no_mnist": "no torchvision, no network: a sentence, not a traceback",
    "sum_of_squares": "sum of squared errors",
    "hand_backward": "backward, by hand: the tutorial's formulas for sum((y_hat - y)^2), no autograd",
    "forward": "forward",
    "loss": "loss",
    "no_graph": "no autograd graph: the gradients come by hand",
    "backward": "backward",
    "whole_set": "the whole data set: one step an epoch",
    "step_rule": "step: W := W - lr * grad",
    "loss_before_step": "the loss before this step",
    "batch_order": "the batch order, seeded",
    "step": "step",
    "epoch_loss": "the mean batch loss of the epoch",
    "threads": "as many threads as the app: sums then round alike",
    "start_weights": "the starting weights, as the app draws them",
    "cnn": "digits (N, 1, 28, 28): two rounds of convolution and pooling, then two linear layers",
    "channels_last": "weights laid out channels last, as the app's: faster convolutions on the CPU",
    "fused": "fused=True: every weight stepped at once, as the app does (the same rule, quicker)",
    "centred": "centred: each column less its mean, as the tutorial does",
    "standardise": "(t - mean) / std, in float64 as the app computes it",
    "one_value": "a column of one value stays where it is",
    "init": "the starting weights: {init} (the page's Initialisation)",
    "eval": "testing: dropout off, batch norm from its running averages",
    "early_stop": "early stopping: end when the test loss has not fallen for {patience} epochs",
    "one_hot": "squared error of the class probabilities against one-hot targets (as TensorFlow Playground trains)",
}
COMMENT_KEYS = tuple(f"code.comment.{name}" for name in COMMENTS)
# private-use characters: no text of a script holds them, so a marker cannot be mistaken for code
_OPEN, _VALUES, _CLOSE = "\ue000", "\ue001", "\ue002"
_MARKER = re.compile(f"{_OPEN}(\\w+){_VALUES}(.*?){_CLOSE}")


def say(name: str, **values) -> str:
    """The comment `name` of COMMENTS, with its {placeholders}' values, as a marker script() words."""
    if name not in COMMENTS:
        raise KeyError(f"no comment {name!r} in core.codegen.COMMENTS")
    return f"# {_OPEN}{name}{_VALUES}{json.dumps(values)}{_CLOSE}"


def say_comments(code: str, words: dict[str, str] | None = None) -> str:
    """code with each comment marker in the caller's words (words[f"code.comment.{name}"]), or English."""
    def worded(m: re.Match) -> str:
        name, values = m.group(1), json.loads(m.group(2))
        said = (words or {}).get(f"code.comment.{name}") or COMMENTS[name]
        return one_line(said.format(**values))
    return _MARKER.sub(worded, code)


# Steps a page takes on its data before training, as the script writes them (after the data's lines).
CENTRE_CODE = (say("centred") + "\n"
               "x, y = x - x.mean(), y - y.mean()")
STANDARDISE_CODE = (
    f"\n\ndef standardise(t):  {say('standardise')}\n"
    "    t64 = t.double()\n"
    "    mean, std = t64.mean().item(), t64.std().item()\n"
    f"    std = std if std > 0 else 1.0  {say('one_value')}\n"
    "    return ((t64 - mean) / std).to(t.dtype)\n\n\n"
    "x, y = standardise(x), standardise(y)")


def data_steps(code: str, centred: bool = False, standardised: bool = False) -> str:
    """A data block followed by the steps the page took on it: centring (core.data.table's centred),
    then standardising (core.landscape.standardise)."""
    return code + ("\n" + CENTRE_CODE if centred else "") + (STANDARDISE_CODE if standardised else "")


def data_values(x: torch.Tensor, y: torch.Tensor, comment: str) -> str:
    """Data written out as numbers (the tables, an uploaded CSV): x, y of shape (N, 1)."""
    return (f"# {one_line(comment)}\n"
            f"{_column('x', x.reshape(-1).tolist())}\n"
            f"{_column('y', y.reshape(-1).tolist())}")


def data_noisy_line(n: int, slope: float, intercept: float, noise: float, seed: int,
                    x_range: tuple[float, float] = (0.0, 10.0)) -> str:
    n, seed, slope, intercept, noise = int(n), int(seed), float(slope), float(intercept), float(noise)
    x_range = (float(x_range[0]), float(x_range[1]))
    y = f"y = {slope!r} * x + {intercept!r} + {noise!r} * torch.randn(x.shape, generator=noise_gen)"
    if code_lines.columns(y) > code_lines.WIDTH:  # the same sums in the same order, on two lines
        y = (f"y = {slope!r} * x + {intercept!r}\n"
             f"y = y + {noise!r} * torch.randn(x.shape, generator=noise_gen)")
    return (say("noisy_line", n=n, slope=repr(slope), intercept=repr(intercept), noise=repr(noise)) + "\n"
            f"x = torch.linspace({x_range[0]!r}, {x_range[1]!r}, {n}).unsqueeze(1)  # (N, 1)\n"
            f"noise_gen = torch.Generator().manual_seed({seed})\n" + y)


def data_sine(n: int, noise: float, seed: int) -> str:
    n, noise, seed = int(n), float(noise), int(seed)
    code = (say("sine_points", n=n) + "\n"
            f"x = torch.linspace(-math.pi, math.pi, {n}).unsqueeze(1)  # (N, 1)\n"
            f"y = torch.sin(x)")
    if noise:
        code += (f"\nnoise_gen = torch.Generator().manual_seed({seed})\n"
                 f"y = y + {noise!r} * torch.randn(y.shape, generator=noise_gen)")
    return code


def data_mnist(source: str) -> str:
    """The tutorial's normalisation, applied once to the whole set in memory."""
    scale = (say("normalise") + "\n"
             "def normalise(images):\n"
             "    return ((images.float() / 255.0 - 0.5) / 0.5).unsqueeze(1)\n\n")
    download = ("train = MNIST('data', train=True, download=True)\n"
                "test = MNIST('data', train=False, download=True)")
    if source == "full":
        return (scale + "from torchvision.datasets import MNIST\n" + download + "\n"
                "x, y = normalise(train.data), train.targets  # (60000, 1, 28, 28), (60000,)\n"
                "test_x, test_y = normalise(test.data), test.targets")
    # Not the server's install path: that means nothing on a student's machine and tells them where the
    # server keeps its files. The sample is looked for beside the script, then in ./data; without it the
    # script says so and trains on torchvision's full MNIST instead (its numbers then differ).
    return (
        scale + "import numpy as np\nfrom pathlib import Path\n\n"
        + say("sample", file=SAMPLE.name) + "\n"
        f"here = Path(__file__).parent if '__file__' in globals() else Path()  {say('notebook')}\n"
        f"places = (here / {SAMPLE.name!r}, Path('data') / {SAMPLE.name!r})\n"
        "SAMPLE = next((p for p in places if p.exists()), None)\n"
        "if SAMPLE is not None:\n"
        "    sample = np.load(SAMPLE)\n"
        "    x = normalise(torch.from_numpy(sample['train_x']))  # (4000, 1, 28, 28)\n"
        "    y = torch.from_numpy(sample['train_y']).long()      # (4000,)\n"
        "    test_x = normalise(torch.from_numpy(sample['test_x']))\n"
        "    test_y = torch.from_numpy(sample['test_y']).long()\n"
        "else:\n"
        f"    print('{SAMPLE.name} is neither beside this script nor in ./data: training on '\n"
        "          'full MNIST (60,000 digits, downloaded by torchvision into ./data) instead, '\n"
        "          'so the numbers differ from the page\\'s.')\n"
        "    try:\n"
        "        from torchvision.datasets import MNIST\n" + _indent(download, 8) + "\n"
        f"    except Exception as err:  {say('no_mnist')}\n"
        "        raise SystemExit('Could not get MNIST: neither the app\\'s sample nor a '\n"
        "                         f'download worked ({err}).')\n"
        "    x, y = normalise(train.data), train.targets  # (60000, 1, 28, 28), (60000,)\n"
        "    test_x, test_y = normalise(test.data), test.targets"
    )


# Models -------------------------------------------------------------------------------------------

def model_linear(w: float, b: float | None) -> str:
    """y = W x + b starting from given numbers (b None: no bias, y = W x)."""
    w, b = float(w), (None if b is None else float(b))
    if b is None:
        return f"model = nn.Linear(1, 1, bias=False)  # y = W x\nwith torch.no_grad():\n    model.weight.fill_({w!r})"
    return (f"model = nn.Linear(1, 1)  # y = W x + b\nwith torch.no_grad():\n"
            f"    model.weight.fill_({w!r})\n    model.bias.fill_({b!r})")


def model_cubic() -> str:
    return ("class Cubic(nn.Module):\n"
            "    \"\"\"y = a + b x + c x^2 + d x^3, its four numbers drawn with randn.\"\"\"\n"
            "    def __init__(self):\n"
            "        super().__init__()\n"
            "        numbers = (nn.Parameter(torch.randn(())) for _ in range(4))\n"
            "        self.a, self.b, self.c, self.d = numbers\n\n"
            "    def forward(self, x):\n"
            "        return self.a + self.b * x + self.c * x ** 2 + self.d * x ** 3\n\n\n"
            "model = Cubic()")


def init_code(init: str) -> str:
    """The lines after `model = ...` that start its weights as core.models.INITS[init] does ("" for
    PyTorch's default): the same nn.init calls, drawing from the generator torch.manual_seed seeded."""
    chosen = INITS[init]
    if chosen is None:
        return ""

    def call(tensor: str, function: str, args: dict) -> str:
        return f"nn.init.{function}({', '.join([tensor, *(f'{k}={v!r}' for k, v in args.items())])})"

    return (f"\nfor layer in model:  {say('init', init=init)}\n"
            "    if isinstance(layer, (nn.Linear, nn.Conv2d)):\n"
            f"        {call('layer.weight', *chosen.weight)}\n"
            f"        {call('layer.bias', *chosen.bias)}")


def model_mlp(hidden: tuple[int, ...], activation: str, in_features: int, out_features: int,
              flatten: bool = True, init: str = "default", norm: tuple[int, ...] = (),
              dropout: float = 0.0, drop: tuple[int, ...] = ()) -> str:
    """core.models.mlp (flatten=False: core.models.classifier, which takes (N, k) features already flat,
    with batch norm on the hidden layers in `norm` and dropout at rate `dropout` on those in `drop`)."""
    widths = [int(n) for n in (in_features, *hidden, out_features)]
    layers = ["nn.Flatten()"] if flatten else []
    for i, (a, b) in enumerate(zip(widths, widths[1:])):
        layers.append(f"nn.Linear({a}, {b})")
        if i < len(widths) - 2:
            layers += [f"nn.BatchNorm1d({b})"] if i in norm else []
            layers.append(ACTIVATIONS[activation].code)
            layers += [f"nn.Dropout({float(dropout)!r})"] if i in drop and dropout > 0 else []
    return "model = nn.Sequential(\n    " + ",\n    ".join(layers) + ",\n)" + init_code(init)


def model_cnn(init: str = "default") -> str:
    """core.models.cnn as a plain nn.Sequential, each layer's output shape beside it: built from the same
    list of layers (core.models.cnn_layers), so the two cannot drift apart."""
    lines, channels, side = [], 1, 28
    for name, args in cnn_layers():
        line = f"nn.{name}({', '.join(map(str, args))}),"
        if name == "Conv2d":
            channels, side = args[1], side - args[2] + 1
            line += f"  # (N, {channels}, {side}, {side})"
        elif name == "MaxPool2d":
            side //= args[0]
            line += f"  # (N, {channels}, {side}, {side})"
        elif name in ("Flatten", "Linear"):
            line += f"  # (N, {args[1] if name == 'Linear' else channels * side * side})"
        lines.append(line)
    return (say("cnn") + "\n"
            "model = nn.Sequential(\n    " + "\n    ".join(lines) + "\n)" + init_code(init) + "\n"
            f"model = model.to(memory_format={CNN_MEMORY_FORMAT})  {say('channels_last')}")


# Losses and hand gradients -------------------------------------------------------------------------

LOSS_CODE = {"mse": "nn.MSELoss()  # mean((y_hat - y)^2)",
             "cross_entropy": "nn.CrossEntropyLoss()",
             "sum_of_squares": "lambda y_hat, y: ((y_hat - y) ** 2).sum()  " + say("sum_of_squares"),
             "half_squared_error": "lambda y_hat, y: 0.5 * ((y - y_hat) ** 2).sum()"}

CUBIC_HAND_GRADS = (
    say("hand_backward") + "\n"
    "grad_y_pred = 2.0 * (y_hat - yb)\n"
    "hand = [grad_y_pred.sum(), (grad_y_pred * xb).sum(),\n"
    "        (grad_y_pred * xb ** 2).sum(), (grad_y_pred * xb ** 3).sum()]\n"
    "for p, g in zip(model.parameters(), hand):\n"
    "    p.grad = g")

ACCURACY_REPORT = (f"model.eval()  {say('eval')}\n"
                   "with torch.no_grad():\n"
                   "    predicted = model(test_x.to(device)).argmax(dim=1)\n"
                   "print(f'test accuracy: {(predicted == test_y.to(device)).float().mean().item():.1%}')")


# The script ---------------------------------------------------------------------------------------

def _indent(code: str, spaces: int) -> str:
    return "\n".join((" " * spaces + line) if line else line for line in code.splitlines())


# the script's parts in order, each a notebook cell (core/notebook.py), its heading a language table's
# f"notebook.{name}"
PARTS = ("title", "imports", "start", "data", "model", "loss", "loop", "report", "result")


def script(recipe: Recipe, cfg: TrainConfig, threads: int | None = None,
           words: dict[str, str] | None = None) -> str:
    """A complete script that trains recipe under cfg and ends by printing 'final loss: <value>'.

    threads: torch's thread count in the app (torch.get_num_threads()); the script sets the same, since
    a sum split over another number of threads rounds differently (0.000718 instead of 0.000949).
    words: the comments in the page's language (see COMMENTS); None writes them in English.
    """
    return "\n\n".join(code for _, code in script_parts(recipe, cfg, threads, words)) + "\n"


def script_parts(recipe: Recipe, cfg: TrainConfig, threads: int | None = None,
                 words: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """script's parts as (a name of PARTS, its code), in order: what a notebook puts in a cell each."""
    device = cfg.device if cfg.device != "auto" else "cpu"
    forward, loss = say("forward"), say("loss")
    step_body = (f"y_hat = model(xb)                {forward}\n"
                 f"loss = loss_fn(y_hat, yb)        {loss}\n")
    if recipe.hand_grads:
        step_body = f"with torch.no_grad():            {say('no_graph')}\n" + \
                    _indent(f"y_hat = model(xb)            {forward}\nloss = loss_fn(y_hat, yb)    {loss}", 4) + "\n"
    backward = recipe.hand_grads if recipe.hand_grads else f"loss.backward()                  {say('backward')}"
    # the schedule steps once an epoch, after the epoch it set the rate for (as core.training does)
    schedule = "\nscheduler.step()" if cfg.schedule != "constant" else ""
    if cfg.batch_size is None:
        loop = (f"for epoch in range({cfg.epochs}):\n"
                f"    xb, yb = x, y                    {say('whole_set')}\n"
                + _indent(step_body, 4) + "\n"
                "    if not math.isfinite(loss.item()):\n"
                "        print(f'the loss diverged at epoch {epoch + 1}')\n"
                "        break\n"
                "    optimizer.zero_grad()\n"
                + _indent(backward, 4) + "\n"
                f"    optimizer.step()                 {say('step_rule')}\n"
                f"    final = loss.item()              {say('loss_before_step')}\n"
                + _indent(schedule.strip(), 4) + ("\n" if schedule else "") +
                f"    if epoch % {max(cfg.epochs // 10, 1)} == 0:\n"
                "        print(f'epoch {epoch + 1}: loss {final:.6g}')")
    else:
        loop = (f"batch = min({cfg.batch_size}, len(x))\n"
                "steps_per_epoch = math.ceil(len(x) / batch)\n"
                f"order_gen = torch.Generator().manual_seed({cfg.seed})  {say('batch_order')}\n"
                f"for epoch in range({cfg.epochs}):\n"
                "    order = torch.randperm(len(x), generator=order_gen).to(device)\n"
                "    total = torch.zeros((), device=device)\n"
                "    for i in range(steps_per_epoch):\n"
                "        idx = order[i * batch:(i + 1) * batch]\n"
                "        xb, yb = x[idx], y[idx]\n"
                + _indent(step_body, 8) + "\n"
                "        optimizer.zero_grad()\n"
                + _indent(backward, 8) + "\n"
                f"        optimizer.step()             {say('step')}\n"
                "        total += loss.detach()\n"
                f"    epoch_loss = total.item() / steps_per_epoch  {say('epoch_loss')}\n"
                "    if not math.isfinite(epoch_loss):\n"
                "        print(f'the loss diverged at epoch {epoch + 1}')\n"
                "        break\n"
                "    final = epoch_loss\n"
                + _indent(schedule.strip(), 4) + ("\n" if schedule else "") +
                "    print(f'epoch {epoch + 1}: loss {final:.6g}')")
    if cfg.patience and recipe.test_loss:  # after the epoch's last step, as core.training measures it
        loop += ("\n    model.eval()\n    with torch.no_grad():\n"
                 f"        test_losses.append(({recipe.test_loss}).item())\n    model.train()\n"
                 f"    if len(test_losses) > {cfg.patience} and (min(test_losses[-{cfg.patience}:])\n"
                 f"                                      >= min(test_losses[:-{cfg.patience}])):\n"
                 "        print(f'early stop after epoch {epoch + 1}')\n        break")
        loop = f"test_losses = []  {say('early_stop', patience=cfg.patience)}\n" + loop
    optimizer = optimizers.code(cfg)
    if "fused=True" in optimizer:  # what a tutorial never writes, said once above it
        optimizer = say("fused") + "\n" + optimizer
    title = code_lines.wrap_words(f"{_docstring_words(recipe.title)}: written by Torch Playground for these "
                                  "settings.", first='"""')
    parts = [
        ("title", "\n".join(title) + "\n\nRun it with `python this_file.py`; with the same seed it prints the final "
                  'loss\nthe page shows.\n"""'),
        ("imports", "import math\n\nimport torch\nfrom torch import nn"
         + (f"\n\ntorch.set_num_threads({threads})  {say('threads')}" if threads else "")),
        ("start", f"device = {device!r}\ntorch.manual_seed({cfg.seed})  {say('start_weights')}"),
        ("data", recipe.data),
        ("model", recipe.model + "\nmodel = model.to(device)\nx, y = x.to(device), y.to(device)"),
        ("loss", f"loss_fn = {recipe.loss}\n{optimizer}"),
        ("loop", "final = float('nan')\n" + loop),
        *([("report", recipe.report)] if recipe.report else []),
        ("result", "print(f'final loss: {final:.6g}')"),
    ]
    # comments in the page's words first, then the lines they make too long are fitted (line by line: a part
    # is fitted as the whole script would fit it)
    return [(name, code_lines.fit(say_comments(code, words))) for name, code in parts]
