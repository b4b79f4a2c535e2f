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


# every element under the page that holds Korean text itself, and how it breaks lines
BREAKS = """() => [...document.querySelectorAll('[data-testid="stMain"] *')]
    .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && /[\uac00-\ud7a3]/.test(n.textContent)))
    .map(e => [e.tagName, getComputedStyle(e).wordBreak, e.textContent.slice(0, 30)])"""


def test_every_korean_text_breaks_between_words(page: Page, app_url):
    """Streamlit's paragraphs set word-break themselves: the Tensors and MNIST intros, Classify's network
    caption split "장/치" and "됩니/다" while the page's root said keep-all."""
    for name in ("tensors", "mnist", "classify"):
        page.goto(f"{app_url}/{name}?lang=ko")
        wait_idle(page)
        expect(page.get_by_test_id("stMain").locator("p").first).to_have_css("word-break", "keep-all")
        texts = page.evaluate(BREAKS)
        assert len(texts) > 5, (name, texts)
        assert all(brk == "keep-all" for _, brk, _ in texts), [t for t in texts if t[1] != "keep-all"]
