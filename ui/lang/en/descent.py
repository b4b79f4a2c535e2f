"""English: the Gradient descent page."""
STRINGS = {
    # Gradient descent
    "descent.title": "Gradient descent",
    "descent.intro": "Training is walking downhill on the loss. The slope under your feet is the gradient; "
                     "each step goes against it: **W := W − lr · grad**.",
    "descent.data.heights": "Heights → weights, centred",
    "descent.cost": "cost",
    "descent.one_step": "1. One step at a time",
    "descent.one_step_intro": "Hold b at 0: the cost **mean((W x − y)²)** is then a parabola in W. Press **Step** "
                              "to take one update with the learning rate set now and see every number in it.",
    "descent.start_w": "Start W",
    "descent.start_b": "Start b",
    "descent.reset": "Reset",
    "descent.step": "Step",
    # short enough for one line (core.charts.TITLE_WIDTH): Vega joins a wrapped title's lines with no space
    # between them, so the text a screen reader, a copy or a search finds read "0 stepstaken"
    "descent.parabola_title": "cost(W), b = 0: {n} steps",
    "descent.parabola_title_one": "cost(W), b = 0: 1 step",
    "descent.step_from": "**Step {n}**, from W = {w} (best W here: {best})",
    "descent.grad_hand": "grad by hand",
    "descent.grad_autograd": "grad by autograd: `cost.backward(); W.grad`",
    "descent.regimes": "2. Too small, just right, too large",
    "descent.regimes_intro": "Each step multiplies the distance to the best W by r = 1 − lr · 2·mean(x²). "
                             "With your learning rate {lr} on this data, r = {r}: **{regime}**.",
    "descent.regime.slow": "slow",
    "descent.regime.converging": "converging",
    "descent.regime.oscillating": "oscillating",
    "descent.regime.diverging": "diverging",
    "descent.surface": "3. Down the surface cost(W, b)",
    "descent.surface_intro": "Now train W and b together. The shading is the cost (darker is lower), the diamond "
                             "is the least-squares answer, and the line is the path the optimizer from {sidebar} takes.",
    "descent.sgd_momentum": "SGD, momentum {m}",
    "descent.after": "W = **{w}**, b = **{b}** after {n} steps (least squares: W = {best_w}, b = {best_b})",
    "descent.compare_title": "SGD, momentum and Adam from the same start",
    "descent.compare_where": "The three runs join Your runs: their paths cross the surface above, each in its colour, and their losses share one chart.",
    "descent.compare": "Compare them (lr {lr}, {epochs} epochs, momentum {m})",
    "descent.sgd_plus": "SGD + momentum {m}",
    "descent.training_three": "Training the three optimizers…",
    "descent.three": "Three optimizers, one start",
    "descent.label_diverged": "{label} diverged at epoch {epoch}: try a smaller learning rate.",
    "descent.changed": "The data or the start has changed since this comparison; press the button again.",
    "descent.no_walk": "W is no longer a finite number (each step overshot further): press Reset or lower the learning rate.",
    "descent.all_diverged": "Every run diverged in its first epoch, so there is no path or loss to draw. "
                            "Try a smaller learning rate or a start nearer the optimum.",
    "descent.regime_lr": "lr = {lr}",
}
