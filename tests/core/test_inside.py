"""The CNN, and the pictures of what a network's first layer learned (core.inside)."""
import numpy as np
import pytest
import torch

import core


@pytest.fixture(scope="module")
def sample():
    return core.data.load_mnist("sample")


def test_the_cnn_maps_digits_to_ten_logits_and_is_seeded():
    model = core.models.cnn(seed=0)
    assert model(torch.zeros(3, 1, 28, 28)).shape == (3, 10)
    assert torch.equal(model[0].weight, core.models.cnn(seed=0)[0].weight)
    assert not torch.equal(model[0].weight, core.models.cnn(seed=1)[0].weight)
    assert model[0].weight.shape == (16, 1, 5, 5)


def test_the_cnn_reaches_95_percent_on_the_sample_in_5_epochs(sample):
    """The brief's settings: Adam 1e-3, batches of 64, 5 epochs on the 4,000 bundled digits (about 3 s)."""
    train_x, train_y, test_x, test_y, _ = sample
    model = core.models.cnn(seed=0)
    hist = core.train(model, core.losses.cross_entropy, train_x, train_y,
                      core.TrainConfig(lr=1e-3, epochs=5, optimizer="adam", batch_size=64))
    assert not hist.diverged and hist.loss[-1] < hist.loss[0] / 5
    assert core.evaluate(model, test_x, test_y) >= 0.95  # 96.4% measured with seed 0


def test_the_cnn_costs_more_an_epoch_than_the_tutorials_mlp_and_stays_within_a_minute():
    mlp = core.budget.mnist_epoch_seconds(4000, (128, 64), 64)
    cnn = core.budget.mnist_epoch_seconds(4000, (128, 64), 64, model="cnn")
    assert cnn > 2 * mlp
    assert core.budget.mnist_epochs(4000, (), 64, model="cnn") == 10  # the sample: every epoch count allowed
    worst = core.budget.mnist_epochs(60_000, (), 16, model="cnn")
    assert worst == 1  # full MNIST in batches of 16: one epoch is all a minute allows (about 68 s estimated)
    for batch in (16, 64, 1024):
        epochs = core.budget.mnist_epochs(60_000, (), batch, model="cnn")
        assert epochs == 1 or epochs * core.budget.mnist_epoch_seconds(60_000, (), batch, model="cnn") <= 60


def test_weight_pictures_are_the_first_layers_rows_as_28x28():
    model = core.models.mlp(hidden=(64,), seed=2)
    pictures = core.inside.weight_pictures(model, most=20)
    assert pictures.shape == (20, 28, 28) and pictures.dtype == np.float32
    assert np.array_equal(pictures[3].reshape(-1), model[1].weight[3].detach().numpy())
    assert core.inside.weight_pictures(core.models.mlp(hidden=(8,)), most=32).shape == (8, 28, 28)
    assert core.inside.units(model) == 64 and core.inside.kind(model) == "mlp"
    with pytest.raises(ValueError):
        core.inside.weight_pictures(core.models.classifier(2))  # 2 inputs are not pixels


def test_the_units_training_changed_most_come_first():
    start, model = core.models.mlp(hidden=(16,), seed=1), core.models.mlp(hidden=(16,), seed=1)
    with torch.no_grad():
        model[1].weight[9] += 0.5     # unit 9 learned most, then unit 4
        model[1].weight[4] -= 0.2
    pictures = core.inside.weight_pictures(model, most=3, start=start)
    assert np.array_equal(pictures[0].reshape(-1), model[1].weight[9].detach().numpy())
    assert np.array_equal(pictures[1].reshape(-1), model[1].weight[4].detach().numpy())


def test_filters_and_feature_maps_of_the_cnn():
    model = core.models.cnn(seed=0)
    kernels = core.inside.filters(model)
    assert kernels.shape == (16, 5, 5) and np.array_equal(kernels[5], model[0].weight[5, 0].detach().numpy())
    assert core.inside.kind(model) == "cnn"
    x = torch.zeros(1, 1, 28, 28)
    x[0, 0, 4:24, 13:15] = 1.0  # a vertical stroke
    maps = core.inside.feature_maps(model, x)
    assert maps.shape == (16, 24, 24)
    expected = torch.relu(torch.nn.functional.conv2d(x, model[0].weight, model[0].bias))[0]  # (16, 24, 24)
    assert np.allclose(maps, expected.detach().numpy(), atol=1e-6)
    assert (maps >= 0).all() and maps.max() > 0  # after ReLU, and the stroke lights something up
    with pytest.raises(ValueError):
        core.inside.filters(core.models.mlp())


def test_the_grid_colours_each_picture_and_leaves_gaps():
    pictures = np.zeros((3, 2, 2), dtype=np.float32)
    pictures[0] = [[-1, 0], [0, 1]]
    pictures[1] = [[0, 0], [0, 0]]
    pictures[2] = [[0, 2], [4, 0]]
    sheet = core.inside.grid(pictures, columns=2, scale=3, gap=1)
    assert sheet.shape == (2 * (6 + 1) + 1, 2 * (6 + 1) + 1, 3) and sheet.dtype == np.uint8
    assert tuple(sheet[1, 1]) == core.inside.NEGATIVE            # -1: the most negative of its picture
    assert tuple(sheet[6, 6]) == core.inside.POSITIVE            # +1
    assert tuple(sheet[1, 6]) == core.inside.ZERO                # 0 is white
    assert tuple(sheet[0, 0]) == core.inside.GAP
    assert tuple(sheet[1, 8]) == core.inside.ZERO                # an all-zero picture stays white, no division by 0
    heat = core.inside.grid(pictures[2:], scale=1, diverging=False, gap=0)
    assert tuple(heat[0, 0]) == core.inside.HEAT[0] and tuple(heat[1, 0]) == core.inside.HEAT[-1]
    assert 0 < heat[0, 1].astype(int).sum() < sum(core.inside.HEAT[-1])  # 2 of 4: in between


def test_mistakes_come_most_confident_first():
    labels = torch.tensor([0, 1, 2, 0, 2])
    probs = torch.tensor([[0.9, 0.1, 0.0], [0.8, 0.2, 0.0], [0.1, 0.3, 0.6], [0.4, 0.6, 0.0], [0.5, 0.0, 0.5]])
    # wrong: 1 (said 0 at 0.8), 3 (said 1 at 0.6), 4 (said 0 at 0.5); 0 and 2 are right
    assert core.evaluation.mistakes_by_confidence(labels, probs).tolist() == [1, 3, 4]
    assert core.evaluation.mistakes_by_confidence(torch.tensor([0]), torch.tensor([[1.0, 0.0]])).tolist() == []
