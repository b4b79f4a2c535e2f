"""The MNIST page in AppTest: one epoch on the sample, what it gets wrong, your own digit."""
import io

import pytest
from PIL import Image, ImageDraw

from apptest_helpers import metric, open_page, train

PAGE = "pages/mnist.py"


def seven_png() -> bytes:
    img = Image.new("RGB", (120, 160), "white")
    ImageDraw.Draw(img).line([(20, 20), (100, 20), (55, 140)], fill="black", width=12)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def chart_titles(at):
    import json
    titles = []
    for c in at.get("vega_lite_chart"):
        spec = json.loads(c.proto.spec)
        title = spec.get("title") or next(
            (layer.get("title") for layer in spec.get("layer", []) if layer.get("title")), None
        )
        titles.append(title.get("text") if isinstance(title, dict) else title)
    return titles


@pytest.fixture
def trained(app):
    open_page(app, PAGE)
    assert any("bundled sample" in c.value for c in app.caption)  # tests run offline
    train(app, "mnist")  # one epoch, the tutorial's settings
    return app


def test_the_loss_says_it_is_the_mean_of_the_batches_the_curve_draws(trained):
    """A batch-loss curve beside an epoch's mean loss, unexplained, read as two numbers that disagree."""
    final = next(m for m in trained.metric if m.label == "Final loss")
    assert "mean loss over the epoch's batches" in final.proto.help


def test_one_epoch_on_the_sample_shows_accuracy_confusion_and_the_digit_grid(trained):
    accuracy = float(metric(trained, "Test accuracy").rstrip("%")) / 100
    assert 0.5 < accuracy <= 1.0
    titles = chart_titles(trained)
    assert "Confusion matrix" in titles and "Test accuracy per digit" in titles
    assert any(t and t.startswith("Loss, every") for t in titles)
    assert trained.get("image"), "no digit grid"
    run = trained.session_state["mnist.shown"].run
    assert run.hist.metrics["test accuracy"][-1] == pytest.approx(accuracy, abs=0.0005)


def test_only_the_mistakes(trained):
    trained.toggle(key="mnist.only_wrong").set_value(True).run()
    assert not trained.exception and trained.get("image")


def test_your_own_digit_gets_ten_probabilities(trained):
    trained.file_uploader(key="mnist.upload").upload("seven.png", seven_png(), "image/png").run()
    assert not trained.error and not trained.exception
    assert any(t and t.startswith("The model reads a") for t in chart_titles(trained))


@pytest.mark.parametrize("name, content", [("notes.png", b"not an image at all"),
                                           ("fake.jpg", b"%PDF-1.4\n%fake")])
def test_a_non_image_upload_gives_an_error(app, name, content):
    open_page(app, PAGE)
    app.file_uploader(key="mnist.upload").upload(name, content, "image/png").run()
    assert not app.exception
    assert any("not a picture" in e.value for e in app.error)


def test_an_upload_before_training_asks_to_train_first(app):
    open_page(app, PAGE)
    app.file_uploader(key="mnist.upload").upload("seven.png", seven_png(), "image/png").run()
    assert any("Train a model above first" in i.value for i in app.info)


def test_a_fallback_to_the_sample_can_be_retried(app, monkeypatch):
    import streamlit as st

    import core
    st.cache_resource.clear()  # earlier tests cached the offline load in this process
    monkeypatch.delenv(core.data.OFFLINE)
    calls = []

    def no_network(root):
        calls.append(root)
        raise OSError("no network")

    monkeypatch.setattr(core.data, "_full", no_network)
    open_page(app, PAGE)
    assert any("could not be loaded" in c.value for c in app.caption)
    tried = len(calls)
    app.button(key="mnist.retry_full").click().run()
    assert len(calls) > tried and not app.exception
    st.cache_resource.clear()  # leave no network-free fallback behind for later tests


def test_the_intro_follows_the_layers_the_activation_the_optimizer_and_the_batch(app):
    open_page(app, PAGE)
    def intro():
        return next(m.value for m in app.markdown if "flattened to 784" in m.value)
    assert "Linear 784→128, ReLU, Linear 128→64, ReLU, Linear 64→10" in intro() and "64 pictures" in intro()
    app.selectbox(key="mnist.model").set_value("512-256").run()
    app.selectbox(key="mnist.activation").set_value("tanh").run()
    app.select_slider(key="mnist.batch_size").set_value(256).run()
    app.selectbox(key="mnist.optimizer").set_value("sgd").run()
    assert "Linear 784→512, Tanh, Linear 512→256, Tanh, Linear 256→10" in intro()
    assert "256 pictures" in intro() and "**SGD**" in intro()


def test_several_epochs_by_default_and_accuracy_on_a_0_to_100_percent_axis(trained):
    import json
    run = trained.session_state["mnist.shown"].run
    assert run.cfg.epochs >= 3 and len(run.hist.metrics["test accuracy"]) == run.cfg.epochs
    spec = next(json.loads(c.proto.spec) for c in trained.get("vega_lite_chart")
                if "Accuracy after each epoch" in json.dumps(json.loads(c.proto.spec).get("title")))
    assert spec["encoding"]["y"]["scale"]["domain"] == [0, 1]


def test_the_confusion_matrix_fits_its_column(trained):
    import json
    specs = [json.loads(c.proto.spec) for c in trained.get("vega_lite_chart")]
    spec = specs[chart_titles(trained).index("Confusion matrix")]
    assert spec["width"] == "container"  # not 30 px a cell: all ten columns on a 1024 px projector


