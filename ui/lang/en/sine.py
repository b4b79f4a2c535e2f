"""English: the Sine page."""
STRINGS = {
    # Sine
    "sine.title": "Approximating sin(x)",
    "sine.lead": "Fit sin(x) with a cubic or a small network: choose the data and the model, then press Train.",
    "sine.unstable": "At lr {lr} this run will diverge: the loss adds up the squares of all {n} points, so its slope "
                     "grows with the points, and steps bigger than about {stable} overshoot further each time.",
    "sine.use_lr": "Use lr {lr}",
    "sine.use_points": "Use {n} points (no rate in the list is small enough for these)",
    "sine.momentum_done": "With momentum {momentum}, the same 2000 steps get much closer to the best cubic (loss {best}) "
                          "than plain descent. Set Momentum back to 0 and train again to see the difference.",
    "sine.intro": "Fit **y = sin(x)** on [−π, π] with a cubic **a + b x + c x² + d x³**, started from random numbers, "
                  "by gradient descent on the **sum of squared errors**, as the tutorial does. First with gradients "
                  "derived by hand, then letting autograd find them; or swap the cubic for a small neural network.",
    "sine.model": "Model",
    "sine.model.cubic": "Cubic a + b x + c x² + d x³",
    "sine.model.net": "Small neural network",
    "sine.net_settings": "The network trains with its own settings in {sidebar} ({optimizer}, lr {lr}, {epochs} epochs); the cubic's are kept and come back when you choose the cubic again. The runs of both models stay in one list below, each labelled by its model.",
    "sine.points_help": "Points of sin(x), evenly spread on [-pi, pi] (at most 10,000).",
    "sine.noise_help": "Standard deviation of Gaussian noise added to sin(x).",
    "sine.gradients": "Gradients",
    "sine.gradients.autograd": "With autograd: loss.backward()",
    "sine.gradients.hand": "By hand: the tutorial's formulas, no autograd",
    "sine.gradients.short.autograd": "autograd",
    "sine.gradients.short.hand": "by hand",
    "sine.gradients_help": "With autograd: loss.backward() finds the gradients. By hand: the tutorial's formulas, no autograd.",
    "sine.momentum_hint": "The tutorial's settings: lr 1e-6, 2000 epochs, plain SGD. Plain descent stops far from the "
                          "best cubic (loss {best}). **Set Momentum to 0.9** in {sidebar} and train again: the same "
                          "2000 steps then reach it.",
    "sine.width": "Hidden width",
    "sine.depth": "Hidden layers",
    "sine.activation": "Activation",
    "sine.before": "before training",
    "sine.now": "prediction now",
    "sine.curves_title": "sin(x), the prediction before training, and now",
    "sine.sse": "sum of squares",
    "sine.trained": "trained",
    "sine.best_cubic": "least squares (the best cubic)",
    "sine.both_title": "By hand or by autograd: the same numbers",
    "sine.both_intro": "The hand-derived gradients are the tutorial's: with grad = 2 (y_pred − y), dL/da = Σ grad, "
                       "dL/db = Σ grad·x, dL/dc = Σ grad·x², dL/dd = Σ grad·x³. Train both ways from the same start "
                       "with the settings in {sidebar}:",
    "sine.both_button": "Train both ways",
    "sine.both_spinner": "Training by hand and with autograd…",
    "sine.by_hand": "by hand",
    "sine.with_autograd": "with autograd",
    "sine.final_loss": "final loss",
    "sine.agree": "The two agree to the last digit.",
    "sine.differ": "The largest difference between the two is {gap}: float rounding, nothing more.",
}
