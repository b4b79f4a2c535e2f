"""Classify with your own points, in AppTest: points from a link train, the link and the script carry them,
too few points are said, a hostile link warns. (Clicks on the plane are a browser's: tests/e2e.)"""
import subprocess
import sys

from apptest_helpers import train
from test_classify_page import PAGE, address
from test_links import opened

from core import own_points

POINTS = ((-3, -3, 0), (-2.5, -3, 0), (-3, -2, 0), (-2, -2.5, 0), (3, 3, 1), (2.5, 3, 1), (3, 2, 1), (2, 2.5, 1),
          (0, 4.5, 2), (0.5, 4, 2), (-0.5, 4, 2), (0, 5, 2))
TEXT = own_points.format_link(POINTS)


def test_points_from_a_link_train_and_the_script_prints_the_page_loss(tmp_path):
    at = opened(PAGE, dataset="own", own=TEXT, epochs="40", lr="0.02")
    assert not at.exception and not at.warning
    assert "12 points: 4 orange, 4 blue, 4 green." in [c.value for c in at.caption]
    train(at, "classify")
    run = at.session_state["classify.runs"].kept[-1]
    assert run.inputs["dataset"] == "own" and run.inputs["points"] == 12 and run.inputs["classes"] == 3
    assert address(at)["own"] == TEXT  # the share link carries them
    script = tmp_path / "classify.py"
    script.write_text(at.code[-1].value)
    printed = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120).stdout
    assert f"{run.run.hist.loss[-1]:.6f}" in printed, printed


def test_with_too_few_points_the_page_says_so_and_trains_nothing():
    at = opened(PAGE, dataset="own", own="1,1,0;2,2,0;3,3,0;4,4,0")  # one colour only
    assert not at.exception
    assert [i.value for i in at.info] == ["Place at least 4 points, of at least two colours, to train on them."]
    assert not [b for b in at.button if b.key == "classify.train"]


def test_a_hostile_link_warns_and_starts_empty():
    at = opened(PAGE, dataset="own", own="1,2;9,9,9")
    assert not at.exception
    assert any("The link's points" in w.value for w in at.warning)
    assert address(at).get("own", "") == ""


def test_clear_empties_the_plane():
    at = opened(PAGE, dataset="own", own=TEXT)
    at.button(key="classify.own_clear").click().run()
    assert not at.exception and address(at).get("own", "") == ""
    assert "No points yet" in " ".join(c.value for c in at.caption)
