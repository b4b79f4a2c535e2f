"""English: the Linear regression page."""
STRINGS = {
    # Linear regression
    "linear.title": "Linear regression",
    "linear.intro": "Fit a straight line **y = W x + b** to data by gradient descent on the mean squared error, "
                    "as the tutorials do with `optim.SGD`. Watch the line move while it trains.",
    "linear.dataset": "Data set",
    "linear.data.line": "x = 1, 2, 3 → y = 2, 4, 6",
    "linear.data.hours": "Hours studied → ability (200, 400, 600)",
    "linear.data.heights": "Heights → weights (5 people)",
    "linear.data.noisy": "A noisy line you generate",
    "linear.data.csv": "Your own CSV file",
    "linear.centre": "Centre x and y (subtract their means), as the tutorial does",
    "linear.centre_help": "Centred data puts the best b near 0 and lets one learning rate suit both W and b; "
                          "raw heights near 170 need a far smaller one.",
    "linear.height": "height",
    "linear.weight": "weight",
    "linear.hours": "hours",
    "linear.ability": "ability",
    "linear.points": "Points",
    "linear.slope": "Slope",
    "linear.intercept": "Intercept",
    "linear.noise": "Noise",
    "linear.data_seed": "Data seed",
    "linear.csv": "CSV of two numeric columns, x then y (an optional header row; at most {rows} rows and 1 MB)",
    "linear.csv_wait": "Upload a file to fit a line to it, e.g. a file whose lines read `x,y`, `1,2.1`, `2,3.9`.",
    "linear.log": "Log-scale loss",
    "linear.log_help": "A log scale shows the loss still falling long after it looks flat on an ordinary scale.",
    "linear.no_line": "The weights are no longer finite numbers, so there is no line to draw.",
    "linear.loss": "loss",
    "linear.trained": "trained by SGD",
    "linear.least_squares": "least squares (closed form)",
    "linear.momentum_title": "Does momentum train faster?",
    "linear.momentum_intro": "The tutorial's exercise: train the same data from the same start twice, with momentum 0 "
                             "and with momentum {m} (set it in {sidebar}), and compare the two loss curves.",
    "linear.compare": "Compare momentum 0 and {m}",
    "linear.momentum_label": "momentum {m}",
    "linear.training_both": "Training both…",
    "linear.label_diverged": "{label}: diverged at epoch {epoch}.",
    "linear.final_loss_of": "Final loss, {label}",
    "linear.data_changed": "The data has changed since this comparison; press the button to run it again.",
    # Linear regression and gradient descent: data checks, scale, charts that cannot be drawn
    "linear.standardise": "Standardise x and y: (v − mean) / std",
    "linear.standardise_help": "Large x values make the loss steep, so only a tiny learning rate keeps descent stable. "
                               "Standardised columns have mean 0 and std 1: one learning rate suits every data set.",
    "linear.standardised_units": "Trained on standardised x and y, so the chart and W, b are in standard deviations. "
                                 "The fitted line in the original units: **{y} = {w} · {x} {b}**.",
    "linear.lr_unstable": "With this data, plain gradient descent diverges at any learning rate above **{edge}**: "
                          "the larger the x values, the steeper the loss. Your rate {lr} is above it. "
                          "Choose a learning rate of **{safe}** or smaller, or standardise the columns.",
    "linear.lr_unstable_none": "With this data, plain gradient descent diverges at any learning rate above **{edge}**, "
                               "smaller than every rate on offer: the x values are too large. "
                               "Standardise the columns.",
    "linear.diverged_why": "Why it diverged: this data's scale. Above a learning rate of {edge} every step overshoots "
                           "further than the last; that is the data, not bad luck.",
    "linear.points_drawn": "{shown:,} of the {n:,} points are drawn (an even sample); training uses all of them.",
    "linear.no_closed_form_note": "No closed-form answer for this data.",
}
