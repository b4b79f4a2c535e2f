"""Gradients derived by hand, to set beside autograd's."""
import torch


def linear_mse(w: float, b: float, x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    """d/dW and d/db of mean((W x + b - y)^2): 2 mean((y_hat - y) x) and 2 mean(y_hat - y)."""
    err = w * x + b - y
    return (2 * (err * x).mean()).item(), (2 * err.mean()).item()


def one_step(x: float, y: float, w: float, b: float, lr: float) -> dict[str, float]:
    """One forward/loss/backward/step on one point, loss = 0.5 (y - y_hat)^2, by autograd and by hand.

    The tutorial's numbers: x=2, y=4, W=b=1, lr=0.1 give loss 0.5, grads -2 and -1, W 1.2, b 1.1.
    """
    W = torch.tensor(float(w), requires_grad=True)
    B = torch.tensor(float(b), requires_grad=True)
    y_hat = W * x + B                  # forward
    loss = 0.5 * (y - y_hat) ** 2      # loss
    loss.backward()                    # backward: fills W.grad and B.grad
    with torch.no_grad():              # step
        new_w, new_b = W - lr * W.grad, B - lr * B.grad
    err = y - (w * x + b)
    return {"y_hat": y_hat.item(), "loss": loss.item(),
            "grad_w": W.grad.item(), "grad_b": B.grad.item(),
            "hand_grad_w": -err * x, "hand_grad_b": -err,   # d/dW 0.5 (y - Wx - b)^2 = -(y - y_hat) x
            "new_w": new_w.item(), "new_b": new_b.item()}


def w_step(w: float, x: torch.Tensor, y: torch.Tensor, lr: float) -> dict[str, float]:
    """One step of gradient descent on cost(W) = mean((W x - y)^2), b held at 0.

    The gradient by the tutorial's formula, 2 mean((W x - y) x), beside autograd's.
    """
    W = torch.tensor(float(w), requires_grad=True)
    y_hat = W * x                                   # (N, 1)
    cost = (y_hat - y).pow(2).mean()
    cost.backward()
    hand = (2 * ((w * x - y) * x).mean()).item()
    return {"cost": cost.item(), "grad": W.grad.item(), "hand_grad": hand,
            "new_w": w - lr * W.grad.item(), "y_hat": y_hat.detach().reshape(-1).tolist()}


def cubic_sum_of_squares(model, x: torch.Tensor, y: torch.Tensor) -> list[torch.Tensor]:
    """The sine tutorial's hand gradients of sum((y_pred - y)^2) for y_pred = a + b x + c x^2 + d x^3.

    grad_y_pred = 2 (y_pred - y); then d/da = sum(grad_y_pred), d/db = sum(grad_y_pred x),
    d/dc = sum(grad_y_pred x^2), d/dd = sum(grad_y_pred x^3). Returned in the order a, b, c, d.
    """
    with torch.no_grad():
        grad_y_pred = 2.0 * (model(x) - y)                       # (N, 1)
        return [(grad_y_pred * x ** k).sum() for k in range(4)]  # four 0-d tensors
