import pytest
import torch

import core


def test_devices_list_cpu_first_and_auto_picks_one_of_them():
    here = core.devices.available()
    assert here[0] == "cpu"
    assert core.devices.resolve("auto").type == ([d for d in ("cuda", "mps") if d in here] + ["cpu"])[0]
    assert core.devices.resolve("cpu") == torch.device("cpu")
    for absent in ("tpu", "cuda:7", "", "cpu:0:1"):
        with pytest.raises(ValueError, match="available devices"):
            core.devices.resolve(absent)


def test_linear_inits():
    assert core.models.linear("zeros").weight.item() == 0.0
    assert core.models.linear("ones").bias.item() == 1.0
    assert core.models.linear("random", seed=1).weight.item() == core.models.linear("random", seed=1).weight.item()
    assert core.models.linear(bias=False).bias is None
    with pytest.raises(ValueError):
        core.models.linear("twos")


def test_cubic_is_seeded_and_elementwise():
    a, b = core.models.cubic(seed=0), core.models.cubic(seed=0)
    assert a.coefficients() == b.coefficients()
    assert a.coefficients() != core.models.cubic(seed=1).coefficients()
    x = torch.tensor([[0.0], [1.0], [2.0]])
    c0, c1, c2, c3 = a.coefficients()
    assert a(x).squeeze(1).tolist() == pytest.approx([c0, c0 + c1 + c2 + c3, c0 + 2 * c1 + 4 * c2 + 8 * c3], rel=1e-5)


def test_mlp_takes_images_or_flat_rows_and_is_seeded():
    model = core.models.mlp()
    widths = [(m.in_features, m.out_features) for m in model if isinstance(m, torch.nn.Linear)]
    assert widths == [(784, 128), (128, 64), (64, 10)]
    assert model(torch.zeros(3, 1, 28, 28)).shape == (3, 10)
    assert model(torch.zeros(3, 784)).shape == (3, 10)
    same = core.models.mlp(seed=0)
    assert all(torch.equal(p, q) for p, q in zip(model.parameters(), same.parameters()))
    assert not torch.equal(model[1].weight, core.models.mlp(seed=1)[1].weight)
    assert isinstance(core.models.mlp(activation="sigmoid")[2], torch.nn.Sigmoid)


def test_sine_data():
    x, y = core.data.sine(1000)
    assert x.shape == y.shape == (1000, 1)
    assert x[0].item() == pytest.approx(-torch.pi) and x[-1].item() == pytest.approx(torch.pi)
    noisy = core.data.sine(50, noise=0.1, seed=1)[1]
    assert not torch.equal(noisy, core.data.sine(50)[1])
    assert torch.equal(noisy, core.data.sine(50, noise=0.1, seed=1)[1])


def test_mnist_sample_is_real_stratified_and_normalised():
    train_x, train_y, test_x, test_y, source = core.data.load_mnist("sample")
    assert source == "sample"
    assert train_x.shape == (4000, 1, 28, 28) and test_x.shape == (1000, 1, 28, 28)
    assert train_x.dtype == torch.float32 and train_y.dtype == torch.int64
    assert train_x.min().item() == -1.0 and train_x.max().item() == 1.0
    assert torch.bincount(train_y).tolist() == [400] * 10
    assert torch.bincount(test_y).tolist() == [100] * 10


def test_mnist_auto_falls_back_to_the_sample_without_network(monkeypatch, tmp_path):
    monkeypatch.delenv(core.data.OFFLINE, raising=False)

    def no_network(root):
        raise OSError("no network")

    monkeypatch.setattr(core.data, "_full", no_network)
    *_, used, why = core.data.load_mnist_explained("auto", root=tmp_path)
    assert used == "sample" and "no network" in why
    assert core.data.load_mnist("auto", root=tmp_path)[-1] == "sample"
    with pytest.raises(OSError):
        core.data.load_mnist("full", root=tmp_path)


def test_mnist_download_is_not_tried_when_no_mirror_answers(monkeypatch, tmp_path):
    """torchvision's own download has no timeout; we ask the mirrors first (here: none answers)."""
    monkeypatch.delenv(core.data.OFFLINE, raising=False)
    monkeypatch.setattr(core.data, "_reachable", lambda url, timeout=3.0: False)
    from torchvision.datasets import MNIST
    monkeypatch.setattr(MNIST, "download", lambda self: pytest.fail("a download was tried"))
    *_, used, why = core.data.load_mnist_explained("auto", root=tmp_path)
    assert used == "sample" and "mirrors" in why


def test_offline_mode_never_looks_for_full_mnist(monkeypatch, tmp_path):
    monkeypatch.setenv(core.data.OFFLINE, "1")
    monkeypatch.setattr(core.data, "_full", lambda root: pytest.fail("full MNIST was tried"))
    assert core.data.load_mnist_explained("auto", root=tmp_path)[-2:] == (
        "sample",
        "offline mode (TORCH_PLAYGROUND_OFFLINE is set)",
    )


def test_the_tutorials_model_reaches_90_percent_on_the_sample():
    """The tutorial's model and settings (Adam 1e-3, batches of 64) on the 4,000-digit sample, in seconds."""
    train_x, train_y, test_x, test_y, _ = core.data.load_mnist("sample")
    model = core.models.mlp(seed=0)
    hist = core.train(model, core.losses.cross_entropy, train_x, train_y,
                      core.TrainConfig(lr=1e-3, epochs=10, optimizer="adam", batch_size=64))
    assert hist.loss[-1] < hist.loss[0]
    assert core.evaluate(model, test_x, test_y) >= 0.90
    assert len(hist.batch_loss) == hist.steps // core.training.BATCH_LOG


def test_epoch_caps_shrink_as_the_network_grows():
    small = core.budget.mlp_epochs(1000, (32, 32))
    big = core.budget.mlp_epochs(10_000, (128,) * 4)
    assert small == 20_000 and 100 <= big < 1000
    assert core.budget.mlp_epochs(10_000, (128,) * 4) * 0.088 < 75  # about a minute at the measured 88 ms a step


def test_the_mnist_sample_is_read_once_and_shared():
    first = core.data.load_mnist("sample")
    again = core.data.load_mnist("sample")
    assert first[0] is again[0] and first[2] is again[2]  # the same tensors: one copy a process
    assert first[0].shape == (4000, 1, 28, 28) and first[0].dtype == torch.float32
    assert first[1].dtype == torch.int64 and float(first[0].min()) == -1.0 and float(first[0].max()) == 1.0
