"""Presenter mode hides the sidebar: a sentence that sends the class to the settings says Settings there."""
import pytest

from test_links import opened

PAGES = ["pages/home.py", "pages/tensors.py", "pages/linear_regression.py", "pages/gradient_descent.py",
         "pages/sine.py"]
WORDS = {"en": ("sidebar", "**Settings**"), "ko": ("사이드바", "**설정**")}


def sentences(at) -> list[str]:
    return [e.value for kind in ("markdown", "info", "warning", "caption", "success", "error")
            for e in getattr(at, kind)]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("page", PAGES)
def test_presenter_mode_says_settings_not_the_sidebar(page, lang):
    sidebar, settings = WORDS[lang]
    presenting = sentences(opened(page, present="1", lang=lang))
    assert [s for s in presenting if sidebar in s] == []
    assert any(settings in s for s in presenting)
    plain = sentences(opened(page, lang=lang))
    assert any(sidebar in s for s in plain) and not any(settings in s for s in plain)
