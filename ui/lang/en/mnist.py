"""English: the MNIST page."""
STRINGS = {
    # MNIST
    "mnist.title": "MNIST: reading handwritten digits",
    "mnist.intro": "The tutorial's model: each 28×28 picture is flattened to 784 numbers and passed through "
                   "**{layers}**. The ten outputs score the digits 0 to 9; **CrossEntropyLoss** trains them, "
                   "**{optimizer}** steps, {batch} pictures a batch.",
    # short: the box is a fifth of the page at 1024 px ("Full MNIST if it can be had, els"); the help says more
    "mnist.source.auto": "Full, or sample",
    "mnist.source.sample": "Sample (offline)",
    "mnist.source.full": "Full MNIST",
    "mnist.data": "Data",
    "mnist.data_help": "**Full, or sample**: full MNIST if it can be had, else the sample. **Sample**: 5,000 "
                       "real MNIST digits kept in the app, quick, so a class can work without wifi. **Full "
                       "MNIST**: 60,000 digits to train on and 10,000 to test, 11 MB downloaded on first use "
                       "and kept.",
    "mnist.hidden_help": "Widths of the hidden layers; the tutorial uses 128 then 64.",
    "mnist.full_failed": "Full MNIST could not be loaded ({kind}). Choose the bundled sample to work offline. "
                         "Details: {error}",
    "mnist.using": "Using **{which}**: {train} digits to train on, {test} to test. Why: {why}.",
    "mnist.which.full": "full MNIST",
    "mnist.which.sample": "the bundled sample",
    "mnist.retry_full": "Try full MNIST again",
    "mnist.why.chosen": "you chose the bundled sample",
    "mnist.why.offline": "offline mode ({detail} is set)",
    "mnist.why.full": "full MNIST from the server's download cache",
    "mnist.why.failed": "full MNIST could not be loaded ({detail})",
    "mnist.test_accuracy": "Test accuracy",
    "mnist.train_accuracy": "Train accuracy",
    "mnist.steps": "Steps",
    "mnist.loss_every": "Loss, every {n} batches",
    "mnist.batches": "batches, in {n}s",
    "mnist.train": "train",
    "mnist.test": "test",
    "mnist.accuracy_title": "Accuracy after each epoch",
    "mnist.accuracy": "accuracy",
    "mnist.wrong_title": "What the model gets wrong",
    "mnist.confusion": "Confusion matrix",
    "mnist.predicted_label": "predicted label",
    "mnist.true_label": "true label",
    "mnist.per_digit": "Test accuracy per digit",
    "mnist.hardest": "Hardest digit: **{digit}** ({right} right). Each row of the matrix is a true digit; a bright "
                     "cell off the diagonal is a mix-up, e.g. a 4 read as a 9.",
    "mnist.only_wrong": "Show only the mistakes",
    "mnist.grid_wrong": "{pred} (is {true})",
    "mnist.grid_caption": "Test digits and the model's answers: green is right; red is wrong, with the true digit "
                          "in brackets.",
    "mnist.no_mistakes": "No mistakes at all on the test set.",
    "mnist.download_model": "Download the learned weights (state_dict, .pt)",
    "mnist.download_history": "Download the history (.csv)",
    "mnist.yours_title": "Try your own digit",
    "mnist.upload": "A photo or drawing of one digit (PNG or JPG, at most 10 MB)",
    "mnist.sees": "What the model sees: 28×28, white on black",
    "mnist.train_first": "Train a model above first; then it will read your digit.",
    "mnist.reads": "The model reads a {digit}",
    "mnist.probability": "probability",
    "mnist.why.failed_network": "full MNIST could not be loaded: no network answered ({detail})",
    "mnist.why.failed_torchvision": "full MNIST needs torchvision, which is not installed ({detail})",
    "mnist.why.failed_no_mirror": "full MNIST could not be downloaded: none of torchvision's MNIST mirrors answered within {detail} s",
    "mnist.no_mirror": "none of torchvision's MNIST mirrors answered within {s} s",
    "mnist.failure.network": "no network: none of the download sites answered",
    "mnist.failure.torchvision": "torchvision, which downloads it, is not installed",
    "mnist.failure.other": "an unexpected error",
    # MNIST: the CNN (issue 14)
    "mnist.cnn.model": "Model",
    "mnist.cnn.model_help": "MLP: the tutorial's network of Linear layers on the flattened picture. CNN: convolutions "
                            "slide small filters over the picture, so a stroke is found wherever it is; it learns "
                            "more from the same digits.",
    "mnist.cnn.mlp_only": "Only the MLP has hidden widths and an activation to choose; the CNN's layers are fixed "
                          "(listed in the text above).",
    "mnist.cnn.intro": "A convolutional network: small filters slide over the 28×28 picture, each making a map of "
                       "where its pattern is, and max pooling halves the maps; twice, then linear layers read the "
                       "result: **{layers}**. The ten outputs score the digits 0 to 9; **CrossEntropyLoss** trains "
                       "them, **{optimizer}** steps, {batch} pictures a batch.",
    # MNIST: look inside (issue 14)
    "mnist.inside.title": "Look inside the network",
    "mnist.inside.train_first": "Train a model above (the MLP or the CNN); then its first layer is drawn here.",
    "mnist.inside.weights_intro": "Each picture is one hidden unit of the first layer ({shown} of its {units}): its "
                                  "784 weights laid out as the 28×28 digit they multiply. **Red**: ink there makes "
                                  "the unit fire; **blue**: ink there holds it back. Strokes and blobs appear where "
                                  "training shaped them; a unit that stayed speckled barely learned.",
    "mnist.inside.weights_caption": "First-layer weights, the units training changed most first, each on its own scale: white is 0, its strongest "
                                    "weight full red or blue.",
    "mnist.inside.filters_intro": "The CNN's first layer has {count} filters of {size}×{size} weights. Each slides "
                                  "over the picture and says, at every position, how much the patch under it looks "
                                  "like the filter: red weights want ink, blue ones want none, so a filter red on one "
                                  "side and blue on the other finds an edge.",
    "mnist.inside.maps_intro": "Their feature maps ({side}×{side}), after ReLU: bright where the filter found its "
                               "pattern.",
    "mnist.inside.maps_yours": "The digit is yours, from above.",
    "mnist.inside.maps_test": "The digit is the first test digit; draw or upload your own above to see it here.",
    "mnist.inside.input": "The digit",
    "mnist.inside.maps_caption": "Above: the first convolution's filters, each on its own scale (white is 0). Below "
                                 "each filter: its feature map for the digit, black where nothing was found, yellow "
                                 "the strongest response.",
    "mnist.inside.wrong_sorted": "The surest mistakes come first: the model gave its wrong answer {first} on the "
                                 "first one, {last} on the last one shown.",
    # MNIST: draw your own digit (issue 14)
    "mnist.draw.label": "Draw a digit with the mouse (or a finger)",
    "mnist.draw.clear": "Clear",
    "mnist.draw.unusable": "This run diverged or broke off with an error, so it cannot read a digit: train again (a smaller learning rate if it diverged).",
    "mnist.draw.hint": "Draw one digit, big, in the black square: the answer changes with every stroke.",
    "mnist.draw.quick_train": "Quick train: one epoch on the sample",
    "mnist.draw.quick_train_help": "About a second: the model chosen above learns from the bundled sample for one "
                                   "epoch and joins the runs list like any run, so you can draw straight away. "
                                   "Train above for a better one.",
    "mnist.draw.no_model": "No model has been trained yet: quick-train one, and it reads your digit.",
}
