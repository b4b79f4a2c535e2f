"""The Classify page in Chromium: the boundary and the neuron maps are drawn, and stay drawn while a run
redraws them live (they blinked blank when each redraw rebuilt the chart)."""
import io

import numpy as np
from PIL import Image
from playwright.sync_api import Page, expect

from test_browser import wait_idle


def coloured_share(png: bytes) -> float:
    """The share of pixels that are orange or blue (red and blue channels apart), even when Streamlit
    fades the chart while a script run is under way."""
    rgb = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    return float((np.abs(rgb[..., 0] - rgb[..., 2]) > 25).mean())


def test_the_boundary_and_the_network_are_drawn(page: Page, app_url):
    page.goto(app_url + "/classify?dataset=gauss")
    wait_idle(page)
    page.get_by_role("button", name="Train", exact=True).click()
    expect(page.get_by_text("Trained 50 epochs")).to_be_visible(timeout=60_000)
    wait_idle(page)
    page.wait_for_timeout(500)
    charts = page.get_by_test_id("stVegaLiteChart")
    boundary, network = charts.nth(0), charts.nth(1)
    assert coloured_share(boundary.screenshot()) > 0.2   # the shaded map under the points
    assert coloured_share(network.screenshot()) > 0.02   # the neurons' maps and the weights
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_the_maps_stay_drawn_while_a_run_redraws_them(page: Page, app_url):
    page.goto(app_url + "/classify?dataset=spiral&epochs=3000")
    wait_idle(page)
    page.get_by_role("button", name="Train", exact=True).click()
    boundary = page.get_by_test_id("stVegaLiteChart").first
    expect(boundary).to_be_visible(timeout=60_000)
    page.wait_for_timeout(1500)
    shares = []
    for _ in range(10):
        shares.append(coloured_share(boundary.screenshot(animations="disabled")))
        page.wait_for_timeout(200)
    page.get_by_role("button", name="Stop", exact=True).click()
    assert min(shares) > 0.1, shares
