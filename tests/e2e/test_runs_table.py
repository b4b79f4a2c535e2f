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
