"""English: the Tensors page."""
STRINGS = {
    # Tensors
    "tensors.title": "Tensors and autograd",
    "tensors.intro": "A **tensor** is PyTorch's array: numbers laid out in a shape, with a dtype and a device. "
                     "Make one, look inside it, combine two, then let `backward()` find gradients.",
    "tensors.make": "1. Make a tensor",
    "tensors.constructor": "Constructor",
    "tensors.constructor_help": "How the tensor is made.",
    "tensors.dtype_help": "auto: PyTorch picks (int64 for whole numbers, float32 otherwise).",
    "tensors.values": "Values",
    "tensors.values_help": "A number, or nested lists of numbers: [[1, 2], [3, 4]]. At most {max} elements and {chars} characters.",
    "tensors.shape": "Shape",
    "tensors.shape_help": "Sizes separated by commas, e.g. 2, 3. At most {max} elements.",
    "tensors.inspect": "2. Inspect it",
    "tensors.fix_values": "Fix the values above to see the tensor.",
    "tensors.no_code": "The code appears once the input is accepted.",
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
    "tensors.step": "4. One step of learning, by hand",
    "tensors.step_intro": "One point (x, y) and a line y_hat = W x + b. The loss 0.5 (y - y_hat)² says how wrong "
                          "the line is; `loss.backward()` finds how the loss changes with W and b; the step moves "
                          "them against that, with the learning rate (now {lr}).",
    "tensors.computed": "computed",
    "tensors.value": "value",
    "tensors.by_hand": "by hand",
    "tensors.before_step": "before the step",
    "tensors.after_step": "after one step",
    "tensors.before_after": "The point, and the line before and after",
    "tensors.repeat": "5. Repeat the step: train",
    "tensors.repeat_intro": "Repeat this step and the line learns to predict {y} for x = {x}. **Train** runs the "
                            "same step over and over, with the epochs, optimizer and momentum from {sidebar}.",
    "tensors.after_n": "After {n} steps: W = **{w}**, b = **{b}**, prediction for x = {x}: **{pred}** (target {y})",
    "tensors.start": "start",
    "tensors.now": "now",
    "tensors.after_steps": "after {n} steps",
    "tensors.walks": "The line walks to the point",
    "tensors.attribute": "attribute",
    # the graph autograd builds for the step (core.autograd)
    "tensors.graph_title": "What backward() walks",
    "tensors.graph_intro": "While the forward pass computes, PyTorch writes down each operation: the graph "
                           "below is the one it built for this step, read from `loss.grad_fn` and its "
                           "`next_functions`. Walk it with the buttons.",
    "tensors.graph_forward": "Forward",
    "tensors.graph_backward": "Backward",
    "tensors.graph_step": "Step",
    "tensors.graph_again": "Start again",
    "tensors.graph_value": "value",
    "tensors.graph_grad": "grad",
    "tensors.graph_loss": "the loss",
    "tensors.graph_start": "The graph's shape only: each box is an operation PyTorch will walk back through "
                           "(MulBackward0 for a `*`), the blue ones are W and b. Press **Forward**.",
    "tensors.graph_after_forward": "Forward: every operation has its value; the loss is **{loss}**. No "
                                   "gradient yet: press **Backward** for `loss.backward()`.",
    "tensors.graph_after_backward": "Backward: from the loss (grad 1) back to W and b. On each arrow, the "
                                    "local derivative; the gradient at a box is the one above it times that "
                                    "number, the chain rule: W.grad = **{gw}**, b.grad = **{gb}**.",
    "tensors.graph_after_step": "Step: `W -= lr * W.grad` and `b -= lr * b.grad` with lr {lr}: W = **{w}**, "
                                "b = **{b}**. The next forward pass builds a new graph.",
}
