"""Look inside the network in a real Chromium: the CNN's filters and feature maps follow a digit drawn
with the mouse; the MLP's first-layer weights as pictures."""
from playwright.sync_api import Page, expect

from test_browser import wait_idle
from test_mnist_draw_browser import canvas_box, quick_train, vertical_stroke

INSIDE = ".st-key-mnist_inside"  # the section's keyed box


def test_the_cnns_feature_maps_follow_the_digit_drawn(page: Page, app_url, shot):
    page.goto(app_url + "/mnist?arch=cnn")
    wait_idle(page)
    quick_train(page)  # one epoch of the CNN on the sample
    inside = page.locator(INSIDE)
    expect(inside.get_by_text("The digit is the first test digit")).to_be_visible(timeout=30_000)
    pictures = inside.get_by_test_id("stImage")
    expect(pictures).to_have_count(5)  # the digit, then filters and maps, eight of each a row, twice
    maps = pictures.nth(2).locator("img")
    before = maps.get_attribute("src")
    page.wait_for_function(  # every picture arrives whole (an image may still be loading when counted)
        f"() => [...document.querySelectorAll('{INSIDE} [data-testid=stImage] img')]"
        ".every(i => i.complete && i.naturalWidth > 0)", timeout=30_000)

    vertical_stroke(page, canvas_box(page))
    wait_idle(page)
    expect(inside.get_by_text("The digit is yours")).to_be_visible(timeout=30_000)
    expect(maps).not_to_have_attribute("src", before, timeout=30_000)  # the maps of the drawn stroke
    inside.scroll_into_view_if_needed()
    shot(page, "mnist_inside_cnn")
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_the_mlps_first_layer_weights_are_drawn(page: Page, app_url, shot):
    page.goto(app_url + "/mnist")
    wait_idle(page)
    quick_train(page)
    inside = page.locator(INSIDE)
    expect(inside.get_by_text("First-layer weights")).to_be_visible(timeout=30_000)
    weights = inside.get_by_test_id("stImage").locator("img")
    expect(weights).to_have_count(1)
    # 32 units, 8 a row, 28 x 4 pixels each with 2-pixel gaps: the PNG as core.inside.grid built it
    assert weights.evaluate("i => [i.naturalWidth, i.naturalHeight]") == [8 * 114 + 2, 4 * 114 + 2]
    shot(page, "mnist_inside_mlp")
