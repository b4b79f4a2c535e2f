"""Home: what the playground teaches, a first picture of runs compared, and a way into each page."""
import pandas as pd
import streamlit as st

from core import charts, regimes
from ui import chart, i18n, lesson_box, nav, present
from ui.i18n import t

nav.ensure_entrypoint()

STEPS = 10  # the slow rate lags, the diverging one climbs, and the converging one stays above the log floor
START_W = 0.0

st.title("Torch Playground")
lesson_box.refused()
st.markdown(t("home.intro"))
st.code(t("home.loop"), language="python", wrap_lines=True)  # its comments on lines of their own: it fits
st.markdown(t("home.howto"))

cards = st.container(horizontal=True, wrap=True)  # as many a row as fit: whole titles on a projector too
for page in nav.PAGES[1:]:
    with cards.container(border=True, width=230):
        st.page_link(page.path, label=t(f"nav.{page.name}"), icon=page.icon)
        st.caption(t(f"home.blurb.{page.name}"))


@st.cache_data(max_entries=8, show_spinner=False)
def four_rates(lang: str, presenting: bool) -> tuple[dict, pd.DataFrame]:
    """The four regimes on the Gradient descent tutorial's data: their chart and table follow from the
    language alone, so the server draws them once for the whole class. (The chart also brings the
    browser the chart code that every other page needs, while the student reads Home.)"""
    def say(key: str, **values) -> str:  # in the language the picture is cached for
        return i18n.t_in(lang, key, **values)

    c = regimes.curvature(regimes.TUTORIAL_X)
    series, rows = {}, []
    for kind in regimes.REGIMES:
        lr = regimes.lr_for(kind, c)
        cost = regimes.costs(regimes.TUTORIAL_X, regimes.TUTORIAL_Y, START_W, lr, STEPS)
        series[f"{say('descent.regime_lr', lr=f'{lr:.3g}')} · {say(f'descent.regime.{kind}')}"] = cost
        rows.append({say("home.compare_lr"): f"{lr:.3g}", say("home.compare_regime"): say(f"descent.regime.{kind}"),
                     say("home.compare_final", steps=STEPS): f"{cost[-1]:.3g}"})
    cost_w = f"{say('descent.cost')}(W)"
    picture = charts.loss_curves(series, title=cost_w, log_scale=True, y_title=cost_w,
                                 x_title=say("home.compare_step"), legend="right")
    return chart.spec(picture, presenting), pd.DataFrame(rows)


def listed(values: tuple[float, ...]) -> str:
    return "[" + ", ".join(f"{v:g}" for v in values) + "]"


st.header(t("home.compare"), divider="orange")
st.markdown(t("home.compare_intro", steps=STEPS, x=listed(regimes.TUTORIAL_X), y=listed(regimes.TUTORIAL_Y),
              w=f"{START_W:g}"))
spec, table = four_rates(i18n.lang(), present.presenting())
chart.show_spec(spec)
st.table(table, hide_index=True, width="content")  # under the chart: beside it, a projector cut its columns
descent = nav.entry("descent")
st.page_link(descent.path, label=t("home.compare_try"), icon=descent.icon)
