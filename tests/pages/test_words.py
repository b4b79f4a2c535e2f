"""Small words a class reads: one step, one neuron, a run labelled by what its setting means."""
import json

from apptest_helpers import train
from test_links import opened


def titles(at) -> list:
    """Every chart's title, as its spec writes it (a list of lines when wrapped), layers included."""
    def found(spec):
        if isinstance(spec, dict):
            title = spec.get("title")
            if title is not None and not isinstance(title, str) and "text" in title:
                yield title["text"]
            elif isinstance(title, str):
                yield title
            for value in spec.values():
                yield from found(value)
        elif isinstance(spec, list):
            for value in spec:
                yield from found(value)
    return [title for chart in at.get("vega_lite_chart") for title in found(json.loads(chart.proto.spec))]


def test_the_parabolas_title_is_one_line_and_counts_one_step():
    at = opened("pages/gradient_descent.py")
    # one line: Vega joins a wrapped title's lines with no space ("0 stepstaken" to a reader or a search)
    assert "cost(W), b = 0: 0 steps" in titles(at)
    at.button(key="descent.step").click().run()
    assert "cost(W), b = 0: 1 step" in titles(at)
    at.button(key="descent.step").click().run()
    assert "cost(W), b = 0: 2 steps" in titles(at)
    korean = opened("pages/gradient_descent.py", lang="ko")
    assert "cost(W), b = 0: 0 걸음" in titles(korean)


def test_a_layer_of_one_neuron_says_neuron():
    at = opened("pages/classify.py", layers="1-2")
    words = " ".join(m.value for m in at.markdown)
    assert "1 neuron" in words and "1 neurons" not in words and "2 neurons" in words
    korean = " ".join(m.value for m in opened("pages/classify.py", layers="1-2", lang="ko").markdown)
    assert "뉴런 1개" in korean and "뉴런 2개" in korean


def test_a_classify_run_on_other_points_is_labelled_by_its_data_seed():
    at = opened("pages/classify.py", dataset="gauss", epochs="2")
    train(at, "classify")
    at.button(key="classify.new_points").click().run()
    train(at, "classify")
    table = at.dataframe[-1].value
    labels = " ".join(str(v) for v in table["Run (what differs from the newest)"])
    assert "#1 · data seed 0" in labels and "points 0" not in labels
    assert all("points " not in str(v) for v in table["Settings"])
