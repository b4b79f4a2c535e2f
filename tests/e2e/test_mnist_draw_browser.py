"""Drawing a digit on MNIST's canvas in a real Chromium, with the mouse: quick train, a stroke, Clear."""
import re
import time

from playwright.sync_api import Page, expect

from test_browser import wait_idle

READS = re.compile(r"The model reads a \d")
TOP = "canvas.dc-canvas.upper-canvas"   # Fabric's canvas that takes the mouse
INK = "canvas.dc-canvas.lower-canvas"   # and the one the strokes are painted on
LIT = ("c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
       " let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] > 128) n++; return n; }")  # white pixels


def canvas_box(page: Page) -> dict:
    """The drawing surface, scrolled to the middle of the view (the digit grid above loads late, and
    pushes it down: scroll twice)."""
    canvas = page.locator(TOP)
    expect(canvas).to_be_visible(timeout=30_000)  # the component's script loads after the page has run
    for _ in range(2):
        canvas.evaluate("e => e.scrollIntoView({block: 'center'})")
        page.wait_for_timeout(500)
    return canvas.bounding_box()


def quick_train(page: Page) -> None:
    page.get_by_role("button", name="Quick train").click()
    expect(page.get_by_text("Trained 1 epoch")).to_be_visible(timeout=60_000)  # a normal run, shown above
    wait_idle(page)


def vertical_stroke(page: Page, box: dict) -> None:
    """A "1": down the middle of the canvas, 180 of its 280 pixels."""
    x, top = box["x"] + box["width"] / 2, box["y"] + 50
    page.mouse.move(x, top)
    page.mouse.down()
    for k in range(1, 11):
        page.mouse.move(x, top + 18 * k)
    page.mouse.up()


def test_quick_train_draw_a_stroke_see_a_prediction_then_clear(page: Page, app_url, shot):
    started = time.perf_counter()
    page.goto(app_url + "/mnist")
    wait_idle(page)
    quick_train(page)
    box = canvas_box(page)
    # the issue asks for drawing within ten seconds of opening the page: 3.7 to 6.9 s measured by hand on
    # this machine; not asserted, as the machine is shared and its load makes wall-clock times swing
    print(f"opening the page to a canvas with a model behind it: {time.perf_counter() - started:.1f} s")
    assert box["width"] == 280 and box["height"] == 280

    vertical_stroke(page, box)
    wait_idle(page)
    chart = page.get_by_test_id("stVegaLiteChart").filter(has_text=READS)
    expect(chart).to_have_count(1, timeout=30_000)
    expect(page.get_by_text("What the model sees")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert page.locator(INK).evaluate(LIT) > 2000  # a stroke 20 pixels wide and 180 long
    shot(page, "mnist_drawn")

    page.get_by_role("button", name="Clear", exact=True).click()
    wait_idle(page)
    expect(page.get_by_test_id("stVegaLiteChart").filter(has_text=READS)).to_have_count(0)
    expect(page.get_by_text("Draw one digit, big")).to_be_visible()
    expect(page.locator(INK)).to_have_count(1)
    assert page.locator(INK).evaluate(LIT) == 0  # the new canvas is empty


def test_a_second_stroke_changes_the_drawing_the_model_reads(page: Page, app_url):
    """Each stroke reruns the page: the picture the model sees follows the drawing."""
    page.goto(app_url + "/mnist")
    wait_idle(page)
    quick_train(page)  # a new browser context: a new session
    box = canvas_box(page)
    vertical_stroke(page, box)
    wait_idle(page)
    expect(page.get_by_test_id("stVegaLiteChart").filter(has_text=READS)).to_have_count(1, timeout=30_000)
    # the 28x28 picture the model sees: the last picture above "Look inside", whose pictures follow it
    seen = page.locator("[data-testid='stImage']:not(.st-key-mnist_inside [data-testid='stImage'])").last
    first = seen.locator("img").get_attribute("src")
    page.mouse.move(box["x"] + 60, box["y"] + 60)  # a bar across the top: a 7 now
    page.mouse.down()
    for k in range(1, 9):
        page.mouse.move(box["x"] + 60 + 18 * k, box["y"] + 60)
    page.mouse.up()
    wait_idle(page)
    expect(seen.locator("img")).not_to_have_attribute("src", first, timeout=30_000)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_a_finger_draws_too(browser, app_url):
    """Touch, which streamlit-drawable-canvas does not confirm upstream: a drag of real touch events
    (Chromium's DevTools protocol, as a touchscreen sends them) paints a stroke that the model reads."""
    context = browser.new_context(viewport={"width": 1024, "height": 768}, has_touch=True)
    page = context.new_page()
    try:
        page.goto(app_url + "/mnist")
        wait_idle(page)
        quick_train(page)
        box = canvas_box(page)
        x, top = box["x"] + box["width"] / 2, box["y"] + 50
        cdp = context.new_cdp_session(page)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": top}]})
        for k in range(1, 11):
            cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": top + 18 * k}]})
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        expect(page.get_by_test_id("stVegaLiteChart").filter(has_text=READS)).to_have_count(1, timeout=30_000)
        assert page.locator(INK).evaluate(LIT) > 2000
    finally:
        context.close()
