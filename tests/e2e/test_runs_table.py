"""The runs table in a real Chromium: tick a run's Delete box in the grid, press Delete, and it goes."""
from playwright.sync_api import Page, expect

from test_browser import wait_idle


def test_a_run_ticked_in_the_table_is_deleted_by_the_button(page: Page, app_url):
    page.goto(app_url + "/linear_regression?epochs=3")
    wait_idle(page)
    for _ in range(2):
        page.get_by_role("button", name="Train", exact=True).click()
        expect(page.get_by_text("Trained 3 epochs")).to_be_visible(timeout=60_000)
        wait_idle(page)
    delete = page.get_by_role("button", name="Delete ticked (0)")
    expect(delete).to_be_disabled()
    grid = page.get_by_test_id("stDataFrame").filter(has_text="#2 · newest")  # the runs table
    expect(grid).to_have_count(1)
    grid.scroll_into_view_if_needed()
    expect(grid).to_be_visible()
    # the grid draws on a canvas: select the first run's label (a read-only cell), step left onto its
    # Delete box and tick it with the keyboard, as a person without a mouse would
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 250, box["y"] + 35 + 17)
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Space")
    wait_idle(page)
    page.get_by_role("button", name="Delete ticked (1)").click()
    wait_idle(page)
    expect(page.get_by_role("button", name="Delete ticked (0)")).to_be_visible()
    labels = page.get_by_test_id("stDataFrame").filter(has_text="newest").locator("td[aria-colindex='3']")
    expect(labels).to_have_text(["#2 · newest"])   # the grid's own accessible table: one run left


def _blue_pixels(png: bytes) -> int:
    """How many pixels of a screenshot are blue, as run #2's curve is (thin and half see-through, it is
    lighter than its colour); the axes and grid are grey, run #1 is orange."""
    import io

    from PIL import Image
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return sum(1 for r, g, b in image.getdata() if b - r > 60 and b - g > 25)


def test_unticking_show_hides_the_run_from_the_loss_chart_at_once(page: Page, app_url):
    """The chart was drawn before the table read the tick: it was always a rerun behind."""
    import core
    page.goto(app_url + "/linear_regression?epochs=30&dataset=hours")
    wait_idle(page)
    page.get_by_role("button", name="Compare momentum 0 and 0.9").click()   # #1 plain, on screen; #2 momentum
    wait_idle(page)
    assert core.charts.RUN_COLOURS[1] == "#1c7ed6"  # run #2's colour: blue
    loss = page.get_by_test_id("stVegaLiteChart").nth(1)   # the fitted line, then the loss
    loss.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    assert _blue_pixels(loss.screenshot()) > 50, "run #2's curve is not on the loss chart"
    grid = page.get_by_test_id("stDataFrame").filter(has_text="#2 · newest")
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 250, box["y"] + 35 + 2 * 35 - 18)   # run #2's label, then left twice onto Show
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Space")
    wait_idle(page)
    loss.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    assert _blue_pixels(loss.screenshot()) < 10, "run #2 is still drawn after its Show was unticked"
