"""The tutorials' losses, as functions of (prediction, target) -> scalar tensor."""
import torch
from torch import nn

mse = nn.MSELoss()                         # mean((y_hat - y)^2): the linear regression tutorials
cross_entropy = nn.CrossEntropyLoss()      # logits (N, 10), labels (N,): the MNIST tutorial


def half_squared_error(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """0.5 * sum((y - y_hat)^2): the autograd tutorial's loss for one point."""
    return 0.5 * (target - pred).pow(2).sum()


def sum_of_squares(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """sum((y_hat - y)^2): the sine tutorial's loss."""
    return (pred - target).pow(2).sum()
