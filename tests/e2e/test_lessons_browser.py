"""A lesson in Chromium, as a student takes it: opened from the Lessons page, a goal missed and said with its
value, a hint taken, the goal met and the box saying so; the link keeps it, and the notebook the page hands
out starts with the lesson's task."""
import json
import re

from playwright.sync_api import Page, expect

from test_browser import wait_idle


def learning_rate_up(page: Page, shown: list[str]) -> None:
    """The sidebar's learning rate, a place up its log scale for each value in `shown` (0.01 -> 0.02 -> 0.05
    -> 0.1 -> 0.2), each seen on the slider and run by the page before the next: a key pressed while the page
    reran was lost, and a Train pressed sooner trains the old rate."""
    sidebar = page.get_by_test_id("stSidebar")
    for value in shown:
        slider = sidebar.get_by_role("slider", name="Learning rate")
        slider.focus()
        slider.press("ArrowRight")
        expect(sidebar.get_by_role("group", name="Learning rate").get_by_text(value, exact=True)).to_be_visible(
            timeout=30_000)
        page.wait_for_timeout(300)  # the slider sends its value once it settles
        wait_idle(page)


def test_a_student_opens_a_lesson_misses_takes_a_hint_and_meets_it(browser, app_url, tmp_path):
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    lessons = context.new_page()
    lessons.goto(app_url + "/lessons")
    wait_idle(lessons)
    expect(lessons.get_by_text("One step onto the point", exact=True)).to_be_visible(timeout=30_000)
    button = lessons.locator("a[href*='lesson=tensors-one-step']")
    expect(button).to_have_text(re.compile("Open the lesson"))
    with context.expect_page() as opened:  # a lesson opens in a new tab: a session of its own
        button.click()
    page = opened.value
    wait_idle(page)
    main = page.get_by_test_id("stMain")
    # at the top, a link down to the box above Train (five screens down on Tensors)
    main.get_by_role("link", name="go to the lesson").click()
    expect(main.get_by_role("heading", name="Lesson: One step onto the point")).to_be_in_viewport(timeout=30_000)
    expect(main.get_by_text("No run yet: press Train.")).to_be_visible()

    main.get_by_role("button", name="Train", exact=True).click()  # the start: lr 0.01, one step falls short
    missed = re.compile(r"final loss: 0\.451\d* \(goal (?:<=|≤) 0\.001\)")  # Streamlit's markdown writes <= as ≤
    expect(main.get_by_text(missed)).to_be_visible(timeout=60_000)
    expect(main.get_by_text("Every goal met: well done!")).to_have_count(0)

    main.get_by_role("button", name="Hint").click()
    wait_idle(page)
    expect(main.get_by_text("The prediction starts at W·x + b = 2 + 1 = 3")).to_be_visible()

    learning_rate_up(page, ["0.02", "0.05", "0.1", "0.2"])  # 5 · lr = 1
    main.get_by_role("button", name="Train", exact=True).click()
    expect(main.get_by_text("Every goal met: well done!")).to_be_visible(timeout=60_000)
    expect(main.get_by_text(re.compile(r"final loss: 0 \(goal (?:<=|≤) 0\.001\)"))).to_be_visible()
    assert "lesson=tensors-one-step" in page.url and "lesson_done=1" in page.url
    expect(page.get_by_test_id("stException")).to_have_count(0)

    main.get_by_text("The PyTorch code for these settings").click()  # the code panel: its notebook starts with the task
    with page.expect_download() as download:
        main.get_by_role("button", name="Download as a notebook").click()
    book = json.loads(open(download.value.path(), encoding="utf-8").read())
    first = "".join(book["cells"][0]["source"])
    assert first.startswith("# Lesson: One step onto the point") and "5·lr" in first and "0.001 or less" in first
    assert any("print(" in "".join(c["source"]) for c in book["cells"] if c["cell_type"] == "code")

    again = context.new_page()  # a reload of the link keeps the goal met, though its runs are gone
    again.goto(page.url)
    wait_idle(again)
    expect(again.get_by_test_id("stMain").get_by_text("Every goal met: well done!")).to_be_visible(timeout=30_000)
    context.close()
