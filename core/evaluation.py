"""What a trained classifier gets right and wrong: predictions, the confusion matrix, accuracy per class."""
import torch
from torch import nn

from . import devices, memory
from .training import TEST_ACCURACY, TRAIN_ACCURACY


def predict_classes(model: nn.Module, x: torch.Tensor, device: str = "cpu",
                    batch_size: int | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """-> predicted labels (N,) and class probabilities (N, classes), both on the CPU.

    batch_size None: as many examples at once as fit core.memory.EVAL_BYTES of activations (the CNN's
    first layer alone holds 50 kB an example: 2,048 at once held over 100 MB of a shared server)."""
    dev = devices.resolve(device)
    model.to(dev)
    batch_size = batch_size or memory.eval_batch(model, x, dev)
    model.eval()
    probs = None
    with torch.no_grad():
        for i in range(0, len(x), batch_size):
            p = torch.softmax(model(x[i:i + batch_size].to(dev)), dim=1).cpu()  # (B, classes)
            if probs is None:  # filled in place: no list of pieces and a second copy from cat
                probs = torch.empty((len(x), p.shape[1]), dtype=p.dtype)
            probs[i:i + len(p)] = p
    model.train()
    if probs is None:  # no examples: no labels
        return torch.empty(0, dtype=torch.long), torch.empty((0, 0))
    return probs.argmax(dim=1), probs


def evaluate(model: nn.Module, x: torch.Tensor, y: torch.Tensor, device: str = "cpu",
             batch_size: int | None = None) -> float:
    """Accuracy of the argmax of model(x) against labels y, a float in [0, 1]; batch_size None: sized
    by memory (predict_classes)."""
    predicted, _ = predict_classes(model, x, device, batch_size)  # (N,) on the CPU
    return (predicted == y.cpu()).sum().item() / max(len(x), 1)


def confusion(labels: torch.Tensor, predicted: torch.Tensor, classes: int = 10) -> torch.Tensor:
    """(classes, classes) counts: row = true label, column = predicted label."""
    return torch.bincount(labels * classes + predicted, minlength=classes * classes).reshape(classes, classes)


def per_class_accuracy(matrix: torch.Tensor) -> list[float]:
    """The share of each true class predicted right (the diagonal over the row sums)."""
    totals = matrix.sum(dim=1).clamp(min=1)
    return (matrix.diag().double() / totals).tolist()


def accuracy_metrics(train_x: torch.Tensor, train_y: torch.Tensor, test_x: torch.Tensor,
                     test_y: torch.Tensor) -> dict:
    """A classifier's History metrics: train and test accuracy, measured on the device the model is on
    (after a device failure a run may carry on on the CPU)."""
    return {TRAIN_ACCURACY: lambda m: evaluate(m, train_x, train_y, devices.device_of(m)),
            TEST_ACCURACY: lambda m: evaluate(m, test_x, test_y, devices.device_of(m))}


def mistakes_by_confidence(labels: torch.Tensor, probs: torch.Tensor) -> torch.Tensor:
    """Indices of the wrong predictions (argmax of probs (N, classes) != labels (N,)), the most confident
    first: the mistakes the model was surest of are the most telling (a badly written digit, or a wrong label)."""
    confidence, predicted = probs.max(dim=1)                               # (N,), (N,)
    wrong = (predicted != labels).nonzero().reshape(-1)                    # (M,)
    order = torch.sort(confidence[wrong], descending=True, stable=True).indices
    return wrong[order]
