"""Korean text in a real Chromium: lines break between words, and no English hint is left."""
from playwright.sync_api import Page, expect

from test_browser import wait_idle


def test_korean_breaks_lines_at_spaces_and_the_uploader_hint_is_gone(page: Page, app_url):
    page.goto(app_url + "/linear_regression?dataset=csv&lang=ko")
    wait_idle(page)
    text = page.get_by_test_id("stMain").get_by_test_id("stMarkdownContainer").first
    expect(text).to_have_css("word-break", "keep-all")                          # not "모/든"
    expect(page.get_by_text("5MB per file")).to_be_hidden()                    # English in Korean mode
    page.goto(app_url + "/linear_regression?dataset=csv&lang=en")
    wait_idle(page)
    expect(page.get_by_test_id("stMain").get_by_test_id("stMarkdownContainer").first).to_have_css(
        "word-break", "normal"
    )
