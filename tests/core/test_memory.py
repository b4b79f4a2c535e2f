"""What a student's work costs a shared server: evaluation batches sized in bytes, and memory handed back."""
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import torch

import core

ROOT = Path(__file__).resolve().parents[2]


def test_evaluation_batches_are_sized_by_what_a_layer_holds_not_by_count():
    x = torch.zeros(5000, 1, 28, 28)
    cnn, mlp = core.models.cnn(), core.models.mlp()
    per_cnn, per_mlp = core.memory.bytes_per_example(cnn, x), core.memory.bytes_per_example(mlp, x)
    assert per_cnn > 16 * 28 * 28 * 4  # the first convolution's output alone: 50 kB an example
    assert per_mlp < per_cnn / 10
    assert core.memory.eval_batch(cnn, x) * per_cnn <= core.memory.EVAL_BYTES
    assert core.memory.eval_batch(mlp, x) > 10 * core.memory.eval_batch(cnn, x)
    assert core.memory.eval_batch(mlp, x[:10]) == 10  # never more than there is


def test_predictions_do_not_depend_on_the_batch_size():
    x = torch.randn(300, 1, 28, 28)
    model = core.models.cnn(seed=1)
    labels, probs = core.evaluation.predict_classes(model, x)  # sized by memory: 40-odd at a time
    labels_1, probs_1 = core.evaluation.predict_classes(model, x, batch_size=300)
    assert torch.equal(labels, labels_1) and torch.allclose(probs, probs_1, atol=1e-6)
    assert model.training  # left as it was found, for the next training step
    empty_labels, _ = core.evaluation.predict_classes(model, x[:0])
    assert empty_labels.shape == (0,)


@pytest.mark.skipif(not core.malloc._libc(), reason="glibc's malloc_trim")
def test_freed_memory_goes_back_to_the_system_and_each_round_first_lets_go():
    assert core.malloc.give_back() in (True, False)  # it ran; whether there was anything to give back varies
    asked = []
    reclaimer = core.memory.Reclaimer(every=0.05, first=lambda: asked.append(1) or 1 / 0)  # one that fails, too
    reclaimer.start()
    deadline = time.time() + 10
    while reclaimer.rounds < 2 and time.time() < deadline:
        time.sleep(0.05)
    reclaimer.stop()
    assert reclaimer.rounds >= 2 and len(asked) >= 2  # a failing `first` did not end the rounds


ARENAS = textwrap.dedent("""
    import ctypes, ctypes.util, os, sys, tempfile, threading
    sys.path.insert(0, {root!r})
    from core import malloc
    capped = malloc.cap_arenas() if sys.argv[1] == "capped" else False
    go = threading.Barrier(8)
    def work():  # eight threads allocating at the same moment, as eight sessions training
        go.wait()
        held = [bytearray(200_000) for _ in range(50)]
        go.wait()
    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads: t.start()
    for t in threads: t.join()
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.fopen.restype = ctypes.c_void_p
    path = tempfile.mktemp()
    f = libc.fopen(path.encode(), b"w")
    libc.malloc_info(0, ctypes.c_void_p(f))
    libc.fclose(ctypes.c_void_p(f))
    print(capped, open(path).read().count("<heap nr="))
""")


@pytest.mark.skipif(not core.malloc._libc(), reason="glibc's mallopt")
def test_capped_arenas_are_two_however_many_threads_allocate():
    def arenas(how: str) -> tuple[str, int]:
        out = subprocess.run(
            [sys.executable, "-c", ARENAS.format(root=str(ROOT)), how],
            capture_output=True,
            text=True,
            timeout=60,
            env={k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"},
        )
        capped, count = out.stdout.split()
        return capped, int(count)
    assert arenas("capped") == ("True", 2)
    capped, free = arenas("free")
    assert capped == "False" and free > 2  # without the cap, threads that allocate at once get arenas of their own


MEASURE = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    import torch
    import core
    torch.set_num_threads(1)
    x, y = torch.randn(1000, 1, 28, 28), torch.randint(0, 10, (1000,))
    model = core.models.cnn()
    core.evaluate(model, x[:64], y[:64])  # what the first pass loads once
    status = Path("/proc/self/status")
    rss = lambda field: int(next(l for l in status.read_text().splitlines() if l.startswith(field)).split()[1])
    core.memory.give_back()
    Path("/proc/self/clear_refs").write_text("5")  # the high-water mark starts from now
    before = rss("VmRSS:")
    core.evaluate(model, x, y)
    print((rss("VmHWM:") - before) / 1024)
""")


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux's /proc high-water mark")
def test_an_accuracy_pass_of_the_cnn_costs_a_few_megabytes():
    out = subprocess.run([sys.executable, "-c", MEASURE.format(root=str(ROOT))], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    grew = float(out.stdout.split()[-1])
    # in batches of 2,048 the same pass held over 100 MB (the first convolution's output: 2,048 x 50 kB)
    assert grew < 30, f"an accuracy pass over 1,000 digits raised the peak by {grew:.0f} MB"
