"""Every page through the sidebar in a real Chromium: it renders, and Train trains."""
import re

import pytest
from playwright.sync_api import Page, expect

from conftest import serve

PAGES = ["Tensors", "Linear regression", "Gradient descent", "Sine", "MNIST", "Classify"]


def wait_idle(page: Page, title: bool = True) -> None:
    """Wait until the script has run: first for it to start showing (its title, unless a lesson on the stage
    hides it), then for it to finish."""
    page.wait_for_selector("h1", state="visible" if title else "attached", timeout=60_000)
    page.wait_for_selector("[data-test-script-state='notRunning']", timeout=60_000)


def wait_drawn(page: Page) -> None:
    """Wait until the script has run and every chart and graph has drawn: Vega-Lite and Graphviz draw after
    the script ends, and a page measured before them is shorter (the Tensors graph adds 2,000 px). Drawn
    means the page's height has held for a second."""
    wait_idle(page)
    page.wait_for_function("""() => {
        const main = document.querySelector('[data-testid=stMain]');
        const now = [main.scrollHeight, Date.now()];
        const last = window.__heightSeen;
        if (!last || last[0] !== now[0]) { window.__heightSeen = now; return false; }
        return now[1] - last[1] > 1000;
    }""", polling=200, timeout=30_000)


def test_every_page_opens_from_the_sidebar_and_trains(page: Page, app_url, shot):
    page.goto(app_url)
    wait_idle(page)
    expect(page.get_by_role("heading", name="Torch Playground")).to_be_visible(timeout=30_000)
    shot(page, "home")
    nav = page.get_by_test_id("stSidebarNav")
    for title in PAGES:
        link = nav.get_by_role("link", name=title)
        path = link.get_attribute("href").rstrip("/").rsplit("/", 1)[-1]
        link.click()
        # the new page's address first: the last page's heading and idle state would let it start too soon,
        # and the epochs typed into the last page's box are lost when the new page replaces it
        page.wait_for_url(f"**/{path}*", timeout=60_000)
        wait_idle(page)
        epochs = page.get_by_role("spinbutton", name="Epochs", exact=True)
        epochs.fill("5")
        epochs.press("Enter")
        wait_idle(page)
        expect(page).to_have_url(re.compile(r"[?&]epochs=5\b"), timeout=30_000)  # the page took it
        page.get_by_role("button", name="Train", exact=True).click()
        expect(page.get_by_text("Trained 5 epochs")).to_be_visible(timeout=60_000)
        expect(page.get_by_test_id("stMetric").first).to_be_visible()
        expect(page.get_by_test_id("stException")).to_have_count(0)
        wait_idle(page)
        shot(page, title.lower().replace(" ", "_"))


@pytest.mark.parametrize("script", ["server.py", "streamlit_app.py", "cloud/streamlit_app.py"])
def test_a_deep_link_on_a_fresh_server_keeps_the_apps_navigation(page: Page, script):
    """The first visitor of a new server opens /tensors directly (a shared link), on either server, and
    through Community Cloud's main file (cloud/), whose folder holds no pages."""
    with serve(script) as url:
        page.goto(url + "/tensors")
        wait_idle(page)
        expect(page.get_by_role("heading", name="Tensors and autograd")).to_be_visible()
        nav = page.get_by_test_id("stSidebarNav")
        expect(nav.get_by_role("link", name="Linear regression")).to_be_visible()
        expect(nav.get_by_text("streamlit app")).to_have_count(0)
