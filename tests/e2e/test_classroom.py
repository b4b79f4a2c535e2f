"""What only a browser sees: a run changed under it, the Back button, presenter mode, a projector's width."""
import re

from playwright.sync_api import Page, expect

from test_browser import wait_idle


def set_number(page: Page, label: str, value: int) -> None:
    box = page.get_by_role("spinbutton", name=label)
    box.fill(str(value))
    box.press("Enter")
    wait_idle(page)


def test_changing_a_control_while_a_run_trains_shows_no_error(page: Page, app_url):
    page.goto(app_url + "/sine?epochs=20000&speed=fast")
    wait_idle(page)
    page.get_by_role("button", name="Train", exact=True).click()
    expect(page.get_by_role("button", name="Stop")).to_be_visible(timeout=30_000)
    box = page.get_by_role("spinbutton", name="Seed", exact=True)
    for seed in range(1, 13):  # each change reruns the page while the live redraw is training
        box.fill(str(seed))
        box.press("Enter")
        page.wait_for_timeout(150 + 100 * (seed % 4))
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text("generator already executing")).to_have_count(0)
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_text(re.compile("Stopped after"))).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_back_leaves_the_page_and_the_address_follows_the_controls(page: Page, app_url):
    page.goto(app_url)
    wait_idle(page)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Linear regression").click()
    wait_idle(page)
    for epochs in (11, 12, 13):
        set_number(page, "Epochs", epochs)
        expect(page).to_have_url(re.compile(f"epochs={epochs}"))
    page.go_back()
    wait_idle(page)
    expect(page.get_by_role("heading", name="Torch Playground")).to_be_visible(timeout=30_000)
    page.go_forward()
    wait_idle(page)
    expect(page.get_by_role("spinbutton", name="Epochs")).to_have_value("13", timeout=30_000)
    expect(page).to_have_url(re.compile("epochs=13"))
