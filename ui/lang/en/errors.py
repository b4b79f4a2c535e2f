"""English: every error a student can cause, by its core.problems code."""
STRINGS = {
    "error.tensors.empty": "Type some values, for example [[1, 2], [3, 4]].",
    "error.tensors.too_long": "Too much text: {chars:,} characters; at most {most:,}. It was not read, so nothing of it "
                              "is shown here. Paste fewer numbers (at most {elements:,}).",
    "error.tensors.malformed": "Malformed values ({detail}). Check the brackets and commas, as in [[1, 2], [3, 4]].",
    "error.tensors.not_a_number": "Not a number: {text}. Use numbers, commas and [brackets] only.",
    "error.tensors.sign_before_list": "A sign (+ or -) can stand only before a number.",
    "error.tensors.too_nested": "Too deeply nested: at most {most} levels of brackets.",
    "error.tensors.ragged": "Ragged rows: {where} has shape {shape} but {first} has shape {first_shape}. Every row "
                            "must have the same length.",
    "error.tensors.too_many_elements": "Too many elements: {n:,}; at most {most:,}.",
    "error.tensors.not_finite": "A number is too large to hold: it reads as {value} (infinity). Use finite numbers.",
    "error.tensors.does_not_fit": "{value} does not fit in {dtype}, which holds numbers from {lo} to {hi}. Choose "
                                  "another dtype (float64 holds the most), or a smaller number.",
    "error.tensors.bad_shape": "A shape is whole numbers >= 0 separated by commas, such as 2, 3.",
    "error.tensors.too_many_dims": "Too many dimensions: {n}; at most {most}.",
    "error.tensors.size_too_big": "A size of {size:,} is too large: each size can be at most {most:,}.",
    "error.tensors.randn_needs_float": "randn draws real numbers, which {dtype} cannot hold: choose a float dtype "
                                       "(float32).",
    "error.tensors.step_zero": "arange needs a step that is not 0.",
    "error.tensors.step_direction": "arange counts from start {start} towards end {end}, so the step must point "
                                    "that way: {step} goes the other way. Change the sign of the step.",
    "error.tensors.range_too_long": "That range has {n} numbers; at most {most:,}. Use a larger step or a shorter range.",
    "error.tensors.steps_negative": "linspace needs steps >= 0.",
    "error.tensors.unknown_constructor": "Unknown constructor {name}.",
    "error.tensors.unknown_op": "Unknown operation {op}.",
    "error.tensors.bad_new_shape": "A new shape is at most {most} whole numbers separated by commas, such as 2, -1; "
                                   "-1 means 'the rest'.",
    "error.tensors.broadcast_clash": "A (shape {a_shape}) and B (shape {b_shape}) cannot be combined: in dimension "
                                     "{dim} (row {right} of the table, which counts from the right) A has size {a} "
                                     "and B has size {b}. Broadcasting lines the shapes up from "
                                     "the right and needs each pair of sizes to be equal, or one of them to be 1. "
                                     "PyTorch says: {message}",
    "error.tensors.matmul_clash": "A @ B needs A's last size to equal B's first (for a matrix, its second-to-last): "
                                  "A has shape {a_shape} and B has shape {b_shape}. PyTorch says: {message}",
    "error.tensors.result_too_big": "The result would have shape {shape}: {n:,} numbers, more than the {most:,} this "
                                    "page computes. Use smaller tensors.",
    "error.tensors.mean_needs_float": "A mean is not a whole number in general, and A is {dtype}: choose a float "
                                      "dtype (float32) above. PyTorch says: {message}",
    "error.tensors.torch": "PyTorch says: {message}",
    "error.data.points": "Points must be between 2 and {most:,}, not {n:,}.",
    "error.data.slope": "The slope must be between {lo} and {hi}, not {value}.",
    "error.data.intercept": "The intercept must be between {lo} and {hi}, not {value}.",
    "error.data.noise": "The noise must be between {lo} and {hi}, not {value}.",
    "error.data.no_closed_form": "This data has no closed-form least-squares answer: its values are not all finite numbers.",
    "error.csv.too_big": "The file is {mb} MB; at most {most} MB.",
    "error.csv.not_text": "The file is not text (UTF-8): upload a .csv of two numeric columns.",
    "error.csv.empty": "The file is empty: it needs two numeric columns, such as x,y then 1,2.",
    "error.csv.line_too_long": "Row {row} is longer than {most} characters: a row should hold two numbers.",
    "error.csv.unreadable": "The file cannot be read as CSV ({detail}).",
    "error.csv.too_many_rows": "The file has {rows:,} rows; at most {most:,}.",
    "error.csv.columns": "Row {row} has {n} columns; every row needs exactly two (x and y).",
    "error.csv.not_numbers": "Row {row} is not two numbers: {text}",
    "error.csv.not_finite": "Row {row} holds a value that is not finite (nan or inf).",
    "error.csv.too_large": "Row {row} holds a number larger than {most}, the most a float32 can hold: "
                           "rescale the column (e.g. thousands instead of units).",
    "error.csv.too_few_rows": "A line needs at least two rows of numbers.",
    "error.image.too_big": "The picture is {mb} MB; at most {most} MB.",
    "error.image.not_a_picture": "That file is not a picture PyTorch can read: upload a PNG or JPG of one digit.",
    "error.image.wrong_format": "That is a {kind} picture; upload a PNG or JPG.",
    "error.image.too_many_megapixels": "The picture is {width}x{height} pixels ({mp} megapixels); at most {most} megapixels.",
    "error.image.too_many_pixels": "The picture is {width}x{height} pixels; at most {most} on a side.",
    "error.image.damaged": "The picture could not be read to the end; it may be damaged. Details: {detail}",
    "error.image.blank": "No digit found: the picture looks blank.",
    "error.image.canvas_type": "The drawing came back as {kind}, not a picture: draw again, or reload the page.",
    "error.image.canvas_shape": "The drawing came back with the shape {shape}, not height × width × 4 (RGBA): "
                                "draw again, or reload the page.",
    "error.image.canvas_dtype": "The drawing came back as {dtype} numbers, not bytes from 0 to 255 (uint8): "
                                "draw again, or reload the page.",
    "error.points.kind": "'{kind}' is not a data set; the data sets are {kinds}.",
    "error.points.count": "{n} points cannot be drawn: from 2 to {most:,}.",
    "error.points.classes": "{kind} takes 2 to {most} classes, not {classes}.",
    "error.points.noise": "The noise must be from 0 to 0.5 (50%), not {noise}.",
    "error.points.no_features": "Tick at least one input: the network needs something to look at.",
    "error.points.feature": "'{name}' is not an input; the inputs are x1, x2, x1sq, x2sq, x1x2, sin_x1 and sin_x2.",
    "error.points.marks": "{name}='{raw}' is not a list of hidden layers: layer numbers from 1 to {most}, joined by commas (such as 1,2).",
    "error.points.batch_of_one": "Batch norm cannot learn from a batch of one point: {n} training points in batches of {batch} leave one alone at the end of each epoch. Choose another batch size or training share.",
    "error.points.dropout": "dropout={raw} is not a rate: from 0 to 0.5.",
    "error.points.layers": "layers='{raw}' is not a network: up to {most} widths from 1 to {width}, joined by '-' (such as 4-4), or 0 for none.",
    "error.points.own": "The link's points (own=...) are not a list of at most {most:,} points on the plane, each x1,x2,label with a label from 0 to 4, joined by ';'.",
    "error.own.columns": "Row {row} has {n} columns; every row needs exactly three (x1, x2 and a label).",
    "error.own.not_numbers": "Row {row} does not start with two numbers (x1 and x2): {text}",
    "error.own.label": "Row {row} has the label {text}: a number label must be a whole number from 0 to {most}.",
    "error.own.names": "Row {row} brings a sixth class name, '{text}': at most {most} classes.",
    "error.own.too_few": "The file needs at least {most} points to train and test on.",
    "error.lesson.toml": "Lesson {file}, line {line}: not TOML the app can read ({detail}).",
    "error.lesson.unknown": "Lesson {file}, line {line}: '{field}' is not a field of a lesson; the fields are {fields}.",
    "error.lesson.page": "Lesson {file}, line {line}: '{page}' is not a page; the pages are {pages}.",
    "error.lesson.field": "Lesson {file}, line {line}: '{field}' is missing or not what a lesson takes there.",
    "error.lesson.words": "Lesson {file}, line {line}: {what} needs words in both English (en) and Korean (ko).",
    "error.lesson.check": "'{check}' is not a check; a check is a measure ({measures}), a comparison and a value, such as final_loss <= 4.5.",
    "error.lesson.check_in": "Lesson {file}, line {line}: '{check}' is not a check; a check is a measure ({measures}), a comparison and a value, such as final_loss <= 4.5.",
}
