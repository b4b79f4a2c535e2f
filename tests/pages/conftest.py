import pytest
from streamlit.testing.v1 import AppTest

from apptest_helpers import APP


@pytest.fixture
def app():
    """The whole app through its entrypoint, as a browser would open it."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at

