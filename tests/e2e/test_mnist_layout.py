"""MNIST's numbers after a run, on a projector's 1024 x 768 in Korean: every one shown whole."""
from playwright.sync_api import Page, expect

from test_browser import wait_idle


def test_the_four_numbers_are_whole_at_1024_px_in_korean(page: Page, app_url):
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(f"{app_url}/mnist?lang=ko&dataset=sample&epochs=1")
    wait_idle(page)
    page.get_by_role("button", name="학습", exact=True).click()
    expect(page.get_by_text("1 에포크를 학습했습니다")).to_be_visible(timeout=60_000)
    wait_idle(page)
    values = page.get_by_test_id("stMetricValue")
    expect(values).to_have_count(4)
    # four equal columns cut the loss to "1.33…": a value is whole when its text needs no more room than it has
    cut = values.evaluate_all("els => els.flatMap(e => [e, ...e.querySelectorAll('*')])"
                              ".filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)")
    assert cut == []
