"""The server's memory before anyone trains: what a host's smallest allowance must hold.

    python bench/idle_memory.py [--script server.py] [--python PYTHON] [--runs 3] [--chromium /usr/bin/chromium]

Starts `streamlit run SCRIPT` under PYTHON (a virtual environment's interpreter measures another build of
torch: the CPU-only one against PyPI's CUDA build), reads its resident memory (VmRSS from /proc) once it
answers /_stcore/health, then opens Home once in Chromium, closes it, waits until the server has used no
CPU for 5 s (the warm-up thread of ui.nav has loaded torch, the training code and the MNIST sample) and
reads it again. server.py loads torch before it answers; the classic server (streamlit_app.py, or
cloud/streamlit_app.py, Community Cloud's main file) only after the first visitor's page is drawn, so the
second figure is the one to compare. Each run is a fresh server; traffic stays on 127.0.0.1.
"""
import argparse
import asyncio
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.async_api import async_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_classroom import ROOT, cpu_seconds, free_port, idle, launch_chromium, rss_mb  # noqa: E402

QUIET_S = 5        # the server is idle once it has used under 0.05 CPU s over this long
LONGEST_S = 120    # at most this long for the warm-up


async def visit_home(url: str, chromium: str) -> None:
    async with async_playwright() as p:
        browser = await launch_chromium(p, chromium)
        page = await browser.new_page()
        await page.goto(url, timeout=120_000)
        await idle(page)
        await browser.close()


def wait_quiet(pid: int) -> float:
    """Seconds until the server has been quiet for QUIET_S (bounded by LONGEST_S)."""
    start = time.perf_counter()
    while time.perf_counter() - start < LONGEST_S:
        before = cpu_seconds(pid)
        time.sleep(QUIET_S)
        if cpu_seconds(pid) - before < 0.05:
            break
    return time.perf_counter() - start


def one_run(python: str, script: str, chromium: str) -> tuple[float, float, float]:
    port = free_port()
    env = {**os.environ, "TORCH_PLAYGROUND_OFFLINE": "1"}
    server = subprocess.Popen([python, "-m", "streamlit", "run", script, "--server.headless=true",
                               f"--server.port={port}", "--server.address=127.0.0.1"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.2)
        answering = rss_mb(server.pid)
        asyncio.run(visit_home(url, chromium))
        waited = wait_quiet(server.pid)
        return answering, rss_mb(server.pid), waited
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--script", default="server.py")
    parser.add_argument("--python", default=sys.executable, help="the interpreter that runs the server")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    torch = subprocess.run([args.python, "-c", "import torch; print(torch.__version__, torch.version.cuda)"],
                           capture_output=True, text=True).stdout.strip()
    print(f"{args.script} under {args.python} (torch {torch}), {args.runs} fresh servers:")
    rows = []
    for n in range(args.runs):
        answering, settled, waited = one_run(args.python, args.script, args.chromium)
        rows.append(settled)
        print(f"  run {n + 1}: {answering:.0f} MB once it answers, {settled:.0f} MB after one Home visit "
              f"and the warm-up ({waited:.0f} s until quiet)", flush=True)
    print(f"  after Home and the warm-up: {min(rows):.0f} to {max(rows):.0f} MB; "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
