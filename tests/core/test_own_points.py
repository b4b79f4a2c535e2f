"""Your own points: clicks add and remove, the link's text and the CSV read back, bad rows named, and the
script builds the page's very tensors."""
import pytest

from core import classify, own_points
from core.problems import Problem

SOME = ((-3.0, -3.0, 0), (-2.5, -3.0, 0), (3.0, 3.0, 1), (2.5, 3.15, 1), (0.0, 4.0, 2))


def test_a_click_adds_a_point_and_a_click_on_it_removes_it():
    own = own_points.toggle((), 1.05, -2.25, 1)
    assert own == ((1.05, -2.25, 1),)
    assert own_points.toggle(own, 1.05, -2.25, 0) == ()                  # the cell under the point
    assert own_points.toggle(own, 1.2, -2.1, 0) == ()                    # near it, within half a cell
    assert len(own_points.toggle(own, 1.05 + own_points.STEP, -2.25, 0)) == 2  # the next cell: a new point


def test_cells_cover_the_plane_a_step_apart():
    cells = own_points.cells()
    assert len(cells) == own_points.GRID ** 2
    xs = sorted({c["x"] for c in cells})
    assert xs[0] == -6 + own_points.STEP / 2 and xs[-1] == 6 - own_points.STEP / 2


def test_the_link_text_reads_back_the_same_points():
    text = own_points.format_link(SOME)
    assert text.startswith("-3,-3,0;-2.5,-3,0;3,3,1")
    assert own_points.parse(text) == SOME
    assert own_points.fits_link(text)
    many = ((0.1, 0.1, 0),) * (own_points.LINK_MOST + 1)
    assert not own_points.fits_link(own_points.format_link(many))


@pytest.mark.parametrize("raw", ["1,2", "1,2,9", "a,b,0", "1,2,0;7,0,1", "nan,0,1", "1,2,0,5"])
def test_a_bad_link_raises_a_problem(raw):
    with pytest.raises(Problem) as err:
        own_points.parse(raw)
    assert err.value.code == "points.own"


def test_a_csv_with_names_numbers_them_in_order_and_scales_to_the_plane():
    raw = b"x1,x2,label\n10,0,cat\n-20,5,dog\n3,3,cat\n0,-4,bird\n"
    own, names, scale = own_points.read_csv(raw)
    assert names == ("cat", "dog", "bird") and [c for *_, c in own] == [0, 1, 0, 2]
    assert scale == pytest.approx(0.3) and own[1][:2] == (-6.0, 1.5)


@pytest.mark.parametrize("raw, code, row", [
    (b"1,2,0\n3,4,1\n5,6,1e9\n7,8,0\n", "own.label", 3),          # the label of 1e9
    (b"1,2,0\n3,4\n5,6,1\n7,8,0\n", "own.columns", 2),
    (b"1,2,0\nx,4,1\n5,6,1\n7,8,0\n", "own.not_numbers", 2),
    (b"1,2,0\n3,4,1\n5,inf,1\n7,8,0\n", "csv.not_finite", 3),
    (b"0,0,a\n0,0,b\n0,0,c\n0,0,d\n0,0,e\n0,0,f\n", "own.names", 6),
])
def test_a_bad_row_is_named(raw, code, row):
    with pytest.raises(Problem) as err:
        own_points.read_csv(raw)
    assert err.value.code == code and err.value.values["row"] == row


def test_too_many_rows_and_too_few_are_refused():
    with pytest.raises(Problem) as err:
        own_points.read_csv(b"".join(b"1,1,0\n" for _ in range(5001)))
    assert err.value.code == "csv.too_many_rows"
    with pytest.raises(Problem) as err:
        own_points.read_csv(b"1,1,0\n2,2,1\n")
    assert err.value.code == "own.too_few"


def test_the_script_builds_the_tensors_the_page_trains_on():
    setup = classify.Setup(own_points.KIND, 0.0, 0, 0.4, ("x1", "x2"), (3,), "tanh", "none", 0.0,
                           n=len(SOME), classes=own_points.classes(SOME), own=SOME)
    space = {}
    exec("import torch\n" + classify.recipe(setup).data.split("order =")[0], space)
    x, y = own_points.tensors(SOME)
    assert (space["points_x"] == x).all() and (space["points_y"] == y).all() and x.dtype == space["points_x"].dtype
    train_x, *_ = classify.prepare(setup)
    assert len(train_x) == 3  # 2 of 5 kept for testing
    assert classify.inputs_of(setup)["points"] == 5 and "noise" not in classify.inputs_of(setup)


def test_whole_number_points_still_make_a_float_script():
    whole = ((1.0, 1.0, 0), (2.0, 2.0, 0), (-1.0, -2.0, 1), (-2.0, -1.0, 1))
    setup = classify.Setup(own_points.KIND, 0.0, 0, 0.5, ("x1", "x2"), (2,), "tanh", "none", 0.0, n=4, own=whole)
    space = {}
    exec("import torch\n" + classify.recipe(setup).data.split("order =")[0], space)
    assert space["points_x"].dtype == own_points.tensors(whole)[0].dtype


@pytest.mark.parametrize("raw, row", [(b"1,0,1\n2,0,0\n3,0,2.5\n4,0,1\n", 3), (b"x,4,1\n2,0,0\n3,0,1\n4,0,1\n", 1)])
def test_a_label_of_2_5_or_a_bad_first_row_is_named_not_taken_for_names_or_a_header(raw, row):
    with pytest.raises(Problem) as err:
        own_points.read_csv(raw)
    assert err.value.values["row"] == row
