"""The MNIST script holds no path of the server's: it finds the sample beside itself or in ./data, or says
what it trains on instead."""
import runpy
import shutil
import sys

import pytest

import core

NAME = core.data.SAMPLE.name


def data_script(folder) -> str:
    """The script's data part, saved as folder/mnist.py."""
    path = folder / "mnist.py"
    path.write_text("import torch\n" + core.codegen.data_mnist("sample"), encoding="utf-8")
    return str(path)


def test_the_script_holds_no_path_of_the_server():
    code = core.codegen.data_mnist("sample")
    assert str(core.data.SAMPLE) not in code and str(core.data.SAMPLE.parent.parent) not in code
    assert "/" + NAME not in code.replace("./data", "")  # only the file's name, no folder of this machine


@pytest.mark.parametrize("where", ["beside", "data"])
def test_the_script_finds_the_sample_beside_itself_or_in_data(where, tmp_path, monkeypatch):
    saved, elsewhere = tmp_path / "saved", tmp_path / "elsewhere"
    saved.mkdir(), elsewhere.mkdir()
    target = saved if where == "beside" else elsewhere / "data"
    target.mkdir(exist_ok=True)
    shutil.copy(core.data.SAMPLE, target / NAME)
    monkeypatch.chdir(elsewhere)  # run from another folder, as `python saved/mnist.py` does
    scope = runpy.run_path(data_script(saved))
    assert tuple(scope["x"].shape) == (4000, 1, 28, 28) and tuple(scope["test_y"].shape) == (1000,)


def test_pasted_into_a_notebook_it_reads_data_of_the_current_folder(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    shutil.copy(core.data.SAMPLE, tmp_path / "data" / NAME)
    monkeypatch.chdir(tmp_path)
    scope = {}
    exec("import torch\n" + core.codegen.data_mnist("sample"), scope)  # no __file__, as in a notebook cell
    assert tuple(scope["x"].shape) == (4000, 1, 28, 28)


def test_without_the_sample_it_says_what_it_trains_on_instead(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, "torchvision", None)  # no torchvision: no download is tried, no network
    with pytest.raises(SystemExit) as stop:
        runpy.run_path(data_script(tmp_path))
    said = capsys.readouterr().out
    assert NAME in said and "training on full MNIST" in said
    assert "Could not get MNIST" in str(stop.value)
