"""English: navigation, Home, links, charts and the code panel."""
STRINGS = {
    # navigation and home
    "nav.home": "Home",
    "nav.tensors": "Tensors",
    "nav.linear": "Linear regression",
    "nav.descent": "Gradient descent",
    "nav.sine": "Sine",
    "nav.mnist": "MNIST",
    "app.getting_ready": "Getting PyTorch ready (it loads once, in the background, while the server starts)…",
    "home.intro": "Learn how PyTorch trains a model by turning the knobs yourself. Every page runs the same "
                  "training loop, the four steps at the heart of every PyTorch program:",
    # each comment on a line of its own: the box is narrow on a 1024 px screen with the sidebar open
    "home.loop": "for epoch in range(epochs):\n"
                 "    # 1. forward: predict\n"
                 "    y_hat = model(x)\n"
                 "    # 2. loss: how wrong is it?\n"
                 "    loss = loss_fn(y_hat, y)\n"
                 "    optimizer.zero_grad()\n"
                 "    # 3. backward: autograd finds d loss / d weight\n"
                 "    loss.backward()\n"
                 "    # 4. step: W := W - lr * grad\n"
                 "    optimizer.step()",
    "home.howto": "Set the **learning rate**, **epochs**, **momentum** and **device** in {sidebar}, press "
                  "**Train**, and watch the loss fall (or, with a learning rate too large, explode). Every page "
                  "shows the PyTorch code for its settings, and its address carries them: share it.",
    "home.compare": "One model, four learning rates, one chart",
    "home.compare_intro": "Every page keeps each run you train and draws them together, so you see what a knob "
                          "did. Here plain gradient descent fits y = W·x to x = {x}, y = {y}, from W = {w}, at "
                          "four learning rates: {steps} steps each.",
    "home.compare_step": "step",
    "home.compare_lr": "learning rate",
    "home.compare_regime": "how it goes",
    "home.compare_final": "cost after {steps} steps",
    "home.compare_try": "Try a learning rate of your own",
    "home.blurb.tensors": "Make tensors, and take one autograd step by hand.",
    "home.blurb.linear": "Fit y = Wx + b with optim.SGD.",
    "home.blurb.descent": "Walk down cost(W), step by step.",
    "home.blurb.sine": "Fit sin(x) with a cubic, by hand and by autograd.",
    "home.blurb.mnist": "Train a digit classifier, and try your own digit.",
    "chart.lr": "Learning rate over the run",
    "chart.lr_axis": "Learning rate",
    "link.prefix": "From the link: ",
    "link.not_choice": "{name}='{raw}' is not one of {choices}; using {value}.",
    "link.too_long": "{name} is longer than {hi} characters; using {value}.",
    "link.not_whole": "{name}={raw} is not a whole number; using {value}.",
    "link.repeated": "{name} is given {n} times; using the last, {value}.",
    "link.unknown": "{names}: not a setting of this page; left out of the address.",
    "link.not_number": "{name}='{raw}' is not a number; using {value}.",
    "link.not_finite": "{name}='{raw}' is not a finite number; using {value}.",
    "link.not_positive": "{name} must be above 0; using {value}.",
    "link.out_of_range": "{name}={raw} is out of range ({lo} to {hi}); using the nearest allowed, {value}.",
    "link.not_allowed": "{name}={raw} is not an allowed value ({lo} to {hi}); using the nearest allowed, {value}.",
    "chart.loss": "Loss",
    "chart.epoch": "Epoch",
    "code.now": "the settings now",
    "code.which": "Whose script",
    "code.title": "The PyTorch code for these settings",
    "code.caption": "A complete script for the settings above. Run it with `python` and it prints the same "
                    "**Final loss** this page shows after training with them.",
    "code.download": "Download as .py",
    "present.leave": "Leave presenter mode",
    "present.settings": "Settings",
    # where the training settings are, in a sentence's "{sidebar}": the sidebar, or when presenting (the
    # sidebar hidden) the stage's Settings, in bold as on its button (ui.i18n.t)
    "where.sidebar": "the sidebar",
    "chart.loss_log": "Loss per epoch (log scale)",
    "chart.nothing": "Nothing to draw: the run diverged before its first finite loss.",
    "code.comment.noisy_line": "{n} points on y = {slope} x + {intercept}, plus Gaussian noise ({noise})",
    "code.comment.sine_points": "{n} points of y = sin(x) on [-pi, pi]",
    "code.comment.normalise": "uint8 (N, 28, 28) -> float (N, 1, 28, 28), like Normalize((0.5,), (0.5,))",
    "code.comment.sample": "Torch Playground's sample of real MNIST digits ({file}): beside this script, or in ./data",
    "code.comment.notebook": "pasted into a notebook: no __file__",
    "code.comment.no_mnist": "no torchvision, no network: a sentence, not a traceback",
    "code.comment.sum_of_squares": "sum of squared errors",
    "code.comment.hand_backward": "backward, by hand: the tutorial's formulas for sum((y_hat - y)^2), no autograd",
    "code.comment.forward": "forward",
    "code.comment.loss": "loss",
    "code.comment.no_graph": "no autograd graph: the gradients come by hand",
    "code.comment.backward": "backward",
    "code.comment.whole_set": "the whole data set: one step an epoch",
    "code.comment.step_rule": "step: W := W - lr * grad",
    "code.comment.loss_before_step": "the loss before this step",
    "code.comment.batch_order": "the batch order, seeded",
    "code.comment.step": "step",
    "code.comment.epoch_loss": "the mean batch loss of the epoch",
    "code.comment.threads": "as many threads as the app: sums then round alike",
    "code.comment.start_weights": "the starting weights, as the app draws them",
    "code.comment.cnn": "digits (N, 1, 28, 28): two rounds of convolution and pooling, then two linear layers",
    "code.comment.centred": "centred: each column less its mean, as the tutorial does",
    "code.comment.standardise": "(t - mean) / std, in float64 as the app computes it",
    "code.comment.one_value": "a column of one value stays where it is",
    "code.comment.init": "the starting weights: {init} (the page's Initialisation)",
    "code.comment.eval": "testing: dropout off, batch norm from its running averages",
    "code.comment.early_stop": "early stopping: end when the test loss has not fallen for {patience} epochs",
    "code.comment.one_hot": "squared error of the class probabilities against one-hot targets (as TensorFlow Playground trains)",
    # the Classify page
    "nav.classify": "Classify",
    "home.blurb.classify": "Points of two colours, a small network, and the boundary forming as it trains.",
    "notebook.title": "Written by Torch Playground for the page's settings: run every cell in order (Run All) and the last one prints the final loss the page showed.",
    "notebook.imports": "## Imports\nPyTorch, and as many threads as the app used, so sums round as they did there.",
    "notebook.start": "## Device and seed\nWhere to compute, and the seed that fixes the starting weights.",
    "notebook.data": "## Data\nThe points or images the page trained on.",
    "notebook.model": "## Model\nThe network and its starting weights.",
    "notebook.loss": "## Loss and optimizer\nWhat training lowers, and the rule that changes the weights.",
    "notebook.loop": "## Training loop\nForward pass, loss, `backward()`, a step: epoch after epoch.",
    "notebook.report": "## On the test data\nHow the trained model does on data it did not train on.",
    "notebook.result": "## Result\nThe final loss, to compare with the page's.",
    "code.download_notebook": "Download as a notebook",
}
