"""The Tensors page on a projector's 1024 x 768 with the sidebar open: nothing spills out of its column."""
import time

import pytest
from playwright.sync_api import Page, expect

from test_browser import wait_drawn, wait_idle


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_attributes_fit_beside_the_heatmap_at_1024_px(page: Page, app_url, lang):
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(f"{app_url}/tensors?lang={lang}")
    wait_drawn(page)
    heatmap = page.get_by_test_id("stVegaLiteChart").first
    heatmap.scroll_into_view_if_needed()
    # every table and data frame in a column ends inside it (the old Markdown row ran under the heatmap)
    spill = page.evaluate("""() => [...document.querySelectorAll(
            '[data-testid="stMain"] table, [data-testid="stMain"] [data-testid="stDataFrame"]')]
        .filter(el => el.closest('[data-testid="stColumn"]'))
        .map(el => el.getBoundingClientRect().right
                   - el.closest('[data-testid="stColumn"]').getBoundingClientRect().right)
        .filter(over => over > 1)""")
    assert spill == []
    table = page.get_by_test_id("stTable").first  # A.shape, A.dtype, ...: the first table on the page
    assert table.bounding_box()["x"] + table.bounding_box()["width"] <= heatmap.bounding_box()["x"]
    # the constructor's box is wide enough for "torch.linspace" (at half a column it showed "torch.ten")
    box = page.get_by_test_id("stMain").get_by_test_id("stSelectbox").first
    assert box.bounding_box()["width"] > 200


def test_a_huge_paste_is_refused_quickly_and_the_page_stays_short(page: Page, app_url):
    """120,000 characters once froze the page for 71 s and made it 81,766 px tall, echoed in the code box."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{app_url}/tensors")
    wait_drawn(page)
    main = page.get_by_test_id("stMain")
    before = main.evaluate("e => e.scrollHeight")
    box = page.get_by_test_id("stTextArea").locator("textarea")
    box.fill("[" + "1, " * 40_000 + "1]")
    begun = time.perf_counter()
    box.press("Control+Enter")
    expect(page.get_by_text("Too much text: 120,003 characters")).to_be_visible(timeout=30_000)
    wait_drawn(page)
    seconds = time.perf_counter() - begun
    after = main.evaluate("e => e.scrollHeight")
    print(f"refused in {seconds:.1f} s; page {before} px tall before, {after} px after")
    assert seconds < 15 and after < before + 1000


def test_the_walking_line_has_a_plot_wide_enough_to_see_at_1024_px(page: Page, app_url):
    """Its legend stood on the right and left the plot 70 px of a half column; drawn before Train too."""
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(f"{app_url}/tensors")
    wait_idle(page)
    walk = page.locator(".st-key-live_picture .vega-embed svg").first
    walk.scroll_into_view_if_needed()
    width = walk.evaluate("s => s.querySelector('path.background').getBoundingClientRect().width")
    assert width >= 180, width
