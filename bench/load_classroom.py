"""A class of N students at once: N Chromium sessions against one `streamlit run`, each training twice.

    python bench/load_classroom.py [--sessions 30] [--chromium /usr/bin/chromium] [--model cnn|mlp]
                                   [--upload photo|digit|none] [--script server.py] [--python PYTHON]

Each session opens the MNIST page (the bundled sample, one epoch of the CNN, or of the MLP with
--model mlp) and presses Train, waits for the result, uploads a phone photo of a digit (4032 x 3024
JPEG; --upload digit: a 28 x 28 PNG; none: nothing) to MNIST's "Try your own" and waits for the
model's reading and the picture it sees, then trains on the linear regression page (300 epochs).
All sessions start at once, so many press Train on the CNN in the same moment.

The script reports how many sessions finished without an error, how long they took, the server's peak
memory (sampled from /proc every 0.2 s, and the kernel's own high-water mark) and its memory once every
session has closed. It also reports the server's own CPU seconds (utime + stime from /proc/<pid>/stat,
its threads and children included), so the browsers on the same machine do not count:
  - per action, from one student alone on the warm server (opening a page, each Train, the upload),
    after a first student has paid for the server's one-off loading (torch, the MNIST sample);
  - per session, from the whole class: the server's CPU over the run divided by the sessions;
and from the per-session figure, how many students a 1-, 2- and 4-core server serves when all of them
press Train in the same minute (the assumption is printed with the figures).
Targets at N = 30 on a 2-core machine: all finish, no error, peak memory under 1.2 GB (issue 22: every
student training the CNN and uploading a photo; 1 GB was the target of the MLP and a small digit).
Traffic stays on 127.0.0.1; every wait is bounded.
"""
import argparse
import asyncio
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_MS = 600_000  # any one wait (--timeout); 30 sessions of the MLP took about 160 s in all, of the CNN 460 s


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


TICK = os.sysconf("SC_CLK_TCK")
MB_LIMIT = 1200  # the server's peak memory target at 30 sessions
AFTER_LIMIT = 100  # once they have all left, the server within this of where it stood before they came


def _stat(pid: int) -> list[str]:
    """Fields of /proc/<pid>/stat after the command name (which may hold spaces); [0] is the state."""
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2:].split()


def machine_cpu_seconds() -> float:
    """CPU seconds every process on the machine has used (the first line of /proc/stat, less idle and iowait):
    beside the server's own, it says how much the browsers took from the same cores."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / TICK  # user nice system idle iowait irq softirq steal


def cpu_seconds(pid: int) -> float:
    """CPU seconds used so far by a process, all its threads, its reaped children and its live descendants."""
    def own(p: int) -> float:
        f = _stat(p)  # f[11..14] are utime, stime, cutime, cstime (man 5 proc, fields 14 to 17)
        return sum(int(v) for v in f[11:15]) / TICK
    total, family = 0.0, {pid}
    try:
        total = own(pid)
    except OSError:
        return 0.0
    for entry in Path("/proc").iterdir():  # live children of children: a pool, a compiler; usually none
        if entry.name.isdigit() and int(entry.name) != pid:
            try:
                f = _stat(int(entry.name))
            except OSError:
                continue
            if int(f[1]) in family:  # f[1] is the parent's pid; /proc lists parents before children
                family.add(int(entry.name))
                total += own(int(entry.name))
    return total


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


class MemoryWatch(threading.Thread):
    """Samples the server's resident memory until stopped, and the most cores it kept busy over 2 s."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.running, self.busiest = pid, 0.0, True, 0.0

    def run(self):
        window = [(time.perf_counter(), cpu_seconds(self.pid))] * 10  # the last 2 s of samples
        while self.running:
            self.peak = max(self.peak, rss_mb(self.pid))
            window = window[1:] + [(time.perf_counter(), cpu_seconds(self.pid))]
            (t0, c0), (t1, c1) = window[0], window[-1]
            self.busiest = max(self.busiest, (c1 - c0) / max(t1 - t0, 1e-9))
            time.sleep(0.2)


