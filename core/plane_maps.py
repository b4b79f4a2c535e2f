"""Every neuron of a Classify network over the plane, and the page's two live pictures drawn from them: the
decision boundary with the points, and the network with each neuron's map (TensorFlow Playground's)."""
from typing import TYPE_CHECKING

import torch
from torch import nn

from . import points

if TYPE_CHECKING:
    from .classify import Setup

# Every neuron over the plane ----------------------------------------------------------------------

def grid(resolution: int) -> torch.Tensor:
    """The plane's cell centres, row 0 at the top: (resolution * resolution, 2)."""
    step = 2 * points.EXTENT / resolution
    ticks = -points.EXTENT + step * (torch.arange(resolution) + 0.5)   # (R,) left to right
    x1, x2 = torch.meshgrid(ticks, ticks.flip(0), indexing="xy")       # (R, R) each, x2 falling down the rows
    return torch.stack([x1.reshape(-1), x2.reshape(-1)], dim=1)


def output_map(model: nn.Module, names: tuple[str, ...], resolution: int = 30) -> torch.Tensor:
    """Two classes: P(blue) - P(orange) in [-1, 1] over the plane, (R, R), row 0 at the top. More: each
    cell's likeliest class and how sure the network is, as one number, class + P(class) in [c + 0, c + 1]."""
    device = next(model.parameters()).device
    with torch.no_grad():
        logits = model(points.features(grid(resolution), names).to(device))     # (R*R, k)
    if logits.shape[1] == 2:
        margin = torch.tanh((logits[:, 1] - logits[:, 0]) / 2)                   # = 2 softmax[1] - 1
        return margin.reshape(resolution, resolution).cpu()
    sure, which = logits.softmax(dim=1).max(dim=1)                               # (R*R,) each
    return (which + sure.clamp(max=0.999)).reshape(resolution, resolution).cpu()


BOUNDARY_SIDES = (100, 80, 50, 40)  # cells a side of the boundary's map, finest first (each divides UNITS)
MOST_RUNS = 1600                    # rects the boundary may take: as many as its 40 x 40 cells once did


def boundary_map(model: nn.Module, names: tuple[str, ...], classes: int = 2) -> torch.Tensor:
    """output_map as fine as the boundary can be drawn at the old cost: the finest of BOUNDARY_SIDES whose
    shading takes at most MOST_RUNS rects (100 a side for a trained spiral, where 40 looked blocky)."""
    from . import network_picture
    for side in BOUNDARY_SIDES:
        margin = output_map(model, names, side)
        if len(network_picture.shade_runs(margin, classes)) <= MOST_RUNS:
            break
    return margin


def neuron_maps(model: nn.Module, names: tuple[str, ...], resolution: int = 12) -> list[torch.Tensor]:
    """Every node's output over the plane, in one forward pass: one (width, R, R) tensor per column,
    the input features first, then each hidden layer (after its activation), then the output."""
    device = next(model.parameters()).device
    h = points.features(grid(resolution), names).to(device)                     # (R*R, k)
    columns = [h]
    modules = list(model)
    training = model.training
    model.eval()                                                                # dropout off, batch norm's averages
    with torch.no_grad():
        for i, module in enumerate(modules[:-1]):
            h = module(h)
            if isinstance(modules[i + 1], nn.Linear):                           # a hidden layer's end
                columns.append(h)
        h = modules[-1](h)
    model.train(training)
    # the output: two classes as in output_map, more each class's probability as 2 P - 1 in [-1, 1]
    columns.append(torch.tanh((h[:, 1:] - h[:, :1]) / 2) if h.shape[1] == 2 else 2 * h.softmax(dim=1) - 1)
    return [c.T.reshape(-1, resolution, resolution).cpu() for c in columns]


def weights(model: nn.Module) -> list[torch.Tensor]:
    """Each Linear's weight (out, in), from the inputs to the output; with two classes the last as (1, in):
    the blue logit's weight less the orange one's, what each neuron adds to the output map's P(blue) - P(orange)."""
    ws = [m.weight.detach().cpu() for m in model if isinstance(m, nn.Linear)]
    return ws if len(ws[-1]) != 2 else ws[:-1] + [(ws[-1][1] - ws[-1][0]).unsqueeze(0)]


# The pictures -------------------------------------------------------------------------------------

def pictures(model: nn.Module, setup: "Setup", train_points: torch.Tensor, train_y: torch.Tensor,
             test_points: torch.Tensor | None, test_y: torch.Tensor | None, words: dict[str, str],
             size: int = 400):
    """The two live pictures of a model: (the decision boundary with the points, the network).

    words: "boundary" (the first chart's title), "inputs", "layer" ("{i}" for its number), "output".
    Forward passes over grids: up to 100x100 for the boundary (boundary_map), 12x12 for every neuron at once.
    """
    from . import network_picture
    model.eval()
    margin = boundary_map(model, setup.features, setup.classes)                      # (R, R), R <= 100
    maps = neuron_maps(model, setup.features, 12)                                    # per column (n, 12, 12)
    left = network_picture.boundary(margin, points.EXTENT, train_points, train_y, test_points, test_y,
                                    title=words["boundary"], size=size, classes=setup.classes)
    # a layer with batch norm or dropout says so under its number, in torch's own names
    def title(i: int) -> str:
        marks = (["BN"] if i in setup.norm else []) + ([f"Drop {setup.dropout:g}"] if i in setup.dropped else [])
        return "\n".join([words["layer"].format(i=i + 1), *marks])  # a line each: columns are narrow

    titles = [words["inputs"], *(title(i) for i in range(len(setup.layers))), words["output"]]
    right = network_picture.network(maps, weights(model), [points.FEATURES[n].label for n in setup.features], titles,
                                    classes=setup.classes)
    model.train()
    return left, right
