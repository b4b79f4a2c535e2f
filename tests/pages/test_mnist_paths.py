"""With full MNIST in use the caption says where in words, not the server's folder; nor does the script."""
from pathlib import Path

import pytest
import torch
from streamlit.testing.v1 import AppTest

import core
from apptest_helpers import APP

PAGE = "pages/mnist.py"
WORDS = {"en": "the server's download cache", "ko": "서버의 다운로드 캐시"}


def tiny_full(root):
    """A stand-in for torchvision's MNIST: 64 blank digits a set, no download."""
    images, labels = torch.zeros(64, 28, 28, dtype=torch.uint8), torch.arange(64) % 10
    return images, labels, images, labels


def server_paths() -> list[str]:
    return [str(core.data.CACHE), "~/.cache", str(Path.home()), str(core.data.SAMPLE.parent.parent)]


@pytest.mark.parametrize("lang", list(WORDS))
def test_full_mnist_is_said_in_words_not_a_folder(lang, monkeypatch):
    import streamlit as st
    st.cache_resource.clear()  # no earlier load of this process stands in for full MNIST
    monkeypatch.setattr(core.data, "_full", tiny_full)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(lang=lang, dataset="full")
    at.switch_page(PAGE)
    at.run()
    st.cache_resource.clear()
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert WORDS[lang] in captions, captions
    assert not any(p in captions for p in server_paths())


@pytest.mark.parametrize("dataset", ["sample", "full"])
def test_the_script_holds_no_path_of_the_server(dataset, monkeypatch):
    import streamlit as st
    st.cache_resource.clear()
    monkeypatch.setattr(core.data, "_full", tiny_full)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(dataset=dataset)
    at.switch_page(PAGE)
    at.run()
    st.cache_resource.clear()
    scripts = [c.value for c in at.code if c.language == "python" and "final loss" in c.value]
    assert scripts and not any(p in s for s in scripts for p in server_paths())