def photo(path: Path, width: int, height: int) -> Path:
    """A phone photo of a digit: dark ink on light, slightly uneven paper, with a little sensor noise."""
    rng = np.random.default_rng(0)
    small = Image.new("L", (width // 8, height // 8), 200)  # drawn small, then enlarged: a smooth photo
    draw = ImageDraw.Draw(small)
    font = ImageFont.load_default(size=min(small.size) // 2)
    draw.text((small.width // 2, small.height // 2), "7", fill=40, font=font, anchor="mm")
    grey = np.asarray(small.resize((width, height), Image.BILINEAR), dtype=np.int16)
    grey = grey + np.linspace(-12, 12, width, dtype=np.int16)[None, :]          # light from one side
    grey = grey + rng.integers(-3, 4, size=(height, 1), dtype=np.int16)        # noise, cheap to make
    rgb = np.clip(grey, 0, 255).astype(np.uint8)[..., None].repeat(3, axis=2)  # (H, W, 3)
    Image.fromarray(rgb).save(path, quality=90) if path.suffix == ".jpg" else Image.fromarray(rgb).save(path)
    return path


def digit_png(folder: Path) -> Path:
    """A test digit of the bundled sample as a PNG a student might upload (white ink on black, 28 x 28)."""
    import numpy as np
    from PIL import Image
    with np.load(ROOT / "data" / "mnist_sample.npz") as data:
        key = next(k for k in data.files if "x" in k.lower() and "test" in k.lower())
        image = np.asarray(data[key][0]).reshape(28, 28)
    if image.dtype != np.uint8:  # stored scaled: bring it back to 0..255
        image = ((image - image.min()) / max(float(image.max() - image.min()), 1e-9) * 255).astype(np.uint8)
    path = folder / "digit.png"
    Image.fromarray(image).resize((112, 112)).save(path)
    return path


async def idle(page) -> None:
    """Wait until the script has run: first for it to show, then for it to finish."""
    await page.wait_for_selector("h1", timeout=TIMEOUT_MS)
    await page.wait_for_selector("[data-test-script-state='notRunning']", timeout=TIMEOUT_MS)


async def upload_digit(page, png: Path) -> None:
    """MNIST's "Try your own": the upload reaches the session's server, and so does the picture's request."""
    await page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(png), timeout=TIMEOUT_MS)
    await page.get_by_text("The model reads a").wait_for(timeout=TIMEOUT_MS)
    seen = page.get_by_test_id("stImage").locator("img").first
    await seen.wait_for(timeout=TIMEOUT_MS)
    await page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=await seen.element_handle(),
                                 timeout=TIMEOUT_MS)


def actions(url: str, png: Path | None, model: str = "mlp"):
    """A student's visit, as (name, step) pairs; each step takes a page and waits until the server is done."""
    async def open_page(page, path):
        await page.goto(url + path, timeout=TIMEOUT_MS)
        await idle(page)

    async def train(page, done):
        await page.get_by_role("button", name="Train", exact=True).click(timeout=TIMEOUT_MS)
        await page.get_by_text(done).wait_for(timeout=TIMEOUT_MS)
        await idle(page)
        if await page.get_by_test_id("stException").count():
            raise RuntimeError("an exception on " + page.url)

    steps = [("open MNIST", lambda p: open_page(p, f"/mnist?dataset=sample&epochs=1&arch={model}")),
             (f"Train MNIST sample, {model.upper()}, 1 epoch", lambda p: train(p, "Trained 1 epoch"))]
    if png is not None:
        steps.append((f"upload {png.name}", lambda p: upload_digit(p, png)))
    return steps + [("open Linear regression", lambda p: open_page(p, "/linear_regression?epochs=300")),
                    ("Train linear, 300 epochs", lambda p: train(p, "Trained 300 epochs"))]


async def student(browser, url: str, n: int, results: list, png: Path | None = None, model: str = "mlp") -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    start, error, name = time.perf_counter(), None, ""
    try:
        for name, step in actions(url, png, model):
            await step(page)
    except Exception as err:  # report it, keep the other students going
        error = f"{name}: {type(err).__name__}: {str(err).splitlines()[0][:200]}"
        with contextlib.suppress(Exception):  # what the student saw, to find out why
            shot = Path(tempfile.gettempdir()) / f"classroom-failed-{os.getpid()}-{n}.png"
            await page.screenshot(path=str(shot), full_page=True)
            error += f" (screenshot {shot})"
    results.append((n, time.perf_counter() - start, error))
    print(f"  session {n:2d} {'failed' if error else 'done'} after {time.perf_counter() - start:.0f} s", flush=True)
    await context.close()


async def one_student_alone(browser, url: str, server_pids: list[int], png: Path | None, model: str = "mlp") -> dict:
    """The server's CPU seconds for each action of one student on an otherwise idle server."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    costs = {}
    for name, step in actions(url, png, model):
        before = sum(cpu_seconds(pid) for pid in server_pids)
        await step(page)
        costs[name] = sum(cpu_seconds(pid) for pid in server_pids) - before
    before = sum(cpu_seconds(pid) for pid in server_pids)
    await asyncio.sleep(10)
    costs["an open, idle page, per minute"] = (sum(cpu_seconds(pid) for pid in server_pids) - before) * 6
    await context.close()
    return costs


def launch_chromium(p, chromium: str):
    return p.chromium.launch(executable_path=chromium, args=[
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"])


async def classroom(url: str, sessions: int, chromium: str, png: Path | None = None,
                    server_pids: list[int] | None = None, model: str = "mlp") -> tuple[list, dict, dict]:
    """A first student (the server's one-off loading), a second alone (cost per action), then the class.

    Returns the class's results and two dicts of server CPU seconds: per action of the student alone,
    and {"first student": ..., "class": ...} for the whole first visit and the whole class."""
    results: list = []
    async with async_playwright() as p:
        browser = await launch_chromium(p, chromium)
        per_action, totals = {}, {}
        if server_pids:
            before = sum(cpu_seconds(pid) for pid in server_pids)
            first: list = []
            await student(browser, url, -1, first, png, model)
            totals["first student"] = sum(cpu_seconds(pid) for pid in server_pids) - before
            totals["warm MB"] = rss_mb(server_pids[0])  # torch and the sample loaded, even on the classic server
            if first[0][2]:
                raise RuntimeError("the first student failed: " + first[0][2])
            per_action = await one_student_alone(browser, url, server_pids, png, model)
            before = sum(cpu_seconds(pid) for pid in server_pids)
        began, machine_before = time.perf_counter(), machine_cpu_seconds()
        await asyncio.gather(*(student(browser, url, n, results, png, model) for n in range(sessions)))
        if server_pids:
            totals["class"] = sum(cpu_seconds(pid) for pid in server_pids) - before
        totals["wall"] = time.perf_counter() - began
        totals["machine"] = machine_cpu_seconds() - machine_before
        await browser.close()
    return results, per_action, totals


def capacity(per_session: float, busiest: float) -> list[str]:
    """How many students a 1-, 2- and 4-core server serves when all press Train in the same minute."""
    lines = [f"  students served when all press Train in the same minute (each: the {per_session:.1f} CPU s "
             f"a session cost the server above, spread over that minute):"]
    for cores in (1, 2, 4):
        lines.append(f"    {cores} core{'s' if cores > 1 else ' '}: {int(60 * cores // per_session):3d} students")
    lines.append(f"  assumes the server's cores do nothing else and every core is used; one Streamlit process "
                 f"kept at most {busiest:.2f} cores busy here (Python's GIL), so past 1 to 2 cores run one "
                 f"replica per core (deploy/)")
    return lines


def report_sessions(results: list, wall: float, title: str) -> list:
    """Print how the sessions ended, (number, seconds, error or None) each; returns those without an error."""
    ok = [r for r in results if r[2] is None]
    times = sorted(r[1] for r in ok)
    print(title)
    print(f"  finished without error: {len(ok)} / {len(results)}")
    for n, _, error in sorted(r for r in results if r[2]):
        print(f"  session {n}: {error}")
    if times:
        print(f"  time per session: median {statistics.median(times):.1f} s, slowest {times[-1]:.1f} s; "
              f"all done in {wall:.1f} s")
    return ok


def main() -> int:
    global TIMEOUT_MS
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--model", choices=("cnn", "mlp"), default="cnn", help="what MNIST trains")
    parser.add_argument("--upload", choices=("photo", "digit", "none"), default="photo",
                        help="what each student uploads to MNIST's Try your own")
    parser.add_argument("--after", type=float, default=160,
                        help="seconds to wait after the sessions close before reading the server's memory")
    parser.add_argument("--timeout", type=float, default=TIMEOUT_MS / 1000, help="seconds any one wait may take")
    parser.add_argument("--script", default="server.py",
                        help="server.py (the README's: ASGI server, torch at start) or streamlit_app.py (classic)")
    parser.add_argument("--python", default=sys.executable,
                        help="the interpreter that runs the server: e.g. a virtual environment's, with another torch")
    args = parser.parse_args()
    TIMEOUT_MS = int(args.timeout * 1000)
    folder = Path(tempfile.mkdtemp(prefix="classroom-"))
    png = {"photo": lambda: photo(folder / "phone.jpg", 4032, 3024), "digit": lambda: digit_png(folder),
           "none": lambda: None}[args.upload]()

    port = free_port()
    env = {**os.environ, "TORCH_PLAYGROUND_OFFLINE": "1"}
    server = subprocess.Popen([args.python, "-m", "streamlit", "run", args.script, "--server.headless=true",
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
        results, per_action, totals = asyncio.run(classroom(url, args.sessions, args.chromium, png, [server.pid],
                                                                   args.model))
        wall = totals["wall"]
        # Streamlit drops a closed session after server.disconnectedSessionTTL (120 s), and the app's
        # reclaimer empties it within its next round (30 s)
        time.sleep(args.after)
        after = rss_mb(server.pid)
        watch.running = False
        watch.join()
        high_water = rss_mb(server.pid, "VmHWM")
    finally:
        server.terminate()
        server.wait(timeout=20)

    ok = report_sessions(results, wall, f"{args.sessions} sessions, each: MNIST sample 1 epoch of the "
                                        f"{args.model.upper()}, upload: {args.upload}, then linear "
                                        "regression 300 epochs")
    print(f"  server memory: idle {idle:.0f} MB, after a first student {totals['warm MB']:.0f} MB, "
          f"peak {max(watch.peak, high_water):.0f} MB "
          f"(sampled {watch.peak:.0f}, high-water {high_water:.0f}), "
          f"{args.after:.0f} s after the sessions closed {after:.0f} MB")
    print(f"  server CPU: the first student {totals['first student']:.1f} s (loading torch and the sample once); "
          f"the class {totals['class']:.1f} s over {wall:.0f} s, {totals['class'] / args.sessions:.2f} s a session; "
          f"at most {watch.busiest:.2f} cores busy; the whole machine {totals['machine']:.1f} s "
          f"({totals['machine'] / wall:.2f} of its {os.cpu_count()} cores: the rest is the {args.sessions} browsers)")
    print("  server CPU per action, one student alone on the warm server:")
    for name, seconds in per_action.items():
        print(f"    {name:32s} {seconds:6.2f} s")
    print("\n".join(capacity(totals["class"] / args.sessions, watch.busiest)))
    before = max(idle, totals["warm MB"])  # the classic server holds no torch until its first student
    passed = len(ok) == args.sessions and max(watch.peak, high_water) < MB_LIMIT and after - before <= AFTER_LIMIT
    print(f"  targets (all finish, no error, peak under {MB_LIMIT} MB, after they leave within {AFTER_LIMIT} MB "
          "of where it stood warm, before the class):", "met" if passed else "NOT met")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
