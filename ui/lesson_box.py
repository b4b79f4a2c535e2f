"""A lesson's task box on its page (?lesson=name): the task, each goal met or not with what the newest run
measured, one hint at a time, the answer. The goals met so far are kept in the link (?lesson_done=1,2), so a
student who reloads keeps them; the kept runs that met them do not survive a reload."""
import math

import streamlit as st

import core
from ui import address, controls, i18n, present
from ui.i18n import md, say, t


@st.cache_resource(ttl=60, show_spinner=False)  # read once a minute for the server: a file a teacher adds shows
def _loaded() -> tuple[dict, list]:              # within a minute (a resource: the Problems are not pickled)
    return core.lessons.load_all()


def _lessons() -> dict:
    return _loaded()[0]


def refused() -> None:
    """A lesson file a teacher added that cannot be used: which, and its line (on Home and on Lessons)."""
    for problem in _loaded()[1]:
        st.warning(say(problem), icon=":material/school:")


def address_name(page: str) -> str:
    """A page's key ("linear", or a list of its runs: "sine_net") -> the name lessons use, its address
    ("linear_regression")."""
    page = core.lessons.RUNS_OF.get(page, page)
    return next((name for name, key in core.lessons.PAGES.items() if key == page), "")


def _said(check: core.lessons.Check, kept) -> str:
    """One check as the box says it: what the newest run measured, and the goal."""
    got = check.value_of(kept) if kept is not None else None
    share = check.measure.endswith("accuracy")  # said as the page says it: 48.0%, goal >= 95%
    if isinstance(got, bool):
        value = t("lesson.yes") if got else t("lesson.no")
    elif isinstance(got, float):
        value = "–" if math.isnan(got) else f"{got:.1%}" if share else f"{got:.4g}"
    else:
        value = "–" if got is None else md(str(got))
    if isinstance(check.value, bool):  # a flag: "vanishing gradients: yes (goal no)"
        goal = t("lesson.yes") if check.value else t("lesson.no")
    elif isinstance(check.value, str):  # "optimizer: adam (goal sgd)", or (goal not sgd)
        goal = md(check.value) if check.op == "==" else t("lesson.not", value=md(check.value))
    else:
        goal = f"{check.op} {f'{check.value:.0%}' if share else f'{check.value:g}'}"
    return t("lesson.measured", measure=t(f"lesson.measure.{check.measure}"), value=value, goal=goal)


def _from_link(page: str, name: str) -> str:
    """A lesson's parameter: from the address a session was opened with (a lesson's link opens a new tab, so
    a new session), then kept in the session; not a control, so a page without a lesson has none in its link."""
    key = controls.For(page).key(name)
    if key not in st.session_state:
        link = st.session_state.get(address.LINK) or {"params": {}}
        st.session_state[key] = str((link["params"].get(name) or [""])[-1])[:40]
    return st.session_state[key]


def show(page: str, kept: list) -> None:
    """The box, where the page's Train row is about to be drawn (on the stage when presenting); kept: the
    page's kept runs (core.kept_runs.Kept), whose goals it checks. (Passed in: Home lists the lessons
    without importing torch, which the runs list would.)"""
    here = address_name(page)
    lessons = {name: lesson for name, lesson in _lessons().items() if lesson.page == here}
    name, done_raw = _from_link(page, "lesson"), _from_link(page, "lesson_done")
    if name and name not in lessons:  # a link mistyped, or a lesson a teacher has since removed
        st.warning(t("lesson.unknown", name=md(name)), icon=":material/school:")
        address.write("lesson", name)  # said here, not as a setting the page lacks
    if name not in lessons:
        return
    address.write("lesson", name)  # the share link and a reload open the lesson again
    lesson, lang = lessons[name], i18n.lang()
    done = {int(p) - 1 for p in done_raw.split(",") if p.isdigit() and 1 <= int(p) <= len(lesson.goals)}
    done |= {i for i, met in enumerate(core.lessons.met(lesson, kept)) if met}
    text = ",".join(str(i + 1) for i in sorted(done))
    st.session_state[controls.For(page).key("lesson_done")] = text
    if text:
        address.write("lesson_done", text)
    stage, newest = present.stage(), (kept[-1] if kept else None)
    if stage:  # on the stage: one line in the title's place, the rest in a popover (the picture keeps its room)
        with stage.task.container(horizontal=True, vertical_alignment="center", gap="small", key="stage_lesson"):
            marks = " ".join(_mark(i in done) for i in range(len(lesson.goals)))
            missed = next((goal for i, goal in enumerate(lesson.goals) if i not in done), None)
            status = (f":green[{t('lesson.all_met')}]" if missed is None else
                      f":gray[{_measured(missed, newest, False)}]")
            st.markdown(f"**{t('lesson.title', title=md(lesson.title[lang]))}** {marks} {status}")
            with st.popover(t("lesson.task"), icon=":material/school:"):
                _details(page, lesson, lang, done, newest)
        return
    with st.container(border=True):
        st.subheader(t("lesson.title", title=md(lesson.title[lang])), anchor=ANCHOR)  # banner() links here
        _details(page, lesson, lang, done, newest)


