"""English: the Train panel, the runs list and the sidebar's training controls."""
STRINGS = {
    # the shared controls
    "controls.training": "Training",
    "controls.lr": "Learning rate",
    "controls.lr_help": "How far each step moves the weights: W := W - lr * grad. Log scale, 1e-6 to 1. "
                        "Too small crawls, too large overshoots and diverges.",
    "controls.epochs": "Epochs",
    "controls.epochs_help": "Passes over the whole data set (at most {max} on this page, to keep a run within "
                            "about a minute on a laptop).",
    "controls.optimizer": "Optimizer",
    "controls.momentum": "Momentum",
    "controls.momentum_help": "SGD with momentum keeps a running sum of past gradients, so steps build up speed "
                              "along a consistent slope. 0 is plain SGD. Adam ignores it.",
    "controls.nesterov": "Nesterov momentum",
    "controls.nesterov_help": "Look ahead: take the gradient where momentum is about to carry the weights, not where they are. Needs momentum above 0.",
    "controls.weight_decay": "Weight decay",
    "controls.weight_decay_help": "Pulls every weight a little towards 0 at each step, so the model prefers small weights (L2 regularisation; AdamW applies it apart from the gradient).",
    "controls.schedule": "Learning-rate schedule",
    "controls.schedule_help": "How the learning rate changes over the run, stepped once an epoch.",
    "schedule.constant": "Constant",
    "schedule.step": "Step (÷10 each third)",
    "schedule.cosine": "Cosine (down to 0)",
    "optimizer.help.sgd": "SGD: plain gradient descent, W := W - lr * grad, with momentum if you set it.",
    "optimizer.help.rmsprop": "RMSprop: divides each step by a running average of the gradient's size, so every weight moves at a similar pace.",
    "optimizer.help.adagrad": "Adagrad: divides each step by all the gradients seen so far, so steps shrink as training goes on.",
    "optimizer.help.adam": "Adam: per-weight step sizes from running averages of the gradient and its square; momentum built in.",
    "optimizer.help.adamw": "AdamW: Adam with weight decay applied straight to the weights, apart from the gradient.",
    "controls.batch_size": "Batch size",
    "controls.batch_size_help": "Examples per optimizer step; each epoch shuffles the data with the seed.",
    "controls.device": "Device",
    "controls.device_help": "Where the tensors live and the maths runs: {devices} on this machine.",
    "controls.seed": "Seed",
    "controls.seed_help": "Seeds the starting weights and the batch order: the same seed gives the same numbers.",
    "controls.seed_unused_help": "Not used on this page: every run starts from the same fixed weights and uses all the data at each step, so there is nothing random for a seed to change.",
    "controls.capped": "{label} lowered to {value}, to keep a run within about a minute.",
    "controls.share": "Share these settings",
    "controls.share_help": "Copy this link: it opens this page with the same settings.",
    # the Train/Stop run
    "run.train": "Train",
    "run.stop": "Stop",
    "run.step": "One epoch",
    "run.step_help": "Train one epoch, then pause: press again for the next, Resume to play the rest.",
    "run.pause": "Pause",
    "run.pause_help": "Hold the run where it is, mid-epoch if need be: the model and its progress are kept, and Resume plays on.",
    "run.resume": "Resume",
    "run.resume_help": "Play the paused run on from where it is, at the chosen speed.",
    "run.paused": "Paused after epoch {done} of {epochs}: press One epoch for another, Resume to play the rest.",
    "run.paused_within": "Paused in epoch {epoch} of {epochs}, after step {step} of its {steps}: press Resume to play on, or One epoch to finish this epoch.",
    "run.speed": "Speed",
    "run.speed_help": "Slow motion and Watch spread a run over about 24 and 6 seconds so you can see it learn; Fast trains as fast as the machine can.",
    "run.speed.slow": "Slow motion",
    "run.speed.watch": "Watch",
    "run.speed.fast": "Fast",
    "runs.title": "Your runs",
    "runs.chart_title": "Loss of your runs (the one on screen bold)",
    "runs.newest": "newest",
    "runs.same": "same settings",
    "runs.nesterov_on": "Nesterov",
    "runs.nesterov_off": "no Nesterov",
    "runs.dropped": "{n} older runs were let go: a page keeps the last {most}.",
    "runs.col.show": "Show",
    "runs.col.delete": "Delete",
    "runs.col.run": "Run (what differs from the newest)",
    "runs.col.settings": "Settings",
    "runs.col.final_loss": "Final loss",
    "runs.col.epochs": "Epochs",
    "runs.col.seconds": "Seconds",
    "runs.col.device": "Device",
    "runs.col.status": "Status",
    "runs.status.done": "done",
    "runs.status.running": "training",
    "runs.status.stopped": "stopped",
    "runs.status.diverged": "diverged",
    "runs.status.failed": "device failed",
    "runs.delete": "Delete ticked ({n})",
    "runs.clear": "Clear all",
    "runs.download": "Download the table (CSV)",
    "runs.name.lr": "lr",
    "runs.name.momentum": "momentum",
    "runs.name.weight_decay": "weight decay",
    "runs.name.epochs": "epochs",
    "runs.name.batch_size": "batch",
    "runs.name.seed": "seed",
    # the pages' own values, as runs are labelled by them (a value without a word here is shown as it is)
    "runs.value.data.sample": "sample",
    "runs.value.data.full": "full MNIST",
    "runs.value.dataset.line": "y = 2x",
    "runs.value.dataset.hours": "hours",
    "runs.value.dataset.heights": "heights",
    "runs.value.dataset.noisy": "noisy line",
    "runs.value.dataset.csv": "CSV",
    "runs.value.dataset.circle": "circle",
    "runs.value.dataset.xor": "xor",
    "runs.value.dataset.gauss": "Gaussian",
    "runs.value.dataset.spiral": "spiral",
    "runs.value.dataset.moons": "moons",
    "runs.value.dataset.blobs": "blobs",
    "runs.value.dataset.own": "your points",
    "runs.name.classes": "classes",
    "runs.value.activation.linear": "none",
    "runs.value.reg.none": "none",
    "runs.value.reg.l1": "L1",
    "runs.value.reg.l2": "L2",
    "runs.value.model.cubic": "cubic",
    "runs.value.model.net": "network",
    "runs.value.gradients.autograd": "autograd",
    "runs.value.gradients.hand": "by hand",
    "runs.name.device": "on",
    # the page's own settings, as runs are labelled by them
    "runs.name.dataset": "data set",
    "runs.name.file": "file",
    "runs.name.bytes": "bytes",
    "runs.name.sha1": "SHA-1",
    "runs.name.standardised": "standardised",
    "runs.name.data": "data",
    "runs.name.layers": "layers",
    "runs.name.activation": "activation",
    "runs.name.model": "model",
    "runs.name.points": "points",
    "runs.name.noise": "noise",
    "runs.name.data seed": "data seed",
    "runs.name.width": "width",
    "runs.name.depth": "depth",
    "runs.name.gradients": "gradients",
    "runs.name.test_share": "test share",
    "runs.name.features": "inputs",
    "runs.name.reg": "regularisation",
    "runs.name.reg_rate": "regularisation rate",
    "runs.name.loss": "loss",
    "runs.value.loss.cross_entropy": "cross-entropy",
    "runs.value.loss.mse": "squared error",
    "runs.name.bn": "batch norm on",
    "runs.name.dropout": "dropout",
    "runs.name.drop": "dropout on",
    "runs.name.patience": "early stop after",
    "run.preset.sweep": "lr ÷10, {lr}, ×10",
    "run.preset.sweep_help": "Train three runs from the same start: the learning rate ten times smaller, as set, and ten times larger; compare their losses below.",
    "run.preset.training": "Training {n} runs one after another…",
    "run.preset.momentum": "Momentum 0 and {m}",
    "run.preset.momentum_help": "Train two runs from the same start, plain SGD and SGD with momentum, and compare their losses below.",
    "run.preset.optimizers": "SGD, momentum, Adam",
    "run.preset.optimizers_help": "Train three runs from the same start: plain SGD, SGD with momentum and Adam, and compare their paths and losses.",
    "run.cannot_start": "Could not start training: {error}",
    "run.press_train": "Press **Train** to run the loop: forward, loss, backward, step.",
    "run.epoch_of": "Epoch {epoch} / {epochs}",
    "run.within": "batch {step} / {steps} of epoch {epoch}",
    "run.loss_now": "loss {loss}",
    "run.seconds_left": "about {s} s left",
    "run.almost_done": "almost done",
    "run.diverged": "The loss diverged at epoch {epoch}: it grew until it was no longer a finite number. "
                    "Try a smaller learning rate (this run used {lr}), or less momentum.",
    "run.growing": "The loss diverged at epoch {epoch}: it grew from {first} to {last} instead of falling. "
                   "Try a smaller learning rate (this run used {lr}), or less momentum.",
    "run.early_stop": "Early stopping ended the run after epoch {n} ({s} s): the test loss had not fallen for {patience} epochs. The model keeps its last weights.",
    "run.stopped": "Stopped after {done} of {epochs} epochs; the model keeps what it learned so far.",
    "run.trained": "Trained {n} epochs on {device}: {s} s of computing.",
    "run.trained_one": "Trained 1 epoch on {device}: {s} s of computing.",
    "run.settings_changed": "The settings have changed since this run; press Train to run them.",
    "run.device_failed": "The device {device} failed after {done} of {epochs} epochs: {error}. What was learned so "
                         "far is kept.",
    "run.continue_cpu": "Continue on the CPU",
    "run.final_loss": "Final loss",
    # ui/graph_view.py: one step's autograd graph of a page's model
    "graph.title": "What backward() walks",
    "graph.every_op": "Every operation",
    "graph.every_op_help": "Off: a box a layer (Linear, ReLU, Conv2d). On: every operation autograd "
                           "recorded, as `loss.grad_fn` and its `next_functions` name them.",
    "graph.grad": "grad",
    "graph.loss": "the loss",
    "graph.caption": "One training step of this model on {n} examples, as PyTorch recorded it: the forward "
                     "pass runs down from the input to the loss, and backward() walks it back up. Each arrow "
                     "carries a tensor of the shape written on it; in red, the size (norm) of each "
                     "parameter's gradient. {nodes} operations in {layers} boxes.",
    # the learning-rate finder (core.lr_finder)
    "finder.button": "Find a learning rate",
    "finder.help": "Smith's range test: from the page's starting weights, train a few dozen steps with the "
                   "rate growing from 0.0000001 to 10, and stop once the loss is four times its best. The "
                   "rate where the loss falls fastest is a good one to train with. Your model and your runs "
                   "stay as they are.",
    "finder.running": "Training with a growing learning rate…",
    "finder.title": "Loss as the rate grows ({optimizer})",
    "finder.rate": "learning rate (log scale)",
    "finder.raw": "loss of each step",
    "finder.smoothed": "smoothed",
    "finder.found": "The smoothed loss falls fastest at a rate of {steepest} (the dashed line): the "
                    "learning rate control's nearest value below it is {rate}.",
    "finder.use": "Use learning rate {rate}",
    "finder.none": "The loss never fell as the rate grew: the starting weights may already be at the "
                   "best, or the model cannot learn this data.",
    "run.loss_appears": "The loss is drawn here, epoch by epoch, once you press Train.",
    "run.loss_at": "Loss at epoch {epoch}",  # while it trains: not yet final
    "run.loss_mean_help": "The mean loss over the epoch's batches. A curve of single batches jumps above and "
                          "below it: each batch is a different handful of examples.",
    # a network's starting weights (core.models.INITS), ui/controls.init_choice
    "controls.init": "Initialisation",
    "controls.init_help": "How the weights start. PyTorch's default draws each layer's weights uniformly in "
                          "±1/√(inputs). Zeros starts every unit the same, so they stay the same and learn "
                          "nothing; Normal(0, 1) is far too large for a layer of many inputs; Xavier suits Tanh "
                          "and Sigmoid, Kaiming (He) suits ReLU. Training health shows what each does.",
    "init.default": "PyTorch's default",
    "init.zeros": "Zeros",
    "init.normal": "Normal(0, 1)",
    "init.xavier": "Xavier",
    "init.kaiming": "Kaiming (He)",
    "runs.name.init": "init",
    # ui/health_view.py: training health, layer by layer (core.health)
    "health.show": "Training health",
    "health.show_help": "Each layer's gradients and steps over the epochs, its weights and gradients now, the "
                        "units that are stuck, and what has gone wrong, drawn live while it trains.",
    "health.before": "Press Train: each layer's gradient and step are drawn here as it trains. Below, the "
                     "starting weights and, on a batch of the training data, the units already stuck.",
    "health.grad_title": "Gradient norm of each layer's weights",
    "health.grad_axis": "‖grad‖ (log scale)",
    "health.ratio_title": "Each step against the weights",
    "health.ratio_axis": "‖update‖ / ‖weight‖ (log scale)",
    "health.ratio_caption": "Measured at the last step of each epoch. The dashed line is 0.001, about what a "
                            "healthy layer shows: far below it the layer hardly moves, far above it jumps about. "
                            "A first layer whose gradient is thousands of times smaller than the last's learns "
                            "nothing.",
    "health.hist_title": "Weights and gradients of each layer, now",
    "health.kind.weight": "weights",
    "health.kind.grad": "gradients",
    "health.hist_caption": "How many of each layer's weights (left) and of their gradients at the last step "
                           "(right) have each value. Weights all at one value learn alike; gradients all near 0 "
                           "move nothing.",
    "health.units_title": "Stuck units, on {n} training examples",
    "health.units_axis": "share of the units: dead (ReLU), saturated (Tanh, Sigmoid)",
    "health.units_caption": "ReLU 1 is the ReLU after Linear 1, and so on. A ReLU unit is dead when it gives 0 on every example: it passes back no gradient "
                            "and never learns again. A Tanh or Sigmoid unit is saturated when it sits at its bound "
                            "on 90% of the examples or more: its slope, and so its gradient, is about 0.",
    "health.fine": "No problem found: the gradient reaches every layer, and each step moves the weights.",
    "health.diag.no_gradient": "**Nothing learns**: no gradient reaches the first {layers} layers. Started at "
                               "zero, every unit of a layer is the same and gets the same gradient, so they stay "
                               "the same; behind dead ReLUs nothing passes back. Choose a random initialisation "
                               "(PyTorch's default, Xavier or Kaiming), or a lower learning rate.",
    "health.diag.vanishing": "**Vanishing gradients**: the gradient of {first} is {ratio} times that of {last}. "
                             "On the way back each Sigmoid or Tanh multiplies it by its slope (a Sigmoid's is at "
                             "most 0.25), so the first layers hardly learn. Try ReLU, fewer layers, Xavier or "
                             "Kaiming initialisation, or Adam.",
    "health.diag.exploding": "**Exploding gradients**: the gradient norm grew {growth} times in {epochs} epochs "
                             "while the loss rose. Lower the learning rate, or use Adam.",
    "health.diag.dead": "**Dead units**: {stuck} of the {units} ReLU units after {layer} never fire ({share}). A "
                        "step too large pushed them where they give 0 for every input, and no gradient brings them "
                        "back. Lower the learning rate, or use Kaiming initialisation.",
    "health.diag.tiny_steps": "**Steps too small**: a step moves each layer's weights by {ratio} of their size at "
                              "most, where a healthy layer moves about 0.001. Raise the learning rate, or press "
                              "Find a learning rate.",
    # an activation's name where its torch class's is not the word (core.models.Activation.worded)
    "activation.linear": "Linear (none)",
}
