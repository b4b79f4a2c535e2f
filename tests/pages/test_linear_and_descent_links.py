"""Links carry everything the linear regression and gradient descent pages need to reproduce a picture."""
from test_links import opened

LINEAR = "pages/linear_regression.py"
DESCENT = "pages/gradient_descent.py"


def address(at) -> dict:
    return {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}


def test_a_link_sets_the_noisy_lines_settings():
    at = opened(LINEAR, dataset="noisy", points="100", slope="-2.5", intercept="4", noise="3", data_seed="7",
                log="1", standardise="1")
    assert not at.exception and not at.warning
    got = {k: at.number_input(key=f"linear.{k}").value for k in ("points", "slope", "intercept", "noise", "data_seed")}
    assert got == {"points": 100, "slope": -2.5, "intercept": 4.0, "noise": 3.0, "data_seed": 7}
    assert at.toggle(key="linear.log").value and at.checkbox(key="linear.standardise").value


def test_a_link_sets_centred_off_and_a_change_is_written_back():
    at = opened(LINEAR, dataset="heights", centred="0")
    assert not at.exception and at.checkbox(key="linear.centred").value is False
    at.checkbox(key="linear.centred").check().run()
    assert address(at)["centred"] == "1"
    at.toggle(key="linear.log").set_value(True).run()
    assert address(at)["log"] == "1"


def test_a_link_with_a_slope_beyond_float32_is_brought_into_range():
    at = opened(LINEAR, dataset="noisy", slope="-1e39", noise="1e308")
    assert not at.exception and not at.error
    assert at.number_input(key="linear.slope").value == -1000.0
    assert at.number_input(key="linear.noise").value == 100.0
    assert any("slope" in w.value for w in at.warning)


def test_a_link_sets_the_descent_starts():
    at = opened(DESCENT, start_w="4.5", w0="-3", b0="2")
    assert not at.exception and not at.warning
    assert at.number_input(key="descent.start_w").value == 4.5
    assert (at.number_input(key="descent.w0").value, at.number_input(key="descent.b0").value) == (-3.0, 2.0)
    assert at.session_state["descent.path.line"] == [4.5]


def test_a_link_with_a_start_beyond_float32_is_brought_into_range_and_compare_works():
    at = opened(DESCENT, w0="1e39", b0="-1e39", epochs="5")
    assert not at.exception
    assert at.number_input(key="descent.w0").value == 100.0 and at.number_input(key="descent.b0").value == -100.0
    at.button(key="descent.compare_button").click().run()
    assert not at.exception
