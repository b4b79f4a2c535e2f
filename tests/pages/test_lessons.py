"""Every lesson in lessons/: its answer, trained on its page, meets every goal; its start does not (no lesson
is solved before it begins). Bad lesson files are refused with the file and the line."""
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from apptest_helpers import train
from test_links import opened

from core import lessons
from core.problems import Problem
from ui import nav

LESSONS, REFUSED = lessons.load_all()
FILES = {Path(p.file).stem: p.file for p in nav.PAGES}


def test_the_lesson_pages_are_the_apps_training_pages():
    assert lessons.PAGES == {Path(p.file).stem: p.name for p in nav.TRAINING}


def kept_after(lesson: lessons.Lesson, settings: dict):
    key = lessons.PAGES[lesson.page]
    at = opened(FILES[lesson.page], **settings, lesson=lesson.name)
    link = [w.value for w in at.warning if w.value.startswith("From the link")]
    assert not at.exception and not link, link  # the lesson's settings are all the page's
    # Sine's network trains with its own controls ("sine_net.train"), into the page's one list of runs
    button = next(k for k, page in [*lessons.RUNS_OF.items(), (key, key)] if page == key and f"{k}.train" in
                  [b.key for b in at.button])
    train(at, button)
    assert any(h.value.replace("\\", "") == f"Lesson: {lesson.title['en']}" for h in at.subheader), "no box"
    return at.session_state[f"{key}.runs"].kept


def test_every_lesson_file_loads():
    assert not REFUSED, [str(p) for p in REFUSED]
    assert set(lessons.PAGES) >= {lesson.page for lesson in LESSONS.values()} and LESSONS


@pytest.mark.parametrize("name", LESSONS)
def test_the_answer_meets_every_goal_and_the_start_does_not(name):
    lesson = LESSONS[name]
    assert all(lessons.met(lesson, kept_after(lesson, lesson.answer))), name
    assert not all(lessons.met(lesson, kept_after(lesson, lesson.start))), name


@pytest.mark.parametrize("text, code, line", [
    ('page = "linear_regression"\nstart = ""\nanswer = ""\ntitle.en = "a"\ntitle.ko = "b"\ntext.en = "a"\n'
     'text.ko = "b"\n[[goal]]\nchecks = ["final_los <= 3"]\ntext.en = "a"\ntext.ko = "b"\n', "lesson.check_in", 9),
    ('page = "nowhere"\n', "lesson.page", 1),
    ('page = "sine"\nspeed = 3\n', "lesson.unknown", 2),
    ('page = "sine"\ntitle.en = \n', "lesson.toml", 2),
    ('page = "sine"\nstart = ""\nanswer = ""\ntitle.en = "only English"\n', "lesson.words", 4),
])
def test_a_bad_file_is_refused_naming_the_file_and_the_line(tmp_path, text, code, line):
    path = tmp_path / "bad-lesson.toml"
    path.write_text(text)
    with pytest.raises(Problem) as err:
        lessons.load(path)
    assert err.value.code == code and err.value.values["file"] == "bad-lesson.toml"
    assert err.value.values["line"] == line, err.value.values


@pytest.mark.parametrize("text", ["optimizer == 'sgd'", "momentum > 0", "diverged", "not vanishing",
                                  "neurons <= 12", "depth >= 6",
                                  "test_accuracy >= 0.95"])
def test_the_vocabulary_parses(text):
    assert lessons.parse_check(text).measure in lessons.MEASURES


@pytest.mark.parametrize("text", ["loss <= 3", "final_loss", "final_loss <= x", "diverged == 1", "optimizer > 'a'",
                                  "final_loss <= nan", "__import__('os')",
                                  "not final_loss <= 3", "not  "])
def test_anything_else_is_refused(text):
    with pytest.raises(Problem):
        lessons.parse_check(text)


