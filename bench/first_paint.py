"""How soon a page is drawn: our app against a trivial two-page Streamlit app, side by side, in Chromium.

    python bench/first_paint.py [--rounds 3] [--pause 1.0] [--script server.py] [--chromium /usr/bin/chromium]
                                [--load N]

Each round starts a fresh server of each app and measures, in a new browser context each time:
home on the cold server (the first visitor), home again (a second visitor), and the first visit of each
page: a new visitor opens home, then that page through the sidebar, so every page is measured as the
first one after home. Time runs from the click or goto to the page's h1 being visible with the script
finished. Before the click the visitor looks at home for --pause seconds, in both apps alike: nobody
clicks the instant a page appears, and in that instant the browser is still loading the code for what
home shows (--pause 0 measures a click that lands there). It prints the medians and the ratios against
the trivial app measured in the same round:
targets: home within 1.2x the trivial app's home, cold and warm; each page's first visit within 0.5 s of
the trivial app's page switch. A benchmark, not a test: the machine is shared and noisy.
--load N runs N busy processes beside both apps (a classroom server is rarely idle): the targets hold
there too.
"""
import argparse
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(script: Path, cwd: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(script), "--server.headless=true",
                               f"--server.port={port}", "--server.address=127.0.0.1"],
                              cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                return server, url
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError(f"{script} did not start")


def spin(seconds: float) -> None:
    end = time.time() + seconds
    while time.time() < end:
        pass


def drawn(page, heading: str) -> None:
    page.get_by_role("heading", name=heading).first.wait_for(timeout=120_000)
    page.wait_for_selector("[data-test-script-state='notRunning']", timeout=120_000)


def visit(browser, url: str, heading: str) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    began = time.perf_counter()
    page.goto(url)
    drawn(page, heading)
    took = time.perf_counter() - began
    context.close()
    return took


def switches(browser, url: str, home: str, pages: list[tuple[str, str]], pause: float) -> list[float]:
    """Open home, then each page once through the sidebar, `pause` seconds after the last page was drawn:
    the seconds each first visit took from its click."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(url)
    drawn(page, home)
    times = []
    for link, heading in pages:
        page.wait_for_timeout(pause * 1000)
        began = time.perf_counter()
        page.get_by_test_id("stSidebarNav").get_by_role("link", name=link).click()
        drawn(page, heading)
        times.append(time.perf_counter() - began)
    context.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pause", type=float, default=1.0, help="seconds a student looks at a page before a click")
    parser.add_argument("--script", default="server.py",
                        help="server.py (the README's: ASGI server, torch at start) or streamlit_app.py (classic)")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--load", type=int, default=0, help="busy processes beside the servers and the browser")
    args = parser.parse_args()
    busy = [multiprocessing.Process(target=spin, args=(3600,), daemon=True) for _ in range(args.load)]
    for b in busy:
        b.start()
    try:
        measure(args)
    finally:
        for b in busy:
            b.terminate()


def measure(args) -> None:
    os.environ.setdefault("TORCH_PLAYGROUND_OFFLINE", "1")
    sys.path.insert(0, str(ROOT))
    from ui.lang_en import STRINGS  # each page's sidebar name and title, as its h1 shows it
    from ui.nav import PAGES as ENTRIES
    PAGES = [STRINGS[f"nav.{e.name}"] for e in ENTRIES if e.name != "home"]
    ours_pages = [(STRINGS[f"nav.{e.name}"], STRINGS[f"{e.name}.title"]) for e in ENTRIES if e.name != "home"]
    rows = {k: [] for k in ("home cold", "home warm", "trivial cold", "trivial warm", "trivial switch",
                            *[f"first {p}" for p in PAGES])}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu"])
        for r in range(args.rounds):
            for app in ("trivial", "ours"):
                script = ROOT / ("bench/trivial_app/app.py" if app == "trivial" else args.script)
                server, url = start(script, script.parent)
                try:
                    home = "Page one" if app == "trivial" else "Torch Playground"
                    cold, warm = visit(browser, url, home), visit(browser, url, home)
                    if app == "trivial":
                        rows["trivial cold"].append(cold)
                        rows["trivial warm"].append(warm)
                        rows["trivial switch"].append(
                            switches(browser, url, home, [("Two", "Page two")], args.pause)[0]
                        )
                    else:
                        rows["home cold"].append(cold)
                        rows["home warm"].append(warm)
                        for name, link in zip(PAGES, ours_pages):
                            rows[f"first {name}"].append(switches(browser, url, home, [link], args.pause)[0])
                finally:
                    server.terminate()
                    server.wait(timeout=20)
            print(f"round {r + 1}/{args.rounds} done", flush=True)
        browser.close()
    med = {k: statistics.median(v) for k, v in rows.items()}
    print(f"\n{'what':<28}{'median s':>10}   against the trivial app (same rounds; {args.pause:g} s before each click; "
          f"{args.load} busy processes beside)")
    print(f"{'home, cold server':<28}{med['home cold']:>10.2f}   {med['home cold'] / med['trivial cold']:.2f}x "
          f"its home ({med['trivial cold']:.2f} s; target <= 1.2x)")
    print(f"{'home, second visitor':<28}{med['home warm']:>10.2f}   {med['home warm'] / med['trivial warm']:.2f}x "
          f"its home ({med['trivial warm']:.2f} s; target <= 1.2x)")
    for name in PAGES:
        gap = med[f"first {name}"] - med["trivial switch"]
        print(f"{'first visit: ' + name:<28}{med[f'first {name}']:>10.2f}   {gap:+.2f} s against its page switch "
              f"({med['trivial switch']:.2f} s; target <= +0.5 s)")


if __name__ == "__main__":
    main()