def test_a_link_carries_the_activation():
    from streamlit.testing.v1 import AppTest
    from apptest_helpers import APP
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["activation"] = "sigmoid"
    at.switch_page(PAGE)
    at.run()
    assert at.selectbox(key="mnist.activation").value == "sigmoid"


def test_a_bad_upload_is_said_in_korean():
    from streamlit.testing.v1 import AppTest
    from apptest_helpers import APP
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "ko"
    at.switch_page(PAGE)
    at.run()
    at.file_uploader(key="mnist.upload").upload("notes.png", b"not an image", "image/png").run()
    assert any("그림 파일이 아닙니다" in e.value for e in at.error)


def test_full_mnist_failing_is_said_in_the_pages_language(monkeypatch):
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    import core
    from apptest_helpers import APP
    st.cache_resource.clear()

    def no_network(root):
        raise core.data.NoMirror(3.0)

    monkeypatch.setattr(core.data, "_full", no_network)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(lang="ko", dataset="full")
    at.switch_page(PAGE)
    at.run()
    st.cache_resource.clear()
    assert any("네트워크 없음" in e.value for e in at.error), [e.value for e in at.error]
    assert not any("mirrors" in e.value for e in at.error)  # the detail too, in Korean


def test_the_fallback_to_the_sample_says_why_in_the_pages_language(monkeypatch):
    """"(none of torchvision's MNIST mirrors answered within 3 s)" stayed English in Korean mode."""
    import streamlit as st

    import core
    from test_links import opened
    st.cache_resource.clear()
    monkeypatch.delenv(core.data.OFFLINE, raising=False)
    monkeypatch.setattr(core.data, "_full", lambda root: (_ for _ in ()).throw(core.data.NoMirror(3.0)))
    at = opened(PAGE, lang="ko")
    st.cache_resource.clear()
    why = next(c.value for c in at.caption if "이유" in c.value)
    assert "3초 안에" in why and "mirrors" not in why, why


def test_two_runs_compare_with_test_accuracy_in_the_table_and_any_optimizer_in_the_intro():
    from test_links import opened
    at = opened("pages/mnist.py", epochs="1", optimizer="rmsprop", lr="0.001")
    assert "RMSprop" in " ".join(m.value for m in at.markdown)
    train(at, "mnist")
    at.select_slider(key="mnist.lr").set_value(0.002).run()
    train(at, "mnist")
    kept = at.session_state["mnist.runs"].kept
    assert len(kept) == 2 and all(k.run.hist.metrics["test accuracy"] for k in kept)
    table = at.dataframe[-1].value                       # the runs table, its last element of that kind
    assert "Test accuracy" in table.columns and table["Test accuracy"].notna().all()


def test_what_it_gets_wrong_follows_a_change_of_data_set_after_training(monkeypatch):
    import streamlit as st

    import core
    from test_links import opened
    st.cache_resource.clear()
    train_x, train_y, test_x, test_y = core.data._sample()
    monkeypatch.setattr(core.data, "_full", lambda root: (train_x[:500], train_y[:500], test_x[:300], test_y[:300]))
    at = opened(PAGE, dataset="sample", epochs="1")
    train(at, "mnist")
    at.selectbox(key="mnist.dataset").set_value("full").run()   # a test set of another size
    st.cache_resource.clear()
    assert not at.exception, at.exception
    assert "Confusion matrix" in chart_titles(at)


def test_look_inside_the_mlp_shows_its_first_layers_weights(trained):
    assert any(h.value == "Look inside the network" for h in trained.header)
    pictures = [i for i in trained.get("image") if "First-layer weights" in str(i.proto)]
    assert pictures, "no weight pictures"


def test_the_surest_mistakes_come_first(trained):
    trained.toggle(key="mnist.only_wrong").set_value(True).run()
    assert "The surest mistakes come first" in str([i.proto for i in trained.get("image")])


def test_the_cnn_trains_and_shows_its_filters_and_feature_maps(app):
    open_page(app, PAGE)
    app.selectbox(key="mnist.arch").set_value("cnn").run()
    assert app.selectbox(key="mnist.model").disabled and app.selectbox(key="mnist.activation").disabled
    assert any("Conv 1→16 5×5" in m.value for m in app.markdown)
    train(app, "mnist")
    assert float(metric(app, "Test accuracy").rstrip("%")) > 50
    shown = str([i.proto for i in app.get("image")])
    assert "Below each filter: its feature map" in shown
    assert len(app.get("image")) >= 1 + 4 + 1  # the digit grid; filters and maps, 8 a row; the digit
    assert any("first test digit" in m.value for m in app.markdown)
    code = next(c.value for c in app.code if "final loss" in c.value)
    assert "nn.Conv2d(1, 16, 5)" in code
    run = app.session_state["mnist.shown"].run
    assert isinstance(run.model[0], __import__("torch").nn.Conv2d)
    app.file_uploader(key="mnist.upload").upload("seven.png", seven_png(), "image/png").run()
    assert any("The digit is yours" in m.value for m in app.markdown)


def test_a_link_chooses_the_cnn():
    from test_links import opened
    at = opened(PAGE, arch="cnn")
    assert not at.exception and not at.warning
    assert at.selectbox(key="mnist.arch").value == "cnn"
    assert any("convolutional network" in m.value for m in at.markdown)
