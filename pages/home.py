"""Home: what the playground teaches, and a way into each page."""
import streamlit as st

from ui import nav

nav.ensure_entrypoint()

st.title("Torch Playground")
st.markdown(
    "Learn how PyTorch trains a model by turning the knobs yourself. Every page runs the same "
    "training loop, the four lines at the heart of every PyTorch program:")
st.code(
    "for epoch in range(epochs):\n"
    "    y_hat = model(x)            # 1. forward: predict\n"
    "    loss = loss_fn(y_hat, y)    # 2. loss: how wrong is it?\n"
    "    optimizer.zero_grad()\n"
    "    loss.backward()             # 3. backward: autograd finds d loss / d weight\n"
    "    optimizer.step()            # 4. step: W := W - lr * grad",
    language="python")
st.markdown(
    "Set the **learning rate**, **epochs**, **momentum** and **device** in the sidebar, press "
    "**Train**, and watch the loss fall (or, with a learning rate too large, explode).")

cols = st.columns(5)
for col, (path, title, blurb) in zip(cols, [
    ("pages/tensors.py", "Tensors", "Make tensors, and take one autograd step by hand."),
    ("pages/linear_regression.py", "Linear regression", "Fit y = Wx + b with optim.SGD."),
    ("pages/gradient_descent.py", "Gradient descent", "Walk down cost(W), step by step."),
    ("pages/sine.py", "Sine", "Fit sin(x) with a cubic."),
    ("pages/mnist.py", "MNIST", "Train a digit classifier."),
]):
    with col.container(border=True):
        st.page_link(path, label=title)
        st.caption(blurb)
