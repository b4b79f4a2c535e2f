"""What one student costs the server's memory, per thing they can press, and what comes back when they leave.

    python bench/student_memory.py [--script server.py] [--chromium /usr/bin/chromium] [--load N]

One `streamlit run` and Chromium sessions on 127.0.0.1. Each step is measured from the server's
memory just before it, as the peak over it (the kernel's high-water mark, reset before each step by
writing 5 to /proc/<pid>/clear_refs, so no sample is missed) and what it holds once the step is done:
  - one student trains the CNN on the MNIST sample (5 epochs, Adam, batches of 64: the tutorial's run);
  - three students press Train on the CNN at the same moment;
  - a student uploads a phone photo of a digit: 4032x3024 JPEG, 3024x4032 PNG, a 50-megapixel JPEG;
  - on Classify, a CSV of 5,000 points of their own (the most it takes), then Train on them; 20 clicks
    on the plane of points, each redrawing it; the notebook of the page's run, downloaded;
  - every session closes; after Streamlit drops them (server.disconnectedSessionTTL) and the app's
    reclaimer has run, the server's memory against where it stood before the students came.
--load N runs N busy processes beside it (a classroom server is rarely idle), so the figures are
taken with the cores shared as well as quiet.
Targets (issue 22): one CNN train at most +40 MB over the idle server, three at once at most +120 MB,
a photo of any size the page accepts at most +40 MB, and after they leave within 100 MB of before;
the own points, the clicks and the notebook at most +40 MB each, as a photo.
"""
import argparse
import asyncio
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.async_api import async_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_classroom import ROOT, free_port, idle, launch_chromium, photo, rss_mb  # noqa: E402

TIMEOUT_MS = 300_000
CNN = "/mnist?dataset=sample&arch=cnn&epochs=5&speed=fast"
TARGETS = {"one CNN train": 40, "three CNN trains at once": 120, "photo": 40, "after they leave": 100,
           "own points": 40, "clicks": 40, "notebook": 40}
OWN = "/classify?dataset=own&epochs=30&speed=fast"


def spin(seconds: float) -> None:
    end = time.time() + seconds
    while time.time() < end:
        pass


class Server:
    def __init__(self, script: str):
        self.port = free_port()
        env = {**os.environ, "TORCH_PLAYGROUND_OFFLINE": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.headless=true",
             f"--server.port={self.port}", "--server.address=127.0.0.1"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}"
        for _ in range(600):
            try:
                if urllib.request.urlopen(self.url + "/_stcore/health", timeout=2).read() == b"ok":
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def rss(self) -> float:
        return rss_mb(self.proc.pid)

    def reset_peak(self) -> None:
        Path(f"/proc/{self.proc.pid}/clear_refs").write_text("5")  # VmHWM := VmRSS now

    def peak(self) -> float:
        return rss_mb(self.proc.pid, "VmHWM")

    def settle(self, seconds: float = 3.0) -> float:
        time.sleep(seconds)
        return self.rss()


async def train_cnn(browser, url: str) -> tuple:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    await page.goto(url + CNN, timeout=TIMEOUT_MS)
    await idle(page)
    return context, page


async def press_train(page) -> None:
    await page.get_by_role("button", name="Train", exact=True).click(timeout=TIMEOUT_MS)
    await page.get_by_text("Trained 5 epochs").wait_for(timeout=TIMEOUT_MS)
    await idle(page)


async def upload(page, path: Path) -> None:
    await page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path), timeout=TIMEOUT_MS)
    # the uploader lists the new file once its script run has started; then the reading, or a refusal
    await page.get_by_test_id("stFileChipName").filter(has_text=path.name).wait_for(timeout=TIMEOUT_MS)
    await idle(page)
    if await page.get_by_test_id("stAlertContentError").count():
        print("    refused:", (await page.get_by_test_id("stAlertContentError").first.inner_text())[:120])


def own_csv(path: Path, rows: int = 5000) -> Path:
    """rows points of five classes in rings, as a student's spreadsheet might hold them."""
    import math
    lines = ["x1,x2,label"] + [f"{(1 + i % 5) * math.cos(i):.4f},{(1 + i % 5) * math.sin(i):.4f},{i % 5}"
                               for i in range(rows)]
    path.write_text("\n".join(lines) + "\n")
    return path


async def own_points(page, path: Path) -> None:
    await page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path), timeout=TIMEOUT_MS)
    await page.get_by_text(re.compile(r"^5,?000 points")).first.wait_for(timeout=TIMEOUT_MS)
    await idle(page)
    await page.get_by_role("button", name="Train", exact=True).click(timeout=TIMEOUT_MS)
    await page.get_by_text("Trained 30 epochs").wait_for(timeout=TIMEOUT_MS)
    await idle(page)


