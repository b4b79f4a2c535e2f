"""The interface in English: every label, help text, explanation and chart title, by key."""
STRINGS = {
    # navigation and home
    "nav.home": "Home",
    "nav.tensors": "Tensors",
    "nav.linear": "Linear regression",
    "nav.descent": "Gradient descent",
    "nav.sine": "Sine",
    "nav.mnist": "MNIST",
    "home.intro": "Learn how PyTorch trains a model by turning the knobs yourself. Every page runs the same "
                  "training loop, the four lines at the heart of every PyTorch program:",
    "home.loop": "for epoch in range(epochs):\n"
                 "    y_hat = model(x)            # 1. forward: predict\n"
                 "    loss = loss_fn(y_hat, y)    # 2. loss: how wrong is it?\n"
                 "    optimizer.zero_grad()\n"
                 "    loss.backward()             # 3. backward: autograd finds d loss / d weight\n"
                 "    optimizer.step()            # 4. step: W := W - lr * grad",
    "home.howto": "Set the **learning rate**, **epochs**, **momentum** and **device** in the sidebar, press "
                  "**Train**, and watch the loss fall (or, with a learning rate too large, explode). Every page "
                  "shows the PyTorch code for its settings, and its address carries them: share it.",
    "home.blurb.tensors": "Make tensors, and take one autograd step by hand.",
    "home.blurb.linear": "Fit y = Wx + b with optim.SGD.",
    "home.blurb.descent": "Walk down cost(W), step by step.",
    "home.blurb.sine": "Fit sin(x) with a cubic, by hand and by autograd.",
    "home.blurb.mnist": "Train a digit classifier, and try your own digit.",
    # the shared controls
    "controls.training": "Training",
    "controls.lr": "Learning rate",
    "controls.lr_help": "How far each step moves the weights: W := W - lr * grad. Log scale, 1e-6 to 1. "
                        "Too small crawls, too large overshoots and diverges.",
    "controls.epochs": "Epochs",
    "controls.epochs_help": "Passes over the whole data set (at most {max} on this page, to keep a run within "
                            "about a minute on a laptop).",
    "controls.optimizer": "Optimizer",
    "controls.optimizer_help": "SGD: plain gradient descent, with momentum if you set it. "
                               "Adam: per-weight step sizes from running averages of the gradient.",
    "controls.momentum": "Momentum",
    "controls.momentum_help": "SGD with momentum keeps a running sum of past gradients, so steps build up speed "
                              "along a consistent slope. 0 is plain SGD. Adam ignores it.",
    "controls.batch_size": "Batch size",
    "controls.batch_size_help": "Examples per optimizer step; each epoch shuffles the data with the seed.",
    "controls.device": "Device",
    "controls.device_help": "Where the tensors live and the maths runs: {devices} on this machine.",
    "controls.seed": "Seed",
    "controls.seed_help": "Seeds the starting weights and the batch order: the same seed gives the same numbers.",
    "controls.share": "Share these settings",
    "controls.share_help": "Copy this link: it opens this page with the same settings.",
    "link.prefix": "From the link: ",
    "link.not_choice": "{name}={raw!r} is not one of {choices}; using {value}.",
    "link.not_number": "{name}={raw!r} is not a number; using {value}.",
    "link.not_finite": "{name}={raw!r} is not a finite number; using {value}.",
    "link.not_positive": "{name} must be above 0; using {value}.",
    "link.out_of_range": "{name}={raw} is out of range ({lo} to {hi}); using the nearest allowed, {value}.",
    "link.not_allowed": "{name}={raw} is not an allowed value ({lo} to {hi}); using the nearest allowed, {value}.",
    # the Train/Stop run
    "run.train": "Train",
    "run.stop": "Stop",
    "run.cannot_start": "Could not start training: {error}",
    "run.press_train": "Press **Train** to run the loop: forward, loss, backward, step.",
    "run.epoch_of": "Epoch {epoch} / {epochs}",
    "run.loss_now": "loss {loss}",
    "run.seconds_left": "about {s} s left",
    "run.almost_done": "almost done",
    "run.diverged": "The loss diverged at epoch {epoch}: it grew until it was no longer a finite number. "
                    "Try a smaller learning rate (this run used {lr}), or less momentum.",
    "run.stopped": "Stopped after {done} of {epochs} epochs; the model keeps what it learned so far.",
    "run.trained": "Trained {n} epochs in {s} s on {device}.",
    "run.trained_one": "Trained 1 epoch in {s} s on {device}.",
    "run.settings_changed": "The settings have changed since this run; press Train to run them.",
    "run.final_loss": "Final loss",
    "chart.loss": "Loss",
    "chart.epoch": "Epoch",
    "code.title": "The PyTorch code for these settings",
    "code.caption": "A complete script for the settings above. Run it with `python` and it prints the same "
                    "**Final loss** this page shows after training with them.",
    "code.download": "Download as .py",
    "present.leave": "Leave presenter mode",
    # Tensors
    "tensors.title": "Tensors and autograd",
    "tensors.intro": "A **tensor** is PyTorch's array: numbers laid out in a shape, with a dtype and a device. "
                     "Make one, look inside it, combine two, then let `backward()` find gradients.",
    "tensors.make": "1. Make a tensor",
    "tensors.constructor": "Constructor",
    "tensors.constructor_help": "How the tensor is made.",
    "tensors.dtype_help": "auto: PyTorch picks (int64 for whole numbers, float32 otherwise).",
    "tensors.values": "Values",
    "tensors.values_help": "A number, or nested lists of numbers: [[1, 2], [3, 4]]. At most {max} elements.",
    "tensors.shape": "Shape",
    "tensors.shape_help": "Sizes separated by commas, e.g. 2, 3. At most {max} elements.",
    "tensors.inspect": "2. Inspect it",
    "tensors.fix_values": "Fix the values above to see the tensor.",
    "tensors.repr_caption": "print(A), exactly as PyTorch prints it",
    "tensors.heatmap": "A as a heatmap",
    "tensors.heatmap_x": "column (dim 1)",
    "tensors.heatmap_y": "row (dim 0)",
    "tensors.heatmap_none": "A 1-D or 2-D tensor of up to 400 numbers is drawn here as a heatmap.",
    "tensors.combine": "3. Combine",
    "tensors.operation": "Operation",
    "tensors.operation_help": "Elementwise + - * / broadcast; @ is matrix multiplication.",
    "tensors.b_values": "Values of B",
    "tensors.b_values_help": "The second tensor, typed like the first.",
    "tensors.new_shape": "New shape",
    "tensors.new_shape_help": "Sizes with the same product as A's; -1 means 'the rest'.",
    "tensors.dim_help": "The dimension that is summed away; all gives one number.",
    "tensors.broadcast": "Broadcasting lines the shapes up from the right; a size 1 (or a missing dimension) "
                         "stretches to match the other.",
    "tensors.result": "result",
    "tensors.clash": "clash",
    "tensors.pytorch_says": "PyTorch says: {error}",
    "tensors.step": "4. One step of learning, by hand",
    "tensors.step_intro": "One point (x, y) and a line y_hat = W x + b. The loss 0.5 (y - y_hat)² says how wrong "
                          "the line is; `loss.backward()` finds how the loss changes with W and b; the step moves "
                          "them against that, with the learning rate from the sidebar (now {lr}).",
    "tensors.computed": "computed",
    "tensors.value": "value",
    "tensors.by_hand": "by hand",
    "tensors.before_step": "before the step",
    "tensors.after_step": "after one step",
    "tensors.before_after": "The point, and the line before and after",
    "tensors.repeat": "5. Repeat the step: train",
    "tensors.repeat_intro": "Repeat this step and the line learns to predict {y} for x = {x}. **Train** runs the "
                            "same step through `core.train`, with the epochs, optimizer and momentum from the sidebar.",
    "tensors.after_n": "After {n} steps: W = **{w}**, b = **{b}**, prediction for x = {x}: **{pred}** (target {y})",
    "tensors.start": "start",
    "tensors.now": "now",
    "tensors.after_steps": "after {n} steps",
    "tensors.walks": "The line walks to the point",
}
