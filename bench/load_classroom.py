"""A class of N students at once: N Chromium sessions against one `streamlit run`, each training twice.

    python bench/load_classroom.py [--sessions 20] [--chromium /usr/bin/chromium]

Each session opens the MNIST page (the bundled sample, one epoch) and presses Train, waits for the
result, then does the same on the linear regression page (300 epochs). The script reports how many
sessions finished without an error, how long they took, and the server's peak memory (sampled from
/proc every 0.2 s, and the kernel's own high-water mark), then its memory once every session has closed.
Targets at N = 20 on a 2-core machine: all finish, no error, peak memory under 1.5 GB.
Traffic stays on 127.0.0.1; every wait is bounded.
"""
import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_MS = 600_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


class MemoryWatch(threading.Thread):
    """Samples the server's resident memory until stopped."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0.0, True

    def run(self):
        while self.running:
            self.peak = max(self.peak, rss_mb(self.pid))
            time.sleep(0.2)


async def student(browser, url: str, n: int, results: list) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    start, error = time.perf_counter(), None
    try:
        for path, done in (("/mnist?dataset=sample&epochs=1", "Trained 1 epoch"),
                           ("/linear_regression?epochs=300", "Trained 300 epochs")):
            await page.goto(url + path, timeout=TIMEOUT_MS)
            await page.get_by_role("button", name="Train", exact=True).click(timeout=TIMEOUT_MS)
            await page.get_by_text(done).wait_for(timeout=TIMEOUT_MS)
            if await page.get_by_test_id("stException").count():
                raise RuntimeError(f"an exception on {path}")
    except Exception as err:  # report it, keep the other students going
        error = f"{type(err).__name__}: {str(err).splitlines()[0][:200]}"
    results.append((n, time.perf_counter() - start, error))
    print(f"  session {n:2d} {'failed' if error else 'done'} after {time.perf_counter() - start:.0f} s", flush=True)
    await context.close()


async def classroom(url: str, sessions: int, chromium: str) -> list:
    results: list = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"])
        await asyncio.gather(*(student(browser, url, n, results) for n in range(sessions)))
        await browser.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()

    port = free_port()
    env = {**os.environ, "TORCH_PLAYGROUND_OFFLINE": "1"}
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless=true",
                               f"--server.port={port}", "--server.address=127.0.0.1"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.2)
        idle = rss_mb(server.pid)
        watch = MemoryWatch(server.pid)
        watch.start()
        began = time.perf_counter()
        results = asyncio.run(classroom(url, args.sessions, args.chromium))
        wall = time.perf_counter() - began
        time.sleep(5)  # let the server notice the closed sessions
        after = rss_mb(server.pid)
        watch.running = False
        watch.join()
        high_water = rss_mb(server.pid, "VmHWM")
    finally:
        server.terminate()
        server.wait(timeout=20)

    ok = [r for r in results if r[2] is None]
    times = sorted(r[1] for r in ok)
    print(f"{args.sessions} sessions, each: MNIST sample 1 epoch, then linear regression 300 epochs")
    print(f"  finished without error: {len(ok)} / {args.sessions}")
    for n, _, error in sorted(r for r in results if r[2]):
        print(f"  session {n}: {error}")
    if times:
        print(f"  time per session: median {statistics.median(times):.1f} s, slowest {times[-1]:.1f} s; "
              f"all done in {wall:.1f} s")
    print(f"  server memory: idle {idle:.0f} MB, peak {max(watch.peak, high_water):.0f} MB "
          f"(sampled {watch.peak:.0f}, high-water {high_water:.0f}), after the sessions closed {after:.0f} MB")
    passed = len(ok) == args.sessions and max(watch.peak, high_water) < 1536
    print("  targets (all finish, no error, peak under 1.5 GB):", "met" if passed else "NOT met")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
