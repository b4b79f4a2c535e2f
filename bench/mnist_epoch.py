"""Time one MNIST epoch three ways on the same data, in one run, and print the ratios; then the CNN.

    python bench/mnist_epoch.py [--repeats 3] [--device cpu] [--copies 15] [--cnn-repeats 3] [--cnn-only]

1. core.train: the app's loop (tensors in memory, a seeded permutation a epoch).
2. bare: the shortest in-memory loop that does the same maths, the floor to compare with.
3. tutorial: torchvision-style Dataset of PIL images with ToTensor + Normalize, through a DataLoader.
The 4,000 bundled training digits are repeated `copies` times (15: 60,000, full MNIST's epoch size).
Each way runs `repeats` times, interleaved, and the median counts; the machine is shared and noisy,
so only ratios measured side by side mean anything.

Then the CNN (core.models.cnn) on the bundled sample itself (4,000 digits, one torch thread, as the app
runs): one epoch through core.train beside the MLP's and a bare loop of the CNN, and the test accuracy
after the brief's 5 epochs (Adam 1e-3, batches of 64), for seeds 0 to 3.
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

import torch
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import core  # noqa: E402

BATCH, LR = 64, 1e-3


class TutorialMNIST(Dataset):
    """What torchvision.datasets.MNIST does per item: a PIL image, then the transform."""

    def __init__(self, images_uint8: torch.Tensor, labels: torch.Tensor):
        self.data, self.targets = images_uint8, labels
        self.transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5,), (0.5,))])

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        img = Image.fromarray(self.data[i].numpy(), mode="L")
        return self.transform(img), int(self.targets[i])


def core_epoch(x, y, device, make=core.models.mlp):
    model = make(seed=0)
    cfg = core.TrainConfig(lr=LR, epochs=1, optimizer="adam", batch_size=BATCH, device=device)
    return core.train(model, core.losses.cross_entropy, x, y, cfg).loss[-1]


def bare_epoch(x, y, device, make=core.models.mlp):
    model = make(seed=0).to(device, memory_format=torch.contiguous_format)  # as nn.Conv2d lays it out
    x, y = x.to(device), y.to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    loss_fn = torch.nn.CrossEntropyLoss()
    order = torch.randperm(len(x), generator=torch.Generator().manual_seed(0)).to(device)
    total = torch.zeros((), device=device)
    for i in range(0, len(x), BATCH):
        idx = order[i:i + BATCH]
        loss = loss_fn(model(x[idx]), y[idx])
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        total += loss.detach()
    return total.item() / -(-len(x) // BATCH)


def tutorial_epoch(images, labels, device):
    model = core.models.mlp(seed=0).to(device)
    loader = DataLoader(TutorialMNIST(images, labels), batch_size=BATCH, shuffle=True)
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    loss_fn = torch.nn.CrossEntropyLoss()
    running = 0.0
    for data, target in loader:
        data, target = data.to(device), target.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(data), target)
        loss.backward()
        optimizer.step()
        running += loss.item()
    return running / len(loader)


def cnn_report(repeats: int, device: str) -> None:
    """The CNN on the sample: one epoch three ways (seconds, median of `repeats`), then 5-epoch accuracy."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # the app's share of this 2-core machine (core.devices.share_the_cores)
    x, y, test_x, test_y, _ = core.data.load_mnist("sample")
    ways = {"core.train MLP": lambda: core_epoch(x, y, device),
            "core.train CNN": lambda: core_epoch(x, y, device, core.models.cnn),
            "bare loop CNN": lambda: bare_epoch(x, y, device, core.models.cnn)}
    core_epoch(x[:500], y[:500], device, core.models.cnn)  # warm up
    times = {name: [] for name in ways}
    for _ in range(repeats):
        for name, fn in ways.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    print(f"\none epoch of the bundled sample ({len(x):,} digits), batch {BATCH}, Adam, 1 thread, "
          f"median of {repeats}")
    for name, t in times.items():
        print(f"  {name:<20} {statistics.median(t):6.2f} s   (runs: {', '.join(f'{v:.2f}' for v in t)})")
    accuracies, seconds = [], []
    for seed in range(4):
        model = core.models.cnn(seed=seed)
        cfg = core.TrainConfig(lr=LR, epochs=5, optimizer="adam", batch_size=BATCH, device=device, seed=seed)
        hist = core.train(model, core.losses.cross_entropy, x, y, cfg)
        accuracies.append(core.evaluate(model, test_x, test_y, device))
        seconds.append(hist.seconds)
    print(f"CNN test accuracy after 5 epochs, seeds 0-3: {', '.join(f'{a:.1%}' for a in accuracies)} "
          f"(target: at least 95%); 5 epochs took {', '.join(f'{s:.1f}' for s in seconds)} s")
    torch.set_num_threads(threads)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--copies", type=int, default=15)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--cnn-repeats", type=int, default=3, help="0 leaves the CNN out")
    parser.add_argument("--cnn-only", action="store_true", help="only the CNN on the sample (a few seconds)")
    args = parser.parse_args()
    if args.cnn_only:
        cnn_report(args.cnn_repeats, args.device)
        return

    import numpy as np
    raw = np.load(core.data.SAMPLE)
    images = torch.from_numpy(raw["train_x"]).repeat(args.copies, 1, 1)     # (N, 28, 28) uint8
    labels = torch.from_numpy(raw["train_y"]).long().repeat(args.copies)   # (N,)
    x = core.data.normalise(images)                                         # (N, 1, 28, 28) float32
    ways = {"core.train": lambda: core_epoch(x, labels, args.device),
            "bare loop": lambda: bare_epoch(x, labels, args.device),
            "tutorial DataLoader": lambda: tutorial_epoch(images, labels, args.device)}
    print(f"one epoch of {len(x):,} digits, batch {BATCH}, Adam, device {args.device}, "
          f"torch {torch.__version__}, {torch.get_num_threads()} threads, median of {args.repeats}")
    core_epoch(x[:2000], labels[:2000], args.device)  # warm up: the first step in a process is slow
    times = {name: [] for name in ways}
    for _ in range(args.repeats):
        for name, fn in ways.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    median = {name: statistics.median(t) for name, t in times.items()}
    for name, t in median.items():
        print(f"  {name:<20} {t:6.2f} s   (runs: {', '.join(f'{v:.2f}' for v in times[name])})")
    ratio_bare = median["core.train"] / median["bare loop"]
    ratio_tutorial = median["tutorial DataLoader"] / median["core.train"]
    print(f"core.train / bare loop          = {ratio_bare:.2f}x   (target: at most 1.2x)")
    print(f"tutorial DataLoader / core.train = {ratio_tutorial:.2f}x   (target: at least 3x)")
    if args.cnn_repeats:
        cnn_report(args.cnn_repeats, args.device)


if __name__ == "__main__":
    main()