def test_a_refused_lesson_file_is_said_on_home_and_lessons_in_both_languages(tmp_path, monkeypatch):
    (tmp_path / "typo.toml").write_text('page = "linear_regresion"\n')
    monkeypatch.setattr(lessons, "FOLDER", tmp_path)
    monkeypatch.setattr(lessons.load_all, "__defaults__", (tmp_path,))
    from ui import lesson_box
    lesson_box._loaded.clear()  # the server reads the folder once a minute: this test's folder, now
    try:
        for page, lang, words in (("home", "en", "Lesson typo.toml, line 1"), ("home", "ko", "레슨 typo.toml, 1행"),
                                  ("lessons", "en", "Lesson typo.toml, line 1")):
            at = opened(f"pages/{page}.py", lang=lang)
            assert not at.exception
            assert any(words in w.value.replace("\\", "") for w in at.warning), [w.value for w in at.warning]
    finally:
        lesson_box._loaded.clear()  # the next test reads the real folder again


def test_a_lesson_on_its_page_says_each_goal_with_the_value_measured_and_keeps_progress_in_the_link():
    lesson = LESSONS["linear-least-squares"]
    at = opened(FILES[lesson.page], **lesson.start, lesson=lesson.name)
    assert not at.exception
    said = " ".join(m.value for m in at.markdown)
    assert any(h.value == "Lesson: Reach the best line" for h in at.subheader) and "No run yet" in said
    assert any("[go to the lesson](#lesson)" in i.value for i in at.info)  # from the top of the page, to the box
    train(at, "linear")
    said = " ".join(m.value for m in at.markdown)
    # the start's run misses the goal, and says by how much
    assert "Newest run: final loss: 2.116e+04 (goal <= 1)" in said, said
    at.button(key="linear.lesson_hint").click().run()
    assert any("ten times larger" in i.value for i in at.info)
    at.select_slider(key="linear.lr").set_value(0.01).run()
    at.number_input(key="linear.epochs").set_value(2000).run()
    train(at, "linear")
    assert any("Every goal met" in s.value for s in at.success)
    assert at.query_params["lesson_done"] in ("1", ["1"]) and at.query_params["lesson"] in (lesson.name, [lesson.name])
    again = opened(FILES[lesson.page], **lesson.start, lesson=lesson.name, lesson_done="1")  # a reload keeps it
    assert any("Every goal met" in s.value for s in again.success)
    assert "Met before this page was reloaded." in " ".join(m.value for m in again.markdown)


def test_accuracies_are_said_in_percent_and_a_mistyped_lesson_is_named():
    lesson = LESSONS["classify-vanishing"]
    at = opened(FILES[lesson.page], **lesson.start, lesson=lesson.name)
    train(at, "classify")
    said = " ".join(m.value for m in at.markdown)
    assert "test accuracy: 48.0% (goal >= 95%)" in said and "optimizer: sgd (goal sgd)" in said, said
    typo = opened(FILES[lesson.page], lesson="classify-vanishng")
    assert [w.value.replace("\\", "") for w in typo.warning] == [
        "There is no lesson called “classify-vanishng”: the Lessons page lists them."]


def test_the_lessons_page_lists_every_lesson_with_a_button_to_its_page_in_both_languages():
    for lang in ("en", "ko"):
        at = opened("pages/lessons.py", lang=lang)
        assert not at.exception
        said = " ".join(m.value.replace("\\", "") for m in at.markdown)
        links = [b.proto.url for b in at.get("link_button")]
        for lesson in LESSONS.values():
            assert lesson.title[lang] in said and lesson.goals[0].text[lang] in said
            assert sum(url.startswith(f"{lesson.page}?") and f"lesson={lesson.name}" in url for url in links) == 1
            assert all(("lang=ko" in url) == (lang == "ko") for url in links)  # the lesson opens in this language
        assert len(links) == len(LESSONS)
    page, query = links[-1].split("?", 1)  # a button's address opens its lesson, with its starting settings
    followed = opened(FILES[page], **dict(parse_qsl(query)))
    lesson = LESSONS[dict(parse_qsl(query))["lesson"]]
    assert any(h.value.replace("\\", "") == f"레슨: {lesson.title['ko']}" for h in followed.subheader)  # in Korean


def test_the_readme_example_is_a_lesson_that_loads(tmp_path):
    readme = (lessons.FOLDER.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.toml"
    path.write_text(example, encoding="utf-8")
    lesson = lessons.load(path)
    assert lesson.page == "linear_regression" and len(lesson.goals) == 1 and lesson.hints