async def clicks(page, n: int = 20) -> None:
    """n clicks on the plane of points, each a point added (or removed) and the plane drawn again."""
    for i in range(n):
        box = None
        for _ in range(50):  # the plane is drawn again after each click: look until it holds still
            cells = page.get_by_test_id("stVegaLiteChart").first.locator("g.mark-rect").first
            try:
                await cells.scroll_into_view_if_needed(timeout=5_000)
                box = await cells.bounding_box()
            except Exception:  # redrawn while looked at
                box = None
            if box:
                break
            await page.wait_for_timeout(200)
        await page.mouse.click(box["x"] + box["width"] * (0.1 + 0.8 * (i % 7) / 6),
                               box["y"] + box["height"] * (0.1 + 0.8 * (i // 7) / 3))
        await idle(page)
    said = await page.get_by_text(re.compile(r"^\d+ points?:")).first.inner_text()
    print("    the plane now holds", said, flush=True)  # every click counted


async def notebook(page) -> None:
    await page.get_by_text("The PyTorch code for these settings").click(timeout=TIMEOUT_MS)
    await idle(page)
    async with page.expect_download(timeout=TIMEOUT_MS) as download:
        await page.get_by_role("button", name="Download as a notebook").click(timeout=TIMEOUT_MS)
    await (await download.value).path()


async def measure(server: Server, chromium: str, photos: list[Path], ttl: float,
                  steps: list[str], csv: Path) -> list[tuple]:
    rows = []

    def step(name: str, before: float, target: str | None) -> None:
        after = server.settle()
        peak = server.peak()  # the high-water mark over the step and its settling: nothing it did is missed
        rows.append((name, before, peak, after, target))
        print(f"  {name:44s} before {before:6.0f}  peak {peak:6.0f} (+{peak - before:4.0f})  "
              f"after {after:6.0f} MB", flush=True)

    async with async_playwright() as p:
        browser = await launch_chromium(p, chromium)
        # a first student pays the server's one-off costs (the page's modules, the first CNN's kernels)
        context, page = await train_cnn(browser, server.url)
        await press_train(page)
        await context.close()
        start = server.settle(5)
        print(f"  warm server, no session open: {start:.0f} MB", flush=True)

        context, page = await train_cnn(browser, server.url)
        if "cnn" in steps or "photos" in steps:
            before = server.settle()
            server.reset_peak()
            await press_train(page)
            step("one CNN train (5 epochs)", before, "one CNN train")
        for path in photos if "photos" in steps else ():
            before = server.settle(1)
            server.reset_peak()
            await upload(page, path)
            with Image.open(path) as im:
                size = f"{im.width}x{im.height} {im.format}, {path.stat().st_size / 1e6:.1f} MB"
            step(f"upload a photo, {size}", before, "photo")
        opened = [await train_cnn(browser, server.url) for _ in range(3 if "three" in steps else 0)]
        if "three" in steps:
            before = server.settle()
            server.reset_peak()
            await asyncio.gather(*(press_train(pg) for _, pg in opened))
            step("three CNN trains at once", before, "three CNN trains at once")
        if "own" in steps:  # Classify: a student's own points, by a file and by clicks, and the notebook
            for name, act, target in (("own points: a 5,000-row CSV, then Train", lambda pg: own_points(pg, csv),
                                       "own points"),
                                      ("the notebook of that run, downloaded", notebook, "notebook"),
                                      ("20 clicks on a fresh plane of points", clicks, "clicks")):
                if target != "notebook":  # the notebook is the CSV's run's, on the same page
                    ctx = await browser.new_context(viewport={"width": 1280, "height": 900})
                    own = await ctx.new_page()
                    await own.goto(server.url + OWN, timeout=TIMEOUT_MS)
                    await idle(own)
                    opened.append((ctx, own))
                before = server.settle(1)
                server.reset_peak()
                await act(own)
                step(name, before, target)
        for ctx, _ in [*opened, (context, page)]:
            await ctx.close()
        await browser.close()
    print(f"  every session closed; waiting {ttl:.0f} s for Streamlit to drop them and the reclaimer to run",
          flush=True)
    left = time.time() + ttl
    while time.time() < left:  # what the server holds as Streamlit drops the sessions and the reclaimer runs
        time.sleep(min(20, max(left - time.time(), 0)))
        print(f"    {ttl - (left - time.time()):4.0f} s after: {server.rss():.0f} MB", flush=True)
    rows.append(("after they leave", start, server.peak(), server.rss(), "after they leave"))
    print(f"  {'after they leave':44s} before {start:6.0f}  now {server.rss():6.0f} MB "
          f"({server.rss() - start:+.0f})", flush=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--script", default="server.py")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--load", type=int, default=0, help="busy processes beside the server")
    parser.add_argument("--steps", default="cnn,photos,three,own",
                        help="which steps to measure, of cnn,photos,three,own")
    parser.add_argument("--ttl", type=float, default=200, help="seconds to wait after the sessions close")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="student-memory-"))
    photos = [photo(folder / "phone.jpg", 4032, 3024), photo(folder / "phone_portrait.png", 3024, 4032),
              photo(folder / "fifty_megapixels.jpg", 8192, 6144)]
    busy = [multiprocessing.Process(target=spin, args=(3600,), daemon=True) for _ in range(args.load)]
    for b in busy:
        b.start()
    server = Server(args.script)
    try:
        print(f"{args.script}, {args.load} busy processes beside it; idle server {server.rss():.0f} MB")
        rows = asyncio.run(measure(server, args.chromium, photos, args.ttl, args.steps.split(","),
                                   own_csv(folder / "own_points.csv")))
    finally:
        server.proc.terminate()
        server.proc.wait(timeout=20)
        for b in busy:
            b.terminate()
    met = True
    print("targets:")
    for name, before, peak, after, target in rows:
        grew = (after if target == "after they leave" else peak) - before
        ok = grew <= TARGETS[target]
        met &= ok
        print(f"  {name:44s} +{grew:4.0f} MB, at most +{TARGETS[target]} MB: {'met' if ok else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
