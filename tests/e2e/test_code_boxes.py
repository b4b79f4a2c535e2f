"""Code boxes at a projector's 1024 x 768 with the sidebar open: nothing cut off at the right, and the
short boxes (Home's loop, the Tensors snippets and print-outs) fit without a line broken in two."""
import pytest
from playwright.sync_api import Page

from test_browser import wait_idle
from ui import lang_en, lang_ko

# Per code box in the main column, outside the folded script's expander: [how far its text runs past
# the box's right edge, the lines that wrapped onto a second row, whether it is Python code (not a
# print-out)]. A line is a span of the <code>; one taller than 1.5 rows has wrapped.
MEASURE = """() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stCode"] pre')]
  .filter(pre => !pre.closest('[data-testid="stExpander"]')).map(pre => {
    const code = pre.querySelector('code');
    const row = parseFloat(getComputedStyle(code).lineHeight);
    const wrapped = [...code.children].filter(line => line.getBoundingClientRect().height > 1.5 * row)
        .map(line => line.textContent.trim());
    return [pre.scrollWidth - pre.clientWidth, wrapped, code.classList.contains('language-python')];
})"""


def boxes(page: Page, url: str) -> list:
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(url)
    wait_idle(page)
    page.wait_for_selector("[data-testid=stMain] [data-testid=stCode] pre code")  # drawn a moment later
    measured = page.evaluate(MEASURE)
    assert measured, "no code box"
    return measured


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("path", [
    "/",  # the training loop
    "/tensors?dtype=float64",  # print(A) once ended at "dtype=torch.floa"
    "/tensors?constructor=linspace&start=-1.25&end=2.5&steps=7&op=A%20%2B%20B&b_values=[10.5]",
])
def test_the_short_code_boxes_fit_without_breaking_a_line(page: Page, app_url, path, lang):
    measured = boxes(page, f"{app_url}{path}{'&' if '?' in path else '?'}lang={lang}")
    assert [cut for cut, _, _ in measured if cut > 1] == []  # nothing cut off, print-outs included
    # the code fits as it is written; PyTorch's print-outs run to 80 columns, and wrap in the box
    assert [lines for _, lines, python in measured if python and lines] == []


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_scripts_box_wraps_its_long_lines_rather_than_cutting_them(page: Page, app_url, lang):
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(f"{app_url}/linear_regression?lang={lang}")
    wait_idle(page)
    title = (lang_en if lang == "en" else lang_ko).STRINGS["code.title"]
    page.get_by_test_id("stExpander").filter(has_text=title).locator("summary").click()
    page.wait_for_selector("[data-testid=stExpander] [data-testid=stCode] pre code")
    script = page.get_by_test_id("stExpander").locator("[data-testid=stCode] pre")
    cut = script.evaluate("pre => pre.scrollWidth - pre.clientWidth")
    assert cut <= 1  # every line in view: the long ones wrap
