"""MNIST at a projector's 1024 x 768 with the sidebar open: the data choice's every option fits its box
("Full MNIST if it can be had, els"), and the per-digit accuracy's ten values do not run into one another."""
import pytest
from playwright.sync_api import Page, expect

from test_browser import wait_idle
from ui import lang_en, lang_ko

TABLES = {"en": lang_en.STRINGS, "ko": lang_ko.STRINGS}
TRAIN = {"en": ("Train", "Trained 1 epoch"), "ko": ("학습", "1 에포크를 학습했습니다")}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_data_choice_fits_its_box(page: Page, app_url, lang):
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(f"{app_url}/mnist?lang={lang}")
    wait_idle(page)
    box = page.get_by_test_id("stMain").get_by_role("combobox", name=TABLES[lang]["mnist.data"])
    labels = [TABLES[lang][f"mnist.source.{key}"] for key in ("auto", "sample", "full")]
    # each label's width in the box's own font, against the room the box gives its text
    over = box.evaluate("""(input, labels) => {
        const style = getComputedStyle(input);
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const ctx = document.createElement('canvas').getContext('2d');
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        return labels.filter(label => ctx.measureText(label).width > room);
    }""", labels)
    assert over == []


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_per_digit_accuracies_do_not_overlap(page: Page, app_url, lang):
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(f"{app_url}/mnist?lang={lang}&dataset=sample&epochs=1")
    wait_idle(page)
    button, done = TRAIN[lang]
    page.get_by_role("button", name=button, exact=True).click()
    expect(page.get_by_text(done)).to_be_visible(timeout=60_000)
    wait_idle(page)
    chart = page.get_by_test_id("stVegaLiteChart").filter(has_text=TABLES[lang]["mnist.per_digit"])
    expect(chart.locator(".role-mark text").first).to_be_attached(timeout=30_000)
    def boxes(selector: str) -> list:
        return chart.locator(selector).evaluate_all(
            "els => els.map(e => { const r = e.getBoundingClientRect();"
            " return [e.textContent, r.left, r.top, r.right, r.bottom]; })")

    values, labels = boxes(".role-mark text"), boxes(".role-axis-label text")
    assert len(values) == 10  # the ten accuracies are written

    def apart(a, b, axis: int) -> bool:  # axis 1: left to right, 2: top to bottom
        return a[axis + 2] <= b[axis] + 0.5 or b[axis + 2] <= a[axis] + 0.5

    pairs = [(a, b) for i, a in enumerate(values) for b in values[i + 1:]]
    # apart by where they stand, whatever the accuracies: side by side, two equal values of 97% met
    assert all(apart(a, b, 1) for a, b in pairs) or all(apart(a, b, 2) for a, b in pairs)
    everything = values + labels
    assert [(a[0], b[0]) for i, a in enumerate(everything) for b in everything[i + 1:]
            if not apart(a, b, 1) and not apart(a, b, 2)] == []
