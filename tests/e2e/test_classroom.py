"""What only a browser sees: a run changed under it, the Back button, presenter mode, a projector's width."""
import re

from playwright.sync_api import Page, expect

from test_browser import wait_idle


def set_number(page: Page, label: str, value: int) -> None:
    box = page.get_by_role("spinbutton", name=label, exact=True)
    box.fill(str(value))
    box.press("Enter")
    wait_idle(page)


def test_changing_a_control_while_a_run_trains_shows_no_error(page: Page, app_url):
    page.goto(app_url + "/sine?epochs=20000&speed=slow")  # slow: still running when Stop is pressed, 5 s on
    wait_idle(page)
    page.get_by_role("button", name="Train", exact=True).click()
    expect(page.get_by_role("button", name="Stop", exact=True)).to_be_visible(timeout=30_000)
    box = page.get_by_role("spinbutton", name="Seed", exact=True)
    for seed in range(1, 13):  # each change reruns the page while the live redraw is training
        box.fill(str(seed))
        box.press("Enter")
        page.wait_for_timeout(150 + 100 * (seed % 4))
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text("generator already executing")).to_have_count(0)
    page.get_by_role("button", name="Stop", exact=True).click()
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
    expect(page.get_by_role("spinbutton", name="Epochs", exact=True)).to_have_value("13", timeout=30_000)
    expect(page).to_have_url(re.compile("epochs=13"))


def test_nothing_is_fetched_from_outside_the_server(page: Page, app_url):
    """A classroom on bad wifi: the favicon and everything else come from the app itself."""
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(app_url + "/linear_regression")
    wait_idle(page)
    page.wait_for_timeout(1000)
    icon = page.locator("link[rel~='icon']").first.get_attribute("href")
    assert icon and "://" not in icon.replace(app_url, ""), icon
    outside = [u for u in asked if not u.startswith(app_url) and not u.startswith(("data:", "blob:"))]
    assert outside == []


def test_home_cards_show_whole_titles_on_a_projector(page: Page, app_url):
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(app_url + "/?lang=ko")
    wait_idle(page)
    from ui import nav
    links = page.get_by_test_id("stMain").get_by_test_id("stPageLink")
    expect(links).to_have_count(len(nav.PAGES))  # a card for every page but Home, and "try your own" under the chart
    for i in range(len(nav.PAGES)):
        fits = links.nth(i).evaluate("e => [...e.querySelectorAll('*')].every(c => c.scrollWidth <= c.clientWidth + 1)")
        assert fits, links.nth(i).inner_text()


def test_presenter_mode_on_a_projector_keeps_knobs_pages_and_train(page: Page, app_url):
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(app_url + "/linear_regression?present=1&epochs=20")
    wait_idle(page)
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("slider", name="Learning rate")).to_be_visible()
    expect(main.get_by_role("link", name="Sine")).to_be_visible()
    main.get_by_role("link", name="Sine").click()
    wait_idle(page)
    expect(page.get_by_role("heading", name=re.compile("Sine|sin"))).to_be_visible()
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(main.get_by_role("button", name="Train", exact=True)).to_be_visible()
