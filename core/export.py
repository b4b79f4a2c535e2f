"""What a student can take home: the trained weights and the history of a run."""
import csv
import io

import torch
from torch import nn

from .training import History


def state_dict_bytes(model: nn.Module) -> bytes:
    """torch.save(model.state_dict()) into bytes, with the tensors moved to the CPU."""
    buffer = io.BytesIO()
    torch.save({k: v.detach().cpu() for k, v in model.state_dict().items()}, buffer)
    return buffer.getvalue()


def history_csv(hist: History) -> str:
    """One row an epoch: epoch, loss, then each metric."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = list(hist.metrics)
    writer.writerow(["epoch", "loss", *names])
    for i, loss in enumerate(hist.loss):
        writer.writerow([i + 1, f"{loss:.6g}", *(f"{hist.metrics[n][i]:.6g}" if i < len(hist.metrics[n]) else ""
                                                 for n in names)])
    return out.getvalue()