ANCHOR = "lesson"


def banner(page: str) -> None:
    """At the top of a page with a lesson open (not presenting: there the stage holds it): the lesson's title
    and a link down to its box above Train, which on Tensors is five screens down."""
    lesson = _lessons().get(_from_link(page, "lesson"))
    if lesson is None or lesson.page != address_name(page):
        return
    st.info(t("lesson.banner", title=md(lesson.title[i18n.lang()]), anchor=ANCHOR), icon=":material/school:")


def _mark(met: bool) -> str:
    return ":green[:material/check_circle:]" if met else ":material/radio_button_unchecked:"


def _measured(goal: core.lessons.Goal, newest, met: bool) -> str:
    """What the newest run measured for each check (a control moved since does not change it), or why none."""
    if newest is None:
        return t("lesson.met_before") if met else t("lesson.no_run")
    return t("lesson.newest", said="; ".join(_said(c, newest) for c in goal.checks))


def _details(page: str, lesson: core.lessons.Lesson, lang: str, done: set, newest) -> None:
    """The task's text, each goal met or not with what the newest run measured, the hints shown so far and
    a button for the next, the answer."""
    st.markdown(md(lesson.text[lang]))
    for i, goal in enumerate(lesson.goals):
        st.markdown(f"{_mark(i in done)} {md(goal.text[lang])}  \n:gray[{_measured(goal, newest, i in done)}]")
    if len(done) == len(lesson.goals):
        st.success(t("lesson.all_met"), icon=":material/celebration:")
    hints = st.session_state.get(controls.For(page).key("lesson_hints"), 0)
    for hint in lesson.hints[:hints]:
        st.info(md(hint[lang]), icon=":material/lightbulb:")
    row = st.container(horizontal=True)
    if hints < len(lesson.hints):
        row.button(t("lesson.hint"), key=controls.For(page).key("lesson_hint"), icon=":material/lightbulb:",
                   on_click=lambda: st.session_state.update({controls.For(page).key("lesson_hints"): hints + 1}))
    with row.popover(t("lesson.answer"), icon=":material/key:"):
        st.caption(t("lesson.answer_help"))
        # in code spans, which show text as it is (md's escapes would show): only a backtick could end one
        st.markdown("\n".join(f"- `{k.replace('`', '')}` = `{v.replace('`', '')}`" for k, v in lesson.answer.items()))
        st.link_button(t("lesson.open_answer"), address.link_for(lesson.page, {
            **lesson.answer, "lesson": lesson.name, **({"lang": lang} if lang != "en" else {})}),
            icon=":material/open_in_new:")


def task(page: str) -> str:
    """The lesson open on this page as the markdown a notebook starts with ("" when none): its title, its
    text and its goals, in the page's language."""
    name = _from_link(page, "lesson")
    lesson = _lessons().get(name)
    if lesson is None or lesson.page != address_name(page):
        return ""
    lang = i18n.lang()
    goals = "\n".join(f"- {goal.text[lang]}" for goal in lesson.goals)
    return f"# {t('lesson.title', title=lesson.title[lang])}\n\n{lesson.text[lang]}\n\n{t('lesson.goals')}\n\n{goals}"


def link(lesson: core.lessons.Lesson, lang: str = "en") -> str:
    """The address that opens a lesson: its page with its starting settings and its task, in `lang` (the
    new tab is a new session, which would otherwise start in English)."""
    return address.link_for(lesson.page, {**lesson.start, "lesson": lesson.name, **({"lang": lang} if lang != "en"
                                                                                     else {})})


def index() -> None:
    """Every lesson, by page in tutorial order: a card each with its task, its goals and a button that opens it
    (a new tab: a new session, which the lesson's link sets up with its starting settings)."""
    lessons, lang = _lessons(), i18n.lang()
    for page, key in core.lessons.PAGES.items():
        here = [lesson for lesson in lessons.values() if lesson.page == page]
        if not here:
            continue
        st.subheader(t(f"nav.{key}"))
        cards = st.container(horizontal=True, wrap=True)  # as fit: two beside the sidebar at 1280 px
        for lesson in here:
            with cards.container(border=True, width=370):
                st.markdown(f"**{md(lesson.title[lang])}**")
                st.markdown(md(lesson.text[lang]))
                st.markdown("\n".join(f"- {md(goal.text[lang])}" for goal in lesson.goals))
                st.link_button(t("lessons.open"), link(lesson, lang), icon=":material/play_arrow:", type="primary")
                hints = len(lesson.hints)
                st.caption(t("lessons.no_hints") if not hints else t("lessons.hints_one") if hints == 1
                           else t("lessons.hints", n=hints))
