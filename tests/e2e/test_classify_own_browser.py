"""Your own points in Chromium: points placed by mouse clicks and by touch taps train, a click on a point
removes it, and the same points come back through the share link in a new browser."""
import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from test_browser import wait_idle

# (share across, share down) of the plane: two of each colour, well apart
SPOTS = [((0.2, 0.2), 0), ((0.3, 0.25), 0), ((0.8, 0.8), 1), ((0.75, 0.7), 1)]


def plane_box(page: Page) -> dict:
    """The plotted square of the editor (its layer of cells), in page pixels, scrolled into view."""
    cells = page.get_by_test_id("stVegaLiteChart").first.locator("g.mark-rect").first
    cells.scroll_into_view_if_needed()
    return cells.bounding_box()


def place(page: Page, touch: bool) -> None:
    for (fx, fy), colour in SPOTS:
        picker = page.get_by_test_id("stMain").get_by_role("radio", name=re.compile(["Orange", "Blue"][colour]))
        picker.check(force=True)
        wait_idle(page)
        box = plane_box(page)
        x, y = box["x"] + fx * box["width"], box["y"] + fy * box["height"]
        page.touchscreen.tap(x, y) if touch else page.mouse.click(x, y)
        wait_idle(page)


@pytest.mark.parametrize("touch", [False, True], ids=["mouse", "touch"])
def test_points_placed_by_clicks_train_and_come_back_through_the_link(browser, app_url, touch):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, has_touch=touch)
    page = context.new_page()
    page.goto(app_url + "/classify?dataset=own&epochs=30")
    wait_idle(page)
    expect(page.get_by_text("No points yet")).to_be_visible(timeout=30_000)
    place(page, touch)
    expect(page.get_by_text("4 points: 2 orange, 2 blue.")).to_be_visible(timeout=30_000)
    # a click on a point removes it; the same click again puts it back
    box = plane_box(page)
    (fx, fy), _ = SPOTS[-1]
    for said in ("3 points: 2 orange, 1 blue.", "4 points: 2 orange, 2 blue."):
        page.wait_for_timeout(700)  # two taps on one spot in quick succession are a double tap, not two taps
        x, y = box["x"] + fx * box["width"], box["y"] + fy * box["height"]
        page.touchscreen.tap(x, y) if touch else page.mouse.click(x, y)
        wait_idle(page)
        expect(page.get_by_text(said)).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Train", exact=True).click()
    expect(page.get_by_text("Trained 30 epochs")).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    own = parse_qs(urlparse(page.url).query)["own"][0]
    assert own.count(";") == 3
    context.close()

    fresh = browser.new_context(viewport={"width": 1280, "height": 900})
    again = fresh.new_page()
    again.goto(page.url)
    wait_idle(again)
    expect(again.get_by_text("4 points: 2 orange, 2 blue.")).to_be_visible(timeout=30_000)
    assert parse_qs(urlparse(again.url).query)["own"][0] == own
    expect(again.get_by_test_id("stVegaLiteChart").first.locator("g.mark-symbol path")).to_have_count(4)
    fresh.close()


def test_a_csv_upload_places_its_points_and_a_bad_row_is_named(page: Page, app_url, tmp_path):
    page.goto(app_url + "/classify?dataset=own")
    wait_idle(page)
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,label\n1,1,0\n2,2,1\n3,3,1e9\n4,4,0\n")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(bad))
    expect(page.get_by_text("Row 3 has the label 1e9")).to_be_visible(timeout=30_000)
    good = tmp_path / "pets.csv"
    good.write_text("x1,x2,label\n" + "".join(f"{-3 - i / 10},{-3},cat\n{3 + i / 10},{3},dog\n" for i in range(5)))
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(good))
    expect(page.get_by_text("10 points: 5 orange, 5 blue.")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Orange: cat")).to_be_visible()
    expect(page.get_by_test_id("stVegaLiteChart").first.locator("g.mark-symbol path")).to_have_count(10)
    expect(page.get_by_test_id("stException")).to_have_count(0)
