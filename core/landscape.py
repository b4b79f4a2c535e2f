"""Loss landscapes: the cost of a model over a grid of its weights."""
import torch


def linear_cost_1d(x: torch.Tensor, y: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    """mean((W x - y)^2) for each W in w, with b held at 0. x, y (N, 1); w (K,) -> (K,)."""
    pred = x.reshape(1, -1) * w.reshape(-1, 1)          # (K, N)
    return (pred - y.reshape(1, -1)).pow(2).mean(dim=1)  # (K,)
